import type { FieldCrypto } from '../../../platform/crypto.ts';
import { PHONE_INDEX_PURPOSE } from '../../identity/index.ts';
import type { CopySession } from './copy-session.ts';
import { tables } from './copy-text.ts';
import type { CustomerGenerator } from './customers.ts';

export const customerTables = [
  tables.customers,
  tables.customerPhones,
  tables.customerAddresses,
  tables.units,
] as const;

export interface EncodedTable {
  table: string;
  /** COPY text as UTF-8 bytes. */
  text: Uint8Array;
  rows: number;
}

/** A batch of customers as COPY text per table, names, phones and addresses encrypted (MD-5). */
export interface EncodedBatch {
  customers: number;
  tables: EncodedTable[];
}

const nullable = (v: string | null): string => (v === null ? '\\N' : v);

/**
 * COPY text written line by line into bytes. Building a batch as one long string keeps every line alive until
 * the batch is done, so they reach the old generation and cost full garbage collections; written at once, each
 * line dies young.
 */
class ByteSink {
  private buf: Buffer;
  private length = 0;
  rows = 0;

  constructor(initial: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, initial));
  }

  line(text: string): void {
    // UTF-8 needs at most three bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + text.length * 3));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(text, this.length, 'utf8');
    this.rows++;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length);
  }
}

/**
 * Customers as COPY text, written directly rather than through `CopyText` because this is the hot path of a scale
 * run: ids, codes, dates, numbers and ciphertexts (base64url and dots) never need COPY escaping, and the only free
 * text (names, addresses) is stored encrypted. Encryption — one AES-GCM call per personal value — is most of the
 * cost.
 */
export class CustomerBatchEncoder {
  private readonly sinks: [ByteSink, ByteSink, ByteSink, ByteSink];
  private count = 0;

  constructor(
    private readonly generator: CustomerGenerator,
    private readonly crypto: FieldCrypto,
    expected: number,
  ) {
    this.sinks = [
      new ByteSink(expected * 200),
      new ByteSink(expected * 320),
      new ByteSink(expected * 260),
      new ByteSink(expected * 360),
    ];
  }

  add(from: number, to: number): void {
    const [customers, phones, addresses, units] = this.sinks;
    const crypto = this.crypto;
    for (let i = from; i < to; i++) {
      const c = this.generator.generate(i);
      const created = c.createdAt.toISOString();
      customers.line(`${c.id}\t${c.code}\t${crypto.encrypt(c.name)}\t1\t${created}\t${created}\n`);
      for (const p of c.phones) {
        phones.line(
          `${p.id}\t${c.id}\t${crypto.encrypt(p.e164)}\t${crypto.blindIndex(PHONE_INDEX_PURPOSE, p.e164)}\t${p.label}\t${p.isPrimary ? 't' : 'f'}\t${created}\n`,
        );
      }
      for (const a of c.addresses) {
        addresses.line(
          `${a.id}\t${c.id}\t${a.regionCode}\t${crypto.encrypt(a.detail)}\t${a.lat}\t${a.lng}\t${a.isDefault ? 't' : 'f'}\t${created}\n`,
        );
      }
      for (const u of c.units) {
        const registered = u.registeredAt.toISOString();
        units.line(
          `${u.id}\t${u.serialNumber}\t${u.modelId}\t${c.id}\t${u.addressId}\t${u.purchaseDate}\t${nullable(u.installDate)}\t${u.salesChannel}\t${nullable(u.dealerId)}\t1\t${registered}\t${registered}\n`,
        );
      }
    }
    this.count += Math.max(0, to - from);
  }

  finish(): EncodedBatch {
    return {
      customers: this.count,
      tables: this.sinks.map((sink, k) => ({
        table: (customerTables[k] as (typeof customerTables)[number]).name,
        text: sink.bytes(),
        rows: sink.rows,
      })),
    };
  }
}

/** Generates customers `[from, to)` and encodes them in one go. */
export function encodeCustomerBatch(
  generator: CustomerGenerator,
  crypto: FieldCrypto,
  from: number,
  to: number,
): EncodedBatch {
  const encoder = new CustomerBatchEncoder(generator, crypto, to - from);
  encoder.add(from, to);
  return encoder.finish();
}

/**
 * The same, giving the event loop a turn every `slice` customers, so that the previous batch keeps streaming to
 * the database while this one is encrypted.
 */
export async function encodeCustomerBatchYielding(
  generator: CustomerGenerator,
  crypto: FieldCrypto,
  from: number,
  to: number,
  slice = 100,
): Promise<EncodedBatch> {
  const encoder = new CustomerBatchEncoder(generator, crypto, to - from);
  for (let at = from; at < to; at += slice) {
    encoder.add(at, Math.min(to, at + slice));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return encoder.finish();
}

/** Loads an encoded batch; parents first, so the foreign keys of phones and addresses hold. */
export async function writeCustomerBatch(session: CopySession, batch: EncodedBatch): Promise<void> {
  for (const [i, t] of batch.tables.entries()) {
    if (t.rows > 0) await session.copy(customerTables[i] as (typeof customerTables)[number], t.text);
  }
}
