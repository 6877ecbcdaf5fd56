import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { FieldCrypto } from '../../../platform/crypto.ts';
import type { Database } from '../../../platform/db/database.ts';
import { normalisePhone } from '../../../platform/phone.ts';

/** Shared invariant checks of generated master data; each returns every mismatch found, not just the first. */

type Row = Record<string, unknown>;

export async function rows(database: Database, sql: string, values: unknown[] = []): Promise<Row[]> {
  return (await database.executeSql(sql, values)).rows;
}

export async function count(database: Database, table: string, where = 'true'): Promise<number> {
  return Number((await rows(database, `select count(*) as n from ${table} where ${where}`))[0]?.n);
}

/** Every stored phone: decrypts to a valid E.164 mobile and its blind index is the one the services compute. */
export async function phoneProblems(database: Database, crypto: FieldCrypto): Promise<string[]> {
  const stored = [
    ...(await rows(database, `select id, phone_enc as enc, phone_idx as idx from customer_phones`)),
    ...(await rows(database, `select id, phone_enc as enc, phone_idx as idx from engineers`)),
    ...(await rows(database, `select id, contact_phone_enc as enc, contact_phone_idx as idx from dealers`)),
  ];
  const problems: string[] = [];
  for (const r of stored) {
    const e164 = crypto.decrypt(String(r.enc));
    const parsed = normalisePhone(e164);
    const type = parsePhoneNumberFromString(e164)?.getType();
    if (!parsed.ok || parsed.e164 !== e164) problems.push(`${String(r.id)}: ${e164} is not E.164`);
    else if (type !== 'MOBILE') problems.push(`${String(r.id)}: ${e164} is ${String(type)}, not a mobile`);
    if (crypto.blindIndex('phone', e164) !== r.idx)
      problems.push(`${String(r.id)}: blind index does not match`);
  }
  return problems;
}

/** The plaintext phones of every person, decrypted, for looking them up in stored rows. */
export async function decryptedPhones(database: Database, crypto: FieldCrypto): Promise<string[]> {
  const stored = [
    ...(await rows(database, `select phone_enc as enc from customer_phones`)),
    ...(await rows(database, `select phone_enc as enc from engineers`)),
    ...(await rows(database, `select contact_phone_enc as enc from dealers`)),
  ];
  return stored.map((r) => crypto.decrypt(String(r.enc)));
}

/** NET-2: covered districts with fewer than `min` active outlets or without an active backup. */
export async function coverageProblems(database: Database, min: number): Promise<string[]> {
  const covered = await rows(
    database,
    `select r.region_code,
            count(*) filter (where o.status = 'active') as active,
            count(*) filter (where o.status = 'active' and r.role = 'backup') as active_backups,
            bool_and(g.level = 'district') as is_district
       from outlet_regions r join outlets o on o.id = r.outlet_id left join regions g on g.code = r.region_code
      group by r.region_code`,
  );
  const problems: string[] = [];
  for (const c of covered) {
    const code = String(c.region_code);
    if (c.is_district !== true) problems.push(`${code} is not a district`);
    if (Number(c.active) < min) problems.push(`${code}: ${String(c.active)} active outlets`);
    if (Number(c.active_backups) < 1) problems.push(`${code}: no active backup outlet`);
  }
  const roles = await rows(
    database,
    `select distinct role from outlet_regions where role not in ('primary', 'backup')`,
  );
  for (const r of roles) problems.push(`role ${String(r.role)}`);
  return problems;
}

/** NET-1: tier-2 outlets under a tier-1 outlet of the same city that is not being withdrawn; no other parents. */
export async function parentProblems(database: Database): Promise<string[]> {
  const list = await rows(
    database,
    `select o.code, o.type, o.region_code, p.code as parent_code, p.type as parent_type, p.status as parent_status,
            p.region_code as parent_region
       from outlets o left join outlets p on p.id = o.parent_id
      where o.type = 'after_sales_tier2' or o.parent_id is not null`,
  );
  const problems: string[] = [];
  for (const o of list) {
    const code = String(o.code);
    if (o.type !== 'after_sales_tier2') problems.push(`${code}: a ${String(o.type)} outlet has a parent`);
    else if (o.parent_code === null) problems.push(`${code}: tier-2 without a parent`);
    else if (o.parent_type !== 'after_sales_tier1')
      problems.push(`${code}: parent is ${String(o.parent_type)}`);
    else if (String(o.parent_region).slice(0, 4) !== String(o.region_code).slice(0, 4)) {
      problems.push(`${code}: parent ${String(o.parent_code)} is in another city`);
    } else if (['withdrawn', 'withdrawing'].includes(String(o.parent_status))) {
      problems.push(`${code}: parent is ${String(o.parent_status)}`);
    }
  }
  return problems;
}

/** MD-3, MD-4: units point to existing models, their customer, and an address of that customer. */
export async function unitProblems(database: Database): Promise<string[]> {
  const orphans = await rows(
    database,
    `select u.serial_number,
            m.id is null as no_model, c.id is null as no_customer, a.id is null as no_address,
            a.customer_id is distinct from u.customer_id as foreign_address,
            u.purchase_date > u.registered_at::date as registered_before_purchase,
            u.install_date < u.purchase_date as installed_before_purchase,
            (u.sales_channel = 'dealer') <> (u.dealer_id is not null) as dealer_mismatch,
            u.dealer_id is not null and d.id is null as no_dealer,
            u.sales_channel not in ('mall', 'dealer', 'e_commerce', 'engineering', 'other') as bad_channel
       from units u
       left join product_models m on m.id = u.model_id
       left join customers c on c.id = u.customer_id
       left join customer_addresses a on a.id = u.address_id
       left join dealers d on d.id = u.dealer_id`,
  );
  const flags = [
    'no_model',
    'no_customer',
    'no_address',
    'foreign_address',
    'registered_before_purchase',
    'installed_before_purchase',
    'dealer_mismatch',
    'no_dealer',
    'bad_channel',
  ];
  return orphans.flatMap((u) =>
    flags.filter((f) => u[f] === true).map((f) => `${String(u.serial_number)}: ${f}`),
  );
}

/** A digest of what the seed decides (codes, names, phones, serials), blind to per-encryption IVs. */
export async function contentDigest(database: Database, crypto: FieldCrypto): Promise<string> {
  const parts: string[] = [];
  const add = async (sql: string, decrypt: string[] = []) => {
    for (const r of await rows(database, sql)) {
      parts.push(
        Object.entries(r)
          .map(([k, v]) => (decrypt.includes(k) ? crypto.decrypt(String(v)) : String(v)))
          .join('|'),
      );
    }
  };
  await add(`select id, code, name, category_code, warranty_months from product_models order by id`);
  await add(
    `select id, code, name, type, status, parent_id, region_code, band, grade from outlets order by id`,
  );
  await add(`select outlet_id, region_code, role from outlet_regions order by 1, 2`);
  await add(`select code, name_enc, phone_enc, id_number_enc from engineers order by code`, [
    'name_enc',
    'phone_enc',
    'id_number_enc',
  ]);
  await add(`select code, name, tier, contact_phone_enc from dealers order by code`, ['contact_phone_enc']);
  await add(`select id, code, name_enc from customers order by code`, ['name_enc']);
  await add(`select id, customer_id, phone_enc, phone_idx from customer_phones order by id`, ['phone_enc']);
  await add(`select id, region_code, detail_enc from customer_addresses order by id`, ['detail_enc']);
  await add(
    `select id, serial_number, model_id, purchase_date, sales_channel, dealer_id from units order by id`,
  );
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
