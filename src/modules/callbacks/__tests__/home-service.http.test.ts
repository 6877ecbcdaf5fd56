import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import {
  ArchivePage,
  ArchiveSchema,
  HomeCallbackSchema,
  HomeDueResponse,
  HomeStatisticsSchema,
  PlacementDetailSchema,
  PlacementPage,
} from '../programmes-schemas.ts';

// 2026-11-23 10:00 in Asia/Shanghai.
const NOW = '2026-11-23T02:00:00Z';
const cst = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

type Headers = Record<string, string>;
const expectContract = (schema: TSchema, body: unknown) =>
  expect([...Value.Errors(schema, body)]).toEqual([]);

describe('home-service callbacks (CB-8)', () => {
  let h: Harness;
  const as: Record<string, Headers> = {};
  const ids: Record<string, string> = {};
  const roles = ['admin', 'center', 'callback', 'agent', 'outlet', 'dispatcher', 'regional'];
  const loginAll = async () => {
    for (const who of roles) as[who] = await h.login(who);
  };
  const call = (who: string, method: string, url: string, payload?: unknown) =>
    h.request({
      method: method as 'GET',
      url,
      headers: as[who],
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const ok = async (res: Awaited<ReturnType<typeof call>>, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const count = async (table: string) =>
    Number((await h.testDb.database.executeSql(`select count(*) as n from ${table}`, [])).rows[0]?.n);
  const rows = async (sql: string, params: unknown[] = []) =>
    (await h.testDb.database.executeSql(sql, params)).rows as Record<string, unknown>[];

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    await loginAll();
    // OUTLET_A serves 天河 (440106): its staff see the customers living there (SEC-1).
    const outlet = await ok(await call('admin', 'GET', `/api/outlets/${OUTLET_A}`), 200);
    await ok(
      await call('admin', 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
        version: outlet.version,
        regions: [{ regionCode: '440106', role: 'primary' }],
        services: [{ categoryCode: 'air_conditioner', serviceType: 'repair' }],
      }),
      200,
    );
    const engineer = async (key: string, outletId: string, name: string, phone: string) => {
      ids[key] = (
        await ok(
          await call('admin', 'POST', '/api/engineers', {
            outletId,
            name,
            phone,
            skills: [{ categoryCode: 'air_conditioner', level: 1 }],
          }),
          201,
        )
      ).id;
    };
    await engineer('workerA', OUTLET_A, '李阿姨', '13600001001');
    await engineer('workerB', OUTLET_B, '王阿姨', '13600001002');
    await engineer('idleA', OUTLET_A, '赵阿姨', '13600001003');
    await h.testDb.database.executeSql(`update engineers set active = false where id = $1`, [ids.idleA]);
    const customer = async (key: string, name: string, phone: string, regionCode: string) => {
      ids[key] = (
        await ok(
          await call('agent', 'POST', '/api/customers', {
            name,
            phones: [{ number: phone, label: 'mobile' }],
            addresses: [{ regionCode, detail: '测试路1号' }],
          }),
          201,
        )
      ).id;
    };
    await customer('tianhe', '陈小姐', '13812340001', '440106');
    await customer('nanshan', '林先生', '13812340002', '440305');
  });
  afterAll(() => h.close());

  it('CB-8 an outlet places its worker with a customer it serves; the schedule follows the policy', async () => {
    const body = await ok(
      await call('dispatcher', 'POST', '/api/callbacks/home/placements', {
        customerId: ids.tianhe,
        workerId: ids.workerA,
        startDate: '2026-11-01',
        note: '住家保姆，照顾老人',
      }),
      201,
    );
    expectContract(PlacementDetailSchema, body);
    ids.placement = body.id;
    expect(body).toMatchObject({
      customer: { id: ids.tianhe, nameMasked: '陈**' },
      worker: { id: ids.workerA, nameMasked: '李**' },
      outlet: { id: OUTLET_A },
      startDate: '2026-11-01',
      endDate: null,
      status: 'ongoing',
      callbacksMade: 0,
      version: 1,
      scheduleThrough: '2027-02-21',
    });
    // Policy default: days 7 and 30 after the start, then every 30 days, for the customer and the worker.
    const customerDue = body.schedule.filter((s: { party: string }) => s.party === 'customer');
    expect(
      customerDue.map((s: { sequence: number; dueDate: string; overdue: boolean }) => [
        s.sequence,
        s.dueDate,
        s.overdue,
      ]),
    ).toEqual([
      [1, '2026-11-08', true],
      [2, '2026-12-01', false],
      [3, '2026-12-31', false],
      [4, '2027-01-30', false],
    ]);
    expect(body.schedule.filter((s: { party: string }) => s.party === 'worker')).toHaveLength(4);
    const audit = await rows(
      `select action, after, scope_outlet_id from audit_log where entity = 'home_placement' and entity_id = $1`,
      [body.id],
    );
    expect(audit).toEqual([
      {
        action: 'create',
        after: {
          customerId: ids.tianhe,
          workerId: ids.workerA,
          outletId: OUTLET_A,
          startDate: '2026-11-01',
          endDate: null,
          hasNote: true,
          version: 1,
        },
        scope_outlet_id: OUTLET_A,
      },
    ]);
    const other = await ok(
      await call('center', 'POST', '/api/callbacks/home/placements', {
        customerId: ids.nanshan,
        workerId: ids.workerB,
        startDate: '2026-11-10',
      }),
      201,
    );
    ids.otherPlacement = other.id;
    expect(other.outlet.id).toBe(OUTLET_B);
  });

  it('CB-8 customer and worker must exist and be visible, dates must make sense: 400, nothing written', async () => {
    const before = await count('home_placements');
    const base = { customerId: ids.tianhe, workerId: ids.workerA, startDate: '2026-11-01' };
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['another outlet’s worker', { ...base, workerId: ids.workerB }, 400, '/workerId'],
      ['an inactive worker', { ...base, workerId: ids.idleA }, 400, '/workerId'],
      ['no such worker', { ...base, workerId: 'eng_nobody01' }, 400, '/workerId'],
      ['a customer outside the outlet’s districts', { ...base, customerId: ids.nanshan }, 400, '/customerId'],
      ['no such customer', { ...base, customerId: 'cus_nobody01' }, 400, '/customerId'],
      ['no such day', { ...base, startDate: '2026-02-30' }, 400, '/startDate'],
      ['an end before the start', { ...base, endDate: '2026-10-31' }, 400, '/endDate'],
      ['an unknown field', { ...base, salary: 5000 }, 400, '/salary'],
      ['a missing start', { customerId: ids.tianhe, workerId: ids.workerA }, 400, '/startDate'],
      ['a control character in the note', { ...base, note: 'x\u0000' }, 400, '/note'],
    ];
    const got = [];
    for (const [name, payload, status, path] of cases) {
      const r = await call('dispatcher', 'POST', '/api/callbacks/home/placements', payload);
      got.push([name, r.statusCode, r.headers['content-type'], r.json().errors?.[0]?.path]);
      void status;
      void path;
    }
    expect(got).toEqual(
      cases.map(([name, , status, path]) => [name, status, 'application/problem+json; charset=utf-8', path]),
    );
    const denied = await call('agent', 'POST', '/api/callbacks/home/placements', base);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(await count('home_placements')).toBe(before);
  });

  it('CB-8 SEC-1 outlet staff see their own outlet’s placements only; others answer 404', async () => {
    const list = await ok(await call('outlet', 'GET', '/api/callbacks/home/placements'), 200);
    expectContract(PlacementPage, list);
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([ids.placement]);
    const all = await ok(await call('callback', 'GET', '/api/callbacks/home/placements?status=ongoing'), 200);
    expect(all.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [ids.placement, ids.otherPlacement].sort(),
    );
    const url = `/api/callbacks/home/placements/${ids.otherPlacement}`;
    const attempts = [
      await call('dispatcher', 'GET', url),
      await call('dispatcher', 'PATCH', url, { version: 1, endDate: '2026-12-31' }),
      await call('dispatcher', 'POST', `${url}/callbacks`, {
        party: 'customer',
        sequence: 1,
        channel: 'phone',
      }),
    ];
    expect(attempts.map((r) => [r.statusCode, r.json().code])).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
    ]);
    const regional = await call('regional', 'GET', '/api/callbacks/home/placements');
    expect(regional.statusCode).toBe(403);
  });

  it('CB-8 ending a placement needs the version read; a stale version answers 409', async () => {
    const url = `/api/callbacks/home/placements/${ids.placement}`;
    const ended = await ok(await call('outlet', 'PATCH', url, { version: 1, endDate: '2027-01-31' }), 200);
    expect(ended).toMatchObject({
      version: 2,
      endDate: '2027-01-31',
      note: '住家保姆，照顾老人',
      scheduleThrough: '2027-01-31',
    });
    const stale = await call('dispatcher', 'PATCH', url, { version: 1, note: '改为白班' });
    expect([stale.statusCode, stale.json().code, stale.json().currentVersion]).toEqual([
      409,
      'VERSION_CONFLICT',
      2,
    ]);
    const bad = [
      await call('dispatcher', 'PATCH', url, { version: 2, endDate: '2026-10-01' }),
      await call('dispatcher', 'PATCH', url, { version: 2 }),
      await call('dispatcher', 'PATCH', url, { version: 0, note: 'x' }),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400]);
    const after = await ok(await call('dispatcher', 'GET', url), 200);
    expect([after.version, after.endDate, after.note]).toEqual([2, '2027-01-31', '住家保姆，照顾老人']);
  });

  it('CB-8 the due list: customer and worker callbacks in a range, masked names, which are done', async () => {
    const r = await ok(
      await call('callback', 'GET', '/api/callbacks/home/due?from=2026-11-01&to=2026-11-30'),
      200,
    );
    expectContract(HomeDueResponse, r);
    expect(r).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      today: '2026-11-23',
      counts: { due: 4, done: 0, outstanding: 4 },
    });
    expect(
      r.items.map(
        (i: {
          placementId: string;
          party: string;
          sequence: number;
          dueDate: string;
          partyNameMasked: string;
          overdue: boolean;
        }) => [
          i.placementId === ids.placement ? 'A' : 'B',
          i.party,
          i.sequence,
          i.dueDate,
          i.partyNameMasked,
          i.overdue,
        ],
      ),
    ).toEqual([
      ['A', 'customer', 1, '2026-11-08', '陈**', true],
      ['A', 'worker', 1, '2026-11-08', '李**', true],
      ['B', 'customer', 1, '2026-11-17', '林**', true],
      ['B', 'worker', 1, '2026-11-17', '王**', true],
    ]);
    const mine = await ok(
      await call('dispatcher', 'GET', '/api/callbacks/home/due?from=2026-11-01&to=2026-11-30&party=worker'),
      200,
    );
    expect(mine.items.map((i: { partyId: string }) => i.partyId)).toEqual([ids.workerA]);
    const bad = [
      await call('callback', 'GET', '/api/callbacks/home/due?from=2026-11-30&to=2026-11-01'),
      await call('callback', 'GET', '/api/callbacks/home/due?from=2026-01-01&to=2026-12-31'),
      await call('callback', 'GET', '/api/callbacks/home/due?from=2026-13-01'),
      await call('callback', 'GET', '/api/callbacks/home/due?party=boss'),
    ];
    expect(bad.map((x) => [x.statusCode, x.json().code])).toEqual(Array(4).fill([400, 'VALIDATION_FAILED']));
  });

  it('CB-8 a scheduled callback is recorded once; not yet due or off the schedule is refused', async () => {
    const url = `/api/callbacks/home/placements/${ids.placement}/callbacks`;
    const made = await ok(
      await call('callback', 'POST', url, {
        party: 'customer',
        sequence: 1,
        channel: 'phone',
        satisfied: true,
        note: '老人满意',
      }),
      201,
    );
    expectContract(HomeCallbackSchema, made);
    expect(made).toMatchObject({
      party: 'customer',
      sequence: 1,
      dueDate: '2026-11-08',
      onTime: false,
      channel: 'phone',
      satisfied: true,
      agent: { displayName: '回访员 张丽' },
    });
    await ok(
      await call('dispatcher', 'POST', url, {
        party: 'worker',
        sequence: 1,
        channel: 'wechat',
        satisfied: false,
      }),
      201,
    );
    // The second callback's window opened on the first one's due date (11-08), so it may be made early.
    const early = await ok(
      await call('dispatcher', 'POST', url, { party: 'worker', sequence: 2, channel: 'visit' }),
      201,
    );
    expect([early.dueDate, early.onTime, early.satisfied]).toEqual(['2026-12-01', true, null]);
    const before = await count('home_callbacks');
    const refused = [
      await call('callback', 'POST', url, { party: 'customer', sequence: 1, channel: 'sms' }),
      await call('callback', 'POST', url, { party: 'customer', sequence: 3, channel: 'phone' }),
      // The placement ends 2027-01-31: the fifth callback (2027-03-01) is not on its schedule.
      await call('callback', 'POST', url, { party: 'customer', sequence: 5, channel: 'phone' }),
      await call('callback', 'POST', url, { party: 'customer', sequence: 2, channel: 'fax' }),
      await call('callback', 'POST', url, { party: 'neighbour', sequence: 2, channel: 'phone' }),
      await call('callback', 'POST', url, { party: 'customer', sequence: 0, channel: 'phone' }),
      await call('callback', 'POST', url, {
        party: 'customer',
        sequence: 2,
        channel: 'phone',
        note: '\u0007',
      }),
      await call('agent', 'POST', url, { party: 'customer', sequence: 2, channel: 'phone' }),
    ];
    expect(refused.map((r) => [r.statusCode, r.json().code, r.json().reason])).toEqual([
      [409, 'ALREADY_EXISTS', undefined],
      [422, 'CALLBACK_RULE_REFUSED', 'CALLBACK_NOT_DUE_YET'],
      [422, 'CALLBACK_RULE_REFUSED', 'NOT_ON_SCHEDULE'],
      [400, 'VALIDATION_FAILED', undefined],
      [400, 'VALIDATION_FAILED', undefined],
      [400, 'VALIDATION_FAILED', undefined],
      [400, 'VALIDATION_FAILED', undefined],
      [403, 'FORBIDDEN', undefined],
    ]);
    expect(refused[1]?.json().detail).toBe(
      'Callback 3 of the customer is due on 2026-12-31; record it from 2026-12-01 on.',
    );
    expect(await count('home_callbacks')).toBe(before);
    const audit = await rows(
      `select after, scope_outlet_id from audit_log where entity = 'home_callback' and entity_id = $1`,
      [made.id],
    );
    expect(audit).toEqual([
      {
        after: {
          placementId: ids.placement,
          party: 'customer',
          sequence: 1,
          dueDate: '2026-11-08',
          channel: 'phone',
          satisfied: true,
          hasNote: true,
        },
        scope_outlet_id: OUTLET_A,
      },
    ]);
    const due = await ok(
      await call('callback', 'GET', '/api/callbacks/home/due?from=2026-11-01&to=2026-11-30&done=true'),
      200,
    );
    expect(due.counts).toEqual({ due: 4, done: 2, outstanding: 2 });
    expect(
      due.items.map((i: { party: string; callback: { channel: string } }) => [i.party, i.callback.channel]),
    ).toEqual([
      ['customer', 'phone'],
      ['worker', 'wechat'],
    ]);
    const detail = await ok(
      await call('outlet', 'GET', `/api/callbacks/home/placements/${ids.placement}`),
      200,
    );
    expect([
      detail.callbacksMade,
      detail.callbacks.length,
      detail.schedule.filter((s: { done: boolean }) => s.done).length,
    ]).toEqual([3, 3, 3]);
  });

  it('CB-8 monthly statistics per party; the archive needs the month over and a summary, is made once by HQ', async () => {
    const stats = await ok(await call('center', 'GET', '/api/callbacks/home/statistics?month=2026-11'), 200);
    expectContract(HomeStatisticsSchema, stats);
    expect(stats).toMatchObject({
      month: '2026-11',
      monthOver: false,
      outletId: null,
      archived: false,
      customer: {
        due: 2,
        done: 1,
        doneOnTime: 0,
        doneLate: 1,
        outstanding: 1,
        asked: 1,
        satisfied: 1,
        satisfaction: 1,
      },
      worker: {
        due: 2,
        done: 1,
        doneLate: 1,
        outstanding: 1,
        asked: 1,
        satisfied: 0,
        satisfaction: 0,
        byChannel: { wechat: 1, phone: 0 },
      },
    });
    const own = await ok(
      await call('outlet', 'GET', `/api/callbacks/home/statistics?month=2026-11&outletId=${OUTLET_B}`),
      200,
    );
    expect([own.outletId, own.customer.due, own.worker.due]).toEqual([OUTLET_A, 1, 1]);
    const early = await call('center', 'POST', '/api/callbacks/home/archives', {
      month: '2026-11',
      summary: '本月回访正常',
    });
    expect([early.statusCode, early.json().errors?.[0]?.code]).toEqual([400, 'MONTH_NOT_OVER']);

    h.clock.set(cst('2026-12-01', '09:00'));
    await loginAll();
    const blank = await call('center', 'POST', '/api/callbacks/home/archives', {
      month: '2026-11',
      summary: '  ',
    });
    expect([blank.statusCode, blank.json().errors?.[0]?.code]).toEqual([400, 'SUMMARY_REQUIRED']);
    const outletTry = await call('outlet', 'POST', '/api/callbacks/home/archives', {
      month: '2026-11',
      summary: '总结',
    });
    expect(outletTry.statusCode).toBe(403);
    expect(await count('home_service_archives')).toBe(0);
    const archived = await ok(
      await call('center', 'POST', '/api/callbacks/home/archives', {
        month: '2026-11',
        summary: '11月回访2户，客户满意，服务员反映工作强度大，已协调休息。',
      }),
      201,
    );
    expectContract(ArchiveSchema, archived);
    expect(archived).toMatchObject({
      month: '2026-11',
      archivedBy: { displayName: '客服中心 吴芳' },
      statistics: {
        month: '2026-11',
        monthOver: true,
        customer: { due: 2, done: 1 },
        worker: { due: 2, done: 1 },
      },
    });
    const again = await call('center', 'POST', '/api/callbacks/home/archives', {
      month: '2026-11',
      summary: '改写',
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ALREADY_EXISTS']);
    const list = await ok(await call('center', 'GET', '/api/callbacks/home/archives'), 200);
    expectContract(ArchivePage, list);
    expect([list.total, list.items[0].summary]).toEqual([
      1,
      '11月回访2户，客户满意，服务员反映工作强度大，已协调休息。',
    ]);
    expect((await call('dispatcher', 'GET', '/api/callbacks/home/archives')).statusCode).toBe(403);
    const after = await ok(await call('center', 'GET', '/api/callbacks/home/statistics?month=2026-11'), 200);
    expect([after.archived, after.monthOver]).toEqual([true, true]);
    h.clock.set(NOW);
    await loginAll();
  });
});
