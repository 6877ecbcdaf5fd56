/** A table and the columns the generator writes, in COPY order. */
export interface TableSpec {
  name: string;
  columns: readonly string[];
}

export type CopyValue = string | number | boolean | null | Date | readonly string[];

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(s: string): string {
  return NEEDS_ESCAPE.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

/** A text[] literal: every element quoted, so commas, braces and blanks inside elements stay data. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** One value in PostgreSQL's COPY text format. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Cannot write ${v} to the database.`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  return escapeText(arrayLiteral(v));
}

/** Rows of one table in COPY text format, built up batch by batch. */
export class CopyText {
  private parts: string[] = [];
  rows = 0;

  constructor(readonly table: TableSpec) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.table.columns.length) {
      throw new Error(
        `${this.table.name} has ${this.table.columns.length} columns, got ${values.length} values.`,
      );
    }
    let line = copyField(values[0] as CopyValue);
    for (let i = 1; i < values.length; i++) line += `\t${copyField(values[i] as CopyValue)}`;
    this.parts.push(`${line}\n`);
    this.rows++;
  }

  /** The text so far, and a fresh start for the next batch. */
  take(): { text: string; rows: number } {
    const out = { text: this.parts.join(''), rows: this.rows };
    this.parts = [];
    this.rows = 0;
    return out;
  }
}

export const tables = {
  productModels: {
    name: 'product_models',
    columns: [
      'id',
      'code',
      'name',
      'category_code',
      'warranty_months',
      'key_parts_warranty_months',
      'key_parts',
      'dealer_price_fen',
      'active',
      'version',
      'created_at',
      'updated_at',
    ],
  },
  outlets: {
    name: 'outlets',
    columns: [
      'id',
      'code',
      'name',
      'type',
      'parent_id',
      'region_code',
      'address',
      'lat',
      'lng',
      'service_radius_km',
      'status',
      'band',
      'band_year',
      'grade',
      'stars',
      'parts_deposit_fen',
      'phone',
      'manager_name',
      'qualification',
      'version',
      'created_at',
      'updated_at',
    ],
  },
  outletRegions: { name: 'outlet_regions', columns: ['outlet_id', 'region_code', 'role'] },
  outletServices: { name: 'outlet_services', columns: ['outlet_id', 'category_code', 'service_type'] },
  engineers: {
    name: 'engineers',
    columns: [
      'id',
      'outlet_id',
      'user_id',
      'code',
      'name_enc',
      'phone_enc',
      'phone_idx',
      'id_number_enc',
      'active',
      'hired_on',
      'version',
      'created_at',
      'updated_at',
    ],
  },
  engineerSkills: { name: 'engineer_skills', columns: ['engineer_id', 'category_code', 'level'] },
  engineerCertificates: {
    name: 'engineer_certificates',
    columns: ['id', 'engineer_id', 'name', 'number', 'issued_on', 'expires_on'],
  },
  dealers: {
    name: 'dealers',
    columns: [
      'id',
      'code',
      'name',
      'region_code',
      'contact_name_enc',
      'contact_phone_enc',
      'contact_phone_idx',
      'tier',
      'active',
      'version',
      'created_at',
      'updated_at',
    ],
  },
  dealerTierHistory: {
    name: 'dealer_tier_history',
    columns: ['dealer_id', 'month', 'tier', 'reason', 'decided_by', 'decided_at'],
  },
  customers: {
    name: 'customers',
    columns: ['id', 'code', 'name_enc', 'version', 'created_at', 'updated_at'],
  },
  customerPhones: {
    name: 'customer_phones',
    columns: ['id', 'customer_id', 'phone_enc', 'phone_idx', 'label', 'is_primary', 'created_at'],
  },
  customerAddresses: {
    name: 'customer_addresses',
    columns: ['id', 'customer_id', 'region_code', 'detail_enc', 'lat', 'lng', 'is_default', 'created_at'],
  },
  units: {
    name: 'units',
    columns: [
      'id',
      'serial_number',
      'model_id',
      'customer_id',
      'address_id',
      'purchase_date',
      'install_date',
      'sales_channel',
      'dealer_id',
      'version',
      'registered_at',
      'updated_at',
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof tables;
