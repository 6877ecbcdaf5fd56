import type { Executor } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { maskPhone } from '../../platform/phone.ts';
import { maskName } from '../catalog/index.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { ContactDifference } from './domain/contact-comparison.ts';
import { contactDifference } from './domain/contact-comparison.ts';
import { maskAddressDetail } from './domain/customer-rules.ts';

/** A customer and the address an order (or other record) was entered with; `ref` is the caller's own key. */
export interface ContactRef {
  ref: string;
  customerId: string;
  addressId: string;
}

export interface MaskedContact {
  id: string;
  nameMasked: string;
  phoneMasked: string | null;
  addressMasked: string | null;
  regionCode: string | null;
}

/**
 * What other modules may learn about a customer's contact details without reading them (MD-5): the masked
 * form for screens, who shares a phone (by blind index), and whether names and addresses differ. Decrypted
 * text stays inside these functions.
 */
export function createCustomerContactEvidence(deps: PlatformDeps) {
  const { crypto } = deps;
  const decryptOr = (value: string | undefined): string => (value ? crypto.decrypt(value) : '');

  async function texts(db: Executor, refs: readonly Omit<ContactRef, 'ref'>[]) {
    const customerIds = [...new Set(refs.map((r) => r.customerId))];
    const [rows, addresses] = await Promise.all([
      Promise.all(customerIds.map((id) => repo.findById(db, id))),
      repo.addressesOf(db, customerIds),
    ]);
    const names = new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r.nameEnc]));
    const byId = new Map(addresses.map((a) => [a.id, a]));
    return (ref: Omit<ContactRef, 'ref'>) => {
      const address = byId.get(ref.addressId);
      return {
        name: decryptOr(names.get(ref.customerId)),
        regionCode: address?.regionCode ?? '',
        detail: decryptOr(address?.detailEnc),
      };
    };
  }

  return {
    /** Name, primary phone and the given address, masked as the customer screens show them. */
    async maskedContact(db: Executor, customerId: string, addressId: string): Promise<MaskedContact | null> {
      const row = await repo.findById(db, customerId);
      if (!row) return null;
      const [phones, addresses] = await Promise.all([
        repo.phonesOf(db, [customerId]),
        repo.addressesOf(db, [customerId]),
      ]);
      const phone = phones[0];
      const address = addresses.find((a) => a.id === addressId);
      return {
        id: row.id,
        nameMasked: maskName(crypto.decrypt(row.nameEnc)),
        phoneMasked: phone ? maskPhone(crypto.decrypt(phone.phoneEnc)) : null,
        addressMasked: address ? maskAddressDetail(crypto.decrypt(address.detailEnc)) : null,
        regionCode: address?.regionCode ?? null,
      };
    },

    /**
     * The customers holding one of this customer's phones (blind index), the customer itself included, and
     * the duplicates merged into any of them (their orders still point at the duplicate).
     */
    async customersSharingPhone(db: Executor, customerId: string): Promise<string[]> {
      const own = await repo.findById(db, customerId);
      if (!own) return [];
      const holder = own.mergedIntoId ?? own.id;
      const phones = await repo.phonesOf(db, [holder]);
      const sharing = await repo.phonesByIndex(
        db,
        phones.map((p) => p.phoneIdx),
      );
      const ids = new Set([customerId, holder, ...sharing.map((p) => p.customerId)]);
      for (const id of await repo.mergedInto(db, [...ids])) ids.add(id);
      return [...ids].sort();
    },

    /** CB-6: for each other record, whether its name or address differs from the subject's. */
    async compareContacts(
      db: Executor,
      subject: Omit<ContactRef, 'ref'>,
      others: readonly ContactRef[],
    ): Promise<(ContactDifference & { ref: string })[]> {
      if (others.length === 0) return [];
      const textOf = await texts(db, [subject, ...others]);
      const mine = textOf(subject);
      return others.map((o) => ({ ref: o.ref, ...contactDifference(mine, textOf(o)) }));
    },
  };
}

export type CustomerContactEvidence = ReturnType<typeof createCustomerContactEvidence>;
