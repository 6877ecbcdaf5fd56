/**
 * Shapes of the callback programmes API (CB-7 dealer callbacks, CB-8 home-service callbacks, callback
 * reports), mirroring the server's TypeBox contract; the server only changes it additively.
 */
import type { ActorRef, Page } from '../../api/types';

export const PROGRAMME_PATHS = {
  dealerSchedule: '/api/callbacks/dealers/schedule',
  dealerReport: '/api/callbacks/dealers/report',
  dealerAssignment: '/api/callbacks/dealers/assignment',
  dealerCallbacks: (dealerId: string) => `/api/callbacks/dealers/${encodeURIComponent(dealerId)}/callbacks`,
  placements: '/api/callbacks/home/placements',
  placement: (id: string) => `/api/callbacks/home/placements/${encodeURIComponent(id)}`,
  placementCallbacks: (id: string) => `/api/callbacks/home/placements/${encodeURIComponent(id)}/callbacks`,
  homeDue: '/api/callbacks/home/due',
  homeStatistics: '/api/callbacks/home/statistics',
  homeArchives: '/api/callbacks/home/archives',
  reportSummary: '/api/callbacks/reports/summary',
} as const;

export const DEALER_TIERS = ['A', 'B', 'C'] as const;
export type DealerTier = (typeof DEALER_TIERS)[number];
export const isDealerTier = (value: unknown): value is DealerTier =>
  typeof value === 'string' && (DEALER_TIERS as readonly string[]).includes(value);

// ---- CB-7 dealer callbacks ----

export interface DealerPeriod {
  startDate: string;
  dueDate: string;
  covered: boolean;
  coveredBy: { callbackId: string; at: string } | null;
  overdue: boolean;
}

export interface DealerScheduleItem {
  dealerId: string;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  tier: DealerTier;
  tierSince: string;
  calledBack: boolean;
  notCalledBack: { code: string; message: string } | null;
  periods: DealerPeriod[];
  uncoveredPeriods: number;
  lastCallback: { id: string; at: string; answered: boolean; satisfied: boolean | null } | null;
}

/** The uncovered period a call made on `today` would cover, if any (a call only counts within its period). */
export function periodToCover(periods: readonly DealerPeriod[], today: string): DealerPeriod | undefined {
  return periods.find((p) => !p.covered && p.startDate <= today && today <= p.dueDate);
}

export interface DealerSchedulePage extends Page<DealerScheduleItem> {
  month: string;
  today: string;
  policyVersion: number;
}

export interface DealerCallback {
  id: string;
  dealerId: string;
  tier: DealerTier;
  at: string;
  agent: ActorRef;
  answered: boolean;
  satisfied: boolean | null;
  note: string | null;
}

export interface MissedPeriod {
  dealerId: string;
  code: string;
  name: string;
  startDate: string;
  dueDate: string;
}

export interface TierPerformance {
  tier: 'A' | 'B';
  dealers: number;
  periodsDue: number;
  periodsCovered: number;
  callbackRate: number | null;
  targetCallbackRate: number;
  meetsCallbackTarget: boolean | null;
  answeredCallbacks: number;
  satisfiedCallbacks: number;
  satisfaction: number | null;
  minSatisfaction: number;
  meetsSatisfactionTarget: boolean | null;
  missed: MissedPeriod[];
}

export interface DealerReport {
  month: string;
  asOf: string;
  policyVersion: number;
  tiers: TierPerformance[];
  blacklist: { tier: 'C'; dealers: number; callbacksMade: number };
}

export interface TierAssignmentResult {
  month: string;
  agreedWith: string;
  counts: { A: number; B: number; C: number; changed: number };
  decisions: {
    dealerId: string;
    code: string;
    name: string;
    tier: DealerTier;
    previousTier: DealerTier | null;
    changed: boolean;
    reasonCode: 'NAMED_GOLD' | 'NAMED_BLACKLIST' | 'NOT_NAMED_MEDIUM';
    reason: string;
  }[];
}

// ---- CB-8 home-service callbacks ----

export const HOME_PARTIES = ['customer', 'worker'] as const;
export type HomeParty = (typeof HOME_PARTIES)[number];
export const isHomeParty = (value: unknown): value is HomeParty =>
  typeof value === 'string' && (HOME_PARTIES as readonly string[]).includes(value);

export const HOME_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit'] as const;
export type HomeChannel = (typeof HOME_CHANNELS)[number];

export const PLACEMENT_STATUSES = ['upcoming', 'ongoing', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const isPlacementStatus = (value: unknown): value is PlacementStatus =>
  typeof value === 'string' && (PLACEMENT_STATUSES as readonly string[]).includes(value);

export interface MaskedParty {
  id: string;
  code: string;
  nameMasked: string;
}

export interface OutletRef {
  id: string;
  name: string;
}

export interface Placement {
  id: string;
  customer: MaskedParty;
  worker: MaskedParty;
  outlet: OutletRef;
  startDate: string;
  endDate: string | null;
  status: PlacementStatus;
  note: string | null;
  callbacksMade: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HomeCallback {
  id: string;
  placementId: string;
  party: HomeParty;
  sequence: number;
  dueDate: string;
  at: string;
  onTime: boolean;
  channel: HomeChannel;
  agent: ActorRef;
  satisfied: boolean | null;
  note: string | null;
}

export interface ScheduledCallback {
  party: HomeParty;
  sequence: number;
  dueDate: string;
  done: boolean;
  callbackId: string | null;
  overdue: boolean;
}

export interface PlacementDetail extends Placement {
  callbacks: HomeCallback[];
  schedule: ScheduledCallback[];
  scheduleThrough: string;
  policyVersion: number;
}

export interface HomeDueItem {
  placementId: string;
  party: HomeParty;
  partyId: string;
  partyNameMasked: string;
  customer: MaskedParty;
  worker: MaskedParty;
  outlet: OutletRef;
  sequence: number;
  dueDate: string;
  done: boolean;
  overdue: boolean;
  callback: { id: string; at: string; channel: HomeChannel; satisfied: boolean | null } | null;
}

export interface HomeDuePage extends Page<HomeDueItem> {
  from: string;
  to: string;
  today: string;
  counts: { due: number; done: number; outstanding: number };
  policyVersion: number;
}

export interface PartyStatistics {
  due: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  outstanding: number;
  asked: number;
  satisfied: number;
  satisfaction: number | null;
  byChannel: Record<HomeChannel, number>;
}

export interface HomeStatistics {
  month: string;
  monthOver: boolean;
  customer: PartyStatistics;
  worker: PartyStatistics;
  policyVersion: number;
  outletId: string | null;
  archived: boolean;
}

export interface HomeArchive {
  month: string;
  statistics: {
    month: string;
    monthOver: boolean;
    customer: PartyStatistics;
    worker: PartyStatistics;
    policyVersion: number;
  };
  summary: string;
  archivedBy: ActorRef;
  archivedAt: string;
}

// ---- Callback reports ----

export const VERDICTS = ['qualified', 'unqualified', 'untrue'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CallbackMetrics {
  tasks: number;
  handled: number;
  callbackRate: number | null;
  latency: {
    measured: number;
    p50Hours: number | null;
    p90Hours: number | null;
    meanHours: number | null;
  };
  verdicts: {
    final: number;
    qualified: number;
    unqualified: number;
    untrue: number;
    qualifiedShare: number | null;
    unqualifiedShare: number | null;
    untrueShare: number | null;
  };
  appeals: {
    nonQualifiedFirstVerdicts: number;
    appealed: number;
    appealRate: number | null;
    decided: number;
    reversed: number;
    reversalRate: number | null;
  };
}

export interface ReportSummary {
  from: string;
  to: string;
  outletId: string | null;
  totals: CallbackMetrics;
  months: (CallbackMetrics & { month: string })[];
  outlets: (CallbackMetrics & { outletId: string; outletName: string })[];
  /** Every outlet × month with at least one task, by outlet then month. */
  outletMonths: (CallbackMetrics & { outletId: string; outletName: string; month: string })[];
}
