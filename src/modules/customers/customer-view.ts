import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { ExportColumn } from '../../platform/files/xlsx-export.ts';
import { notFound } from '../../platform/errors.ts';
import { maskPhone } from '../../platform/phone.ts';
import { formatBusiness } from '../../platform/time.ts';
import { regionPrefixes } from '../identity/index.ts';
import { maskName } from '../catalog/index.ts';
import type { CatalogLookup } from '../catalog/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import type { AddressRow, CustomerReach, CustomerRow, PhoneRow } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import { maskAddressDetail } from './domain/customer-rules.ts';
import type { CustomerOrderHistory, CustomerOrderPage, CustomerOrderSummary } from './order-history.ts';
import type { UnitView } from './unit-view.ts';
import { createUnitViewer } from './unit-view.ts';

export interface CustomerListItem {
  id: string;
  code: string;
  nameMasked: string;
  primaryPhoneMasked: string | null;
  regionPath: string | null;
  unitCount: number;
  tags: string[];
  createdAt: string;
  version: number;
}

export interface CustomerDetail {
  id: string;
  code: string;
  nameMasked: string;
  phones: { id: string; label: string; masked: string; isPrimary: boolean }[];
  addresses: {
    id: string;
    regionCode: string;
    regionPath: string;
    detailMasked: string;
    lat: number | null;
    lng: number | null;
    isDefault: boolean;
  }[];
  units: UnitView[];
  /** MD-4: the customer's orders the caller may see, newest first, at most MAX_HISTORY_ORDERS. */
  orders: CustomerOrderSummary[];
  /** How many such orders there are in all; more than `orders.length` when the list was cut. */
  ordersTotal: number;
  ordersTruncated: boolean;
  tags: string[];
  note: string | null;
  mergedIntoId: string | null;
  createdAt: string;
  version: number;
}

/** What the audit trail keeps about a customer: codes, counts and region codes, never name, phone or street. */
export function auditableCustomer(
  row: CustomerRow,
  phones: readonly unknown[],
  addresses: readonly { regionCode: string }[],
): Record<string, unknown> {
  return {
    code: row.code,
    tags: row.tags,
    hasNote: row.note !== null && row.note !== '',
    phoneCount: phones.length,
    addressRegions: addresses.map((a) => a.regionCode),
    mergedIntoId: row.mergedIntoId,
    version: row.version,
  };
}

/** The region an audit row of a customer is filed under: the default address's, else the first. */
export const auditRegionOf = (addresses: readonly AddressRow[]): string | null =>
  (addresses.find((a) => a.isDefault) ?? addresses[0])?.regionCode ?? null;

/** A screen lists this many of a customer's orders; the order list (filtered by customer) has the rest. */
export const MAX_HISTORY_ORDERS = 50;

const NO_ORDERS: CustomerOrderPage = { orders: [], total: 0 };

export function createCustomerReader(
  deps: PlatformDeps,
  lookup: CatalogLookup,
  orderHistory?: CustomerOrderHistory,
) {
  const { crypto } = deps;
  const db = deps.database.db;
  const unitViewer = createUnitViewer(deps, lookup);

  /**
   * SEC-1 for customers. HQ roles see everyone; regional managers customers with an address in their regions;
   * outlet staff (manager, dispatcher, engineer) customers with an address in a district their outlet covers
   * (outlet_regions). Until work orders exist that coverage is an outlet's whole reach; once they do, a
   * customer with an order assigned to the outlet must become visible to it as well.
   */
  async function reachOf(actor: Actor): Promise<CustomerReach> {
    switch (actor.scope.kind) {
      case 'all':
        return { kind: 'all' };
      case 'regions':
        return { kind: 'prefixes', prefixes: regionPrefixes(actor.scope.regionCodes) };
      case 'outlet':
        return {
          kind: 'districts',
          codes: await outletsRepository.coveredDistricts(db, actor.scope.outletId),
        };
    }
  }

  function regionInReach(reach: CustomerReach, regionCode: string): boolean {
    if (reach.kind === 'all') return true;
    if (reach.kind === 'districts') return reach.codes.includes(regionCode);
    return reach.prefixes.some((p) => regionCode.startsWith(p));
  }

  const inReach = (reach: CustomerReach, addresses: readonly { regionCode: string }[]): boolean =>
    reach.kind === 'all' || addresses.some((a) => regionInReach(reach, a.regionCode));

  /** Customers outside the caller's reach look missing (404), like customers that do not exist. */
  async function loadVisible(actor: Actor, id: string) {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('Customer', id);
    const reach = await reachOf(actor);
    const addresses = await repo.addressesOf(db, [id]);
    if (!inReach(reach, addresses)) throw notFound('Customer', id);
    return { row, addresses, reach };
  }

  function phoneView(p: PhoneRow) {
    return {
      id: p.id,
      label: p.label,
      masked: maskPhone(crypto.decrypt(p.phoneEnc)),
      isPrimary: p.isPrimary,
    };
  }

  /**
   * MD-4 order history under the ORDER scope, not the customer reach: an outlet's staff may see a customer
   * because the outlet covers their district, yet SEC-1 lets them see only the orders sent to their outlet,
   * so a customer served elsewhere shows no orders (or only this outlet's) to them. HQ roles (the call
   * center's look-up) see every order; regional managers the orders in their regions. The order module
   * applies that scope; without a history port (the proposal's own reader) the list is empty.
   */
  async function historyOf(ids: readonly string[], actor: Actor | null) {
    if (!orderHistory || !actor || ids.length === 0) return new Map<string, CustomerOrderPage>();
    return orderHistory.forCustomers(db, actor, ids, MAX_HISTORY_ORDERS);
  }

  async function details(rows: readonly CustomerRow[], ctx: ServiceContext): Promise<CustomerDetail[]> {
    const now = ctx.now;
    const ids = rows.map((r) => r.id);
    const [phones, addresses, units, history] = await Promise.all([
      repo.phonesOf(db, ids),
      repo.addressesOf(db, ids),
      repo.unitsOf(db, ids),
      historyOf(ids, ctx.actor),
    ]);
    const [paths, unitViews] = await Promise.all([
      lookup.regionPaths(addresses.map((a) => a.regionCode)),
      unitViewer.views(units, now),
    ]);
    return rows.map((r) => {
      const orders = history.get(r.id) ?? NO_ORDERS;
      return {
        id: r.id,
        code: r.code,
        nameMasked: maskName(crypto.decrypt(r.nameEnc)),
        phones: phones.filter((p) => p.customerId === r.id).map(phoneView),
        addresses: addresses
          .filter((a) => a.customerId === r.id)
          .map((a) => ({
            id: a.id,
            regionCode: a.regionCode,
            regionPath: paths.get(a.regionCode) ?? a.regionCode,
            detailMasked: maskAddressDetail(crypto.decrypt(a.detailEnc)),
            lat: a.lat,
            lng: a.lng,
            isDefault: a.isDefault,
          })),
        units: unitViews.filter((u) => u.customerId === r.id),
        orders: orders.orders,
        ordersTotal: orders.total,
        ordersTruncated: orders.total > orders.orders.length,
        tags: r.tags,
        note: r.note,
        mergedIntoId: r.mergedIntoId,
        createdAt: r.createdAt.toISOString(),
        version: r.version,
      };
    });
  }

  async function listItems(rows: readonly CustomerRow[]): Promise<CustomerListItem[]> {
    const ids = rows.map((r) => r.id);
    const [phones, addresses, counts] = await Promise.all([
      repo.phonesOf(db, ids),
      repo.addressesOf(db, ids),
      repo.unitCounts(db, ids),
    ]);
    const primaryPhone = new Map<string, PhoneRow>();
    for (const p of phones)
      if (p.isPrimary || !primaryPhone.has(p.customerId)) primaryPhone.set(p.customerId, p);
    const mainAddress = new Map<string, AddressRow>();
    for (const a of addresses)
      if (a.isDefault || !mainAddress.has(a.customerId)) mainAddress.set(a.customerId, a);
    const paths = await lookup.regionPaths([...mainAddress.values()].map((a) => a.regionCode));
    return rows.map((r) => {
      const phone = primaryPhone.get(r.id);
      const address = mainAddress.get(r.id);
      return {
        id: r.id,
        code: r.code,
        nameMasked: maskName(crypto.decrypt(r.nameEnc)),
        primaryPhoneMasked: phone ? maskPhone(crypto.decrypt(phone.phoneEnc)) : null,
        regionPath: address ? (paths.get(address.regionCode) ?? address.regionCode) : null,
        unitCount: counts.get(r.id) ?? 0,
        tags: r.tags,
        createdAt: r.createdAt.toISOString(),
        version: r.version,
      };
    });
  }

  return { reachOf, regionInReach, inReach, loadVisible, details, listItems, unitViewer };
}

export type CustomerReader = ReturnType<typeof createCustomerReader>;

export function customerExportColumns(
  locale: 'zh-CN' | 'en-US',
  tz: string,
): ExportColumn<CustomerListItem>[] {
  return [
    { header: { 'zh-CN': '用户编号', 'en-US': 'Customer no.' }, value: (c) => c.code, width: 18 },
    { header: { 'zh-CN': '姓名', 'en-US': 'Name' }, value: (c) => c.nameMasked },
    {
      header: { 'zh-CN': '主要电话', 'en-US': 'Primary phone' },
      value: (c) => c.primaryPhoneMasked,
      width: 16,
    },
    { header: { 'zh-CN': '地区', 'en-US': 'Region' }, value: (c) => c.regionPath, width: 28 },
    { header: { 'zh-CN': '产品数', 'en-US': 'Units' }, value: (c) => c.unitCount },
    { header: { 'zh-CN': '标签', 'en-US': 'Tags' }, value: (c) => c.tags.join(', '), width: 20 },
    {
      header: { 'zh-CN': '建档时间', 'en-US': 'Created' },
      value: (c) => formatBusiness(new Date(c.createdAt), tz),
      width: 18,
    },
  ];
}
