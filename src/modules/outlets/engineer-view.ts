import type { FieldCrypto } from '../../platform/crypto.ts';
import type { ExportColumn } from '../../platform/files/xlsx-export.ts';
import { maskPhone } from '../../platform/phone.ts';
import { maskName, productCategorySeed } from '../catalog/index.ts';
import type { CertificateRow, EngineerRow } from './engineers.repository.ts';

export interface EngineerView {
  id: string;
  code: string;
  outletId: string;
  outletName: string;
  nameMasked: string;
  phoneMasked: string | null;
  active: boolean;
  skills: { categoryCode: string; level: number }[];
  certificates: {
    id: string;
    name: string;
    number: string;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
  hiredOn: string | null;
  version: number;
}

export function toEngineerView(
  r: EngineerRow,
  crypto: FieldCrypto,
  extra: {
    outletName: string;
    skills: { categoryCode: string; level: number }[];
    certificates: CertificateRow[];
  },
): EngineerView {
  return {
    id: r.id,
    code: r.code,
    outletId: r.outletId,
    outletName: extra.outletName,
    nameMasked: maskName(crypto.decrypt(r.nameEnc)),
    phoneMasked: r.phoneEnc ? maskPhone(crypto.decrypt(r.phoneEnc)) : null,
    active: r.active,
    skills: extra.skills,
    certificates: extra.certificates.map((c) => ({
      id: c.id,
      name: c.name,
      number: c.number,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
    })),
    hiredOn: r.hiredOn,
    version: r.version,
  };
}

/** The audit trail says that personal fields exist or changed, never what they hold (MD-5). */
export function auditableEngineer(
  r: EngineerRow,
  skills: readonly { categoryCode: string; level: number }[],
  certificates: readonly { name: string }[],
): Record<string, unknown> {
  return {
    code: r.code,
    outletId: r.outletId,
    active: r.active,
    hiredOn: r.hiredOn,
    skills,
    certificates: certificates.map((c) => c.name),
    hasPhone: r.phoneEnc !== null,
    hasIdNumber: r.idNumberEnc !== null,
    version: r.version,
  };
}

const categoryName = new Map<string, { 'zh-CN': string; 'en-US': string }>(
  productCategorySeed.map((c) => [c.code, { 'zh-CN': c.nameZh, 'en-US': c.nameEn }]),
);

export function engineerExportColumns(locale: 'zh-CN' | 'en-US'): ExportColumn<EngineerView>[] {
  const yes = locale === 'zh-CN' ? '是' : 'Yes';
  const no = locale === 'zh-CN' ? '否' : 'No';
  return [
    { header: { 'zh-CN': '工号', 'en-US': 'Code' }, value: (e) => e.code, width: 12 },
    { header: { 'zh-CN': '姓名', 'en-US': 'Name' }, value: (e) => e.nameMasked },
    { header: { 'zh-CN': '手机', 'en-US': 'Phone' }, value: (e) => e.phoneMasked, width: 16 },
    { header: { 'zh-CN': '所属网点', 'en-US': 'Outlet' }, value: (e) => e.outletName, width: 32 },
    { header: { 'zh-CN': '在岗', 'en-US': 'Active' }, value: (e) => (e.active ? yes : no) },
    {
      header: { 'zh-CN': '技能（品类/级别）', 'en-US': 'Skills (category/level)' },
      value: (e) =>
        e.skills
          .map((s) => `${categoryName.get(s.categoryCode)?.[locale] ?? s.categoryCode}/${s.level}`)
          .join(', '),
      width: 36,
    },
    {
      header: { 'zh-CN': '证书', 'en-US': 'Certificates' },
      value: (e) =>
        e.certificates.map((c) => `${c.name}${c.expiresOn ? ` (${c.expiresOn})` : ''}`).join(', '),
      width: 36,
    },
    { header: { 'zh-CN': '入职日期', 'en-US': 'Hired on' }, value: (e) => e.hiredOn, width: 12 },
  ];
}
