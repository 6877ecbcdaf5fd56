import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { readXlsx } from './xlsx-helpers.ts';

interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  marketTier: number | null;
  areaType: string;
  tierSource: string;
  version: number;
  path: string;
}

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

describe('regions (MD, WO-7.1)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
    agent = await h.login('agent');
  });
  afterAll(() => h.close());

  const get = (url: string, headers = agent) => h.request({ method: 'GET', url, headers });

  it('MD regions: lists a city’s districts with their tier, urban flag and path', async () => {
    const res = await get('/api/regions?parentCode=440100&pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Region[]; total: number };
    expect(body.total).toBe(11);
    const tianhe = body.items.find((r) => r.code === '440106');
    expect(tianhe).toEqual({
      code: '440106',
      name: '天河区',
      level: 'district',
      parentCode: '440100',
      marketTier: 1,
      areaType: 'urban',
      tierSource: 'default',
      version: 1,
      path: '广东省 / 广州市 / 天河区',
    });
    expect(body.items.map((r) => r.code)).toEqual([...body.items.map((r) => r.code)].sort());
  });

  it('MD regions: filters by level, tier and urban flag, and searches names and code prefixes', async () => {
    const provinces = (await get('/api/regions?level=province&pageSize=200')).json() as { total: number };
    expect(provinces.total).toBe(34);
    const gdCounties = (
      await get('/api/regions?parentCode=441500&marketTier=3&areaType=suburban&pageSize=200')
    ).json() as { items: Region[] };
    expect(gdCounties.items.map((r) => r.name).sort()).toEqual(['海丰县', '陆丰市', '陆河县'].sort());
    const byName = (await get('/api/regions?q=顺德')).json() as { items: Region[] };
    expect(byName.items.map((r) => [r.code, r.path])).toEqual([['440606', '广东省 / 佛山市 / 顺德区']]);
    const byCode = (await get('/api/regions?q=1101&level=district&pageSize=200')).json() as {
      items: Region[];
    };
    expect(byCode.items.length).toBe(16);
    expect(byCode.items.find((r) => r.code === '110108')?.path).toBe('北京市 / 海淀区');
    const literal = (await get(`/api/regions?q=${encodeURIComponent('%')}`)).json() as { total: number };
    expect(literal.total).toBe(0);
  });

  it('MD regions: one region by code; an unknown code is 404 and a malformed one 400', async () => {
    expect((await get('/api/regions/440305')).json()).toMatchObject({
      marketTier: 2,
      path: '广东省 / 深圳市 / 南山区',
    });
    expect((await get('/api/regions/999999')).statusCode).toBe(404);
    expect((await get('/api/regions/44010')).statusCode).toBe(400);
  });

  it('MD regions: the cascader nests provinces, cities and districts and answers 304 to its ETag', async () => {
    const res = await get('/api/regions/cascader');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const tree = res.json() as Option[];
    expect(tree).toHaveLength(34);
    const guangzhou = tree.find((p) => p.value === '440000')?.children?.find((c) => c.value === '440100');
    expect(guangzhou?.label).toBe('广州市');
    expect(guangzhou?.children?.find((d) => d.value === '440106')).toEqual({
      value: '440106',
      label: '天河区',
    });
    const leaves = tree.flatMap((p) => (p.children ?? []).flatMap((c) => c.children ?? []));
    expect(leaves.length).toBeGreaterThan(3000);

    const again = await h.request({
      method: 'GET',
      url: '/api/regions/cascader',
      headers: { ...agent, 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const stale = await h.request({
      method: 'GET',
      url: '/api/regions/cascader',
      headers: { ...agent, 'if-none-match': '"other"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('WO-7.1 an administrator sets a district’s tier and urban flag; it is marked admin, versioned and audited', async () => {
    const before = (await get('/api/regions/440606')).json() as Region;
    const res = await h.request({
      method: 'PATCH',
      url: '/api/regions/440606',
      headers: admin,
      payload: { version: before.version, marketTier: 1, areaType: 'suburban' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      marketTier: 1,
      areaType: 'suburban',
      tierSource: 'admin',
      version: before.version + 1,
    });
    const stale = await h.request({
      method: 'PATCH',
      url: '/api/regions/440606',
      headers: admin,
      payload: { version: before.version, marketTier: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: before.version + 1 });

    const { rows } = await h.testDb.database.executeSql(
      `select action, before, after, scope_region_code from audit_log where entity = 'region' and entity_id = '440606'`,
      [],
    );
    expect(rows).toEqual([
      {
        action: 'update',
        before: { marketTier: 2, areaType: 'urban', tierSource: 'default' },
        after: { marketTier: 1, areaType: 'suburban', tierSource: 'admin' },
        scope_region_code: '440606',
      },
    ]);
    const events = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'region.class_changed'`,
      [],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      { code: '440606', marketTier: 1, areaType: 'suburban', version: before.version + 1 },
    ]);
  });

  it('WO-7.1 only administrators change tiers; provinces have none; an empty change is refused', async () => {
    const city = (await get('/api/regions/440300')).json() as Region;
    const asCenter = await h.request({
      method: 'PATCH',
      url: '/api/regions/440300',
      headers: await h.login('center'),
      payload: { version: city.version, marketTier: 1 },
    });
    expect(asCenter.statusCode).toBe(403);
    const province = await h.request({
      method: 'PATCH',
      url: '/api/regions/440000',
      headers: admin,
      payload: { version: 1, marketTier: 1 },
    });
    expect(province.statusCode).toBe(400);
    expect(province.json().errors).toEqual([
      { path: '/marketTier', message: expect.stringContaining('province') },
    ]);
    const empty = await h.request({
      method: 'PATCH',
      url: '/api/regions/440300',
      headers: admin,
      payload: { version: city.version },
    });
    expect(empty.statusCode).toBe(400);
    const tier5 = await h.request({
      method: 'PATCH',
      url: '/api/regions/440300',
      headers: admin,
      payload: { version: city.version, marketTier: 5 },
    });
    expect(tier5.statusCode).toBe(400);
  });

  it('MD regions: the export holds the filtered list with a localised header', async () => {
    const res = await get('/api/regions/export.xlsx?parentCode=440100&lang=en-US');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { header, rows } = await readXlsx(res);
    expect(header).toEqual(['Code', 'Name', 'Level', 'Path', 'Market tier', 'Area type', 'Tier source']);
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r[0] === '440106')).toEqual([
      '440106',
      '天河区',
      'District/county',
      '广东省 / 广州市 / 天河区',
      1,
      'Urban',
      'Default',
    ]);
    const zh = await readXlsx(await get('/api/regions/export.xlsx?level=province'));
    expect(zh.header[0]).toBe('代码');
    expect(zh.rows).toHaveLength(34);
  });
});
