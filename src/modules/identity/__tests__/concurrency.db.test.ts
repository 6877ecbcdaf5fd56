import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors.ts';

describe('no lost updates', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('two concurrent edits from the same version: exactly one wins, the other gets VERSION_CONFLICT', async () => {
    const ctx = systemContext(h.clock.now());
    const id = (await h.services.users.findIdByUsername('engineer'))!;
    const read = await h.services.users.get(ctx, id);
    const results = await Promise.allSettled([
      h.services.users.update(ctx, id, { version: read.version, displayName: '赵工 A' }),
      h.services.users.update(ctx, id, { version: read.version, displayName: '赵工 B' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toBeInstanceOf(AppError);
    expect((failed[0]?.reason as AppError).code).toBe('VERSION_CONFLICT');
    const after = await h.services.users.get(ctx, id);
    expect(after.version).toBe(read.version + 1);
    expect(['赵工 A', '赵工 B']).toContain(after.displayName);
  });

  it('many concurrent edits, each re-reading on conflict, all land: none is lost', async () => {
    const ctx = systemContext(h.clock.now());
    const id = (await h.services.users.findIdByUsername('dispatcher'))!;
    const start = (await h.services.users.get(ctx, id)).version;
    const editors = Array.from({ length: 8 }, (_, i) => async () => {
      for (;;) {
        const cur = await h.services.users.get(ctx, id);
        try {
          await h.services.users.update(ctx, id, { version: cur.version, displayName: `信息员 ${i}` });
          return;
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'VERSION_CONFLICT')) throw e;
        }
      }
    });
    await Promise.all(editors.map((f) => f()));
    expect((await h.services.users.get(ctx, id)).version).toBe(start + 8);
    const { rows } = await h.testDb.database.executeSql(
      `select count(*) as n from audit_log where entity_id = $1 and action = 'update'`,
      [id],
    );
    expect(rows[0]?.n).toBe(8);
  });
});
