import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/outbox/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { businessDate } from '../../platform/time.ts';
import { requirePermission } from '../identity/index.ts';
import type { DispatchServiceType, OutletProposal } from './domain/dispatch.ts';
import type { OrderState } from './domain/lifecycle.ts';
import { transition } from './domain/lifecycle.ts';
import type { Channel, OrderType, ServiceMode } from './domain/order-codes.ts';
import type { IntakeProposal } from './intake-proposal.ts';
import { dispatchTargetProblem } from './lifecycle-actions.ts';
import type { OrderStore } from './order-store.ts';
import { asMarketTier } from './order-store.ts';
import type { OutletCandidateRow } from './dispatch-candidates.repository.ts';
import { closingBaseOfNewOrder } from './lifecycle-closing.ts';
import type { OrderDetail } from './order-view.ts';
import { auditableOrder } from './order-view.ts';
import type { OrderReader } from './orders-query.service.ts';
import { ordersReadRepository as reads } from './orders-read.repository.ts';
import { workOrdersRepository as repo } from './work-orders.repository.ts';

export interface IntakeInput {
  customerId: string;
  addressId: string;
  unitId?: string | undefined;
  categoryCode?: string | undefined;
  orderType: OrderType;
  channel: Channel;
  serviceMode: ServiceMode;
  faultDescription: string;
  customerRequestedAt?: string | undefined;
  dispatch?: { outletId: string; overrideReason?: string | undefined } | undefined;
}

/** An outlet an intake names: what the answer shows, the dispatch check weighs and WO-7.1's tier. */
type IntakeOutlet = {
  id: string;
  code: string;
  name: string;
  status: string;
  regionCode: string;
  dispatchSuspendedUntil: string | null;
  marketTier: number | null;
};

const hasControl = (s: string) => /[\p{Cc}\p{Cf}]/u.test(s.replace(/[\n\r\t]/g, ''));

/**
 * Intake (WO-1/2/3) with the outlet proposal (WO-13). An order is created and sent to its outlet in one
 * transaction: the row, the 'created' and 'dispatched' timeline events, one audit row (with the override
 * reason when the agent chose another outlet than proposed), the order.created and order.dispatched
 * messages, and the SLA computed for that outlet.
 */
export function createIntakeService(
  deps: PlatformDeps,
  store: OrderStore,
  proposals: IntakeProposal,
  reader: OrderReader,
) {
  const db = store.db;
  const { customerFacts, categoryProblem, propose } = proposals.helpers;

  /** WO-1: outlet staff enter only what they received themselves, and it stays with their outlet. */
  function selfReceivedProblems(actor: Actor, input: IntakeInput, errors: FieldError[]): string | null {
    if (actor.scope.kind !== 'outlet') return null;
    const own = actor.scope.outletId;
    if (input.channel !== 'self_received') {
      errors.push({
        path: '/channel',
        message: 'Outlet staff enter the orders they received themselves: use the self_received channel.',
      });
    }
    if (input.orderType === 'consultation') {
      errors.push({
        path: '/orderType',
        message: 'Consultations are answered by the call center; enter a service request.',
      });
    }
    if (input.dispatch && input.dispatch.outletId !== own) {
      errors.push({
        path: '/dispatch/outletId',
        message: 'A self-received order stays with your own outlet.',
      });
    }
    return own;
  }

  /** The outlets named, as candidates when WO-13 weighed them, else read (self-received, overrides). */
  async function outletsOf(
    weighed: readonly OutletCandidateRow[],
    ids: readonly (string | null)[],
  ): Promise<Map<string, IntakeOutlet>> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    const known = new Map<string, IntakeOutlet>(
      weighed.filter((c) => wanted.includes(c.outletId)).map((c) => [c.outletId, { ...c, id: c.outletId }]),
    );
    const missing = wanted.filter((x) => !known.has(x));
    if (missing.length === 0) return known;
    const read = await reads.outlets(db, missing);
    const tiers = await store.lookup.regions([...read.values()].map((o) => o.regionCode));
    for (const o of read.values())
      known.set(o.id, { ...o, marketTier: tiers.get(o.regionCode)?.marketTier ?? null });
    return known;
  }

  return {
    async create(ctx: ServiceContext, input: IntakeInput): Promise<OrderDetail> {
      const actor = requirePermission(ctx, 'order.create');
      const errors: FieldError[] = [];
      const ownOutlet = selfReceivedProblems(actor, input, errors);
      const { customer, address, unit, reference } = await customerFacts(ctx, input, errors);

      let categoryCode = input.categoryCode;
      if (unit) {
        if (!unit.categoryCode) {
          errors.push({ path: '/unitId', message: 'This unit’s model has no category; give categoryCode.' });
        } else if (categoryCode !== undefined && categoryCode !== unit.categoryCode) {
          errors.push({
            path: '/categoryCode',
            message: `The unit is a ${unit.categoryCode}; leave the category out or give that one.`,
          });
        } else categoryCode = unit.categoryCode;
      } else if (categoryCode === undefined && input.unitId === undefined) {
        errors.push({ path: '/categoryCode', message: 'Choose the unit, or the product category.' });
      }
      if (categoryCode !== undefined && !unit) {
        const issue = categoryProblem(categoryCode, reference);
        if (issue) errors.push({ path: '/categoryCode', message: issue });
      }
      const fault = input.faultDescription.trim();
      if (fault === '' || hasControl(fault)) {
        errors.push({ path: '/faultDescription', message: 'Describe the fault in the customer’s words.' });
      }
      let requestedAt: Date | null = null;
      if (input.customerRequestedAt !== undefined) {
        requestedAt = new Date(input.customerRequestedAt);
        if (Number.isNaN(requestedAt.getTime())) {
          errors.push({ path: '/customerRequestedAt', message: 'Use an ISO-8601 instant with its offset.' });
        }
      }
      const overrideReason = input.dispatch?.overrideReason?.trim() || null;
      if (overrideReason !== null && hasControl(overrideReason)) {
        errors.push({ path: '/dispatch/overrideReason', message: 'Use printable text for the reason.' });
      }
      if (input.orderType === 'consultation' && input.dispatch) {
        errors.push({
          path: '/dispatch',
          message: 'Consultations are answered by the call center and never sent to an outlet.',
        });
      }
      if (errors.length > 0 || !customer || !address || !categoryCode) throw validationFailed(errors);

      // WO-13: propose unless the order stays where it was received (WO-1) or is never dispatched.
      const dispatched = input.orderType !== 'consultation';
      let proposal: OutletProposal | null = null;
      let weighed: OutletCandidateRow[] = [];
      if (dispatched && ownOutlet === null) {
        const location =
          address.lat !== null && address.lng !== null ? { lat: address.lat, lng: address.lng } : null;
        const proposed = await propose(
          {
            districtCode: address.regionCode,
            location,
            categoryCode,
            serviceType: input.orderType as DispatchServiceType,
            serviceMode: input.serviceMode,
          },
          ctx.now,
        );
        proposal = proposed.result;
        weighed = proposed.candidates;
      }
      const proposedOutletId = proposal?.ok ? proposal.proposal.outletId : null;
      const outletId = ownOutlet ?? input.dispatch?.outletId ?? proposedOutletId;
      const overridden = dispatched && ownOutlet === null && outletId !== proposedOutletId;
      if (dispatched && outletId === null) {
        throw new AppError(
          'ORDER_RULE_REFUSED',
          proposal && !proposal.ok ? proposal.message : 'Choose the outlet to send the order to.',
          {
            details: { reason: 'NO_ELIGIBLE_OUTLET', rule: 'WO-13', rejected: proposal?.rejected ?? [] },
            errors: [{ path: '/dispatch/outletId', message: 'Choose the outlet to send the order to.' }],
          },
        );
      }
      if (overridden && overrideReason === null) {
        throw validationFailed(
          [
            {
              path: '/dispatch/overrideReason',
              message: proposedOutletId
                ? 'The system proposed another outlet; say why you choose this one (WO-13).'
                : 'No outlet is eligible for this order; say why you send it to this one (WO-13).',
            },
          ],
          'WO-13: overriding the proposed outlet needs a reason.',
        );
      }
      // The outlets the answer names and the SLA tier, from the candidates in hand when the order goes to one.
      const outlets = await outletsOf(weighed, [outletId, proposedOutletId]);
      if (outletId !== null && ownOutlet === null) {
        const problem = dispatchTargetProblem(
          outlets.get(outletId),
          outletId,
          businessDate(ctx.now, deps.businessTimeZone),
        );
        if (problem) throw validationFailed([{ path: '/dispatch/outletId', message: problem }]);
      }
      const outletTier = outletId === null ? null : asMarketTier(outlets.get(outletId)?.marketTier);

      const facts = {
        orderType: input.orderType,
        categoryCode,
        serviceMode: input.serviceMode,
        channel: input.channel,
        actualMeasurePickup: false,
        createdAt: ctx.now,
        customerRequestedAt: requestedAt,
      };
      // WO-7 before the transaction: the SLA goes into the INSERT and nothing is read back.
      const sla = await store.slaOfNewOrder(facts, outletTier, ctx.now);
      const row = await inTransaction(deps, async (tx) => {
        const id = newId('wor', ctx.now);
        let state: OrderState = { status: 'created', outletId: null, engineerId: null };
        const steps: { type: string; data: Record<string, unknown> }[] = [
          {
            type: 'created',
            data: {
              orderType: input.orderType,
              channel: input.channel,
              serviceMode: input.serviceMode,
              categoryCode,
              unitId: unit?.id ?? null,
            },
          },
        ];
        if (outletId !== null) {
          state = stepTo(state, { type: 'dispatch', outletId });
          steps.push({
            type: 'dispatched',
            data: {
              outletId,
              proposedOutletId,
              override: overridden,
              overrideReason: overridden ? overrideReason : null,
              selfReceived: ownOutlet !== null,
            },
          });
          // WO-1: the outlet that received the order has it in hand; nothing waits for its acknowledgement.
          if (ownOutlet !== null) {
            state = stepTo(state, { type: 'accept' });
            steps.push({ type: 'accepted', data: { selfReceived: true } });
          }
        }
        // The day counter's row lock is held until commit: taken last, right before the row it numbers.
        const created = await repo.insert(tx, {
          ...facts,
          ...sla.columns,
          id,
          number: await store.nextNumber(tx, ctx.now),
          customerId: input.customerId,
          unitId: unit?.id ?? null,
          addressId: address.id,
          regionCode: address.regionCode,
          categoryCode,
          modelId: unit?.modelId ?? null,
          orderType: input.orderType,
          channel: input.channel,
          serviceMode: input.serviceMode,
          faultDescription: fault,
          customerRequestedAt: requestedAt,
          status: state.status,
          outletId: state.outletId,
          proposedOutletId,
          dispatchOverrideReason: overridden ? overrideReason : null,
          dispatchedAt: outletId !== null ? ctx.now : null,
          acceptedAt: state.status === 'accepted' ? ctx.now : null,
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        // One instant for all: ids in ascending order keep the timeline in the order the steps happened.
        const eventIds = steps.map(() => newId('oev', ctx.now)).sort();
        await repo.insertEvents(
          tx,
          steps.map((step, i) => ({
            id: eventIds[i] as string,
            orderId: id,
            at: ctx.now,
            actorId: actor.userId,
            type: step.type,
            data: step.data,
          })),
        );
        await writeAudit(tx, ctx, {
          entity: 'work_order',
          entityId: id,
          action: 'create',
          after: auditableOrder(created),
          ...(overridden && overrideReason ? { reason: overrideReason } : {}),
          scopeOutletId: created.outletId,
          scopeRegionCode: created.regionCode,
        });
        const message = { orderId: id, number: created.number };
        await emitEvents(tx, ctx, [
          {
            topic: 'order.created',
            payload: {
              ...message,
              customerId: created.customerId,
              categoryCode,
              orderType: created.orderType,
              channel: created.channel,
              outletId: created.outletId,
            },
          },
          ...(outletId !== null
            ? [
                {
                  topic: 'order.dispatched',
                  payload: { ...message, outletId, previousOutletId: null, redispatch: false },
                },
              ]
            : []),
        ]);
        return created;
      });
      // The answer is built from what intake holds: a new order has no engineer, parts, results or callbacks.
      return reader.assemble(ctx, row, {
        outlets,
        engineer: undefined,
        customer: {
          id: customer.id,
          code: customer.code,
          nameMasked: customer.nameMasked,
          phoneMasked: customer.phoneMasked,
          tags: customer.tags,
          address: {
            id: address.id,
            regionCode: address.regionCode,
            regionPath: reference.regionPath,
            detailMasked: address.detailMasked,
          },
        },
        unit: unit
          ? {
              id: unit.id,
              serialNumber: unit.serialNumber,
              modelId: unit.modelId,
              modelCode: unit.model?.code ?? null,
              modelName: unit.model?.name ?? null,
            }
          : null,
        category: reference.category ?? undefined,
        regionPath: reference.regionPath,
        closing: closingBaseOfNewOrder(row),
        slaState: sla.evaluation.state,
      });
    },
  };
}

function stepTo(state: OrderState, action: Parameters<typeof transition>[1]): OrderState {
  const r = transition(state, action);
  // Intake builds its own path through the state machine; a refusal here is a programming error.
  if (!r.ok) throw new Error(`Intake step refused: ${r.message}`);
  return r.state;
}

export type IntakeService = ReturnType<typeof createIntakeService>;
