import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import type { CustomerDetail } from '../customer-view.ts';
import type { UnitView } from '../unit-view.ts';
import { guangzhouCustomer, insertDealer, insertModel } from './fixtures.ts';

type Headers = Record<string, string>;

describe('customers and units (MD-1, MD-3, MD-4, MD-5, SEC-1)', () => {
  let h: Harness;
  let as: Record<string, Headers>;
  let modelId: string;
  let dealerId: string;
  let zhang: CustomerDetail;
  let beijing: CustomerDetail;

  const call = (who: string, method: string, url: string, payload?: unknown) =>
    h.request({
      method: method as 'GET',
      url,
      headers: as[who]!,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    h = await createHarness();
    as = {};
    for (const u of ['admin', 'agent', 'regional', 'dispatcher', 'engineer', 'outlet', 'dealer', 'parts']) {
      as[u] = await h.login(u);
    }
    modelId = (await insertModel(h, { code: 'KFR-35GW/A1' })).id;
    dealerId = await insertDealer(h);
  });
  afterAll(() => h.close());

  it('MD-1 MD-5 registers a customer: 201, masked detail, one primary phone and one default address', async () => {
    const res = await call('agent', 'POST', '/api/customers', guangzhouCustomer());
    expect(res.statusCode).toBe(201);
    zhang = res.json() as CustomerDetail;
    expect(zhang.code).toMatch(/^C20261123\d{6}$/);
    expect(zhang.nameMasked).toBe('张*');
    expect(zhang.phones.map((p) => [p.masked, p.isPrimary])).toEqual([
      ['138****5678', true],
      ['020****1234', false],
    ]);
    expect(zhang.addresses).toHaveLength(1);
    expect(zhang.addresses[0]).toMatchObject({
      regionCode: '440106',
      regionPath: '广东省 / 广州市 / 天河区',
      detailMasked: '天河路*******',
      isDefault: true,
    });
    expect(zhang.units).toEqual([]);
    expect(zhang.orders).toEqual([]);
    expect(JSON.stringify(zhang)).not.toMatch(/12345678|张三|385/);

    const second = await call('agent', 'POST', '/api/customers', {
      ...guangzhouCustomer('13900001111'),
      name: '李四',
      phones: [{ number: '13900001111', label: 'mobile' }],
    });
    expect(second.statusCode).toBe(201);
    expect(Number(second.json().code.slice(-6))).toBe(Number(zhang.code.slice(-6)) + 1);
  });

  it('MD-5 a phone already held by another customer answers 409 with that customer’s id, however it is typed', async () => {
    for (const typed of ['138 1234 5678', '+86 138-1234-5678']) {
      const res = await call('agent', 'POST', '/api/customers', {
        name: '张三丰',
        phones: [{ number: typed, label: 'mobile' }],
        addresses: [{ regionCode: '440104', detail: '北京路1号' }],
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'ALREADY_EXISTS',
        customerId: zhang.id,
        customerCode: zhang.code,
      });
      expect(res.json().errors[0].path).toBe('/phones/0/number');
      expect(res.body).not.toContain('5678');
    }
  });

  it('MD-1 a retried registration with the same Idempotency-Key replays the first answer, not a 409', async () => {
    const body = {
      name: '周九',
      phones: [{ number: '13766667777', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '天河路9号' }],
    };
    const headers = { ...as.agent!, 'idempotency-key': 'intake-call-42' };
    const first = await h.request({ method: 'POST', url: '/api/customers', headers, payload: body });
    const retry = await h.request({ method: 'POST', url: '/api/customers', headers, payload: body });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
  });

  it('MD-1 refuses what it cannot use, with field paths a person can act on', async () => {
    const res = await call('agent', 'POST', '/api/customers', {
      name: ' ',
      phones: [
        { number: '12345', label: 'mobile' },
        { number: '13700001111', label: 'mobile', isPrimary: true },
        { number: '137 0000 1111', label: 'home', isPrimary: true },
      ],
      addresses: [{ regionCode: '440100', detail: '某路', lat: 23 }],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        '/addresses/0/lng',
        '/addresses/0/regionCode',
        '/name',
        '/phones',
        '/phones/0/number',
        '/phones/2/number',
      ].sort(),
    );
  });

  it('MD-3 registers units: serial normalised, warranty computed from purchase date, model terms and 三包 windows', async () => {
    const old = await call('agent', 'POST', '/api/units', {
      serialNumber: ' kfr-35gw-0001 ',
      modelId,
      customerId: zhang.id,
      addressId: zhang.addresses[0]!.id,
      purchaseDate: '2025-11-01',
      salesChannel: 'dealer',
      dealerId,
    });
    expect(old.statusCode).toBe(201);
    const u1 = old.json() as UnitView;
    expect(u1).toMatchObject({
      serialNumber: 'KFR-35GW-0001',
      modelCode: 'KFR-35GW/A1',
      categoryCode: 'air_conditioner',
      dealerName: '广州百佳电器',
      registeredAt: '2026-11-23T02:00:00.000Z',
      version: 1,
    });
    expect(u1.warranty).toMatchObject({
      status: 'key_parts_only',
      wholeUnitUntil: '2026-11-01',
      keyPartsUntil: '2028-11-01',
      returnWindowUntil: '2025-11-08',
      exchangeWindowUntil: '2025-11-16',
      policyVersion: 1,
    });
    expect(u1.warranty.explanation['zh-CN']).toContain('仅主要部件');

    h.clock.advance(3_600_000);
    const fresh = await call('agent', 'POST', '/api/units', {
      serialNumber: 'WM-2026-77',
      modelId,
      customerId: zhang.id,
      purchaseDate: '2026-11-20',
      installDate: '2026-11-21',
      salesChannel: 'e_commerce',
    });
    expect(fresh.statusCode).toBe(201);
    expect((fresh.json() as UnitView).warranty).toMatchObject({
      status: 'in_warranty',
      returnWindowUntil: '2026-11-27',
    });

    const bad: [Record<string, unknown>, string, number][] = [
      [{ serialNumber: 'KFR-35GW-0001' }, '/serialNumber', 409],
      [{ serialNumber: 'AB 12' }, '/serialNumber', 400],
      [{ purchaseDate: '2026-12-01' }, '/purchaseDate', 400],
      [{ purchaseDate: '2026-02-30' }, '/purchaseDate', 400],
      [{ installDate: '2026-01-01', purchaseDate: '2026-02-01' }, '/installDate', 400],
      [{ modelId: 'mdl_missing' }, '/modelId', 400],
      [{ customerId: 'cus_missing' }, '/customerId', 400],
      [{ addressId: 'cad_other' }, '/addressId', 400],
    ];
    const mismatches: string[] = [];
    for (const [override, path, status] of bad) {
      const res = await call('agent', 'POST', '/api/units', {
        serialNumber: `SN-${Math.random().toString(36).slice(2, 8)}`,
        modelId,
        customerId: zhang.id,
        purchaseDate: '2026-01-01',
        salesChannel: 'mall',
        ...override,
      });
      const paths = (res.json().errors as { path: string }[] | undefined)?.map((e) => e.path) ?? [];
      if (res.statusCode !== status || !paths.includes(path)) {
        mismatches.push(`${JSON.stringify(override)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('MD-4 phone look-up returns every match with all units, their registration dates, and an orders list', async () => {
    const res = await call('agent', 'GET', '/api/customers/lookup?phone=138%201234%205678');
    expect(res.statusCode).toBe(200);
    const { matches } = res.json() as { matches: CustomerDetail[] };
    expect(matches.map((m) => m.id)).toEqual([zhang.id]);
    const m = matches[0]!;
    expect(m.units.map((u) => [u.serialNumber, u.registeredAt, u.warranty.status])).toEqual([
      ['KFR-35GW-0001', '2026-11-23T02:00:00.000Z', 'key_parts_only'],
      ['WM-2026-77', '2026-11-23T03:00:00.000Z', 'in_warranty'],
    ]);
    expect(m.orders).toEqual([]);
    const landline = await call('agent', 'GET', '/api/customers/lookup?phone=020-3888-1234');
    expect((landline.json().matches as CustomerDetail[]).map((x) => x.id)).toEqual([zhang.id]);
    const none = await call('agent', 'GET', '/api/customers/lookup?phone=13812345679');
    expect(none.json()).toEqual({ matches: [] });
    const invalid = await call('agent', 'GET', '/api/customers/lookup?phone=12');
    expect(invalid.statusCode).toBe(400);

    const list = await call('agent', 'GET', '/api/customers?phone=%2B8613812345678');
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: zhang.id,
        nameMasked: '张*',
        primaryPhoneMasked: '138****5678',
        regionPath: '广东省 / 广州市 / 天河区',
        unitCount: 2,
        tags: ['VIP'],
      }),
    ]);
    const byTag = await call('agent', 'GET', '/api/customers?tag=VIP&regionCode=440100');
    expect((byTag.json().items as { id: string }[]).map((c) => c.id)).toContain(zhang.id);
    const units = await call('agent', 'GET', `/api/units?customerId=${zhang.id}&serial=kfr`);
    expect((units.json().items as UnitView[]).map((u) => u.serialNumber)).toEqual(['KFR-35GW-0001']);
  });

  it('MD-5 revealing the full record is audited with who and what, never the values', async () => {
    const res = await call('agent', 'POST', `/api/customers/${zhang.id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张三',
      phones: [
        { id: zhang.phones[0]!.id, number: '+8613812345678' },
        { id: zhang.phones[1]!.id, number: '+862038881234' },
      ],
      addresses: [{ id: zhang.addresses[0]!.id, detail: '天河路385号太古汇2座1201' }],
    });
    const audit = await call('admin', 'GET', `/api/audit?entityId=${zhang.id}&pageSize=50`);
    const reveal = (audit.json().items as { action: string; actorRole: string; after: unknown }[]).find(
      (a) => a.action === 'reveal_personal_data',
    );
    expect(reveal).toMatchObject({ actorRole: 'agent', after: { fields: ['name', 'phones', 'addresses'] } });
    expect(JSON.stringify(audit.json())).not.toMatch(/12345678|38881234|张三|385号/);
    expect((await call('parts', 'POST', `/api/customers/${zhang.id}/reveal`)).statusCode).toBe(403);
  });

  it('SEC-1 regional managers see customers with an address in their regions; others look missing', async () => {
    const res = await call('agent', 'POST', '/api/customers', {
      name: '王五',
      phones: [{ number: '13511112222', label: 'mobile' }],
      addresses: [{ regionCode: '110108', detail: '中关村大街1号' }],
    });
    expect(res.statusCode).toBe(201);
    beijing = res.json() as CustomerDetail;
    const unit = await call('agent', 'POST', '/api/units', {
      serialNumber: 'BJ-0001',
      modelId,
      customerId: beijing.id,
      purchaseDate: '2026-06-01',
      salesChannel: 'mall',
    });
    expect(unit.statusCode).toBe(201);
    const bjUnit = unit.json() as UnitView;

    expect((await call('regional', 'GET', `/api/customers/${zhang.id}`)).statusCode).toBe(200);
    const expectations: [string, string, string, number][] = [
      ['regional', 'GET', `/api/customers/${beijing.id}`, 404],
      ['regional', 'GET', `/api/units/${bjUnit.id}`, 404],
      ['regional', 'POST', `/api/customers/${beijing.id}/reveal`, 403],
      ['dispatcher', 'GET', `/api/customers/${zhang.id}`, 404],
      ['dispatcher', 'POST', `/api/customers/${zhang.id}/reveal`, 404],
      ['engineer', 'GET', `/api/units/${bjUnit.id}`, 404],
      ['dealer', 'GET', '/api/customers', 403],
      ['parts', 'GET', `/api/customers/${zhang.id}`, 403],
      ['admin', 'GET', `/api/customers/${beijing.id}`, 200],
    ];
    const mismatches: string[] = [];
    for (const [who, method, url, status] of expectations) {
      const r = await call(who, method, url);
      if (r.statusCode !== status) mismatches.push(`${who} ${method} ${url}: ${r.statusCode}`);
    }
    expect(mismatches).toEqual([]);
    const list = await call('regional', 'GET', '/api/customers?pageSize=200');
    const ids = (list.json().items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(zhang.id);
    expect(ids).not.toContain(beijing.id);
    const lookup = await call('regional', 'GET', '/api/customers/lookup?phone=13511112222');
    expect(lookup.json()).toEqual({ matches: [] });
  });

  it('SEC-1 outlet staff see customers with an address in a district their outlet covers', async () => {
    const before = await call('dispatcher', 'GET', '/api/customers');
    expect(before.json().total).toBe(0);
    const outlet = await call('admin', 'GET', `/api/outlets/${OUTLET_A}`);
    const cover = await call('admin', 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
      version: outlet.json().version,
      regions: [{ regionCode: '440106', role: 'primary' }],
      services: [{ categoryCode: 'air_conditioner', serviceType: 'repair' }],
    });
    expect(cover.statusCode).toBe(200);
    for (const who of ['dispatcher', 'engineer', 'outlet']) {
      expect((await call(who, 'GET', `/api/customers/${zhang.id}`)).statusCode).toBe(200);
      expect((await call(who, 'GET', `/api/customers/${beijing.id}`)).statusCode).toBe(404);
    }
    const list = await call('dispatcher', 'GET', '/api/customers?pageSize=200');
    const ids = (list.json().items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(zhang.id);
    expect(ids).not.toContain(beijing.id);
    const units = await call('engineer', 'GET', '/api/units?pageSize=200');
    expect((units.json().items as UnitView[]).every((u) => u.customerId !== beijing.id)).toBe(true);
    expect((units.json().items as UnitView[]).length).toBe(2);

    const outside = await call('dispatcher', 'POST', '/api/customers', {
      name: '赵六',
      phones: [{ number: '13522223333', label: 'mobile' }],
      addresses: [{ regionCode: '110108', detail: '海淀路2号' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('/addresses');
    const bjPhone = await call('dispatcher', 'POST', '/api/customers', {
      name: '王五',
      phones: [{ number: '13511112222', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '体育西路1号' }],
    });
    expect(bjPhone.statusCode).toBe(409);
    expect(bjPhone.json().customerId).toBeUndefined();
  });

  it('MD-4 phones and addresses: each change bumps the version, stale versions answer 409', async () => {
    const current = (await call('agent', 'GET', `/api/customers/${zhang.id}`)).json() as CustomerDetail;
    const stale = await call('agent', 'PATCH', `/api/customers/${zhang.id}`, {
      version: current.version - 1 || 999,
      note: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const added = await call('agent', 'POST', `/api/customers/${zhang.id}/phones`, {
      version: current.version,
      number: '13912340000',
      label: 'work',
      isPrimary: true,
    });
    expect(added.statusCode).toBe(201);
    const afterAdd = added.json() as CustomerDetail;
    expect(afterAdd.version).toBe(current.version + 1);
    expect(afterAdd.phones.filter((p) => p.isPrimary).map((p) => p.masked)).toEqual(['139****0000']);
    const again = await call('agent', 'POST', `/api/customers/${zhang.id}/phones`, {
      version: current.version,
      number: '13912340001',
      label: 'work',
    });
    expect(again.statusCode).toBe(409);

    const newPrimary = afterAdd.phones.find((p) => p.isPrimary)!;
    const removed = await call(
      'agent',
      'DELETE',
      `/api/customers/${zhang.id}/phones/${newPrimary.id}?version=${afterAdd.version}`,
    );
    expect(removed.statusCode).toBe(204);
    const afterRemove = (await call('agent', 'GET', `/api/customers/${zhang.id}`)).json() as CustomerDetail;
    expect(afterRemove.version).toBe(afterAdd.version + 1);
    expect(afterRemove.phones.filter((p) => p.isPrimary)).toHaveLength(1);

    const addr = await call('agent', 'POST', `/api/customers/${zhang.id}/addresses`, {
      version: afterRemove.version,
      regionCode: '440104',
      detail: '北京路2号',
    });
    expect(addr.statusCode).toBe(201);
    const withAddr = addr.json() as CustomerDetail;
    expect(withAddr.addresses.map((a) => a.isDefault)).toEqual([true, false]);
    const busy = await call(
      'agent',
      'DELETE',
      `/api/customers/${zhang.id}/addresses/${zhang.addresses[0]!.id}?version=${withAddr.version}`,
    );
    expect(busy.statusCode).toBe(409);
    expect(busy.json().unitCount).toBe(1);
    const spare = withAddr.addresses[1]!;
    const ok = await call(
      'agent',
      'DELETE',
      `/api/customers/${zhang.id}/addresses/${spare.id}?version=${withAddr.version}`,
    );
    expect(ok.statusCode).toBe(204);
  });

  it('MD-4 merges a duplicate: phones, addresses and units move, the duplicate points to the survivor', async () => {
    const dup = await call('agent', 'POST', '/api/customers', {
      name: '张三',
      phones: [{ number: '13612345678', label: 'mobile' }],
      addresses: [{ regionCode: '440105', detail: '江南大道3号' }],
      tags: ['repeat_complaint'],
    });
    expect(dup.statusCode).toBe(201);
    const duplicate = dup.json() as CustomerDetail;
    const unit = await call('agent', 'POST', '/api/units', {
      serialNumber: 'DUP-0001',
      modelId,
      customerId: duplicate.id,
      purchaseDate: '2024-05-05',
      salesChannel: 'mall',
    });
    expect(unit.statusCode).toBe(201);
    const target = (await call('admin', 'GET', `/api/customers/${zhang.id}`)).json() as CustomerDetail;

    expect(
      (
        await call('agent', 'POST', `/api/customers/${zhang.id}/merge`, {
          sourceId: duplicate.id,
          version: target.version,
        })
      ).statusCode,
    ).toBe(403);
    const stale = await call('admin', 'POST', `/api/customers/${zhang.id}/merge`, {
      sourceId: duplicate.id,
      version: target.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const self = await call('admin', 'POST', `/api/customers/${zhang.id}/merge`, {
      sourceId: zhang.id,
      version: target.version,
    });
    expect(self.statusCode).toBe(400);

    const merged = await call('admin', 'POST', `/api/customers/${zhang.id}/merge`, {
      sourceId: duplicate.id,
      version: target.version,
    });
    expect(merged.statusCode).toBe(200);
    const survivor = merged.json() as CustomerDetail;
    expect(survivor.version).toBe(target.version + 1);
    expect(survivor.phones.map((p) => p.masked)).toEqual(
      expect.arrayContaining(['138****5678', '136****5678']),
    );
    expect(survivor.phones.filter((p) => p.isPrimary)).toHaveLength(1);
    expect(survivor.addresses.map((a) => a.regionCode).sort()).toEqual(['440105', '440106']);
    expect(survivor.addresses.filter((a) => a.isDefault)).toHaveLength(1);
    expect(survivor.units.map((u) => u.serialNumber).sort()).toEqual([
      'DUP-0001',
      'KFR-35GW-0001',
      'WM-2026-77',
    ]);
    expect(survivor.tags.sort()).toEqual(['VIP', 'repeat_complaint']);

    const source = (await call('admin', 'GET', `/api/customers/${duplicate.id}`)).json() as CustomerDetail;
    expect(source).toMatchObject({ mergedIntoId: zhang.id, phones: [], addresses: [], units: [] });
    const edit = await call('admin', 'PATCH', `/api/customers/${duplicate.id}`, {
      version: source.version,
      note: 'x',
    });
    expect(edit.statusCode).toBe(409);
    const twice = await call('admin', 'POST', `/api/customers/${zhang.id}/merge`, {
      sourceId: duplicate.id,
      version: survivor.version,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CONFLICT');

    const lookup = await call('agent', 'GET', '/api/customers/lookup?phone=13612345678');
    expect((lookup.json().matches as CustomerDetail[]).map((m) => m.id)).toEqual([zhang.id]);
    const list = await call('agent', 'GET', '/api/customers?pageSize=200');
    expect((list.json().items as { id: string }[]).map((c) => c.id)).not.toContain(duplicate.id);
    const audit = await call('admin', 'GET', `/api/audit?entityId=${zhang.id}&pageSize=50`);
    const entry = (audit.json().items as { action: string; after: { merged?: unknown } }[]).find(
      (a) => a.action === 'merge',
    );
    expect(entry?.after.merged).toMatchObject({ sourceId: duplicate.id, movedUnits: 1, movedPhones: 1 });
  });

  it('MD-4 exports the customer list as xlsx with the filters applied and personal data masked', async () => {
    const res = await call('agent', 'GET', '/api/customers/export.xlsx?lang=en-US&regionCode=440000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Customer no.',
      'Name',
      'Primary phone',
      'Region',
      'Units',
      'Tags',
      'Created',
    ]);
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toContain(zhang.code);
    expect(codes).not.toContain(beijing.code);
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toMatch(/13812345678|张三|385号/);
    const units = await call('agent', 'GET', `/api/units/export.xlsx?customerId=${zhang.id}`);
    expect(units.statusCode).toBe(200);
  });
});
