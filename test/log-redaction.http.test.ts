import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';

/** MD-5 / SEC: what the server logs while people work with personal data. */
describe('personal data never reaches the logs', () => {
  let h: Harness;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    // Info level: every request and response is logged, as on a production server.
    h = await createHarness({ logger: pino({ level: 'info' }, sink) });
  }, 120_000);
  afterAll(async () => h?.close());

  it('MD-5 names, phones, addresses, ID numbers, passwords and cookies are redacted from request logs', async () => {
    const name = '欧阳娜娜';
    const phone = '13987654321';
    const detail = '珠江新城花城大道18号';
    const agent = await h.login('agent');
    const created = await h.request({
      method: 'POST',
      url: '/api/customers',
      headers: agent,
      payload: {
        name,
        phones: [{ number: phone, label: 'mobile' }],
        addresses: [{ regionCode: '440106', detail }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const found = await h.request({ method: 'GET', url: `/api/customers?phone=${phone}`, headers: agent });
    expect(found.statusCode).toBe(200);
    const lookup = await h.request({
      method: 'GET',
      url: `/api/customers/lookup?phone=${phone}`,
      headers: agent,
    });
    expect(lookup.statusCode).toBeLessThan(500);
    const revealed = await h.request({ method: 'POST', url: `/api/customers/${id}/reveal`, headers: agent });
    expect(revealed.statusCode).toBeLessThan(500);
    // A refused write logs its error: the refused body's personal data must not appear in it either.
    const refused = await h.request({
      method: 'POST',
      url: '/api/customers',
      headers: agent,
      payload: { name, phones: [{ number: 'not-a-phone', label: 'mobile' }], idNumber: '440106199001011234' },
    });
    expect(refused.statusCode).toBe(400);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [name, phone, detail, '440106199001011234', 'demo1234', agent.cookie ?? '']) {
      expect(log.includes(secret), `log contains ${secret.slice(0, 12)}`).toBe(false);
    }
  });
});
