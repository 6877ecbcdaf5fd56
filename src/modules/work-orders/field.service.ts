import type { PlatformDeps } from '../../platform/deps.ts';
import type { OrderStore } from './order-store.ts';

export function createFieldService(_deps: PlatformDeps, _store: OrderStore) {
  return {};
}

export type FieldService = ReturnType<typeof createFieldService>;
