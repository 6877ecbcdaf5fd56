import type { PlatformDeps } from '../../platform/deps.ts';
import { createCustomerOrderFacts } from '../customers/index.ts';
import { createIntakeProposal } from './intake-proposal.ts';
import { createIntakeService } from './intake.service.ts';
import { createLifecycleService } from './lifecycle.service.ts';
import { createLifecycleWorkService } from './lifecycle-work.service.ts';
import type { OrderStore } from './order-store.ts';
import { createOrderReader } from './orders-query.service.ts';

/** Intake and proposal (WO-1/2/3/13), the lifecycle after it (WO-6/13/14), and the order's reads. */
export function createOrdersService(deps: PlatformDeps, store: OrderStore) {
  const reader = createOrderReader(deps, store);
  const proposals = createIntakeProposal(deps, store, createCustomerOrderFacts(deps));
  const intake = createIntakeService(deps, store, proposals, reader);
  const lifecycle = createLifecycleService(deps, store, reader);
  const work = createLifecycleWorkService(deps, store, reader);
  return {
    proposal: proposals.proposal,
    create: intake.create,
    list: reader.list,
    exportXlsx: reader.exportXlsx,
    get: reader.get,
    timeline: reader.timeline,
    sla: reader.sla,
    ...lifecycle,
    ...work,
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
