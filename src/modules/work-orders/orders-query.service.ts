import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { ExportLocale } from '../../platform/files/xlsx-export.ts';
import { MAX_EXPORT_ROWS, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { maskPhone } from '../../platform/phone.ts';
import { formatBusiness } from '../../platform/time.ts';
import { maskName } from '../catalog/index.ts';
import { createUserDirectory, requirePermission } from '../identity/index.ts';
import type { ClosingBase } from './lifecycle-closing.ts';
import { loadClosingBase } from './lifecycle-closing.ts';
import { availableActions } from './lifecycle-actions.ts';
import type { SlaState } from './domain/sla/sla-engine.ts';
import type { OrderStore } from './order-store.ts';
import { orderScopeWhere } from './order-scope.ts';
import type { NamedRef, OrderDetail, OrderListItem, TimelineEntry } from './order-view.ts';
import { maskAddressDetail, orderExportColumns, orderInstants, slaBlock, toListItem } from './order-view.ts';
import { orderListWhere, ordersReadRepository as reads } from './orders-read.repository.ts';
import { describeEvent, eventLabel } from './orders-timeline.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';
import { workOrdersRepository as repo } from './work-orders.repository.ts';

export interface OrderListQuery {
  page: number;
  pageSize: number;
  status?: string | undefined;
  outletId?: string | undefined;
  customerId?: string | undefined;
  number?: string | undefined;
  slaState?: string | undefined;
  /** Created at or after this instant. */
  from?: string | undefined;
  /** Created before this instant. */
  to?: string | undefined;
}

/** What the order detail shows besides the order row itself. */
export interface OrderDetailFacts {
  outlets: ReadonlyMap<string, { id: string; code: string; name: string }>;
  engineer: { id: string; code: string; nameEnc: string } | undefined;
  customer: OrderDetail['customer'];
  unit: OrderDetail['unit'];
  category: { nameZh: string; nameEn: string } | undefined;
  regionPath: string;
  closing: ClosingBase;
  slaState: SlaState;
}

/** Lists, the detail page, the timeline and the SLA "why" — every read answers only orders in scope (SEC-1). */
export function createOrderReader(deps: PlatformDeps, store: OrderStore) {
  const db = store.db;
  const { crypto, businessTimeZone: tz } = deps;
  const users = createUserDirectory(db);

  const ref = (r: { id: string; code: string; name: string } | undefined): NamedRef | null =>
    r ? { id: r.id, code: r.code, name: r.name } : null;

  async function customerSummary(o: WorkOrderRow): Promise<OrderDetail['customer']> {
    const customer = (await reads.customers(db, [o.customerId])).get(o.customerId);
    if (!customer) return null;
    const [phoneEnc, address] = await Promise.all([
      reads.primaryPhone(db, o.customerId),
      reads.address(db, o.addressId),
    ]);
    return {
      id: customer.id,
      code: customer.code,
      nameMasked: maskName(crypto.decrypt(customer.nameEnc)),
      phoneMasked: phoneEnc ? maskPhone(crypto.decrypt(phoneEnc)) : null,
      tags: customer.tags,
      address: address
        ? {
            id: address.id,
            regionCode: address.regionCode,
            regionPath: await store.lookup.regionPath(address.regionCode),
            detailMasked: maskAddressDetail(crypto.decrypt(address.detailEnc)),
          }
        : null,
    };
  }

  async function unitSummary(o: WorkOrderRow): Promise<OrderDetail['unit']> {
    if (!o.unitId) return null;
    const unit = await reads.unit(db, o.unitId);
    if (!unit) return null;
    const model = await store.lookup.model(unit.modelId);
    return {
      id: unit.id,
      serialNumber: unit.serialNumber,
      modelId: unit.modelId,
      modelCode: model?.code ?? null,
      modelName: model?.name ?? null,
    };
  }

  /** Everything the detail shows besides the order row, read from the database. */
  async function detailFacts(ctx: ServiceContext, o: WorkOrderRow): Promise<OrderDetailFacts> {
    const outletIds = [o.outletId, o.proposedOutletId].filter((x): x is string => x !== null);
    const [outlets, engineers, customer, unit, category, regionPath, closing, evaluated] = await Promise.all([
      reads.outlets(db, outletIds),
      reads.engineers(db, o.engineerId ? [o.engineerId] : []),
      customerSummary(o),
      unitSummary(o),
      store.lookup.category(o.categoryCode),
      store.lookup.regionPath(o.regionCode),
      loadClosingBase(db, o),
      store.evaluate(o, ctx.now),
    ]);
    return {
      outlets,
      engineer: o.engineerId ? engineers.get(o.engineerId) : undefined,
      customer,
      unit,
      category,
      regionPath,
      closing,
      slaState: evaluated.evaluation.state,
    };
  }

  /** The detail from the row and its facts; intake passes the facts it already holds instead of reading them. */
  async function assemble(ctx: ServiceContext, o: WorkOrderRow, f: OrderDetailFacts): Promise<OrderDetail> {
    const noTimeHorizonDays = (await deps.policies.at<number>('wo.no_time.horizon_days', ctx.now)).value;
    const { engineer, category } = f;
    return {
      id: o.id,
      number: o.number,
      status: o.status,
      version: o.version,
      orderType: o.orderType,
      channel: o.channel,
      serviceMode: o.serviceMode,
      categoryCode: o.categoryCode,
      categoryName: category ? { 'zh-CN': category.nameZh, 'en-US': category.nameEn } : null,
      faultDescription: o.faultDescription,
      customerRequestedAt: o.customerRequestedAt?.toISOString() ?? null,
      regionCode: o.regionCode,
      regionPath: f.regionPath,
      customer: f.customer,
      unit: f.unit,
      outlet: ref(o.outletId ? f.outlets.get(o.outletId) : undefined),
      proposedOutlet: ref(o.proposedOutletId ? f.outlets.get(o.proposedOutletId) : undefined),
      dispatchOverrideReason: o.dispatchOverrideReason,
      engineer: engineer
        ? { id: engineer.id, code: engineer.code, name: maskName(crypto.decrypt(engineer.nameEnc)) }
        : null,
      closingBasis: o.closingBasis,
      actualMeasurePickup: o.actualMeasurePickup,
      instants: orderInstants(o),
      sla: slaBlock(o, f.slaState),
      actions: availableActions(o, ctx.actor?.role ?? '', f.closing, { now: ctx.now, tz, noTimeHorizonDays }),
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    };
  }

  async function detail(ctx: ServiceContext, o: WorkOrderRow): Promise<OrderDetail> {
    return assemble(ctx, o, await detailFacts(ctx, o));
  }

  function instant(value: string | undefined, path: string): Date | undefined {
    if (value === undefined) return undefined;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) {
      throw new AppError('VALIDATION_FAILED', `${path}: use an ISO-8601 instant with its offset.`, {
        errors: [{ path, message: 'Use an ISO-8601 instant with its offset.' }],
      });
    }
    return d;
  }

  async function list(ctx: ServiceContext, q: OrderListQuery) {
    const actor = requirePermission(ctx, 'order.read');
    const where = orderListWhere({
      scope: orderScopeWhere(actor),
      status: q.status,
      outletId: q.outletId,
      customerId: q.customerId,
      number: q.number?.trim() || undefined,
      slaState: q.slaState,
      from: instant(q.from, '/from'),
      to: instant(q.to, '/to'),
    });
    const { rows, total } = await repo.list(db, where, q.page, q.pageSize);
    const [customers, outlets] = await Promise.all([
      reads.customers(
        db,
        rows.map((r) => r.customerId),
      ),
      reads.outlets(
        db,
        rows.flatMap((r) => (r.outletId ? [r.outletId] : [])),
      ),
    ]);
    const items: OrderListItem[] = rows.map((r) => {
      const c = customers.get(r.customerId);
      return toListItem(r, {
        customerNameMasked: c ? maskName(crypto.decrypt(c.nameEnc)) : null,
        outletName: r.outletId ? (outlets.get(r.outletId)?.name ?? null) : null,
      });
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  return {
    detail,
    assemble,
    list,

    async exportXlsx(
      ctx: ServiceContext,
      q: Omit<OrderListQuery, 'page' | 'pageSize'>,
      locale: ExportLocale,
    ) {
      const page = await list(ctx, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
      if (page.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The list has ${page.total} orders; filter it to at most ${MAX_EXPORT_ROWS} rows to export.`,
        );
      }
      return toXlsxBuffer(
        locale === 'zh-CN' ? '工单' : 'Work orders',
        orderExportColumns(locale, tz),
        page.items,
        locale,
      );
    },

    async get(ctx: ServiceContext, id: string): Promise<OrderDetail> {
      return detail(ctx, await store.loadVisible(ctx, id));
    },

    /** Every event of the order in the order it happened, with who did it and a sentence in both languages. */
    async timeline(ctx: ServiceContext, id: string): Promise<{ orderId: string; items: TimelineEntry[] }> {
      const order = await store.loadVisible(ctx, id);
      const events = await repo.events(db, order.id);
      const outletIds = new Set<string>();
      const engineerIds = new Set<string>();
      for (const e of events) {
        const d = e.data as Record<string, unknown>;
        for (const k of ['outletId', 'fromOutletId', 'proposedOutletId']) {
          if (typeof d[k] === 'string') outletIds.add(d[k]);
        }
        if (typeof d.engineerId === 'string') engineerIds.add(d.engineerId);
      }
      const [outlets, engineers, names] = await Promise.all([
        reads.outlets(db, [...outletIds]),
        reads.engineers(db, [...engineerIds]),
        users.displayNames([...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))]),
      ]);
      const nameOf = {
        outlet: (v: unknown) => (typeof v === 'string' ? (outlets.get(v)?.name ?? v) : '—'),
        engineer: (v: unknown) => {
          const e = typeof v === 'string' ? engineers.get(v) : undefined;
          return e ? `${maskName(crypto.decrypt(e.nameEnc))} (${e.code})` : typeof v === 'string' ? v : '—';
        },
        time: (v: unknown) => {
          const at = typeof v === 'string' ? new Date(v) : null;
          return at && !Number.isNaN(at.getTime()) ? formatBusiness(at, tz) : '—';
        },
      };
      return {
        orderId: order.id,
        items: events.map((e) => {
          const data = e.data as Record<string, unknown>;
          return {
            id: e.id,
            at: e.at.toISOString(),
            type: e.type,
            actor: e.actorId ? { id: e.actorId, displayName: names.get(e.actorId) ?? e.actorId } : null,
            label: eventLabel(e.type),
            text: describeEvent(e.type, data, nameOf),
            data,
          };
        }),
      };
    },

    /** WO-7 "why": the rule, its policy version, the clock start, each parts deduction, in both languages. */
    async sla(ctx: ServiceContext, id: string) {
      const order = await store.loadVisible(ctx, id);
      const { evaluation, text } = await store.explain(order, ctx.now);
      return {
        orderId: order.id,
        stored: slaBlock(order, evaluation.state),
        evaluation: {
          ...evaluation,
          startAt: evaluation.startAt.toISOString(),
          deadline: evaluation.deadline?.toISOString() ?? null,
          deductions: evaluation.deductions.map((d) => ({
            ...d,
            from: d.from.toISOString(),
            to: d.to.toISOString(),
          })),
        },
        text,
      };
    },
  };
}

export type OrderReader = ReturnType<typeof createOrderReader>;
