import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { addCalendarDays, businessDate, businessDayStart } from '../../platform/time.ts';
import { inScope, requirePermission } from '../identity/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import type { Channel } from './domain/order-codes.ts';
import type { ContactReason, RepeatContactDecision, TripCause } from './domain/repeat-contacts.ts';
import { assessRepeatContact } from './domain/repeat-contacts.ts';
import { repeatContactFacts } from './field-facts.ts';
import { fieldQueries as q } from './field-queries.ts';
import type { ContactRow } from './field-queries.ts';
import { assertCalendarDates, checkRange, contactView, orderSummary, pageOf } from './field-views.ts';
import type { OrderStore } from './order-store.ts';

/** WO-8 / seed 001 注意事项 5: what the agent says first to a customer who had to call again. */
export const apologyScript = {
  'zh-CN': '不好意思，我们给您添麻烦了！',
  'en-US': 'We are sorry for the trouble we have caused you!',
} as const;

export interface LogContactInput {
  channel: Channel;
  reason: ContactReason;
  customerUnhappy: boolean;
  note?: string | null | undefined;
}

const tripCauses: readonly TripCause[] = ['WO-8.1', 'WO-8.2', 'WO-8.3', 'WO-8.4'];

/** Evidence as JSON: instants become ISO strings, so the stored row reads the same on both engines. */
const asJson = (evidence: RepeatContactDecision['evidence']): Record<string, unknown> =>
  JSON.parse(JSON.stringify(evidence)) as Record<string, unknown>;

/** WO-8 repeat contacts: logged against the order, assessed for trips from the order's real facts. */
export function createFieldContacts(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;

  return {
    async list(ctx: ServiceContext, orderId: string, page: { page: number; pageSize: number }) {
      await store.loadVisible(ctx, orderId);
      const rows = await q.contactsOf(store.db, [orderId]);
      return pageOf(rows.map(contactView), page.page, page.pageSize);
    },

    async log(ctx: ServiceContext, orderId: string, input: LogContactInput) {
      const out: { contact?: ContactRow; decision?: RepeatContactDecision } = {};
      const order = await store.mutate(ctx, orderId, 'order.contact', undefined, async (before, tx) => {
        const [appointments, events, results, parts] = await Promise.all([
          q.appointmentsOf(tx, [before.id]),
          q.eventsOf(tx, [before.id]),
          q.resultsOf(tx, [before.id]),
          q.partsOf(tx, [before.id]),
        ]);
        const facts = repeatContactFacts(before, { appointments, events, results, parts });
        const decision = assessRepeatContact(
          facts,
          { at: ctx.now, reason: input.reason, customerUnhappy: input.customerUnhappy },
          { tz },
        );
        const contact = await q.insertContact(tx, {
          id: newId('ctc', ctx.now),
          orderId: before.id,
          at: ctx.now,
          channel: input.channel,
          reason: input.reason,
          customerUnhappy: input.customerUnhappy,
          note: input.note?.trim() || null,
          trip: decision.trip,
          tripCause: decision.cause ?? null,
          evidence: { ...asJson(decision.evidence), finding: decision.finding ?? null },
          // NET-7: a trip counts against the outlet that had the order when the customer called.
          outletId: before.outletId,
          loggedBy: ctx.actor?.userId ?? null,
        });
        out.contact = contact;
        out.decision = decision;
        const data = {
          contactId: contact.id,
          reason: input.reason,
          channel: input.channel,
          customerUnhappy: input.customerUnhappy,
          trip: decision.trip,
          cause: decision.cause ?? null,
          finding: decision.finding ?? null,
        };
        return {
          patch: {},
          event: { type: 'contact_logged', data },
          ...(decision.trip
            ? {
                outbox: {
                  topic: 'contact.trip',
                  payload: { ...data, outletId: before.outletId, at: ctx.now },
                },
              }
            : {}),
        };
      });
      const { contact, decision } = out;
      if (!contact || !decision) throw new Error('The contact was not saved.');
      return {
        contact: contactView(contact),
        trip: decision.trip,
        cause: decision.cause ?? null,
        finding: decision.finding ?? null,
        // Every repeat contact opens with the apology (WO-8); the rules' own flag is kept in the evidence.
        promptApology: true,
        apologyScript,
        order: orderSummary(order),
      };
    },

    /** NET-7 input: trips charged to an outlet in [from, to] (business dates), by cause. */
    async outletTrips(ctx: ServiceContext, outletId: string, range: { from?: string; to?: string }) {
      const actor = requirePermission(ctx, 'order.monitor');
      const outlet = await outletsRepository.findById(store.db, outletId);
      if (!outlet || !inScope(actor.scope, { outletId: outlet.id, regionCode: outlet.regionCode })) {
        throw notFound('Outlet', outletId);
      }
      assertCalendarDates({ '/from': range.from, '/to': range.to });
      const to = range.to ?? businessDate(ctx.now, tz);
      const from = range.from ?? addCalendarDays(to, -29);
      checkRange(from, to);
      const counts = await q.tripCounts(
        store.db,
        outlet.id,
        businessDayStart(from, tz),
        businessDayStart(addCalendarDays(to, 1), tz),
      );
      const byCause = Object.fromEntries(
        tripCauses.map((c) => [c, counts.byCause.find((r) => r.cause === c)?.count ?? 0]),
      ) as Record<TripCause, number>;
      return {
        outletId: outlet.id,
        outletName: outlet.name,
        from,
        to,
        contacts: counts.contacts,
        trips: Object.values(byCause).reduce((a, b) => a + b, 0),
        byCause,
      };
    },
  };
}
