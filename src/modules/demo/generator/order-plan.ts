import type { Channel, DispatchServiceType, OrderType, ServiceMode } from '../../work-orders/index.ts';
import { demoOutlets } from '../demo-seed.ts';
import { OrderBuilder } from './order-builder.ts';
import type { GeneratedOrder, IntakeFacts } from './order-rows.ts';
import { OrderIds, WindowBook } from './order-rows.ts';
import { BusinessDays, DAY_MS, hours } from './order-clock.ts';
import { DispatchDesk } from './order-dispatch.ts';
import type { AddressInput, CustomerInput, OrderInputs, OutletInput, UnitInput } from './order-inputs.ts';
import type { Actors, OrderPlan } from './order-stories.ts';
import { OrderStory } from './order-stories.ts';
import { faultText, overrideReasons } from './order-texts.ts';
import { labelSeed, mixSeed, Random, WeightedTable } from './prng.ts';

export interface DemoOrderOptions {
  seed: number;
  /** Orders over the whole history (about; the last day only gets its hours so far). */
  orders: number;
  /** Days of history ending today. */
  days: number;
  now: Date;
  timeZone: string;
  /**
   * Steer a share of the orders to the fixed demo outlets so the demo accounts see a full board (default). A scale
   * dataset turns it off: every order then goes where WO-13 proposes.
   */
  demoOutletShare?: boolean;
}

/** What the history leaves behind once every day has been played. */
export interface OrderHistoryEnd {
  sequences: GeneratedOrders['sequences'];
  tagged: GeneratedOrders['tagged'];
}

export interface GeneratedOrders {
  orders: GeneratedOrder[];
  /** Last order number used per business day (order_number_sequences), so new orders continue after them. */
  sequences: { day: string; last: number }[];
  /** Customers put on the special-tracking list (WO-15), with their tags. */
  tagged: { customerId: string; tags: string[] }[];
}

const orderTypes = new WeightedTable<OrderType>([
  ['repair', 52],
  ['install', 24],
  ['maintenance', 10],
  ['pickup_repair', 4],
  ['return_exchange', 4],
]);
const installCategories = new WeightedTable<string>([
  ['air_conditioner', 38],
  ['water_heater', 18],
  ['washing_machine', 10],
  ['dishwasher', 8],
  ['television', 8],
  ['door', 6],
  ['protective_window', 6],
  ['home_product', 3],
  ['fixture_tool', 3],
]);
const MAINTAINED = ['air_conditioner', 'water_heater', 'washing_machine', 'dishwasher'];
/** Units a customer can carry to the outlet (送修). */
const CARRYABLE = ['television', 'dishwasher', 'water_heater', 'fixture_tool', 'home_product'];
const PICKED_UP = ['television', 'refrigerator', 'washing_machine'];
const pickupModes = new WeightedTable<ServiceMode>([
  ['pickup_two_way', 50],
  ['pickup_one_way', 25],
  ['pickup_two_way_loaner', 15],
  ['pickup_one_way_loaner', 10],
]);
const callChannels = new WeightedTable<Channel>([
  ['hotline', 55],
  ['wechat', 14],
  ['app', 9],
  ['web', 5],
  ['e_commerce', 7],
  ['dealer', 6],
  ['qq', 2],
  ['email', 2],
]);
/** Calls come in from 08:00 to 21:00, most in the morning and mid-afternoon. */
const callHours = new WeightedTable<number>([
  [8, 1],
  [9, 3],
  [10, 4],
  [11, 3.5],
  [12, 2],
  [13, 2.5],
  [14, 3.5],
  [15, 3.5],
  [16, 3],
  [17, 2.5],
  [18, 2],
  [19, 2],
  [20, 1.5],
]);
const specialTags = ['VIP', '多次投诉', '媒体关注', '老年用户'];

/**
 * Share of orders aimed at the demo outlets. The first is where the demo dispatcher and engineer work: a busy
 * outlet in the season (the last three weeks), so that its board and backlog are full today.
 */
const FIRST_DEMO_SHARE = { before: 0.1, season: 0.35 };
const SEASON_DAYS = 21;
const OTHER_DEMO_SHARE = 0.12;
/** Of the orders of an outlet with a dispatcher account, those the outlet received itself (WO-1 自接). */
const SELF_RECEIVED_SHARE = 0.3;
const returningCustomer = '老用户指定该网点（之前由该网点服务）';
const MAX_ORDERS_PER_CUSTOMER = 7;

interface Shape {
  unit: UnitInput | null;
  categoryCode: string;
  orderType: OrderType;
  serviceMode: ServiceMode;
}

const shapeOf = (s: Shape) => ({
  categoryCode: s.categoryCode,
  serviceType: s.orderType as DispatchServiceType,
  serviceMode: s.serviceMode,
});

/** Orders per day: growing a little over the window, more at weekends, fewer on statutory holidays. */
function dailyCounts(
  days: BusinessDays,
  first: number,
  last: number,
  total: number,
  nowMinute: number,
): number[] {
  const weights: number[] = [];
  for (let d = first; d <= last; d++) {
    const growth = 0.85 + (0.3 * (d - first)) / Math.max(1, last - first);
    // The season picks up over the last three weeks: the board and the backlog are at their fullest now.
    const season = last - d < SEASON_DAYS ? 1.8 : 1;
    const weekday = new Date(`${days.dates[d]}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.15 : 1;
    const holiday = days.isHoliday(d) ? 0.7 : 1;
    const share =
      d === last
        ? Math.max(0, Math.min(1, (nowMinute - hours.hotline[0]) / (hours.hotline[1] - hours.hotline[0])))
        : 1;
    weights.push(growth * season * weekend * holiday * share);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  let carried = 0;
  let given = 0;
  return weights.map((w) => {
    carried += (w / sum) * total;
    const n = Math.round(carried) - given;
    given += n;
    return n;
  });
}

/**
 * Four months of work orders ending at `now`, from the seed: creation times over the days, customer, unit,
 * type and mode, the outlet WO-13 proposes (now and then overridden, with a reason), and each order's story
 * played through the real rules. Deterministic for the same seed, `now` and master data.
 */
export function generateDemoOrders(inputs: OrderInputs, opts: DemoOrderOptions): GeneratedOrders {
  const orders: GeneratedOrder[] = [];
  const days = orderDays(inputs, opts);
  for (let step = days.next(); ; step = days.next()) {
    if (step.done) return { orders, ...step.value };
    for (const o of step.value) orders.push(o);
  }
}

/**
 * The same history one business day at a time, so a scale run can write each day's orders and let them go: the
 * generator keeps only what later days depend on (open load, each customer's orders, the open orders).
 */
export function* orderDays(
  inputs: OrderInputs,
  opts: DemoOrderOptions,
): Generator<GeneratedOrder[], OrderHistoryEnd, void> {
  const demoShare = opts.demoOutletShare ?? true;
  const days = new BusinessDays(opts.now, opts.timeZone, inputs.calendar, opts.days + 2, 30);
  const desk = new DispatchDesk(inputs, days);
  const ids = new OrderIds(opts.seed);
  const nowMs = opts.now.getTime();
  const today = days.indexOf(nowMs);
  const first = today - opts.days + 1;
  const counts = dailyCounts(days, first, today, opts.orders, days.minuteOf(nowMs));

  const dispatchers = new Map<string, string>();
  for (const u of inputs.users.values()) {
    if (u.role === 'dispatcher' && u.outletId && !dispatchers.has(u.outletId))
      dispatchers.set(u.outletId, u.id);
  }
  const engineerUsers = new Map(inputs.engineers.map((e) => [e.id, e.userId]));
  const actors: Actors = {
    agent: inputs.users.get('agent')?.id ?? null,
    callCenter: inputs.users.get('callback')?.id ?? inputs.users.get('agent')?.id ?? null,
    dispatcherOf: (outletId) => (outletId ? (dispatchers.get(outletId) ?? null) : null),
    engineerUser: (engineerId) => (engineerId ? (engineerUsers.get(engineerId) ?? null) : null),
  };

  const byDistrict = new Map<string, { customer: CustomerInput; address: AddressInput }[]>();
  for (const c of inputs.customers) {
    for (const a of c.addresses) {
      const list = byDistrict.get(a.regionCode) ?? [];
      list.push({ customer: c, address: a });
      byDistrict.set(a.regionCode, list);
    }
  }
  const withAddress = inputs.customers.filter((c) => c.addresses.length > 0 && c.phoneIds.length > 0);
  const poolOf = (o: OutletInput) => o.districts.flatMap((d) => byDistrict.get(d) ?? []);
  const demo = demoOutlets
    .map((d) => desk.outlets.get(d.id))
    .filter((o): o is OutletInput => o !== undefined && desk.isDispatchable(o.id));
  const demoPools = new Map(demo.map((o) => [o.id, poolOf(o)]));

  const ctx = {
    now: opts.now,
    tz: opts.timeZone,
    inputs,
    ids,
    windows: new WindowBook(opts.timeZone, days),
    outletTier: (id: string) => desk.outlets.get(id)?.tier ?? null,
  };
  /** Open orders in creation order and every customer served, in order of first order: WO-15 tags pick from them. */
  const openOrders: GeneratedOrder['row'][] = [];
  const served = new Set<string>();
  const sequences = new Map<string, number>();
  /** Outlets that have served each customer: a returning customer often asks for the same outlet. */
  const servedBy = new Map<string, Set<string>>();
  /** Each customer's orders so far, open until they closed or were cancelled. */
  const ordersOf = new Map<string, { openUntil: number }[]>();
  let index = 0;
  for (let d = first; d <= today; d++) {
    const n = counts[d - first] ?? 0;
    const r = new Random(mixSeed(opts.seed, labelSeed('order-times'), d));
    const instants: number[] = [];
    for (let k = 0; k < n; k++) {
      const minute = r.weighted(callHours) * 60 + r.int(0, 59);
      const at = days.at(d, minute) + r.int(0, 59) * 1000;
      if (at <= nowMs) instants.push(at);
    }
    instants.sort((a, b) => a - b);
    if (instants[0] !== undefined) desk.forgetBefore(instants[0]);
    const dayOrders: GeneratedOrder[] = [];
    for (const at of instants) {
      const i = index++;
      const pr = new Random(mixSeed(opts.seed, labelSeed('order-plan'), i));
      const intake = planIntake(
        pr,
        at,
        !demoShare ? 0 : today - d < SEASON_DAYS ? FIRST_DEMO_SHARE.season : FIRST_DEMO_SHARE.before,
        demoShare ? OTHER_DEMO_SHARE : 0,
      );
      if (!intake) continue;
      const date = days.dates[d] as string;
      const seq = (sequences.get(date) ?? 0) + 1;
      sequences.set(date, seq);
      const builder = new OrderBuilder(ctx, {
        ...intake.facts,
        number: `WO${date.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`,
      });
      const story = new OrderStory(
        builder,
        new Random(mixSeed(opts.seed, labelSeed('order-story'), i)),
        days,
        desk,
        actors,
        intake.plan,
      );
      story.play();
      const open = builder.status !== 'closed' && builder.status !== 'cancelled';
      // Open orders are judged now (the seeding is their latest evaluation); ended ones at their end.
      builder.evaluateSla(open ? opts.now : builder.row.updatedAt);
      const order = builder.result();
      desk.record(order, builder.trail);
      const ended = order.row.closedAt ?? order.row.cancelledAt;
      const mine = ordersOf.get(order.row.customerId) ?? [];
      mine.push({ openUntil: ended ? ended.getTime() : Number.POSITIVE_INFINITY });
      ordersOf.set(order.row.customerId, mine);
      if (open) openOrders.push(order.row);
      served.add(order.row.customerId);
      dayOrders.push(order);
    }
    yield dayOrders;
  }

  function planIntake(
    r: Random,
    at: number,
    firstShare: number,
    otherShare: number,
  ): { facts: Omit<IntakeFacts, 'number'>; plan: OrderPlan } | null {
    const u = r.float();
    const target =
      u < firstShare && demo[0]?.id === demoOutlets[0].id
        ? demo[0]
        : u < firstShare + otherShare && demo.length > 1
          ? r.pick(demo.slice(1))
          : null;
    const consultation = r.chance(0.03);
    for (let attempt = 0; attempt < 10; attempt++) {
      const pool = target && !consultation ? (demoPools.get(target.id) ?? []) : [];
      const picked =
        pool.length > 0
          ? r.pick(pool)
          : (() => {
              const c = r.pick(withAddress);
              return { customer: c, address: c.addresses[0] as AddressInput };
            })();
      const { customer, address } = picked;
      if (customer.createdAt.getTime() > at || customer.phoneIds.length === 0) continue;
      // A customer has a handful of orders in four months at most, and rarely more than one open at a time.
      const history = ordersOf.get(customer.id) ?? [];
      const open = history.filter((o) => o.openUntil > at).length;
      if (history.length >= MAX_ORDERS_PER_CUSTOMER || open >= 2 || (open === 1 && r.chance(0.5))) continue;
      const shape = orderShape(r, customer, address, at, consultation);
      if (!shape) continue;
      const base = {
        at,
        customerId: customer.id,
        addressId: address.id,
        regionCode: address.regionCode,
        unitId: shape.unit?.id ?? null,
        modelId: shape.unit?.modelId ?? null,
        categoryCode: shape.categoryCode,
        orderType: shape.orderType,
        serviceMode: shape.serviceMode,
        faultDescription: faultText(r, shape.orderType, shape.categoryCode),
        customerRequestedAt: requestedTime(r, shape.orderType, at),
      };
      const plan = (channel: Channel, alternatives: string[]): OrderPlan => ({
        customer,
        unit: shape.unit,
        categoryCode: shape.categoryCode,
        orderType: shape.orderType,
        channel,
        serviceMode: shape.serviceMode,
        requestedAt: base.customerRequestedAt?.getTime() ?? null,
        alternatives,
      });
      if (shape.orderType === 'consultation') {
        const channel = r.pick<Channel>(['hotline', 'hotline', 'wechat', 'app', 'web']);
        return {
          facts: { ...base, channel, createdBy: actors.agent, dispatch: null },
          plan: plan(channel, []),
        };
      }
      const staffed = (id: string) => desk.qualifiedEngineers(id, shape.categoryCode).length > 0;
      if (target && (!desk.serves(target.id, shape.categoryCode, shape.orderType) || !staffed(target.id))) {
        continue;
      }
      // WO-1: the customer called the outlet whose number is on the unit; it enters the order itself, unproposed.
      const selfReceived =
        target !== null && actors.dispatcherOf(target.id) !== null && r.chance(SELF_RECEIVED_SHARE);
      const { proposed, ranked } = selfReceived
        ? { proposed: null, ranked: desk.propose(address, shapeOf(shape), at).ranked }
        : desk.propose(address, shapeOf(shape), at);
      let outletId: string | null = null;
      let overrideReason: string | null = null;
      if (target) {
        if (selfReceived) {
          outletId = target.id;
        } else if (proposed === target.id) {
          outletId = target.id;
        } else if (servedBy.get(customer.id)?.has(target.id)) {
          outletId = target.id;
          overrideReason = returningCustomer;
        } else if (target === demo[0] && attempt >= 3 && r.chance(0.5)) {
          // The demo dispatcher's outlet gets a full board: now and then the agent sends an order there anyway.
          outletId = target.id;
          overrideReason = r.pick(overrideReasons);
        } else if (attempt < 8) continue;
      }
      if (outletId === null) {
        if (!proposed) continue;
        outletId = proposed;
        const runnerUp = ranked[1];
        if (runnerUp && r.chance(0.03) && staffed(runnerUp)) {
          outletId = runnerUp;
          overrideReason = r.pick(overrideReasons);
        }
        if (!staffed(outletId)) continue;
      }
      const channel: Channel = selfReceived ? 'self_received' : channelFor(r, shape.orderType);
      const chosen = outletId;
      const served = servedBy.get(customer.id) ?? new Set<string>();
      served.add(chosen);
      servedBy.set(customer.id, served);
      return {
        facts: {
          ...base,
          channel,
          createdBy: selfReceived ? actors.dispatcherOf(chosen) : actors.agent,
          dispatch: {
            outletId: chosen,
            proposedOutletId: selfReceived ? null : proposed,
            overrideReason,
            selfReceived,
          },
        },
        plan: plan(
          channel,
          ranked.filter((id) => id !== chosen && staffed(id)),
        ),
      };
    }
    return null;
  }

  function orderShape(
    r: Random,
    customer: CustomerInput,
    address: AddressInput,
    at: number,
    consultation: boolean,
  ): Shape | null {
    const day = days.dateOf(at);
    const units = customer.units.filter(
      (u) =>
        u.registeredAt.getTime() <= at &&
        u.purchaseDate <= day &&
        (u.addressId === address.id || u.addressId === null),
    );
    let type: OrderType = consultation ? 'consultation' : r.weighted(orderTypes);
    const recent = (maxDays: number) =>
      units.filter(
        (u) => Date.parse(`${u.purchaseDate}T00:00:00Z`) >= Date.parse(`${day}T00:00:00Z`) - maxDays * DAY_MS,
      );
    if (type === 'install') {
      const fresh = recent(12);
      const unit = fresh.length > 0 ? r.pick(fresh) : null;
      return {
        unit,
        categoryCode: unit?.categoryCode ?? r.weighted(installCategories),
        orderType: type,
        serviceMode: 'on_site',
      };
    }
    if (type === 'consultation') {
      const unit = units.length > 0 && r.chance(0.6) ? r.pick(units) : null;
      return {
        unit,
        categoryCode: unit?.categoryCode ?? 'air_conditioner',
        orderType: type,
        serviceMode: 'on_site',
      };
    }
    if (units.length === 0) return null;
    let unit = r.pick(units);
    if (type === 'return_exchange') {
      const fresh = recent(365);
      if (fresh.length > 0) unit = r.pick(fresh);
      else type = 'repair';
    }
    if (type === 'maintenance' && !MAINTAINED.includes(unit.categoryCode)) type = 'repair';
    if (type === 'pickup_repair' && !PICKED_UP.includes(unit.categoryCode)) type = 'repair';
    let serviceMode: ServiceMode = 'on_site';
    if (type === 'pickup_repair') serviceMode = r.weighted(pickupModes);
    else if (type === 'repair' && CARRYABLE.includes(unit.categoryCode) && r.chance(0.55))
      serviceMode = 'carry_in';
    else if (type === 'repair' && PICKED_UP.includes(unit.categoryCode) && r.chance(0.12)) {
      serviceMode = r.weighted(pickupModes);
    }
    return { unit, categoryCode: unit.categoryCode, orderType: type, serviceMode };
  }

  function requestedTime(r: Random, type: OrderType, at: number): Date | null {
    const share = type === 'install' ? 0.35 : type === 'maintenance' ? 0.3 : type === 'repair' ? 0.08 : 0;
    if (!r.chance(share)) return null;
    const day = days.indexOf(at) + r.int(1, 4);
    return new Date(days.at(day, r.pick([9, 10, 14, 15]) * 60));
  }

  return {
    sequences: [...sequences].map(([day, last]) => ({ day: day.replace(/-/g, ''), last })),
    tagged: specialCustomers(openOrders, [...served], inputs, demo, opts.seed),
  };
}

function channelFor(r: Random, type: OrderType): Channel {
  if (type === 'return_exchange' && r.chance(0.45)) return 'mall';
  if (type === 'install' && r.chance(0.3)) return r.pick<Channel>(['dealer', 'e_commerce', 'mall']);
  return r.weighted(callChannels);
}

/**
 * WO-15: a few customers become special (VIP, repeated complaints, media risk, elderly) — some of those with open
 * orders at the demo outlets, so the board's special-customer column is not empty, and a sprinkling elsewhere.
 */
function specialCustomers(
  open: readonly GeneratedOrder['row'][],
  served: readonly string[],
  inputs: OrderInputs,
  demo: readonly OutletInput[],
  seed: number,
): { customerId: string; tags: string[] }[] {
  const r = new Random(mixSeed(seed, labelSeed('special-customers')));
  const already = new Set(inputs.customers.filter((c) => c.tags.length > 0).map((c) => c.id));
  const chosen = new Set<string>();
  demo.forEach((o, i) => {
    const here = [...new Set(open.filter((x) => x.outletId === o.id).map((x) => x.customerId))];
    for (const id of r.sample(here, i === 0 ? 5 : 2)) chosen.add(id);
  });
  for (const id of r.sample(served, Math.round(served.length * 0.015))) chosen.add(id);
  return [...chosen]
    .filter((id) => !already.has(id))
    .sort()
    .map((customerId) => ({
      customerId,
      tags: r.chance(0.2) ? r.sample(specialTags, 2) : [r.pick(specialTags)],
    }));
}
