import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors.ts';

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : String(r.reason);

describe('concurrent catalogue changes (CB-7, MD-1)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: false });
  });
  afterAll(() => h.close());

  it('CB-7 two people deciding the same month at once: one decision stands, the other is told it exists', async () => {
    const ctx = systemContext(h.clock.now());
    const dealer = await h.services.catalog.createDealer(ctx, {
      code: 'GD-FS-0001',
      name: '佛山顺心电器',
      regionCode: '440606',
      tier: 'B',
    });
    h.clock.set('2026-12-02T02:00:00Z');
    const later = systemContext(h.clock.now());
    const results = await Promise.allSettled(
      (['A', 'C'] as const).map((tier) =>
        h.services.catalog.decideDealerTier(later, dealer.id, {
          month: '2026-12',
          tier,
          reason: `tier ${tier}`,
        }),
      ),
    );
    expect(results.map(outcome).sort()).toEqual(['ALREADY_EXISTS', 'ok']);
    const after = await h.services.catalog.getDealer(later, dealer.id);
    expect(after.tierHistory.map((t) => t.month)).toEqual(['2026-12', '2026-11']);
    expect(after.tier).toBe(after.tierHistory[0]?.tier);
  });

  it('MD-1 two models created at once with one code: one is created, the other gets ALREADY_EXISTS on /code', async () => {
    const ctx = systemContext(h.clock.now());
    const results = await Promise.allSettled(
      ['一号', '二号'].map((name) =>
        h.services.catalog.createModel(ctx, {
          code: 'JSQ30-16WH5',
          name,
          categoryCode: 'water_heater',
          warrantyMonths: 36,
          keyPartsWarrantyMonths: 36,
        }),
      ),
    );
    expect(results.map(outcome).sort()).toEqual(['ALREADY_EXISTS', 'ok']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).errors).toEqual([{ path: '/code', message: expect.any(String) }]);
  });
});
