import type { Harness } from '../../../../test/harness.ts';
import { OUTLET_A } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import type { NewWorkOrderRow, WorkOrderRow } from '../work-orders.repository.ts';
import { workOrdersRepository } from '../work-orders.repository.ts';

let sequence = 0;

/**
 * An order as intake and dispatch would leave it, inserted with the store's repository (field tests must not
 * depend on the intake routes) and given its SLA like any change does.
 */
export async function insertOrder(h: Harness, over: Partial<NewWorkOrderRow> = {}): Promise<WorkOrderRow> {
  const now = h.clock.now();
  sequence += 1;
  const status = over.status ?? 'accepted';
  const sent = status !== 'created';
  const row = await workOrdersRepository.insert(h.deps.database.db, {
    id: newId('wor', now),
    number: `WO${now.toISOString().slice(0, 10).replace(/-/g, '')}-9${String(sequence).padStart(5, '0')}${Math.floor(Math.random() * 1000)}`,
    customerId: over.customerId ?? newId('cus', now),
    addressId: newId('adr', now),
    regionCode: '440106',
    categoryCode: 'air_conditioner',
    orderType: 'repair',
    channel: 'hotline',
    serviceMode: 'on_site',
    faultDescription: '空调不制冷',
    status,
    outletId: sent ? OUTLET_A : null,
    dispatchedAt: sent ? now : null,
    acceptedAt: sent && status !== 'dispatched' ? now : null,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  return h.services.workOrders.store.recomputeSla(row, now);
}

export async function orderRow(h: Harness, id: string): Promise<WorkOrderRow> {
  const row = await workOrdersRepository.findById(h.deps.database.db, id);
  if (!row) throw new Error(`order ${id} missing`);
  return row;
}

/** A customer with two phones through the customers API (result phone ids must be the customer's). */
export async function createCustomer(
  h: Harness,
  admin: Record<string, string>,
  phone: string,
  tags: string[] = [],
): Promise<{ id: string; phoneIds: string[] }> {
  const r = await h.request({
    method: 'POST',
    url: '/api/customers',
    headers: admin,
    payload: {
      name: '张三',
      phones: [
        { number: phone, label: 'mobile' },
        { number: '020-38881234', label: 'home', isPrimary: false },
      ],
      addresses: [{ regionCode: '440106', detail: '天河路385号1201' }],
      tags,
    },
  });
  if (r.statusCode !== 201) throw new Error(`customer: ${r.statusCode} ${r.body}`);
  const body = r.json() as { id: string; phones: { id: string }[] };
  return { id: body.id, phoneIds: body.phones.map((p) => p.id) };
}

/** An engineer of outlet A through the outlets API, optionally linked to a login. */
export async function createEngineer(
  h: Harness,
  admin: Record<string, string>,
  linkToUser?: string,
): Promise<string> {
  const r = await h.request({
    method: 'POST',
    url: '/api/engineers',
    headers: admin,
    payload: {
      outletId: OUTLET_A,
      name: '赵强',
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      skills: [{ categoryCode: 'air_conditioner', level: 2 }],
    },
  });
  if (r.statusCode !== 201) throw new Error(`engineer: ${r.statusCode} ${r.body}`);
  const id = (r.json() as { id: string }).id;
  if (linkToUser) {
    const userId = await h.services.users.findIdByUsername(linkToUser);
    await h.testDb.database.executeSql('update engineers set user_id = $1 where id = $2', [userId, id]);
  }
  return id;
}
