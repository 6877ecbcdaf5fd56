import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { calendarDays } from './catalog.tables.ts';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

export const calendarRepository = {
  /** Days from `from` to `to`, both included, in date order. */
  async between(db: Executor, from: string, to: string): Promise<CalendarDayRow[]> {
    return db
      .select()
      .from(calendarDays)
      .where(and(gte(calendarDays.day, from), lte(calendarDays.day, to)))
      .orderBy(asc(calendarDays.day));
  },

  async find(db: Executor, day: string, forUpdate = false): Promise<CalendarDayRow | undefined> {
    const q = db.select().from(calendarDays).where(eq(calendarDays.day, day)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async upsert(db: Executor, row: CalendarDayRow): Promise<CalendarDayRow> {
    const { day: _day, ...rest } = row;
    const rows = await db
      .insert(calendarDays)
      .values(row)
      .onConflictDoUpdate({ target: calendarDays.day, set: rest })
      .returning();
    return rows[0] as CalendarDayRow;
  },

  async delete(db: Executor, day: string): Promise<boolean> {
    const rows = await db
      .delete(calendarDays)
      .where(eq(calendarDays.day, day))
      .returning({ day: calendarDays.day });
    return rows.length > 0;
  },
};
