import type { ServiceContext } from '../auth/actor.ts';
import type { Executor } from '../db/database.ts';
import { newId } from '../ids.ts';
import { outbox } from './outbox.tables.ts';

export interface OutboxEvent<T = unknown> {
  id: string;
  topic: string;
  payload: T;
  occurredAt: string;
}

/** Written in the caller's transaction, so the event exists if and only if the change committed. */
export async function emitEvent(
  tx: Executor,
  ctx: ServiceContext,
  topic: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const [id] = await emitEvents(tx, ctx, [{ topic, payload }]);
  return id as string;
}

/** Several messages of one change in one INSERT; rows take their relay order (seq) in the order given. */
export async function emitEvents(
  tx: Executor,
  ctx: ServiceContext,
  events: readonly { topic: string; payload: Record<string, unknown> }[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const ids = events.map(() => newId('evt', ctx.now)).sort();
  await tx.insert(outbox).values(
    events.map((e, i) => ({
      id: ids[i] as string,
      topic: e.topic,
      payload: e.payload,
      createdAt: ctx.now,
    })),
  );
  return ids;
}
