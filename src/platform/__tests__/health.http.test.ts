import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';
import { latestMigrationTag } from '../db/migrate.ts';

describe('GET /api/health', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers status, database kind and the applied migration without a login', async () => {
    const res = await h.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: inject('testDb'),
      migration: latestMigrationTag(),
    });
  });

  it('warns when next year’s holiday calendar is missing, and not when it is loaded', async () => {
    h.clock.set('2026-11-23T02:00:00Z');
    const missing = (await h.request({ method: 'GET', url: '/api/health' })).json();
    expect(missing.warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_NEXT_YEAR_MISSING' })]);
    expect(missing.warnings[0].message).toContain('2027');
    h.clock.set('2025-06-01T00:00:00Z');
    expect((await h.request({ method: 'GET', url: '/api/health' })).json().warnings).toBeUndefined();
  });

  it('serves the OpenAPI document', async () => {
    const res = await h.request({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/policies/{key}/versions');
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await h.request({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
