import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { businessDate } from '../../platform/time.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import { PROMISE_KEY } from './field-facts.ts';
import type { PartTimeField, PartTimes } from './field-part-times.ts';
import { checkPartTimes, partTimeFields } from './field-part-times.ts';
import { fieldQueries as q } from './field-queries.ts';
import {
  assertCalendarDates,
  issuesMessage,
  orderSummary,
  pageOf,
  partView,
  ruleRefused,
} from './field-views.ts';
import type { OrderStore } from './order-store.ts';
import type { PartRequestRow, WorkOrderRow } from './work-orders.repository.ts';

/** division: shipped by the division (pauses the outlet's SLA clock, WO-7.6); the others do not. */
export const partShippedBy = ['division', 'trading_company', 'outlet_stock'] as const;
export type PartShippedBy = (typeof partShippedBy)[number];

export interface RequestPartInput {
  partName: string;
  partCode?: string | null | undefined;
  quantity: number;
  shippedBy: PartShippedBy;
  promisedArrivalDate?: string | null | undefined;
}

export type UpdatePartInput = { version: number; promisedArrivalDate?: string | null | undefined } & {
  [K in PartTimeField]?: string | null | undefined;
};

/** Parts are requested while the outlet works the order, not before it has it nor after it is done. */
const REQUEST_STATUSES: readonly OrderStatus[] = [
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
];
const CLOSED: readonly OrderStatus[] = ['closed', 'cancelled'];

function illegal(order: WorkOrderRow, action: string, message: string): AppError {
  return new AppError('ORDER_ILLEGAL_TRANSITION', message, {
    details: { reason: 'ILLEGAL_TRANSITION', from: order.status, action },
  });
}

/** WO-8.4: an arrival date given to the customer is a real date from today on. */
function promiseProblem(date: string | null | undefined, now: Date, tz: string) {
  if (date === null || date === undefined) return undefined;
  assertCalendarDates({ '/promisedArrivalDate': date });
  const today = businessDate(now, tz);
  if (date >= today) return undefined;
  return {
    path: '/promisedArrivalDate',
    code: 'DATE_IN_PAST',
    message: `Give an arrival date from ${today} on.`,
  };
}

/** WO-7.6 / WO-11 part requests: each change recomputes the SLA through the order store. */
export function createFieldParts(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;

  async function lockedPart(orderId: string, partId: string, version: number): Promise<PartRequestRow> {
    const part = await q.findPart(store.db, orderId, partId);
    if (!part) throw notFound('Part request', partId);
    if (part.version !== version) throw versionConflict('Part request', partId, part.version);
    if (part.cancelledAt) {
      throw ruleRefused(
        'PART_CANCELLED',
        'This part request is cancelled; request the part again if needed.',
      );
    }
    return part;
  }

  return {
    async list(ctx: ServiceContext, orderId: string, page: { page: number; pageSize: number }) {
      await store.loadVisible(ctx, orderId);
      const rows = await q.partsOf(store.db, [orderId]);
      return pageOf(rows.map(partView), page.page, page.pageSize);
    },

    async request(ctx: ServiceContext, orderId: string, input: RequestPartInput) {
      const partName = input.partName.trim();
      if (partName === '') throw validationFailed([{ path: '/partName', message: 'Enter the part name.' }]);
      const out: { part?: PartRequestRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', undefined, async (before, tx) => {
        if (!REQUEST_STATUSES.includes(before.status as OrderStatus)) {
          throw illegal(before, 'request_part', `An order that is ${before.status} takes no part requests.`);
        }
        const promise = promiseProblem(input.promisedArrivalDate, ctx.now, tz);
        if (promise) throw ruleRefused(promise.code, promise.message, [promise], { rule: 'WO-8.4' });
        const part = await q.insertPart(tx, {
          id: newId('prq', ctx.now),
          orderId: before.id,
          partName,
          partCode: input.partCode?.trim() || null,
          quantity: input.quantity,
          shippedBy: input.shippedBy,
          appliedAt: ctx.now,
          promisedArrivalDate: input.promisedArrivalDate ?? null,
          createdBy: ctx.actor?.userId ?? null,
          createdAt: ctx.now,
        });
        out.part = part;
        return {
          // WO-14: the first part request of the order.
          patch: before.firstPartRequestAt ? {} : { firstPartRequestAt: ctx.now },
          event: {
            type: 'part_requested',
            data: {
              partId: part.id,
              partName: part.partName,
              partCode: part.partCode,
              quantity: part.quantity,
              shippedBy: part.shippedBy,
              promisedArrivalDate: part.promisedArrivalDate,
              ...(part.promisedArrivalDate ? { [PROMISE_KEY]: [part.id] } : {}),
            },
          },
        };
      });
      if (!out.part) throw new Error('The part request was not saved.');
      return { part: partView(out.part), order: orderSummary(order) };
    },

    /** Movement times (下架, 过站, arrival, fitting) and the promised date; times are checked as facts. */
    async update(ctx: ServiceContext, orderId: string, partId: string, input: UpdatePartInput) {
      const changed = partTimeFields.filter((f) => input[f] !== undefined);
      const promiseChanged = input.promisedArrivalDate !== undefined;
      if (changed.length === 0 && !promiseChanged) {
        throw validationFailed([
          { path: '', message: 'Send at least one time or the promised arrival date.' },
        ]);
      }
      const out: { part?: PartRequestRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', undefined, async (before, tx) => {
        if (CLOSED.includes(before.status as OrderStatus)) {
          throw illegal(
            before,
            'update_part',
            `The order is ${before.status}; its parts can no longer change.`,
          );
        }
        const part = await lockedPart(before.id, partId, input.version);
        const times = Object.fromEntries(
          partTimeFields.map((f) => {
            const v = input[f];
            return [f, v === undefined ? part[f] : v === null ? null : new Date(v)];
          }),
        ) as PartTimes;
        const issues = checkPartTimes(times, { now: ctx.now, appliedAt: part.appliedAt, changed });
        const promise = promiseChanged ? promiseProblem(input.promisedArrivalDate, ctx.now, tz) : undefined;
        if (promise) issues.push(promise);
        if (issues.length > 0) {
          throw ruleRefused(issues[0]?.code ?? 'INVALID', issuesMessage(issues, ''), issues, {
            rule: promise && issues.length === 1 ? 'WO-8.4' : 'WO-7.6',
          });
        }
        const promisedArrivalDate = promiseChanged
          ? (input.promisedArrivalDate ?? null)
          : part.promisedArrivalDate;
        const updated = await q.updatePart(tx, part.id, part.version, { ...times, promisedArrivalDate });
        if (!updated) throw versionConflict('Part request', partId, part.version + 1);
        out.part = updated;
        const newPromise =
          promiseChanged && promisedArrivalDate && promisedArrivalDate !== part.promisedArrivalDate;
        return {
          patch: {},
          event: {
            type: 'part_updated',
            data: {
              partId: part.id,
              partName: part.partName,
              ...Object.fromEntries(changed.map((f) => [f, times[f]?.toISOString() ?? null])),
              ...(promiseChanged ? { promisedArrivalDate } : {}),
              ...(newPromise ? { [PROMISE_KEY]: [part.id] } : {}),
            },
          },
        };
      });
      if (!out.part) throw new Error('The part request was not saved.');
      return { part: partView(out.part), order: orderSummary(order) };
    },

    async cancel(
      ctx: ServiceContext,
      orderId: string,
      partId: string,
      input: { version: number; reason: string },
    ) {
      const reason = input.reason.trim();
      if (reason === '')
        throw validationFailed([{ path: '/reason', message: 'Say why the part is not needed.' }]);
      const out: { part?: PartRequestRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', undefined, async (before, tx) => {
        if (CLOSED.includes(before.status as OrderStatus)) {
          throw illegal(
            before,
            'cancel_part',
            `The order is ${before.status}; its parts can no longer change.`,
          );
        }
        const part = await lockedPart(before.id, partId, input.version);
        if (part.fittedAt) {
          throw ruleRefused('PART_ALREADY_FITTED', 'This part is already fitted; it cannot be cancelled.');
        }
        const updated = await q.updatePart(tx, part.id, part.version, { cancelledAt: ctx.now });
        if (!updated) throw versionConflict('Part request', partId, part.version + 1);
        out.part = updated;
        return {
          patch: {},
          event: { type: 'part_cancelled', data: { partId: part.id, partName: part.partName, reason } },
          reason,
        };
      });
      if (!out.part) throw new Error('The part request was not saved.');
      return { part: partView(out.part), order: orderSummary(order) };
    },
  };
}
