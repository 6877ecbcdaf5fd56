export {
  ensureReferenceData,
  referenceDataTables,
  regionSeedRows,
  calendarSeedRows,
} from './reference-data.ts';
export { createCatalogLookup } from './catalog-lookup.ts';
export type {
  CatalogLookup,
  RegionRow,
  CategoryRow,
  ModelRow,
  DealerRow,
  OrderReference,
  OrderReferenceInput,
} from './catalog-lookup.ts';
export { defaultRegionClass, isRegionCode, regionAncestors } from './domain/region-defaults.ts';
export type { MarketTier, AreaType, RegionLevel } from './domain/region-defaults.ts';
export { productCategorySeed, productLineSeed, serviceTypes } from './domain/product-categories.ts';
export type { CategoryCode, ServiceType } from './domain/product-categories.ts';
export { createCatalogService } from './catalog.service.ts';
export type { CatalogService, HealthWarning } from './catalog.service.ts';
export { catalogRoutes } from './catalog.routes.ts';
export {
  isWorkingDay,
  addWorkingDays,
  countWorkingDays,
  calendarIndex,
  isWeekend,
} from './domain/working-days.ts';
export type { CalendarEntry, WorkingCalendar } from './domain/working-days.ts';
export { maskName } from './domain/masking.ts';
export { regionPathOf } from './domain/region-tree.ts';
export type { CascaderOption } from './domain/region-tree.ts';
export { dealerTiers, isDealerTier, tierInForce } from './domain/dealer-tiers.ts';
export type { DealerTier } from './domain/dealer-tiers.ts';
export { warrantyProblems, MAX_WARRANTY_MONTHS } from './domain/model-rules.ts';
export { DEALER_PHONE_INDEX_PURPOSE, INITIAL_TIER_REASON } from './dealers.service.ts';
export { createDealerDirectory } from './dealer-directory.ts';
export type { DealerDirectory, DealerFacts, DealerFactsFilter } from './dealer-directory.ts';
export type { DecideTierInput } from './dealer-tiers.service.ts';
export type { DealerView, DealerDetail } from './dealer-view.ts';
export type { ModelView } from './products.service.ts';
export type { RegionView } from './regions.service.ts';
export type { CalendarDayView } from './calendar.service.ts';
