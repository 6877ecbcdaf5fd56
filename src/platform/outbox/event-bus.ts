import { createHash } from 'node:crypto';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/database.ts';
import { withRawTransaction } from '../db/database.ts';
import type { OutboxEvent } from './outbox.ts';
import { outbox } from './outbox.tables.ts';

export interface EventHandler {
  /** Stable name: it keys the handler's queue and its record of processed events. */
  name: string;
  topics: readonly string[];
  handle(event: OutboxEvent, tx: Tx): Promise<void>;
}

export interface EventBusOptions {
  relayIntervalMs?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  /**
   * A process that dies inside a handler (SIGKILL, OOM, a crash) leaves the job active with no worker, and
   * pg-boss retries it only once it expires: with its default of 15 minutes an event waited that long after
   * a restart. Handlers are short transactions; one that outlives the expiry is retried while it still runs,
   * and the retry's processed_events claim waits for it and then does nothing.
   */
  jobExpireSeconds?: number;
  /** How often pg-boss fails expired jobs for a retry (its default: 2 minutes). */
  maintenanceIntervalSeconds?: number;
}

const queueName = (handler: string): string => `handler.${handler}`;

/** pg-boss ids are UUIDs; deriving one from (event, handler) makes a re-relayed event a duplicate insert. */
function jobId(eventId: string, handler: string): string {
  const h = createHash('sha256').update(`${eventId}|${handler}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Outbox → pg-boss → handlers. The relay moves committed outbox rows into one pg-boss job per interested
 * handler, in a single transaction with marking the rows published. Workers run each job's handler in its
 * own transaction together with a processed_events row, so redelivery (at-least-once) has no second effect.
 */
export class EventBus {
  readonly #database: Database;
  readonly #logger: Logger;
  readonly #handlers: EventHandler[] = [];
  readonly #options: Required<EventBusOptions>;
  #boss: PgBoss | undefined;
  #timer: NodeJS.Timeout | undefined;
  #relaying: Promise<number> | undefined;
  #stopped = false;

  constructor(database: Database, logger: Logger, options: EventBusOptions = {}) {
    this.#database = database;
    this.#logger = logger;
    this.#options = {
      relayIntervalMs: options.relayIntervalMs ?? 1000,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
      retryLimit: options.retryLimit ?? 10,
      jobExpireSeconds: options.jobExpireSeconds ?? 15,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    };
  }

  register(handler: EventHandler): void {
    if (this.#boss) throw new Error('Register handlers before the event bus starts.');
    this.#handlers.push(handler);
  }

  async start(): Promise<void> {
    const database = this.#database;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: this.#options.maintenanceIntervalSeconds,
    });
    boss.on('error', (err: Error) => this.#logger.error({ err }, 'pg-boss error'));
    await boss.start();
    this.#boss = boss;
    for (const h of this.#handlers) {
      const name = queueName(h.name);
      await boss.createQueue(name, {
        name,
        retryLimit: this.#options.retryLimit,
        retryDelay: 2,
        retryBackoff: true,
      });
      await boss.work<OutboxEvent>(
        name,
        { batchSize: 1, pollingIntervalSeconds: this.#options.pollingIntervalSeconds },
        async (jobs) => {
          for (const job of jobs) await this.#apply(h, job.data);
        },
      );
    }
    this.#timer = setInterval(() => void this.nudge(), this.#options.relayIntervalMs);
    this.#timer.unref();
  }

  /** Relay now (called after commits that emitted events, so handlers do not wait for the next tick). */
  nudge(): Promise<number> {
    if (!this.#boss || this.#stopped) return Promise.resolve(0);
    this.#relaying ??= this.relayOnce()
      .catch((err: unknown) => {
        this.#logger.error({ err }, 'outbox relay failed; will retry');
        return 0;
      })
      .finally(() => {
        this.#relaying = undefined;
      });
    return this.#relaying;
  }

  /** Moves up to `limit` unpublished events into handler queues; returns how many it moved. */
  async relayOnce(limit = 200): Promise<number> {
    const boss = this.#boss;
    if (!boss) throw new Error('Event bus not started.');
    return withRawTransaction(this.#database, async (exec) => {
      const { rows } = await exec(
        `select id, topic, payload, created_at from outbox where published_at is null
         order by seq limit $1 for update skip locked`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const jobs: PgBoss.JobInsert[] = [];
      for (const row of rows) {
        const event: OutboxEvent = {
          id: String(row.id),
          topic: String(row.topic),
          payload: row.payload,
          occurredAt: new Date(row.created_at as string | Date).toISOString(),
        };
        for (const h of this.#handlers) {
          if (!h.topics.includes(event.topic)) continue;
          jobs.push({
            id: jobId(event.id, h.name),
            name: queueName(h.name),
            data: event,
            retryLimit: this.#options.retryLimit,
            expireInSeconds: this.#options.jobExpireSeconds,
          });
        }
      }
      if (jobs.length > 0) {
        await boss.insert(jobs, {
          db: { executeSql: (text: string, values: unknown[]) => exec(text, values) },
        });
      }
      await exec(
        `update outbox set published_at = now(), attempts = attempts + 1 where id = any($1::text[])`,
        [rows.map((r) => String(r.id))],
      );
      return rows.length;
    });
  }

  /**
   * Delivers pending events straight to the handlers, without pg-boss: for tests and one-shot CLI runs that
   * do not start workers. Same idempotency as the worker path.
   */
  async deliverPending(limit = 500): Promise<number> {
    const rows = await this.#database.db
      .select()
      .from(outbox)
      .where(isNull(outbox.publishedAt))
      .orderBy(asc(outbox.seq))
      .limit(limit);
    for (const row of rows) {
      const event: OutboxEvent = {
        id: row.id,
        topic: row.topic,
        payload: row.payload,
        occurredAt: row.createdAt.toISOString(),
      };
      for (const h of this.#handlers) if (h.topics.includes(event.topic)) await this.apply(h.name, event);
      await this.#database.db.update(outbox).set({ publishedAt: new Date() }).where(eq(outbox.id, row.id));
    }
    return rows.length;
  }

  /** Applies one event to one handler at most once, however often it is delivered. */
  async apply(handlerName: string, event: OutboxEvent): Promise<void> {
    const handler = this.#handlers.find((h) => h.name === handlerName);
    if (!handler) throw new Error(`No handler ${handlerName}`);
    await this.#apply(handler, event);
  }

  async #apply(handler: EventHandler, event: OutboxEvent): Promise<void> {
    await this.#database.db.transaction(async (tx) => {
      const result = (await tx.execute(sqlClaim(handler.name, event.id))) as unknown as { rows: unknown[] };
      if (result.rows.length === 0) return; // Already applied by an earlier delivery.
      await handler.handle(event, tx);
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#relaying;
    await this.#boss?.stop({ graceful: true, wait: true, timeout: 5000 });
    this.#boss = undefined;
  }
}

function sqlClaim(handler: string, eventId: string) {
  return sql`insert into processed_events (handler, event_id, processed_at) values (${handler}, ${eventId}, now())
             on conflict do nothing returning event_id`;
}
