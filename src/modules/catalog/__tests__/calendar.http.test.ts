import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';

interface Day {
  day: string;
  kind: string;
  name: string;
  source: string;
}

describe('holiday calendar (POL-2)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  const calendar = async (year?: number) => {
    const res = await h.request({
      method: 'GET',
      url: `/api/calendar${year ? `?year=${year}` : ''}`,
      headers: await h.login('engineer'),
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { year: number; days: Day[] };
  };

  it('POL-2 lists a year’s statutory holidays and make-up workdays, this business year by default', async () => {
    const y2026 = await calendar(2026);
    expect(y2026.year).toBe(2026);
    expect(y2026.days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026.days.find((d) => d.day === '2026-02-17')).toEqual({
      day: '2026-02-17',
      kind: 'holiday',
      name: '春节',
      source: 'chinese-days',
    });
    expect((await calendar()).year).toBe(2026);
  });

  it('POL-2 an administrator adds and corrects days (source admin, audited) and deletes them', async () => {
    const put = await h.request({
      method: 'PUT',
      url: '/api/calendar/2026-12-31',
      headers: admin,
      payload: { kind: 'holiday', name: '公司年终假' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ day: '2026-12-31', kind: 'holiday', name: '公司年终假', source: 'admin' });
    h.clock.advance(1000);
    const correct = await h.request({
      method: 'PUT',
      url: '/api/calendar/2026-02-28',
      headers: admin,
      payload: { kind: 'workday', name: '春节调休（公司）' },
    });
    expect(correct.json()).toMatchObject({ source: 'admin', name: '春节调休（公司）' });
    h.clock.advance(1000);
    const del = await h.request({ method: 'DELETE', url: '/api/calendar/2026-12-31', headers: admin });
    expect(del.statusCode).toBe(204);
    const again = await h.request({ method: 'DELETE', url: '/api/calendar/2026-12-31', headers: admin });
    expect(again.statusCode).toBe(404);
    const days = (await calendar(2026)).days;
    expect(days.some((d) => d.day === '2026-12-31')).toBe(false);

    const { rows } = await h.testDb.database.executeSql(
      `select entity_id, action, before, after from audit_log where entity = 'calendar_day' order by at, id`,
      [],
    );
    expect(rows.map((r) => [r.entity_id, r.action])).toEqual([
      ['2026-12-31', 'create'],
      ['2026-02-28', 'update'],
      ['2026-12-31', 'delete'],
    ]);
    expect(rows[1]?.before).toEqual({ kind: 'workday', name: '春节', source: 'chinese-days' });
    const stored = await h.testDb.database.executeSql(
      `select updated_by from calendar_days where day = '2026-02-28'`,
      [],
    );
    expect(stored.rows[0]?.updated_by).toBe(await h.services.users.findIdByUsername('admin'));
  });

  it('POL-2 refuses a weekday make-up workday, impossible dates and years out of range, with the field', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/api/calendar/2026-11-24', { kind: 'workday', name: '调休' }, 400, '/kind'],
      ['/api/calendar/2026-02-30', { kind: 'holiday', name: '假日' }, 400, '/day'],
      ['/api/calendar/1990-10-01', { kind: 'holiday', name: '国庆节' }, 400, '/day'],
      ['/api/calendar/2026-11-24', { kind: 'holiday', name: '   ' }, 400, '/name'],
    ];
    const wrong: string[] = [];
    for (const [url, payload, status, path] of cases) {
      const res = await h.request({ method: 'PUT', url, headers: admin, payload: payload as object });
      const paths = ((res.json().errors ?? []) as { path: string }[]).map((e) => e.path);
      if (res.statusCode !== status || !paths.includes(path))
        wrong.push(`${url}: ${res.statusCode} ${res.body}`);
    }
    expect(wrong).toEqual([]);
    const badYear = await h.request({ method: 'GET', url: '/api/calendar?year=1800', headers: admin });
    expect(badYear.statusCode).toBe(400);
    const badDelete = await h.request({ method: 'DELETE', url: '/api/calendar/2026-13-01', headers: admin });
    expect(badDelete.statusCode).toBe(400);
  });

  it('POL-2 only administrators change the calendar', async () => {
    for (const role of ['center', 'agent', 'outlet']) {
      const res = await h.request({
        method: 'PUT',
        url: '/api/calendar/2026-12-30',
        headers: await h.login(role),
        payload: { kind: 'holiday', name: '假日' },
      });
      expect(res.statusCode, role).toBe(403);
      const del = await h.request({
        method: 'DELETE',
        url: '/api/calendar/2026-10-01',
        headers: await h.login(role),
      });
      expect(del.statusCode, role).toBe(403);
    }
  });
});
