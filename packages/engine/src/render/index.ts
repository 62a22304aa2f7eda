/**
 * Plan rendering: for people (like `terraform plan`) and as JSON (like `terraform show -json`).
 * Renderers return strings or plain data; the engine never prints.
 */
export { renderPlan } from './human.js';
export { renderDiagnostics } from './diagnostics.js';
export { defaultHumanRenderOptions, normalizeHumanRenderOptions, type HumanRenderOptions, type NormalizedHumanRenderOptions } from './options.js';
export { defaultPlanJsonOptions, normalizePlanJsonOptions, planToJson, type NormalizedPlanJsonOptions, type PlanJsonOptions } from './json.js';
export { diagnosticsToJson } from './json-diagnostics.js';
export type {
  JsonChange,
  JsonDiagnostic,
  JsonConfiguration,
  JsonMarks,
  JsonOutputValue,
  JsonPlan,
  JsonResourceChange,
  JsonResourceValues,
  JsonState,
  JsonValues,
} from './json-types.js';
export { countChanges, hasChanges, type ChangeCounts } from './summary.js';
export { LIFEBOAT_PROVIDER_NAME, lifeboatSchemas, schemaOf, type ProviderSchemas } from './schemas.js';
