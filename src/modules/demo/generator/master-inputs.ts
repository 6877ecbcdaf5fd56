/** What the pure generators need from the database and the policy store, as plain data. */

export interface DistrictInput {
  code: string;
  name: string;
  cityCode: string;
  areaType: string;
  marketTier: number | null;
}

export interface FixedOutletInput {
  id: string;
  code: string;
  name: string;
  type: string;
  regionCode: string;
  status: string;
  createdAt: Date;
}

export interface CategoryInput {
  code: string;
  lineCode: string;
}

export interface NetworkPolicies {
  radius: { minKm: number; maxKm: number; defaultKm: number };
  bandThresholds: { band1MinOrders: number; band2MinOrders: number };
  /** NET-6 cumulative shares: A up to round(a·n), B up to round(b·n), C up to round(c·n), D after. */
  gradeShares: { a: number; b: number; c: number };
  bandMatrix: Record<string, Record<string, { stars: number; multiplier: number }>>;
  minOutletsPerDistrict: number;
  dealerTiers: {
    gold: { targetCallbackRate: number; minSatisfaction: number };
    medium: { targetCallbackRate: number; minSatisfaction: number };
  };
}

export interface MasterInputs {
  seed: number;
  outlets: number;
  now: Date;
  timeZone: string;
  districts: readonly DistrictInput[];
  cityNames: ReadonlyMap<string, string>;
  categories: readonly CategoryInput[];
  fixedOutlets: readonly FixedOutletInput[];
  policies: NetworkPolicies;
  /** The demo engineer account, linked to an engineer record of the first demo outlet. */
  demoEngineer?: { userId: string; outletId: string; name: string; phone: string } | undefined;
}
