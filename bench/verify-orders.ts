import type { Database } from '../src/platform/db/database.ts';

export interface Verification {
  /** Orders answered 2xx during the load. */
  answered: number;
  /** Of those, found in the database exactly once under the id and number answered. */
  foundOnce: number;
  missing: number;
  /** The same id answered twice, or a number stored for another id. */
  duplicates: number;
  /**
   * Orders the agent created in the window that no counted answer reported: requests in flight when the load
   * generator stopped (at most one per connection and run); more would mean orders created behind an error.
   */
  unreported: number;
  ok: boolean;
}

/** Every 2xx order exists exactly once, under the id and number it was answered with, and nothing else was created. */
export async function verifyOrders(
  database: Database,
  created: readonly { id: string; number: string }[],
  since: Date,
  inFlightAllowance: number,
): Promise<Verification> {
  const ids = new Set(created.map((c) => c.id));
  const duplicateAnswers = created.length - ids.size;
  const rows = (
    await database.executeSql(`select id, number from work_orders where id = any($1::text[])`, [[...ids]])
  ).rows;
  const stored = new Map<string, string[]>();
  for (const r of rows) stored.set(String(r.id), [...(stored.get(String(r.id)) ?? []), String(r.number)]);
  let foundOnce = 0;
  let wrongNumber = 0;
  for (const c of created) {
    const numbers = stored.get(c.id);
    if (numbers?.length === 1 && numbers[0] === c.number) foundOnce++;
    else if (numbers) wrongNumber++;
  }
  const window = (
    await database.executeSql(
      `select count(*) as n from work_orders
        where created_by = (select id from users where username = 'agent') and created_at >= $1`,
      [since.toISOString()],
    )
  ).rows[0];
  const unreported = Number(window?.n ?? 0) - ids.size;
  const missing = created.length - foundOnce - wrongNumber;
  return {
    answered: created.length,
    foundOnce,
    missing,
    duplicates: duplicateAnswers + wrongNumber,
    unreported,
    ok:
      missing === 0 &&
      duplicateAnswers + wrongNumber === 0 &&
      unreported >= 0 &&
      unreported <= inFlightAllowance,
  };
}
