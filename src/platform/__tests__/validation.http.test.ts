import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';

describe('request validation', () => {
  let h: Harness;
  let admin: Record<string, string>;
  const model = (over: Record<string, unknown>) =>
    h.request({
      method: 'POST',
      url: '/api/models',
      headers: admin,
      payload: {
        name: '验证',
        categoryCode: 'air_conditioner',
        warrantyMonths: 12,
        keyPartsWarrantyMonths: 12,
        ...over,
      },
    });

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('keeps null as null in JSON bodies (no coercion of nullable fields to 0 or "")', async () => {
    const r = await model({ code: 'VAL-NULL', dealerPriceFen: null });
    expect(r.statusCode).toBe(201);
    expect(r.json().dealerPriceFen).toBeNull();
  });

  it('refuses a number sent as a string in a JSON body, naming the field', async () => {
    const r = await model({ code: 'VAL-STR', warrantyMonths: '12' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/warrantyMonths' })]),
    );
  });

  it('still reads numbers and booleans from query strings', async () => {
    const r = await h.request({
      method: 'GET',
      url: '/api/models?page=1&pageSize=5&active=true',
      headers: admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().pageSize).toBe(5);
  });
});
