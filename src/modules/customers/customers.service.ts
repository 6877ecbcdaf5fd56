import type { PlatformDeps } from '../../platform/deps.ts';

export function createCustomersService(_deps: PlatformDeps) {
  return {};
}

export type CustomersService = ReturnType<typeof createCustomersService>;
