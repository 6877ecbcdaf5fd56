import type { PlatformDeps } from '../../platform/deps.ts';
import type { OrderStore } from './order-store.ts';

export function createOrdersService(_deps: PlatformDeps, _store: OrderStore) {
  return {};
}

export type OrdersService = ReturnType<typeof createOrdersService>;
