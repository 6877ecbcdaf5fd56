import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalisePhone } from '../../platform/phone.ts';
import { inScope, regionPrefixes, requirePermission } from '../identity/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type { DealerFilter, DealerRecord } from './dealers.repository.ts';
import { dealersRepository as repo } from './dealers.repository.ts';
import { regionsRepository } from './regions.repository.ts';
import { isUniqueViolation } from './catalog-sql.ts';
import type { DealerTier } from './domain/dealer-tiers.ts';
import type { DealerDetail, DealerView, RegionPaths } from './dealer-view.ts';
import { auditableDealer, createDealerPresenter, currentMonth, loadVisibleDealer } from './dealer-view.ts';
import { assertExportSize, MAX_EXPORT_ROWS } from './export-limit.ts';

/** Blind-index purpose of dealer contact phones; the same normalised number gives the same index. */
export const DEALER_PHONE_INDEX_PURPOSE = 'phone';

export interface DealerListQuery {
  q?: string | undefined;
  regionCode?: string | undefined;
  tier?: DealerTier | undefined;
  active?: boolean | undefined;
  phone?: string | undefined;
}

export interface CreateDealerInput {
  code: string;
  name: string;
  regionCode: string;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  tier: DealerTier;
}

export interface UpdateDealerInput {
  version: number;
  code?: string | undefined;
  name?: string | undefined;
  regionCode?: string | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  active?: boolean | undefined;
}

const DEALER_CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/()#]*$/u;
export const INITIAL_TIER_REASON = '新建经销商时的初始分级 (initial tier when the dealer was created)';

const duplicateCode = (code: string, other: DealerRecord) =>
  new AppError('ALREADY_EXISTS', `Dealer code ${code} is already used by ${other.name}.`, {
    errors: [{ path: '/code', message: `This code is already used by ${other.name}; choose another.` }],
    details: { existingId: other.id },
  });

export function createDealersService(deps: PlatformDeps, regionPaths: RegionPaths, users: UserDirectory) {
  const { crypto } = deps;
  const db = deps.database.db;
  const { views, detail } = createDealerPresenter(crypto, regionPaths, users);

  function scopeFilter(actor: Actor): readonly string[] | undefined {
    if (actor.scope.kind === 'all') return undefined;
    if (actor.scope.kind === 'regions') return regionPrefixes(actor.scope.regionCodes);
    return [];
  }

  async function filterOf(actor: Actor, q: DealerListQuery): Promise<DealerFilter> {
    const filter: DealerFilter = {
      q: q.q,
      tier: q.tier,
      active: q.active,
      scopePrefixes: scopeFilter(actor),
      regionPrefixes: q.regionCode ? regionPrefixes([q.regionCode]) : undefined,
    };
    if (q.phone !== undefined) {
      const parsed = normalisePhone(q.phone);
      if (!parsed.ok) throw validationFailed([{ path: '/phone', message: parsed.message }]);
      filter.phoneIdx = crypto.blindIndex(DEALER_PHONE_INDEX_PURPOSE, parsed.e164);
    }
    return filter;
  }

  function contactName(value: string | null | undefined) {
    if (value === undefined) return undefined;
    const trimmed = value?.trim() ?? '';
    return { contactNameEnc: trimmed === '' ? null : crypto.encrypt(trimmed) };
  }

  function contactPhone(value: string | null | undefined, errors: FieldError[]) {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return { contactPhoneEnc: null, contactPhoneIdx: null };
    const parsed = normalisePhone(value);
    if (!parsed.ok) {
      errors.push({ path: '/contactPhone', message: parsed.message });
      return undefined;
    }
    return {
      contactPhoneEnc: crypto.encrypt(parsed.e164),
      contactPhoneIdx: crypto.blindIndex(DEALER_PHONE_INDEX_PURPOSE, parsed.e164),
    };
  }

  async function checkFields(
    actor: Actor,
    fields: { code?: string | undefined; name?: string | undefined; regionCode?: string | undefined },
    errors: FieldError[],
  ): Promise<void> {
    if (fields.code !== undefined && !DEALER_CODE.test(fields.code)) {
      errors.push({ path: '/code', message: 'Use letters, digits and - _ / . ( ) #, e.g. GD-GZ-0012.' });
    }
    if (fields.name !== undefined && fields.name === '') {
      errors.push({ path: '/name', message: "Enter the dealer's name." });
    }
    if (fields.regionCode !== undefined) {
      const region = await regionsRepository.findByCode(db, fields.regionCode);
      if (!region || region.level === 'province') {
        errors.push({
          path: '/regionCode',
          message: region
            ? `${region.name} is a province; choose the dealer's city or district.`
            : `There is no region ${fields.regionCode}; choose the dealer's city or district.`,
        });
      } else if (!inScope(actor.scope, { regionCode: region.code })) {
        errors.push({ path: '/regionCode', message: `${region.name} is outside your regions.` });
      }
    }
  }

  async function withDuplicateCheck<T>(code: string, exceptId: string | undefined, fn: () => Promise<T>) {
    try {
      return await fn();
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const other = await repo.findByCode(db, code, exceptId);
      throw other ? duplicateCode(code, other) : e;
    }
  }

  return {
    /** CB-7 dealers; regional managers see the dealers in their regions only (SEC-1). */
    async listDealers(ctx: ServiceContext, q: DealerListQuery & { page: number; pageSize: number }) {
      const actor = requirePermission(ctx, 'dealer.read');
      const { page, pageSize, ...rest } = q;
      const filter = await filterOf(actor, rest);
      const [total, rows] = await Promise.all([
        repo.count(db, filter),
        repo.rows(db, filter, pageSize, (page - 1) * pageSize),
      ]);
      return { items: await views(rows), total, page, pageSize };
    },

    async exportDealers(ctx: ServiceContext, q: DealerListQuery): Promise<DealerView[]> {
      const actor = requirePermission(ctx, 'dealer.read');
      const filter = await filterOf(actor, q);
      assertExportSize(await repo.count(db, filter));
      return views(await repo.rows(db, filter, MAX_EXPORT_ROWS, 0));
    },

    async getDealer(ctx: ServiceContext, id: string): Promise<DealerDetail> {
      const actor = requirePermission(ctx, 'dealer.read');
      const row = await loadVisibleDealer(db, actor, id);
      return detail(row, await repo.history(db, id));
    },

    /** MD-5: the contact's full name and phone, for calling the dealer back (CB-7); every read is audited. */
    async revealDealerContact(
      ctx: ServiceContext,
      id: string,
    ): Promise<{ contactName: string | null; contactPhone: string | null }> {
      const actor = requirePermission(ctx, 'dealer.read');
      const row = await loadVisibleDealer(db, actor, id);
      const revealed = {
        contactName: row.contactNameEnc ? crypto.decrypt(row.contactNameEnc) : null,
        contactPhone: row.contactPhoneEnc ? crypto.decrypt(row.contactPhoneEnc) : null,
      };
      await inTransaction(deps, (tx) =>
        writeAudit(tx, ctx, {
          entity: 'dealer',
          entityId: id,
          action: 'reveal_personal_data',
          after: { fields: ['contactName', 'contactPhone'] },
          scopeRegionCode: row.regionCode,
        }),
      );
      return revealed;
    },

    /** A new dealer starts with its tier for the current month (CB-7), decided by whoever creates it. */
    async createDealer(ctx: ServiceContext, input: CreateDealerInput): Promise<DealerDetail> {
      const actor = requirePermission(ctx, 'dealer.write');
      const code = input.code.trim();
      const name = input.name.trim();
      const errors: FieldError[] = [];
      await checkFields(actor, { code, name, regionCode: input.regionCode }, errors);
      const phone = contactPhone(input.contactPhone, errors);
      if (errors.length > 0) throw validationFailed(errors);
      const month = currentMonth(ctx.now, deps.businessTimeZone);
      const row = await withDuplicateCheck(code, undefined, () =>
        inTransaction(deps, async (tx) => {
          const other = await repo.findByCode(tx, code);
          if (other) throw duplicateCode(code, other);
          const created = await repo.insert(tx, {
            id: newId('dlr', ctx.now),
            code,
            name,
            regionCode: input.regionCode,
            contactNameEnc: null,
            contactPhoneEnc: null,
            contactPhoneIdx: null,
            ...contactName(input.contactName),
            ...phone,
            tier: input.tier,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          });
          await repo.insertDecision(tx, {
            dealerId: created.id,
            month,
            tier: input.tier,
            reason: INITIAL_TIER_REASON,
            decidedBy: actor.userId,
            decidedAt: ctx.now,
          });
          await writeAudit(tx, ctx, {
            entity: 'dealer',
            entityId: created.id,
            action: 'create',
            after: auditableDealer(created),
            scopeRegionCode: created.regionCode,
          });
          await emitEvent(tx, ctx, 'dealer.tier_changed', {
            dealerId: created.id,
            month,
            tier: input.tier,
            previousTier: null,
          });
          return created;
        }),
      );
      return detail(row, await repo.history(db, row.id));
    },

    /** Everything but the tier, which changes only by a monthly decision with a reason (CB-7). */
    async updateDealer(ctx: ServiceContext, id: string, input: UpdateDealerInput): Promise<DealerDetail> {
      const actor = requirePermission(ctx, 'dealer.write');
      const current = await loadVisibleDealer(db, actor, id);
      const code = input.code?.trim();
      const name = input.name?.trim();
      const errors: FieldError[] = [];
      await checkFields(
        actor,
        { code, name, regionCode: input.regionCode === current.regionCode ? undefined : input.regionCode },
        errors,
      );
      const phone = contactPhone(input.contactPhone, errors);
      if (errors.length > 0) throw validationFailed(errors);
      const row = await withDuplicateCheck(code ?? current.code, id, () =>
        inTransaction(deps, async (tx) => {
          const before = await repo.findById(tx, id, true);
          if (!before) throw notFound('Dealer', id);
          if (before.version !== input.version) throw versionConflict('Dealer', id, before.version);
          if (code !== undefined) {
            const other = await repo.findByCode(tx, code, id);
            if (other) throw duplicateCode(code, other);
          }
          const after = await repo.updateVersioned(tx, id, input.version, {
            code: code ?? before.code,
            name: name ?? before.name,
            regionCode: input.regionCode ?? before.regionCode,
            active: input.active ?? before.active,
            ...contactName(input.contactName),
            ...phone,
            updatedAt: ctx.now,
          });
          if (!after) throw versionConflict('Dealer', id, before.version);
          await writeAudit(tx, ctx, {
            entity: 'dealer',
            entityId: id,
            action: 'update',
            before: auditableDealer(before),
            after: auditableDealer(after),
            scopeRegionCode: after.regionCode,
          });
          return after;
        }),
      );
      return detail(row, await repo.history(db, id));
    },
  };
}

export type DealersService = ReturnType<typeof createDealersService>;
