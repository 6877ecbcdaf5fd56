import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, forbidden, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { ExportLocale } from '../../platform/files/xlsx-export.ts';
import { MAX_EXPORT_ROWS, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { newId } from '../../platform/ids.ts';
import { normalisePhone } from '../../platform/phone.ts';
import { businessDate, businessDayStart } from '../../platform/time.ts';
import { inScope, regionPrefixes, requirePermission } from '../identity/index.ts';
import type { OutletDirectory } from '../identity/index.ts';
import { createCatalogLookup, serviceTypes } from '../catalog/index.ts';
import type { NewOutletRow, OutletFilter, OutletRow } from './outlets.repository.ts';
import { outletsRepository as repo } from './outlets.repository.ts';
import type { BandThresholds, Qualification, RadiusPolicy } from './domain/outlet-rules.ts';
import {
  bandChangeProblem,
  bandFor,
  coverageGaps,
  outletStatuses,
  outletTypes,
  parentProblems,
  qualificationCheck,
  qualificationOf,
  radiusProblem,
} from './domain/outlet-rules.ts';
import type { OutletDetail, OutletView } from './outlet-view.ts';
import { auditableOutlet, outletExportColumns, toOutletView } from './outlet-view.ts';
import { districtProblem } from './region-paths.ts';
import { createEngineersService } from './engineers.service.ts';
import type { SuspendDispatchInput } from './outlets-suspension.service.ts';
import { createOutletSuspensionService } from './outlets-suspension.service.ts';

export type { OutletView, OutletDetail } from './outlet-view.ts';

/**
 * NET-3 "enough qualified technicians": DOMAIN.md names no number, so "at least one" is the rule until the
 * service center sets one (it would then become a policy value under POL-1).
 */
export const MIN_QUALIFIED_TECHNICIANS = 1;

export interface OutletListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  regionCode?: string | undefined;
  band?: number | undefined;
  grade?: string | undefined;
}

export interface OutletInput {
  code: string;
  name: string;
  type: string;
  parentId?: string | null | undefined;
  regionCode: string;
  address?: string | undefined;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  serviceRadiusKm?: number | undefined;
  status?: string | undefined;
  phone?: string | null | undefined;
  managerName?: string | null | undefined;
  qualification?: Partial<Qualification> | undefined;
}

export type OutletPatch = Partial<Omit<OutletInput, 'code'>> & { version: number; code?: string | undefined };

export interface CoverageInput {
  version: number;
  regions: { regionCode: string; role: string }[];
  services: { categoryCode: string; serviceType: string }[];
}

const regionPrefixOf = (code: string): string =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

export function createOutletsService(deps: PlatformDeps) {
  const db = deps.database.db;
  const lookup = createCatalogLookup(db);
  const tz = deps.businessTimeZone;
  const suspension = createOutletSuspensionService(deps);

  async function views(rows: OutletRow[]): Promise<OutletView[]> {
    const ids = rows.map((r) => r.id);
    const [paths, engineers, districts] = await Promise.all([
      lookup.regionPaths(rows.map((r) => r.regionCode)),
      repo.activeEngineerCounts(db, ids),
      repo.coveredDistrictCounts(db, ids),
    ]);
    return rows.map((r) =>
      toOutletView(r, {
        regionPath: paths.get(r.regionCode) ?? r.regionCode,
        engineerCount: engineers.get(r.id) ?? 0,
        coveredDistrictCount: districts.get(r.id) ?? 0,
        // Reads have no request context here; the clock is the same one services take `now` from.
        today: businessDate(deps.clock.now(), tz),
      }),
    );
  }

  async function detail(row: OutletRow): Promise<OutletDetail> {
    const [view] = await views([row]);
    const coverage = await repo.coverageOf(db, row.id);
    const paths = await lookup.regionPaths(coverage.regions.map((r) => r.regionCode));
    const qualification = qualificationOf(row.qualification);
    return {
      ...(view as OutletView),
      coverage: {
        regions: coverage.regions.map((r) => ({ ...r, regionPath: paths.get(r.regionCode) ?? r.regionCode })),
        services: coverage.services,
      },
      qualification,
      qualificationCheck: qualificationCheck(qualification, MIN_QUALIFIED_TECHNICIANS),
    };
  }

  /** SEC-1: outlets outside the caller's scope look missing. */
  async function loadVisible(actor: Actor, id: string): Promise<OutletRow> {
    const row = await repo.findById(db, id);
    if (!row || !inScope(actor.scope, { outletId: row.id, regionCode: row.regionCode })) {
      throw notFound('Outlet', id);
    }
    return row;
  }

  function scopeFilter(actor: Actor, filter: OutletFilter): OutletFilter {
    if (actor.scope.kind === 'outlet') filter.onlyId = actor.scope.outletId;
    if (actor.scope.kind === 'regions') filter.regionPrefixes = regionPrefixes(actor.scope.regionCodes);
    return filter;
  }

  function filterOf(q: OutletListQuery): OutletFilter {
    return {
      q: q.q?.trim() || undefined,
      status: q.status,
      type: q.type,
      band: q.band,
      grade: q.grade,
      regionPrefix: q.regionCode ? regionPrefixOf(q.regionCode) : undefined,
    };
  }

  /** Regional managers place and move outlets only inside their own regions. */
  function requireRegionInScope(actor: Actor, regionCode: string): void {
    if (actor.scope.kind !== 'all' && !inScope(actor.scope, { regionCode })) {
      throw forbidden(`manage outlets in region ${regionCode}; it is outside your regions`);
    }
  }

  async function checkFields(
    input: Partial<OutletInput>,
    current: OutletRow | undefined,
    ctx: ServiceContext,
    errors: FieldError[],
  ): Promise<Partial<NewOutletRow>> {
    const out: Partial<NewOutletRow> = {};
    if (input.code !== undefined) {
      const code = input.code.trim().toUpperCase();
      if (!/^[A-Z0-9][A-Z0-9_-]{1,29}$/.test(code)) {
        errors.push({
          path: '/code',
          message: 'Use 2–30 letters, digits, dashes or underscores (e.g. GZ-TH-002).',
        });
      } else out.code = code;
    }
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (name === '' || /[\p{Cc}\p{Cf}]/u.test(name)) {
        errors.push({ path: '/name', message: 'Enter the outlet’s registered name (printable text).' });
      } else out.name = name;
    }
    if (input.type !== undefined) {
      if (!(outletTypes as readonly string[]).includes(input.type)) {
        errors.push({ path: '/type', message: `Use one of: ${outletTypes.join(', ')}.` });
      } else out.type = input.type;
    }
    if (input.status !== undefined) {
      if (!(outletStatuses as readonly string[]).includes(input.status)) {
        errors.push({ path: '/status', message: `Use one of: ${outletStatuses.join(', ')}.` });
      } else out.status = input.status;
    }
    if (input.regionCode !== undefined && input.regionCode !== current?.regionCode) {
      const problem = await districtProblem(lookup, input.regionCode);
      if (problem) errors.push({ path: '/regionCode', message: problem });
      else out.regionCode = input.regionCode;
    }
    if (input.address !== undefined) out.address = input.address.trim();
    if (input.lat !== undefined || input.lng !== undefined) {
      const lat = input.lat !== undefined ? input.lat : (current?.lat ?? null);
      const lng = input.lng !== undefined ? input.lng : (current?.lng ?? null);
      if ((lat === null) !== (lng === null)) {
        errors.push({ path: '/lng', message: 'Give both latitude and longitude, or neither.' });
      } else {
        out.lat = lat;
        out.lng = lng;
      }
    }
    if (input.serviceRadiusKm !== undefined || !current) {
      const policy = await deps.policies.at<RadiusPolicy>('net.service_radius', ctx.now);
      const km = input.serviceRadiusKm ?? policy.value.defaultKm;
      const problem = radiusProblem(km, policy.value);
      if (problem) errors.push({ path: '/serviceRadiusKm', message: `NET-2: ${problem}` });
      else out.serviceRadiusKm = km;
    }
    if (input.phone !== undefined) {
      if (input.phone === null || input.phone.trim() === '') out.phone = null;
      else {
        const parsed = normalisePhone(input.phone);
        if (!parsed.ok) errors.push({ path: '/phone', message: parsed.message });
        else out.phone = parsed.e164;
      }
    }
    if (input.managerName !== undefined) out.managerName = input.managerName?.trim() || null;
    if (input.qualification !== undefined) {
      const merged = { ...qualificationOf(current?.qualification), ...input.qualification };
      merged.licenceNumber = merged.licenceNumber?.trim() || null;
      out.qualification = merged;
    }
    return out;
  }

  /**
   * NET-1 parent rules and NET-3 on admission, evaluated on the record as it would be after the change. Parent
   * rules are checked when type or parent change, so records from before the rules can still be edited otherwise.
   */
  async function checkStructure(
    next: { id?: string; type: string; parentId: string | null; status: string; qualification: unknown },
    current: OutletRow | undefined,
    errors: FieldError[],
  ): Promise<void> {
    if (!current || next.type !== current.type || next.parentId !== current.parentId) {
      const parent = next.parentId ? await repo.findById(db, next.parentId) : undefined;
      const childCount = current ? await repo.childCount(db, current.id) : 0;
      errors.push(
        ...parentProblems({
          ...(next.id ? { id: next.id } : {}),
          type: next.type,
          parentId: next.parentId,
          parent,
          childCount,
          ...(current ? { previousType: current.type } : {}),
        }),
      );
    }
    const admitting = next.status === 'active' && (!current || current.status === 'applying');
    if (admitting) {
      const check = qualificationCheck(qualificationOf(next.qualification), MIN_QUALIFIED_TECHNICIANS);
      if (!check.ok) {
        errors.push({
          path: '/status',
          message: `NET-3: the outlet cannot become active before it is qualified; missing: ${check.missing.join(', ')}.`,
        });
      }
    }
  }

  async function list(ctx: ServiceContext, q: OutletListQuery) {
    const actor = requirePermission(ctx, 'outlet.read');
    const { rows, total } = await repo.list(db, scopeFilter(actor, filterOf(q)), q.page, q.pageSize);
    return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  return {
    /** SEC-1: outlet staff see their own outlet, regional managers the outlets in their regions. */
    list,

    async exportXlsx(
      ctx: ServiceContext,
      q: Omit<OutletListQuery, 'page' | 'pageSize'>,
      locale: ExportLocale,
    ) {
      const page = await list(ctx, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
      if (page.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The list has ${page.total} outlets; filter it to at most ${MAX_EXPORT_ROWS} rows to export.`,
        );
      }
      return toXlsxBuffer(
        locale === 'zh-CN' ? '网点' : 'Outlets',
        outletExportColumns(locale),
        page.items,
        locale,
      );
    },

    async get(ctx: ServiceContext, id: string): Promise<OutletDetail> {
      const actor = requirePermission(ctx, 'outlet.read');
      return detail(await loadVisible(actor, id));
    },

    async create(ctx: ServiceContext, input: OutletInput): Promise<OutletDetail> {
      const actor = requirePermission(ctx, 'outlet.write');
      requireRegionInScope(actor, input.regionCode);
      const errors: FieldError[] = [];
      const fields = await checkFields(
        { ...input, status: input.status ?? 'applying' },
        undefined,
        ctx,
        errors,
      );
      await checkStructure(
        {
          type: input.type,
          parentId: input.parentId ?? null,
          status: input.status ?? 'applying',
          qualification: fields.qualification ?? {},
        },
        undefined,
        errors,
      );
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        if (await repo.findByCode(tx, fields.code as string)) {
          throw new AppError('ALREADY_EXISTS', `Outlet code ${fields.code} is taken; choose another code.`, {
            errors: [{ path: '/code', message: 'This code is taken.' }],
          });
        }
        const created = await repo.insert(tx, {
          id: newId('out', ctx.now),
          code: fields.code as string,
          name: fields.name as string,
          type: fields.type as string,
          parentId: input.parentId ?? null,
          regionCode: fields.regionCode as string,
          address: fields.address ?? '',
          lat: fields.lat ?? null,
          lng: fields.lng ?? null,
          serviceRadiusKm: fields.serviceRadiusKm as number,
          status: fields.status as string,
          phone: fields.phone ?? null,
          managerName: fields.managerName ?? null,
          qualification: fields.qualification ?? {},
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await writeAudit(tx, ctx, {
          entity: 'outlet',
          entityId: created.id,
          action: 'create',
          after: auditableOutlet(created),
          scopeOutletId: created.id,
          scopeRegionCode: created.regionCode,
        });
        await emitEvent(tx, ctx, 'outlet.created', { outletId: created.id, status: created.status });
        return created;
      });
      return detail(row);
    },

    async update(ctx: ServiceContext, id: string, input: OutletPatch): Promise<OutletDetail> {
      const actor = requirePermission(ctx, 'outlet.write');
      const current = await loadVisible(actor, id);
      if (input.regionCode !== undefined) requireRegionInScope(actor, input.regionCode);
      const errors: FieldError[] = [];
      const fields = await checkFields(input, current, ctx, errors);
      const next = {
        id,
        type: fields.type ?? current.type,
        parentId: input.parentId !== undefined ? input.parentId : current.parentId,
        status: fields.status ?? current.status,
        qualification: fields.qualification ?? current.qualification,
      };
      await checkStructure(next, current, errors);
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        if (fields.code && fields.code !== current.code) {
          const clash = await repo.findByCode(tx, fields.code);
          if (clash && clash.id !== id) {
            throw new AppError(
              'ALREADY_EXISTS',
              `Outlet code ${fields.code} is taken; choose another code.`,
              {
                errors: [{ path: '/code', message: 'This code is taken.' }],
              },
            );
          }
        }
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Outlet', id);
        if (before.version !== input.version) throw versionConflict('Outlet', id, before.version);
        const after = await repo.updateVersioned(tx, id, input.version, {
          ...fields,
          parentId: next.parentId,
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Outlet', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'outlet',
          entityId: id,
          action: 'update',
          before: auditableOutlet(before),
          after: auditableOutlet(after),
          scopeOutletId: id,
          scopeRegionCode: after.regionCode,
        });
        if (before.status !== after.status) {
          await emitEvent(tx, ctx, 'outlet.status_changed', {
            outletId: id,
            from: before.status,
            to: after.status,
          });
        }
        return after;
      });
      return detail(row);
    },

    /** NET-2: the districts (primary or backup) and the category × service-type pairs an outlet covers. */
    async setCoverage(ctx: ServiceContext, id: string, input: CoverageInput): Promise<OutletDetail> {
      const actor = requirePermission(ctx, 'outlet.write');
      await loadVisible(actor, id);
      const errors: FieldError[] = [];
      const seenRegions = new Set<string>();
      const found = await lookup.regions(input.regions.map((r) => r.regionCode));
      input.regions.forEach((r, i) => {
        const region = found.get(r.regionCode);
        const path = `/regions/${i}/regionCode`;
        if (seenRegions.has(r.regionCode))
          errors.push({ path, message: `District ${r.regionCode} is listed twice.` });
        else if (!region) errors.push({ path, message: `Region ${r.regionCode} does not exist.` });
        else if (region.level !== 'district') {
          errors.push({
            path,
            message: `${region.name} is a ${region.level}; list its districts or counties.`,
          });
        } else if (actor.scope.kind !== 'all' && !inScope(actor.scope, { regionCode: r.regionCode })) {
          errors.push({ path, message: `${region.name} is outside your regions.` });
        }
        seenRegions.add(r.regionCode);
      });
      const seenServices = new Set<string>();
      const categories = new Map<string, boolean>();
      for (const code of new Set(input.services.map((s) => s.categoryCode))) {
        categories.set(code, (await lookup.category(code)) !== undefined);
      }
      input.services.forEach((s, i) => {
        const key = `${s.categoryCode}/${s.serviceType}`;
        if (!categories.get(s.categoryCode)) {
          errors.push({
            path: `/services/${i}/categoryCode`,
            message: `Product category ${s.categoryCode} does not exist.`,
          });
        }
        if (!(serviceTypes as readonly string[]).includes(s.serviceType)) {
          errors.push({
            path: `/services/${i}/serviceType`,
            message: `Use one of: ${serviceTypes.join(', ')}.`,
          });
        }
        if (seenServices.has(key))
          errors.push({ path: `/services/${i}`, message: `${key} is listed twice.` });
        seenServices.add(key);
      });
      if (errors.length > 0) throw validationFailed(errors);
      await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Outlet', id);
        if (before.version !== input.version) throw versionConflict('Outlet', id, before.version);
        const previous = await repo.coverageOf(tx, id);
        await repo.replaceCoverage(tx, id, input.regions, input.services);
        const after = await repo.updateVersioned(tx, id, input.version, { updatedAt: ctx.now });
        if (!after) throw versionConflict('Outlet', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'outlet',
          entityId: id,
          action: 'set_coverage',
          before: previous,
          after: { regions: input.regions, services: input.services },
          scopeOutletId: id,
          scopeRegionCode: after.regionCode,
        });
        await emitEvent(tx, ctx, 'outlet.coverage_changed', { outletId: id });
      });
      return detail(await loadVisible(actor, id));
    },

    /**
     * NET-2: covered districts with fewer active outlets than the policy minimum (a main one plus a backup).
     * Limited to the caller's scope: regions for regional managers, the own outlet's districts for outlet staff.
     */
    async coverageGaps(ctx: ServiceContext, q: { regionCode?: string | undefined }) {
      const actor = requirePermission(ctx, 'outlet.read');
      let prefixes: string[] | undefined;
      if (actor.scope.kind === 'regions') prefixes = regionPrefixes(actor.scope.regionCodes);
      if (actor.scope.kind === 'outlet') prefixes = await repo.coveredDistricts(db, actor.scope.outletId);
      let rows = await repo.coverageRows(db, prefixes);
      if (q.regionCode) {
        const p = regionPrefixOf(q.regionCode);
        rows = rows.filter((r) => r.regionCode.startsWith(p));
      }
      const min = await deps.policies.at<number>('net.coverage.min_outlets_per_district', ctx.now);
      const gaps = coverageGaps(rows, min.value);
      const paths = await lookup.regionPaths(gaps.map((g) => g.regionCode));
      return gaps.map((g) => ({
        regionCode: g.regionCode,
        regionPath: paths.get(g.regionCode) ?? g.regionCode,
        activeOutletCount: g.activeCount,
        requiredOutletCount: min.value,
        policyVersion: min.version,
        outlets: g.outlets,
      }));
    },

    /**
     * NET-5: fixes the band for `year` from last year's repair volume with the thresholds in force at the start
     * of that year. The outlets table has no column for the policy version, so it is kept in the audit row.
     */
    async setBand(ctx: ServiceContext, id: string, input: { year: number; lastYearRepairOrders: number }) {
      const actor = requirePermission(ctx, 'outlet.write');
      await loadVisible(actor, id);
      const currentYear = Number(businessDate(ctx.now, tz).slice(0, 4));
      const thresholds = await deps.policies.at<BandThresholds>(
        'net.band.thresholds',
        businessDayStart(`${String(input.year).padStart(4, '0')}-01-01`, tz),
      );
      const band = bandFor(input.lastYearRepairOrders, thresholds.value);
      await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Outlet', id);
        const problem = bandChangeProblem(before, input.year, currentYear);
        if (problem) throw new AppError(problem.code, `NET-5: ${problem.message}`);
        const after = await repo.updateVersioned(tx, id, before.version, {
          band,
          bandYear: input.year,
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Outlet', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'outlet',
          entityId: id,
          action: 'set_band',
          before: { band: before.band, bandYear: before.bandYear },
          after: {
            band,
            bandYear: input.year,
            lastYearRepairOrders: input.lastYearRepairOrders,
            policy: { key: thresholds.key, version: thresholds.version },
          },
          scopeOutletId: id,
          scopeRegionCode: after.regionCode,
        });
        await emitEvent(tx, ctx, 'outlet.band_fixed', { outletId: id, year: input.year, band });
      });
      return {
        ...(await detail(await loadVisible(actor, id))),
        bandDecision: {
          year: input.year,
          band,
          lastYearRepairOrders: input.lastYearRepairOrders,
          policyKey: thresholds.key,
          policyVersion: thresholds.version,
        },
      };
    },

    /** NET-10: no new dispatches for N days after an audit finding. */
    async suspendDispatch(
      ctx: ServiceContext,
      id: string,
      input: SuspendDispatchInput,
    ): Promise<OutletDetail> {
      await suspension.suspend(ctx, id, input);
      return detail(await loadVisible(requirePermission(ctx, 'outlet.read'), id));
    },

    async liftDispatchSuspension(
      ctx: ServiceContext,
      id: string,
      input: { version: number; reason: string },
    ): Promise<OutletDetail> {
      await suspension.lift(ctx, id, input);
      return detail(await loadVisible(requirePermission(ctx, 'outlet.read'), id));
    },

    engineers: createEngineersService(deps),
  };
}

export type OutletsService = ReturnType<typeof createOutletsService>;

export function createOutletDirectory(deps: PlatformDeps): OutletDirectory {
  const db = deps.database.db;
  return {
    names: (ids) => repo.names(db, ids),
    exists: async (id) => (await repo.findById(db, id)) !== undefined,
  };
}
