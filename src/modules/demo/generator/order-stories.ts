import { addCalendarDays } from '../../../platform/time.ts';
import type {
  AppointmentWindow,
  Channel,
  ContactPerson,
  ContactReason,
  OrderType,
  PartRequestRow,
  RedispatchReasonCode,
  ServiceMode,
} from '../../work-orders/index.ts';
import type { OrderBuilder } from './order-builder.ts';
import { NotYetHappened } from './order-rows.ts';
import type { BusinessDays, Hours } from './order-clock.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, hours, tailMinutes } from './order-clock.ts';
import type { DispatchDesk } from './order-dispatch.ts';
import type { CustomerInput, UnitInput } from './order-inputs.ts';
import {
  callbackNotes,
  cancelReasons,
  completionNotes,
  contactNotes,
  declineReasons,
  notAcceptedPositions,
  partFor,
  redispatchNotes,
  returnFaults,
} from './order-texts.ts';
import type { Random } from './prng.ts';
import { WeightedTable } from './prng.ts';

/** Who acts in the demo: the accounts that exist, or nobody on record where an outlet has no account. */
export interface Actors {
  agent: string | null;
  callCenter: string | null;
  dispatcherOf(outletId: string | null): string | null;
  engineerUser(engineerId: string | null): string | null;
}

/** What was decided when the call came in; the story plays what happened next. */
export interface OrderPlan {
  customer: CustomerInput;
  unit: UnitInput | null;
  categoryCode: string;
  orderType: OrderType;
  channel: Channel;
  serviceMode: ServiceMode;
  requestedAt: number | null;
  /** Eligible outlets other than the first, best first: where a re-dispatch sends the order. */
  alternatives: string[];
}

const PICKUP_MODES: readonly ServiceMode[] = [
  'pickup_one_way',
  'pickup_two_way',
  'pickup_one_way_loaner',
  'pickup_two_way_loaner',
];

/** Window starts (minutes of the day) the outlets offer; the length follows the WO-4 policy. */
const SLOT_STARTS = [8 * 60, 9 * 60, 10 * 60, 13 * 60, 14 * 60, 15 * 60, 16 * 60, 18 * 60];

const offsets = new WeightedTable<number>([
  [0, 52],
  [1, 42],
  [2, 5],
  [3, 1],
]);
const requesters = new WeightedTable<'customer' | 'outlet_accepted' | 'outlet_refused'>([
  ['customer', 50],
  ['outlet_accepted', 35],
  ['outlet_refused', 15],
]);
const shippers = new WeightedTable<'division' | 'trading_company' | 'outlet_stock'>([
  ['division', 65],
  ['trading_company', 15],
  ['outlet_stock', 20],
]);

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const family: readonly ContactPerson[] = [
  { kind: 'family_member', relation: '妻子' },
  { kind: 'family_member', relation: '丈夫' },
  { kind: 'family_member', relation: '母亲' },
  { kind: 'family_member', relation: '儿子' },
];

/**
 * One order's life after the call: the outlet accepts, assigns, agrees a window, visits, maybe waits for parts,
 * completes; the customer is called back and the order closed. Which turns it takes (re-dispatch, cancel,
 * unreachable customer, reschedule, late engineer, parts, carry-in, pick-up, decline, unhappy callback…) is
 * drawn from the order's own random stream. Every step goes through the builder, so the first one that lies
 * after `now` ends the story there.
 */
export class OrderStory {
  constructor(
    private readonly b: OrderBuilder,
    private readonly r: Random,
    private readonly days: BusinessDays,
    private readonly desk: DispatchDesk,
    private readonly actors: Actors,
    private readonly plan: OrderPlan,
  ) {}

  play(): void {
    try {
      this.run();
    } catch (e) {
      if (!(e instanceof NotYetHappened)) throw e;
    }
  }

  private get t(): number {
    return this.b.last;
  }

  private after(minMinutes: number, maxMinutes: number, h: Hours = hours.outlet, from = this.t): number {
    return this.days.after(from, minMinutes, maxMinutes, h, this.r);
  }

  private tail(median: number, h: Hours = hours.outlet, spread = 0.8, from = this.t): number {
    return this.days.within(from + tailMinutes(this.r, median, spread) * MINUTE_MS, h, this.r);
  }

  private get dispatcher(): string | null {
    return this.actors.dispatcherOf(this.b.row.outletId);
  }

  /** Field work is recorded by the engineer's own account, else by the outlet's dispatcher. */
  private get fieldActor(): string | null {
    return this.actors.engineerUser(this.b.row.engineerId) ?? this.dispatcher;
  }

  private person(): ContactPerson {
    return this.r.chance(0.8) ? { kind: 'customer' } : this.r.pick(family);
  }

  private today(at: number): string {
    return this.days.dateOf(at);
  }

  private run(): void {
    const { b, r, plan } = this;
    if (plan.orderType === 'consultation') return;
    const cancelStage = r.chance(0.06) ? r.pick(['dispatched', 'accepted', 'assigned', 'appointed']) : null;

    if (b.status === 'dispatched') {
      if (cancelStage === 'dispatched') return this.cancel(this.after(20, 300, hours.hotline));
      this.acceptStage();
    }
    if (!this.ensureQualifiedOutlet()) return;
    if (cancelStage === 'accepted') return this.cancel(this.after(30, 600, hours.hotline));
    if (r.chance(0.03)) return this.customerHasNoTime();
    this.assign();
    if (cancelStage === 'assigned') return this.cancel(this.after(30, 900, hours.hotline));
    if (plan.serviceMode === 'carry_in') return this.carryIn();

    this.firstContact();
    if (cancelStage === 'appointed') return this.cancel(this.after(60, 1200, hours.hotline));
    if (r.chance(0.09)) this.rescheduleBeforeVisit();
    this.visit(r.chance(0.05));
    if (this.work()) this.callBackAndClose();
  }

  /** The outlet acknowledges (WO-9: most within the hour; a few are left unacknowledged for days). */
  private acceptStage(): void {
    const { b, r } = this;
    if (r.chance(0.05) && this.plan.alternatives.length > 0) {
      if (r.chance(0.5)) b.accept(this.tail(25), this.dispatcher);
      this.redispatch();
    }
    const late = r.chance(0.025);
    b.accept(late ? this.after(26 * 60, 70 * 60) : this.tail(25), this.dispatcher);
  }

  private redispatch(): void {
    const { b, r } = this;
    const target = this.plan.alternatives.find((id) => id !== b.row.outletId);
    if (!target) return;
    const reason = r.pick<RedispatchReasonCode>([
      'wrong_address',
      'outside_coverage',
      'outlet_capacity',
      'outlet_capacity',
      'customer_request',
      'other',
    ]);
    const notes = redispatchNotes[reason] ?? [];
    // A reason of 'other' must be described (lifecycle rule); the others mostly are too.
    const note = notes.length > 0 && (reason === 'other' || r.chance(0.7)) ? r.pick(notes) : null;
    b.redispatch(this.tail(90, hours.outlet), target, reason, note, this.actors.agent);
  }

  /**
   * An outlet without an active engineer qualified for the category sends the order on (改派); when no
   * other outlet can take it, it waits accepted.
   */
  private ensureQualifiedOutlet(): boolean {
    const { b } = this;
    if (this.desk.qualifiedEngineers(b.row.outletId ?? '', b.row.categoryCode).length > 0) return true;
    const target = this.plan.alternatives.find(
      (id) => id !== b.row.outletId && this.desk.qualifiedEngineers(id, b.row.categoryCode).length > 0,
    );
    if (!target) return false;
    b.redispatch(this.after(20, 240), target, 'other', '网点暂无该品类资质工程师', this.actors.agent);
    b.accept(this.tail(30), this.actors.dispatcherOf(target));
    return true;
  }

  private assign(): void {
    const { b, r } = this;
    const at = r.chance(0.03) ? this.after(20 * 60, 40 * 60) : this.tail(20);
    const outletId = b.row.outletId ?? '';
    const suggested = this.desk.suggestEngineer(outletId, b.row.categoryCode, at);
    const qualified = this.desk.qualifiedEngineers(outletId, b.row.categoryCode);
    const others = qualified.filter((e) => e.id !== suggested);
    // Mostly the suggestion; sometimes the dispatcher knows better ("fair, no favourites" is the default).
    const engineerId = suggested && (others.length === 0 || r.chance(0.85)) ? suggested : r.pick(others).id;
    b.assign(at, engineerId, suggested, this.dispatcher);
  }

  private cancel(at: number): void {
    this.b.cancel(at, this.r.pick(cancelReasons), this.actors.agent);
  }

  /** WO-5.9 / WO-6.2: the customer has no time within the horizon; the order is closed on it. */
  private customerHasNoTime(): void {
    const { b, r } = this;
    const at = this.tail(60);
    const horizon = b.policy<number>('wo.no_time.horizon_days', new Date(at)).value;
    b.recordResult(
      at,
      {
        code: 'CUSTOMER_NO_TIME',
        statedBy: this.person(),
        noTimeThrough: addCalendarDays(this.today(at), horizon + r.int(0, 10)),
        note: r.pick(['用户出差，近期不在家', '用户家中装修，暂时不方便上门']),
      },
      this.dispatcher,
    );
    b.close(this.after(10, 600), 'customer_no_time', null, this.dispatcher);
  }

  /** A concrete window (WO-4) from `from` on: later today when there is time, else one of the next days. */
  private windowFrom(from: number, minDays = 0): AppointmentWindow {
    const { r, days } = this;
    const requested = this.plan.requestedAt;
    const base = requested !== null && requested > from ? requested : from;
    const day = days.indexOf(base);
    const minute = days.minuteOf(base);
    const max = this.b.policy<number>('wo.appointment.max_window_hours', new Date(from)).value;
    const length = Math.min(2, max) * 60;
    // A busy engineer's next free window is further out.
    const engineerId = this.b.row.engineerId;
    const busy = engineerId ? Math.min(3, Math.floor(this.desk.engineerOpenAt(engineerId, from) / 8)) : 0;
    let offset = Math.max(minDays, r.weighted(offsets) + busy);
    let starts = SLOT_STARTS.filter((s) => offset > 0 || s >= minute + 90);
    if (starts.length === 0) {
      offset = Math.max(offset, 1);
      starts = SLOT_STARTS;
    }
    const start = r.pick(starts);
    return { date: days.dates[day + offset] as string, start: hhmm(start), end: hhmm(start + length) };
  }

  /** A window other than the one the order holds (WO-4: a reschedule must change it). */
  private newWindow(from: number, minDays: number): AppointmentWindow {
    const current = this.b.currentWindow;
    let w = this.windowFrom(from, minDays);
    for (let i = 0; current && i < 5 && w.date === current.date && w.start === current.start; i++) {
      w = this.windowFrom(from, minDays);
    }
    if (current && w.date === current.date && w.start === current.start) {
      w = { ...w, date: addCalendarDays(w.date, 1) };
    }
    return w;
  }

  /** The dispatcher's first call: sometimes nobody answers (WO-5.3), sometimes the customer called first (WO-8.2). */
  private firstContact(): void {
    const { b, r } = this;
    if (r.chance(0.04)) {
      this.contact(this.tail(10 * 60, hours.hotline), 'ask_visit_time', r.chance(0.6));
    }
    if (r.chance(0.08)) {
      const attempts = r.int(1, 3);
      for (let i = 0; i < attempts; i++) {
        b.recordResult(
          this.tail(i === 0 ? 40 : 8 * 60),
          {
            code: 'UNREACHABLE',
            phones: this.plan.customer.phoneIds.map((phoneId) => ({
              phoneId,
              kind: 'mobile',
              outcome: r.chance(0.9) ? 'no_answer' : 'wrong_number',
            })),
            address: null,
          },
          this.dispatcher,
        );
      }
    }
    const at = this.tail(50);
    b.appoint(at, this.windowFrom(at), this.person(), this.dispatcher);
  }

  /** WO-4 改约 before the visit: the customer's own, or the outlet's — which the customer may not accept. */
  private rescheduleBeforeVisit(): void {
    const { b, r } = this;
    const window = b.currentWindow;
    if (!window) return;
    const startsAt = this.b.windowInstants(window).startsAt.getTime();
    const at = this.days.within(this.t + (startsAt - this.t) * (0.2 + 0.5 * r.float()), hours.outlet, r);
    if (at >= startsAt - 30 * MINUTE_MS) return;
    const who = r.weighted(requesters);
    if (who === 'customer') {
      b.reschedule(
        at,
        {
          window: this.newWindow(at, 1),
          requestedBy: 'customer',
          reasonCode: 'customer_unavailable',
          reason: r.chance(0.5) ? '用户临时有事' : null,
          customerAccepted: true,
        },
        this.dispatcher,
      );
      return;
    }
    const accepted = who === 'outlet_accepted';
    const { broken } = b.reschedule(
      at,
      {
        window: this.newWindow(at, 1),
        requestedBy: 'outlet',
        reasonCode: r.chance(0.6) ? 'engineer_unavailable' : 'outlet_capacity',
        reason: null,
        customerAccepted: accepted,
      },
      this.dispatcher,
    );
    if (!broken) return;
    // WO-4 → WO-8.3: the customer calls about a time they never agreed; the outlet then agrees a new one.
    this.contact(this.after(20, 180, hours.hotline), 'time_change_disputed', true);
    const again = this.after(15, 120);
    b.reschedule(
      again,
      {
        window: this.newWindow(again, 0),
        requestedBy: 'outlet',
        reasonCode: 'other',
        reason: '与用户重新协商上门时间',
        customerAccepted: true,
      },
      this.dispatcher,
    );
  }

  /** The engineer arrives within the window, or late (and the customer calls: WO-8.1). */
  private visit(late: boolean): void {
    const { b, r } = this;
    const window = b.currentWindow;
    if (!window) throw new Error('A visit needs an agreed window.');
    const { startsAt, endsAt } = this.b.windowInstants(window);
    const length = endsAt.getTime() - startsAt.getTime();
    if (late) {
      this.contact(startsAt.getTime() + r.int(20, 50) * MINUTE_MS, 'engineer_late', r.chance(0.7));
      b.startVisit(endsAt.getTime() + r.int(15, 75) * MINUTE_MS, this.fieldActor);
      return;
    }
    b.startVisit(
      startsAt.getTime() + Math.round((r.float() * 0.6 * length) / MINUTE_MS - 10) * MINUTE_MS,
      this.fieldActor,
    );
  }

  private workMinutes(): number {
    const type = this.b.row.orderType;
    return type === 'install'
      ? this.r.int(60, 180)
      : type === 'maintenance'
        ? this.r.int(40, 90)
        : this.r.int(30, 120);
  }

  /**
   * What happens on site until the work is reported complete; false when the order ended otherwise (the
   * customer declined the repair and it was closed on that).
   */
  private work(): boolean {
    const { r, plan } = this;
    const unit = plan.unit;
    const oldUnit = unit !== null && Date.parse(unit.purchaseDate) < this.t - 400 * DAY_MS;
    if (plan.orderType === 'return_exchange' && unit) this.returnExchange(unit);
    else if (plan.orderType === 'pickup_repair' || (plan.orderType === 'repair' && r.chance(0.02))) {
      this.takenForRepair();
    } else if (PICKUP_MODES.includes(plan.serviceMode)) {
      // Picked up on this visit, repaired at the outlet, brought back.
      this.complete(this.after(24 * 60, 72 * 60));
    } else if (plan.orderType === 'repair' && oldUnit && unit && r.chance(0.05)) {
      this.declinedOnSite(unit);
      return false;
    } else if (
      plan.orderType === 'repair' &&
      ['air_conditioner', 'refrigerator'].includes(plan.categoryCode) &&
      r.chance(0.06)
    ) {
      this.notAccepted();
    } else if (plan.orderType === 'repair' && r.chance(0.35)) {
      const shipper = r.weighted(shippers);
      if (shipper === 'outlet_stock') this.partFromStock();
      else this.awaitParts(shipper);
    } else {
      this.complete(this.t + this.workMinutes() * MINUTE_MS);
    }
    return true;
  }

  private complete(at: number): void {
    const notes = completionNotes[this.plan.orderType] ?? completionNotes.repair ?? ['完工'];
    this.b.complete(at, this.r.pick(notes), this.fieldActor);
  }

  /** A part the outlet keeps in stock: fetched and fitted on the same visit. */
  private partFromStock(): void {
    const { b, r } = this;
    const p = partFor(r, b.row.categoryCode);
    const part = b.requestPart(
      this.t + r.int(15, 40) * MINUTE_MS,
      {
        partName: p.name,
        partCode: p.code,
        quantity: 1,
        shippedBy: 'outlet_stock',
        promisedArrivalDate: null,
      },
      this.fieldActor,
    );
    const arrived = this.t + r.int(40, 120) * MINUTE_MS;
    const fitted = arrived + r.int(10, 40) * MINUTE_MS;
    b.updatePart(
      fitted + r.int(1, 15) * MINUTE_MS,
      part,
      { arrivedAtOutletAt: arrived, fittedAt: fitted },
      this.fieldActor,
    );
    this.complete(this.t + r.int(10, 30) * MINUTE_MS);
  }

  /**
   * WO-5.4 / WO-7.6: a part shipped by the division (which pauses the outlet's clock from application to its
   * station arrival) or by the trading company; the customer is told the date, the next visit fits it.
   */
  private awaitParts(shippedBy: 'division' | 'trading_company'): void {
    const { b, r } = this;
    const p = partFor(r, b.row.categoryCode);
    const part = b.requestPart(
      this.t + r.int(15, 40) * MINUTE_MS,
      { partName: p.name, partCode: p.code, quantity: 1, shippedBy, promisedArrivalDate: null },
      this.fieldActor,
    );
    const applied = part.appliedAt.getTime();
    const times = this.partJourney(applied, shippedBy);
    const recordAt = this.t + r.int(5, 25) * MINUTE_MS;
    const expected = this.today(Math.max(recordAt, times.arrivedAtOutletAt - r.int(-12, 18) * HOUR_MS));
    const nextVisit = this.windowOnOrAfter(recordAt, expected);
    b.recordResult(
      recordAt,
      {
        code: 'AWAITING_PARTS',
        parts: [{ name: part.partName, shippedBy }],
        expectedArrivalDate: expected,
        customerInformed: true,
        informed: this.person(),
        contactPhone: { phoneId: this.plan.customer.phoneIds[0], kind: 'mobile' },
        nextVisit,
        note: shippedBy === 'division' ? '配件由事业部发货' : '配件由贸易公司调拨',
      },
      this.fieldActor,
    );
    if (r.chance(0.35)) {
      const call = this.days.within(
        recordAt + (times.arrivedAtOutletAt - recordAt) * r.float(),
        hours.hotline,
        r,
      );
      if (call < times.arrivedAtOutletAt) this.contact(call, 'parts_progress', r.chance(0.4));
    }
    this.arrive(part, times);
    const at = this.after(10, 240);
    b.appoint(at, this.windowFrom(at), this.person(), this.dispatcher);
    this.visit(false);
    const fitted = this.t + r.int(15, 50) * MINUTE_MS;
    b.updatePart(fitted + r.int(1, 10) * MINUTE_MS, part, { fittedAt: fitted }, this.fieldActor);
    this.complete(this.t + r.int(10, 40) * MINUTE_MS);
  }

  /** When the part left the shelf, passed the station and reached the outlet (a few take far longer). */
  private partJourney(applied: number, shippedBy: 'division' | 'trading_company') {
    const { r, days } = this;
    const slow = r.chance(0.15) ? r.int(2, 4) : 1;
    if (shippedBy === 'trading_company') {
      const arrivedAtOutletAt = days.within(applied + slow * r.int(20, 60) * HOUR_MS, hours.logistics, r);
      return { shelfOffAt: null, stationArrivalAt: null, arrivedAtOutletAt };
    }
    const shelfOffAt = days.within(applied + r.int(3, 40) * HOUR_MS, hours.logistics, r);
    const stationArrivalAt = days.within(shelfOffAt + slow * r.int(30, 110) * HOUR_MS, hours.logistics, r);
    const arrivedAtOutletAt = days.within(stationArrivalAt + r.int(2, 16) * HOUR_MS, hours.logistics, r);
    return { shelfOffAt, stationArrivalAt: r.chance(0.7) ? stationArrivalAt : null, arrivedAtOutletAt };
  }

  /** The outlet records the part's times when it arrives (the division's shelf-off and station times with it). */
  private arrive(
    part: PartRequestRow,
    times: { shelfOffAt: number | null; stationArrivalAt: number | null; arrivedAtOutletAt: number },
  ): void {
    const { b, r } = this;
    const at = Math.max(this.t, times.arrivedAtOutletAt) + r.int(5, 90) * MINUTE_MS;
    b.updatePart(
      at,
      part,
      {
        ...(times.shelfOffAt !== null ? { shelfOffAt: times.shelfOffAt } : {}),
        ...(times.stationArrivalAt !== null ? { stationArrivalAt: times.stationArrivalAt } : {}),
        arrivedAtOutletAt: times.arrivedAtOutletAt,
      },
      this.dispatcher,
    );
  }

  private windowOnOrAfter(from: number, date: string): AppointmentWindow {
    const w = this.windowFrom(from);
    if (w.date >= date) return w;
    return { ...w, date };
  }

  /** WO-5.5 拉修: the engineer takes the unit to the workshop (the actual measure is a pick-up, WO-7.5). */
  private takenForRepair(): void {
    const { b, r } = this;
    const at = this.t + r.int(20, 50) * MINUTE_MS;
    const back = r.int(2, 5);
    b.recordResult(
      at,
      {
        code: 'TAKEN_FOR_REPAIR',
        takenOn: this.today(at),
        returnDate: addCalendarDays(this.today(at), back),
        agreedWith: this.person(),
      },
      this.fieldActor,
    );
    const returned = this.days.at(this.days.indexOf(at) + back, r.int(9 * 60, 18 * 60));
    this.complete(returned);
  }

  /** WO-5.8 / WO-6.4: out of warranty, the customer declines the paid repair on site; closed on it. */
  private declinedOnSite(unit: UnitInput): void {
    const { b, r } = this;
    const at = this.t + r.int(20, 50) * MINUTE_MS;
    const reason = r.pick(declineReasons);
    b.recordResult(
      at,
      {
        code: 'OUT_OF_WARRANTY_DECLINED',
        purchaseYear: Number(unit.purchaseDate.slice(0, 4)),
        part: partFor(r, b.row.categoryCode).name,
        feeQuotedFen: r.int(8, 60) * 1000,
        customerDeclines: true,
        informed: this.person(),
        nextDate: this.today(at),
        note: reason,
      },
      this.fieldActor,
    );
    b.close(
      this.after(5, 60, hours.outlet),
      'declined_on_site',
      { clearlyDeclined: true, addressConfirmed: true, reason },
      this.dispatcher,
    );
  }

  /** WO-5.6: readings are normal but the customer does not accept it; another visit settles it. */
  private notAccepted(): void {
    const { b, r } = this;
    const at = this.t + r.int(30, 60) * MINUTE_MS;
    const fridge = b.row.categoryCode === 'refrigerator';
    const next = addCalendarDays(this.today(at), r.int(2, 5));
    b.recordResult(
      at,
      {
        code: 'NORMAL_NOT_ACCEPTED',
        measurements: fridge
          ? [{ name: '冷藏室温度', value: 4 + r.int(0, 3), unit: '°C' }]
          : [
              { name: '出风口温度', value: 10 + r.int(0, 4), unit: '°C' },
              { name: '回风口温度', value: 25 + r.int(0, 3), unit: '°C' },
            ],
        withinNormalRange: true,
        customerPosition: r.pick(notAcceptedPositions),
        notAcceptedBy: this.person(),
        negotiation: 'negotiating',
        nextVisitDate: next,
      },
      this.fieldActor,
    );
    const again = this.after(60, 24 * 60);
    b.appoint(again, this.windowOnOrAfter(again, next), this.person(), this.dispatcher);
    this.visit(false);
    this.complete(this.t + this.workMinutes() * MINUTE_MS);
  }

  /** WO-5.7 / WO-12: a return or exchange found on site is reported at once; the new unit comes on a later visit. */
  private returnExchange(unit: UnitInput): void {
    const { b, r } = this;
    const at = this.t + r.int(20, 50) * MINUTE_MS;
    const next = addCalendarDays(this.today(at), r.int(2, 6));
    b.recordResult(
      at,
      {
        code: 'RETURN_EXCHANGE',
        kind: r.chance(0.7) ? 'exchange' : 'return',
        faultFound: r.pick(returnFaults),
        purchaseDate: unit.purchaseDate <= this.today(at) ? unit.purchaseDate : this.today(at),
        reportedForApproval: true,
        customerMustChooseModel: r.chance(0.3),
        informed: this.person(),
        nextDate: next,
      },
      this.fieldActor,
    );
    const again = this.after(2 * 60, 48 * 60);
    b.appoint(again, this.windowOnOrAfter(again, next), this.person(), this.dispatcher);
    this.visit(false);
    this.complete(this.t + this.workMinutes() * MINUTE_MS);
  }

  /** 送修: the customer brings the unit; it stays in the workshop, sometimes waiting for a part. */
  private carryIn(): void {
    const { b, r } = this;
    let receivedAt: number;
    if (r.chance(0.5)) {
      const at = this.tail(60);
      b.appoint(at, this.windowFrom(at), this.person(), this.dispatcher);
      const window = b.currentWindow as AppointmentWindow;
      receivedAt = this.b.windowInstants(window).startsAt.getTime() + r.int(0, 90) * MINUTE_MS;
    } else {
      receivedAt = this.after(2 * 60, 3 * 24 * 60);
    }
    b.receiveUnit(receivedAt, this.fieldActor);
    if (r.chance(0.45)) {
      const p = partFor(r, b.row.categoryCode);
      const shippedBy = r.chance(0.8) ? 'division' : 'trading_company';
      const requestAt = this.after(30, 240);
      const journey = this.partJourney(requestAt, shippedBy);
      const part = b.requestPart(
        requestAt,
        {
          partName: p.name,
          partCode: p.code,
          quantity: 1,
          shippedBy,
          promisedArrivalDate: this.today(Math.max(requestAt, journey.arrivedAtOutletAt)),
        },
        this.fieldActor,
      );
      this.arrive(part, journey);
      const fitted = this.after(30, 300);
      b.updatePart(fitted + r.int(5, 20) * MINUTE_MS, part, { fittedAt: fitted }, this.fieldActor);
    }
    this.complete(this.after(4 * 60, 72 * 60));
    this.callBackAndClose();
  }

  private contact(at: number, reason: ContactReason, unhappy: boolean): void {
    const notes = contactNotes[reason as keyof typeof contactNotes];
    this.b.logContact(
      at,
      {
        channel: this.r.chance(0.85) ? 'hotline' : 'wechat',
        reason,
        customerUnhappy: unhappy,
        note: notes ? this.r.pick(notes) : null,
      },
      this.actors.agent,
    );
  }

  /**
   * WO-6.1: the dispatcher or the call center calls back; nobody answers sometimes; an unhappy customer sends
   * the order back to work (WO-6.3) and it is visited again. A satisfied callback lets the order close.
   */
  private callBackAndClose(): void {
    const { b, r } = this;
    for (let round = 0; round < 3; round++) {
      const byDispatcher = r.chance(0.5);
      const by = byDispatcher ? 'dispatcher' : 'call_center';
      const actor = byDispatcher ? this.dispatcher : this.actors.callCenter;
      let at = this.tail(60, hours.callback, 0.7);
      if (r.chance(0.1)) {
        b.callback(at, { by, reached: false, satisfied: null, note: r.pick(callbackNotes.unreached) }, actor);
        at = this.tail(5 * 60, hours.callback);
      }
      const unhappy = round === 0 && r.chance(0.04);
      b.callback(
        at,
        {
          by,
          reached: true,
          satisfied: !unhappy,
          note: r.pick(unhappy ? callbackNotes.unhappy : callbackNotes.satisfied),
        },
        actor,
      );
      if (!unhappy) break;
      const again = this.after(30, 300);
      b.appoint(again, this.windowFrom(again), this.person(), this.dispatcher);
      this.visit(false);
      this.complete(this.t + this.workMinutes() * MINUTE_MS);
    }
    b.close(this.after(5, 60), 'completed', null, this.dispatcher);
  }
}
