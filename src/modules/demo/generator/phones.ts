import type { Random } from './prng.ts';
import { mixSeed, WeightedTable } from './prng.ts';

/**
 * Mobile number blocks in real use (China Mobile 13x/15x/178/198, Unicom 13x/15x/166/176/186, Telecom
 * 133/153/173/177/18x/19x), weighted towards the old 13x/18x blocks most people still carry. Every block
 * here is valid for any 8 following digits in libphonenumber-js/max (the test proves it); 170/171 (virtual
 * operators) and 14x (data cards) are left out.
 */
const mobileBlocks: readonly (readonly [string, number])[] = [
  ...(['130', '131', '132', '133', '134'] as const).map((p) => [p, 3] as const),
  ...(['135', '136', '137'] as const).map((p) => [p, 5] as const),
  ...(['138', '139'] as const).map((p) => [p, 6] as const),
  ...(['150', '151', '152', '156'] as const).map((p) => [p, 3] as const),
  ...(['153', '155', '157'] as const).map((p) => [p, 2] as const),
  ...(['158', '159'] as const).map((p) => [p, 4] as const),
  ...(['166', '173', '175', '176', '178'] as const).map((p) => [p, 1] as const),
  ['177', 2],
  ...(['180', '181', '182', '183', '185'] as const).map((p) => [p, 2] as const),
  ['184', 1],
  ...(['186', '187', '188', '189'] as const).map((p) => [p, 3] as const),
  ...(['191', '193', '195', '198', '199'] as const).map((p) => [p, 1] as const),
];

export const mobileBlockList: readonly string[] = mobileBlocks.map(([p]) => p);
const blocks = new WeightedTable(mobileBlocks);

const SUFFIXES = 100_000_000;
/** Customers use suffix ordinals below this; engineers and dealer contacts the ones above. */
const STAFF_BASE = 90_000_000;

/**
 * Unique mobile numbers: the 8 digits after the block are an affine permutation of a per-person ordinal
 * (multiplier coprime to 10), so no two people share a number, yet the digits look random. Customers own
 * ordinals `2·index + k`; staff own `STAFF_BASE + n`.
 */
export class MobileNumbers {
  private readonly mul: number;
  private readonly add: number;

  constructor(seed: number) {
    // Below 5·10^7 so `mul · ordinal` stays an exact integer in a double.
    let mul = 1_000_003 + (mixSeed(seed, 0x70686f6e) % 48_000_000);
    while (mul % 2 === 0 || mul % 5 === 0) mul++;
    this.mul = mul;
    this.add = mixSeed(seed, 0x61646421) % SUFFIXES;
  }

  /** E.164, e.g. +8613812345678. */
  customer(random: Random, customerIndex: number, k: 0 | 1): string {
    const ordinal = customerIndex * 2 + k;
    if (ordinal >= STAFF_BASE) throw new RangeError('At most 45,000,000 customers get unique numbers.');
    return this.number(random, ordinal);
  }

  staff(random: Random, staffOrdinal: number): string {
    if (staffOrdinal >= SUFFIXES - STAFF_BASE) throw new RangeError('Too many staff numbers.');
    return this.number(random, STAFF_BASE + staffOrdinal);
  }

  private number(random: Random, ordinal: number): string {
    const suffix = (this.mul * ordinal + this.add) % SUFFIXES;
    return `+86${random.weighted(blocks)}${String(suffix).padStart(8, '0')}`;
  }
}
