import type { Channel, OrderType, ServiceMode } from '../order-codes.ts';
import { isPickupMode } from '../order-codes.ts';

export type SlaRuleId = 'WO-7.1' | 'WO-7.2' | 'WO-7.3' | 'WO-7.4' | 'WO-7.5';
export type MarketTier = 1 | 2 | 3 | 4;

/** The policy values WO-7 reads (keys wo.sla.*), with the version of each as stored. */
export interface SlaPolicies {
  standard: {
    value: { categories: readonly string[]; hoursByTier: Record<`tier${MarketTier}`, number> };
    version: number;
  };
  allTiers: { value: { hoursByCategory: Record<string, number> }; version: number };
  pickup: { value: { defaultHours: number; hoursByCategory: Record<string, number> }; version: number };
  mallReturn: { value: { daysByTier: Record<`tier${MarketTier}`, number> }; version: number };
  jjwxDays: { value: number; version: number };
  warningShare: { value: number; version: number };
}

export const slaPolicyKeys = {
  standard: 'wo.sla.standard',
  allTiers: 'wo.sla.all_tiers',
  pickup: 'wo.sla.pickup',
  mallReturn: 'wo.sla.mall_return',
  jjwxDays: 'wo.sla.jjwx_days',
  warningShare: 'wo.sla.warning_share',
} as const;

export interface SlaBasis {
  orderType: OrderType;
  categoryCode: string;
  serviceMode: ServiceMode;
  channel: Channel;
  /** The market tier of the OUTLET's region (WO-7.1), not the customer's; null before dispatch. */
  outletTier: MarketTier | null;
  /** WO-7.5: the service actually performed was a pick-up, whatever the order type says. */
  actualMeasurePickup: boolean;
}

export interface SlaRuleDecision {
  rule: SlaRuleId;
  policyKey: string;
  policyVersion: number;
  allowedHours: number;
}

export type SlaRuleOutcome =
  { applies: true; decision: SlaRuleDecision } | { applies: false; reason: 'no_outlet_yet' | 'no_sla_row' };

const HOURS_PER_DAY = 24;

/**
 * Which WO-7 row applies, most specific first: a mall return (7.4), a pick-up repair order or measure (7.5),
 * a repair in a pick-up mode (7.3), televisions and refrigerators (7.2), the four standard categories by
 * tier (7.1). Day-based rows count whole 24-hour days. Orders no row covers (consultations, doors and
 * windows, maintenance) carry no SLA rather than an invented one.
 */
export function selectSlaRule(basis: SlaBasis, p: SlaPolicies): SlaRuleOutcome {
  const tierKey = basis.outletTier ? (`tier${basis.outletTier}` as const) : null;
  if (basis.orderType === 'return_exchange' && basis.channel === 'mall') {
    if (!tierKey) return { applies: false, reason: 'no_outlet_yet' };
    return decide(
      'WO-7.4',
      slaPolicyKeys.mallReturn,
      p.mallReturn.version,
      p.mallReturn.value.daysByTier[tierKey] * HOURS_PER_DAY,
    );
  }
  if (basis.orderType === 'pickup_repair' || basis.actualMeasurePickup) {
    return decide('WO-7.5', slaPolicyKeys.jjwxDays, p.jjwxDays.version, p.jjwxDays.value * HOURS_PER_DAY);
  }
  if (basis.orderType === 'repair' && isPickupMode(basis.serviceMode)) {
    const hours = p.pickup.value.hoursByCategory[basis.categoryCode] ?? p.pickup.value.defaultHours;
    return decide('WO-7.3', slaPolicyKeys.pickup, p.pickup.version, hours);
  }
  if (basis.orderType === 'install' || basis.orderType === 'repair') {
    const allTierHours = p.allTiers.value.hoursByCategory[basis.categoryCode];
    if (allTierHours !== undefined)
      return decide('WO-7.2', slaPolicyKeys.allTiers, p.allTiers.version, allTierHours);
    if (p.standard.value.categories.includes(basis.categoryCode)) {
      if (!tierKey) return { applies: false, reason: 'no_outlet_yet' };
      return decide(
        'WO-7.1',
        slaPolicyKeys.standard,
        p.standard.version,
        p.standard.value.hoursByTier[tierKey],
      );
    }
  }
  return { applies: false, reason: 'no_sla_row' };
}

function decide(
  rule: SlaRuleId,
  policyKey: string,
  policyVersion: number,
  allowedHours: number,
): SlaRuleOutcome {
  return { applies: true, decision: { rule, policyKey, policyVersion, allowedHours } };
}
