import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { businessDate } from '../../platform/time.ts';
import { requirePermission } from '../identity/index.ts';
import type { CalendarDayRow } from './calendar.repository.ts';
import { calendarRepository as repo } from './calendar.repository.ts';
import type { CalendarDayKind } from './domain/calendar-rules.ts';
import {
  calendarDateProblems,
  calendarDayProblems,
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
} from './domain/calendar-rules.ts';

export interface CalendarDayView {
  day: string;
  kind: CalendarDayKind;
  name: string;
  source: 'chinese-days' | 'admin';
}

const view = (r: CalendarDayRow): CalendarDayView => ({
  day: r.day,
  kind: r.kind as CalendarDayKind,
  name: r.name,
  source: r.source as CalendarDayView['source'],
});

const auditable = (r: CalendarDayRow) => ({ kind: r.kind, name: r.name, source: r.source });

export function createCalendarService(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    /** Statutory holidays and make-up workdays of one year (the current business year when not given). */
    async getCalendar(
      ctx: ServiceContext,
      year?: number,
    ): Promise<{ year: number; days: CalendarDayView[] }> {
      requirePermission(ctx, 'catalog.read');
      const y = year ?? Number(businessDate(ctx.now, deps.businessTimeZone).slice(0, 4));
      if (y < CALENDAR_MIN_YEAR || y > CALENDAR_MAX_YEAR) {
        throw validationFailed([
          { path: '/year', message: `Choose a year from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}.` },
        ]);
      }
      const rows = await repo.between(db, `${y}-01-01`, `${y}-12-31`);
      return { year: y, days: rows.map(view) };
    },

    /** Rows for working-day arithmetic (POL-2, KB-2) over a date range, both ends included. */
    async calendarBetween(from: string, to: string): Promise<CalendarDayView[]> {
      return (await repo.between(db, from, to)).map(view);
    },

    /** Adds or corrects one day; the administrator's entry is kept by every later reference-data load. */
    async putCalendarDay(
      ctx: ServiceContext,
      day: string,
      input: { kind: CalendarDayKind; name: string },
    ): Promise<CalendarDayView> {
      const actor = requirePermission(ctx, 'calendar.write');
      const problems = calendarDayProblems({ day, ...input });
      if (problems.length > 0) throw validationFailed(problems);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.find(tx, day, true);
        const after = await repo.upsert(tx, {
          day,
          kind: input.kind,
          name: input.name.trim(),
          source: 'admin',
          updatedBy: actor.userId,
          updatedAt: ctx.now,
        });
        await writeAudit(tx, ctx, {
          entity: 'calendar_day',
          entityId: day,
          action: before ? 'update' : 'create',
          before: before ? auditable(before) : null,
          after: auditable(after),
        });
        return after;
      });
      return view(row);
    },

    async deleteCalendarDay(ctx: ServiceContext, day: string): Promise<void> {
      requirePermission(ctx, 'calendar.write');
      const problems = calendarDateProblems(day);
      if (problems.length > 0) throw validationFailed(problems);
      await inTransaction(deps, async (tx) => {
        const before = await repo.find(tx, day, true);
        if (!before || !(await repo.delete(tx, day))) throw notFound('Calendar day', day);
        await writeAudit(tx, ctx, {
          entity: 'calendar_day',
          entityId: day,
          action: 'delete',
          before: auditable(before),
        });
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
