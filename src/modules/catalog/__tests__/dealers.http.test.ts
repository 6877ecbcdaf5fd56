import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { roles } from '../../identity/index.ts';
import { readXlsx } from './xlsx-helpers.ts';

interface Dealer {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  contactName: string | null;
  contactPhoneMasked: string | null;
  tier: string;
  active: boolean;
  version: number;
  tierHistory?: {
    month: string;
    tier: string;
    reason: string;
    decidedBy: { id: string; displayName: string } | null;
    decidedAt: string;
  }[];
}

describe('dealers (CB-7, MD-5, SEC-1)', () => {
  let h: Harness;
  let center: Record<string, string>;
  let gz: Dealer;
  let bj: Dealer;
  beforeAll(async () => {
    h = await createHarness();
    center = await h.login('center');
  });
  afterAll(() => h.close());

  const create = (payload: object, headers = center) =>
    h.request({ method: 'POST', url: '/api/dealers', headers, payload });
  const detail = async (id: string, headers = center) =>
    (await h.request({ method: 'GET', url: `/api/dealers/${id}`, headers })).json() as Dealer;
  const decide = (id: string, payload: object, headers = center) =>
    h.request({ method: 'POST', url: `/api/dealers/${id}/tiers`, headers, payload });

  it('CB-7 a new dealer starts with its tier for the current month, decided by its creator', async () => {
    const res = await create({
      code: 'GD-GZ-0012',
      name: '广州百佳电器',
      regionCode: '440106',
      contactName: '王伟',
      contactPhone: '138 1234 5678',
      tier: 'B',
    });
    expect(res.statusCode).toBe(201);
    gz = res.json() as Dealer;
    expect(gz).toMatchObject({
      code: 'GD-GZ-0012',
      regionPath: '广东省 / 广州市 / 天河区',
      contactName: '王*',
      contactPhoneMasked: '138****5678',
      tier: 'B',
      active: true,
      version: 1,
    });
    expect(gz.tierHistory).toEqual([
      {
        month: '2026-11',
        tier: 'B',
        reason: expect.stringContaining('initial'),
        decidedBy: { id: expect.stringMatching(/^usr_/), displayName: '客服中心 吴芳' },
        decidedAt: '2026-11-23T02:00:00.000Z',
      },
    ]);
    bj = (
      await create({ code: 'BJ-HD-0001', name: '北京中关村家电城', regionCode: '110108', tier: 'A' })
    ).json() as Dealer;
    expect(bj).toMatchObject({ contactName: null, contactPhoneMasked: null, regionPath: '北京市 / 海淀区' });
  });

  it('MD-5 the contact’s phone digits and name are not stored in clear, yet the phone finds the dealer', async () => {
    const { rows } = await h.testDb.database.executeSql('select * from dealers where id = $1', [gz.id]);
    const stored = JSON.stringify(rows[0]);
    for (const fragment of ['13812345678', '8123', '12345678', '5678', '王伟'])
      expect(stored).not.toContain(fragment);
    expect(String(rows[0]?.contact_phone_enc)).toMatch(/^v1\./);
    for (const typed of ['13812345678', '+86 138-1234-5678']) {
      const res = await h.request({
        method: 'GET',
        url: `/api/dealers?phone=${encodeURIComponent(typed)}`,
        headers: center,
      });
      expect((res.json().items as Dealer[]).map((d) => d.id)).toEqual([gz.id]);
    }
    const bad = await h.request({ method: 'GET', url: '/api/dealers?phone=12', headers: center });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/phone');
  });

  it('MD-5 revealing the contact is audited without the data; no audit row holds it', async () => {
    const callback = await h.login('callback');
    const res = await h.request({ method: 'POST', url: `/api/dealers/${gz.id}/reveal`, headers: callback });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ contactName: '王伟', contactPhone: '+8613812345678' });
    const { rows } = await h.testDb.database.executeSql(
      `select actor_role, after from audit_log where entity = 'dealer' and action = 'reveal_personal_data'`,
      [],
    );
    expect(rows).toEqual([{ actor_role: 'callback', after: { fields: ['contactName', 'contactPhone'] } }]);
    const all = await h.testDb.database.executeSql(
      `select before::text as b, after::text as a from audit_log`,
      [],
    );
    for (const r of all.rows) expect(`${String(r.b)}${String(r.a)}`).not.toMatch(/13812345678|王伟/);
    const dealerRole = await h.request({
      method: 'POST',
      url: `/api/dealers/${gz.id}/reveal`,
      headers: await h.login('dealer'),
    });
    expect(dealerRole.statusCode).toBe(403);
  });

  it('CB-7 a monthly decision records tier, reason and decider, and the latest month becomes the current tier', async () => {
    h.clock.advance(60_000);
    const res = await decide(gz.id, { month: '2026-11', tier: 'A', reason: '回访满意度 96%', replace: true });
    expect(res.statusCode).toBe(201);
    const after = res.json() as Dealer;
    expect(after.tier).toBe('A');
    expect(after.version).toBe(2);
    expect(after.tierHistory).toEqual([
      {
        month: '2026-11',
        tier: 'A',
        reason: '回访满意度 96%',
        decidedBy: { id: expect.any(String), displayName: '客服中心 吴芳' },
        decidedAt: '2026-11-23T02:01:00.000Z',
      },
    ]);
    const past = await decide(gz.id, { month: '2026-10', tier: 'C', reason: '十月投诉未处理' });
    expect(past.statusCode).toBe(201);
    expect(past.json()).toMatchObject({ tier: 'A' });
    expect((past.json() as Dealer).tierHistory?.map((t) => [t.month, t.tier])).toEqual([
      ['2026-11', 'A'],
      ['2026-10', 'C'],
    ]);
    const events = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'dealer.tier_changed' and payload->>'dealerId' = $1 order by created_at`,
      [gz.id],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      { dealerId: gz.id, month: '2026-11', tier: 'B', previousTier: null },
      { dealerId: gz.id, month: '2026-11', tier: 'A', previousTier: 'B' },
    ]);
    const audit = await h.testDb.database.executeSql(
      `select action, reason from audit_log where entity = 'dealer' and entity_id = $1 and action like '%tier' order by at`,
      [gz.id],
    );
    expect(audit.rows).toEqual([
      { action: 'redecide_tier', reason: '回访满意度 96%' },
      { action: 'decide_tier', reason: '十月投诉未处理' },
    ]);
  });

  it('CB-7 one decision per month: deciding a month again is 409 unless replace; a month not begun is refused', async () => {
    const again = await decide(gz.id, { month: '2026-10', tier: 'B', reason: '复核' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_EXISTS', month: '2026-10', tier: 'C' });
    const future = await decide(gz.id, { month: '2026-12', tier: 'B', reason: '提前分级' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: '/month' });
    const blank = await decide(gz.id, { month: '2026-11', tier: 'B', reason: '  ', replace: true });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ path: '/reason' });
    const next = await decide(gz.id, { month: '2026-10', tier: 'B', reason: '复核后改为 B', replace: true });
    expect(next.statusCode).toBe(201);
    expect((next.json() as Dealer).tierHistory?.find((t) => t.month === '2026-10')).toMatchObject({
      tier: 'B',
      reason: '复核后改为 B',
    });
  });

  it('SEC-1 a Guangdong regional manager sees only Guangdong dealers; others are 404', async () => {
    const regional = await h.login('regional');
    const list = await h.request({ method: 'GET', url: '/api/dealers?pageSize=200', headers: regional });
    expect((list.json().items as Dealer[]).map((d) => d.code)).toEqual(['GD-GZ-0012']);
    expect(
      (await h.request({ method: 'GET', url: `/api/dealers/${bj.id}`, headers: regional })).statusCode,
    ).toBe(404);
    expect(
      (await h.request({ method: 'POST', url: `/api/dealers/${bj.id}/reveal`, headers: regional }))
        .statusCode,
    ).toBe(404);
    expect((await detail(gz.id, regional)).code).toBe('GD-GZ-0012');
    const beijingFilter = await h.request({
      method: 'GET',
      url: '/api/dealers?regionCode=110000',
      headers: regional,
    });
    expect(beijingFilter.json().total).toBe(0);
    const write = await create({ code: 'X-1', name: '越权', regionCode: '440106', tier: 'B' }, regional);
    expect(write.statusCode).toBe(403);
    const outlet = await h.request({ method: 'GET', url: '/api/dealers', headers: await h.login('outlet') });
    expect(outlet.statusCode).toBe(403);
  });

  it('SEC-1 dealer lists are for HQ, call-center, regional, settlement and parts roles; writes for HQ only', async () => {
    const readers = ['admin', 'center', 'agent', 'callback', 'complaints', 'regional', 'settlement', 'parts'];
    const wrong: string[] = [];
    for (const role of roles) {
      const headers = await h.login(role);
      const read = await h.request({ method: 'GET', url: '/api/dealers', headers });
      const write = await h.request({
        method: 'PATCH',
        url: `/api/dealers/${bj.id}`,
        headers,
        payload: { version: 999, name: '改名' },
      });
      const expectedRead = readers.includes(role) ? 200 : 403;
      // HQ may write and gets the version conflict; a regional manager cannot see Beijing at all.
      const expectedWrite = ['admin', 'center'].includes(role) ? 409 : 403;
      if (read.statusCode !== expectedRead) wrong.push(`${role} read ${read.statusCode}`);
      if (write.statusCode !== expectedWrite) wrong.push(`${role} write ${write.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('CB-7 edits keep the tier, check region and code, and need the current version', async () => {
    const current = await detail(gz.id);
    const patch = (payload: object) =>
      h.request({ method: 'PATCH', url: `/api/dealers/${gz.id}`, headers: center, payload });
    const ok = await patch({
      version: current.version,
      name: '广州百佳电器（天河店）',
      contactPhone: null,
      contactName: '李娜',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: '广州百佳电器（天河店）',
      contactName: '李*',
      contactPhoneMasked: null,
      tier: current.tier,
    });
    expect((await patch({ version: current.version, name: 'x' })).statusCode).toBe(409);
    const v = (ok.json() as Dealer).version;
    const province = await patch({ version: v, regionCode: '440000' });
    expect(province.statusCode).toBe(400);
    expect(province.json().errors[0]).toMatchObject({ path: '/regionCode' });
    const taken = await patch({ version: v, code: 'bj-hd-0001' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({ path: '/code' });
    const tier = await patch({ version: v, tier: 'A' });
    expect(tier.statusCode).toBe(400);
    const duplicate = await create({ code: 'GD-GZ-0012', name: '重复', regionCode: '440106', tier: 'B' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toMatchObject({ path: '/code' });
    const phone = await create({
      code: 'GD-GZ-0099',
      name: '电话错',
      regionCode: '440106',
      tier: 'B',
      contactPhone: '123',
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().errors[0]).toMatchObject({ path: '/contactPhone' });
  });

  it('CB-7 lists filter by region (province, city or district), search and active; the export matches', async () => {
    const list = async (query: string) =>
      (await h.request({ method: 'GET', url: `/api/dealers?${query}`, headers: center })).json() as {
        items: Dealer[];
        total: number;
      };
    expect((await list('regionCode=440000')).items.map((d) => d.code)).toEqual(['GD-GZ-0012']);
    expect((await list('regionCode=440100')).total).toBe(1);
    expect((await list('regionCode=110108')).items.map((d) => d.code)).toEqual(['BJ-HD-0001']);
    expect((await list('q=中关村')).items.map((d) => d.code)).toEqual(['BJ-HD-0001']);
    expect((await list('active=false')).total).toBe(0);
    expect((await list('')).total).toBe(2);

    const res = await h.request({
      method: 'GET',
      url: '/api/dealers/export.xlsx?lang=en-US',
      headers: center,
    });
    expect(res.statusCode).toBe(200);
    const { header, rows } = await readXlsx(res);
    expect(header).toEqual([
      'Dealer code',
      'Dealer name',
      'Region',
      'Contact',
      'Contact phone',
      'Tier',
      'Active',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      'BJ-HD-0001',
      '北京中关村家电城',
      '北京市 / 海淀区',
      null,
      null,
      'A gold',
      'Yes',
    ]);
    const regionalExport = await readXlsx(
      await h.request({ method: 'GET', url: '/api/dealers/export.xlsx', headers: await h.login('regional') }),
    );
    expect(regionalExport.rows.map((r) => r[0])).toEqual(['GD-GZ-0012']);
    expect(regionalExport.rows[0]).not.toContain('李娜');
  });
  it('CB-7 in a new month, that month’s decision becomes the tier (C blacklist)', async () => {
    h.clock.set('2026-12-01T01:00:00Z');
    center = await h.login('center');
    const res = await decide(gz.id, { month: '2026-12', tier: 'C', reason: '十一月回访不合格' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ tier: 'C' });
    const list = await h.request({ method: 'GET', url: '/api/dealers?tier=C', headers: center });
    expect((list.json().items as Dealer[]).map((d) => d.id)).toEqual([gz.id]);
  });
});
