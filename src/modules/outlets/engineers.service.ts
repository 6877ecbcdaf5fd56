import { sql } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { ExportLocale } from '../../platform/files/xlsx-export.ts';
import { MAX_EXPORT_ROWS, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { newId } from '../../platform/ids.ts';
import { normalisePhone } from '../../platform/phone.ts';
import { businessDate, parseBusinessDate } from '../../platform/time.ts';
import { inScope, PHONE_INDEX_PURPOSE, regionPrefixes, requirePermission } from '../identity/index.ts';
import { createCatalogLookup } from '../catalog/index.ts';
import type { CertificateRow, EngineerFilter, EngineerRow } from './engineers.repository.ts';
import { engineersRepository as repo } from './engineers.repository.ts';
import { outletsRepository } from './outlets.repository.ts';
import type { OutletRow } from './outlets.repository.ts';
import { certificateDateProblem, normaliseIdNumber, skillProblems } from './domain/engineer-rules.ts';
import type { EngineerView } from './engineer-view.ts';
import { auditableEngineer, engineerExportColumns, toEngineerView } from './engineer-view.ts';

/** Engineers' phones share the purpose of every other phone index, so one number finds a person anywhere. */
export const ENGINEER_PHONE_INDEX_PURPOSE = PHONE_INDEX_PURPOSE;

export interface EngineerListQuery {
  page: number;
  pageSize: number;
  outletId?: string | undefined;
  q?: string | undefined;
  categoryCode?: string | undefined;
  active?: boolean | undefined;
}

export interface CertificateInput {
  id?: string | undefined;
  name: string;
  number: string;
  issuedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
}

export interface EngineerInput {
  outletId: string;
  name: string;
  phone?: string | null | undefined;
  idNumber?: string | null | undefined;
  skills: { categoryCode: string; level: number }[];
  certificates?: CertificateInput[] | undefined;
  hiredOn?: string | null | undefined;
}

export type EngineerPatch = Partial<Omit<EngineerInput, 'outletId'>> & {
  version: number;
  active?: boolean | undefined;
};

function dateProblem(value: string, today: string, allowFuture: boolean): string | undefined {
  try {
    parseBusinessDate(value);
  } catch {
    return 'Use a real calendar date as YYYY-MM-DD.';
  }
  if (!allowFuture && value > today) return `Choose ${today} or an earlier date.`;
  return undefined;
}

export function createEngineersService(deps: PlatformDeps) {
  const { crypto } = deps;
  const db = deps.database.db;
  const lookup = createCatalogLookup(db);

  async function views(rows: { engineer: EngineerRow; outletName: string }[]): Promise<EngineerView[]> {
    const ids = rows.map((r) => r.engineer.id);
    const [skills, certificates] = await Promise.all([repo.skillsOf(db, ids), repo.certificatesOf(db, ids)]);
    return rows.map((r) =>
      toEngineerView(r.engineer, crypto, {
        outletName: r.outletName,
        skills: skills.get(r.engineer.id) ?? [],
        certificates: certificates.get(r.engineer.id) ?? [],
      }),
    );
  }

  const visibleOutlet = (actor: Actor, o: OutletRow | undefined): o is OutletRow =>
    o !== undefined && inScope(actor.scope, { outletId: o.id, regionCode: o.regionCode });

  /** SEC-1: an engineer is seen by whoever sees the engineer's outlet; otherwise the engineer looks missing. */
  async function loadVisible(
    actor: Actor,
    id: string,
  ): Promise<{ engineer: EngineerRow; outlet: OutletRow }> {
    const engineer = await repo.findById(db, id);
    const outlet = engineer ? await outletsRepository.findById(db, engineer.outletId) : undefined;
    if (!engineer || !visibleOutlet(actor, outlet)) throw notFound('Engineer', id);
    return { engineer, outlet };
  }

  async function one(engineer: EngineerRow, outlet: OutletRow): Promise<EngineerView> {
    return (await views([{ engineer, outletName: outlet.name }]))[0] as EngineerView;
  }

  async function checkPersonal(
    input: { name?: string; phone?: string | null; idNumber?: string | null },
    errors: FieldError[],
  ): Promise<Partial<EngineerRow>> {
    const out: Partial<EngineerRow> = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (name === '' || /[\p{Cc}\p{Cf}]/u.test(name)) {
        errors.push({ path: '/name', message: 'Enter the engineer’s name as printed on the ID card.' });
      } else out.nameEnc = crypto.encrypt(name);
    }
    if (input.phone !== undefined) {
      if (input.phone === null || input.phone.trim() === '') {
        out.phoneEnc = null;
        out.phoneIdx = null;
      } else {
        const parsed = normalisePhone(input.phone);
        if (!parsed.ok) errors.push({ path: '/phone', message: parsed.message });
        else {
          out.phoneEnc = crypto.encrypt(parsed.e164);
          out.phoneIdx = crypto.blindIndex(ENGINEER_PHONE_INDEX_PURPOSE, parsed.e164);
        }
      }
    }
    if (input.idNumber !== undefined) {
      if (input.idNumber === null || input.idNumber.trim() === '') out.idNumberEnc = null;
      else {
        const parsed = normaliseIdNumber(input.idNumber);
        if (!parsed.ok) errors.push({ path: '/idNumber', message: parsed.message });
        else out.idNumberEnc = crypto.encrypt(parsed.value);
      }
    }
    return out;
  }

  async function checkSkills(skills: EngineerInput['skills'], errors: FieldError[]): Promise<void> {
    const known = new Map<string, boolean>();
    for (const code of new Set(skills.map((s) => s.categoryCode))) {
      known.set(code, (await lookup.category(code)) !== undefined);
    }
    errors.push(...skillProblems(skills, (c) => known.get(c) === true));
  }

  function checkCertificates(
    list: CertificateInput[],
    existing: readonly CertificateRow[],
    today: string,
    errors: FieldError[],
  ): void {
    const ownIds = new Set(existing.map((c) => c.id));
    list.forEach((c, i) => {
      if (c.id !== undefined && !ownIds.has(c.id)) {
        errors.push({
          path: `/certificates/${i}/id`,
          message: 'Not a certificate of this engineer; leave the id out to add one.',
        });
      }
      if (c.name.trim() === '')
        errors.push({ path: `/certificates/${i}/name`, message: 'Enter the certificate name.' });
      if (c.number.trim() === '')
        errors.push({ path: `/certificates/${i}/number`, message: 'Enter the certificate number.' });
      const issued = c.issuedOn ? dateProblem(c.issuedOn, today, false) : undefined;
      if (issued) errors.push({ path: `/certificates/${i}/issuedOn`, message: issued });
      const expires = c.expiresOn ? dateProblem(c.expiresOn, today, true) : undefined;
      if (expires) errors.push({ path: `/certificates/${i}/expiresOn`, message: expires });
      const order = !issued && !expires ? certificateDateProblem(c) : undefined;
      if (order) errors.push({ path: `/certificates/${i}/expiresOn`, message: order });
    });
  }

  async function writeCertificates(
    tx: Executor,
    engineerId: string,
    list: CertificateInput[],
  ): Promise<void> {
    const rows: CertificateRow[] = list.map((c) => ({
      id: c.id ?? newId('crt'),
      engineerId,
      name: c.name.trim(),
      number: c.number.trim(),
      issuedOn: c.issuedOn ?? null,
      expiresOn: c.expiresOn ?? null,
    }));
    await repo.deleteCertificates(
      tx,
      engineerId,
      rows.map((r) => r.id),
    );
    for (const r of rows) await repo.upsertCertificate(tx, r);
  }

  async function nextCode(tx: Executor): Promise<string> {
    // One code sequence for all outlets; the lock makes concurrent creates take consecutive numbers.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('engineers.code'))`);
    const last = await repo.lastCode(tx);
    const n = last ? Number(last.slice(1)) + 1 : 1;
    return `E${String(n).padStart(6, '0')}`;
  }

  async function list(ctx: ServiceContext, q: EngineerListQuery) {
    const actor = requirePermission(ctx, 'engineer.read');
    const filter: EngineerFilter = {
      outletId: q.outletId,
      categoryCode: q.categoryCode,
      active: q.active,
    };
    const text = q.q?.trim();
    if (text) {
      filter.q = text;
      const phone = /\d{7,}/.test(text.replace(/[\s-]/g, '')) ? normalisePhone(text) : undefined;
      if (phone?.ok) filter.phoneIdx = crypto.blindIndex(ENGINEER_PHONE_INDEX_PURPOSE, phone.e164);
    }
    if (actor.scope.kind === 'outlet') {
      if (q.outletId && q.outletId !== actor.scope.outletId) {
        return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      }
      filter.outletId = actor.scope.outletId;
    }
    if (actor.scope.kind === 'regions') filter.regionPrefixes = regionPrefixes(actor.scope.regionCodes);
    const { rows, total } = await repo.list(db, filter, q.page, q.pageSize);
    return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  return {
    /** WO-13 reads this with `categoryCode` to find engineers qualified for a product category. */
    list,

    async listForOutlet(ctx: ServiceContext, outletId: string, q: Omit<EngineerListQuery, 'outletId'>) {
      const actor = requirePermission(ctx, 'engineer.read');
      const outlet = await outletsRepository.findById(db, outletId);
      if (!visibleOutlet(actor, outlet)) throw notFound('Outlet', outletId);
      return list(ctx, { ...q, outletId });
    },

    async exportXlsx(
      ctx: ServiceContext,
      q: Omit<EngineerListQuery, 'page' | 'pageSize'>,
      locale: ExportLocale,
    ) {
      const page = await list(ctx, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
      if (page.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The list has ${page.total} engineers; filter it to at most ${MAX_EXPORT_ROWS} rows to export.`,
        );
      }
      return toXlsxBuffer(
        locale === 'zh-CN' ? '工程师' : 'Engineers',
        engineerExportColumns(locale),
        page.items,
        locale,
      );
    },

    async get(ctx: ServiceContext, id: string): Promise<EngineerView> {
      const actor = requirePermission(ctx, 'engineer.read');
      const { engineer, outlet } = await loadVisible(actor, id);
      return one(engineer, outlet);
    },

    async create(ctx: ServiceContext, input: EngineerInput): Promise<EngineerView> {
      const actor = requirePermission(ctx, 'engineer.write');
      const outlet = await outletsRepository.findById(db, input.outletId);
      if (!visibleOutlet(actor, outlet)) throw notFound('Outlet', input.outletId);
      const today = businessDate(ctx.now, deps.businessTimeZone);
      const errors: FieldError[] = [];
      const personal = await checkPersonal(
        { name: input.name, phone: input.phone ?? null, idNumber: input.idNumber ?? null },
        errors,
      );
      await checkSkills(input.skills, errors);
      checkCertificates(input.certificates ?? [], [], today, errors);
      const hired = input.hiredOn ? dateProblem(input.hiredOn, today, false) : undefined;
      if (hired) errors.push({ path: '/hiredOn', message: hired });
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const created = await repo.insert(tx, {
          id: newId('eng', ctx.now),
          outletId: outlet.id,
          code: await nextCode(tx),
          nameEnc: personal.nameEnc as string,
          phoneEnc: personal.phoneEnc ?? null,
          phoneIdx: personal.phoneIdx ?? null,
          idNumberEnc: personal.idNumberEnc ?? null,
          active: true,
          hiredOn: input.hiredOn ?? null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await repo.replaceSkills(tx, created.id, input.skills);
        await writeCertificates(tx, created.id, input.certificates ?? []);
        await writeAudit(tx, ctx, {
          entity: 'engineer',
          entityId: created.id,
          action: 'create',
          after: auditableEngineer(created, input.skills, input.certificates ?? []),
          scopeOutletId: outlet.id,
          scopeRegionCode: outlet.regionCode,
        });
        await emitEvent(tx, ctx, 'engineer.created', { engineerId: created.id, outletId: outlet.id });
        return created;
      });
      return one(row, outlet);
    },

    async update(ctx: ServiceContext, id: string, input: EngineerPatch): Promise<EngineerView> {
      const actor = requirePermission(ctx, 'engineer.write');
      const { outlet } = await loadVisible(actor, id);
      const today = businessDate(ctx.now, deps.businessTimeZone);
      const errors: FieldError[] = [];
      const personal = await checkPersonal(
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.idNumber !== undefined ? { idNumber: input.idNumber } : {}),
        },
        errors,
      );
      if (input.skills) await checkSkills(input.skills, errors);
      const existingCertificates = (await repo.certificatesOf(db, [id])).get(id) ?? [];
      if (input.certificates) checkCertificates(input.certificates, existingCertificates, today, errors);
      const hired = input.hiredOn ? dateProblem(input.hiredOn, today, false) : undefined;
      if (hired) errors.push({ path: '/hiredOn', message: hired });
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Engineer', id);
        if (before.version !== input.version) throw versionConflict('Engineer', id, before.version);
        const skillsBefore = (await repo.skillsOf(tx, [id])).get(id) ?? [];
        const after = await repo.updateVersioned(tx, id, input.version, {
          ...personal,
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.hiredOn !== undefined ? { hiredOn: input.hiredOn } : {}),
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Engineer', id, before.version);
        if (input.skills) await repo.replaceSkills(tx, id, input.skills);
        if (input.certificates) await writeCertificates(tx, id, input.certificates);
        await writeAudit(tx, ctx, {
          entity: 'engineer',
          entityId: id,
          action: 'update',
          before: auditableEngineer(before, skillsBefore, existingCertificates),
          after: {
            ...auditableEngineer(
              after,
              input.skills ?? skillsBefore,
              input.certificates ?? existingCertificates,
            ),
            changedPersonalFields: Object.keys(personal)
              .filter((k) => k.endsWith('Enc'))
              .map((k) => k.slice(0, -3)),
          },
          scopeOutletId: outlet.id,
          scopeRegionCode: outlet.regionCode,
        });
        return after;
      });
      return one(row, outlet);
    },

    /** MD-5: the full name, phone and ID number only on request, and every such read is audited. */
    async reveal(ctx: ServiceContext, id: string) {
      const actor = requirePermission(ctx, 'engineer.reveal');
      const { engineer, outlet } = await loadVisible(actor, id);
      const result = {
        name: crypto.decrypt(engineer.nameEnc),
        phone: engineer.phoneEnc ? crypto.decrypt(engineer.phoneEnc) : null,
        idNumber: engineer.idNumberEnc ? crypto.decrypt(engineer.idNumberEnc) : null,
      };
      await inTransaction(deps, (tx) =>
        writeAudit(tx, ctx, {
          entity: 'engineer',
          entityId: id,
          action: 'reveal_personal_data',
          after: { fields: ['name', 'phone', 'idNumber'] },
          scopeOutletId: outlet.id,
          scopeRegionCode: outlet.regionCode,
        }),
      );
      return result;
    },
  };
}

export type EngineersService = ReturnType<typeof createEngineersService>;
