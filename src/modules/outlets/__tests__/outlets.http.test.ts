import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import type { OutletDetail } from '../outlet-view.ts';
import type { EngineerView } from '../engineer-view.ts';

type Headers = Record<string, string>;
const BEIJING = 'out_demo0004';

const qualified = {
  licenceNumber: '91440101MA5ABCDE1X',
  licensedForRepair: true,
  hasPartsStore: true,
  technicianCount: 4,
  acceptsManagement: true,
  hasServiceSystem: true,
};

describe('outlets and engineers (NET-1, NET-2, NET-3, NET-5, SEC-1)', () => {
  let h: Harness;
  let as: Record<string, Headers>;
  let seq = 0;

  const call = (who: string, method: string, url: string, payload?: unknown) =>
    h.request({
      method: method as 'GET',
      url,
      headers: as[who]!,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const outlet = async (id: string) =>
    (await call('admin', 'GET', `/api/outlets/${id}`)).json() as OutletDetail;
  const newOutlet = (over: Record<string, unknown> = {}) => ({
    code: `GZ-T-${String(++seq).padStart(3, '0')}`,
    name: `测试网点 ${seq}`,
    type: 'after_sales_tier1',
    regionCode: '440106',
    address: '天河路1号',
    ...over,
  });

  beforeAll(async () => {
    h = await createHarness();
    as = {};
    for (const u of ['admin', 'center', 'regional', 'outlet', 'dispatcher', 'engineer', 'agent']) {
      as[u] = await h.login(u);
    }
  });
  afterAll(() => h.close());

  it('NET-1 a tier-2 outlet needs a tier-1 parent; other types have none', async () => {
    const orphan = await call('admin', 'POST', '/api/outlets', newOutlet({ type: 'after_sales_tier2' }));
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors).toEqual([{ path: '/parentId', message: expect.stringContaining('tier-1') }]);
    const underTier2 = await call(
      'admin',
      'POST',
      '/api/outlets',
      newOutlet({ type: 'after_sales_tier2', parentId: 'out_demo0003' }),
    );
    expect(underTier2.statusCode).toBe(400);
    const child = await call(
      'admin',
      'POST',
      '/api/outlets',
      newOutlet({ type: 'after_sales_tier2', parentId: OUTLET_A }),
    );
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({
      type: 'after_sales_tier2',
      parentId: OUTLET_A,
      status: 'applying',
      serviceRadiusKm: 20,
      regionPath: '广东省 / 广州市 / 天河区',
      coverage: { regions: [], services: [] },
      qualificationCheck: { ok: false },
    });
    const preSales = await call(
      'admin',
      'POST',
      '/api/outlets',
      newOutlet({ type: 'pre_sales', parentId: OUTLET_A }),
    );
    expect(preSales.statusCode).toBe(400);
    const parent = await outlet(OUTLET_A);
    const demote = await call('admin', 'PATCH', `/api/outlets/${OUTLET_A}`, {
      version: parent.version,
      type: 'direct_signed',
    });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().errors[0].path).toBe('/type');
    const dupCode = await call('admin', 'POST', '/api/outlets', newOutlet({ code: 'gz-th-001' }));
    expect(dupCode.statusCode).toBe(409);
  });

  it('NET-2 the service radius stays within the policy bounds, and follows a new policy version', async () => {
    const results: string[] = [];
    for (const km of [9, 10, 30, 31]) {
      const res = await call('admin', 'POST', '/api/outlets', newOutlet({ serviceRadiusKm: km }));
      results.push(`${km}:${res.statusCode}`);
      if (res.statusCode === 400) expect(res.json().errors[0].message).toContain('between 10 and 30');
    }
    expect(results).toEqual(['9:400', '10:201', '30:201', '31:400']);
    const policy = await call('admin', 'POST', '/api/policies/net.service_radius/versions', {
      value: { minKm: 5, maxKm: 50, defaultKm: 25 },
      effectiveFrom: h.clock.now().toISOString(),
      note: 'rural outlets travel further',
      basedOnVersion: 1,
    });
    expect(policy.statusCode).toBe(201);
    const wide = await call('admin', 'POST', '/api/outlets', newOutlet({ serviceRadiusKm: 45 }));
    expect(wide.statusCode).toBe(201);
    const byDefault = await call('admin', 'POST', '/api/outlets', newOutlet());
    expect(byDefault.json().serviceRadiusKm).toBe(25);
  });

  it('NET-2 coverage editor and the coverage-gaps report (districts without a backup outlet)', async () => {
    const a = await outlet(OUTLET_A);
    const setA = await call('admin', 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
      version: a.version,
      regions: [
        { regionCode: '440106', role: 'primary' },
        { regionCode: '440104', role: 'primary' },
      ],
      services: [
        { categoryCode: 'air_conditioner', serviceType: 'install' },
        { categoryCode: 'air_conditioner', serviceType: 'repair' },
      ],
    });
    expect(setA.statusCode).toBe(200);
    const detail = setA.json() as OutletDetail;
    expect(detail.version).toBe(a.version + 1);
    expect(detail.coverage.regions).toEqual([
      { regionCode: '440104', regionPath: '广东省 / 广州市 / 越秀区', role: 'primary' },
      { regionCode: '440106', regionPath: '广东省 / 广州市 / 天河区', role: 'primary' },
    ]);
    expect(detail.coveredDistrictCount).toBe(2);
    const stale = await call('admin', 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
      version: a.version,
      regions: [],
      services: [],
    });
    expect(stale.statusCode).toBe(409);
    const bad = await call('admin', 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
      version: detail.version,
      regions: [
        { regionCode: '440100', role: 'primary' },
        { regionCode: '999999', role: 'backup' },
      ],
      services: [{ categoryCode: 'spaceship', serviceType: 'repair' }],
    });
    expect((bad.json().errors as { path: string }[]).map((e) => e.path)).toEqual([
      '/regions/0/regionCode',
      '/regions/1/regionCode',
      '/services/0/categoryCode',
    ]);

    const b = await outlet(OUTLET_B);
    await call('admin', 'PUT', `/api/outlets/${OUTLET_B}/coverage`, {
      version: b.version,
      regions: [{ regionCode: '440106', role: 'backup' }],
      services: [],
    });
    const gaps = await call('regional', 'GET', '/api/outlets/coverage-gaps');
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json()).toEqual([
      {
        regionCode: '440104',
        regionPath: '广东省 / 广州市 / 越秀区',
        activeOutletCount: 1,
        requiredOutletCount: 2,
        policyVersion: 1,
        outlets: [{ id: OUTLET_A, name: a.name, role: 'primary', status: 'active' }],
      },
    ]);
    const bNow = await outlet(OUTLET_B);
    const suspend = await call('admin', 'PATCH', `/api/outlets/${OUTLET_B}`, {
      version: bNow.version,
      status: 'suspended',
    });
    expect(suspend.statusCode).toBe(200);
    const after = await call('admin', 'GET', '/api/outlets/coverage-gaps?regionCode=440100');
    expect((after.json() as { regionCode: string }[]).map((g) => g.regionCode)).toEqual(['440104', '440106']);
    const elsewhere = await call('admin', 'GET', '/api/outlets/coverage-gaps?regionCode=110000');
    expect(elsewhere.json()).toEqual([]);
    const own = await call('dispatcher', 'GET', '/api/outlets/coverage-gaps');
    expect((own.json() as { regionCode: string }[]).map((g) => g.regionCode)).toEqual(['440104', '440106']);
  });

  it('NET-3 an outlet becomes active only when qualified; the check names what is missing', async () => {
    const unqualified = await call('admin', 'POST', '/api/outlets', newOutlet({ status: 'active' }));
    expect(unqualified.statusCode).toBe(400);
    expect(unqualified.json().errors[0]).toMatchObject({ path: '/status' });
    expect(unqualified.json().errors[0].message).toContain('licence, parts_store, technicians');

    const applying = await call(
      'admin',
      'POST',
      '/api/outlets',
      newOutlet({ qualification: { licenceNumber: 'X-1', licensedForRepair: true, technicianCount: 2 } }),
    );
    expect(applying.statusCode).toBe(201);
    const app = applying.json() as OutletDetail;
    expect(app.qualificationCheck).toEqual({
      ok: false,
      missing: ['parts_store', 'accepts_management', 'service_system'],
    });
    const refused = await call('admin', 'PATCH', `/api/outlets/${app.id}`, {
      version: app.version,
      status: 'active',
    });
    expect(refused.statusCode).toBe(400);
    const admitted = await call('admin', 'PATCH', `/api/outlets/${app.id}`, {
      version: app.version,
      status: 'active',
      qualification: { hasPartsStore: true, acceptsManagement: true, hasServiceSystem: true },
    });
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json()).toMatchObject({
      status: 'active',
      qualification: { licenceNumber: 'X-1', technicianCount: 2, hasPartsStore: true },
      qualificationCheck: { ok: true, missing: [] },
    });
    const direct = await call(
      'admin',
      'POST',
      '/api/outlets',
      newOutlet({ status: 'active', qualification: qualified }),
    );
    expect(direct.statusCode).toBe(201);
  });

  it('NET-5 band thresholds (3000 → 1, 2999 → 2, 1000 → 2, 999 → 3) and no second change within a year', async () => {
    const got: string[] = [];
    for (const orders of [3000, 2999, 1000, 999]) {
      const created = (await call('admin', 'POST', '/api/outlets', newOutlet())).json() as OutletDetail;
      const res = await call('admin', 'POST', `/api/outlets/${created.id}/band`, {
        year: 2026,
        lastYearRepairOrders: orders,
      });
      got.push(`${orders}→${res.statusCode}/${res.json().band}/${res.json().bandYear}`);
      expect(res.json().bandDecision).toMatchObject({ policyKey: 'net.band.thresholds', policyVersion: 1 });
      if (orders === 999) {
        const again = await call('admin', 'POST', `/api/outlets/${created.id}/band`, {
          year: 2026,
          lastYearRepairOrders: 5000,
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('CONFLICT');
        expect(again.json().detail).toContain('does not change within the year');
        const next = await call('admin', 'POST', `/api/outlets/${created.id}/band`, {
          year: 2027,
          lastYearRepairOrders: 5000,
        });
        expect(next.json()).toMatchObject({ band: 1, bandYear: 2027 });
        const back = await call('admin', 'POST', `/api/outlets/${created.id}/band`, {
          year: 2026,
          lastYearRepairOrders: 10,
        });
        expect(back.statusCode).toBe(409);
        const far = await call('admin', 'POST', `/api/outlets/${created.id}/band`, {
          year: 2029,
          lastYearRepairOrders: 10,
        });
        expect(far.statusCode).toBe(400);
        const audit = await call('admin', 'GET', `/api/audit?entityId=${created.id}&pageSize=20`);
        const entry = (audit.json().items as { action: string; after: Record<string, unknown> }[]).find(
          (e) => e.action === 'set_band' && e.after.bandYear === 2026,
        );
        expect(entry?.after).toMatchObject({
          band: 3,
          lastYearRepairOrders: 999,
          policy: { key: 'net.band.thresholds', version: 1 },
        });
      }
    }
    expect(got).toEqual(['3000→200/1/2026', '2999→200/2/2026', '1000→200/2/2026', '999→200/3/2026']);
    const list = await call('admin', 'GET', '/api/outlets?band=3&pageSize=200');
    expect((list.json().items as { band: number }[]).every((o) => o.band === 3)).toBe(true);
  });

  it('SEC-1 regional managers edit only outlets in their regions; outlet staff cannot edit outlets', async () => {
    const gd = await outlet('out_demo0003');
    const bj = await outlet(BEIJING);
    const cases: [string, string, string, unknown, number][] = [
      ['regional', 'PATCH', `/api/outlets/${gd.id}`, { version: gd.version, address: '顺德大道8号' }, 200],
      ['regional', 'PATCH', `/api/outlets/${BEIJING}`, { version: bj.version, address: 'x' }, 404],
      ['regional', 'POST', `/api/outlets/${BEIJING}/band`, { year: 2026, lastYearRepairOrders: 1 }, 404],
      ['regional', 'POST', '/api/outlets', newOutlet({ regionCode: '110108' }), 403],
      ['regional', 'POST', '/api/outlets', newOutlet({ regionCode: '440305' }), 201],
      ['outlet', 'PATCH', `/api/outlets/${OUTLET_A}`, { version: 1, address: 'x' }, 403],
      ['dispatcher', 'GET', `/api/outlets/${OUTLET_B}`, undefined, 404],
      ['agent', 'POST', '/api/outlets', newOutlet(), 403],
    ];
    const mismatches: string[] = [];
    for (const [who, method, url, body, status] of cases) {
      const res = await call(who, method, url, body);
      if (res.statusCode !== status)
        mismatches.push(`${who} ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    expect(mismatches).toEqual([]);
    const move = await call('regional', 'PATCH', `/api/outlets/${gd.id}`, {
      version: gd.version + 1,
      regionCode: '110108',
    });
    expect(move.statusCode).toBe(403);
    const stale = await call('admin', 'PATCH', `/api/outlets/${gd.id}`, {
      version: gd.version,
      name: '新名称',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('MD-5 WO-13 engineers: skills per category, certificates, personal data masked, reveal audited', async () => {
    const created = await call('outlet', 'POST', '/api/engineers', {
      outletId: OUTLET_A,
      name: '钱师傅',
      phone: '13655556666',
      idNumber: '11010519491231002X',
      skills: [
        { categoryCode: 'air_conditioner', level: 3 },
        { categoryCode: 'washing_machine', level: 1 },
      ],
      certificates: [
        { name: '制冷设备维修工', number: 'ZL-001', issuedOn: '2024-01-01', expiresOn: '2028-01-01' },
      ],
      hiredOn: '2020-03-01',
    });
    expect(created.statusCode).toBe(201);
    const eng = created.json() as EngineerView;
    expect(eng).toMatchObject({
      code: expect.stringMatching(/^E\d{6}$/),
      outletId: OUTLET_A,
      nameMasked: '钱**',
      phoneMasked: '136****6666',
      active: true,
      skills: [
        { categoryCode: 'air_conditioner', level: 3 },
        { categoryCode: 'washing_machine', level: 1 },
      ],
      hiredOn: '2020-03-01',
    });
    expect(JSON.stringify(eng)).not.toMatch(/13655556666|钱师傅|110105/);

    const other = await call('admin', 'POST', '/api/engineers', {
      outletId: OUTLET_B,
      name: '孙师傅',
      skills: [{ categoryCode: 'television', level: 2 }],
    });
    expect(other.statusCode).toBe(201);
    const engB = other.json() as EngineerView;
    expect(Number(engB.code.slice(1))).toBe(Number(eng.code.slice(1)) + 1);

    const elsewhere = await call('outlet', 'POST', '/api/engineers', {
      outletId: OUTLET_B,
      name: '李师傅',
      skills: [],
    });
    expect(elsewhere.statusCode).toBe(404);
    const badId = await call('outlet', 'POST', '/api/engineers', {
      outletId: OUTLET_A,
      name: '李师傅',
      idNumber: '110105194912310021',
      skills: [{ categoryCode: 'nope', level: 1 }],
    });
    expect((badId.json().errors as { path: string }[]).map((e) => e.path)).toEqual([
      '/idNumber',
      '/skills/0/categoryCode',
    ]);

    const ac = await call('admin', 'GET', '/api/engineers?categoryCode=air_conditioner&active=true');
    expect((ac.json().items as EngineerView[]).map((e) => e.id)).toEqual([eng.id]);
    const tv = await call('admin', 'GET', '/api/engineers?categoryCode=television');
    expect((tv.json().items as EngineerView[]).map((e) => e.id)).toEqual([engB.id]);
    const mine = await call('dispatcher', 'GET', '/api/engineers?pageSize=200');
    expect((mine.json().items as EngineerView[]).map((e) => e.id)).toEqual([eng.id]);
    expect((await call('dispatcher', 'GET', `/api/engineers/${engB.id}`)).statusCode).toBe(404);
    expect((await call('dispatcher', 'GET', `/api/outlets/${OUTLET_B}/engineers`)).statusCode).toBe(404);
    const ofA = await call('regional', 'GET', `/api/outlets/${OUTLET_A}/engineers`);
    expect((ofA.json().items as EngineerView[]).map((e) => e.id)).toEqual([eng.id]);
    expect((await outlet(OUTLET_A)).engineerCount).toBe(1);

    const patched = await call('outlet', 'PATCH', `/api/engineers/${eng.id}`, {
      version: eng.version,
      active: false,
      certificates: [
        { id: eng.certificates[0]!.id, name: '制冷设备维修工', number: 'ZL-001', expiresOn: '2029-01-01' },
        { name: '高处作业证', number: 'GC-9' },
      ],
    });
    expect(patched.statusCode).toBe(200);
    const p = patched.json() as EngineerView;
    expect(p.active).toBe(false);
    expect(p.certificates.map((c) => [c.name, c.expiresOn])).toEqual(
      expect.arrayContaining([
        ['制冷设备维修工', '2029-01-01'],
        ['高处作业证', null],
      ]),
    );
    expect(p.certificates.find((c) => c.name === '制冷设备维修工')?.id).toBe(eng.certificates[0]!.id);
    const stale = await call('outlet', 'PATCH', `/api/engineers/${eng.id}`, {
      version: eng.version,
      active: true,
    });
    expect(stale.statusCode).toBe(409);
    const inactive = await call('admin', 'GET', '/api/engineers?categoryCode=air_conditioner&active=true');
    expect(inactive.json().items).toEqual([]);

    expect((await call('engineer', 'POST', `/api/engineers/${eng.id}/reveal`)).statusCode).toBe(403);
    const revealed = await call('dispatcher', 'POST', `/api/engineers/${eng.id}/reveal`);
    expect(revealed.json()).toEqual({
      name: '钱师傅',
      phone: '+8613655556666',
      idNumber: '11010519491231002X',
    });
    const audit = await call('admin', 'GET', `/api/audit?entityId=${eng.id}&pageSize=20`);
    const actions = (audit.json().items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'reveal_personal_data']));
    expect(JSON.stringify(audit.json())).not.toMatch(/13655556666|钱师傅|110105/);
  });

  it('SEC-1 exports the outlet and engineer lists as xlsx, filtered to the caller’s scope', async () => {
    const res = await call('regional', 'GET', '/api/outlets/export.xlsx?lang=zh-CN');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('网点编码');
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain('GZ-TH-001');
    expect(codes).not.toContain('BJ-HD-001');
    const engineers = await call('outlet', 'GET', '/api/engineers/export.xlsx?lang=en-US');
    expect(engineers.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(engineers.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb2.worksheets[0]!.getSheetValues());
    expect(text).toContain('Air conditioner/3');
    expect(text).not.toMatch(/13655556666|钱师傅|孙/);
  });
});
