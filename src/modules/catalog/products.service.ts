import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission } from '../identity/index.ts';
import type { ModelFilter, ModelRecord } from './models.repository.ts';
import { modelsRepository as repo } from './models.repository.ts';
import { isUniqueViolation } from './catalog-sql.ts';
import { normaliseKeyParts, warrantyProblems } from './domain/model-rules.ts';
import { assertExportSize, MAX_EXPORT_ROWS } from './export-limit.ts';

export interface ModelView {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: string[];
  dealerPriceFen: number | null;
  active: boolean;
  version: number;
}

export interface CreateModelInput {
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts?: string[] | undefined;
  dealerPriceFen?: number | null | undefined;
  active?: boolean | undefined;
}

export type UpdateModelInput = Partial<CreateModelInput> & { version: number };

/** Model codes as printed on nameplates: KFR-35GW/BP3DN8Y-PH200(B1), XQG100-14586. */
const MODEL_CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/()+#]*$/u;

const view = (r: ModelRecord): ModelView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  categoryCode: r.categoryCode,
  warrantyMonths: r.warrantyMonths,
  keyPartsWarrantyMonths: r.keyPartsWarrantyMonths,
  keyParts: [...r.keyParts],
  dealerPriceFen: r.dealerPriceFen,
  active: r.active,
  version: r.version,
});

const auditable = (r: ModelRecord) => {
  const { id: _id, ...rest } = view(r);
  return rest;
};

const duplicateCode = (code: string, other: ModelRecord) =>
  new AppError('ALREADY_EXISTS', `Model code ${code} is already used by ${other.name} (${other.code}).`, {
    errors: [{ path: '/code', message: `This code is already used by ${other.name}; choose another.` }],
    details: { existingId: other.id },
  });

export function createProductsService(deps: PlatformDeps) {
  const db = deps.database.db;

  /** Checks the merged record (what the model will be), so a PATCH cannot leave inconsistent terms. */
  async function problems(next: Omit<CreateModelInput, 'active'>): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (!MODEL_CODE.test(next.code)) {
      errors.push({
        path: '/code',
        message: 'Use letters, digits and - _ / . ( ) + # as on the nameplate, e.g. KFR-35GW/BP3DN8Y.',
      });
    }
    if (next.name === '') errors.push({ path: '/name', message: 'Enter the model name.' });
    if (!(await repo.categoryExists(db, next.categoryCode))) {
      errors.push({
        path: '/categoryCode',
        message: `There is no product category ${next.categoryCode}; choose one from GET /api/product-categories.`,
      });
    }
    errors.push(
      ...warrantyProblems({
        warrantyMonths: next.warrantyMonths,
        keyPartsWarrantyMonths: next.keyPartsWarrantyMonths,
        keyParts: next.keyParts ?? [],
      }),
    );
    return errors;
  }

  return {
    async listProductLines(ctx: ServiceContext) {
      requirePermission(ctx, 'catalog.read');
      return repo.lines(db);
    },

    async listProductCategories(ctx: ServiceContext, lineCode?: string) {
      requirePermission(ctx, 'catalog.read');
      return repo.categories(db, lineCode);
    },

    async listModels(ctx: ServiceContext, q: ModelFilter & { page: number; pageSize: number }) {
      requirePermission(ctx, 'catalog.read');
      const { page, pageSize, ...filter } = q;
      const [total, rows] = await Promise.all([
        repo.count(db, filter),
        repo.rows(db, filter, pageSize, (page - 1) * pageSize),
      ]);
      return { items: rows.map(view), total, page, pageSize };
    },

    async exportModels(ctx: ServiceContext, filter: ModelFilter): Promise<ModelView[]> {
      requirePermission(ctx, 'catalog.read');
      assertExportSize(await repo.count(db, filter));
      return (await repo.rows(db, filter, MAX_EXPORT_ROWS, 0)).map(view);
    },

    async getModel(ctx: ServiceContext, id: string): Promise<ModelView> {
      requirePermission(ctx, 'catalog.read');
      const row = await repo.findById(db, id);
      if (!row) throw notFound('Model', id);
      return view(row);
    },

    /** MD-1, MD-3: a model and the warranty terms every unit of it is judged by. */
    async createModel(ctx: ServiceContext, input: CreateModelInput): Promise<ModelView> {
      requirePermission(ctx, 'catalog.write');
      const next = {
        code: input.code.trim(),
        name: input.name.trim(),
        categoryCode: input.categoryCode,
        warrantyMonths: input.warrantyMonths,
        keyPartsWarrantyMonths: input.keyPartsWarrantyMonths,
        keyParts: normaliseKeyParts(input.keyParts ?? []),
        dealerPriceFen: input.dealerPriceFen ?? null,
      };
      const errors = await problems(next);
      if (errors.length > 0) throw validationFailed(errors);
      try {
        const row = await inTransaction(deps, async (tx) => {
          const other = await repo.findByCode(tx, next.code);
          if (other) throw duplicateCode(next.code, other);
          const created = await repo.insert(tx, {
            id: newId('mdl', ctx.now),
            ...next,
            active: input.active ?? true,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          });
          await writeAudit(tx, ctx, {
            entity: 'product_model',
            entityId: created.id,
            action: 'create',
            after: auditable(created),
          });
          return created;
        });
        return view(row);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const other = await repo.findByCode(db, next.code);
        throw other ? duplicateCode(next.code, other) : e;
      }
    },

    async updateModel(ctx: ServiceContext, id: string, input: UpdateModelInput): Promise<ModelView> {
      requirePermission(ctx, 'catalog.write');
      const current = await repo.findById(db, id);
      if (!current) throw notFound('Model', id);
      const next = {
        code: input.code?.trim() ?? current.code,
        name: input.name?.trim() ?? current.name,
        categoryCode: input.categoryCode ?? current.categoryCode,
        warrantyMonths: input.warrantyMonths ?? current.warrantyMonths,
        keyPartsWarrantyMonths: input.keyPartsWarrantyMonths ?? current.keyPartsWarrantyMonths,
        keyParts: input.keyParts ? normaliseKeyParts(input.keyParts) : current.keyParts,
        dealerPriceFen: input.dealerPriceFen === undefined ? current.dealerPriceFen : input.dealerPriceFen,
      };
      const errors = await problems(next);
      if (errors.length > 0) throw validationFailed(errors);
      try {
        const row = await inTransaction(deps, async (tx) => {
          const before = await repo.findById(tx, id, true);
          if (!before) throw notFound('Model', id);
          if (before.version !== input.version) throw versionConflict('Model', id, before.version);
          const other = await repo.findByCode(tx, next.code, id);
          if (other) throw duplicateCode(next.code, other);
          const after = await repo.updateVersioned(tx, id, input.version, {
            ...next,
            active: input.active ?? before.active,
            updatedAt: ctx.now,
          });
          if (!after) throw versionConflict('Model', id, before.version);
          await writeAudit(tx, ctx, {
            entity: 'product_model',
            entityId: id,
            action: 'update',
            before: auditable(before),
            after: auditable(after),
          });
          return after;
        });
        return view(row);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const other = await repo.findByCode(db, next.code, id);
        throw other ? duplicateCode(next.code, other) : e;
      }
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
