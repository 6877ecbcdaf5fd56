import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import type { OrderDetail, OrderListItem } from '../order-view.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { orderWorld, repairOrder, tick } from './orders-fixtures.ts';

type Page = { items: OrderListItem[]; total: number; page: number; pageSize: number };

describe('work-order reads: list, export, detail, timeline, SLA why (SEC-1, WO-7, WO-13)', () => {
  let h: Harness;
  let w: OrderWorld;
  let atA: OrderDetail;
  let atFar: OrderDetail;
  let fridge: OrderDetail;
  let startedAt: string;

  const create = async (over: Record<string, unknown> = {}) => {
    tick(h);
    const res = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderDetail;
  };
  const list = async (who: string, query = '') =>
    (await w.call(who, 'GET', `/api/work-orders?pageSize=200${query}`)).json() as Page;
  const ids = (p: Page) => p.items.map((i) => i.id).sort();

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
    startedAt = h.clock.now().toISOString();
    atA = await create();
    atFar = await create({ dispatch: { outletId: w.farOutletId, overrideReason: '用户指定' } });
    fridge = await create({ unitId: undefined, categoryCode: 'refrigerator' });
    tick(h);
    const { version } = atA;
    expect(
      (await w.call('dispatcher', 'POST', `/api/work-orders/${atA.id}/accept`, { version })).statusCode,
    ).toBe(200);
  });
  afterAll(() => h.close());

  it('SEC-1 lists answer the orders in scope: HQ all, the outlet its own, the region its districts', async () => {
    expect(ids(await list('agent'))).toEqual([atA.id, atFar.id, fridge.id].sort());
    expect(ids(await list('dispatcher'))).toEqual([atA.id, fridge.id].sort());
    expect(ids(await list('regional'))).toEqual([atA.id, atFar.id, fridge.id].sort());
    const item = (await list('dispatcher')).items.find((i) => i.id === atA.id)!;
    expect(item).toMatchObject({
      number: atA.number,
      status: 'accepted',
      customerNameMasked: '张*',
      outletId: OUTLET_A,
      slaState: 'on_track',
      version: 2,
    });
  });

  it('list filters: status, outlet, customer, number, SLA state, created from/to, pages', async () => {
    const cases: [string, string[]][] = [
      ['&status=accepted', [atA.id]],
      ['&status=dispatched', [atFar.id, fridge.id]],
      [`&outletId=${w.farOutletId}`, [atFar.id]],
      [`&customerId=${w.customerId}`, [atA.id, atFar.id, fridge.id]],
      [`&number=${atFar.number.slice(-6)}`, [atFar.id]],
      ['&slaState=breached', []],
      [`&from=${encodeURIComponent(atFar.createdAt)}`, [atFar.id, fridge.id]],
      [`&to=${encodeURIComponent(atFar.createdAt)}`, [atA.id]],
      [
        `&from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(fridge.createdAt)}`,
        [atA.id, atFar.id],
      ],
    ];
    const wrong: string[] = [];
    for (const [query, expected] of cases) {
      const got = ids(await list('agent', query));
      if (JSON.stringify(got) !== JSON.stringify([...expected].sort())) wrong.push(`${query}: ${got.length}`);
    }
    expect(wrong).toEqual([]);
    const page2 = (await w.call('agent', 'GET', '/api/work-orders?page=2&pageSize=2')).json() as Page;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.id)).toEqual([atA.id]);
    const bad = await w.call('agent', 'GET', '/api/work-orders?status=lost');
    expect(bad.statusCode).toBe(400);
  });

  it('exports the list it shows as an Excel file in the reader’s language', async () => {
    const res = await w.call('dispatcher', 'GET', '/api/work-orders/export.xlsx?lang=en-US');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Order no.');
    const numbers = [2, 3].map((r) => sheet.getRow(r).getCell(1).value).sort();
    expect(numbers).toEqual([atA.number, fridge.number].sort());
    expect(sheet.rowCount).toBe(3);
    const zh = await w.call('dispatcher', 'GET', '/api/work-orders/export.xlsx?status=accepted');
    const zhBook = new ExcelJS.Workbook();
    await zhBook.xlsx.load(zh.rawPayload as unknown as ArrayBuffer);
    expect(zhBook.worksheets[0]!.getRow(2).getCell(2).value).toBe('网点已接单');
  });

  it('the detail shows the customer masked, the unit, outlet and proposal, the SLA, and the actions with reasons', async () => {
    const d = (await w.call('agent', 'GET', `/api/work-orders/${atFar.id}`)).json() as OrderDetail;
    expect(d).toMatchObject({
      id: atFar.id,
      regionPath: '广东省 / 广州市 / 天河区',
      categoryName: { 'zh-CN': '空调', 'en-US': 'Air conditioner' },
      customer: {
        id: w.customerId,
        nameMasked: '张*',
        phoneMasked: '138****5678',
        address: { id: w.addressId, regionCode: '440106', detailMasked: '天河路*******' },
      },
      unit: { id: w.unitId, modelId: w.modelId },
      outlet: { id: w.farOutletId },
      proposedOutlet: { id: OUTLET_A, code: 'GZ-TH-001' },
      dispatchOverrideReason: '用户指定',
      engineer: null,
      sla: { rule: 'WO-7.1', policyVersion: 1, state: 'on_track', stateNow: 'on_track' },
    });
    expect(JSON.stringify(d)).not.toContain('13812345678');
    expect(JSON.stringify(d)).not.toContain('张三');
    const actions = Object.fromEntries(d.actions.map((a) => [a.action, a.allowed ? 'ok' : a.reason!.code]));
    // The agent dispatches and cancels; accepting, field work and closing belong to the outlet.
    expect(actions).toEqual({
      accept: 'FORBIDDEN',
      assign: 'FORBIDDEN',
      redispatch: 'ok',
      cancel: 'ok',
      start_visit: 'FORBIDDEN',
      receive_unit: 'FORBIDDEN',
      complete: 'FORBIDDEN',
      callback: 'NOT_COMPLETED',
      'close:completed': 'FORBIDDEN',
      'close:customer_no_time': 'FORBIDDEN',
      'close:declined_on_site': 'FORBIDDEN',
    });
    const forDispatcher = (
      await w.call('dispatcher', 'GET', `/api/work-orders/${atA.id}`)
    ).json() as OrderDetail;
    const theirs = Object.fromEntries(
      forDispatcher.actions.map((a) => [a.action, a.allowed ? 'ok' : a.reason!.code]),
    );
    expect(theirs).toEqual({
      accept: 'ILLEGAL_TRANSITION',
      assign: 'ok',
      redispatch: 'FORBIDDEN',
      cancel: 'FORBIDDEN',
      start_visit: 'ILLEGAL_TRANSITION',
      receive_unit: 'ILLEGAL_TRANSITION',
      complete: 'ILLEGAL_TRANSITION',
      callback: 'NOT_COMPLETED',
      'close:completed': 'CLOSING_BASIS_NOT_ALLOWED',
      'close:customer_no_time': 'NO_TIME_RESULT_REQUIRED',
      'close:declined_on_site': 'CLOSING_BASIS_NOT_ALLOWED',
    });
    expect(forDispatcher.actions.find((a) => a.action === 'accept')!.reason!.message).toContain('accepted');
  });

  it('the timeline reads as sentences in both languages, with who did each step', async () => {
    const t = (await w.call('agent', 'GET', `/api/work-orders/${atFar.id}/timeline`)).json() as {
      items: {
        type: string;
        actor: { displayName: string };
        label: Record<string, string>;
        text: Record<string, string>;
      }[];
    };
    expect(t.items.map((e) => [e.type, e.label['en-US'], e.actor.displayName])).toEqual([
      ['created', 'Order registered', '呼叫中心坐席 李静'],
      ['dispatched', 'Sent to outlet', '呼叫中心坐席 李静'],
    ]);
    expect(t.items[1]!.text['zh-CN']).toBe(
      '派给 工单测试网点 1（系统建议 广州天河美家电器服务部，改选原因：用户指定）',
    );
    expect(t.items[1]!.text['en-US']).toContain('overridden because: 用户指定');
  });

  it('WO-7 the SLA "why" names the rule, the policy version, the clock start and the deadline in both languages', async () => {
    const res = await w.call('dispatcher', 'GET', `/api/work-orders/${fridge.id}/sla`);
    expect(res.statusCode).toBe(200);
    const why = res.json();
    expect(why.evaluation).toMatchObject({
      state: 'on_track',
      startReason: 'created',
      startAt: fridge.createdAt,
      decision: { rule: 'WO-7.2', policyKey: 'wo.sla.all_tiers', policyVersion: 1, allowedHours: 96 },
    });
    expect(why.stored).toMatchObject({ rule: 'WO-7.2', deadline: why.evaluation.deadline });
    expect(why.text['en-US']).toMatch(
      /^4 d \(WO-7\.2, policy wo\.sla\.all_tiers v1\): repair, on-site, Refrigerator\./,
    );
    expect(why.text['zh-CN']).toContain('冰箱');
    expect((await w.call('dispatcher', 'GET', `/api/work-orders/${atFar.id}/sla`)).statusCode).toBe(404);
  });
});
