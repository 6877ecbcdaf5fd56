import type { DispatchReason, EngineerCandidate, EngineerProposal, RejectedCandidate } from './dispatch.ts';
import { proposeEngineer } from './dispatch.ts';

/**
 * WO-13 for several orders at once (the board's bulk assign): one engineer for all of them must pass the
 * single-order rule for every category among them. The ranking is WO-13's own (least open work, fewest
 * today, code) over the engineers who qualify for all, so the suggestion is the one a dispatcher would get
 * order by order when the orders share a category.
 */
export interface BulkEngineerChoice {
  categoryCodes: string[];
  proposal: EngineerProposal;
}

export function bulkEngineerChoice(
  engineers: readonly EngineerCandidate[],
  categoryCodes: readonly string[],
): BulkEngineerChoice {
  const codes = [...new Set(categoryCodes)].sort();
  const [firstCode] = codes;
  if (firstCode === undefined) throw new RangeError('bulkEngineerChoice needs at least one category');
  const reasons = new Map<string, DispatchReason[]>();
  for (const code of codes) {
    for (const r of proposeEngineer(engineers, { categoryCode: code }).rejected) {
      const known = reasons.get(r.id) ?? [];
      for (const reason of r.reasons) {
        if (!known.some((k) => k.code === reason.code && k.message === reason.message)) known.push(reason);
      }
      reasons.set(r.id, known);
    }
  }
  const fit = engineers.filter((e) => !reasons.has(e.engineerId));
  const ranked = proposeEngineer(fit, { categoryCode: firstCode });
  const rejected: RejectedCandidate[] = engineers.flatMap((e) => {
    const why = reasons.get(e.engineerId);
    return why ? [{ id: e.engineerId, code: e.code, reasons: why }] : [];
  });
  return {
    categoryCodes: codes,
    proposal: ranked.ok
      ? { ...ranked, rejected }
      : {
          ok: false,
          code: 'NO_ELIGIBLE_ENGINEER',
          message:
            codes.length > 1
              ? 'No active engineer is qualified for every category of these orders; select orders of one category.'
              : ranked.message,
          ranked: [],
          rejected,
        },
  };
}
