import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { OrderReference } from '../catalog/index.ts';
import type { CustomerOrderFacts, CustomerOrderFactsPort } from '../customers/index.ts';
import { requirePermission } from '../identity/index.ts';
import { dispatchCandidatesRepository as candidates } from './dispatch-candidates.repository.ts';
import type { OutletCandidateRow } from './dispatch-candidates.repository.ts';
import type { DispatchServiceType, OutletProposal, RankedOutlet } from './domain/dispatch.ts';
import { proposeOutlet } from './domain/dispatch.ts';
import type { OrderType, ServiceMode } from './domain/order-codes.ts';
import type { OrderStore } from './order-store.ts';

export interface ProposalInput {
  customerId: string;
  addressId: string;
  categoryCode: string;
  orderType: OrderType;
  serviceMode: ServiceMode;
}
type RankedView = RankedOutlet & { name: string };

/** What intake and the proposal know of the customer side of an order once it is looked up. */
export interface IntakeFacts {
  customer?: CustomerOrderFacts | undefined;
  address?: NonNullable<CustomerOrderFacts['address']> | undefined;
  unit?:
    | (NonNullable<CustomerOrderFacts['unit']> & {
        model: OrderReference['model'];
        categoryCode: string | null;
      })
    | undefined;
  reference: OrderReference;
}

export interface ProposalView {
  proposalId: string;
  ok: boolean;
  code: 'NO_ELIGIBLE_OUTLET' | null;
  message: string | null;
  proposal: RankedView | null;
  ranked: RankedView[];
  rejected: { id: string; code: string; name: string; reasons: RankedOutlet['reasons'] }[];
  basis: {
    districtCode: string;
    categoryCode: string;
    serviceType: DispatchServiceType;
    serviceMode: ServiceMode;
    customerLocated: boolean;
    defaultRadiusKm: number;
    radiusPolicyVersion: number;
  };
}

/**
 * WO-13 outlet proposal, and the look-ups intake shares with it: the customer, address and unit as the caller
 * may see them, the category, and the ranking of real candidates (coverage, radius, grade, open load).
 */
export function createIntakeProposal(
  deps: PlatformDeps,
  store: OrderStore,
  customers: CustomerOrderFactsPort,
) {
  const db = store.db;
  const tz = deps.businessTimeZone;

  /**
   * The customer as the caller may see them (SEC-1), their address and, if named, their unit, with the
   * catalogue's view of them (region path, model, category): two queries, errors collected for the form.
   */
  async function customerFacts(
    ctx: ServiceContext,
    input: {
      customerId: string;
      addressId: string;
      unitId?: string | undefined;
      categoryCode?: string | undefined;
    },
    errors: FieldError[],
  ): Promise<IntakeFacts> {
    const actor = requirePermission(ctx, 'customer.read');
    const found = await customers.forOrder(actor, input);
    let customer: CustomerOrderFacts | undefined;
    if (!found) errors.push({ path: '/customerId', message: `Customer ${input.customerId} was not found.` });
    else if (found.mergedIntoId) {
      errors.push({
        path: '/customerId',
        message: `This customer was merged into ${found.mergedIntoId}; take the order for that customer.`,
      });
    } else customer = found;
    const address = customer?.address ?? undefined;
    if (customer && !address)
      errors.push({ path: '/addressId', message: 'Choose one of this customer’s addresses.' });
    if (customer && input.unitId !== undefined && !customer.unit) {
      errors.push({ path: '/unitId', message: 'Choose one of this customer’s units.' });
    }
    const reference = await store.lookup.orderReference({
      regionCode: address?.regionCode ?? '',
      modelId: customer?.unit?.modelId ?? null,
      categoryCode: input.categoryCode ?? null,
    });
    const unit =
      customer?.unit && input.unitId !== undefined
        ? { ...customer.unit, model: reference.model, categoryCode: reference.model?.categoryCode ?? null }
        : undefined;
    return { customer, address, unit, reference };
  }

  function categoryProblem(code: string, reference: OrderReference): string | undefined {
    return reference.category?.code === code ? undefined : `Product category ${code} does not exist.`;
  }

  async function propose(
    input: {
      districtCode: string;
      location: { lat: number; lng: number } | null;
      categoryCode: string;
      serviceType: DispatchServiceType;
      serviceMode: ServiceMode;
    },
    now: Date,
  ) {
    const radius = await deps.policies.at<{ defaultKm: number }>('net.service_radius', now);
    const found = await candidates.outletCandidates(db, input.districtCode);
    const result = proposeOutlet(
      found,
      {
        districtCode: input.districtCode,
        categoryCode: input.categoryCode,
        serviceType: input.serviceType,
        serviceMode: input.serviceMode,
        location: input.location,
      },
      { now, tz, defaultRadiusKm: radius.value.defaultKm },
    );
    return { result, radius, candidates: found };
  }

  /** Every ranked and rejected outlet is one of the candidates, which carry their names. */
  function proposalView(
    proposalId: string,
    result: OutletProposal,
    weighed: readonly OutletCandidateRow[],
    basis: ProposalView['basis'],
  ): ProposalView {
    const names = new Map(weighed.map((c) => [c.outletId, c]));
    const named = (r: RankedOutlet): RankedView => ({ ...r, name: names.get(r.outletId)?.name ?? r.code });
    return {
      proposalId,
      ok: result.ok,
      code: result.ok ? null : result.code,
      message: result.ok ? null : result.message,
      proposal: result.ok ? named(result.proposal) : null,
      ranked: result.ranked.map(named),
      rejected: result.rejected.map((r) => ({ ...r, name: names.get(r.id)?.name ?? r.code })),
      basis,
    };
  }

  function notDispatched(): AppError {
    return new AppError(
      'ORDER_RULE_REFUSED',
      'Consultations are answered by the call center and never sent to an outlet.',
      { details: { reason: 'CONSULTATION_NOT_DISPATCHED', rule: 'WO-13' } },
    );
  }

  const helpers = { customerFacts, categoryProblem, propose, notDispatched };
  return {
    helpers,

    /** WO-13: the outlet the system proposes for this customer address, category and service type, and why. */
    async proposal(ctx: ServiceContext, input: ProposalInput): Promise<ProposalView> {
      requirePermission(ctx, 'order.create');
      if (input.orderType === 'consultation') throw notDispatched();
      const errors: FieldError[] = [];
      const { address, reference } = await customerFacts(
        ctx,
        { customerId: input.customerId, addressId: input.addressId, categoryCode: input.categoryCode },
        errors,
      );
      const categoryIssue = categoryProblem(input.categoryCode, reference);
      if (categoryIssue) errors.push({ path: '/categoryCode', message: categoryIssue });
      if (errors.length > 0 || !address) throw validationFailed(errors);
      const location =
        address.lat !== null && address.lng !== null ? { lat: address.lat, lng: address.lng } : null;
      const serviceType = input.orderType;
      const {
        result,
        radius,
        candidates: weighed,
      } = await propose(
        {
          districtCode: address.regionCode,
          location,
          categoryCode: input.categoryCode,
          serviceType,
          serviceMode: input.serviceMode,
        },
        ctx.now,
      );
      const proposalId = newId('wop', ctx.now);
      // What the agent was shown is kept, so that an audited override can be read against it later.
      await inTransaction(deps, (tx) =>
        writeAudit(tx, ctx, {
          entity: 'work_order_proposal',
          entityId: proposalId,
          action: 'propose',
          after: {
            customerId: input.customerId,
            districtCode: address.regionCode,
            categoryCode: input.categoryCode,
            serviceType,
            serviceMode: input.serviceMode,
            proposedOutletId: result.ok ? result.proposal.outletId : null,
            ranked: result.ranked.map((r) => r.code),
            rejected: result.rejected.map((r) => r.code),
          },
          scopeOutletId: result.ok ? result.proposal.outletId : null,
          scopeRegionCode: address.regionCode,
        }),
      );
      return proposalView(proposalId, result, weighed, {
        districtCode: address.regionCode,
        categoryCode: input.categoryCode,
        serviceType,
        serviceMode: input.serviceMode,
        customerLocated: location !== null,
        defaultRadiusKm: radius.value.defaultKm,
        radiusPolicyVersion: radius.version,
      });
    },
  };
}

export type IntakeProposal = ReturnType<typeof createIntakeProposal>;
