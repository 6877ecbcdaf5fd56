import { sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { normalisePhone } from '../../platform/phone.ts';
import { PHONE_INDEX_PURPOSE } from '../identity/index.ts';
import type { CatalogLookup } from '../catalog/index.ts';
import type { CustomerReach } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { CustomerReader } from './customer-view.ts';
import { phoneLabels, textProblem } from './domain/customer-rules.ts';

/** Customers' phones share the blind-index purpose of every phone, so one typed number finds a person anywhere. */
export const CUSTOMER_PHONE_INDEX_PURPOSE = PHONE_INDEX_PURPOSE;

export interface PhoneInput {
  number: string;
  label: string;
  isPrimary?: boolean | undefined;
}

export interface AddressInput {
  regionCode: string;
  detail: string;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  isDefault?: boolean | undefined;
}

export interface CheckedPhone {
  enc: string;
  idx: string;
  label: string;
  isPrimary: boolean;
}

export interface CheckedAddress {
  regionCode: string;
  detailEnc: string;
  lat: number | null;
  lng: number | null;
  isDefault: boolean;
}

export const MAX_PHONES = 10;
export const MAX_ADDRESSES = 20;

export function createCustomerInput(deps: PlatformDeps, lookup: CatalogLookup, reader: CustomerReader) {
  const { crypto } = deps;

  function phones(list: readonly PhoneInput[], basePath: string, errors: FieldError[]): CheckedPhone[] {
    const out: CheckedPhone[] = [];
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const path = `${basePath}/${i}`;
      if (!(phoneLabels as readonly string[]).includes(p.label)) {
        errors.push({ path: `${path}/label`, message: `Use one of: ${phoneLabels.join(', ')}.` });
      }
      const parsed = normalisePhone(p.number);
      if (!parsed.ok) {
        errors.push({ path: `${path}/number`, message: parsed.message });
        return;
      }
      const idx = crypto.blindIndex(CUSTOMER_PHONE_INDEX_PURPOSE, parsed.e164);
      if (seen.has(idx)) errors.push({ path: `${path}/number`, message: 'This number is listed twice.' });
      seen.add(idx);
      out.push({ enc: crypto.encrypt(parsed.e164), idx, label: p.label, isPrimary: p.isPrimary === true });
    });
    if (list.filter((p) => p.isPrimary).length > 1) {
      errors.push({ path: basePath, message: 'Mark at most one phone as primary.' });
    }
    return out;
  }

  async function addresses(
    list: readonly AddressInput[],
    basePath: string,
    errors: FieldError[],
  ): Promise<CheckedAddress[]> {
    const out: CheckedAddress[] = [];
    const regions = await lookup.regions(list.map((a) => a.regionCode));
    list.forEach((a, i) => {
      const path = `${basePath}/${i}`;
      const region = regions.get(a.regionCode);
      if (!region)
        errors.push({ path: `${path}/regionCode`, message: `Region ${a.regionCode} does not exist.` });
      else if (region.level !== 'district') {
        errors.push({
          path: `${path}/regionCode`,
          message: `${region.name} is a ${region.level}; choose the district or county of the address.`,
        });
      }
      const problem = textProblem(a.detail, 'street address', 200);
      if (problem) errors.push({ path: `${path}/detail`, message: problem });
      const lat = a.lat ?? null;
      const lng = a.lng ?? null;
      if ((lat === null) !== (lng === null)) {
        errors.push({ path: `${path}/lng`, message: 'Give both latitude and longitude, or neither.' });
      }
      if (problem) return;
      out.push({
        regionCode: a.regionCode,
        detailEnc: crypto.encrypt(a.detail.trim()),
        lat,
        lng,
        isDefault: a.isDefault === true,
      });
    });
    if (list.filter((a) => a.isDefault).length > 1) {
      errors.push({ path: basePath, message: 'Mark at most one address as the default.' });
    }
    return out;
  }

  function tags(list: readonly string[] | undefined, errors: FieldError[]): string[] | undefined {
    if (list === undefined) return undefined;
    const out: string[] = [];
    list.forEach((t, i) => {
      const tag = t.trim();
      if (tag === '' || /[\p{Cc}\p{Cf},]/u.test(tag)) {
        errors.push({ path: `/tags/${i}`, message: 'A tag is a short word without commas (e.g. VIP).' });
      } else if (!out.includes(tag)) out.push(tag);
    });
    return out;
  }

  /**
   * Phone numbers are unique across customers. The index is not unique in the table (a merged record keeps
   * history), so concurrent registrations of the same number are serialised by an advisory lock per number.
   */
  async function claimPhones(
    tx: Executor,
    idx: readonly string[],
    ownerId: string | undefined,
    reach: CustomerReach,
    paths: readonly string[],
  ): Promise<void> {
    for (const key of [...idx].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer_phone:${key}`}))`);
    }
    const taken = (await repo.phonesByIndex(tx, idx)).filter((p) => p.customerId !== ownerId);
    const first = taken[0];
    if (!first) return;
    const owner = await repo.findById(tx, first.customerId);
    const ownerAddresses = await repo.addressesOf(tx, [first.customerId]);
    const visible = owner !== undefined && reader.inReach(reach, ownerAddresses);
    const path = paths[idx.indexOf(first.phoneIdx)] ?? '/phones';
    throw new AppError(
      'ALREADY_EXISTS',
      visible
        ? `This phone number already belongs to customer ${owner.code}; open that customer or merge the two.`
        : 'This phone number already belongs to a customer outside your area; ask the call center to link it.',
      {
        errors: [{ path, message: 'This number belongs to another customer.' }],
        details: visible ? { customerId: owner.id, customerCode: owner.code } : {},
      },
    );
  }

  return { phones, addresses, tags, claimPhones };
}

export type CustomerInput = ReturnType<typeof createCustomerInput>;
