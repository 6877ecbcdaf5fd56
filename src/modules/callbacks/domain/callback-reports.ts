import type { Verdict } from './callback-codes.ts';
import { verdicts } from './callback-codes.ts';
import { assertInstant, assertMonth, monthsBetween, nextMonth } from './callback-time.ts';

/**
 * Callback reports (seed 000 六、回访管理 回访统计): per outlet and month, how many completed orders were
 * called back (CB-2 月清月毕), how fast the first call came after the completion entry (CB-3), the mix of
 * final verdicts (CB-6), and how often outlets appealed and won (CB-3). A task belongs to the month it must
 * be cleared in (`month`), so a task judged early next month still counts for its own month.
 */

export interface ReportTask {
  id: string;
  outletId: string;
  /** 月清月毕 month (YYYY-MM). */
  month: string;
  status: string;
  /** The latest verdict; null before the first one. */
  verdict: string | null;
  completionEnteredAt: Date;
  /** Set once the verdict is final (window passed, or the appeal's second callback). */
  finalAt: Date | null;
}

export interface ReportAttempt {
  taskId: string;
  at: Date;
}

export interface ReportVerdict {
  id: string;
  taskId: string;
  round: number;
  verdict: string;
}

export interface ReportAppeal {
  taskId: string;
  verdictId: string;
}

export interface ReportFacts {
  tasks: readonly ReportTask[];
  attempts: readonly ReportAttempt[];
  verdicts: readonly ReportVerdict[];
  appeals: readonly ReportAppeal[];
}

/** Status of a task given up after the CB-5 attempts in different slots: called back, nobody reachable. */
export const GIVEN_UP_STATUS = 'unreachable';

export interface CallbackMetrics {
  tasks: number;
  handled: number;
  callbackRate: number | null;
  latency: { measured: number; p50Hours: number | null; p90Hours: number | null; meanHours: number | null };
  verdicts: {
    final: number;
    qualified: number;
    unqualified: number;
    untrue: number;
    qualifiedShare: number | null;
    unqualifiedShare: number | null;
    untrueShare: number | null;
  };
  appeals: {
    nonQualifiedFirstVerdicts: number;
    appealed: number;
    appealRate: number | null;
    decided: number;
    reversed: number;
    reversalRate: number | null;
  };
}

export interface CallbackReport {
  from: string;
  to: string;
  totals: CallbackMetrics;
  months: (CallbackMetrics & { month: string })[];
  outlets: (CallbackMetrics & { outletId: string })[];
  outletMonths: (CallbackMetrics & { outletId: string; month: string })[];
}

/** What one task contributes; the metrics of any group are sums and latency lists over these. */
interface TaskOutcome {
  outletId: string;
  month: string;
  handled: boolean;
  latencyHours: number | null;
  finalVerdict: Verdict | null;
  firstNonQualified: boolean;
  firstAppealed: boolean;
  decidedAppeals: number;
  reversedAppeals: number;
}

const HOUR_MS = 3_600_000;
const isVerdict = (v: string | null): v is Verdict =>
  v !== null && (verdicts as readonly string[]).includes(v);
const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const hours = (h: number): number => Math.round(h * 100) / 100;

/** Nearest-rank percentile of ascending values: the smallest value with at least p of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

function outcomes(facts: ReportFacts, inRange: (month: string) => boolean): TaskOutcome[] {
  const firstAttempt = new Map<string, number>();
  for (const a of facts.attempts) {
    assertInstant(a.at, 'attempt.at');
    const t = a.at.getTime();
    const seen = firstAttempt.get(a.taskId);
    if (seen === undefined || t < seen) firstAttempt.set(a.taskId, t);
  }
  const verdictsByTask = new Map<string, ReportVerdict[]>();
  const verdictById = new Map<string, ReportVerdict>();
  for (const v of facts.verdicts) {
    verdictsByTask.set(v.taskId, [...(verdictsByTask.get(v.taskId) ?? []), v]);
    verdictById.set(v.id, v);
  }
  const appealsByTask = new Map<string, ReportAppeal[]>();
  for (const a of facts.appeals) appealsByTask.set(a.taskId, [...(appealsByTask.get(a.taskId) ?? []), a]);

  return facts.tasks
    .filter((t) => inRange(t.month))
    .map((t): TaskOutcome => {
      assertInstant(t.completionEnteredAt, 'task.completionEnteredAt');
      const rounds = [...(verdictsByTask.get(t.id) ?? [])].sort((a, b) => a.round - b.round);
      const first = rounds[0];
      const appeals = appealsByTask.get(t.id) ?? [];
      let decided = 0;
      let reversed = 0;
      for (const appeal of appeals) {
        const appealed = verdictById.get(appeal.verdictId);
        // The appeal's second callback is the next round's verdict of the same task.
        const decision = appealed && rounds.find((v) => v.round === appealed.round + 1);
        if (!appealed || !decision) continue;
        decided++;
        if (decision.verdict !== appealed.verdict) reversed++;
      }
      const firstNonQualified = first !== undefined && first.verdict !== 'qualified';
      const attemptAt = firstAttempt.get(t.id);
      return {
        outletId: t.outletId,
        month: t.month,
        handled: rounds.length > 0 || t.verdict !== null || t.status === GIVEN_UP_STATUS,
        // A call logged before the entry (clock skew, back-filled entry) counts as immediate, not negative.
        latencyHours:
          attemptAt === undefined ? null : Math.max(0, attemptAt - t.completionEnteredAt.getTime()) / HOUR_MS,
        finalVerdict: t.finalAt !== null && isVerdict(t.verdict) ? t.verdict : null,
        firstNonQualified,
        firstAppealed: firstNonQualified && appeals.some((a) => a.verdictId === first?.id),
        decidedAppeals: decided,
        reversedAppeals: reversed,
      };
    });
}

function metrics(rows: readonly TaskOutcome[]): CallbackMetrics {
  const handled = rows.filter((r) => r.handled).length;
  const latencies = rows
    .flatMap((r) => (r.latencyHours === null ? [] : [r.latencyHours]))
    .sort((a, b) => a - b);
  const mean = latencies.length === 0 ? null : latencies.reduce((s, x) => s + x, 0) / latencies.length;
  const p50 = percentile(latencies, 0.5);
  const p90 = percentile(latencies, 0.9);
  const count = (v: Verdict) => rows.filter((r) => r.finalVerdict === v).length;
  const qualified = count('qualified');
  const unqualified = count('unqualified');
  const untrue = count('untrue');
  const final = qualified + unqualified + untrue;
  const nonQualified = rows.filter((r) => r.firstNonQualified).length;
  const appealed = rows.filter((r) => r.firstAppealed).length;
  const decided = rows.reduce((s, r) => s + r.decidedAppeals, 0);
  const reversed = rows.reduce((s, r) => s + r.reversedAppeals, 0);
  return {
    tasks: rows.length,
    handled,
    callbackRate: ratio(handled, rows.length),
    latency: {
      measured: latencies.length,
      p50Hours: p50 === null ? null : hours(p50),
      p90Hours: p90 === null ? null : hours(p90),
      meanHours: mean === null ? null : hours(mean),
    },
    verdicts: {
      final,
      qualified,
      unqualified,
      untrue,
      qualifiedShare: ratio(qualified, final),
      unqualifiedShare: ratio(unqualified, final),
      untrueShare: ratio(untrue, final),
    },
    appeals: {
      nonQualifiedFirstVerdicts: nonQualified,
      appealed,
      appealRate: ratio(appealed, nonQualified),
      decided,
      reversed,
      reversalRate: ratio(reversed, decided),
    },
  };
}

const groupBy = <K>(rows: readonly TaskOutcome[], key: (r: TaskOutcome) => K): Map<K, TaskOutcome[]> => {
  const out = new Map<K, TaskOutcome[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/** Months `from` … `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  assertMonth(from);
  assertMonth(to);
  const out: string[] = [];
  for (let m = from; monthsBetween(m, to) >= 0; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * Callback report over the tasks whose month is from `from` to `to`: totals, every month of the range (empty
 * ones too, for charts), every outlet with tasks, and every outlet × month with tasks. Rates are null when
 * their denominator is zero; latencies are nearest-rank percentiles in hours, rounded to 0.01.
 */
export function callbackReport(facts: ReportFacts, range: { from: string; to: string }): CallbackReport {
  const months = monthRange(range.from, range.to);
  const rows = outcomes(facts, (m) => m >= range.from && m <= range.to);
  const byMonth = groupBy(rows, (r) => r.month);
  const byOutlet = groupBy(rows, (r) => r.outletId);
  const byCell = groupBy(rows, (r) => `${r.outletId}\u0000${r.month}`);
  return {
    from: range.from,
    to: range.to,
    totals: metrics(rows),
    months: months.map((month) => ({ month, ...metrics(byMonth.get(month) ?? []) })),
    outlets: [...byOutlet.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([outletId, own]) => ({ outletId, ...metrics(own) })),
    outletMonths: [...byCell.values()]
      .map((own) => {
        const first = own[0] as TaskOutcome;
        return { outletId: first.outletId, month: first.month, ...metrics(own) };
      })
      .sort((a, b) =>
        a.outletId !== b.outletId ? (a.outletId < b.outletId ? -1 : 1) : a.month < b.month ? -1 : 1,
      ),
  };
}
