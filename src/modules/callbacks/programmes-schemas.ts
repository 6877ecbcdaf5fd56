import { Type } from 'typebox';
import type { Static, TProperties, TSchema } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { homeServiceChannels, homeServiceParties } from './domain/callback-codes.ts';

/**
 * The contract of the callback programmes (CB-7 dealer callbacks, CB-8 home-service callbacks) and of the
 * callback reports: every request and response body. The console is built against these shapes, so they
 * change only additively. Enumerations and sizes are checked here (400); whether values make sense
 * together is the domain's, which answers with its own codes.
 */

const strict = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = IdParams.properties.id;
const Text = (max: number) => Type.String({ maxLength: max });
const Count = Type.Integer({ minimum: 0 });
/** A share in [0, 1]; null when nothing was counted yet. */
const Ratio = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const MonthString = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', maxLength: 7 });
export const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
/** ISO 8601 instant with zone, e.g. 2026-11-23T02:00:00.000Z. */
export const InstantString = Type.String({ format: 'date-time' });

const PageOf = <T extends TSchema, P extends TProperties>(item: T, extra: P) =>
  Type.Object({
    items: Type.Array(item),
    total: Count,
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    ...extra,
  });

export const Person = Type.Object({ id: Type.String(), displayName: Type.String() });
/** A customer or worker as programmes show them: code and masked name only (MD-5). */
export const MaskedParty = Type.Object({ id: Type.String(), code: Type.String(), nameMasked: Type.String() });
export const OutletRef = Type.Object({ id: Type.String(), name: Type.String() });

/**
 * `reason` of a 422 CALLBACK_RULE_REFUSED answer from these routes (with `rule`: CB-7 or CB-8):
 * CB-7 BLACKLIST_NOT_CALLED_BACK, DEALER_INACTIVE; CB-8 NOT_ON_SCHEDULE, CALLBACK_NOT_DUE_YET (with `dueDate`,
 * `opensOn`). Field problems (400) carry a `code` per error where the domain gives one.
 */
export const programmeRefusalReasons = [
  'BLACKLIST_NOT_CALLED_BACK',
  'DEALER_INACTIVE',
  'NOT_ON_SCHEDULE',
  'CALLBACK_NOT_DUE_YET',
] as const;

// ---------------------------------------------------------------------------------------------------------
// CB-7 dealer callbacks: /api/callbacks/dealers

export const DealerTierSchema = Type.Enum(['A', 'B', 'C'] as const);
export const CalledTierSchema = Type.Enum(['A', 'B'] as const);

export const DealerParams = strict({ dealerId: Id });

/** GET /callbacks/dealers/schedule. `due`: only uncovered periods (and only dealers that have one). */
export const DealerScheduleQuery = strict({
  ...PageQuery,
  month: Type.Optional(MonthString),
  tier: Type.Optional(DealerTierSchema),
  due: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
});

export const DealerPeriodSchema = Type.Object({
  /** First day on which an answered callback counts for the period. */
  startDate: DateString,
  /** The callback is due by this day. */
  dueDate: DateString,
  covered: Type.Boolean(),
  /** The first answered callback within the period. */
  coveredBy: Nullable(Type.Object({ callbackId: Type.String(), at: InstantString })),
  /** Not covered and the due date has passed. */
  overdue: Type.Boolean(),
});

export const DealerScheduleItemSchema = Type.Object({
  dealerId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionPath: Type.String(),
  /** The tier in force in the month (the latest monthly decision not after it). */
  tier: DealerTierSchema,
  /** First day of the uninterrupted run of this tier: A dealers' fortnights count from here. */
  tierSince: DateString,
  calledBack: Type.Boolean(),
  /** Why the dealer is not called back (C: BLACKLIST_NOT_CALLED_BACK); null for A and B. */
  notCalledBack: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  /** Periods due in the month (only the uncovered ones with `due=true`). */
  periods: Type.Array(DealerPeriodSchema),
  uncoveredPeriods: Count,
  lastCallback: Nullable(
    Type.Object({
      id: Type.String(),
      at: InstantString,
      answered: Type.Boolean(),
      satisfied: Nullable(Type.Boolean()),
    }),
  ),
});

export const DealerScheduleResponse = PageOf(DealerScheduleItemSchema, {
  month: MonthString,
  /** Today in the business zone: periods due before it and not covered are overdue. */
  today: DateString,
  /** Version of policy `cb.dealer.tiers` used (POL-1). */
  policyVersion: Type.Integer(),
});

/** POST /callbacks/dealers/:dealerId/callbacks. `satisfied` only when someone answered. */
export const RecordDealerCallbackBody = strict({
  answered: Type.Boolean(),
  satisfied: Type.Optional(Nullable(Type.Boolean())),
  note: Type.Optional(Nullable(Text(1000))),
});

export const DealerCallbackSchema = Type.Object({
  id: Type.String(),
  dealerId: Type.String(),
  /** The tier in force when the dealer was called. */
  tier: DealerTierSchema,
  at: InstantString,
  agent: Person,
  answered: Type.Boolean(),
  satisfied: Nullable(Type.Boolean()),
  note: Nullable(Type.String()),
});

export const DealerCallbackListQuery = strict({ ...PageQuery });
export const DealerCallbackPage = PageOf(DealerCallbackSchema, {});

export const DealerReportQuery = strict({ month: Type.Optional(MonthString) });

export const MissedPeriodSchema = Type.Object({
  dealerId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  startDate: DateString,
  dueDate: DateString,
});

export const TierPerformanceSchema = Type.Object({
  tier: CalledTierSchema,
  dealers: Count,
  periodsDue: Count,
  periodsCovered: Count,
  callbackRate: Ratio,
  targetCallbackRate: Type.Number(),
  meetsCallbackTarget: Nullable(Type.Boolean()),
  answeredCallbacks: Count,
  satisfiedCallbacks: Count,
  satisfaction: Ratio,
  minSatisfaction: Type.Number(),
  meetsSatisfactionTarget: Nullable(Type.Boolean()),
  missed: Type.Array(MissedPeriodSchema),
});

/** GET /callbacks/dealers/report: CB-7 callback rate and satisfaction per tier against the policy targets. */
export const DealerReportResponse = Type.Object({
  month: MonthString,
  /** Periods due up to this day count (the month's last day once it is over). */
  asOf: DateString,
  policyVersion: Type.Integer(),
  /** A first, then B. */
  tiers: Type.Array(TierPerformanceSchema),
  blacklist: Type.Object({
    tier: Type.Literal('C'),
    dealers: Count,
    /** Answered calls to blacklisted dealers in the month: there should be none. */
    callbacksMade: Count,
  }),
});

const NamedDealer = strict({ dealerId: Type.String({ maxLength: 64 }), reason: Text(500) });

/**
 * POST /callbacks/dealers/assignment: the month's gold list and blacklist agreed with the marketing center
 * director; every other dealer becomes B. `replace` re-decides a month already assigned.
 */
export const TierAssignmentBody = strict({
  month: MonthString,
  agreedWith: Text(100),
  gold: Type.Optional(Type.Array(NamedDealer, { maxItems: 10_000 })),
  blacklist: Type.Optional(Type.Array(NamedDealer, { maxItems: 10_000 })),
  replace: Type.Optional(Type.Boolean()),
});

export const TierAssignmentResponse = Type.Object({
  month: MonthString,
  agreedWith: Type.String(),
  counts: Type.Object({ A: Count, B: Count, C: Count, changed: Count }),
  decisions: Type.Array(
    Type.Object({
      dealerId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      tier: DealerTierSchema,
      previousTier: Nullable(DealerTierSchema),
      changed: Type.Boolean(),
      reasonCode: Type.Enum(['NAMED_GOLD', 'NAMED_BLACKLIST', 'NOT_NAMED_MEDIUM'] as const),
      reason: Type.String(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------------
// CB-8 home-service callbacks: /api/callbacks/home

export const HomePartySchema = Type.Enum(homeServiceParties);
export const HomeChannelSchema = Type.Enum(homeServiceChannels);
export const PlacementStatusSchema = Type.Enum(['upcoming', 'ongoing', 'ended'] as const);

export const PlacementParams = strict({ id: Id });

export const PlacementListQuery = strict({
  ...PageQuery,
  outletId: Type.Optional(Id),
  customerId: Type.Optional(Id),
  workerId: Type.Optional(Id),
  /** Relative to today: not started yet, started and not ended, ended. */
  status: Type.Optional(PlacementStatusSchema),
});

/** POST /callbacks/home/placements: a worker (an engineer record) placed with a customer from 到岗日期. */
export const CreatePlacementBody = strict({
  customerId: Id,
  workerId: Id,
  startDate: DateString,
  endDate: Type.Optional(Nullable(DateString)),
  note: Type.Optional(Nullable(Text(1000))),
});

/** PATCH /callbacks/home/placements/:id: send the version you read. */
export const UpdatePlacementBody = strict({
  version: Version,
  endDate: Type.Optional(Nullable(DateString)),
  note: Type.Optional(Nullable(Text(1000))),
});

export const PlacementSchema = Type.Object({
  id: Type.String(),
  customer: MaskedParty,
  worker: MaskedParty,
  /** The worker's outlet; the placement belongs to it (SEC-1). */
  outlet: OutletRef,
  startDate: DateString,
  endDate: Nullable(DateString),
  status: PlacementStatusSchema,
  note: Nullable(Type.String()),
  callbacksMade: Count,
  version: Type.Integer(),
  createdAt: InstantString,
  updatedAt: InstantString,
});

export const PlacementPage = PageOf(PlacementSchema, {});

export const HomeCallbackSchema = Type.Object({
  id: Type.String(),
  placementId: Type.String(),
  party: HomePartySchema,
  sequence: Type.Integer({ minimum: 1 }),
  dueDate: DateString,
  at: InstantString,
  /** Made on or before the due date (business zone). */
  onTime: Type.Boolean(),
  channel: HomeChannelSchema,
  agent: Person,
  satisfied: Nullable(Type.Boolean()),
  note: Nullable(Type.String()),
});

export const ScheduledCallbackSchema = Type.Object({
  party: HomePartySchema,
  sequence: Type.Integer({ minimum: 1 }),
  dueDate: DateString,
  done: Type.Boolean(),
  callbackId: Nullable(Type.String()),
  /** Not done and the due date has passed. */
  overdue: Type.Boolean(),
});

/** GET /callbacks/home/placements/:id: the placement, its callbacks and its schedule up to `scheduleThrough`. */
export const PlacementDetailSchema = Type.Object({
  ...PlacementSchema.properties,
  callbacks: Type.Array(HomeCallbackSchema),
  schedule: Type.Array(ScheduledCallbackSchema),
  /** The schedule lists callbacks due up to this day: the end date, or 90 days from today or the start. */
  scheduleThrough: DateString,
  policyVersion: Type.Integer(),
});

/** GET /callbacks/home/due: from defaults to today, to to from + 6 days; at most 92 days. */
export const HomeDueQuery = strict({
  ...PageQuery,
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  party: Type.Optional(HomePartySchema),
  done: Type.Optional(Type.Boolean()),
  outletId: Type.Optional(Id),
});

export const HomeDueItemSchema = Type.Object({
  placementId: Type.String(),
  party: HomePartySchema,
  /** The customer's or the worker's id. */
  partyId: Type.String(),
  partyNameMasked: Type.String(),
  customer: MaskedParty,
  worker: MaskedParty,
  outlet: OutletRef,
  sequence: Type.Integer({ minimum: 1 }),
  dueDate: DateString,
  done: Type.Boolean(),
  overdue: Type.Boolean(),
  callback: Nullable(
    Type.Object({
      id: Type.String(),
      at: InstantString,
      channel: HomeChannelSchema,
      satisfied: Nullable(Type.Boolean()),
    }),
  ),
});

export const HomeDueResponse = PageOf(HomeDueItemSchema, {
  from: DateString,
  to: DateString,
  today: DateString,
  /** Over every match, not only this page. */
  counts: Type.Object({ due: Count, done: Count, outstanding: Count }),
  /** Version of policy `cb.home_service.schedule` used (POL-1). */
  policyVersion: Type.Integer(),
});

/** POST /callbacks/home/placements/:id/callbacks: one scheduled callback of the customer or the worker. */
export const RecordHomeCallbackBody = strict({
  party: HomePartySchema,
  sequence: Type.Integer({ minimum: 1, maximum: 10_000 }),
  channel: HomeChannelSchema,
  satisfied: Type.Optional(Nullable(Type.Boolean())),
  note: Type.Optional(Nullable(Text(1000))),
});

export const PartyStatisticsSchema = Type.Object({
  due: Count,
  done: Count,
  doneOnTime: Count,
  doneLate: Count,
  outstanding: Count,
  asked: Count,
  satisfied: Count,
  satisfaction: Ratio,
  byChannel: Type.Object({ phone: Count, sms: Count, wechat: Count, email: Count, visit: Count }),
});

export const HomeStatisticsQuery = strict({
  month: Type.Optional(MonthString),
  /** HQ only: one outlet's placements; outlet staff always see their own outlet's. */
  outletId: Type.Optional(Id),
});

/** GET /callbacks/home/statistics: the month's statistics table (月度统计表). */
export const HomeStatisticsSchema = Type.Object({
  month: MonthString,
  monthOver: Type.Boolean(),
  customer: PartyStatisticsSchema,
  worker: PartyStatisticsSchema,
  policyVersion: Type.Integer(),
  /** The outlet the figures are limited to; null for every outlet. */
  outletId: Nullable(Type.String()),
  /** The month is archived (the archive holds the figures as they were then). */
  archived: Type.Boolean(),
});

/**
 * POST /callbacks/home/archives: once per month, after it is over, with the written summary. The archive covers
 * every outlet, so only HQ scopes make it (403 otherwise); a second time answers 409 ALREADY_EXISTS.
 */
export const CreateArchiveBody = strict({
  month: MonthString,
  summary: Text(20_000),
});

export const ArchiveSchema = Type.Object({
  month: MonthString,
  statistics: Type.Object({
    month: MonthString,
    monthOver: Type.Boolean(),
    customer: PartyStatisticsSchema,
    worker: PartyStatisticsSchema,
    policyVersion: Type.Integer(),
  }),
  summary: Type.String(),
  archivedBy: Person,
  archivedAt: InstantString,
});

/** GET /callbacks/home/archives: HQ scopes only (403 otherwise), newest month first. */
export const ArchiveListQuery = strict({ ...PageQuery });
export const ArchivePage = PageOf(ArchiveSchema, {});

// ---------------------------------------------------------------------------------------------------------
// Callback reports: /api/callbacks/reports

/** GET /callbacks/reports/summary: months by the task's clearing month (月清月毕); at most 24 months. */
export const ReportSummaryQuery = strict({
  from: Type.Optional(MonthString),
  to: Type.Optional(MonthString),
  outletId: Type.Optional(Id),
});

export const CallbackMetricsSchema = Type.Object({
  /** Callback tasks of the month (CB-2: every completed order). */
  tasks: Count,
  /** Tasks with a verdict or given up as unreachable (CB-5). */
  handled: Count,
  /** handled ÷ tasks. */
  callbackRate: Ratio,
  /** Completion entry → first call attempt (CB-3), in hours, over the tasks called at least once. */
  latency: Type.Object({
    measured: Count,
    p50Hours: Nullable(Type.Number({ minimum: 0 })),
    p90Hours: Nullable(Type.Number({ minimum: 0 })),
    meanHours: Nullable(Type.Number({ minimum: 0 })),
  }),
  /** CB-6 mix of final verdicts. */
  verdicts: Type.Object({
    final: Count,
    qualified: Count,
    unqualified: Count,
    untrue: Count,
    qualifiedShare: Ratio,
    unqualifiedShare: Ratio,
    untrueShare: Ratio,
  }),
  /** CB-3 appeals: appealed ÷ non-qualified first verdicts; reversed ÷ decided appeals. */
  appeals: Type.Object({
    nonQualifiedFirstVerdicts: Count,
    appealed: Count,
    appealRate: Ratio,
    decided: Count,
    reversed: Count,
    reversalRate: Ratio,
  }),
});

export const ReportSummaryResponse = Type.Object({
  from: MonthString,
  to: MonthString,
  outletId: Nullable(Type.String()),
  totals: CallbackMetricsSchema,
  /** Every month from `from` to `to`, empty ones included (chart series). */
  months: Type.Array(Type.Object({ month: MonthString, ...CallbackMetricsSchema.properties })),
  /** Outlets with at least one task in the range, by outlet name. */
  outlets: Type.Array(
    Type.Object({ outletId: Type.String(), outletName: Type.String(), ...CallbackMetricsSchema.properties }),
  ),
  /** Every outlet × month with at least one task, by outlet then month. */
  outletMonths: Type.Array(
    Type.Object({
      outletId: Type.String(),
      outletName: Type.String(),
      month: MonthString,
      ...CallbackMetricsSchema.properties,
    }),
  ),
});

export type DealerScheduleItem = Static<typeof DealerScheduleItemSchema>;
export type DealerSchedulePage = Static<typeof DealerScheduleResponse>;
export type DealerCallbackView = Static<typeof DealerCallbackSchema>;
export type DealerReportView = Static<typeof DealerReportResponse>;
export type TierAssignmentView = Static<typeof TierAssignmentResponse>;
export type PlacementView = Static<typeof PlacementSchema>;
export type PlacementDetailView = Static<typeof PlacementDetailSchema>;
export type HomeCallbackView = Static<typeof HomeCallbackSchema>;
export type HomeDuePage = Static<typeof HomeDueResponse>;
export type HomeStatisticsView = Static<typeof HomeStatisticsSchema>;
export type ArchiveView = Static<typeof ArchiveSchema>;
export type ReportSummaryView = Static<typeof ReportSummaryResponse>;
export type CallbackMetricsView = Static<typeof CallbackMetricsSchema>;

// CONTRACT READY
