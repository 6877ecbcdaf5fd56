import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { systemContext } from '../src/platform/auth/actor.ts';
import { ensureReferenceData } from '../src/modules/catalog/index.ts';
import { ensurePolicyDefaults } from '../src/modules/policy/index.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import type { BenchDatabase } from './bench-database.ts';
import type { BenchOptions } from './bench-options.ts';
import type { IntakeSample } from './intake-bodies.ts';
import { IntakeBodies, sampleIntakeCallers } from './intake-bodies.ts';
import type { DatasetReport } from './scale-dataset.ts';
import { generateScaleDataset } from './scale-dataset.ts';
import type { CapturedStatement } from './sql-capture.ts';
import { captureStatements } from './sql-capture.ts';

export interface Prepared {
  dataset: DatasetReport;
  agentToken: string;
  dispatcherToken: string;
  busiestOutlet: { id: string; openOrders: number };
  intake: IntakeSample;
  phones: string[];
  orderIds: string[];
  /** Every statement of one real create (after a warm-up create), and the Idempotency-Key it carried. */
  capture: { statements: CapturedStatement[]; idempotencyKey: string; answeredStatus: number };
}

const BENCH_DISPATCHER = 'bench-dispatcher';

type Inject = Awaited<ReturnType<typeof buildApp>>['app']['inject'];

async function tokenFor(inject: Inject, username: string): Promise<string> {
  const login = await inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`Login of ${username} failed: ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const created = await inject({
    method: 'POST',
    url: '/api/auth/tokens',
    cookies,
    headers: { 'x-csrf-token': String(cookies.as_csrf) },
    payload: { name: 'bench', expiresInDays: 1 },
  });
  if (created.statusCode !== 201) throw new Error(`Token for ${username} failed: ${created.body}`);
  return (created.json() as { token: string }).token;
}

/**
 * Everything before the server starts, in this process on the bench database: the dataset, a dispatcher account
 * at the outlet with the most open orders, API tokens, samples for the load and the reads, and the SQL of one
 * real create captured from the driver.
 */
export async function prepareBench(bdb: BenchDatabase, options: BenchOptions): Promise<Prepared> {
  const opened = await bdb.open();
  const { database, crypto } = opened;
  try {
    const built = await buildApp({
      database,
      crypto,
      logger: pino({ level: 'silent' }),
      businessTimeZone: 'Asia/Shanghai',
      rateLimits: { login: { max: 0, windowMs: 60_000 }, intake: { max: 0, windowMs: 60_000 } },
    });
    try {
      const now = built.deps.clock.now();
      await ensureReferenceData(database, now);
      await ensurePolicyDefaults(database, now);
      const dataset = await generateScaleDataset(database, crypto, built, options);
      const q = async (sql: string, values: unknown[] = []) => (await database.executeSql(sql, values)).rows;

      const busiest = (
        await q(`select outlet_id, count(*) as n from work_orders
                  where outlet_id is not null and status not in ('closed', 'cancelled')
                  group by outlet_id order by n desc, outlet_id limit 1`)
      )[0];
      if (!busiest) throw new Error('The dataset has no open orders.');
      const busiestOutlet = { id: String(busiest.outlet_id), openOrders: Number(busiest.n) };
      await built.services.users.create(systemContext(now), {
        username: BENCH_DISPATCHER,
        displayName: 'Bench dispatcher',
        role: 'dispatcher',
        scope: { kind: 'outlet', outletId: busiestOutlet.id },
        password: DEMO_PASSWORD,
      });
      const inject = built.app.inject.bind(built.app) as Inject;
      const agentToken = await tokenFor(inject, 'agent');
      const dispatcherToken = await tokenFor(inject, BENCH_DISPATCHER);

      // Callers WO-13 finds an outlet for: the others are answered 422 and the agent picks an outlet by hand.
      const sampled = await sampleIntakeCallers(database, 3000);
      const eligible: IntakeSample['existing'] = [];
      for (let i = 0; i < sampled.existing.length; i += 8) {
        const batch = sampled.existing.slice(i, i + 8);
        const answers = await Promise.all(
          batch.map((c) =>
            inject({
              method: 'POST',
              url: '/api/work-orders/proposal',
              headers: { authorization: `Bearer ${agentToken}` },
              payload: {
                customerId: c.customerId,
                addressId: c.addressId,
                categoryCode: c.categoryCode,
                orderType: c.orderType,
                serviceMode: 'on_site',
              },
            }),
          ),
        );
        answers.forEach((a, k) => {
          if (a.statusCode === 200 && (a.json() as { ok: boolean }).ok)
            eligible.push(batch[k] as (typeof batch)[number]);
        });
      }
      const intake: IntakeSample = { existing: eligible };
      process.stdout.write(
        `   ${eligible.length} of ${sampled.existing.length} sampled callers have an outlet WO-13 proposes\n`,
      );
      const phoneRows = await q(
        `select p.phone_enc from customer_phones p
          where p.customer_id in (select customer_id from work_orders order by random() limit 2000)`,
      );
      const phones = phoneRows.map((r) => crypto.decrypt(String(r.phone_enc)));
      const orderIds = (await q(`select id from work_orders order by random() limit 2000`)).map((r) =>
        String(r.id),
      );

      // One create to fill the caches a running server has warm, then the one that is captured.
      const bodies = new IntakeBodies(intake, now);
      const create = (key: string) =>
        inject({
          method: 'POST',
          url: '/api/work-orders',
          headers: { authorization: `Bearer ${agentToken}`, 'idempotency-key': key },
          payload: bodies.existingOrder(),
        });
      await create(`warm-${randomUUID()}`);
      const idempotencyKey = `capture-${randomUUID()}`;
      const { result, statements } = await captureStatements(database, () => create(idempotencyKey));
      if (result.statusCode !== 201)
        throw new Error(`The captured create answered ${result.statusCode}: ${result.body}`);
      return {
        dataset,
        agentToken,
        dispatcherToken,
        busiestOutlet,
        intake,
        phones,
        orderIds,
        capture: { statements, idempotencyKey, answeredStatus: result.statusCode },
      };
    } finally {
      await built.app.close();
    }
  } finally {
    await opened.close();
  }
}
