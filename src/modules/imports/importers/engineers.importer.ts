import { AppError } from '../../../platform/errors.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { Importer } from '../../../platform/files/import-runner.ts';
import { splitList } from '../../../platform/files/import-runner.ts';
import { productCategorySeed } from '../../catalog/index.ts';
import type { OutletsService } from '../../outlets/index.ts';
import { outletsRepository } from '../../outlets/index.ts';
import { dateCell, optionalText, requiredText } from './cells.ts';
import { matchOption } from './labels.ts';

type EngineerCreate = Parameters<OutletsService['engineers']['create']>[1];
type EngineerRow = Omit<EngineerCreate, 'outletId'> & { outletCode: string };

const bad = (column: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { errors: [{ path: `/${column}`, message }] });

/** "空调:3; 冰箱" → skills per category with level 1–3 (default 1), for WO-13's qualified engineers. */
function skillsCell(cells: Record<string, string>) {
  const skills = splitList(cells.skills).map((item) => {
    const [cat = '', lvl = '1'] = item.split(/[:：]/).map((s) => s.trim());
    const categoryCode = matchOption(cat, productCategorySeed);
    if (!categoryCode) throw bad('skills', `"${cat}" is not a product category.`);
    const level = Number(lvl);
    if (![1, 2, 3].includes(level)) throw bad('skills', `Level "${lvl}" for ${cat} must be 1, 2 or 3.`);
    return { categoryCode, level };
  });
  if (skills.length === 0) throw bad('skills', 'Name at least one category the engineer is qualified for.');
  return skills;
}

/** "制冷上岗证:ZL2024001:2024-01-01:2027-01-01" → certificates; dates optional. */
function certificatesCell(cells: Record<string, string>) {
  return splitList(cells.certificates).map((item) => {
    const [name = '', number = '', issuedOn = '', expiresOn = ''] = item.split(/[:：]/).map((s) => s.trim());
    if (!name || !number)
      throw bad('certificates', `Write certificates as name:number[:issued:expires], not "${item}".`);
    return {
      name,
      number,
      issuedOn: dateCell({ d: issuedOn }, 'd') ?? null,
      expiresOn: dateCell({ d: expiresOn }, 'd') ?? null,
    };
  });
}

/** Engineers of existing outlets (or outlets earlier in an outlet import), through the engineers use case. */
export function engineersImporter(outlets: OutletsService, db: Executor): Importer<EngineerRow> {
  return {
    entity: 'engineers',
    columns: [
      {
        key: 'outletCode',
        header: { 'zh-CN': '网点编码', 'en-US': 'Outlet code' },
        required: true,
        example: 'GZ-TH-001',
      },
      { key: 'name', header: { 'zh-CN': '姓名', 'en-US': 'Name' }, required: true, example: '李国强' },
      {
        key: 'phone',
        header: { 'zh-CN': '手机', 'en-US': 'Mobile' },
        required: false,
        example: '13912345678',
      },
      {
        key: 'idNumber',
        header: { 'zh-CN': '身份证号', 'en-US': 'ID number' },
        required: false,
        example: '',
      },
      {
        key: 'skills',
        header: { 'zh-CN': '技能(品类:等级)', 'en-US': 'Skills (category:level)' },
        required: true,
        example: '空调:3; 冰箱:2',
      },
      {
        key: 'certificates',
        header: { 'zh-CN': '证书(名称:编号:发证:到期)', 'en-US': 'Certificates (name:no.:issued:expires)' },
        required: false,
        example: '制冷上岗证:ZL2024001:2024-01-01:2027-01-01',
      },
      {
        key: 'hiredOn',
        header: { 'zh-CN': '入职日期', 'en-US': 'Hired on' },
        required: false,
        example: '2023-03-01',
      },
    ],
    parse: (cells) => ({
      outletCode: requiredText(cells, 'outletCode', 40),
      name: requiredText(cells, 'name', 40),
      phone: optionalText(cells, 'phone', 30) ?? null,
      idNumber: optionalText(cells, 'idNumber', 30) ?? null,
      skills: skillsCell(cells),
      certificates: certificatesCell(cells),
      hiredOn: dateCell(cells, 'hiredOn') ?? null,
    }),
    async apply(ctx, { outletCode, ...row }) {
      const outlet = await outletsRepository.findByCode(db, outletCode);
      if (!outlet) throw bad('outletCode', `No outlet has the code ${outletCode}.`);
      await outlets.engineers.create(ctx, { ...row, outletId: outlet.id });
    },
    columnOf: (path) => {
      const first = path.split('/').filter(Boolean)[0];
      return first === 'outletId' ? 'outletCode' : first;
    },
  };
}
