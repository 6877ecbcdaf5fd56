import { sql } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import { inTransaction } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { ExportLocale } from '../../platform/files/xlsx-export.ts';
import { MAX_EXPORT_ROWS, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { newId } from '../../platform/ids.ts';
import { businessDate, parseBusinessDate } from '../../platform/time.ts';
import { requirePermission } from '../identity/index.ts';
import type { CustomerReach, NewUnitRow, UnitRow } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { UnitView } from './unit-view.ts';
import { auditableUnit, unitExportColumns } from './unit-view.ts';
import { normaliseSerial } from './domain/serial-number.ts';
import { salesChannels } from './domain/customer-rules.ts';
import type { CustomersShared } from './customers.service.ts';

export interface UnitListQuery {
  page: number;
  pageSize: number;
  serial?: string | undefined;
  customerId?: string | undefined;
  modelId?: string | undefined;
}

export interface UnitInput {
  serialNumber: string;
  modelId: string;
  customerId: string;
  addressId?: string | null | undefined;
  purchaseDate: string;
  installDate?: string | null | undefined;
  salesChannel: string;
  dealerId?: string | null | undefined;
}

export type UnitPatch = Partial<UnitInput> & { version: number };

/** Policies are versioned from 2000-01-01, so warranty terms exist for any purchase from then on. */
const EARLIEST_PURCHASE = '2000-01-01';

/** Units (MD-3) belong to customers: whoever sees the owner sees the unit; unowned units only HQ-wide roles. */
export function createUnitsService({ deps, lookup, reader }: CustomersShared) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;

  async function viewOf(row: UnitRow, now: Date): Promise<UnitView> {
    return (await reader.unitViewer.views([row], now))[0] as UnitView;
  }

  async function visibleTo(reach: CustomerReach, row: UnitRow): Promise<boolean> {
    if (reach.kind === 'all') return true;
    if (!row.customerId) return false;
    return reader.inReach(reach, await repo.addressesOf(db, [row.customerId]));
  }

  async function loadVisible(actor: Actor, id: string) {
    const row = await repo.findUnit(db, id);
    const reach = await reader.reachOf(actor);
    if (!row || !(await visibleTo(reach, row))) throw notFound('Unit', id);
    return { row, reach };
  }

  function dateProblem(value: string, today: string): string | undefined {
    try {
      parseBusinessDate(value);
    } catch {
      return 'Use a real calendar date as YYYY-MM-DD.';
    }
    if (value > today) return `Choose ${today} or an earlier date.`;
    if (value < EARLIEST_PURCHASE) return `Dates before ${EARLIEST_PURCHASE} are not accepted.`;
    return undefined;
  }

  /** Checks the unit as it would be after the change; answers the columns to write. */
  async function check(
    next: UnitInput,
    given: Partial<UnitInput>,
    reach: CustomerReach,
    today: string,
  ): Promise<Partial<NewUnitRow>> {
    const errors: FieldError[] = [];
    const out: Partial<NewUnitRow> = {};
    if (given.serialNumber !== undefined) {
      const serial = normaliseSerial(given.serialNumber);
      if (!serial.ok) errors.push({ path: '/serialNumber', message: serial.message });
      else out.serialNumber = serial.serial;
    }
    if (given.modelId !== undefined) {
      if (!(await lookup.model(given.modelId))) {
        errors.push({ path: '/modelId', message: `Product model ${given.modelId} does not exist.` });
      } else out.modelId = given.modelId;
    }
    if (given.customerId !== undefined || given.addressId !== undefined) {
      const customer = await repo.findById(db, next.customerId);
      const addresses = customer ? await repo.addressesOf(db, [customer.id]) : [];
      if (!customer || !reader.inReach(reach, addresses)) {
        errors.push({ path: '/customerId', message: `Customer ${next.customerId} was not found.` });
      } else if (customer.mergedIntoId) {
        errors.push({
          path: '/customerId',
          message: `This customer was merged into ${customer.mergedIntoId}; register the unit to that customer.`,
        });
      } else {
        out.customerId = customer.id;
        if (next.addressId && !addresses.some((a) => a.id === next.addressId)) {
          errors.push({ path: '/addressId', message: 'Choose one of this customer’s addresses.' });
        } else {
          out.addressId = next.addressId ?? null;
        }
      }
    }
    if (given.purchaseDate !== undefined) {
      const problem = dateProblem(given.purchaseDate, today);
      if (problem) errors.push({ path: '/purchaseDate', message: problem });
      else out.purchaseDate = given.purchaseDate;
    }
    if (given.installDate !== undefined || given.purchaseDate !== undefined) {
      const install = next.installDate ?? null;
      const problem = install ? dateProblem(install, today) : undefined;
      if (problem) errors.push({ path: '/installDate', message: problem });
      else if (install && install < next.purchaseDate) {
        errors.push({ path: '/installDate', message: 'The unit cannot be installed before it was bought.' });
      } else out.installDate = install;
    }
    if (given.salesChannel !== undefined) {
      if (!(salesChannels as readonly string[]).includes(given.salesChannel)) {
        errors.push({ path: '/salesChannel', message: `Use one of: ${salesChannels.join(', ')}.` });
      } else out.salesChannel = given.salesChannel;
    }
    if (given.dealerId !== undefined) {
      if (given.dealerId !== null && !(await lookup.dealer(given.dealerId))) {
        errors.push({ path: '/dealerId', message: `Dealer ${given.dealerId} does not exist.` });
      } else out.dealerId = given.dealerId;
    }
    if (errors.length > 0) throw validationFailed(errors);
    return out;
  }

  /** Serial numbers are unique; the lock makes two registrations of the same serial meet here, not in a 500. */
  async function claimSerial(tx: Executor, serial: string, ownId: string | undefined, reach: CustomerReach) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`unit_serial:${serial}`}))`);
    const existing = await repo.findUnitBySerial(tx, serial);
    if (!existing || existing.id === ownId) return;
    const visible = await visibleTo(reach, existing);
    throw new AppError(
      'ALREADY_EXISTS',
      `Serial number ${serial} is already registered${visible ? '' : ' to another customer'}.`,
      {
        errors: [{ path: '/serialNumber', message: 'This serial number is already registered.' }],
        details: visible ? { unitId: existing.id, customerId: existing.customerId } : {},
      },
    );
  }

  async function list(ctx: ServiceContext, q: UnitListQuery) {
    const actor = requirePermission(ctx, 'customer.read');
    let serialPrefix: string | undefined;
    if (q.serial !== undefined && q.serial.trim() !== '') {
      const serial = normaliseSerial(q.serial);
      if (!serial.ok) throw validationFailed([{ path: '/serial', message: serial.message }]);
      serialPrefix = serial.serial;
    }
    const filter = {
      reach: await reader.reachOf(actor),
      serialPrefix,
      customerId: q.customerId,
      modelId: q.modelId,
    };
    const { rows, total } = await repo.listUnits(db, filter, q.page, q.pageSize);
    return { items: await reader.unitViewer.views(rows, ctx.now), total, page: q.page, pageSize: q.pageSize };
  }

  return {
    list,

    async exportXlsx(ctx: ServiceContext, q: Omit<UnitListQuery, 'page' | 'pageSize'>, locale: ExportLocale) {
      const page = await list(ctx, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
      if (page.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The list has ${page.total} units; filter it to at most ${MAX_EXPORT_ROWS} rows to export.`,
        );
      }
      return toXlsxBuffer(
        locale === 'zh-CN' ? '产品档案' : 'Units',
        unitExportColumns(locale, tz),
        page.items,
        locale,
      );
    },

    async get(ctx: ServiceContext, id: string): Promise<UnitView> {
      const actor = requirePermission(ctx, 'customer.read');
      return viewOf((await loadVisible(actor, id)).row, ctx.now);
    },

    async create(ctx: ServiceContext, body: UnitInput): Promise<UnitView> {
      const actor = requirePermission(ctx, 'customer.write');
      const reach = await reader.reachOf(actor);
      const fields = await check(body, body, reach, businessDate(ctx.now, tz));
      const row = await inTransaction(deps, async (tx) => {
        await claimSerial(tx, fields.serialNumber as string, undefined, reach);
        const created = await repo.insertUnit(tx, {
          id: newId('unt', ctx.now),
          serialNumber: fields.serialNumber as string,
          modelId: fields.modelId as string,
          customerId: fields.customerId ?? null,
          addressId: fields.addressId ?? null,
          purchaseDate: fields.purchaseDate as string,
          installDate: fields.installDate ?? null,
          salesChannel: fields.salesChannel as string,
          dealerId: fields.dealerId ?? null,
          registeredAt: ctx.now,
          updatedAt: ctx.now,
        });
        const addresses = created.customerId ? await repo.addressesOf(tx, [created.customerId]) : [];
        await writeAudit(tx, ctx, {
          entity: 'unit',
          entityId: created.id,
          action: 'create',
          after: auditableUnit(created),
          scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
          scopeRegionCode: addresses[0]?.regionCode ?? null,
        });
        await emitEvent(tx, ctx, 'unit.registered', { unitId: created.id, customerId: created.customerId });
        return created;
      });
      return viewOf(row, ctx.now);
    },

    async update(ctx: ServiceContext, id: string, body: UnitPatch): Promise<UnitView> {
      const actor = requirePermission(ctx, 'customer.write');
      const { row: current, reach } = await loadVisible(actor, id);
      const { version, ...given } = body;
      const next: UnitInput = {
        serialNumber: given.serialNumber ?? current.serialNumber,
        modelId: given.modelId ?? current.modelId,
        customerId: given.customerId ?? current.customerId ?? '',
        addressId:
          given.addressId !== undefined
            ? given.addressId
            : given.customerId !== undefined && given.customerId !== current.customerId
              ? null
              : current.addressId,
        purchaseDate: given.purchaseDate ?? current.purchaseDate,
        installDate: given.installDate !== undefined ? given.installDate : current.installDate,
        salesChannel: given.salesChannel ?? current.salesChannel,
        dealerId: given.dealerId !== undefined ? given.dealerId : current.dealerId,
      };
      const fields = await check(next, given, reach, businessDate(ctx.now, tz));
      const row = await inTransaction(deps, async (tx) => {
        if (fields.serialNumber && fields.serialNumber !== current.serialNumber) {
          await claimSerial(tx, fields.serialNumber, id, reach);
        }
        const before = await repo.findUnit(tx, id, true);
        if (!before) throw notFound('Unit', id);
        if (before.version !== version) throw versionConflict('Unit', id, before.version);
        const after = await repo.updateUnitVersioned(tx, id, version, { ...fields, updatedAt: ctx.now });
        if (!after) throw versionConflict('Unit', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'unit',
          entityId: id,
          action: 'update',
          before: auditableUnit(before),
          after: auditableUnit(after),
          scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
        });
        return after;
      });
      return viewOf(row, ctx.now);
    },
  };
}
