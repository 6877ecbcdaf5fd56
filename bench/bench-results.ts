import type { DatasetReport } from './scale-dataset.ts';
import type { IntakeRun } from './intake-load.ts';
import type { Latency } from './query-latency.ts';
import type { MachineInfo } from './machine-info.ts';
import type { RawRun } from './raw-limit.ts';
import type { SlaEngineRun } from './sla-engine.ts';
import type { Verification } from './verify-orders.ts';

export interface BenchResults {
  machine: MachineInfo;
  database: 'pglite' | 'postgres';
  databaseVersion: string;
  dataset: DatasetReport;
  /** Orders in the database when the reads were timed (dataset + warm-up + intake). */
  ordersAtReads: number;
  busiestOutlet: { id: string; openOrders: number };
  intake: IntakeRun;
  verification: Verification;
  rss: { peakMb: number; meanMb: number; samples: number };
  raw: RawRun;
  /** PostgreSQL: the same replay with the day counter uncontended (each transaction its own counter row). */
  rawUncontended?: RawRun;
  reads: Latency[];
  sla: SlaEngineRun;
  settleSeconds: number;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The targets: PostgreSQL ones on PostgreSQL, the PGlite intake floor on PGlite, RSS on both. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ratio = r.intake.ordersPerSecond / r.raw.transactionsPerSecond;
  if (r.database === 'postgres') {
    checks.push(
      {
        name: 'intake',
        target: '≥ 1,500 orders/s',
        measured: `${r.intake.ordersPerSecond.toFixed(0)}/s`,
        met: r.intake.ordersPerSecond >= 1500,
      },
      { name: 'intake p99', target: '≤ 50 ms', measured: ms(r.intake.p99Ms), met: r.intake.p99Ms <= 50 },
      { name: 'intake ÷ raw', target: '≥ 0.5', measured: ratio.toFixed(2), met: ratio >= 0.5 },
    );
    for (const l of r.reads) {
      checks.push({ name: `${l.name} p95`, target: '≤ 20 ms', measured: ms(l.p95Ms), met: l.p95Ms <= 20 });
    }
  } else {
    checks.push({
      name: 'intake (PGlite)',
      target: '≥ 500 orders/s',
      measured: `${r.intake.ordersPerSecond.toFixed(0)}/s`,
      met: r.intake.ordersPerSecond >= 500,
    });
  }
  checks.push(
    {
      name: 'server RSS during intake',
      target: '≤ 400 MB',
      measured: `${r.rss.peakMb.toFixed(0)} MB`,
      met: r.rss.peakMb <= 400,
    },
    {
      name: 'every 2xx order exists once',
      target: 'all',
      measured: `${r.verification.foundOnce}/${r.verification.answered}`,
      met: r.verification.ok,
    },
  );
  return checks;
}
