import type { OrderType, ServiceMode } from '../../work-orders/index.ts';
import type { OutletGrade } from './callback-codes.ts';

/**
 * STL-1 the standard service fee of a closed order: the fee table's amount for the product category and order
 * type, plus what the service mode adds, times the outlet's band × grade multiplier (NET-6: 档次不同结算费用不同).
 * It is what a qualified callback settles at (CB-6) and what decides whether an order is high-value (CB-2).
 */

export type FeeByOrderType = Record<OrderType, number>;

/** Policy `stl.fee_table`. */
export interface FeeTable {
  byCategory: Record<string, FeeByOrderType>;
  /** Categories the table does not list. */
  otherCategories: FeeByOrderType;
  serviceModeExtra: Record<ServiceMode, number>;
}

interface BandGrade {
  stars: number;
  multiplier: number;
}
type GradeRow = Record<'a' | 'b' | 'c' | 'd', BandGrade>;

/** Policy `net.grade.band_matrix`. */
export type BandMatrix = Record<'band1' | 'band2' | 'band3', GradeRow>;

export interface FeeFacts {
  categoryCode: string;
  orderType: OrderType;
  serviceMode: ServiceMode;
  /** NET-5 band 1–3; null before the outlet's first banding. */
  band: number | null;
  /** NET-6 grade; null before the outlet's first grading. */
  grade: OutletGrade | null;
}

export interface ServiceFee {
  baseFen: number;
  modeExtraFen: number;
  /** 1 for an outlet not yet banded and graded: it settles at the table fee until it is. */
  multiplier: number;
  multiplierSource: 'band_grade' | 'not_graded';
  categoryListed: boolean;
  /** (base + mode extra) × multiplier, rounded to the nearest fen. */
  feeFen: number;
}

const isBand = (band: number | null): band is 1 | 2 | 3 => band === 1 || band === 2 || band === 3;

function amount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`Invalid ${what} in the fee table: expected whole fen ≥ 0, got ${String(value)}.`);
  }
  return value;
}

/** STL-1: the standard fee for one order at one outlet. */
export function standardServiceFee(facts: FeeFacts, table: FeeTable, matrix: BandMatrix): ServiceFee {
  const listed = Object.hasOwn(table.byCategory, facts.categoryCode);
  const row = listed ? (table.byCategory[facts.categoryCode] as FeeByOrderType) : table.otherCategories;
  const baseFen = amount(row[facts.orderType], `${facts.categoryCode}/${facts.orderType}`);
  const modeExtraFen = amount(table.serviceModeExtra[facts.serviceMode], `service mode ${facts.serviceMode}`);
  let multiplier = 1;
  let multiplierSource: ServiceFee['multiplierSource'] = 'not_graded';
  if (isBand(facts.band) && facts.grade !== null) {
    const cell = matrix[`band${facts.band}`][facts.grade.toLowerCase() as keyof GradeRow];
    if (typeof cell?.multiplier !== 'number' || !(cell.multiplier >= 0)) {
      throw new Error(
        `No multiplier for band ${facts.band}, grade ${facts.grade} in the band × grade matrix.`,
      );
    }
    multiplier = cell.multiplier;
    multiplierSource = 'band_grade';
  }
  return {
    baseFen,
    modeExtraFen,
    multiplier,
    multiplierSource,
    categoryListed: listed,
    feeFen: Math.round((baseFen + modeExtraFen) * multiplier),
  };
}
