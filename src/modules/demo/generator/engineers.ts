import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import { chineseName } from './chinese-names.ts';
import { IdMaker } from './generated-ids.ts';
import type { OutletDraft } from './outlet-network.ts';
import type { MobileNumbers } from './phones.ts';
import { labelSeed, mixSeed, Random } from './prng.ts';

export interface EngineerDraft {
  id: string;
  outletId: string;
  userId: string | null;
  code: string;
  name: string;
  phone: string;
  idNumber: string;
  active: boolean;
  hiredOn: string;
  createdAt: Date;
  skills: { categoryCode: string; level: number }[];
  certificates: { id: string; name: string; number: string; issuedOn: string; expiresOn: string | null }[];
}

const DAY_MS = 86_400_000;

/** 居民身份证号 with its ISO 7064 MOD 11-2 check digit; the 17th digit is odd for men. */
export function idCardNumber(random: Random, regionCode: string, birth: string, male: boolean): string {
  const seq = random.int(0, 99) * 10 + (male ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const body = `${regionCode}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] as number);
  return body + ('10X98765432'[sum % 11] as string);
}

interface CertificateKind {
  name: string;
  prefix: string;
  /** Years a certificate stays valid; null for lifetime vocational certificates. */
  years: number | null;
  forCategory?: string;
}

/** Certificates a Chinese service engineer actually carries: 特种作业 permits expire after six years. */
const certificateKinds: readonly CertificateKind[] = [
  { name: '制冷与空调设备运行操作证（特种作业）', prefix: 'T', years: 6, forCategory: 'air_conditioner' },
  { name: '高处作业操作证（特种作业）', prefix: 'T', years: 6, forCategory: 'air_conditioner' },
  { name: '低压电工作业操作证（特种作业）', prefix: 'T', years: 6 },
  { name: '燃气具安装维修工职业技能等级证书', prefix: 'S', years: null, forCategory: 'water_heater' },
  { name: '家用电子产品维修工职业技能等级证书（四级）', prefix: 'S', years: null },
  { name: '家用电器产品维修工职业技能等级证书（三级）', prefix: 'S', years: null },
];

/** Field engineers per outlet with skills by category (WO-13) and certificates; codes E000001… as the service numbers them. */
export function generateEngineers(
  seed: number,
  outlets: readonly OutletDraft[],
  phones: MobileNumbers,
  now: Date,
  timeZone: string,
  demoEngineer?: { userId: string; outletId: string; name: string; phone: string },
): EngineerDraft[] {
  const random = new Random(mixSeed(seed, labelSeed('engineers')));
  const ids = new IdMaker('eng', seed);
  const certIds = new IdMaker('crt', seed);
  const today = businessDate(now, timeZone);
  const out: EngineerDraft[] = [];
  let certOrdinal = 0;
  for (const o of outlets) {
    const categories = [...new Set(o.services.map((s) => s.categoryCode))];
    const outletSince = businessDate(o.createdAt, timeZone);
    for (let k = 0; k < o.engineerCount; k++) {
      const n = out.length;
      const linked = demoEngineer && k === 0 && o.id === demoEngineer.outletId ? demoEngineer : undefined;
      const male = linked ? true : random.chance(0.9);
      const birth = addCalendarDays('1968-01-01', random.int(0, 33 * 365));
      const span = Math.max(0, Math.round((now.getTime() - o.createdAt.getTime()) / DAY_MS));
      const hiredOn = o.fixed
        ? addCalendarDays(today, -random.int(200, 3000))
        : addCalendarDays(outletSince, random.int(0, Math.max(0, span - 1)));
      const years = (Date.parse(today) - Date.parse(hiredOn)) / (365 * DAY_MS);
      const createdAt = o.fixed
        ? o.createdAt
        : new Date(Math.max(o.createdAt.getTime(), Date.parse(`${hiredOn}T01:00:00Z`)));
      const skilled = random.sample(categories, random.int(1, Math.min(4, Math.max(1, categories.length))));
      if (
        categories.includes('air_conditioner') &&
        !skilled.includes('air_conditioner') &&
        random.chance(0.7)
      ) {
        skilled[0] = 'air_conditioner';
      }
      const level = (): number => Math.max(1, Math.min(3, Math.round(1 + years / 4 + random.normal() * 0.5)));
      const certificates: EngineerDraft['certificates'] = [];
      const fitting = certificateKinds.filter((c) => !c.forCategory || skilled.includes(c.forCategory));
      for (const kind of random.sample(fitting, random.int(0, 2))) {
        const issuedOn = addCalendarDays(hiredOn, random.int(0, Math.max(0, Math.round(years * 365))));
        if (issuedOn > today) continue;
        certificates.push({
          id: certIds.make(Date.parse(`${issuedOn}T02:00:00Z`), certOrdinal++),
          name: kind.name,
          number: `${kind.prefix}${issuedOn.slice(0, 4)}${o.regionCode.slice(0, 2)}${random.digits(8)}`,
          issuedOn,
          expiresOn:
            kind.years === null
              ? null
              : addCalendarDays(issuedOn, kind.years * 365 + Math.floor(kind.years / 4)),
        });
      }
      out.push({
        id: ids.make(createdAt.getTime(), n),
        outletId: o.id,
        userId: linked?.userId ?? null,
        code: `E${String(n + 1).padStart(6, '0')}`,
        name: linked?.name ?? chineseName(random, male ? 'male' : 'female'),
        phone: linked?.phone ?? phones.staff(random, n),
        idNumber: idCardNumber(random, o.regionCode, birth, male),
        active: o.status !== 'withdrawn' && (linked !== undefined || random.chance(0.95)),
        hiredOn,
        createdAt,
        skills: [
          ...[...new Set(skilled)].map((categoryCode) => ({ categoryCode, level: level() })),
          // The demo engineer's login shows every kind of job, so they are qualified for all the outlet
          // serves (added without random draws, so the rest of the generated data stays the same).
          ...(linked
            ? categories
                .filter((c) => !skilled.includes(c))
                .map((categoryCode) => ({ categoryCode, level: 3 }))
            : []),
        ],
        certificates,
      });
    }
  }
  return out;
}
