/** Where a seed run reports how far each table has got (the CLI draws progress bars from it). */
export interface SeedProgress {
  /** A table is about to be loaded; `expected` rows is an estimate for tables that depend on chance. */
  start(table: string, expected: number): void;
  advance(table: string, rows: number): void;
  /** The table is loaded: its real row count. */
  finish(table: string, rows: number): void;
}

export const silentProgress: SeedProgress = {
  start: () => undefined,
  advance: () => undefined,
  finish: () => undefined,
};

export interface TableReport {
  table: string;
  rows: number;
  /** Wall time from the table's first batch to its last. */
  ms: number;
}

/** Counts rows and times per table while passing progress on. */
export class TableClock {
  private readonly started = new Map<string, number>();
  private readonly rows = new Map<string, number>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly progress: SeedProgress) {}

  start(table: string, expected: number): void {
    if (!this.started.has(table)) this.started.set(table, performance.now());
    this.progress.start(table, expected);
  }

  advance(table: string, rows: number): void {
    this.rows.set(table, (this.rows.get(table) ?? 0) + rows);
    this.ended.set(table, performance.now());
    this.progress.advance(table, rows);
  }

  finish(table: string): void {
    this.ended.set(table, performance.now());
    this.progress.finish(table, this.rows.get(table) ?? 0);
  }

  report(): TableReport[] {
    return [...this.started.entries()].map(([table, t0]) => ({
      table,
      rows: this.rows.get(table) ?? 0,
      ms: Math.max(1, (this.ended.get(table) ?? t0) - t0),
    }));
  }
}
