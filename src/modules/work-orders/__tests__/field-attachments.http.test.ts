import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_B } from '../../../../test/harness.ts';
import { defaultFilesDir } from '../field-attachments.service.ts';
import { insertOrder } from './field-fixtures.ts';

const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF photo bytes'),
]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR....'),
]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 data')]);

describe('photos on orders', () => {
  let h: Harness;
  let engineer: Record<string, string>;
  let dispatcher: Record<string, string>;

  const upload = (orderId: string, body: Buffer | string, type: string, query = '') =>
    h.request({
      method: 'POST',
      url: `/api/work-orders/${orderId}/attachments${query}`,
      headers: { ...engineer, 'content-type': type },
      payload: body,
    });

  beforeAll(async () => {
    h = await createHarness();
    engineer = await h.login('engineer');
    dispatcher = await h.login('dispatcher');
  });
  afterAll(() => h.close());

  it('WO-12 an engineer attaches JPEG, PNG and WebP photos: stored on disk with their SHA-256, listed and streamed back', async () => {
    const order = await insertOrder(h, { status: 'in_progress', engineerId: 'eng_fixture01' });
    const r = await upload(
      order.id,
      jpeg,
      'image/jpeg',
      '?kind=fault&fileName=..%2F..%2F%E6%95%85%E9%9A%9C.jpg',
    );
    expect(r.statusCode).toBe(201);
    const sha = createHash('sha256').update(jpeg).digest('hex');
    expect(r.json().attachment).toMatchObject({
      kind: 'fault',
      fileName: '故障.jpg',
      contentType: 'image/jpeg',
      sizeBytes: jpeg.length,
      sha256: sha,
    });
    const id = r.json().attachment.id as string;
    const stored = path.join(defaultFilesDir(), 'orders', order.id, `${id}.jpg`);
    expect(fs.readFileSync(stored).equals(jpeg)).toBe(true);
    expect((await upload(order.id, png, 'image/png')).statusCode).toBe(201);
    expect((await upload(order.id, webp, 'image/webp; charset=binary')).statusCode).toBe(201);
    const list = (
      await h.request({ method: 'GET', url: `/api/work-orders/${order.id}/attachments`, headers: dispatcher })
    ).json();
    expect(list.items.map((a: { contentType: string }) => a.contentType).sort()).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
    ]);
    const file = await h.request({
      method: 'GET',
      url: `/api/work-orders/${order.id}/attachments/${id}`,
      headers: dispatcher,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.equals(jpeg)).toBe(true);
    const audit = await h.testDb.database.executeSql(
      `select count(*) as n from audit_log where entity = 'work_order' and entity_id = $1 and action = 'attachment_added'`,
      [order.id],
    );
    expect(Number(audit.rows[0]?.n)).toBe(3);
  });

  it('refuses other types, bytes that are not the declared image, empty and oversized photos', async () => {
    const order = await insertOrder(h, { status: 'in_progress', engineerId: 'eng_fixture01' });
    const cases: { name: string; body: Buffer | string; type: string; status: number; reason?: string }[] = [
      {
        name: 'gif',
        body: Buffer.from('GIF89a....'),
        type: 'image/gif',
        status: 415,
        reason: 'TYPE_NOT_ACCEPTED',
      },
      { name: 'svg', body: '<svg/>', type: 'image/svg+xml', status: 415, reason: 'TYPE_NOT_ACCEPTED' },
      { name: 'text', body: 'hello', type: 'text/plain', status: 415, reason: 'TYPE_NOT_ACCEPTED' },
      { name: 'pdf', body: Buffer.from('%PDF-1.7'), type: 'application/pdf', status: 415 },
      { name: 'png as jpeg', body: png, type: 'image/jpeg', status: 415, reason: 'TYPE_MISMATCH' },
      {
        name: 'script as png',
        body: Buffer.from('#!/bin/sh\nrm -rf /'),
        type: 'image/png',
        status: 415,
        reason: 'NOT_AN_IMAGE',
      },
      { name: 'empty', body: Buffer.alloc(0), type: 'image/jpeg', status: 400 },
      {
        name: 'over 8 MB',
        body: Buffer.concat([jpeg, Buffer.alloc(8 * 1024 * 1024)]),
        type: 'image/jpeg',
        status: 413,
      },
    ];
    const wrong: string[] = [];
    for (const c of cases) {
      const r = await upload(order.id, c.body, c.type);
      const b = r.json();
      const problem = String(r.headers['content-type']).includes('application/problem+json');
      if (r.statusCode !== c.status || !problem || (c.reason && b.reason !== c.reason)) {
        wrong.push(`${c.name}: ${r.statusCode} ${b.code} ${b.reason}`);
      }
    }
    expect(wrong).toEqual([]);
    const rows = await h.testDb.database.executeSql(
      `select count(*) as n from order_attachments where order_id = $1`,
      [order.id],
    );
    expect(Number(rows.rows[0]?.n)).toBe(0);
    expect(fs.existsSync(path.join(defaultFilesDir(), 'orders', order.id))).toBe(false);
  });

  it('SEC-1 another outlet’s order and its photos answer 404; roles without field work may not upload', async () => {
    const elsewhere = await insertOrder(h, {
      status: 'in_progress',
      outletId: OUTLET_B,
      engineerId: 'eng_fixture02',
    });
    expect((await upload(elsewhere.id, jpeg, 'image/jpeg')).statusCode).toBe(404);
    const admin = await h.login('admin');
    const up = await h.request({
      method: 'POST',
      url: `/api/work-orders/${elsewhere.id}/attachments`,
      headers: { ...admin, 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    expect(up.statusCode).toBe(201);
    const id = up.json().attachment.id as string;
    for (const url of [
      `/api/work-orders/${elsewhere.id}/attachments`,
      `/api/work-orders/${elsewhere.id}/attachments/${id}`,
    ]) {
      expect((await h.request({ method: 'GET', url, headers: dispatcher })).statusCode).toBe(404);
    }
    const mine = await insertOrder(h, { status: 'in_progress', engineerId: 'eng_fixture01' });
    const wrongOrder = await h.request({
      method: 'GET',
      url: `/api/work-orders/${mine.id}/attachments/${id}`,
      headers: dispatcher,
    });
    expect(wrongOrder.statusCode).toBe(404);
    const agent = await h.login('agent');
    const byAgent = await h.request({
      method: 'POST',
      url: `/api/work-orders/${mine.id}/attachments`,
      headers: { ...agent, 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    expect(byAgent.statusCode).toBe(403);
  });
});
