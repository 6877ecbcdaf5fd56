import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import { inTransaction } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db/database.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission } from '../identity/index.ts';
import type { CustomerRow } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { CustomerDetail } from './customer-view.ts';
import { auditableCustomer, auditRegionOf } from './customer-view.ts';
import type { AddressInput, PhoneInput } from './customer-input.ts';
import { MAX_ADDRESSES, MAX_PHONES } from './customer-input.ts';
import type { CustomersShared } from './customers.service.ts';

/** Phones and addresses of a customer. Each change bumps the customer's version (the caller sends the one read). */
export function createCustomerContactsService({ deps, reader, input }: CustomersShared) {
  async function detailOf(row: CustomerRow, ctx: ServiceContext): Promise<CustomerDetail> {
    return (await reader.details([row], ctx))[0] as CustomerDetail;
  }

  async function editable(ctx: ServiceContext, id: string) {
    const actor = requirePermission(ctx, 'customer.write');
    const loaded = await reader.loadVisible(actor, id);
    if (loaded.row.mergedIntoId) {
      throw new AppError(
        'CONFLICT',
        `Customer ${loaded.row.code} was merged into ${loaded.row.mergedIntoId}; change that customer instead.`,
        { details: { mergedIntoId: loaded.row.mergedIntoId } },
      );
    }
    return { actor, ...loaded };
  }

  /** Runs `change` after claiming the customer's next version, then audits the before/after picture. */
  async function versioned(
    ctx: ServiceContext,
    actor: Actor,
    id: string,
    version: number,
    action: string,
    change: (tx: Tx) => Promise<void>,
  ): Promise<CustomerRow> {
    return inTransaction(deps, async (tx) => {
      const before = await repo.findById(tx, id, true);
      if (!before) throw notFound('Customer', id);
      if (before.version !== version) throw versionConflict('Customer', id, before.version);
      const phonesBefore = await repo.phonesOf(tx, [id]);
      const addressesBefore = await repo.addressesOf(tx, [id]);
      await change(tx);
      const after = await repo.updateVersioned(tx, id, version, { updatedAt: ctx.now });
      if (!after) throw versionConflict('Customer', id, before.version);
      const addressesAfter = await repo.addressesOf(tx, [id]);
      await writeAudit(tx, ctx, {
        entity: 'customer',
        entityId: id,
        action,
        before: auditableCustomer(before, phonesBefore, addressesBefore),
        after: auditableCustomer(after, await repo.phonesOf(tx, [id]), addressesAfter),
        scopeOutletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
        scopeRegionCode: auditRegionOf(addressesAfter),
      });
      return after;
    });
  }

  return {
    async addPhone(
      ctx: ServiceContext,
      id: string,
      body: PhoneInput & { version: number },
    ): Promise<CustomerDetail> {
      const { actor, reach } = await editable(ctx, id);
      const errors: FieldError[] = [];
      const [phone] = input.phones([body], '', errors);
      if (errors.length > 0 || !phone) {
        throw validationFailed(errors.map((e) => ({ ...e, path: e.path.replace(/^\/0/, '') || '/' })));
      }
      const row = await versioned(ctx, actor, id, body.version, 'add_phone', async (tx) => {
        await input.claimPhones(tx, [phone.idx], id, reach, ['/number']);
        const existing = await repo.phonesOf(tx, [id]);
        if (existing.some((p) => p.phoneIdx === phone.idx)) {
          throw validationFailed([{ path: '/number', message: 'This customer already has this number.' }]);
        }
        if (existing.length >= MAX_PHONES) {
          throw validationFailed([
            { path: '/number', message: `A customer has at most ${MAX_PHONES} numbers; remove one first.` },
          ]);
        }
        const phoneId = newId('cph', ctx.now);
        await repo.insertPhones(tx, [
          {
            id: phoneId,
            customerId: id,
            phoneEnc: phone.enc,
            phoneIdx: phone.idx,
            label: phone.label,
            isPrimary: false,
            createdAt: ctx.now,
          },
        ]);
        if (phone.isPrimary || !existing.some((p) => p.isPrimary))
          await repo.setPrimaryPhone(tx, id, phoneId);
      });
      return detailOf(row, ctx);
    },

    async removePhone(ctx: ServiceContext, id: string, phoneId: string, version: number): Promise<void> {
      const { actor } = await editable(ctx, id);
      await versioned(ctx, actor, id, version, 'remove_phone', async (tx) => {
        const phones = await repo.phonesOf(tx, [id]);
        const phone = phones.find((p) => p.id === phoneId);
        if (!phone) throw notFound('Phone', phoneId);
        const rest = phones.filter((p) => p.id !== phoneId);
        if (rest.length === 0) {
          throw validationFailed(
            [{ path: '/phoneId', message: 'A customer keeps at least one phone; add the new number first.' }],
            'A customer keeps at least one phone; add the new number first.',
          );
        }
        await repo.deletePhone(tx, phoneId);
        if (phone.isPrimary) await repo.setPrimaryPhone(tx, id, (rest[0] as { id: string }).id);
      });
    },

    async addAddress(
      ctx: ServiceContext,
      id: string,
      body: AddressInput & { version: number },
    ): Promise<CustomerDetail> {
      const { actor } = await editable(ctx, id);
      const errors: FieldError[] = [];
      const [address] = await input.addresses([body], '', errors);
      if (errors.length > 0 || !address) {
        throw validationFailed(errors.map((e) => ({ ...e, path: e.path.replace(/^\/0/, '') || '/' })));
      }
      const row = await versioned(ctx, actor, id, body.version, 'add_address', async (tx) => {
        const existing = await repo.addressesOf(tx, [id]);
        if (existing.length >= MAX_ADDRESSES) {
          throw validationFailed([
            {
              path: '/detail',
              message: `A customer has at most ${MAX_ADDRESSES} addresses; remove one first.`,
            },
          ]);
        }
        const addressId = newId('cad', ctx.now);
        await repo.insertAddresses(tx, [
          { id: addressId, customerId: id, ...address, isDefault: false, createdAt: ctx.now },
        ]);
        if (address.isDefault || !existing.some((a) => a.isDefault))
          await repo.setDefaultAddress(tx, id, addressId);
      });
      return detailOf(row, ctx);
    },

    async removeAddress(ctx: ServiceContext, id: string, addressId: string, version: number): Promise<void> {
      const { actor } = await editable(ctx, id);
      await versioned(ctx, actor, id, version, 'remove_address', async (tx) => {
        const addresses = await repo.addressesOf(tx, [id]);
        const address = addresses.find((a) => a.id === addressId);
        if (!address) throw notFound('Address', addressId);
        const rest = addresses.filter((a) => a.id !== addressId);
        if (rest.length === 0) {
          throw validationFailed(
            [
              {
                path: '/addressId',
                message: 'A customer keeps at least one address; add the new one first.',
              },
            ],
            'A customer keeps at least one address; add the new one first.',
          );
        }
        const unitsThere = await repo.unitsAtAddress(tx, addressId);
        if (unitsThere > 0) {
          throw new AppError(
            'CONFLICT',
            `${unitsThere} unit(s) are installed at this address; move them to another address first.`,
            { details: { unitCount: unitsThere } },
          );
        }
        await repo.deleteAddress(tx, addressId);
        if (address.isDefault) await repo.setDefaultAddress(tx, id, (rest[0] as { id: string }).id);
      });
    },
  };
}
