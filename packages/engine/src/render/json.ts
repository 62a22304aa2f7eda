import { finishedPending } from '../apply/finished-pending.js';
import type { Plan } from '../plan/types.js';
import type { AttributeValue } from '../state/types.js';
import { TERRAFORM_VERSION } from '../state/snapshot.js';
import { diagnosticsToJson } from './json-diagnostics.js';
import type { JsonPlan } from './json-types.js';
import { configurationJson, outputChangesJson, plannedValuesJson, resourceChangeJson } from './internal/json-changes.js';
import { sortedRecord, sortKeys, stateJson } from './internal/json-values.js';
import { compareInstances } from './internal/order.js';
import { kindOf } from './internal/symbols.js';
import { isMoved } from '../plan/types.js';
import { lifeboatSchemas, type ProviderSchemas } from './schemas.js';

/** Options of {@link planToJson}; all optional. */
export interface PlanJsonOptions {
  /**
   * Schemas that say which attributes are sensitive, on top of what the plan records.
   * @default the `lifeboat` provider's schemas
   */
  readonly schemas?: ProviderSchemas;
  /**
   * When the plan was made, for `timestamp`.
   * @default now
   */
  readonly timestamp?: Date;
  /**
   * The `terraform_version` to claim.
   * @default the version whose state format the engine writes, so Terraform tooling accepts it
   */
  readonly terraformVersion?: string;
}

export interface NormalizedPlanJsonOptions {
  readonly schemas: ProviderSchemas;
  readonly timestamp: Date;
  readonly terraformVersion: string;
}

export const defaultPlanJsonOptions: Omit<NormalizedPlanJsonOptions, 'timestamp'> = { schemas: lifeboatSchemas, terraformVersion: TERRAFORM_VERSION };

/**
 * Fills in defaults and checks values once.
 *
 * @throws {RangeError} when `timestamp` is an invalid date.
 */
export function normalizePlanJsonOptions(options: PlanJsonOptions = {}): NormalizedPlanJsonOptions {
  const timestamp = options.timestamp ?? new Date();
  if (Number.isNaN(timestamp.getTime())) throw new RangeError('timestamp must be a valid date (got an invalid Date)');
  return {
    schemas: options.schemas ?? defaultPlanJsonOptions.schemas,
    timestamp,
    terraformVersion: options.terraformVersion ?? defaultPlanJsonOptions.terraformVersion,
  };
}

/**
 * The plan in the `terraform show -json` shape (format 1.2), as plain data for `JSON.stringify`.
 * `resource_drift` holds all drift, unlike the human rendering, which shows only drift that
 * bears on a change.
 *
 * Departure from Terraform: `terraform show -json` prints sensitive values and only marks them
 * in `before_sensitive` / `after_sensitive`. Lifeboat promises that sensitive attributes (a
 * restored cluster's password) never appear in plan output, and a JSON plan ends up in CI logs
 * and artifacts, so here they are marked the same way but their values are left out — object
 * keys omitted, as Terraform does for unknown values; list elements `null`; whole sensitive
 * outputs without `before`/`after`/`value`. Tools that read the marks (as Terraform tells them
 * to before displaying anything) work unchanged.
 *
 * @example
 * const json = JSON.stringify(planToJson(plan));
 */
export function planToJson(plan: Plan, options: PlanJsonOptions = {}): JsonPlan {
  const { schemas, timestamp, terraformVersion } = normalizePlanJsonOptions(options);
  const changes = [...plan.resourceChanges].sort(compareInstances);
  const drift = [...plan.resourceDrift].sort(compareInstances);
  const variables = sortedRecord(Object.entries(plan.variables).map(([name, value]): [string, { value: AttributeValue }] => [name, { value: sortKeys(value) }]));
  const doesSomething =
    // A move with no other change still does something: applying it rewrites the state.
    changes.some((change) => kindOf(change.actions) !== undefined || isMoved(change)) ||
    plan.outputChanges.some((output) => kindOf(output.actions) !== undefined) ||
    (plan.mode === 'refresh-only' && drift.length > 0) ||
    // Finished creates still listed as pending: only an apply clears them from the state.
    finishedPending(plan.priorState).size > 0;
  return {
    format_version: '1.2',
    terraform_version: terraformVersion,
    variables,
    planned_values: plannedValuesJson(changes, plan.outputChanges, schemas),
    resource_drift: drift.map((change) => resourceChangeJson(change, schemas)),
    resource_changes: changes.map((change) => resourceChangeJson(change, schemas)),
    output_changes: outputChangesJson(plan.outputChanges),
    prior_state: stateJson(plan.priorState, schemas),
    configuration: configurationJson(plan),
    timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    applyable: !plan.errored && doesSomething,
    complete: true,
    errored: plan.errored,
    ...(plan.diagnostics.length === 0 ? {} : { diagnostics: diagnosticsToJson(plan.diagnostics) }),
  };
}
