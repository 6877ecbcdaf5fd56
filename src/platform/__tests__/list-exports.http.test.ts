import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';

async function sheetRows(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('xlsx export of the user, audit and policy lists', () => {
  let h: Harness;
  let admin: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('exports the filtered user list in the reader’s language, phones masked', async () => {
    const r = await h.request({
      method: 'GET',
      url: '/api/users/export.xlsx?role=engineer&lang=zh-CN',
      headers: admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(r.rawPayload);
    expect(rows[0]?.[0]).toBe('用户名');
    expect(rows.slice(1).map((x) => x[0])).toEqual(['engineer']);
    expect(String(rows[1]?.[4])).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('exports the audit list with the same filters, and refuses roles without the right', async () => {
    const r = await h.request({
      method: 'GET',
      url: '/api/audit/export.xlsx?entity=user&action=login&lang=en-US',
      headers: admin,
    });
    expect(r.statusCode).toBe(200);
    const rows = await sheetRows(r.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Time', 'Actor', 'Role']);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((x) => x[5] === 'login')).toBe(true);
    const agent = await h.login('agent');
    expect(
      (await h.request({ method: 'GET', url: '/api/audit/export.xlsx', headers: agent })).statusCode,
    ).toBe(403);
  });

  it('POL-1 exports every policy with the version in force', async () => {
    const r = await h.request({ method: 'GET', url: '/api/policies/export.xlsx?lang=zh-CN', headers: admin });
    expect(r.statusCode).toBe(200);
    const rows = await sheetRows(r.rawPayload);
    expect(rows[0]?.[0]).toBe('参数');
    expect(rows.some((x) => x[1] === 'wo.sla.standard' && x[5] === 1)).toBe(true);
  });
});
