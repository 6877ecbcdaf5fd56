import { getTableName } from 'drizzle-orm';
import { callbackTables } from '../../callbacks/index.ts';
import type { WorkOrderRow } from '../../work-orders/index.ts';
import type { CopySession } from './copy-session.ts';
import type { CallbackHistoryPolicies } from './callback-history.ts';
import { generateCallbackHistory } from './callback-history.ts';
import { copyRows } from './order-writer.ts';

/** The policies a callback history reads, as `CallbackHistoryPolicies` wants them. */
const keys = {
  rates: 'cb.sampling.rate_by_grade',
  threshold: 'cb.high_value.threshold_fen',
  count: 'cb.high_value.callback_count',
  dueDays: 'cb.callback.due_days',
  entryHours: 'cb.completion_entry.max_hours',
  feeTable: 'stl.fee_table',
  matrix: 'net.grade.band_matrix',
  slots: 'cb.attempt.slot_starts',
  maxAttempts: 'cb.unreachable.max_attempts',
  windowDays: 'cb.appeal.window_days',
  maxAppeals: 'cb.appeal.max_count',
  minScore: 'cb.satisfaction.min_satisfied_score',
  feeShare: 'stl.callback_result.fee_share',
  deduction: 'stl.callback_result.untrue_deduction_fen',
} as const;

async function policiesAt(session: CopySession, now: Date): Promise<CallbackHistoryPolicies> {
  const rows = await session.query(
    `select distinct on (key) key, version, value from policy_versions
      where key = any($1::text[]) and effective_from <= $2
      order by key, effective_from desc, version desc`,
    [Object.values(keys), now.toISOString()],
  );
  const byKey = new Map(rows.map((r) => [String(r.key), { version: Number(r.version), value: r.value }]));
  const v = <T>(key: string): T => {
    const found = byKey.get(key);
    if (!found) throw new Error(`Policy ${key} has no version in force; run the policy defaults first.`);
    return found.value as T;
  };
  return {
    task: {
      samplingRateByGrade: v(keys.rates),
      highValueThresholdFen: v(keys.threshold),
      highValueCallbackCount: v(keys.count),
      dueDays: v(keys.dueDays),
      completionEntryMaxHours: v(keys.entryHours),
    },
    feeTable: v(keys.feeTable),
    matrix: v(keys.matrix),
    slotStarts: v(keys.slots),
    maxAttempts: v(keys.maxAttempts),
    appeal: { windowDays: v(keys.windowDays), maxAppeals: v(keys.maxAppeals) },
    minSatisfiedScore: v(keys.minScore),
    settlement: { feeShare: v(keys.feeShare), untrueDeductionFen: v(keys.deduction) },
    versions: Object.fromEntries([...byKey].map(([k, x]) => [k, x.version])),
  };
}

/**
 * Plays and writes the callback history (CB-2..CB-6) of the generated orders in the same transaction: tasks,
 * calls, verdicts and appeals. The accounts acting are the demo's callback agents, the center supervisor and
 * each outlet's manager account where the outlet has one.
 */
export async function writeDemoCallbacks(
  session: CopySession,
  orders: readonly WorkOrderRow[],
  opts: { seed: number; now: Date; timeZone: string },
): Promise<{ table: string; rows: number }[]> {
  const users = await session.query(
    `select id, username, role, scope_outlet_id from users where active order by created_at, id`,
  );
  const byName = new Map(users.map((u) => [String(u.username), String(u.id)]));
  const first = byName.get('callback');
  const supervisor = byName.get('center') ?? byName.get('admin');
  if (!first || !supervisor) return [];
  const appellants = new Map<string, string>();
  for (const u of users) {
    if (u.role === 'outlet' && u.scope_outlet_id && !appellants.has(String(u.scope_outlet_id))) {
      appellants.set(String(u.scope_outlet_id), String(u.id));
    }
  }
  const outletRows = await session.query(`select id, grade, band from outlets`);
  const outlets = new Map(
    outletRows.map((o) => [
      String(o.id),
      { grade: o.grade === null ? null : String(o.grade), band: o.band === null ? null : Number(o.band) },
    ]),
  );
  const history = generateCallbackHistory(
    {
      orders,
      outlets,
      agents: { first, second: byName.get('callback2') ?? supervisor, supervisor },
      appellantOf: (outletId) => appellants.get(outletId) ?? null,
      policies: await policiesAt(session, opts.now),
    },
    opts,
  );
  const t = callbackTables;
  const out: { table: string; rows: number }[] = [];
  const put = async <T extends Parameters<typeof copyRows>[1]>(
    table: T,
    rows: readonly T['$inferSelect'][],
  ) => {
    out.push({ table: getTableName(table), rows: await copyRows(session, table, rows) });
  };
  await put(t.callbackTasks, history.tasks);
  await put(t.callbackVerdicts, history.verdicts);
  await put(t.callbackAttempts, history.attempts);
  await put(t.callbackAppeals, history.appeals);
  return out;
}
