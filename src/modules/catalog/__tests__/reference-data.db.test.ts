import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { ensureReferenceData } from '../reference-data.ts';

describe('catalogue reference data (MD, POL-2)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: false });
  });
  afterAll(() => h.close());

  const count = async (sql: string, values: unknown[] = []) =>
    Number((await h.testDb.database.executeSql(sql, values)).rows[0]?.n);

  it('MD regions: the seed holds 34 provinces, over 300 cities and over 3,000 districts and counties', async () => {
    expect(await count(`select count(*) as n from regions where level = 'province'`)).toBe(34);
    expect(await count(`select count(*) as n from regions where level = 'city'`)).toBeGreaterThan(300);
    expect(await count(`select count(*) as n from regions where level = 'district'`)).toBeGreaterThan(3000);
    expect(
      await count(
        `select count(*) as n from regions c where level <> 'province'
           and not exists (select 1 from regions p where p.code = c.parent_code)`,
      ),
    ).toBe(0);
    const tianhe = await h.services.catalog.getRegion(systemContext(h.clock.now()), '440106');
    expect(tianhe).toMatchObject({
      level: 'district',
      marketTier: 1,
      areaType: 'urban',
      tierSource: 'default',
    });
  });

  it('MD-2 the product lines and categories are seeded, each category in a line', async () => {
    expect(await count(`select count(*) as n from product_lines`)).toBe(2);
    expect(await count(`select count(*) as n from product_categories`)).toBe(12);
  });

  it('MD regions, POL-2: administrator edits survive a re-run of the reference-data load', async () => {
    const ctx = systemContext(h.clock.now());
    const catalog = h.services.catalog;
    const region = await catalog.getRegion(ctx, '440606');
    await catalog.updateRegion(ctx, '440606', {
      version: region.version,
      marketTier: 1,
      areaType: 'suburban',
    });
    await catalog.putCalendarDay(ctx, '2026-10-01', { kind: 'holiday', name: '国庆节（公司）' });
    await catalog.deleteCalendarDay(ctx, '2026-10-10');
    await catalog.putCalendarDay(ctx, '2026-12-24', { kind: 'holiday', name: '公司假日' });

    await ensureReferenceData(h.testDb.database, h.clock.now());

    expect(await catalog.getRegion(ctx, '440606')).toMatchObject({
      marketTier: 1,
      areaType: 'suburban',
      tierSource: 'admin',
      version: region.version + 1,
    });
    const days = new Map((await catalog.getCalendar(ctx, 2026)).days.map((d) => [d.day, d]));
    expect(days.get('2026-10-01')).toEqual({
      day: '2026-10-01',
      kind: 'holiday',
      name: '国庆节（公司）',
      source: 'admin',
    });
    expect(days.has('2026-10-10')).toBe(false);
    expect(days.get('2026-12-24')?.source).toBe('admin');
    expect(days.get('2026-02-14')).toMatchObject({ kind: 'workday', source: 'chinese-days' });
    expect(await count(`select count(*) as n from regions`)).toBeGreaterThan(3300);
  });

  it('POL-2 a year missing from the database is loaded from the package even next to hand-entered days', async () => {
    await h.testDb.database.executeSql(
      `delete from calendar_days where day >= '2025-01-01' and day < '2026-01-01'`,
    );
    const ctx = systemContext(h.clock.now());
    await h.services.catalog.putCalendarDay(ctx, '2025-12-24', { kind: 'holiday', name: '公司假日' });
    await ensureReferenceData(h.testDb.database, h.clock.now());
    const days = (await h.services.catalog.getCalendar(ctx, 2025)).days;
    expect(days.find((d) => d.day === '2025-10-01')).toMatchObject({
      kind: 'holiday',
      source: 'chinese-days',
    });
    expect(days.find((d) => d.day === '2025-12-24')).toMatchObject({ source: 'admin' });
  });
});
