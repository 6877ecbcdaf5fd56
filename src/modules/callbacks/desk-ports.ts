import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { CustomerContactEvidence } from '../customers/index.ts';

/** What the desk needs from the customers module: masked contact, same-phone evidence, the audited reveal. */
export interface CustomerPort extends Pick<
  CustomerContactEvidence,
  'maskedContact' | 'customersSharingPhone' | 'compareContacts'
> {
  reveal(
    ctx: ServiceContext,
    customerId: string,
  ): Promise<{
    name: string;
    phones: { id: string; number: string }[];
    addresses: { id: string; detail: string }[];
  }>;
}

/** WO-6.1: the order's satisfaction callback, recorded through the work-orders use case. */
export interface OrderCallbackPort {
  callback(
    ctx: ServiceContext,
    orderId: string,
    input: { reached: boolean; satisfied?: boolean | null; note?: string | null },
  ): Promise<{ callback: { id: string; by: string; reached: boolean; satisfied: boolean | null } }>;
}

export interface DeskPorts {
  customers: CustomerPort;
  orders: OrderCallbackPort;
  /** Where appeal files are stored (the files directory of the server). */
  filesDir: string;
}
