import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, DEMO_PASSWORD } from '../../../../test/harness.ts';
import { systemContext } from '../../auth/actor.ts';
import { emitEvent } from '../outbox.ts';

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = async (h: Harness, sqlText: string, values: unknown[] = []) =>
  Number((await h.testDb.database.executeSql(sqlText, values)).rows[0]?.n);

describe('outbox → pg-boss → idempotent handlers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      worker: true,
      eventBus: { relayIntervalMs: 200, pollingIntervalSeconds: 0.5 },
    });
  });
  afterAll(() => h.close());

  it('an event written in a rolled-back transaction never exists', async () => {
    await expect(
      h.deps.database.db.transaction(async (tx) => {
        await emitEvent(tx, systemContext(h.clock.now()), 'user.locked', { userId: 'ghost' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await count(h, `select count(*) as n from outbox where payload->>'userId' = 'ghost'`)).toBe(0);
  });

  it('a locked account reaches the administrators through pg-boss, once', async () => {
    for (let i = 0; i < 5; i++) {
      await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'engineer', password: 'wrong-wrong' },
      });
    }
    const adminId = (await h.services.users.findIdByUsername('admin'))!;
    const managerId = (await h.services.users.findIdByUsername('outlet'))!;
    await waitFor(async () =>
      (await count(h, `select count(*) as n from notifications where kind = 'user.locked'`)) >= 2
        ? true
        : undefined,
    );
    const { rows } = await h.testDb.database.executeSql(
      `select recipient_id from notifications where kind = 'user.locked' order by recipient_id`,
      [],
    );
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([adminId, managerId].sort());
    expect(await count(h, `select count(*) as n from outbox where published_at is null`)).toBe(0);
    const { rows: jobs } = await h.testDb.database.executeSql(
      `select state from pgboss.job where name = 'handler.notifications.user-locked' union all select state from pgboss.archive where name = 'handler.notifications.user-locked'`,
      [],
    );
    expect(jobs.length).toBeGreaterThanOrEqual(1);
  });

  it('a redelivered event has no second effect (at-least-once delivery, idempotent handler)', async () => {
    const event = {
      id: 'evt_redelivered',
      topic: 'user.locked',
      payload: { userId: 'usr_y', username: 'y', outletId: null, lockedUntil: null },
      occurredAt: h.clock.now().toISOString(),
    };
    await h.bus.apply('notifications.user-locked', event);
    await h.bus.apply('notifications.user-locked', event);
    await Promise.all([
      h.bus.apply('notifications.user-locked', event),
      h.bus.apply('notifications.user-locked', event),
    ]).catch(() => undefined);
    expect(await count(h, `select count(*) as n from notifications where event_id = 'evt_redelivered'`)).toBe(
      1,
    );
    expect(
      await count(h, `select count(*) as n from processed_events where event_id = 'evt_redelivered'`),
    ).toBe(1);
  });

  it('events committed while no worker ran are delivered when one starts (nothing is lost)', async () => {
    await h.bus.stop();
    await h.deps.database.db.transaction((tx) =>
      emitEvent(tx, systemContext(h.clock.now()), 'user.locked', {
        userId: 'usr_z',
        username: 'z',
        outletId: null,
        lockedUntil: null,
      }),
    );
    expect(await count(h, `select count(*) as n from outbox where published_at is null`)).toBe(1);
    const { EventBus } = await import('../event-bus.ts');
    const { userLockedHandler } = await import('../../../modules/notifications/index.ts');
    const bus = new EventBus(h.deps.database, h.deps.logger, {
      relayIntervalMs: 200,
      pollingIntervalSeconds: 0.5,
    });
    bus.register(userLockedHandler(h.services.userDirectory));
    await bus.start();
    try {
      await waitFor(async () =>
        (await count(h, `select count(*) as n from notifications where payload->>'userId' = 'usr_z'`)) > 0
          ? true
          : undefined,
      );
    } finally {
      await bus.stop();
    }
  });

  it('a login still works for other users while events flow', async () => {
    const r = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
  });
});
