import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { readXlsx } from './xlsx-helpers.ts';

interface Model {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: string[];
  dealerPriceFen: number | null;
  active: boolean;
  version: number;
}

const airCon = {
  code: 'KFR-35GW/BP3DN8Y-PH200(B1)',
  name: '变频挂壁式空调 1.5 匹',
  categoryCode: 'air_conditioner',
  warrantyMonths: 72,
  keyPartsWarrantyMonths: 120,
  keyParts: ['压缩机', ' 压缩机', '电脑板'],
  dealerPriceFen: 259_900,
};

describe('product archive (MD-1, MD-2, MD-3)', () => {
  let h: Harness;
  let parts: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    parts = await h.login('parts');
  });
  afterAll(() => h.close());

  const create = (payload: object, headers = parts) =>
    h.request({ method: 'POST', url: '/api/models', headers, payload });

  it('MD-2 lists the product lines and the categories of each line', async () => {
    const engineer = await h.login('engineer');
    const lines = (await h.request({ method: 'GET', url: '/api/product-lines', headers: engineer })).json();
    expect(lines).toEqual([
      { code: 'appliance', nameZh: '家电', nameEn: 'Home appliances' },
      { code: 'door_window', nameZh: '门窗', nameEn: 'Doors and windows' },
    ]);
    const all = (
      await h.request({ method: 'GET', url: '/api/product-categories', headers: engineer })
    ).json() as {
      code: string;
      lineCode: string;
    }[];
    expect(all.map((c) => c.code)).toEqual([
      'air_conditioner',
      'washing_machine',
      'dishwasher',
      'water_heater',
      'refrigerator',
      'television',
      'door',
      'protective_window',
      'home_product',
      'colour_pipe',
      'material',
      'fixture_tool',
    ]);
    const doors = (
      await h.request({
        method: 'GET',
        url: '/api/product-categories?lineCode=door_window',
        headers: engineer,
      })
    ).json() as { lineCode: string }[];
    expect(doors).toHaveLength(6);
    expect(doors.every((c) => c.lineCode === 'door_window')).toBe(true);
  });

  it('MD-1, MD-3 creates a model with its warranty terms and reads it back', async () => {
    const res = await create(airCon);
    expect(res.statusCode).toBe(201);
    const model = res.json() as Model;
    expect(model).toEqual({
      id: expect.stringMatching(/^mdl_/),
      code: 'KFR-35GW/BP3DN8Y-PH200(B1)',
      name: '变频挂壁式空调 1.5 匹',
      categoryCode: 'air_conditioner',
      warrantyMonths: 72,
      keyPartsWarrantyMonths: 120,
      keyParts: ['压缩机', '电脑板'],
      dealerPriceFen: 259_900,
      active: true,
      version: 1,
    });
    const read = await h.request({
      method: 'GET',
      url: `/api/models/${model.id}`,
      headers: await h.login('agent'),
    });
    expect(read.json()).toEqual(model);
    const { rows } = await h.testDb.database.executeSql(
      `select action, after from audit_log where entity = 'product_model' and entity_id = $1`,
      [model.id],
    );
    expect(rows).toEqual([
      { action: 'create', after: expect.objectContaining({ code: airCon.code, version: 1 }) },
    ]);
  });

  it('MD-1 a model code is unique, without regard to case: 409 ALREADY_EXISTS naming the field', async () => {
    const res = await create({ ...airCon, code: 'kfr-35gw/bp3dn8y-ph200(b1)', name: '另一个' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'ALREADY_EXISTS',
      errors: [{ path: '/code', message: expect.stringContaining('already used') }],
    });
  });

  it('MD-3 refuses warranty terms out of 0–240 months, a shorter key-part warranty and unknown categories', async () => {
    const cases: [object, string][] = [
      [{ ...airCon, code: 'W1', warrantyMonths: 241 }, '/warrantyMonths'],
      [{ ...airCon, code: 'W2', keyPartsWarrantyMonths: -1 }, '/keyPartsWarrantyMonths'],
      [{ ...airCon, code: 'W3', warrantyMonths: 36, keyPartsWarrantyMonths: 12 }, '/keyPartsWarrantyMonths'],
      [{ ...airCon, code: 'W4', keyParts: [] }, '/keyParts'],
      [{ ...airCon, code: 'W5', categoryCode: 'spaceship' }, '/categoryCode'],
      [{ ...airCon, code: '-bad code!' }, '/code'],
      [{ ...airCon, code: 'W6', name: '   ' }, '/name'],
      [{ ...airCon, code: 'W7', dealerPriceFen: -1 }, '/dealerPriceFen'],
    ];
    const wrong: string[] = [];
    for (const [payload, path] of cases) {
      const res = await create(payload);
      const paths = ((res.json().errors ?? []) as { path: string }[]).map((e) => e.path);
      if (res.statusCode !== 400 || !paths.includes(path))
        wrong.push(`${path}: ${res.statusCode} ${res.body}`);
    }
    expect(wrong).toEqual([]);
    const { rows } = await h.testDb.database.executeSql(`select count(*) as n from product_models`, []);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('MD-3 changes warranty terms with the version read; stale versions get 409; the merged record is checked', async () => {
    const washer = (
      await create({
        code: 'XQG100-14586',
        name: '滚筒洗衣机 10kg',
        categoryCode: 'washing_machine',
        warrantyMonths: 36,
        keyPartsWarrantyMonths: 120,
        keyParts: ['电机'],
      })
    ).json() as Model;
    expect(washer.dealerPriceFen).toBeNull();
    const patch = (payload: object) =>
      h.request({ method: 'PATCH', url: `/api/models/${washer.id}`, headers: parts, payload });
    const ok = await patch({ version: 1, warrantyMonths: 24, dealerPriceFen: 199_900, active: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      warrantyMonths: 24,
      dealerPriceFen: 199_900,
      active: false,
      version: 2,
    });
    const stale = await patch({ version: 1, name: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const shorter = await patch({ version: 2, keyPartsWarrantyMonths: 12 });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json().errors).toEqual([{ path: '/keyPartsWarrantyMonths', message: expect.any(String) }]);
    const taken = await patch({ version: 2, code: airCon.code });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('/code');
    const missing = await h.request({
      method: 'PATCH',
      url: '/api/models/mdl_0000000000zzzzzzzzzz',
      headers: parts,
      payload: { version: 1, name: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('MD-1 lists models by search, category and active flag', async () => {
    const agent = await h.login('agent');
    const list = async (query: string) =>
      (await h.request({ method: 'GET', url: `/api/models?${query}`, headers: agent })).json() as {
        items: Model[];
        total: number;
      };
    expect((await list('')).total).toBe(2);
    expect((await list('q=kfr')).items.map((m) => m.code)).toEqual([airCon.code]);
    expect((await list('q=滚筒')).items.map((m) => m.code)).toEqual(['XQG100-14586']);
    expect((await list('categoryCode=washing_machine')).total).toBe(1);
    expect((await list('active=true')).items.map((m) => m.code)).toEqual([airCon.code]);
    expect((await list('active=false')).items.map((m) => m.code)).toEqual(['XQG100-14586']);
    expect((await list('pageSize=1&page=2')).items).toHaveLength(1);
  });

  it('MD-1 only HQ and the parts manager change the archive; everyone reads it', async () => {
    const wrong: string[] = [];
    for (const role of ['admin', 'center', 'parts', 'agent', 'regional', 'outlet', 'engineer', 'dealer']) {
      const headers = await h.login(role);
      const read = await h.request({ method: 'GET', url: '/api/models', headers });
      const write = await create({ ...airCon, code: `ROLE-${role}` }, headers);
      const mayWrite = ['admin', 'center', 'parts'].includes(role);
      if (read.statusCode !== 200) wrong.push(`${role} read ${read.statusCode}`);
      if (write.statusCode !== (mayWrite ? 201 : 403)) wrong.push(`${role} write ${write.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('MD-1 the export holds the filtered models with the category name', async () => {
    const res = await h.request({
      method: 'GET',
      url: '/api/models/export.xlsx?categoryCode=air_conditioner',
      headers: await h.login('agent'),
    });
    expect(res.statusCode).toBe(200);
    const { header, rows } = await readXlsx(res);
    expect(header).toEqual([
      '型号代码',
      '型号名称',
      '品类',
      '整机保修（月）',
      '主要部件保修（月）',
      '主要部件',
      '经销商结算价',
      '启用',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r[0] === airCon.code)).toEqual([
      airCon.code,
      airCon.name,
      '空调',
      72,
      120,
      '压缩机、电脑板',
      2599,
      '是',
    ]);
  });
});
