import { getTableColumns, getTableName } from 'drizzle-orm';
import type { Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { newId } from '../../../platform/ids.ts';
import { workOrderTables } from '../../work-orders/index.ts';
import type { CopySession } from './copy-session.ts';
import type { CopyValue } from './copy-text.ts';
import { CopyText } from './copy-text.ts';
import type { GeneratedOrders } from './order-plan.ts';

/**
 * Rows of a work-order table as COPY text, every column in the table's own order: the column list comes from the
 * Drizzle schema, so a column added to the table without a value here fails the type check rather than the load.
 */
function copyText<T extends PgTable>(table: T, rows: readonly T['$inferSelect'][]): CopyText {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const text = new CopyText({ name: getTableName(table), columns: columns.map(([, c]) => c.name) });
  for (const row of rows) {
    const values = columns.map(([key, c]): CopyValue => {
      const v = (row as Record<string, unknown>)[key];
      if (v === null || v === undefined) return null;
      if (c.columnType === 'PgJsonb' || c.columnType === 'PgJson') return JSON.stringify(v);
      return v as CopyValue;
    });
    text.add(values);
  }
  return text;
}

/** COPYs the rows into their table; answers how many went in. */
export async function copyRows<T extends PgTable>(
  session: CopySession,
  table: T,
  rows: readonly T['$inferSelect'][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const text = copyText(table, rows);
  const { text: body, rows: n } = text.take();
  await session.copy(text.table, body);
  return n;
}

export interface WrittenOrders {
  tables: { table: string; rows: number }[];
}

/**
 * Writes the generated orders with every row of their timelines (COPY, parents first), the order-number
 * sequences (so new orders continue after the history's numbers), the special-tracking tags, and the audit trail:
 * one row per customer whose tags changed and one for the generated set (no personal data in either).
 */
export async function writeDemoOrders(
  session: CopySession,
  generated: GeneratedOrders,
  now: Date,
  summary: Record<string, unknown>,
  options: { audit?: boolean } = {},
): Promise<WrittenOrders> {
  const t = workOrderTables;
  const all = generated.orders;
  const tables: WrittenOrders['tables'] = [];
  const put = async <T extends PgTable>(table: T, rows: readonly T['$inferSelect'][]) => {
    tables.push({ table: getTableName(table), rows: await copyRows(session, table, rows) });
  };
  await put(
    t.workOrders,
    all.map((o) => o.row),
  );
  await put(
    t.orderEvents,
    all.flatMap((o) => o.events),
  );
  await put(
    t.appointments,
    all.flatMap((o) => o.appointments),
  );
  await put(
    t.intermediateResults,
    all.flatMap((o) => o.results),
  );
  await put(
    t.partRequests,
    all.flatMap((o) => o.parts),
  );
  await put(
    t.orderContacts,
    all.flatMap((o) => o.contacts),
  );
  await put(
    t.orderCallbacks,
    all.flatMap((o) => o.callbacks),
  );
  // A scale run writes its batches of orders first and the sequences, tags and audit row once at the end.
  if (options.audit === false) return { tables };
  await session.query(
    `insert into order_number_sequences (day, last)
     select * from unnest($1::text[], $2::int[])
     on conflict (day) do update set last = greatest(order_number_sequences.last, excluded.last)`,
    [generated.sequences.map((s) => s.day), generated.sequences.map((s) => s.last)],
  );
  tables.push({ table: 'order_number_sequences', rows: generated.sequences.length });

  const iso = now.toISOString();
  for (const c of generated.tagged) {
    const updated = await session.query(
      `update customers set tags = $2::text[], version = version + 1, updated_at = $3
        where id = $1 and cardinality(tags) = 0
       returning (select region_code from customer_addresses a where a.customer_id = customers.id
                   order by a.is_default desc, a.id limit 1) as region_code`,
      [c.customerId, c.tags, iso],
    );
    if (updated.length === 0) continue;
    await audit(session, now, {
      entity: 'customer',
      entityId: c.customerId,
      action: 'update',
      before: { tags: [] },
      after: { tags: c.tags },
      regionCode: (updated[0]?.region_code as string | null) ?? null,
    });
  }
  await audit(session, now, {
    entity: 'demo_data',
    entityId: `orders-seed-${String(summary.seed)}`,
    action: 'generate_orders',
    before: null,
    after: summary,
    regionCode: null,
  });
  return { tables };
}

async function audit(
  session: CopySession,
  now: Date,
  entry: {
    entity: string;
    entityId: string;
    action: string;
    before: unknown;
    after: unknown;
    regionCode: string | null;
  },
): Promise<void> {
  await session.query(
    `insert into audit_log (id, at, actor_id, actor_role, entity, entity_id, action, before, after, reason,
       request_id, scope_outlet_id, scope_region_code)
     values ($1, $2, null, null, $3, $4, $5, $6::jsonb, $7::jsonb, $8, null, null, $9)`,
    [
      newId('aud', now),
      now.toISOString(),
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      'Generated demo orders',
      entry.regionCode,
    ],
  );
}
