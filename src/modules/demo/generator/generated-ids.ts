import { labelSeed, mixSeed } from './prng.ts';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const codes = [...alphabet].map((c) => c.charCodeAt(0));
const MAX_ORDINAL = 32 ** 6;

/** Builds the digits in one buffer and one string: ids are made millions of times in a scale run. */
const digits = new Array<number>(10);
function base32(value: number, width: number): string {
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    digits[i] = codes[v % 32] as number;
    v = Math.floor(v / 32);
  }
  return String.fromCharCode(...digits.slice(0, width));
}

/**
 * Ids in the shape `newId` gives (`cus_` + 10 time characters + 10 more), time-ordered by the row's own
 * creation instant, but deterministic: the last ten characters are a seed salt and the row's ordinal instead
 * of random bytes, so the same seed gives the same ids and two rows can never collide.
 */
export class IdMaker {
  private readonly salt: string;

  constructor(
    private readonly prefix: string,
    seed: number,
  ) {
    this.salt = base32(mixSeed(seed, labelSeed(prefix)) & 0xfffff, 4);
  }

  make(atMs: number, ordinal: number): string {
    if (!Number.isSafeInteger(ordinal) || ordinal < 0 || ordinal >= MAX_ORDINAL) {
      throw new RangeError(`Ordinal ${ordinal} of ${this.prefix} ids is outside 0…${MAX_ORDINAL - 1}.`);
    }
    return `${this.prefix}_${base32(Math.max(0, Math.floor(atMs)), 10)}${this.salt}${base32(ordinal, 6)}`;
  }
}
