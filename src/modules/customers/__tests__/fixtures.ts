import type { Harness } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { dealers, productModels } from '../../catalog/catalog.tables.ts';

/** Product models come from the catalog module; tests insert them directly. */
export async function insertModel(
  h: Harness,
  over: Partial<typeof productModels.$inferInsert> = {},
): Promise<typeof productModels.$inferSelect> {
  const now = h.clock.now();
  const code = over.code ?? `KFR-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const rows = await h.deps.database.db
    .insert(productModels)
    .values({
      id: newId('mdl', now),
      code,
      name: `挂式空调 ${code}`,
      categoryCode: 'air_conditioner',
      warrantyMonths: 12,
      keyPartsWarrantyMonths: 36,
      keyParts: ['压缩机'],
      createdAt: now,
      updatedAt: now,
      ...over,
    })
    .returning();
  return rows[0]!;
}

export async function insertDealer(h: Harness, name = '广州百佳电器'): Promise<string> {
  const now = h.clock.now();
  const id = newId('dlr', now);
  await h.deps.database.db.insert(dealers).values({
    id,
    code: `D-${Math.random().toString(36).slice(2, 8)}`,
    name,
    regionCode: '440106',
    tier: 'A',
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export const guangzhouCustomer = (phone = '13812345678') => ({
  name: '张三',
  phones: [
    { number: phone, label: 'mobile' },
    { number: '020-38881234', label: 'home', isPrimary: false },
  ],
  addresses: [{ regionCode: '440106', detail: '天河路385号太古汇2座1201', lat: 23.13, lng: 113.33 }],
  tags: ['VIP'],
});
