import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { addCalendarDays, businessDate, calendarDaysBetween } from '../../platform/time.ts';
import { inScope, requirePermission } from '../identity/index.ts';
import type { HomeServiceChannel, HomeServiceParty } from './domain/callback-codes.ts';
import type { HomeServiceSchedulePolicy, Placement } from './domain/home-service-callbacks.ts';
import { homeServiceCallbacksDue } from './domain/home-service-callbacks.ts';
import type { PlacementRow } from './home-service.repository.ts';
import { homeServiceRepository as repo } from './home-service.repository.ts';
import { createHomeViews } from './home-service.views.ts';
import type {
  HomeCallbackView,
  HomeDuePage,
  PlacementDetailView,
  PlacementView,
} from './programmes-schemas.ts';
import {
  assertPlainText,
  dateProblem,
  isUniqueViolation,
  iso,
  paginate,
  ruleRefused,
  todayOf,
} from './programmes-support.ts';

export const HOME_SCHEDULE_POLICY = 'cb.home_service.schedule';
/** Days of schedule the placement detail shows ahead of today (a screen, not a rule). */
const DETAIL_HORIZON_DAYS = 90;
/** The due list answers at most this many days at once, so one request stays small. */
const MAX_DUE_RANGE_DAYS = 92;

export interface PlacementListQuery {
  page: number;
  pageSize: number;
  outletId?: string | undefined;
  customerId?: string | undefined;
  workerId?: string | undefined;
  status?: 'upcoming' | 'ongoing' | 'ended' | undefined;
}

export interface CreatePlacementInput {
  customerId: string;
  workerId: string;
  startDate: string;
  endDate?: string | null | undefined;
  note?: string | null | undefined;
}

export interface UpdatePlacementInput {
  version: number;
  endDate?: string | null | undefined;
  note?: string | null | undefined;
}

export interface HomeDueQuery {
  page: number;
  pageSize: number;
  from?: string | undefined;
  to?: string | undefined;
  party?: HomeServiceParty | undefined;
  done?: boolean | undefined;
  outletId?: string | undefined;
}

export interface RecordHomeCallbackInput {
  party: HomeServiceParty;
  sequence: number;
  channel: HomeServiceChannel;
  satisfied?: boolean | null | undefined;
  note?: string | null | undefined;
}

const asPlacement = (r: PlacementRow): Placement => ({
  placementId: r.id,
  customerId: r.customerId,
  workerId: r.workerId,
  startDate: r.startDate,
  endDate: r.endDate,
});

const slotKey = (placementId: string, party: string, sequence: number) =>
  `${placementId}|${party}|${sequence}`;
const cleanNote = (note: string | null | undefined) => (note?.trim() ? note.trim() : null);

/** What the audit trail keeps of a placement: ids and dates; the note is free text and stays out. */
const auditable = (r: PlacementRow) => ({
  customerId: r.customerId,
  workerId: r.workerId,
  outletId: r.outletId,
  startDate: r.startDate,
  endDate: r.endDate,
  hasNote: r.note !== null,
  version: r.version,
});

/**
 * CB-8 home-service placements and their scheduled callbacks. A placement is a worker (an engineer record
 * of a home-service outlet) with a customer from the start date (到岗日期); it belongs to the worker's outlet.
 */
export function createHomeService(deps: PlatformDeps) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;
  const views = createHomeViews(deps);
  const policyAt = (now: Date) => deps.policies.at<HomeServiceSchedulePolicy>(HOME_SCHEDULE_POLICY, now);

  async function detail(row: PlacementRow, now: Date): Promise<PlacementDetailView> {
    const today = todayOf(now, tz);
    const policy = await policyAt(now);
    const [view, callbacks] = await Promise.all([
      views.placementViews([row], now),
      repo.callbacksOf(db, [row.id]),
    ]);
    const horizon = addCalendarDays(today > row.startDate ? today : row.startDate, DETAIL_HORIZON_DAYS);
    const through = row.endDate !== null && row.endDate < horizon ? row.endDate : horizon;
    const made = new Map(callbacks.map((c) => [slotKey(c.placementId, c.party, c.sequence), c]));
    const schedule = homeServiceCallbacksDue(
      [asPlacement(row)],
      { from: row.startDate, to: through },
      policy.value,
    );
    return {
      ...(view[0] as PlacementView),
      callbacks: await views.callbackViews(callbacks),
      schedule: schedule.map((s) => {
        const c = made.get(slotKey(s.placementId, s.party, s.sequence));
        return {
          party: s.party,
          sequence: s.sequence,
          dueDate: s.dueDate,
          done: c !== undefined,
          callbackId: c?.id ?? null,
          overdue: c === undefined && s.dueDate < today,
        };
      }),
      scheduleThrough: through,
      policyVersion: policy.version,
    };
  }

  function checkEndDate(startDate: string, endDate: string | null | undefined, errors: FieldError[]): void {
    if (endDate === undefined || endDate === null) return;
    const problem = dateProblem(endDate, '/endDate');
    if (problem) errors.push(problem);
    else if (endDate < startDate)
      errors.push({ path: '/endDate', message: `The placement cannot end before it starts (${startDate}).` });
  }

  return {
    async listPlacements(ctx: ServiceContext, q: PlacementListQuery) {
      const actor = requirePermission(ctx, 'home.read');
      const filter = {
        outletIds: await views.scopeOutletIds(actor),
        outletId: q.outletId,
        customerId: q.customerId,
        workerId: q.workerId,
        status: q.status,
        today: todayOf(ctx.now, tz),
      };
      const { rows, total } = await repo.listPlacements(db, filter, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await views.placementViews(rows, ctx.now), total, page: q.page, pageSize: q.pageSize };
    },

    async getPlacement(ctx: ServiceContext, id: string): Promise<PlacementDetailView> {
      const actor = requirePermission(ctx, 'home.read');
      return detail(await views.visiblePlacement(actor, id), ctx.now);
    },

    /** CB-8: place a worker with a customer. Both must exist and be visible to the caller; the worker active. */
    async createPlacement(ctx: ServiceContext, input: CreatePlacementInput): Promise<PlacementDetailView> {
      const actor = requirePermission(ctx, 'home.write');
      assertPlainText([[input.note, '/note']]);
      const errors: FieldError[] = [];
      const customer = await views.customers.visible(actor, input.customerId);
      if (!customer)
        errors.push({
          path: '/customerId',
          message: `There is no customer ${input.customerId} that you can see; choose the customer from the customer list.`,
        });
      const worker = (await views.engineers.refs([input.workerId])).get(input.workerId);
      if (
        !worker ||
        !inScope(actor.scope, { outletId: worker.outletId, regionCode: worker.outletRegionCode })
      ) {
        errors.push({
          path: '/workerId',
          message: `There is no worker ${input.workerId} that you can see; choose one of your outlet's engineers.`,
        });
      } else if (!worker.active) {
        errors.push({
          path: '/workerId',
          message: `Worker ${worker.code} is inactive; choose an active worker or reactivate this one first.`,
        });
      }
      const startProblem = dateProblem(input.startDate, '/startDate');
      if (startProblem) errors.push(startProblem);
      else checkEndDate(input.startDate, input.endDate, errors);
      if (errors.length > 0 || !worker) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const created = await repo.insertPlacement(tx, {
          id: newId('hpl', ctx.now),
          customerId: input.customerId,
          workerId: worker.id,
          outletId: worker.outletId,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          note: cleanNote(input.note),
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await writeAudit(tx, ctx, {
          entity: 'home_placement',
          entityId: created.id,
          action: 'create',
          after: auditable(created),
          scopeOutletId: created.outletId,
        });
        return created;
      });
      return detail(row, ctx.now);
    },

    /** The end date (resigned, returned, agreement over) and the note change; send the version you read. */
    async updatePlacement(
      ctx: ServiceContext,
      id: string,
      input: UpdatePlacementInput,
    ): Promise<PlacementDetailView> {
      const actor = requirePermission(ctx, 'home.write');
      const current = await views.visiblePlacement(actor, id);
      assertPlainText([[input.note, '/note']]);
      if (input.endDate === undefined && input.note === undefined) {
        throw validationFailed([{ path: '/', message: 'Send the end date or the note to change.' }]);
      }
      const errors: FieldError[] = [];
      checkEndDate(current.startDate, input.endDate, errors);
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findPlacement(tx, id, true);
        if (!before) throw notFound('Placement', id);
        if (before.version !== input.version) throw versionConflict('Placement', id, before.version);
        const after = await repo.updatePlacementVersioned(tx, id, input.version, {
          ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
          ...(input.note !== undefined ? { note: cleanNote(input.note) } : {}),
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Placement', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'home_placement',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
          scopeOutletId: after.outletId,
        });
        return after;
      });
      return detail(row, ctx.now);
    },

    /** CB-8: the customer and worker callbacks due from `from` to `to`, with which are done; names masked. */
    async due(ctx: ServiceContext, q: HomeDueQuery): Promise<HomeDuePage> {
      const actor = requirePermission(ctx, 'home.read');
      const today = todayOf(ctx.now, tz);
      const from = q.from ?? today;
      const fromProblem = dateProblem(from, '/from');
      const to = q.to ?? (fromProblem ? from : addCalendarDays(from, 6));
      const errors = [fromProblem, dateProblem(to, '/to')].filter((e) => e !== undefined);
      if (errors.length === 0 && to < from)
        errors.push({ path: '/to', message: `Choose a day from ${from} on.` });
      else if (errors.length === 0 && calendarDaysBetween(from, to) >= MAX_DUE_RANGE_DAYS)
        errors.push({ path: '/to', message: `Ask for at most ${MAX_DUE_RANGE_DAYS} days at once.` });
      if (errors.length > 0) throw validationFailed(errors);
      const policy = await policyAt(ctx.now);
      const filter = {
        outletIds: await views.scopeOutletIds(actor),
        outletId: q.outletId,
        overlaps: { from, to },
      };
      const [placements, callbacks] = await Promise.all([
        repo.allPlacements(db, filter),
        repo.callbacksOfPlacements(db, filter),
      ]);
      const byId = new Map(placements.map((p) => [p.id, p]));
      const made = new Map(callbacks.map((c) => [slotKey(c.placementId, c.party, c.sequence), c]));
      const scheduled = homeServiceCallbacksDue(placements.map(asPlacement), { from, to }, policy.value)
        .filter((s) => !q.party || s.party === q.party)
        .map((s) => ({ ...s, made: made.get(slotKey(s.placementId, s.party, s.sequence)) }));
      const done = scheduled.filter((s) => s.made).length;
      const matching = scheduled.filter((s) => q.done === undefined || (s.made !== undefined) === q.done);
      const page = paginate(matching, q.page, q.pageSize);
      const names = await views.parties(page.map((s) => byId.get(s.placementId) as PlacementRow));
      return {
        items: page.map((s) => {
          const p = byId.get(s.placementId) as PlacementRow;
          const customer = names.customer(p.customerId);
          const worker = names.worker(p.workerId);
          return {
            placementId: s.placementId,
            party: s.party,
            partyId: s.partyId,
            partyNameMasked: s.party === 'customer' ? customer.nameMasked : worker.nameMasked,
            customer,
            worker,
            outlet: names.outlet(p.outletId),
            sequence: s.sequence,
            dueDate: s.dueDate,
            done: s.made !== undefined,
            overdue: s.made === undefined && s.dueDate < today,
            callback: s.made
              ? {
                  id: s.made.id,
                  at: iso(s.made.at),
                  channel: s.made.channel as HomeServiceChannel,
                  satisfied: s.made.satisfied,
                }
              : null,
          };
        }),
        total: matching.length,
        page: q.page,
        pageSize: q.pageSize,
        from,
        to,
        today,
        counts: { due: scheduled.length, done, outstanding: scheduled.length - done },
        policyVersion: policy.version,
      };
    },

    /**
     * CB-8: one scheduled callback of the customer or the worker, made now. It must be on the placement's
     * schedule, its window open (from the previous scheduled callback's due date, or the start date), and
     * not recorded before (one per placement, party and sequence).
     */
    async recordCallback(
      ctx: ServiceContext,
      placementId: string,
      input: RecordHomeCallbackInput,
    ): Promise<HomeCallbackView> {
      const actor = requirePermission(ctx, 'home.callback');
      const placement = await views.visiblePlacement(actor, placementId);
      assertPlainText([[input.note, '/note']]);
      const today = todayOf(ctx.now, tz);
      const policy = await policyAt(ctx.now);
      // Every listed offset and interval is at most 365 days, so a callback whose window is open by today is
      // due within a year from today (or from the start, for a placement that has not begun).
      const reach = addCalendarDays(today > placement.startDate ? today : placement.startDate, 366);
      const last = placement.endDate !== null && placement.endDate < reach ? placement.endDate : reach;
      const schedule = homeServiceCallbacksDue(
        [asPlacement(placement)],
        { from: placement.startDate, to: last },
        policy.value,
      ).filter((s) => s.party === input.party);
      const slot = schedule.find((s) => s.sequence === input.sequence);
      const who = input.party === 'customer' ? 'the customer' : 'the worker';
      if (!slot) {
        throw ruleRefused(
          'CB-8',
          'NOT_ON_SCHEDULE',
          `Callback ${input.sequence} of ${who} is not on this placement's schedule${placement.endDate ? ` (it ends ${placement.endDate})` : ''}; choose one from the placement's schedule.`,
          { placementId, party: input.party, sequence: input.sequence },
          [{ path: '/sequence', message: 'Choose a callback from the placement’s schedule.' }],
        );
      }
      const opensOn = schedule.find((s) => s.sequence === input.sequence - 1)?.dueDate ?? placement.startDate;
      if (opensOn > today) {
        throw ruleRefused(
          'CB-8',
          'CALLBACK_NOT_DUE_YET',
          `Callback ${input.sequence} of ${who} is due on ${slot.dueDate}; record it from ${opensOn} on.`,
          { placementId, party: input.party, sequence: input.sequence, opensOn, dueDate: slot.dueDate },
        );
      }
      const already = (made: { at: Date }) =>
        new AppError(
          'ALREADY_EXISTS',
          `Callback ${input.sequence} of ${who} on this placement was already recorded on ${businessDate(made.at, tz)}.`,
          { details: { placementId, party: input.party, sequence: input.sequence } },
        );
      const note = cleanNote(input.note);
      const satisfied = input.satisfied ?? null;
      try {
        const row = await inTransaction(deps, async (tx) => {
          const existing = await repo.findCallbackSlot(tx, placementId, input.party, input.sequence);
          if (existing) throw already(existing);
          const created = await repo.insertCallback(tx, {
            id: newId('hcb', ctx.now),
            placementId,
            party: input.party,
            sequence: input.sequence,
            dueDate: slot.dueDate,
            at: ctx.now,
            channel: input.channel,
            agentId: actor.userId,
            satisfied,
            note,
          });
          await writeAudit(tx, ctx, {
            entity: 'home_callback',
            entityId: created.id,
            action: 'record',
            after: {
              placementId,
              party: input.party,
              sequence: input.sequence,
              dueDate: slot.dueDate,
              channel: input.channel,
              satisfied,
              hasNote: note !== null,
            },
            scopeOutletId: placement.outletId,
          });
          return created;
        });
        return (await views.callbackViews([row]))[0] as HomeCallbackView;
      } catch (e) {
        // Two agents recording the same callback at once: the unique slot index answers the second.
        if (isUniqueViolation(e)) throw already({ at: ctx.now });
        throw e;
      }
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
