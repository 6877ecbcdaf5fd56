export {
  createPolicyService,
  createPolicyStore,
  ensurePolicyDefaults,
  DEFAULTS_EFFECTIVE_FROM,
} from './policy.service.ts';
export type { PolicyService, PolicyStore } from './policy.service.ts';
export { policyRoutes } from './policy.routes.ts';
