import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import {
  DealerCallbackPage,
  DealerCallbackSchema,
  DealerReportResponse,
  DealerScheduleResponse,
  TierAssignmentResponse,
} from '../programmes-schemas.ts';

// 2026-11-23 10:00 in Asia/Shanghai.
const NOW = '2026-11-23T02:00:00Z';
const cst = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

type Headers = Record<string, string>;

/** Responses are checked against the published contract, so the console and the server cannot drift apart. */
const expectContract = (schema: TSchema, body: unknown) =>
  expect([...Value.Errors(schema, body)]).toEqual([]);

describe('dealer callbacks (CB-7)', () => {
  let h: Harness;
  const as: Record<string, Headers> = {};
  const ids: Record<string, string> = {};
  const call = (who: string, method: string, url: string, payload?: unknown) =>
    h.request({
      method: method as 'GET',
      url,
      headers: as[who],
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const rows = async (sql: string, params: unknown[] = []) =>
    (await h.testDb.database.executeSql(sql, params)).rows as Record<string, unknown>[];
  const callbackCount = async () => Number((await rows('select count(*) as n from dealer_callbacks'))[0]?.n);
  const schedule = async (who: string, query: string) => {
    const r = await call(who, 'GET', `/api/callbacks/dealers/schedule?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    expectContract(DealerScheduleResponse, r.json());
    return r.json() as {
      items: {
        dealerId: string;
        tier: string;
        tierSince: string;
        calledBack: boolean;
        notCalledBack: { code: string } | null;
        periods: { startDate: string; dueDate: string; covered: boolean; overdue: boolean }[];
        uncoveredPeriods: number;
        lastCallback: { id: string } | null;
      }[];
      total: number;
    };
  };
  const itemOf = (page: Awaited<ReturnType<typeof schedule>>, id: string) =>
    page.items.find((i) => i.dealerId === id);

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    for (const who of ['admin', 'center', 'callback', 'agent', 'regional', 'dispatcher', 'settlement'])
      as[who] = await h.login(who);
    const dealer = async (key: string, tier: string, regionCode: string) => {
      const r = await call('admin', 'POST', '/api/dealers', {
        code: `CB7-${key}`,
        name: `回访测试经销商 ${key}`,
        regionCode,
        tier,
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id as string;
    };
    await dealer('GOLD', 'A', '440106');
    await dealer('MID', 'B', '440106');
    await dealer('BLACK', 'C', '440106');
    await dealer('BJ', 'B', '110108');
    // The gold run began in October, so its fortnights count from 2026-10-01.
    const oct = await call('admin', 'POST', `/api/dealers/${ids.GOLD}/tiers`, {
      month: '2026-10',
      tier: 'A',
      reason: '十月金牌经销商',
    });
    expect(oct.statusCode, oct.body).toBe(201);
  });
  afterAll(() => h.close());

  it('CB-7 the month’s schedule: A every two weeks from its run, B monthly, C listed as not called back', async () => {
    const page = await schedule('callback', 'month=2026-11&pageSize=200');
    expect(itemOf(page, ids.GOLD as string)).toMatchObject({
      tier: 'A',
      tierSince: '2026-10-01',
      calledBack: true,
      notCalledBack: null,
      uncoveredPeriods: 2,
      lastCallback: null,
      periods: [
        { startDate: '2026-10-29', dueDate: '2026-11-11', covered: false, overdue: true },
        { startDate: '2026-11-12', dueDate: '2026-11-25', covered: false, overdue: false },
      ],
    });
    expect(itemOf(page, ids.MID as string)).toMatchObject({
      tier: 'B',
      tierSince: '2026-11-01',
      periods: [{ startDate: '2026-11-01', dueDate: '2026-11-30', covered: false, overdue: false }],
    });
    expect(itemOf(page, ids.BLACK as string)).toMatchObject({
      tier: 'C',
      calledBack: false,
      notCalledBack: { code: 'BLACKLIST_NOT_CALLED_BACK' },
      periods: [],
      uncoveredPeriods: 0,
    });
    // Dealers created in November had no tier in October: that month lists only the gold dealer.
    const october = await schedule('callback', 'month=2026-10');
    expect(october.items.map((i) => [i.dealerId, i.tier, i.periods.length])).toEqual([[ids.GOLD, 'A', 2]]);
    const onlyC = await schedule('callback', 'month=2026-11&tier=C');
    expect(onlyC.items.map((i) => i.dealerId)).toEqual([ids.BLACK]);
  });

  it('CB-7 an answered callback within a period covers it; unanswered calls do not', async () => {
    h.clock.set(cst('2026-11-05'));
    const missed = await call('callback', 'POST', `/api/callbacks/dealers/${ids.GOLD}/callbacks`, {
      answered: false,
    });
    expect(missed.statusCode, missed.body).toBe(201);
    h.clock.set(cst('2026-11-06'));
    const r = await call('callback', 'POST', `/api/callbacks/dealers/${ids.GOLD}/callbacks`, {
      answered: true,
      satisfied: true,
      note: '进货正常，对服务满意',
    });
    expect(r.statusCode, r.body).toBe(201);
    expectContract(DealerCallbackSchema, r.json());
    expect(r.json()).toMatchObject({
      dealerId: ids.GOLD,
      tier: 'A',
      answered: true,
      satisfied: true,
      note: '进货正常，对服务满意',
      agent: { displayName: '回访员 张丽' },
      at: cst('2026-11-06').toISOString(),
    });
    h.clock.set(NOW);
    const page = await schedule('callback', 'month=2026-11&pageSize=200');
    expect(itemOf(page, ids.GOLD as string)).toMatchObject({
      uncoveredPeriods: 1,
      lastCallback: { id: r.json().id },
      periods: [
        { dueDate: '2026-11-11', covered: true, overdue: false, coveredBy: { callbackId: r.json().id } },
        { dueDate: '2026-11-25', covered: false },
      ],
    });
    const due = await schedule('callback', 'month=2026-11&due=true&pageSize=200');
    // By dealer code.
    expect(due.items.map((i) => [i.dealerId, i.periods.map((p) => p.dueDate)])).toEqual([
      [ids.BJ, ['2026-11-30']],
      [ids.GOLD, ['2026-11-25']],
      [ids.MID, ['2026-11-30']],
    ]);
    const paged = await schedule('callback', 'month=2026-11&due=true&page=2&pageSize=2');
    expect([paged.total, paged.items.map((i) => i.dealerId)]).toEqual([3, [ids.MID]]);
  });

  it('CB-7 a blacklisted (C) dealer is not called back: BLACKLIST_NOT_CALLED_BACK, nothing written', async () => {
    const before = await callbackCount();
    const r = await call('callback', 'POST', `/api/callbacks/dealers/${ids.BLACK}/callbacks`, {
      answered: true,
      satisfied: true,
    });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({
      code: 'CALLBACK_RULE_REFUSED',
      rule: 'CB-7',
      reason: 'BLACKLIST_NOT_CALLED_BACK',
      tier: 'C',
    });
    expect(r.json().detail).toContain('complaints');
    expect(await callbackCount()).toBe(before);
  });

  it('CB-7 bad input answers 4xx problem+json and writes nothing', async () => {
    const before = await callbackCount();
    const cases: [string, string, string, unknown, number, string][] = [
      [
        'callback',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: false, satisfied: true },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'callback',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: 'yes' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'callback',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: true, extra: 1 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'callback',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: true, note: 'x'.repeat(1001) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'callback',
        'POST',
        '/api/callbacks/dealers/dlr_missing01/callbacks',
        { answered: true },
        404,
        'NOT_FOUND',
      ],
      [
        'callback',
        'POST',
        '/api/callbacks/dealers/NOT-AN-ID/callbacks',
        { answered: true },
        400,
        'VALIDATION_FAILED',
      ],
      // Regional managers may read dealers but not call them; outlet staff see no dealers at all.
      [
        'regional',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: true },
        403,
        'FORBIDDEN',
      ],
      ['dispatcher', 'GET', '/api/callbacks/dealers/schedule', undefined, 403, 'FORBIDDEN'],
      [
        'callback',
        'POST',
        `/api/callbacks/dealers/${ids.MID}/callbacks`,
        { answered: true, note: 'a\u0000b' },
        400,
        'VALIDATION_FAILED',
      ],
      ['callback', 'GET', '/api/callbacks/dealers/schedule?q=a%00', undefined, 400, 'VALIDATION_FAILED'],
      [
        'callback',
        'GET',
        '/api/callbacks/dealers/schedule?month=2026-13',
        undefined,
        400,
        'VALIDATION_FAILED',
      ],
      [
        'callback',
        'GET',
        '/api/callbacks/dealers/schedule?month=1999-12',
        undefined,
        400,
        'VALIDATION_FAILED',
      ],
      ['callback', 'GET', '/api/callbacks/dealers/schedule?tier=D', undefined, 400, 'VALIDATION_FAILED'],
      ['callback', 'GET', '/api/callbacks/dealers/report?month=2030-01', undefined, 400, 'VALIDATION_FAILED'],
    ];
    const got = [];
    for (const [who, method, url, payload, status, code] of cases) {
      const r = await call(who, method, url, payload);
      got.push([url, status, code, r.statusCode, r.json().code, r.headers['content-type']]);
    }
    expect(got).toEqual(
      cases.map(([, , url, , status, code]) => [
        url,
        status,
        code,
        status,
        code,
        'application/problem+json; charset=utf-8',
      ]),
    );
    expect(await callbackCount()).toBe(before);
  });

  it('CB-7 SEC-1 a regional manager sees the dealers of their regions only', async () => {
    const page = await schedule('regional', 'month=2026-11&pageSize=200');
    expect(page.items.map((i) => i.dealerId).sort()).toEqual([ids.GOLD, ids.MID, ids.BLACK].sort());
    const other = await call('regional', 'GET', `/api/callbacks/dealers/${ids.BJ}/callbacks`);
    expect([other.statusCode, other.json().code]).toEqual([404, 'NOT_FOUND']);
  });

  it('CB-7 the call is audited (no note text) and announced as dealer.callback_recorded', async () => {
    const r = await call('agent', 'POST', `/api/callbacks/dealers/${ids.MID}/callbacks`, {
      answered: true,
      satisfied: false,
      note: '投诉到货慢',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    const audit = await rows(
      `select action, after, scope_region_code from audit_log where entity = 'dealer_callback' and entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      {
        action: 'record',
        after: { dealerId: ids.MID, tier: 'B', answered: true, satisfied: false, hasNote: true },
        scope_region_code: '440106',
      },
    ]);
    const events = await rows(`select payload from outbox where topic = 'dealer.callback_recorded'`);
    expect(events.map((e) => (e.payload as { callbackId: string }).callbackId)).toContain(id);
    const history = await call('regional', 'GET', `/api/callbacks/dealers/${ids.GOLD}/callbacks`);
    expect(history.statusCode).toBe(200);
    expectContract(DealerCallbackPage, history.json());
    expect(history.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(history.json().items.map((c: { answered: boolean }) => c.answered)).toEqual([true, false]);
  });

  it('CB-7 the report: callback rate and satisfaction per tier against the policy targets, missed periods named', async () => {
    // December: November is over, so every November period counts.
    h.clock.set(cst('2026-12-02'));
    as.settlement = await h.login('settlement');
    const r = await call('settlement', 'GET', '/api/callbacks/dealers/report?month=2026-11');
    h.clock.set(NOW);
    expect(r.statusCode, r.body).toBe(200);
    expectContract(DealerReportResponse, r.json());
    const body = r.json();
    expect(body).toMatchObject({
      month: '2026-11',
      asOf: '2026-11-30',
      blacklist: { tier: 'C', dealers: 1, callbacksMade: 0 },
    });
    const [a, b] = body.tiers;
    expect(a).toMatchObject({
      tier: 'A',
      dealers: 1,
      periodsDue: 2,
      periodsCovered: 1,
      callbackRate: 0.5,
      targetCallbackRate: 1,
      meetsCallbackTarget: false,
      answeredCallbacks: 1,
      satisfaction: 1,
      minSatisfaction: 0.93,
      meetsSatisfactionTarget: true,
      missed: [{ dealerId: ids.GOLD, code: 'CB7-GOLD', startDate: '2026-11-12', dueDate: '2026-11-25' }],
    });
    expect(b).toMatchObject({
      tier: 'B',
      dealers: 2,
      periodsDue: 2,
      periodsCovered: 1,
      callbackRate: 0.5,
      targetCallbackRate: 0.98,
      meetsCallbackTarget: false,
      satisfaction: 0,
      minSatisfaction: 0.9,
      meetsSatisfactionTarget: false,
    });
    expect(b.missed.map((m: { code: string }) => m.code)).toEqual(['CB7-BJ']);
  });

  it('CB-7 monthly assignment: gold list and blacklist agreed with the director, the rest B, in one go', async () => {
    const r = await call('center', 'POST', '/api/callbacks/dealers/assignment', {
      month: '2026-11',
      agreedWith: '营销中心 陈总监',
      gold: [{ dealerId: ids.MID, reason: '月销量第一' }],
      blacklist: [{ dealerId: ids.GOLD, reason: '窜货' }],
    });
    expect(r.statusCode, r.body).toBe(200);
    expectContract(TierAssignmentResponse, r.json());
    expect(r.json().counts).toEqual({ A: 1, B: 2, C: 1, changed: 3 });
    const byId = new Map(r.json().decisions.map((d: { dealerId: string }) => [d.dealerId, d]));
    expect(byId.get(ids.MID)).toMatchObject({
      tier: 'A',
      previousTier: 'B',
      changed: true,
      reasonCode: 'NAMED_GOLD',
      reason: '月销量第一 (agreed with 营销中心 陈总监)',
    });
    expect(byId.get(ids.GOLD)).toMatchObject({ tier: 'C', previousTier: 'A', reasonCode: 'NAMED_BLACKLIST' });
    expect(byId.get(ids.BLACK)).toMatchObject({
      tier: 'B',
      previousTier: 'C',
      reasonCode: 'NOT_NAMED_MEDIUM',
    });
    // Through the catalogue's own use case: the dealer's tier and its history follow.
    const gold = (await call('admin', 'GET', `/api/dealers/${ids.GOLD}`)).json();
    expect(gold.tier).toBe('C');
    expect(gold.tierHistory.find((t: { month: string }) => t.month === '2026-11')).toMatchObject({
      tier: 'C',
      reason: '窜货 (agreed with 营销中心 陈总监)',
    });
    const audit = await rows(
      `select action from audit_log where entity = 'dealer_tier_assignment' and entity_id = '2026-11'`,
    );
    expect(audit).toEqual([{ action: 'assign' }]);
    // The new tiers shape the schedule: the former gold dealer is now blacklisted and not called back.
    const page = await schedule('callback', 'month=2026-11&pageSize=200');
    expect(itemOf(page, ids.GOLD as string)).toMatchObject({ tier: 'C', calledBack: false });
    expect(itemOf(page, ids.MID as string)).toMatchObject({ tier: 'A', tierSince: '2026-11-01' });
  });

  it('CB-7 an assigned month is assigned again only with replace; bad lists are refused and change nothing', async () => {
    const history = async () =>
      rows(`select dealer_id, month, tier, reason from dealer_tier_history order by dealer_id, month`);
    const before = await history();
    const body = {
      month: '2026-11',
      agreedWith: '营销中心 陈总监',
      gold: [{ dealerId: ids.BLACK, reason: '整改完成' }],
    };
    const again = await call('center', 'POST', '/api/callbacks/dealers/assignment', body);
    expect([again.statusCode, again.json().code]).toEqual([409, 'ALREADY_EXISTS']);
    const bad: [unknown, number, string | undefined][] = [
      [{ ...body, replace: true, gold: [{ dealerId: 'dlr_nobody', reason: 'x' }] }, 400, 'UNKNOWN_DEALER'],
      [{ ...body, replace: true, blacklist: [{ dealerId: ids.BLACK, reason: 'y' }] }, 400, 'IN_BOTH_LISTS'],
      [{ ...body, replace: true, gold: [{ dealerId: ids.BLACK, reason: ' ' }] }, 400, 'REASON_REQUIRED'],
      [{ ...body, replace: true, agreedWith: '' }, 400, 'REQUIRED'],
      [{ ...body, replace: true, month: '2026-12' }, 400, 'MONTH_NOT_BEGUN'],
      [{ ...body, replace: true, month: '26-12' }, 400, undefined],
      [{ ...body, replace: true, month: '0000-01' }, 400, undefined],
    ];
    const got = [];
    for (const [payload, , code] of bad) {
      const r = await call('center', 'POST', '/api/callbacks/dealers/assignment', payload);
      got.push([r.statusCode, code === undefined ? undefined : r.json().errors?.[0]?.code]);
    }
    expect(got).toEqual(bad.map(([, status, code]) => [status, code]));
    const forbidden = await call('callback', 'POST', '/api/callbacks/dealers/assignment', {
      ...body,
      replace: true,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await history()).toEqual(before);
    const replaced = await call('center', 'POST', '/api/callbacks/dealers/assignment', {
      ...body,
      replace: true,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().counts).toEqual({ A: 1, B: 3, C: 0, changed: 3 });
    const audit = await rows(
      `select action from audit_log where entity = 'dealer_tier_assignment' order by at, id`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['assign', 'reassign']);
  });
});
