import { OUTLET_A } from '../../../../test/harness.ts';
import type { AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest, versionAt } from '../../../../test/audit-steps.ts';
import { newId } from '../../../platform/ids.ts';
import { productModels } from '../../catalog/catalog.tables.ts';

/** Customers, units, outlets and engineers rows of the SEC-3 audit table (run by the platform's audit test). */
export const masterDataAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/outlets',
    entity: 'outlet',
    action: 'create',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/outlets', {
        code: 'AUD-001',
        name: '审计网点',
        type: 'after_sales_tier1',
        regionCode: '440106',
      });
      s.ids.outlet = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'PATCH /api/outlets/{id}',
    entity: 'outlet',
    action: 'update',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/outlets/${s.ids.outlet}`);
      const r = await adminRequest(h, s, 'PATCH', `/api/outlets/${s.ids.outlet}`, {
        version,
        address: '天河路2号',
      });
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'PUT /api/outlets/{id}/coverage',
    entity: 'outlet',
    action: 'set_coverage',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/outlets/${s.ids.outlet}`);
      const r = await adminRequest(h, s, 'PUT', `/api/outlets/${s.ids.outlet}/coverage`, {
        version,
        regions: [{ regionCode: '440106', role: 'primary' }],
        services: [{ categoryCode: 'air_conditioner', serviceType: 'repair' }],
      });
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'POST /api/outlets/{id}/band',
    entity: 'outlet',
    action: 'set_band',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `/api/outlets/${s.ids.outlet}/band`, {
        year: 2026,
        lastYearRepairOrders: 1200,
      });
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'POST /api/outlets/{id}/dispatch-suspension',
    entity: 'outlet',
    action: 'suspend_dispatch',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/outlets/${s.ids.outlet}`);
      const r = await adminRequest(h, s, 'POST', `/api/outlets/${s.ids.outlet}/dispatch-suspension`, {
        version,
        reason: '审计：暗访服务不规范',
      });
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'POST /api/outlets/{id}/dispatch-suspension/lift',
    entity: 'outlet',
    action: 'lift_dispatch_suspension',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/outlets/${s.ids.outlet}`);
      const r = await adminRequest(h, s, 'POST', `/api/outlets/${s.ids.outlet}/dispatch-suspension/lift`, {
        version,
        reason: '复查合格',
      });
      return { status: r.statusCode, entityId: s.ids.outlet! };
    },
  },
  {
    route: 'POST /api/engineers',
    entity: 'engineer',
    action: 'create',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/engineers', {
        outletId: OUTLET_A,
        name: '审计工程师',
        phone: '13512340000',
        skills: [{ categoryCode: 'air_conditioner', level: 1 }],
      });
      s.ids.engineer = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.engineer! };
    },
  },
  {
    route: 'PATCH /api/engineers/{id}',
    entity: 'engineer',
    action: 'update',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'PATCH', `/api/engineers/${s.ids.engineer}`, {
        version: 1,
        active: false,
      });
      return { status: r.statusCode, entityId: s.ids.engineer! };
    },
  },
  {
    route: 'POST /api/engineers/{id}/reveal',
    entity: 'engineer',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `/api/engineers/${s.ids.engineer}/reveal`);
      return { status: r.statusCode, entityId: s.ids.engineer! };
    },
  },
  {
    route: 'POST /api/customers',
    entity: 'customer',
    action: 'create',
    run: async (h, s) => {
      const body = (phone: string) => ({
        name: '审计用户',
        phones: [{ number: phone, label: 'mobile' }],
        addresses: [{ regionCode: '440106', detail: '天河路3号' }],
      });
      const r = await adminRequest(h, s, 'POST', '/api/customers', body('13512340001'));
      s.ids.customer = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'PATCH /api/customers/{id}',
    entity: 'customer',
    action: 'update',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(h, s, 'PATCH', `/api/customers/${s.ids.customer}`, {
        version,
        tags: ['VIP'],
      });
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'POST /api/customers/{id}/phones',
    entity: 'customer',
    action: 'add_phone',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(h, s, 'POST', `/api/customers/${s.ids.customer}/phones`, {
        version,
        number: '13512340003',
        label: 'work',
      });
      s.ids.phone = (r.json().phones as { id: string; isPrimary: boolean }[]).find((p) => !p.isPrimary)!.id;
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'DELETE /api/customers/{id}/phones/{phoneId}',
    entity: 'customer',
    action: 'remove_phone',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(
        h,
        s,
        'DELETE',
        `/api/customers/${s.ids.customer}/phones/${s.ids.phone}?version=${version}`,
      );
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'POST /api/customers/{id}/addresses',
    entity: 'customer',
    action: 'add_address',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(h, s, 'POST', `/api/customers/${s.ids.customer}/addresses`, {
        version,
        regionCode: '440104',
        detail: '北京路4号',
      });
      s.ids.address = (r.json().addresses as { id: string; isDefault: boolean }[]).find(
        (a) => !a.isDefault,
      )!.id;
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'DELETE /api/customers/{id}/addresses/{addressId}',
    entity: 'customer',
    action: 'remove_address',
    run: async (h, s) => {
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(
        h,
        s,
        'DELETE',
        `/api/customers/${s.ids.customer}/addresses/${s.ids.address}?version=${version}`,
      );
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'POST /api/customers/{id}/reveal',
    entity: 'customer',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `/api/customers/${s.ids.customer}/reveal`);
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'POST /api/customers/{id}/merge',
    entity: 'customer',
    action: 'merge',
    run: async (h, s) => {
      const duplicate = await adminRequest(h, s, 'POST', '/api/customers', {
        name: '审计用户',
        phones: [{ number: '13512340002', label: 'mobile' }],
        addresses: [{ regionCode: '440106', detail: '天河路3号' }],
      });
      s.ids.duplicate = duplicate.json().id as string;
      const version = await versionAt(h, s, `/api/customers/${s.ids.customer}`);
      const r = await adminRequest(h, s, 'POST', `/api/customers/${s.ids.customer}/merge`, {
        sourceId: s.ids.duplicate,
        version,
      });
      return { status: r.statusCode, entityId: s.ids.customer! };
    },
  },
  {
    route: 'POST /api/units',
    entity: 'unit',
    action: 'create',
    run: async (h, s) => {
      const now = h.clock.now();
      const modelId = newId('mdl', now);
      await h.deps.database.db.insert(productModels).values({
        id: modelId,
        code: 'AUD-MODEL',
        name: '审计型号',
        categoryCode: 'air_conditioner',
        warrantyMonths: 12,
        keyPartsWarrantyMonths: 36,
        createdAt: now,
        updatedAt: now,
      });
      const r = await adminRequest(h, s, 'POST', '/api/units', {
        serialNumber: 'AUD-0001',
        modelId,
        customerId: s.ids.customer,
        purchaseDate: '2026-01-01',
        salesChannel: 'mall',
      });
      s.ids.unit = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.unit! };
    },
  },
  {
    route: 'PATCH /api/units/{id}',
    entity: 'unit',
    action: 'update',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'PATCH', `/api/units/${s.ids.unit}`, {
        version: 1,
        installDate: '2026-01-05',
      });
      return { status: r.statusCode, entityId: s.ids.unit! };
    },
  },
];
