import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';

const csv = (rows: string[][]) =>
  Buffer.from(
    `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`,
    'utf8',
  );

interface Report {
  rows: number;
  valid: number;
  invalid: number;
  applied: boolean;
  errors: { row: number; column: string | null; reason: string }[];
}

describe('importing outlets, engineers and customers (MD-1, NET-1, NET-2, NET-3)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  const upload = async (entity: string, body: Buffer, dryRun: boolean): Promise<Report> => {
    const r = await h.request({
      method: 'POST',
      url: `/api/imports/${entity}?dryRun=${dryRun}`,
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Report;
  };
  const count = async (table: string) =>
    Number((await h.testDb.database.executeSql(`select count(*) as n from ${table}`, [])).rows[0]?.n);

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  const outletHeader = [
    '网点编码',
    '网点名称',
    '网点类型',
    '上级网点编码',
    '所在区县编码',
    '状态',
    '营业执照号',
    '具备家电维修资质',
    '有配件库',
    '技术人员数',
    '接受管理',
    '有服务管理系统',
    '覆盖区县',
    '服务品类',
  ];
  const qualified = ['91440106MA5TEST01', '是', '是', '5', '是', '是'];

  it('NET-1 NET-2 NET-3 outlets import with parents from earlier rows, coverage and categories; bad rows are reported per cell', async () => {
    const broken = csv([
      outletHeader,
      [
        'IMP-GZ-1',
        '广州导入一级网点',
        '一级网点',
        '',
        '440106',
        '正常',
        ...qualified,
        '440104; 440105:备用',
        '空调:安装|维修; 冰箱:维修',
      ],
      [
        'IMP-GZ-2',
        '广州导入二级网点',
        '二级网点',
        'IMP-GZ-1',
        '440104',
        '申请中',
        ...qualified,
        '',
        '空调:维修',
      ],
      ['IMP-GZ-3', '坏网点', '超级网点', '', '440106', '', ...qualified, '', ''],
      ['IMP-GZ-4', '坏覆盖', '一级网点', '', '4401', '', ...qualified, '44010X', '电饭煲:维修'],
      [
        'IMP-GZ-5',
        '资质不全却要正常',
        '一级网点',
        '',
        '440106',
        '正常',
        '',
        '否',
        '否',
        '0',
        '是',
        '否',
        '',
        '',
      ],
    ]);
    const before = await count('outlets');
    const dry = await upload('outlets', broken, true);
    expect(dry).toMatchObject({ rows: 5, valid: 2, invalid: 3, applied: false });
    expect(dry.errors.map((e) => [e.row, e.column?.split(' ')[0]])).toEqual(
      expect.arrayContaining([
        [4, '网点类型'],
        [5, '所在区县编码'],
        [6, expect.any(String)],
      ]),
    );
    expect(await count('outlets')).toBe(before);

    const good = csv([
      outletHeader,
      ...[broken.toString('utf8').split('\n')[1], broken.toString('utf8').split('\n')[2]].map((l) =>
        l!.split(','),
      ),
    ]);
    const applied = await upload('outlets', good, false);
    expect(applied).toMatchObject({ rows: 2, applied: true });
    const { rows } = await h.testDb.database.executeSql(
      `select o.code, o.status, p.code as parent, (select count(*) from outlet_regions r where r.outlet_id = o.id) as regions,
              (select count(*) from outlet_services s where s.outlet_id = o.id) as services
       from outlets o left join outlets p on p.id = o.parent_id where o.code like 'IMP-GZ-%' order by o.code`,
      [],
    );
    expect(rows).toEqual([
      { code: 'IMP-GZ-1', status: 'active', parent: null, regions: 3, services: 3 },
      { code: 'IMP-GZ-2', status: 'applying', parent: 'IMP-GZ-1', regions: 1, services: 1 },
    ]);
  });

  it('MD-5 engineers import into existing outlets; unknown outlets and skills are reported; phones are stored encrypted', async () => {
    const header = ['网点编码', '姓名', '手机', '技能(品类:等级)', '入职日期'];
    const dry = await upload(
      'engineers',
      csv([
        header,
        ['IMP-GZ-1', '导入工程师甲', '13912340001', '空调:3; 冰箱:2', '2023-03-01'],
        ['NOPE-1', '乙', '13912340002', '空调', ''],
        ['IMP-GZ-1', '丙', '123', '微波炉:1', '2023-02-30'],
      ]),
      true,
    );
    expect(dry).toMatchObject({ valid: 1, invalid: 2 });
    expect(dry.errors.find((e) => e.row === 3)?.column).toContain('outletCode');
    const ok = await upload(
      'engineers',
      csv([header, ['IMP-GZ-1', '导入工程师甲', '13912340001', '空调:3; 冰箱:2', '2023-03-01']]),
      false,
    );
    expect(ok.applied).toBe(true);
    const { rows } = await h.testDb.database.executeSql(
      `select e.* from engineers e join outlets o on o.id = e.outlet_id where o.code = 'IMP-GZ-1'`,
      [],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('13912340001');
  });

  it('MD-1 MD-4 customers import with phones, address and a unit of an existing model, all or nothing', async () => {
    await h.request({
      method: 'POST',
      url: '/api/models',
      headers: admin,
      payload: {
        code: 'KFR-IMP-C1',
        name: '导入测试空调',
        categoryCode: 'air_conditioner',
        warrantyMonths: 72,
        keyPartsWarrantyMonths: 120,
        keyParts: ['压缩机'],
      },
    });
    const header = ['姓名', '电话', '区县编码', '详细地址', '机身序列号', '型号编码', '购买日期', '销售渠道'];
    const before = await count('customers');
    const mixed = csv([
      header,
      [
        '王导入',
        '13612345001; 020-38881234',
        '440106',
        '天河北路 1 号 1 栋 101',
        'SNIMP0001',
        'KFR-IMP-C1',
        '2024-06-18',
        '商场',
      ],
      ['李导入', '1361234', '440106', '天河北路 2 号', '', '', '', ''],
      ['赵导入', '13612345003', '999999', '无此区', '', '', '', ''],
      ['钱导入', '13612345004', '440106', '天河北路 4 号', 'SNIMP0004', 'NO-SUCH-MODEL', '2024-06-18', ''],
    ]);
    const all = await upload('customers', mixed, false);
    expect(all).toMatchObject({ rows: 4, valid: 1, invalid: 3, applied: false });
    expect(all.errors.map((e) => e.row).sort()).toEqual([3, 4, 5]);
    expect(await count('customers')).toBe(before);

    const clean = csv([
      header,
      [
        '王导入',
        '13612345001; 020-38881234',
        '440106',
        '天河北路 1 号 1 栋 101',
        'SNIMP0001',
        'KFR-IMP-C1',
        '2024-06-18',
        '商场',
      ],
    ]);
    expect(await upload('customers', clean, false)).toMatchObject({ applied: true });
    const look = await h.request({
      method: 'GET',
      url: '/api/customers/lookup?phone=02038881234',
      headers: admin,
    });
    const match = look.json().matches[0];
    expect(match.units).toHaveLength(1);
    expect(match.units[0]).toMatchObject({
      serialNumber: 'SNIMP0001',
      modelCode: 'KFR-IMP-C1',
      salesChannel: 'mall',
    });
  });
});
