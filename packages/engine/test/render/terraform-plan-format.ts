import { z } from 'zod';

/**
 * Terraform's documented `terraform show -json` plan representation ("JSON Output Format":
 * plan, values, change and configuration representations), strict where the document is
 * precise: the action lists, the mark shapes, `replace_paths`, the reason codes.
 */

const value: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(value), z.record(z.string(), value)]));

/** `after_unknown` / `*_sensitive`: booleans at leaves, lists mirrored, objects keeping only marked keys (never `false` leaves). */
export const marks: z.ZodType<unknown> = z.lazy(() => z.union([z.boolean(), z.array(marks), z.record(z.string(), z.union([z.literal(true), z.array(marks), z.record(z.string(), marks)]))]));

const actions = z.union([
  z.tuple([z.literal('no-op')]),
  z.tuple([z.literal('create')]),
  z.tuple([z.literal('read')]),
  z.tuple([z.literal('update')]),
  z.tuple([z.literal('delete'), z.literal('create')]),
  z.tuple([z.literal('create'), z.literal('delete')]),
  z.tuple([z.literal('delete')]),
]);

export const change = z.strictObject({
  actions,
  before: value.optional(),
  after: value.optional(),
  after_unknown: marks,
  before_sensitive: marks,
  after_sensitive: marks,
  replace_paths: z.array(z.array(z.union([z.string(), z.number()])).min(1)).min(1).optional(),
});

const actionReason = z.enum([
  'replace_because_tainted',
  'replace_because_cannot_update',
  'replace_by_request',
  'replace_by_triggers',
  'delete_because_no_resource_config',
  'delete_because_no_move_target',
  'delete_because_no_module',
  'delete_because_wrong_repetition',
  'delete_because_count_index',
  'delete_because_each_key',
  'read_because_config_unknown',
  'read_because_dependency_pending',
]);

const mode = z.enum(['managed', 'data']);
const address = z.string().regex(/^(data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|".*")\])?$/);

export const resourceChange = z.strictObject({
  address,
  previous_address: address.optional(),
  mode,
  type: z.string(),
  name: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string(),
  deposed: z.string().regex(/^[0-9a-f]{8}$/).optional(),
  change,
  action_reason: actionReason.optional(),
});

const resourceValues = z.strictObject({
  address,
  mode,
  type: z.string(),
  name: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string(),
  schema_version: z.number().int(),
  values: z.record(z.string(), value),
  sensitive_values: marks,
  depends_on: z.array(z.string()).optional(),
  tainted: z.literal(true).optional(),
  deposed_key: z.string().regex(/^[0-9a-f]{8}$/).optional(),
});

const values = z.strictObject({
  outputs: z.record(z.string(), z.strictObject({ sensitive: z.boolean(), value: value.optional(), type: z.unknown().optional() })).optional(),
  root_module: z.strictObject({ resources: z.array(resourceValues) }),
});

export const planRepresentation = z.strictObject({
  format_version: z.string().regex(/^1\.\d+$/),
  terraform_version: z.string().regex(/^\d+\.\d+\.\d+/),
  variables: z.record(z.string(), z.strictObject({ value })),
  planned_values: values,
  resource_drift: z.array(resourceChange),
  resource_changes: z.array(resourceChange),
  output_changes: z.record(
    z.string(),
    change.extend({ actions: z.union([z.tuple([z.literal('create')]), z.tuple([z.literal('update')]), z.tuple([z.literal('delete')]), z.tuple([z.literal('no-op')])]) }),
  ),
  prior_state: z.strictObject({ format_version: z.string(), terraform_version: z.string(), values }),
  configuration: z.strictObject({
    provider_config: z.record(z.string(), z.strictObject({ name: z.string(), full_name: z.string() })),
    root_module: z.strictObject({
      outputs: z.record(z.string(), z.strictObject({ sensitive: z.literal(true).optional() })).optional(),
      resources: z.array(
        z.strictObject({ address, mode, type: z.string(), name: z.string(), provider_config_key: z.string(), schema_version: z.number().int() }),
      ),
    }),
  }),
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  applyable: z.boolean(),
  complete: z.boolean(),
  errored: z.boolean(),
  // Not Terraform's: Lifeboat's one addition, the plan's diagnostics in the shape of Terraform's
  // JSON views (readers ignore properties they do not know, as the format document asks).
  diagnostics: z
    .array(
      z.strictObject({
        severity: z.enum(['error', 'warning']),
        summary: z.string().min(1),
        detail: z.string(),
        address: z.string().optional(),
        construct_path: z.string().optional(),
        attribute: z.string().optional(),
      }),
    )
    .min(1)
    .optional(),
});
