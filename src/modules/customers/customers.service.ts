import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/auth/actor.ts';
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
import { businessDate } from '../../platform/time.ts';
import { requirePermission } from '../identity/index.ts';
import { createCatalogLookup } from '../catalog/index.ts';
import type { CustomerFilter, CustomerRow } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { CustomerDetail } from './customer-view.ts';
import {
  auditableCustomer,
  auditRegionOf,
  createCustomerReader,
  customerExportColumns,
} from './customer-view.ts';
import type { AddressInput, PhoneInput } from './customer-input.ts';
import { createCustomerInput, CUSTOMER_PHONE_INDEX_PURPOSE } from './customer-input.ts';
import { customerCode, textProblem } from './domain/customer-rules.ts';
import { createCustomerContactsService } from './customer-contacts.service.ts';
import { createCustomerMergeService } from './customer-merge.service.ts';
import { createUnitsService } from './units.service.ts';
import type { CustomerOrderHistory } from './order-history.ts';

export interface CustomerListQuery {
  page: number;
  pageSize: number;
  phone?: string | undefined;
  q?: string | undefined;
  regionCode?: string | undefined;
  tag?: string | undefined;
}

export interface CreateCustomerInput {
  name: string;
  phones: PhoneInput[];
  addresses: AddressInput[];
  tags?: string[] | undefined;
  note?: string | null | undefined;
}

export interface UpdateCustomerInput {
  version: number;
  name?: string | undefined;
  tags?: string[] | undefined;
  note?: string | null | undefined;
}

const regionPrefixOf = (code: string): string =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

export interface CustomersServiceOptions {
  /** MD-4: where customer screens read order history (the work-orders module, wired in app.ts). */
  orderHistory?: CustomerOrderHistory | undefined;
}

export function createCustomersService(deps: PlatformDeps, options: CustomersServiceOptions = {}) {
  const { crypto } = deps;
  const db = deps.database.db;
  const lookup = createCatalogLookup(db);
  const reader = createCustomerReader(deps, lookup, options.orderHistory);
  const input = createCustomerInput(deps, lookup, reader);
  const shared = { deps, lookup, reader, input };

  async function detailOf(row: CustomerRow, ctx: ServiceContext): Promise<CustomerDetail> {
    return (await reader.details([row], ctx))[0] as CustomerDetail;
  }

  function phoneIndexOf(phone: string, path: string): string {
    const parsed = normalisePhone(phone);
    if (!parsed.ok) throw validationFailed([{ path, message: parsed.message }]);
    return crypto.blindIndex(CUSTOMER_PHONE_INDEX_PURPOSE, parsed.e164);
  }

  async function nextCode(tx: Executor, now: Date): Promise<string> {
    // Codes are per business day; the lock makes concurrent registrations take consecutive numbers.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('customers.code'))`);
    const prefix = customerCode(businessDate(now, deps.businessTimeZone), 0).slice(0, 9);
    const last = await repo.lastCodeWithPrefix(tx, prefix);
    return customerCode(businessDate(now, deps.businessTimeZone), last ? Number(last.slice(9)) + 1 : 1);
  }

  async function list(ctx: ServiceContext, q: CustomerListQuery) {
    const actor = requirePermission(ctx, 'customer.read');
    const filter: CustomerFilter = {
      reach: await reader.reachOf(actor),
      q: q.q?.trim() || undefined,
      regionPrefix: q.regionCode ? regionPrefixOf(q.regionCode) : undefined,
      tag: q.tag?.trim() || undefined,
    };
    if (q.phone !== undefined) filter.phoneIdx = phoneIndexOf(q.phone, '/phone');
    const { rows, total } = await repo.list(db, filter, q.page, q.pageSize);
    return { items: await reader.listItems(rows), total, page: q.page, pageSize: q.pageSize };
  }

  return {
    list,

    async exportXlsx(
      ctx: ServiceContext,
      q: Omit<CustomerListQuery, 'page' | 'pageSize'>,
      locale: ExportLocale,
    ) {
      const page = await list(ctx, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
      if (page.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The list has ${page.total} customers; filter it to at most ${MAX_EXPORT_ROWS} rows to export.`,
        );
      }
      return toXlsxBuffer(
        locale === 'zh-CN' ? '用户档案' : 'Customers',
        customerExportColumns(locale, deps.businessTimeZone),
        page.items,
        locale,
      );
    },

    /**
     * MD-4, for the agent's intake screen: every customer in the caller's reach who has this phone, each with
     * all units (registration dates and warranty) and all orders.
     */
    async lookupByPhone(ctx: ServiceContext, phone: string): Promise<{ matches: CustomerDetail[] }> {
      const actor = requirePermission(ctx, 'customer.read');
      const idx = phoneIndexOf(phone, '/phone');
      const { rows } = await repo.list(db, { reach: await reader.reachOf(actor), phoneIdx: idx }, 1, 50);
      return { matches: await reader.details(rows, ctx) };
    },

    async get(ctx: ServiceContext, id: string): Promise<CustomerDetail> {
      const actor = requirePermission(ctx, 'customer.read');
      const { row } = await reader.loadVisible(actor, id);
      return detailOf(row, ctx);
    },

    async create(ctx: ServiceContext, body: CreateCustomerInput): Promise<CustomerDetail> {
      const actor = requirePermission(ctx, 'customer.write');
      const reach = await reader.reachOf(actor);
      const errors: FieldError[] = [];
      const nameProblem = textProblem(body.name, 'customer’s name', 60);
      if (nameProblem) errors.push({ path: '/name', message: nameProblem });
      if (body.phones.length === 0)
        errors.push({ path: '/phones', message: 'Add at least one phone number.' });
      if (body.addresses.length === 0)
        errors.push({ path: '/addresses', message: 'Add at least one address.' });
      const phones = input.phones(body.phones, '/phones', errors);
      const addresses = await input.addresses(body.addresses, '/addresses', errors);
      const tags = input.tags(body.tags, errors) ?? [];
      if (errors.length === 0 && !reader.inReach(reach, addresses)) {
        errors.push({
          path: '/addresses',
          message:
            actor.scope.kind === 'outlet'
              ? 'Add at least one address in a district your outlet covers.'
              : 'Add at least one address inside your regions.',
        });
      }
      if (errors.length > 0) throw validationFailed(errors);
      const primary = phones.findIndex((p) => p.isPrimary);
      const defaultAddress = addresses.findIndex((a) => a.isDefault);
      const row = await inTransaction(deps, async (tx) => {
        await input.claimPhones(
          tx,
          phones.map((p) => p.idx),
          undefined,
          reach,
          phones.map((_, i) => `/phones/${i}/number`),
        );
        const id = newId('cus', ctx.now);
        const created = await repo.insert(tx, {
          id,
          code: await nextCode(tx, ctx.now),
          nameEnc: crypto.encrypt(body.name.trim()),
          tags,
          note: body.note?.trim() || null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const phoneRows = phones.map((p, i) => ({
          id: newId('cph', ctx.now),
          customerId: id,
          phoneEnc: p.enc,
          phoneIdx: p.idx,
          label: p.label,
          isPrimary: i === Math.max(primary, 0),
          createdAt: ctx.now,
        }));
        const addressRows = addresses.map((a, i) => ({
          id: newId('cad', ctx.now),
          customerId: id,
          regionCode: a.regionCode,
          detailEnc: a.detailEnc,
          lat: a.lat,
          lng: a.lng,
          isDefault: i === Math.max(defaultAddress, 0),
          createdAt: ctx.now,
        }));
        await repo.insertPhones(tx, phoneRows);
        await repo.insertAddresses(tx, addressRows);
        await writeAudit(tx, ctx, {
          entity: 'customer',
          entityId: id,
          action: 'create',
          after: auditableCustomer(created, phoneRows, addressRows),
          scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
          scopeRegionCode: auditRegionOf(addressRows),
        });
        await emitEvent(tx, ctx, 'customer.created', { customerId: id });
        return created;
      });
      return detailOf(row, ctx);
    },

    async update(ctx: ServiceContext, id: string, body: UpdateCustomerInput): Promise<CustomerDetail> {
      const actor = requirePermission(ctx, 'customer.write');
      const { row: current, addresses } = await reader.loadVisible(actor, id);
      if (current.mergedIntoId) {
        throw new AppError(
          'CONFLICT',
          `Customer ${current.code} was merged into ${current.mergedIntoId}; change that customer instead.`,
          { details: { mergedIntoId: current.mergedIntoId } },
        );
      }
      const errors: FieldError[] = [];
      const nameProblem = body.name !== undefined ? textProblem(body.name, 'customer’s name', 60) : undefined;
      if (nameProblem) errors.push({ path: '/name', message: nameProblem });
      const tags = input.tags(body.tags, errors);
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Customer', id);
        if (before.version !== body.version) throw versionConflict('Customer', id, before.version);
        const after = await repo.updateVersioned(tx, id, body.version, {
          ...(body.name !== undefined ? { nameEnc: crypto.encrypt(body.name.trim()) } : {}),
          ...(tags !== undefined ? { tags } : {}),
          ...(body.note !== undefined ? { note: body.note?.trim() || null } : {}),
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Customer', id, before.version);
        const phones = await repo.phonesOf(tx, [id]);
        await writeAudit(tx, ctx, {
          entity: 'customer',
          entityId: id,
          action: 'update',
          before: auditableCustomer(before, phones, addresses),
          after: { ...auditableCustomer(after, phones, addresses), nameChanged: body.name !== undefined },
          scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
          scopeRegionCode: auditRegionOf(addresses),
        });
        return after;
      });
      return detailOf(row, ctx);
    },

    /** MD-5: the full name, phones and addresses only on request, and every such read is audited. */
    async reveal(ctx: ServiceContext, id: string) {
      const actor = requirePermission(ctx, 'customer.reveal');
      const { row, addresses } = await reader.loadVisible(actor, id);
      const phones = await repo.phonesOf(db, [id]);
      const result = {
        name: crypto.decrypt(row.nameEnc),
        phones: phones.map((p) => ({ id: p.id, number: crypto.decrypt(p.phoneEnc) })),
        addresses: addresses.map((a) => ({ id: a.id, detail: crypto.decrypt(a.detailEnc) })),
      };
      await inTransaction(deps, (tx) =>
        writeAudit(tx, ctx, {
          entity: 'customer',
          entityId: id,
          action: 'reveal_personal_data',
          after: { fields: ['name', 'phones', 'addresses'] },
          scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
          scopeRegionCode: auditRegionOf(addresses),
        }),
      );
      return result;
    },

    ...createCustomerContactsService(shared),
    ...createCustomerMergeService(shared),
    units: createUnitsService(shared),
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

export interface CustomersShared {
  deps: PlatformDeps;
  lookup: ReturnType<typeof createCatalogLookup>;
  reader: ReturnType<typeof createCustomerReader>;
  input: ReturnType<typeof createCustomerInput>;
}
