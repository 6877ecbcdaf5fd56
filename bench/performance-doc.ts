import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResults, TargetCheck } from './bench-results.ts';
import { checkTargets } from './bench-results.ts';

export const performanceDocPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/PERFORMANCE.md',
);

const HISTORY_START = '<!-- bench:history:start -->';
const HISTORY_END = '<!-- bench:history:end -->';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);
const compact = (n: number) =>
  n >= 1_000_000
    ? `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)}M`
    : n >= 1000
      ? `${Math.round(n / 1000)}k`
      : String(n);

const historyHeader = [
  '| date | commit | machine | database | dataset (orders / customers / outlets) | intake orders/s | p50 / p99 ms | errors | raw tx/s | intake ÷ raw | server RSS peak | board p50/p95 | backlog p50/p95 | breach sweep p50/p95 | phone search p50/p95 | order detail p50/p95 | SLA evals/s | targets missed |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];

function readsCell(r: BenchResults, name: string): string {
  const l = r.reads.find((x) => x.name === name);
  return l ? `${f1(l.p50Ms)} / ${f1(l.p95Ms)}` : '—';
}

function historyRow(r: BenchResults, checks: readonly TargetCheck[]): string {
  const missed = checks.filter((c) => !c.met).map((c) => c.name);
  const cells = [
    r.machine.date,
    `\`${r.machine.commit}\``,
    `${r.machine.cores} cores, ${r.machine.memoryGb} GB`,
    r.database === 'postgres' ? `PostgreSQL ${r.databaseVersion}` : `PGlite ${r.databaseVersion}`,
    `${compact(r.dataset.orders)} / ${compact(r.dataset.customers)} / ${compact(r.dataset.outlets)}`,
    int(r.intake.ordersPerSecond),
    `${f1(r.intake.p50Ms)} / ${f1(r.intake.p99Ms)}`,
    String(r.intake.errors),
    int(r.raw.transactionsPerSecond),
    (r.intake.ordersPerSecond / r.raw.transactionsPerSecond).toFixed(2),
    `${int(r.rss.peakMb)} MB`,
    readsCell(r, 'dispatcher board'),
    readsCell(r, 'backlog (2/3 days)'),
    readsCell(r, 'SLA breach sweep'),
    readsCell(r, 'phone search'),
    readsCell(r, 'order detail'),
    int(r.sla.perSecond),
    missed.length === 0 ? 'none' : missed.join(', '),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The latest run in full: dataset tables, intake, verification, raw limit, reads, SLA engine, targets. */
export function latestDetails(r: BenchResults, checks: readonly TargetCheck[]): string {
  const d = r.dataset;
  const v = r.verification;
  const lines = [
    `### Latest run: ${r.machine.date}, ${r.database === 'postgres' ? `PostgreSQL ${r.databaseVersion}` : `PGlite ${r.databaseVersion}`}`,
    '',
    `Commit \`${r.machine.commit}\`; ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB; Node ${r.machine.node}.`,
    '',
    `**Dataset** — ${int(d.orders)} work orders over ${d.months} months, ${int(d.customers)} customers, ${int(d.outlets)} outlets: ` +
      `${int(d.totalRows)} rows. Master data ${f1(d.masterSeconds)} s (${int(d.customersPerSecond)} customers/s with phones, ` +
      `addresses and units); orders ${f1(d.ordersSeconds)} s (${int(d.ordersPerSecond)} orders/s, ${int(d.orderRowsPerSecond)} rows/s ` +
      `with their timelines); VACUUM ANALYZE ${f1(d.analyzeSeconds)} s.`,
    '',
    '| table | rows | seconds | rows/s |',
    '|---|---:|---:|---:|',
    ...d.tables.map(
      (t) => `| ${t.table} | ${int(t.rows)} | ${(t.ms / 1000).toFixed(1)} | ${int((t.rows * 1000) / t.ms)} |`,
    ),
    '',
    `**Intake** — ${r.intake.connections} connections for ${r.intake.seconds} s, ${Math.round(r.intake.newCustomerShare * 100)} % of the calls from ` +
      `new callers (registered with \`POST /api/customers\` first): ${int(r.intake.orders)} orders, ` +
      `**${int(r.intake.ordersPerSecond)} orders/s**, p50 ${f1(r.intake.p50Ms)} ms, p99 ${f1(r.intake.p99Ms)} ms; ` +
      `${int(r.intake.customers)} registrations (p50 ${f1(r.intake.customerP50Ms)} ms, p99 ${f1(r.intake.customerP99Ms)} ms); ` +
      `${r.intake.errors} errors; statuses ${Object.entries(r.intake.statuses)
        .map(([k, n]) => `${k}: ${int(n)}`)
        .join(', ')}. ` +
      `Server RSS peak ${int(r.rss.peakMb)} MB, mean ${int(r.rss.meanMb)} MB (${r.rss.samples} samples). ` +
      `Background work (outbox relay) settled ${f1(r.settleSeconds)} s after the load.`,
    '',
    `**Check** — ${int(v.foundOnce)} of ${int(v.answered)} orders answered 2xx are in the database exactly once under the id and ` +
      `number answered; ${v.missing} missing, ${v.duplicates} duplicated, ${v.unreported} created without a 2xx answer.`,
    '',
    `**Raw limit** — ${r.raw.method}: the ${r.raw.statements} statements of one create (${r.raw.writes} INSERTs) for ` +
      `${f1(r.raw.seconds)} s: **${int(r.raw.transactionsPerSecond)} tx/s**` +
      `${r.raw.latencyMs !== null ? `, ${f1(r.raw.latencyMs)} ms average` : ''}. Intake ÷ raw = ` +
      `**${(r.intake.ordersPerSecond / r.raw.transactionsPerSecond).toFixed(2)}**.` +
      (r.rawUncontended
        ? ` The same replay with every transaction counting on its own day row (no wait for the day counter's row ` +
          `lock): ${int(r.rawUncontended.transactionsPerSecond)} tx/s` +
          `${r.rawUncontended.latencyMs !== null ? `, ${f1(r.rawUncontended.latencyMs)} ms average` : ''}.`
        : ''),
    '',
    `**Reads at ${int(r.ordersAtReads)} orders** (one request at a time, server idle; the busiest outlet has ` +
      `${int(r.busiestOutlet.openOrders)} open orders):`,
    '',
    '| read | how | samples | p50 ms | p95 ms | answer |',
    '|---|---|---:|---:|---:|---|',
    ...r.reads.map(
      (l) => `| ${l.name} | ${l.how} | ${l.samples} | ${f1(l.p50Ms)} | ${f1(l.p95Ms)} | ${l.size} |`,
    ),
    '',
    `**SLA engine** — \`evaluateSla\` over ${int(r.sla.orders)} orders of the dataset (${int(r.sla.withParts)} with part waits): ` +
      `**${int(r.sla.perSecond)} evaluations/s** on one core.`,
    '',
    '| target | goal | measured | met |',
    '|---|---|---|---|',
    ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.measured} | ${c.met ? 'yes' : '**no**'} |`),
  ];
  return lines.join('\n');
}

const latestMarkers = (db: string) =>
  [`<!-- bench:latest:${db}:start -->`, `<!-- bench:latest:${db}:end -->`] as const;

/** Replaces what lies between two markers, or answers undefined when they are not there. */
function replaceBetween(text: string, start: string, end: string, body: string): string | undefined {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return undefined;
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

/**
 * Adds the run as the newest history row and replaces the latest-run section of its database; everything else in
 * the file (the method, the analysis written by hand) stays as it is.
 */
export function writePerformanceDoc(r: BenchResults, intro: string): void {
  const checks = checkTargets(r);
  let doc = fs.existsSync(performanceDocPath) ? fs.readFileSync(performanceDocPath, 'utf8') : '';
  if (!doc.includes(HISTORY_START)) doc = `${intro.trimEnd()}\n\n${HISTORY_START}\n${HISTORY_END}\n`;
  const a = doc.indexOf(HISTORY_START) + HISTORY_START.length;
  const previousRows = doc
    .slice(a, doc.indexOf(HISTORY_END))
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| date ') && !/^\|[\s:|-]+$/.test(l));
  doc = replaceBetween(
    doc,
    HISTORY_START,
    HISTORY_END,
    [...historyHeader, historyRow(r, checks), ...previousRows].join('\n'),
  ) as string;
  const [start, end] = latestMarkers(r.database);
  const body = latestDetails(r, checks);
  const replaced = replaceBetween(doc, start, end, body);
  if (replaced) doc = replaced;
  else {
    const at = doc.indexOf(HISTORY_END) + HISTORY_END.length;
    doc = `${doc.slice(0, at)}\n\n${start}\n${body}\n${end}${doc.slice(at)}`;
  }
  fs.writeFileSync(performanceDocPath, doc.endsWith('\n') ? doc : `${doc}\n`);
}
