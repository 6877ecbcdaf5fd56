import type { ServiceContext } from '../../platform/auth/actor.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import { requirePermission } from '../identity/index.ts';
import type { CustomerRow } from './customers.repository.ts';
import { customersRepository as repo } from './customers.repository.ts';
import type { CustomerDetail } from './customer-view.ts';
import { auditableCustomer, auditRegionOf } from './customer-view.ts';
import type { CustomersShared } from './customers.service.ts';

const mergedAlready = (row: CustomerRow) =>
  new AppError('CONFLICT', `Customer ${row.code} is already merged into ${row.mergedIntoId}.`, {
    details: { id: row.id, mergedIntoId: row.mergedIntoId },
  });

/**
 * Duplicate customer records (one person registered twice by different agents) are merged into the survivor:
 * the duplicate's phones, addresses and units move over, and the duplicate stays as a read-only pointer.
 */
export function createCustomerMergeService({ deps, reader }: CustomersShared) {
  return {
    async merge(
      ctx: ServiceContext,
      targetId: string,
      body: { sourceId: string; version: number },
    ): Promise<CustomerDetail> {
      const actor = requirePermission(ctx, 'customer.merge');
      if (body.sourceId === targetId) {
        throw validationFailed([
          { path: '/sourceId', message: 'Choose a different customer to merge into this one.' },
        ]);
      }
      await reader.loadVisible(actor, targetId);
      await reader.loadVisible(actor, body.sourceId);
      const row = await inTransaction(deps, async (tx) => {
        // Lock both rows in id order so two merges of the same pair cannot deadlock.
        const [first, second] = [targetId, body.sourceId].sort();
        const locked = new Map<string, CustomerRow | undefined>();
        locked.set(first as string, await repo.findById(tx, first as string, true));
        locked.set(second as string, await repo.findById(tx, second as string, true));
        const target = locked.get(targetId);
        const source = locked.get(body.sourceId);
        if (!target) throw notFound('Customer', targetId);
        if (!source) throw notFound('Customer', body.sourceId);
        if (target.version !== body.version) throw versionConflict('Customer', targetId, target.version);
        if (target.mergedIntoId) throw mergedAlready(target);
        if (source.mergedIntoId) throw mergedAlready(source);

        const [targetPhones, sourcePhones, targetAddresses, sourceAddresses] = await Promise.all([
          repo.phonesOf(tx, [targetId]),
          repo.phonesOf(tx, [source.id]),
          repo.addressesOf(tx, [targetId]),
          repo.addressesOf(tx, [source.id]),
        ]);
        // A number both records hold is kept once, on the survivor.
        const held = new Set(targetPhones.map((p) => p.phoneIdx));
        const duplicates = sourcePhones.filter((p) => held.has(p.phoneIdx));
        for (const p of duplicates) await repo.deletePhone(tx, p.id);
        await repo.moveContacts(tx, source.id, targetId);
        const movedUnits = await repo.moveUnits(tx, source.id, targetId, ctx.now);

        const sourceAfter = await repo.updateVersioned(tx, source.id, source.version, {
          mergedIntoId: targetId,
          updatedAt: ctx.now,
        });
        if (!sourceAfter) throw versionConflict('Customer', source.id, source.version);
        const targetAfter = await repo.updateVersioned(tx, targetId, body.version, {
          tags: [...new Set([...target.tags, ...source.tags])],
          note: target.note ?? source.note,
          updatedAt: ctx.now,
        });
        if (!targetAfter) throw versionConflict('Customer', targetId, target.version);

        const allAddresses = [...targetAddresses, ...sourceAddresses];
        const summary = {
          sourceId: source.id,
          sourceCode: source.code,
          movedPhones: sourcePhones.length - duplicates.length,
          droppedDuplicatePhones: duplicates.length,
          movedAddresses: sourceAddresses.length,
          movedUnits,
        };
        await writeAudit(tx, ctx, {
          entity: 'customer',
          entityId: targetId,
          action: 'merge',
          before: auditableCustomer(target, targetPhones, targetAddresses),
          after: {
            ...auditableCustomer(
              targetAfter,
              [...targetPhones, ...sourcePhones.filter((p) => !held.has(p.phoneIdx))],
              allAddresses,
            ),
            merged: summary,
          },
          scopeRegionCode: auditRegionOf(targetAddresses),
        });
        await writeAudit(tx, ctx, {
          entity: 'customer',
          entityId: source.id,
          action: 'merged_into',
          before: auditableCustomer(source, sourcePhones, sourceAddresses),
          after: { mergedIntoId: targetId, version: sourceAfter.version },
          scopeRegionCode: auditRegionOf(sourceAddresses),
        });
        await emitEvent(tx, ctx, 'customer.merged', { targetId, sourceId: source.id, movedUnits });
        return targetAfter;
      });
      return (await reader.details([row], ctx))[0] as CustomerDetail;
    },
  };
}
