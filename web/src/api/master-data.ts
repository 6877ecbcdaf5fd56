/** Shapes of the master-data API (regions, calendar, products, dealers, customers, outlets, engineers, imports). */
import type { ActorRef, Localized } from './types';

function oneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const isRegionLevel = oneOf(REGION_LEVELS);

export const MARKET_TIERS = [1, 2, 3, 4] as const;
export type MarketTier = (typeof MARKET_TIERS)[number];

export const AREA_TYPES = ['urban', 'suburban'] as const;
export type AreaType = (typeof AREA_TYPES)[number];
export const isAreaType = oneOf(AREA_TYPES);

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  marketTier: MarketTier | null;
  areaType: AreaType;
  tierSource: 'default' | 'admin';
  version: number;
  path: string;
}

export interface CascaderNode {
  value: string;
  label: string;
  children?: CascaderNode[];
}

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface CalendarDay {
  day: string;
  kind: CalendarKind;
  name: string;
  source: string;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface HealthWarning {
  code: string;
  message: string;
}

export interface HealthWithWarnings {
  status: string;
  warnings?: HealthWarning[];
}

export interface ProductLine {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ProductCategory extends ProductLine {
  lineCode: string;
}

export interface ProductModel {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: string[];
  dealerPriceFen: number | null;
  active: boolean;
  version: number;
}

export const DEALER_TIERS = ['A', 'B', 'C'] as const;
export type DealerTier = (typeof DEALER_TIERS)[number];
export const isDealerTier = oneOf(DEALER_TIERS);

export interface Dealer {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  contactName: string | null;
  contactPhoneMasked: string | null;
  tier: DealerTier;
  active: boolean;
  version: number;
}

export interface TierDecision {
  month: string;
  tier: DealerTier;
  reason: string;
  decidedBy: ActorRef | null;
  decidedAt: string;
}

export interface DealerDetail extends Dealer {
  tierHistory: TierDecision[];
  createdAt?: string;
  updatedAt?: string;
}

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const isPhoneLabel = oneOf(PHONE_LABELS);

export const SALES_CHANNELS = ['mall', 'dealer', 'e_commerce', 'engineering', 'other'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];
export const isSalesChannel = oneOf(SALES_CHANNELS);

export const WARRANTY_STATUSES = ['in_warranty', 'key_parts_only', 'out_of_warranty'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];
export const isWarrantyStatus = oneOf(WARRANTY_STATUSES);

export interface Warranty {
  status: WarrantyStatus;
  wholeUnitUntil: string;
  keyPartsUntil: string;
  returnWindowUntil: string;
  exchangeWindowUntil: string;
  policyVersion: number;
  policies?: { key: string; version: number }[];
  explanation: Localized;
}

export interface Unit {
  id: string;
  serialNumber: string;
  modelId: string;
  /** Null when the unit's model is no longer in the catalogue. */
  modelCode: string | null;
  modelName: string | null;
  categoryCode: string | null;
  customerId: string | null;
  addressId: string | null;
  purchaseDate: string;
  installDate: string | null;
  salesChannel: string;
  dealerId: string | null;
  dealerName: string | null;
  registeredAt: string;
  warranty: Warranty;
  version: number;
}

export interface CustomerSummary {
  id: string;
  code: string;
  nameMasked: string;
  primaryPhoneMasked: string | null;
  regionPath: string | null;
  unitCount: number;
  tags: string[];
  createdAt: string;
  version: number;
}

export interface CustomerPhone {
  id: string;
  label: string;
  masked: string;
  isPrimary: boolean;
}

export interface CustomerAddress {
  id: string;
  regionCode: string;
  regionPath: string;
  detailMasked: string;
  lat: number | null;
  lng: number | null;
  isDefault: boolean;
}

/** MD-4: one of the customer's orders the caller may see (newest first, at most 50). */
export interface CustomerOrder {
  id: string;
  number: string;
  status: string;
  orderType: string;
  serviceMode: string;
  unitId: string | null;
  createdAt: string;
  closedAt: string | null;
  outletName: string | null;
}

export interface CustomerDetail {
  id: string;
  code: string;
  nameMasked: string;
  phones: CustomerPhone[];
  addresses: CustomerAddress[];
  units: Unit[];
  orders: CustomerOrder[];
  /** All such orders; more than `orders.length` when the list was cut. */
  ordersTotal: number;
  ordersTruncated: boolean;
  tags: string[];
  note: string | null;
  mergedIntoId: string | null;
  createdAt: string;
  version: number;
}

export interface CustomerReveal {
  name: string;
  phones: { id: string; number: string }[];
  addresses: { id: string; detail: string }[];
}

export const OUTLET_TYPES = [
  'pre_sales',
  'after_sales_tier1',
  'after_sales_tier2',
  'direct_signed',
  'three_in_one',
  'self_warranty',
] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];
export const isOutletType = oneOf(OUTLET_TYPES);

export const OUTLET_STATUSES = [
  'applying',
  'active',
  'rectifying',
  'suspended',
  'withdrawing',
  'withdrawn',
] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];
export const isOutletStatus = oneOf(OUTLET_STATUSES);

export const SERVICE_TYPES = [
  'install',
  'repair',
  'maintenance',
  'pickup_repair',
  'return_exchange',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const isServiceType = oneOf(SERVICE_TYPES);

export const COVERAGE_ROLES = ['primary', 'backup'] as const;
export type CoverageRole = (typeof COVERAGE_ROLES)[number];
export const isCoverageRole = oneOf(COVERAGE_ROLES);

export const OUTLET_BANDS = [1, 2, 3] as const;
export const OUTLET_GRADES = ['A', 'B', 'C', 'D'] as const;

export const QUALIFICATION_GAPS = [
  'licence',
  'parts_store',
  'technicians',
  'accepts_management',
  'service_system',
] as const;
export type QualificationGap = (typeof QUALIFICATION_GAPS)[number];

export interface OutletSummary {
  id: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  regionCode: string;
  regionPath: string;
  address: string;
  lat: number | null;
  lng: number | null;
  serviceRadiusKm: number;
  status: string;
  band: number | null;
  bandYear: number | null;
  grade: string | null;
  stars: number | null;
  partsDepositFen: number;
  phone: string | null;
  managerName: string | null;
  engineerCount: number;
  coveredDistrictCount: number;
  /** NET-10: a timed stop on new dispatches after an audit finding; null when none is running. */
  dispatchSuspension: { until: string; reason: string | null } | null;
  version: number;
}

export interface Qualification {
  licenceNumber: string | null;
  licensedForRepair: boolean;
  hasPartsStore: boolean;
  technicianCount: number;
  acceptsManagement: boolean;
  hasServiceSystem: boolean;
}

export interface CoverageRegion {
  regionCode: string;
  regionPath: string;
  role: string;
}

export interface CoverageService {
  categoryCode: string;
  serviceType: string;
}

export interface OutletDetail extends OutletSummary {
  coverage: { regions: CoverageRegion[]; services: CoverageService[] };
  qualification: Qualification;
  qualificationCheck: { ok: boolean; missing: string[] };
}

export interface BandDecision {
  year: number;
  band: number;
  lastYearRepairOrders: number;
  policyKey: string;
  policyVersion: number;
}

export interface CoverageGap {
  regionCode: string;
  regionPath: string;
  activeOutletCount?: number;
  requiredOutletCount?: number;
  policyVersion?: number;
  outlets: { id: string; name: string; role: string; status?: string }[];
}

export interface EngineerSkill {
  categoryCode: string;
  level: number;
}

export interface Certificate {
  id: string;
  name: string;
  number: string;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface Engineer {
  id: string;
  code: string;
  outletId: string;
  outletName: string;
  nameMasked: string;
  phoneMasked: string | null;
  active: boolean;
  skills: EngineerSkill[];
  certificates: Certificate[];
  hiredOn: string | null;
  version: number;
}

export interface EngineerReveal {
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export interface ImportColumn {
  key: string;
  header: Localized;
  required: boolean;
  example: string;
}

export interface Importer {
  entity: string;
  columns: ImportColumn[];
}

export interface ImportRowError {
  row: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  entity: string;
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  applied: boolean;
  errors: ImportRowError[];
  ignoredColumns: string[];
}
