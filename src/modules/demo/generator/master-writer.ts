import type { FieldCrypto } from '../../../platform/crypto.ts';
import { newId } from '../../../platform/ids.ts';
import { PHONE_INDEX_PURPOSE } from '../../identity/index.ts';
import type { CopySession } from './copy-session.ts';
import type { TableSpec } from './copy-text.ts';
import { CopyText, tables } from './copy-text.ts';
import type { MasterData } from './master-data.ts';
import type { OutletDraft } from './outlet-network.ts';
import type { TableClock } from './progress.ts';

async function load(session: CopySession, clock: TableClock, table: TableSpec, fill: (t: CopyText) => void) {
  const text = new CopyText(table);
  fill(text);
  const { text: body, rows } = text.take();
  clock.start(table.name, rows);
  if (rows > 0) await session.copy(table, body);
  clock.advance(table.name, rows);
  clock.finish(table.name);
}

/** What the audit trail may hold about an outlet: business facts only (no personal data is kept on outlets). */
const auditableOutlet = (o: OutletDraft) => ({
  parentId: o.parentId,
  address: o.address,
  lat: o.lat,
  lng: o.lng,
  serviceRadiusKm: o.serviceRadiusKm,
  band: o.band,
  bandYear: o.bandYear,
  grade: o.grade,
  stars: o.stars,
  partsDepositFen: o.partsDepositFen,
  phone: o.phone,
  managerName: o.managerName,
  qualification: o.qualification,
});

async function audit(
  session: CopySession,
  now: Date,
  entry: {
    entity: string;
    entityId: string;
    action: string;
    after: unknown;
    outletId?: string;
    regionCode?: string;
  },
): Promise<void> {
  await session.query(
    `insert into audit_log (id, at, actor_id, actor_role, entity, entity_id, action, before, after, reason,
       request_id, scope_outlet_id, scope_region_code)
     values ($1, $2, null, null, $3, $4, $5, null, $6::jsonb, $7, null, $8, $9)`,
    [
      newId('aud', now),
      now.toISOString(),
      entry.entity,
      entry.entityId,
      entry.action,
      JSON.stringify(entry.after),
      'Generated demo master data',
      entry.outletId ?? null,
      entry.regionCode ?? null,
    ],
  );
}

/**
 * Writes models, outlets with coverage and services, engineers and dealers. Personal data is encrypted and
 * phones get the blind index the services look them up by (MD-5). The fixed demo outlets already exist: they
 * get the master data they lack through a versioned, audited update.
 */
export async function writeMasterData(
  session: CopySession,
  crypto: FieldCrypto,
  data: MasterData,
  now: Date,
  clock: TableClock,
): Promise<void> {
  await load(session, clock, tables.productModels, (t) => {
    for (const m of data.models) {
      t.add([
        m.id,
        m.code,
        m.name,
        m.categoryCode,
        m.warrantyMonths,
        m.keyPartsWarrantyMonths,
        m.keyParts,
        m.dealerPriceFen,
        true,
        1,
        m.createdAt,
        m.createdAt,
      ]);
    }
  });
  const outlets = data.network.outlets;
  await load(session, clock, tables.outlets, (t) => {
    for (const o of outlets) {
      if (o.fixed) continue;
      t.add([
        o.id,
        o.code,
        o.name,
        o.type,
        o.parentId,
        o.regionCode,
        o.address,
        o.lat,
        o.lng,
        o.serviceRadiusKm,
        o.status,
        o.band,
        o.bandYear,
        o.grade,
        o.stars,
        o.partsDepositFen,
        o.phone,
        o.managerName,
        JSON.stringify(o.qualification),
        1,
        o.createdAt,
        o.updatedAt,
      ]);
    }
  });
  for (const o of outlets) {
    if (!o.fixed) continue;
    const updated = await session.query(
      `update outlets set parent_id = $2, address = $3, lat = $4, lng = $5, service_radius_km = $6, band = $7,
         band_year = $8, grade = $9, stars = $10, parts_deposit_fen = $11, phone = $12, manager_name = $13,
         qualification = $14::jsonb, version = version + 1, updated_at = $15
       where id = $1 and address = '' returning id`,
      [
        o.id,
        o.parentId,
        o.address,
        o.lat,
        o.lng,
        o.serviceRadiusKm,
        o.band,
        o.bandYear,
        o.grade,
        o.stars,
        o.partsDepositFen,
        o.phone,
        o.managerName,
        JSON.stringify(o.qualification),
        now.toISOString(),
      ],
    );
    if (updated.length > 0) {
      await audit(session, now, {
        entity: 'outlet',
        entityId: o.id,
        action: 'update',
        after: auditableOutlet(o),
        outletId: o.id,
        regionCode: o.regionCode,
      });
    }
  }
  await load(session, clock, tables.outletRegions, (t) => {
    for (const o of outlets) for (const [regionCode, role] of o.coverage) t.add([o.id, regionCode, role]);
  });
  await load(session, clock, tables.outletServices, (t) => {
    for (const o of outlets) for (const s of o.services) t.add([o.id, s.categoryCode, s.serviceType]);
  });
  await load(session, clock, tables.engineers, (t) => {
    for (const e of data.engineers) {
      t.add([
        e.id,
        e.outletId,
        e.userId,
        e.code,
        crypto.encrypt(e.name),
        crypto.encrypt(e.phone),
        crypto.blindIndex(PHONE_INDEX_PURPOSE, e.phone),
        crypto.encrypt(e.idNumber),
        e.active,
        e.hiredOn,
        1,
        e.createdAt,
        e.createdAt,
      ]);
    }
  });
  await load(session, clock, tables.engineerSkills, (t) => {
    for (const e of data.engineers) for (const s of e.skills) t.add([e.id, s.categoryCode, s.level]);
  });
  await load(session, clock, tables.engineerCertificates, (t) => {
    for (const e of data.engineers) {
      for (const c of e.certificates) t.add([c.id, e.id, c.name, c.number, c.issuedOn, c.expiresOn]);
    }
  });
  await load(session, clock, tables.dealers, (t) => {
    for (const d of data.dealers) {
      const updatedAt = d.history.at(-1)?.decidedAt ?? d.createdAt;
      t.add([
        d.id,
        d.code,
        d.name,
        d.regionCode,
        crypto.encrypt(d.contactName),
        crypto.encrypt(d.contactPhone),
        crypto.blindIndex(PHONE_INDEX_PURPOSE, d.contactPhone),
        d.tier,
        d.active,
        1,
        d.createdAt,
        updatedAt,
      ]);
    }
  });
  await load(session, clock, tables.dealerTierHistory, (t) => {
    for (const d of data.dealers)
      for (const h of d.history) t.add([d.id, h.month, h.tier, h.reason, null, h.decidedAt]);
  });
}

/** One audit row for the whole generated set: what was generated, with which seed (no personal data). */
export async function auditGeneration(
  session: CopySession,
  now: Date,
  summary: { seed: number; counts: Record<string, number> },
): Promise<void> {
  await audit(session, now, {
    entity: 'demo_data',
    entityId: `seed-${summary.seed}`,
    action: 'generate',
    after: summary,
  });
}
