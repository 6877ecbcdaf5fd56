import { api } from '../../../api/client';
import type { Proposal } from '../../../api/work-orders';
import { useApi } from '../../../lib/use-api';
import type { ApiState } from '../../../lib/use-api';

export interface ProposalInput {
  customerId: string;
  addressId: string | undefined;
  categoryCode: string | undefined;
  orderType: string | undefined;
  serviceMode: string | undefined;
}

/** Asks WO-13 again whenever one of its four inputs changes; nothing is asked until all are set. */
export function useProposal(input: ProposalInput): ApiState<Proposal> & { ready: boolean } {
  const ready = !!(input.addressId && input.categoryCode && input.orderType && input.serviceMode);
  const key = ready ? `proposal:${JSON.stringify(input)}` : null;
  const state = useApi(key, (signal) => api.post<Proposal>('/api/work-orders/proposal', input, { signal }));
  return { ...state, ready };
}
