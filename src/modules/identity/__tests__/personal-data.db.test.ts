import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';

describe('personal data at rest (MD-5)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('MD-5 the phone digits never appear in the stored row, yet look-up by phone finds the user', async () => {
    const ctx = systemContext(h.clock.now());
    const created = await h.services.users.create(ctx, {
      username: 'eng.liu',
      displayName: '刘工',
      role: 'engineer',
      scope: { kind: 'outlet', outletId: OUTLET_A },
      password: 'long-enough-1',
      phone: '139 8765 4321',
    });
    const { rows } = await h.testDb.database.executeSql('select * from users where id = $1', [created.id]);
    const stored = JSON.stringify(rows[0]);
    for (const fragment of ['13987654321', '8765', '4321', '98765']) expect(stored).not.toContain(fragment);
    expect(created.phoneMasked).toBe('139****4321');

    for (const typed of ['13987654321', '+86 139-8765-4321']) {
      const found = await h.services.users.findByPhone(ctx, typed);
      expect(found.map((u) => u.id)).toEqual([created.id]);
    }
    expect(await h.services.users.findByPhone(ctx, '13987654320')).toEqual([]);
  });

  it('MD-5 revealing the full phone is audited with who and when, without the number itself', async () => {
    const ctx = systemContext(h.clock.now());
    const [user] = await h.services.users.findByPhone(ctx, '13987654321');
    const revealed = await h.services.users.revealPhone(ctx, user!.id);
    expect(revealed.phone).toBe('+8613987654321');
    const { rows } = await h.testDb.database.executeSql(
      `select actor_id, action, after::text as after from audit_log where entity_id = $1 and action = 'reveal_personal_data'`,
      [user!.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe('system');
    expect(String(rows[0]?.after)).not.toContain('8765');
  });

  it('MD-5 no audit row of any user change holds the phone digits', async () => {
    const { rows } = await h.testDb.database.executeSql(
      `select before::text as b, after::text as a from audit_log`,
      [],
    );
    for (const r of rows) expect(`${String(r.b)}${String(r.a)}`).not.toMatch(/13987654321|13800138001/);
  });
});
