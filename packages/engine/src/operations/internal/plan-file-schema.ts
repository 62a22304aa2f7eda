/**
 * The shape a saved plan file must have before apply may trust it. Objects are `looseObject`s,
 * so a field a later minor release adds does not make an older plan unreadable; what apply
 * relies on (identity, the changes and their actions, the configuration's lists) is checked.
 */
import { z } from 'zod';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Checked with a predicate rather than z.record: z.record copies the object and drops a
// "__proto__" key, and these hold user data.
const plainObject = z.custom<Record<string, unknown>>(isPlainObject, { message: 'expected an object' });
const stringList = z.array(z.string());
const entries = z.array(z.tuple([z.string(), z.unknown()]));

const actionLists = new Set(['no-op', 'create', 'read', 'update', 'delete', 'delete,create', 'create,delete']);
const actions = z.array(z.string()).refine((list) => actionLists.has(list.join(',')), { message: 'expected one of Terraform\'s action lists, e.g. ["create"] or ["delete","create"]' });

const resourceChange = z.looseObject({
  address: z.string(),
  resourceAddress: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  actions,
  before: plainObject.nullable(),
  after: plainObject.nullable(),
  afterUnknown: plainObject,
  replacePaths: z.array(z.array(z.union([z.string(), z.number()]))),
  sensitive: stringList,
  dependencies: stringList,
  createBeforeDestroy: z.boolean(),
});

const configuration = z.looseObject({
  dir: z.string(),
  moduleDir: z.string(),
  files: stringList,
  providers: z.array(plainObject),
  requiredProviders: entries,
  variables: entries,
  locals: entries,
  outputs: entries,
  resources: z.array(z.looseObject({ address: z.string(), mode: z.enum(['managed', 'data']), type: z.string(), name: z.string(), body: plainObject, dependsOn: stringList, lifecycle: plainObject })),
  imports: z.array(z.looseObject({ to: z.string(), id: z.string() })),
  moved: z.array(z.looseObject({ from: z.string(), to: z.string() })),
});

/** The `plan` member of a saved plan file. */
export const savedPlanSchema = z.looseObject({
  formatVersion: z.literal('1.2'),
  mode: z.enum(['normal', 'destroy', 'refresh-only']),
  lineage: z.string().min(1),
  serial: z.number().int().nonnegative(),
  resourceChanges: z.array(resourceChange),
  resourceDrift: z.array(resourceChange),
  outputChanges: z.array(z.looseObject({ name: z.string(), actions, afterUnknown: z.boolean(), sensitive: z.boolean() })),
  diagnostics: z.array(z.looseObject({ severity: z.enum(['error', 'warning']), summary: z.string(), detail: z.string() })),
  priorState: z.looseObject({ lineage: z.string(), serial: z.number().int().nonnegative(), resources: z.array(plainObject), outputs: plainObject, pending: z.array(plainObject) }),
  stateMoves: z.array(z.looseObject({ kind: z.enum(['put-instance', 'remove-instance', 'pending', 'pending-done', 'outputs']) })),
  dataValues: plainObject,
  variables: plainObject,
  configuration,
  targets: stringList,
  excludes: stringList,
  errored: z.boolean(),
  stats: z.looseObject({ apiCalls: z.number(), refreshed: z.number() }),
});

/** Up to three issues, each with its path: enough to find the damage without flooding the message. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return `${path === '' ? '(top level)' : path.slice(path.startsWith('.') ? 1 : 0)}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

export { isPlainObject };
