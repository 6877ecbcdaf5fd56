import { slaPolicyKeys, validateAppointmentWindow, windowInstants } from '../../work-orders/index.ts';
import type {
  AppointmentRow,
  AppointmentWindow,
  Channel,
  ContactRow,
  IntermediateResult,
  MarketTier,
  OrderAction,
  OrderEventRow,
  OrderStatus,
  OrderType,
  PartRequestRow,
  ResultRow,
  ServiceMode,
  SlaFacts,
  SlaPolicies,
  WorkOrderRow,
  workOrderTables,
} from '../../work-orders/index.ts';
import { hhMmToMinutes } from '../../../platform/time.ts';
import { IdMaker } from './generated-ids.ts';
import type { BusinessDays } from './order-clock.ts';
import { DAY_MS } from './order-clock.ts';
import type { OrderInputs, OrderPolicyKey } from './order-inputs.ts';
import { policyAt } from './order-inputs.ts';

export type CallbackRow = typeof workOrderTables.orderCallbacks.$inferSelect;

/** One generated order with every row the services would have written for it. */
export interface GeneratedOrder {
  row: WorkOrderRow;
  events: OrderEventRow[];
  appointments: AppointmentRow[];
  results: ResultRow[];
  parts: PartRequestRow[];
  contacts: ContactRow[];
  callbacks: CallbackRow[];
}

/** The order's status, outlet and engineer from an instant on (for the load WO-13 weighs). */
export interface TrailPoint {
  at: number;
  status: string;
  outletId: string | null;
  engineerId: string | null;
}

/** A step that would happen after `now`: the order's story stops there, and the order stays as it is today. */
export class NotYetHappened extends Error {
  constructor() {
    super('This step lies after now.');
  }
}
/** Thrown for every order whose story reaches `now`; one instance, since a stack trace per order costs. */
export const notYet = new NotYetHappened();

/** Ids in the shape `newId` gives, time-ordered, numbered per prefix so that equal instants keep their order. */
export class OrderIds {
  private readonly makers = new Map<string, IdMaker>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(prefix: string, atMs: number): string {
    let maker = this.makers.get(prefix);
    if (!maker) {
      maker = new IdMaker(prefix, this.seed);
      this.makers.set(prefix, maker);
    }
    const n = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, n + 1);
    return maker.make(atMs, n);
  }
}

/**
 * WO-4 windows, converted and checked without asking `Intl` for every one of thousands of appointments. On a
 * business day of 24 hours the wall clock runs evenly from the day's first instant, so a window's instants are
 * that instant plus its times; a day with a DST change goes through `windowInstants`. The static checks of
 * `validateAppointmentWindow` (format, half days, end after start, length) are made once per time span; a window
 * that passes them checked at its own start passes at any earlier instant and fails (WINDOW_IN_PAST) at any
 * later minute, so the check against the recording time is that one comparison.
 */
export class WindowBook {
  private readonly problems = new Map<string, string | null>();

  constructor(
    private readonly tz: string,
    private readonly days: BusinessDays,
  ) {}

  instants(w: AppointmentWindow): { startsAt: Date; endsAt: Date } {
    const day = this.days.indexOfDate(w.date);
    if (this.days.start(day + 1) - this.days.start(day) !== DAY_MS) return windowInstants(w, this.tz);
    return {
      startsAt: new Date(this.days.at(day, hhMmToMinutes(w.start))),
      endsAt: new Date(this.days.at(day, hhMmToMinutes(w.end))),
    };
  }

  /** Why the window may not be agreed at `at`, or null when it may. */
  problem(w: AppointmentWindow, at: Date, maxWindowHours: number): string | null {
    const { startsAt } = this.instants(w);
    const key = `${w.start} ${w.end} ${maxWindowHours}`;
    let problem = this.problems.get(key);
    if (problem === undefined) {
      const checked = validateAppointmentWindow(w, { now: startsAt, tz: this.tz, maxWindowHours });
      problem = checked.ok ? null : (checked.issues[0]?.message ?? checked.code);
      this.problems.set(key, problem);
    }
    if (problem) return problem;
    const minute = Math.floor(at.getTime() / 60_000) * 60_000;
    return startsAt.getTime() < minute ? 'This window has already started.' : null;
  }
}

export interface BuilderContext {
  now: Date;
  tz: string;
  inputs: OrderInputs;
  ids: OrderIds;
  windows: WindowBook;
  /** WO-7.1: the market tier of an outlet's region. */
  outletTier(outletId: string): MarketTier | null;
}

export interface IntakeFacts {
  at: number;
  number: string;
  customerId: string;
  addressId: string;
  regionCode: string;
  unitId: string | null;
  modelId: string | null;
  categoryCode: string;
  orderType: OrderType;
  channel: Channel;
  serviceMode: ServiceMode;
  faultDescription: string;
  customerRequestedAt: Date | null;
  createdBy: string | null;
  dispatch: {
    outletId: string;
    proposedOutletId: string | null;
    overrideReason: string | null;
    selfReceived: boolean;
  } | null;
}

/** What the intermediate-result route stores per result besides the validated value (field-results.service.ts). */
export const RESULT_POLICIES = [
  'wo.appointment.max_window_hours',
  'wo.no_time.horizon_days',
  'md.sanbao.windows',
] as const;

export const WORKING: readonly OrderStatus[] = [
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
];
/** What recording a WO-5 result does to the status, as the intermediate-result route decides it. */
export const resultEffects: Record<
  IntermediateResult['code'],
  { unchangedIn: readonly OrderStatus[]; action?: OrderAction['type']; actionFrom?: readonly OrderStatus[] }
> = {
  APPOINTED: { unchangedIn: [], action: 'appoint' },
  RESCHEDULED: { unchangedIn: [], action: 'reschedule' },
  UNREACHABLE: { unchangedIn: WORKING },
  AWAITING_PARTS: { unchangedIn: ['awaiting_parts'], action: 'await_parts' },
  TAKEN_FOR_REPAIR: {
    unchangedIn: ['in_progress', 'follow_up', 'awaiting_parts'],
    action: 'receive_unit',
    actionFrom: ['assigned', 'appointed'],
  },
  NORMAL_NOT_ACCEPTED: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  RETURN_EXCHANGE: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  OUT_OF_WARRANTY_DECLINED: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  CUSTOMER_NO_TIME: { unchangedIn: ['accepted', 'assigned', 'appointed', 'follow_up', 'awaiting_parts'] },
};

/** The SLA policy values in force at an instant, with their versions (as the order store reads them). */
export function slaPoliciesAt(inputs: OrderInputs, at: Date): SlaPolicies {
  const get = <T>(key: OrderPolicyKey) => policyAt<T>(inputs, key, at);
  return {
    standard: get<SlaPolicies['standard']['value']>(slaPolicyKeys.standard),
    allTiers: get<SlaPolicies['allTiers']['value']>(slaPolicyKeys.allTiers),
    pickup: get<SlaPolicies['pickup']['value']>(slaPolicyKeys.pickup),
    mallReturn: get<SlaPolicies['mallReturn']['value']>(slaPolicyKeys.mallReturn),
    jjwxDays: get<number>(slaPolicyKeys.jjwxDays),
    warningShare: get<number>(slaPolicyKeys.warningShare),
  };
}

/** WO-7 facts of an order, read the way the order store reads them. */
export function slaFactsOf(
  row: WorkOrderRow,
  parts: readonly PartRequestRow[],
  tier: MarketTier | null,
): SlaFacts {
  return {
    orderType: row.orderType as OrderType,
    categoryCode: row.categoryCode,
    serviceMode: row.serviceMode as ServiceMode,
    channel: row.channel as Channel,
    outletTier: tier,
    actualMeasurePickup: row.actualMeasurePickup,
    createdAt: row.createdAt,
    customerRequestedAt: row.customerRequestedAt,
    closedAt: row.closedAt ?? row.cancelledAt,
    partWaits: parts
      .filter((p) => p.cancelledAt === null)
      .sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime())
      .map((p) => ({
        partName: p.partName,
        shippedBy: p.shippedBy === 'division' ? 'division' : 'outlet_stock',
        appliedAt: p.appliedAt,
        stationArrivalAt: p.stationArrivalAt,
        shelfOffAt: p.shelfOffAt,
      })),
  };
}
