import cliProgress from 'cli-progress';
import type { SeedProgress } from './progress.ts';
import type { SeedResult } from './seed-master-data.ts';

/** One cli-progress bar per table, for `aftersales seed --scale`. */
export function progressBars(stream: NodeJS.WriteStream = process.stderr): SeedProgress & { stop(): void } {
  const multi = new cliProgress.MultiBar(
    {
      format: ' {table} |{bar}| {value}/{total} rows | {speed} rows/s | {duration_formatted}',
      barsize: 28,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      stream,
      // Redrawing a dozen bars costs CPU the generator needs; a few times a second is enough to watch.
      fps: 4,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, { bar: cliProgress.SingleBar; rows: number; t0: number }>();
  const speed = (rows: number, t0: number) => Math.round((rows * 1000) / Math.max(1, performance.now() - t0));
  return {
    start(table, expected) {
      if (bars.has(table)) return;
      const bar = multi.create(Math.max(1, expected), 0, { table: table.padEnd(22), speed: 0 });
      bars.set(table, { bar, rows: 0, t0: performance.now() });
    },
    advance(table, rows) {
      const b = bars.get(table);
      if (!b) return;
      b.rows += rows;
      if (b.rows > b.bar.getTotal()) b.bar.setTotal(b.rows);
      b.bar.update(b.rows, { speed: speed(b.rows, b.t0) });
    },
    finish(table, rows) {
      const b = bars.get(table);
      if (!b) return;
      b.bar.setTotal(Math.max(1, rows));
      b.bar.update(rows, { speed: speed(rows, b.t0) });
    },
    stop: () => multi.stop(),
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Rows and rows/s per table, then the totals and the customer rate (a customer counted with its phones, addresses and units). */
export function formatSeedReport(result: SeedResult): string {
  const lines = [
    `${'table'.padEnd(24)}${'rows'.padStart(12)}${'seconds'.padStart(10)}${'rows/s'.padStart(12)}`,
    ...result.tables.map(
      (t) =>
        `${t.table.padEnd(24)}${fmt(t.rows).padStart(12)}${(t.ms / 1000).toFixed(2).padStart(10)}${fmt((t.rows * 1000) / t.ms).padStart(12)}`,
    ),
    `${'total'.padEnd(24)}${fmt(result.totalRows).padStart(12)}${(result.ms / 1000).toFixed(2).padStart(10)}${fmt(
      (result.totalRows * 1000) / Math.max(1, result.ms),
    ).padStart(12)}`,
    `customers with phones, addresses and units: ${fmt(result.customersPerSecond)} customers/s`,
    ...(result.foreignKeys ? [`foreign keys of phones and addresses checked ${result.foreignKeys}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
