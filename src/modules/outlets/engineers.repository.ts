import { and, asc, count, eq, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { engineerCertificates, engineerSkills, engineers, outlets } from './outlets.tables.ts';
import { likeEscape } from './outlets.repository.ts';

export type EngineerRow = typeof engineers.$inferSelect;
export type NewEngineerRow = typeof engineers.$inferInsert;
export type CertificateRow = typeof engineerCertificates.$inferSelect;

export interface EngineerFilter {
  outletId?: string | undefined;
  /** Code contains this text. */
  q?: string | undefined;
  /** Or: the phone blind index equals this (when the search text is a phone number). */
  phoneIdx?: string | undefined;
  categoryCode?: string | undefined;
  active?: boolean | undefined;
  /** Region code prefixes of the caller's scope, matched against the engineer's outlet region. */
  regionPrefixes?: readonly string[] | undefined;
}

function where(f: EngineerFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.outletId) parts.push(eq(engineers.outletId, f.outletId));
  if (f.q !== undefined || f.phoneIdx !== undefined) {
    parts.push(
      or(
        f.q !== undefined ? ilike(engineers.code, `%${likeEscape(f.q)}%`) : undefined,
        f.phoneIdx !== undefined ? eq(engineers.phoneIdx, f.phoneIdx) : undefined,
      ),
    );
  }
  if (f.categoryCode) {
    parts.push(
      sql`exists (select 1 from ${engineerSkills} where ${engineerSkills.engineerId} = ${engineers.id} and ${engineerSkills.categoryCode} = ${f.categoryCode})`,
    );
  }
  if (f.active !== undefined) parts.push(eq(engineers.active, f.active));
  if (f.regionPrefixes) {
    parts.push(
      f.regionPrefixes.length === 0
        ? sql`false`
        : or(...f.regionPrefixes.map((p) => sql`${outlets.regionCode} like ${`${p}%`}`)),
    );
  }
  return and(...parts);
}

export const engineersRepository = {
  async list(db: Executor, f: EngineerFilter, page: number, pageSize: number) {
    const w = where(f);
    const [rows, totals] = await Promise.all([
      db
        .select({ engineer: engineers, outletName: outlets.name, outletRegionCode: outlets.regionCode })
        .from(engineers)
        .innerJoin(outlets, eq(outlets.id, engineers.outletId))
        .where(w)
        .orderBy(asc(engineers.code))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: count() })
        .from(engineers)
        .innerJoin(outlets, eq(outlets.id, engineers.outletId))
        .where(w),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async findById(db: Executor, id: string, forUpdate = false): Promise<EngineerRow | undefined> {
    const q = db.select().from(engineers).where(eq(engineers.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async insert(db: Executor, row: NewEngineerRow): Promise<EngineerRow> {
    return (await db.insert(engineers).values(row).returning())[0] as EngineerRow;
  },

  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewEngineerRow>,
  ): Promise<EngineerRow | undefined> {
    const rows = await db
      .update(engineers)
      .set({ ...patch, version: sql`${engineers.version} + 1` })
      .where(and(eq(engineers.id, id), eq(engineers.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  /** Engineer codes are a global sequence E000001…; the caller holds the code lock. */
  async lastCode(db: Executor): Promise<string | undefined> {
    const rows = await db
      .select({ code: engineers.code })
      .from(engineers)
      .where(sql`${engineers.code} ~ '^E[0-9]{6,}$'`)
      .orderBy(sql`length(${engineers.code}) desc`, sql`${engineers.code} desc`)
      .limit(1);
    return rows[0]?.code;
  },

  async skillsOf(db: Executor, ids: readonly string[]) {
    const map = new Map<string, { categoryCode: string; level: number }[]>();
    if (ids.length === 0) return map;
    const rows = await db
      .select()
      .from(engineerSkills)
      .where(inArray(engineerSkills.engineerId, [...ids]))
      .orderBy(engineerSkills.categoryCode);
    for (const r of rows) {
      map.set(r.engineerId, [
        ...(map.get(r.engineerId) ?? []),
        { categoryCode: r.categoryCode, level: r.level },
      ]);
    }
    return map;
  },

  async certificatesOf(db: Executor, ids: readonly string[]): Promise<Map<string, CertificateRow[]>> {
    const map = new Map<string, CertificateRow[]>();
    if (ids.length === 0) return map;
    const rows = await db
      .select()
      .from(engineerCertificates)
      .where(inArray(engineerCertificates.engineerId, [...ids]))
      .orderBy(engineerCertificates.id);
    for (const r of rows) map.set(r.engineerId, [...(map.get(r.engineerId) ?? []), r]);
    return map;
  },

  async replaceSkills(
    tx: Executor,
    engineerId: string,
    skills: readonly { categoryCode: string; level: number }[],
  ): Promise<void> {
    await tx.delete(engineerSkills).where(eq(engineerSkills.engineerId, engineerId));
    if (skills.length > 0) await tx.insert(engineerSkills).values(skills.map((s) => ({ engineerId, ...s })));
  },

  async deleteCertificates(tx: Executor, engineerId: string, keepIds: readonly string[]): Promise<void> {
    await tx
      .delete(engineerCertificates)
      .where(
        and(
          eq(engineerCertificates.engineerId, engineerId),
          keepIds.length > 0 ? notInArray(engineerCertificates.id, [...keepIds]) : undefined,
        ),
      );
  },

  async upsertCertificate(tx: Executor, row: CertificateRow): Promise<void> {
    await tx
      .insert(engineerCertificates)
      .values(row)
      .onConflictDoUpdate({
        target: engineerCertificates.id,
        set: { name: row.name, number: row.number, issuedOn: row.issuedOn, expiresOn: row.expiresOn },
      });
  },
};
