import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import { callbackAppeals, callbackAttempts, callbackTasks, callbackVerdicts } from '../callbacks.tables.ts';
import { ReportSummaryResponse } from '../programmes-schemas.ts';

// 2026-11-23 10:00 in Asia/Shanghai.
const NOW = '2026-11-23T02:00:00Z';
const HOUR = 3_600_000;
type Headers = Record<string, string>;

describe('callback reports (CB-2, CB-3, CB-6)', () => {
  let h: Harness;
  const as: Record<string, Headers> = {};
  const get = (who: string, query: string) =>
    h.request({ method: 'GET', url: `/api/callbacks/reports/summary${query}`, headers: as[who] });

  /**
   * The desk writes these rows; the report only reads them, so the fixtures insert them directly: a task with
   * its calls (hours after the completion entry), verdicts by round, and appeals of given rounds.
   */
  let seq = 0;
  async function task(t: {
    outletId: string;
    regionCode: string;
    month: string;
    status: string;
    verdicts?: string[];
    final?: boolean;
    callsAfterHours?: number[];
    appealRounds?: number[];
  }) {
    const db = h.deps.database.db;
    const id = `cbt_r${String(++seq).padStart(4, '0')}`;
    const entered = new Date(`${t.month}-05T02:00:00Z`);
    const rounds = t.verdicts ?? [];
    await db.insert(callbackTasks).values({
      id,
      orderId: `wo_r${seq}`,
      orderNumber: `R${seq}`,
      orderType: 'repair',
      outletId: t.outletId,
      regionCode: t.regionCode,
      customerId: `cus_r${seq}`,
      caller: 'call_center',
      planReason: 'SAMPLED',
      rounds: 1,
      highValue: false,
      samplingGrade: 'A',
      samplingRate: 0.2,
      samplingDraw: 0.1,
      completedAt: entered,
      completionEnteredAt: entered,
      lateEntry: false,
      settlementValueFen: 5000,
      dueAt: new Date(entered.getTime() + 72 * HOUR),
      month: t.month,
      status: t.status,
      verdict: rounds.at(-1) ?? null,
      verdictAt: rounds.length > 0 ? entered : null,
      finalAt: t.final ? entered : null,
      createdAt: entered,
      updatedAt: entered,
    });
    for (const [i, hours] of (t.callsAfterHours ?? []).entries()) {
      await db.insert(callbackAttempts).values({
        id: `cba_r${seq}_${i}`,
        taskId: id,
        verdictRound: 1,
        at: new Date(entered.getTime() + hours * HOUR),
        slot: 'morning',
        outcome: 'no_answer',
        agentId: 'usr_agent',
      });
    }
    for (const [i, verdict] of rounds.entries()) {
      await db.insert(callbackVerdicts).values({
        id: `cbv_r${seq}_${i + 1}`,
        taskId: id,
        round: i + 1,
        kind: i === 0 ? 'first' : 'appeal_callback',
        verdict,
        reasons: [],
        evidenceOrderIds: [],
        agentId: 'usr_agent',
        recordedAt: entered,
        settlement: {},
      });
    }
    for (const round of t.appealRounds ?? []) {
      await db.insert(callbackAppeals).values({
        id: `cbp_r${seq}_${round}`,
        taskId: id,
        verdictId: `cbv_r${seq}_${round}`,
        filedAt: entered,
        filedBy: 'usr_outlet',
        statement: '上门属实，有照片',
      });
    }
  }

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    for (const who of ['callback', 'regional', 'settlement', 'agent', 'dispatcher'])
      as[who] = await h.login(who);
    const A = { outletId: OUTLET_A, regionCode: '440106' };
    // OUTLET_B's order here is in Beijing: outside the Guangdong regional manager's regions.
    const B = { outletId: OUTLET_B, regionCode: '110108' };
    await task({
      ...A,
      month: '2026-10',
      status: 'final',
      verdicts: ['qualified'],
      final: true,
      callsAfterHours: [5],
    });
    await task({
      ...A,
      month: '2026-10',
      status: 'final',
      verdicts: ['unqualified', 'qualified'],
      final: true,
      callsAfterHours: [2, 50],
      appealRounds: [1],
    });
    await task({ ...A, month: '2026-10', status: 'unreachable', callsAfterHours: [1, 6, 12] });
    await task({ ...A, month: '2026-10', status: 'open' });
    await task({
      ...B,
      month: '2026-11',
      status: 'final',
      verdicts: ['untrue'],
      final: true,
      callsAfterHours: [30],
    });
    await task({ ...B, month: '2026-11', status: 'open' });
    // Outside the range asked for.
    await task({ ...A, month: '2026-09', status: 'final', verdicts: ['qualified'], final: true });
  });
  afterAll(() => h.close());

  it('CB-2 CB-3 CB-6 totals, the month series and per-outlet rows over the range', async () => {
    const r = await get('callback', '?from=2026-10&to=2026-11');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect([...Value.Errors(ReportSummaryResponse, body)]).toEqual([]);
    expect(body.totals).toEqual({
      tasks: 6,
      handled: 4,
      callbackRate: 4 / 6,
      latency: { measured: 4, p50Hours: 2, p90Hours: 30, meanHours: 9.5 },
      verdicts: {
        final: 3,
        qualified: 2,
        unqualified: 0,
        untrue: 1,
        qualifiedShare: 2 / 3,
        unqualifiedShare: 0,
        untrueShare: 1 / 3,
      },
      appeals: {
        nonQualifiedFirstVerdicts: 2,
        appealed: 1,
        appealRate: 0.5,
        decided: 1,
        reversed: 1,
        reversalRate: 1,
      },
    });
    expect(
      body.months.map((m: { month: string; tasks: number; handled: number }) => [
        m.month,
        m.tasks,
        m.handled,
      ]),
    ).toEqual([
      ['2026-10', 4, 3],
      ['2026-11', 2, 1],
    ]);
    expect(
      body.outlets.map((o: { outletId: string; outletName: string; tasks: number; callbackRate: number }) => [
        o.outletId,
        o.outletName,
        o.tasks,
        o.callbackRate,
      ]),
    ).toEqual([
      [OUTLET_A, '广州天河美家电器服务部', 4, 0.75],
      [OUTLET_B, '深圳南山安达家电维修中心', 2, 0.5],
    ]);
    expect(body.outletMonths.map((c: { outletId: string; month: string }) => [c.outletId, c.month])).toEqual([
      [OUTLET_A, '2026-10'],
      [OUTLET_B, '2026-11'],
    ]);
  });

  it('CB-2 one outlet; every month of the default half year in the series', async () => {
    const one = (await get('settlement', `?from=2026-10&to=2026-11&outletId=${OUTLET_B}`)).json();
    expect([one.outletId, one.totals.tasks, one.totals.verdicts.untrue, one.outlets.length]).toEqual([
      OUTLET_B,
      2,
      1,
      1,
    ]);
    const half = (await get('callback', '')).json();
    expect([half.from, half.to, half.months.length, half.totals.tasks]).toEqual(['2026-06', '2026-11', 6, 7]);
  });

  it('CB-2 SEC-1 a regional manager’s report holds the orders of their regions only', async () => {
    const r = (await get('regional', '?from=2026-10&to=2026-11')).json();
    expect([r.totals.tasks, r.outlets.map((o: { outletId: string }) => o.outletId)]).toEqual([4, [OUTLET_A]]);
    const beijing = await get('regional', '?outletId=out_demo0004');
    expect([beijing.statusCode, beijing.json().code]).toEqual([404, 'NOT_FOUND']);
  });

  it('CB-2 bad ranges and roles answer 4xx problem+json', async () => {
    const cases: [string, string, number][] = [
      ['callback', '?from=2026-11&to=2026-10', 400],
      ['callback', '?from=2024-01&to=2026-11', 400],
      ['callback', '?from=2026-13', 400],
      ['callback', '?to=1999-01', 400],
      ['callback', '?outletId=out_nobody01', 404],
      ['callback', '?month=2026-11', 400],
      ['agent', '', 403],
      ['dispatcher', '', 403],
    ];
    const got = [];
    for (const [who, query] of cases) {
      const r = await get(who, query);
      got.push([who, query, r.statusCode, r.headers['content-type']]);
    }
    expect(got).toEqual(
      cases.map(([who, query, status]) => [who, query, status, 'application/problem+json; charset=utf-8']),
    );
  });
});
