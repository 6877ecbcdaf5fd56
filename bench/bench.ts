import { createBenchDatabase } from './bench-database.ts';
import { parseBenchOptions } from './bench-options.ts';
import type { BenchResults } from './bench-results.ts';
import { checkTargets } from './bench-results.ts';
import { startBenchServer } from './bench-server.ts';
import { prepareBench } from './bench-setup.ts';
import { IntakeBodies } from './intake-bodies.ts';
import { runIntakeLoad } from './intake-load.ts';
import { machineInfo } from './machine-info.ts';
import { performanceDocIntro } from './performance-intro.ts';
import { latestDetails, performanceDocPath, writePerformanceDoc } from './performance-doc.ts';
import { measureBreachSweep, measureReads } from './query-latency.ts';
import { replayOnPglite, runPgbench } from './raw-limit.ts';
import { measureSlaEngine } from './sla-engine.ts';
import { verifyOrders } from './verify-orders.ts';

const say = (line: string) => process.stdout.write(`\n▶ ${line}\n`);

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const machine = machineInfo();
  const bdb = await createBenchDatabase(options);
  say(
    `Bench on ${bdb.describe}: ${options.orders} orders, ${options.customers} customers, ${options.outlets} outlets; ` +
      `${machine.cores} cores, ${machine.memoryGb} GB, commit ${machine.commit}`,
  );
  try {
    say('1. Scale dataset');
    const prepared = await prepareBench(bdb, options);

    say(`2. Intake: ${options.connections} connections × ${options.duration} s against a server process`);
    const server = await startBenchServer(bdb.env);
    const since = new Date();
    const bodies = new IntakeBodies(prepared.intake, since);
    const load = { url: server.url, token: prepared.agentToken, bodies, connections: options.connections };
    // Warm-up: JIT, connection pool and caches, as on a server that has been up for a while. Its orders are checked too.
    const warm = await runIntakeLoad({ ...load, seconds: 3, newCustomerShare: options.newCustomerShare });
    const rss = server.sampleRss();
    const intake = await runIntakeLoad({
      ...load,
      seconds: options.duration,
      newCustomerShare: options.newCustomerShare,
    });
    const rssStats = rss.stop();
    process.stdout.write(
      `   ${Math.round(intake.ordersPerSecond)} orders/s, p50 ${intake.p50Ms.toFixed(1)} ms, p99 ${intake.p99Ms.toFixed(1)} ms, ` +
        `${intake.errors} errors ${JSON.stringify(intake.statuses)}; RSS peak ${Math.round(rssStats.peakMb)} MB\n`,
    );
    for (const [status, body] of Object.entries({ ...warm.errorSamples, ...intake.errorSamples })) {
      process.stdout.write(`   first ${status}: ${body}\n`);
    }
    const settleSeconds = await server.settle();

    say('4. Reads at the full dataset');
    const reads = await measureReads(
      {
        url: server.url,
        agentToken: prepared.agentToken,
        dispatcherToken: prepared.dispatcherToken,
        phones: prepared.phones,
        orderIds: prepared.orderIds,
      },
      options.querySeconds,
    );
    await server.stop();

    const opened = await bdb.open();
    let results: BenchResults;
    try {
      const database = opened.database;
      say('2b. Every 2xx order exists exactly once');
      const verification = await verifyOrders(
        database,
        [...warm.created, ...intake.created],
        since,
        2 * options.connections,
      );
      process.stdout.write(`   ${JSON.stringify(verification)}\n`);
      reads.splice(2, 0, await measureBreachSweep(database, options.querySeconds));
      const ordersAtReads = Number(
        (await database.executeSql('select count(*) as n from work_orders')).rows[0]?.n,
      );

      say('3. Raw limit: the SQL of one create, replayed');
      const pgbench = (uncontendedCounter: boolean) =>
        runPgbench({
          url: bdb.url as string,
          statements: prepared.capture.statements,
          idempotencyKey: prepared.capture.idempotencyKey,
          connections: options.connections,
          seconds: options.duration,
          uncontendedCounter,
        });
      const raw =
        bdb.kind === 'postgres'
          ? await pgbench(false)
          : await replayOnPglite({
              database,
              statements: prepared.capture.statements,
              idempotencyKey: prepared.capture.idempotencyKey,
              seconds: options.duration,
            });

      // The same statements with each transaction counting on its own day row: what the SQL costs without the
      // day counter's row lock, which every create holds until its transaction commits.
      const rawUncontended = bdb.kind === 'postgres' ? await pgbench(true) : undefined;
      if (rawUncontended) {
        process.stdout.write(
          `   ${Math.round(raw.transactionsPerSecond)} tx/s as the code runs; ${Math.round(rawUncontended.transactionsPerSecond)} tx/s without the day-counter lock\n`,
        );
      }

      say('5. SLA engine');
      const sla = await measureSlaEngine(database, 20_000, 5);
      const version = String(
        (await database.executeSql('show server_version')).rows[0]?.server_version ?? '',
      );
      results = {
        machine,
        database: bdb.kind,
        databaseVersion:
          bdb.kind === 'pglite' ? `0.5.16 (PostgreSQL ${version})` : (version.split(' ')[0] ?? version),
        dataset: prepared.dataset,
        ordersAtReads,
        busiestOutlet: prepared.busiestOutlet,
        intake: { ...intake, created: [] },
        verification,
        rss: rssStats,
        raw,
        ...(rawUncontended ? { rawUncontended } : {}),
        reads,
        sla,
        settleSeconds,
      };
    } finally {
      await opened.close();
    }

    say('6. Summary');
    const checks = checkTargets(results);
    process.stdout.write(`${latestDetails(results, checks)}\n`);
    if (options.write) {
      writePerformanceDoc(results, performanceDocIntro);
      process.stdout.write(`\nWritten to ${performanceDocPath}\n`);
    }
  } finally {
    // A kept database is for looking into: its generated secret is needed to start a server on it.
    if (options.keep)
      say(`Kept: ${bdb.url ?? bdb.dataDir ?? ''} (AFTERSALES_SECRET=${bdb.env.AFTERSALES_SECRET})`);
    else await bdb.drop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
