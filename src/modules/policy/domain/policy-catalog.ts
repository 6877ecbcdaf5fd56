import type { Static } from 'typebox';
import { callbackPolicies } from './callback-policies.ts';
import { complaintPolicies } from './complaint-policies.ts';
import { generalPolicies } from './general-policies.ts';
import { outletPolicies } from './outlet-policies.ts';
import { partsPolicies } from './parts-policies.ts';
import { settlementPolicies } from './settlement-policies.ts';
import type { PolicyDefinition } from './policy-definition.ts';
import { tradePolicies } from './trade-policies.ts';
import { workOrderPolicies } from './work-order-policies.ts';

export type { LocalizedText, PolicyDefinition, PolicyIssue, PolicyUnit } from './policy-definition.ts';

const definitions = [
  ...generalPolicies,
  ...outletPolicies,
  ...workOrderPolicies,
  ...callbackPolicies,
  ...complaintPolicies,
  ...tradePolicies,
  ...partsPolicies,
  ...settlementPolicies,
];

type KnownDefinition = (typeof definitions)[number];

/** Every policy key the system knows (DOMAIN POL-1). */
export type PolicyKey = KnownDefinition['key'];

/** The value type of one policy, derived from its schema. */
export type PolicyValueOf<K extends PolicyKey> = Static<Extract<KnownDefinition, { key: K }>['schema']>;

/**
 * Every number in DOMAIN.md as a versioned policy value (POL-1), with its schema, default and the rules it
 * parameterises. The first version of each key is seeded from `defaultValue`.
 */
export const policyCatalog: readonly PolicyDefinition[] = definitions;
