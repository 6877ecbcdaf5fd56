import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
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

  return {
    async create(ctx: ServiceContext, input: IntakeInput): Promise<OrderDetail> {
      const actor = requirePermission(ctx, 'order.create');
      const errors: FieldError[] = [];
      const ownOutlet = selfReceivedProblems(actor, input, errors);
      const { address, unit } = await customerFacts(ctx, input, errors);

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
        const issue = await categoryProblem(categoryCode);
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
      if (errors.length > 0 || !address || !categoryCode) throw validationFailed(errors);

      // WO-13: propose unless the order stays where it was received (WO-1) or is never dispatched.
      const dispatched = input.orderType !== 'consultation';
      let proposal: OutletProposal | null = null;
      if (dispatched && ownOutlet === null) {
        const location =
          address.lat !== null && address.lng !== null ? { lat: address.lat, lng: address.lng } : null;
        proposal = (
          await propose(
            {
              districtCode: address.regionCode,
              location,
              categoryCode,
              serviceType: input.orderType as DispatchServiceType,
              serviceMode: input.serviceMode,
            },
            ctx.now,
          )
        ).result;
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
      if (outletId !== null && ownOutlet === null) {
        const outlet = (await reads.outlets(db, [outletId])).get(outletId);
        const problem = dispatchTargetProblem(outlet, outletId, businessDate(ctx.now, deps.businessTimeZone));
        if (problem) throw validationFailed([{ path: '/dispatch/outletId', message: problem }]);
      }

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
        const created = await repo.insert(tx, {
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
        for (const [i, step] of steps.entries()) {
          await repo.insertEvent(tx, {
            id: eventIds[i] as string,
            orderId: id,
            at: ctx.now,
            actorId: actor.userId,
            type: step.type,
            data: step.data,
          });
        }
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
        await emitEvent(tx, ctx, 'order.created', {
          ...message,
          customerId: created.customerId,
          categoryCode,
          orderType: created.orderType,
          channel: created.channel,
          outletId: created.outletId,
        });
        if (outletId !== null) {
          await emitEvent(tx, ctx, 'order.dispatched', {
            ...message,
            outletId,
            previousOutletId: null,
            redispatch: false,
          });
        }
        return store.recomputeSla(created, ctx.now);
      });
      return reader.detail(ctx, row);
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
