import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { demoMasterData, seedDemoMasterData, seedOrdersAtScale } from '../index.ts';
import type { ScaleOrdersResult } from '../index.ts';
import { loadOrderInputs } from '../generator/order-inputs.ts';
import { generateDemoOrders } from '../generator/order-plan.ts';
import { count, rows } from './master-data-checks.ts';

const scale = { seed: 31, orders: 900, days: 60 };

describe('demo order history at scale (seedOrdersAtScale, npm run bench)', () => {
  let h: Harness;
  let db: Database;
  let result: ScaleOrdersResult;

  beforeAll(async () => {
    h = await createHarness();
    db = h.testDb.database;
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    await seedDemoMasterData(db, h.deps.crypto, { ...demoMasterData, ...at });
    // Small batches, so that several COPY transactions and the day-by-day generation are exercised.
    result = await seedOrdersAtScale(db, { ...scale, ...at, batch: 150 });
  }, 120_000);
  afterAll(() => h.close());

  it('WO-1..WO-15 writes in batches exactly the orders the one-transaction demo generation plays, day by day', async () => {
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    const inputs = await loadOrderInputs(db, { ...at, historyDays: scale.days });
    const expected = generateDemoOrders(inputs, { ...scale, ...at, demoOutletShare: false });
    expect(result.seeded).toBe(true);
    expect(result.orders).toBe(expected.orders.length);
    expect(await count(db, 'work_orders')).toBe(expected.orders.length);
    expect(await count(db, 'order_events')).toBe(expected.orders.reduce((s, o) => s + o.events.length, 0));
    const numbers = (await rows(db, 'select number from work_orders order by number')).map((r) =>
      String(r.number),
    );
    expect(numbers).toEqual(expected.orders.map((o) => o.row.number).sort());
    const table = (name: string) => result.tables.find((t) => t.table === name)?.rows;
    expect(table('work_orders')).toBe(expected.orders.length);
  });

  it('WO-1 order numbers continue after the history, and the run leaves one audit row; a second run does nothing', async () => {
    const sequences = await rows(db, 'select day, last from order_number_sequences order by day');
    expect(sequences.length).toBeGreaterThan(40);
    const audit = await rows(
      db,
      `select after from audit_log where entity = 'demo_data' and action = 'generate_orders'`,
    );
    expect(audit.length).toBe(1);
    expect((audit[0]?.after as Record<string, unknown>).orders).toBe(result.orders);
    const again = await seedOrdersAtScale(db, { ...scale, now: h.clock.now(), batch: 150 });
    expect(again.seeded).toBe(false);
    expect(await count(db, 'work_orders')).toBe(result.orders);
  });
});
