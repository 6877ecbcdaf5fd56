import { proposeEngineer, proposeOutlet } from '../../work-orders/index.ts';
import type {
  DispatchServiceType,
  EngineerCandidate,
  OutletCandidate,
  ServiceMode,
} from '../../work-orders/index.ts';
import type { GeneratedOrder, TrailPoint } from './order-rows.ts';
import type { BusinessDays } from './order-clock.ts';
import type { AddressInput, EngineerInput, OrderInputs, OutletInput } from './order-inputs.ts';
import { policyAt } from './order-inputs.ts';

/** Statuses that are not work in hand (dispatch-candidates.repository.ts): they weigh on nobody. */
const NOT_LOAD = new Set(['completed', 'closed', 'cancelled']);
const DISPATCHABLE = new Set(['active', 'rectifying']);

interface Interval {
  from: number;
  to: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function openAt(intervals: readonly Interval[] | undefined, t: number): number {
  let n = 0;
  for (const i of intervals ?? []) if (i.from <= t && t < i.to) n++;
  return n;
}

/**
 * WO-13 over the history being generated: the real proposal rules, fed with each outlet's and engineer's open
 * load at the instant of the decision, counted from the orders generated so far.
 */
export class DispatchDesk {
  readonly outlets = new Map<string, OutletInput>();
  private readonly byDistrict = new Map<string, OutletInput[]>();
  private readonly engineersOf = new Map<string, EngineerInput[]>();
  private readonly outletLoad = new Map<string, Interval[]>();
  private readonly engineerLoad = new Map<string, Interval[]>();
  /** Engineer → business-day index → assignments that day. */
  private readonly assignedOn = new Map<string, Map<number, number>>();
  private readonly proposals = new Map<string, { proposed: string | null; ranked: string[] }>();

  constructor(
    private readonly inputs: OrderInputs,
    private readonly days: BusinessDays,
  ) {
    for (const o of inputs.outlets) {
      this.outlets.set(o.id, o);
      for (const d of o.districts) pushTo(this.byDistrict, d, o);
    }
    for (const e of inputs.engineers) pushTo(this.engineersOf, e.outletId, e);
  }

  isDispatchable(outletId: string): boolean {
    return DISPATCHABLE.has(this.outlets.get(outletId)?.status ?? '');
  }

  /** Outlets covering a district. */
  covering(districtCode: string): OutletInput[] {
    return this.byDistrict.get(districtCode) ?? [];
  }

  serves(outletId: string, categoryCode: string, serviceType: string): boolean {
    return (this.outlets.get(outletId)?.services ?? []).some(
      (s) => s.categoryCode === categoryCode && s.serviceType === serviceType,
    );
  }

  qualifiedEngineers(outletId: string, categoryCode: string): EngineerInput[] {
    return (this.engineersOf.get(outletId) ?? []).filter(
      (e) => e.active && e.categories.includes(categoryCode),
    );
  }

  /**
   * The outlet WO-13 proposes at `at`, and the eligible ones in rank order. Eligibility does not change over the
   * history (statuses and coverage are today's, the radius policy is keyed by version), and open load only breaks
   * ties of equal distance: a ranking whose distances are all known and distinct is kept for the next order.
   */
  propose(
    address: AddressInput,
    order: { categoryCode: string; serviceType: DispatchServiceType; serviceMode: ServiceMode },
    at: number,
  ): { proposed: string | null; ranked: string[] } {
    const radius = policyAt<{ defaultKm: number }>(this.inputs, 'net.service_radius', new Date(at));
    const key = `${address.id} ${order.categoryCode} ${order.serviceType} ${order.serviceMode === 'carry_in'} ${radius.version}`;
    const cached = this.proposals.get(key);
    if (cached) return cached;
    const candidates: OutletCandidate[] = this.covering(address.regionCode).map((o) => ({
      outletId: o.id,
      code: o.code,
      status: o.status,
      dispatchSuspendedUntil: null,
      districts: o.districts,
      services: o.services,
      location: o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
      radiusKm: o.radiusKm,
      grade: o.grade,
      openOrders: openAt(this.outletLoad.get(o.id), at),
    }));
    const result = proposeOutlet(
      candidates,
      {
        districtCode: address.regionCode,
        categoryCode: order.categoryCode,
        serviceType: order.serviceType,
        serviceMode: order.serviceMode,
        location:
          address.lat !== null && address.lng !== null ? { lat: address.lat, lng: address.lng } : null,
      },
      { now: new Date(at), tz: this.days.tz, defaultRadiusKm: radius.value.defaultKm },
    );
    const answer = result.ok
      ? { proposed: result.proposal.outletId, ranked: result.ranked.map((r) => r.outletId) }
      : { proposed: null, ranked: [] };
    const km = result.ranked.map((r) => r.distanceKm);
    if (km.every((d, i) => d !== null && (i === 0 || d !== km[i - 1]))) this.proposals.set(key, answer);
    return answer;
  }

  /** The engineer WO-13 suggests inside the outlet at `at` (least open work, then fewest today). */
  suggestEngineer(outletId: string, categoryCode: string, at: number): string | null {
    const day = this.days.indexOf(at);
    const candidates: EngineerCandidate[] = (this.engineersOf.get(outletId) ?? []).map((e) => ({
      engineerId: e.id,
      code: e.code,
      active: e.active,
      categories: e.categories,
      openAssigned: openAt(this.engineerLoad.get(e.id), at),
      assignedToday: this.assignedOn.get(e.id)?.get(day) ?? 0,
    }));
    const result = proposeEngineer(candidates, { categoryCode });
    return result.ok ? result.proposal.engineerId : null;
  }

  /** Open orders assigned to an engineer at `at`. */
  engineerOpenAt(engineerId: string, at: number): number {
    return openAt(this.engineerLoad.get(engineerId), at);
  }

  /**
   * Forgets load that ended before `at`. Orders are generated in creation order and every question about load
   * is asked at or after the creation of the order being generated, so that load can never count again.
   */
  forgetBefore(at: number): void {
    for (const map of [this.outletLoad, this.engineerLoad]) {
      for (const [key, list] of map) {
        if (list.length > 0 && list.some((i) => i.to <= at))
          map.set(
            key,
            list.filter((i) => i.to > at),
          );
      }
    }
  }

  /** Adds a generated order's load: each stretch of its timeline in which it was work in hand. */
  record(order: GeneratedOrder, trail: readonly TrailPoint[]): void {
    trail.forEach((s, i) => {
      const to = trail[i + 1]?.at ?? Number.POSITIVE_INFINITY;
      if (to <= s.at || NOT_LOAD.has(s.status)) return;
      if (s.outletId) pushTo(this.outletLoad, s.outletId, { from: s.at, to });
      if (s.engineerId) pushTo(this.engineerLoad, s.engineerId, { from: s.at, to });
    });
    for (const e of order.events) {
      if (e.type !== 'assigned') continue;
      const id = String((e.data as Record<string, unknown>).engineerId);
      const perDay = this.assignedOn.get(id) ?? new Map<number, number>();
      const day = this.days.indexOf(e.at.getTime());
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      this.assignedOn.set(id, perDay);
    }
  }
}
