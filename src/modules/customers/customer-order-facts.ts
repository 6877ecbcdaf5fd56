import type { Actor } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { maskPhone } from '../../platform/phone.ts';
import { createCatalogLookup, maskName } from '../catalog/index.ts';
import { customersRepository as repo } from './customers.repository.ts';
import { createCustomerReader } from './customer-view.ts';
import { maskAddressDetail } from './domain/customer-rules.ts';

/** A customer as an order shows them (MD-5 masks), with the address and unit the order names. */
export interface CustomerOrderFacts {
  id: string;
  code: string;
  nameMasked: string;
  phoneMasked: string | null;
  tags: string[];
  mergedIntoId: string | null;
  /** The address named, when it is one of the customer's. */
  address: {
    id: string;
    regionCode: string;
    detailMasked: string;
    lat: number | null;
    lng: number | null;
  } | null;
  /** The unit named, when it is one of the customer's. */
  unit: { id: string; serialNumber: string; modelId: string } | null;
}

/**
 * Read port for order intake: the customer, address and unit an order names, in one query, under the same SEC-1
 * reach as the customer screens (a customer out of reach reads as missing). Callers check their own permission.
 */
export function createCustomerOrderFacts(deps: PlatformDeps) {
  const db = deps.database.db;
  const reader = createCustomerReader(deps, createCatalogLookup(db));
  const { crypto } = deps;

  return {
    async forOrder(
      actor: Actor,
      input: { customerId: string; addressId: string; unitId?: string | undefined },
    ): Promise<CustomerOrderFacts | undefined> {
      const [row, reach] = await Promise.all([
        repo.orderFacts(db, input.customerId, input.addressId, input.unitId ?? null),
        reader.reachOf(actor),
      ]);
      if (!row) return undefined;
      if (
        !reader.inReach(
          reach,
          row.addressRegions.map((regionCode) => ({ regionCode })),
        )
      )
        return undefined;
      return {
        id: row.id,
        code: row.code,
        nameMasked: maskName(crypto.decrypt(row.nameEnc)),
        phoneMasked: row.phoneEnc ? maskPhone(crypto.decrypt(row.phoneEnc)) : null,
        tags: row.tags,
        mergedIntoId: row.mergedIntoId,
        address: row.address && {
          id: row.address.id,
          regionCode: row.address.regionCode,
          detailMasked: maskAddressDetail(crypto.decrypt(row.address.detailEnc)),
          lat: row.address.lat,
          lng: row.address.lng,
        },
        unit: row.unit,
      };
    },
  };
}

export type CustomerOrderFactsPort = ReturnType<typeof createCustomerOrderFacts>;
