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
  const id = newId('evt', ctx.now);
  await tx.insert(outbox).values({ id, topic, payload, createdAt: ctx.now });
  return id;
}
