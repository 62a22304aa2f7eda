/**
 * One `resource` or `data` block of Terraform JSON → a {@link ResourceBlock}: meta-arguments
 * (`count`, `for_each`, `depends_on`, `lifecycle`, `provider`, `timeouts`) and CDKTF's `//`
 * metadata are taken out of the body, so the body holds only the resource type's attributes.
 */
import type { JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { parseDuration } from './duration.js';
import { describeSubject, error, warning, type Subject } from './internal/diagnostics.js';
import { blockBodies, isJsonObject, showValue, unwrapReference } from './internal/json-shape.js';
import { didYouMean } from './internal/suggest.js';
import type { Lifecycle, ResourceBlock, ResourceMode, Timeouts } from './model.js';

/** What {@link parseResourceBlock} is given: one block as found under `resource.<type>.<name>`. */
export interface ResourceBlockSource {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  readonly body: JsonValue;
  readonly file: string;
}

/** The block (absent when it is unusable) and the problems found. */
export interface ParsedResourceBlock {
  readonly block?: ResourceBlock;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/** Terraform's rule for names of resources, variables, outputs and locals. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const lifecycleKeys = ['prevent_destroy', 'ignore_changes', 'create_before_destroy', 'replace_triggered_by', 'precondition', 'postcondition'];
const timeoutKeys = ['create', 'read', 'update', 'delete'] as const;

/**
 * Parses one block. Problems are collected: a block with a bad `lifecycle` and a bad `timeouts`
 * yields both diagnostics, and the block is still returned (with defaults for what was wrong) so
 * its attributes are validated too.
 *
 * @example
 * parseResourceBlock({ mode: 'managed', type: 'lifeboat_backup', name: 'b', file: 'main.tf.json',
 *   body: { cluster_id: 'in01-1', depends_on: ['lifeboat_backup_policy.nightly'] } });
 * // { block: { address: 'lifeboat_backup.b', body: { cluster_id: 'in01-1' }, dependsOn: ['lifeboat_backup_policy.nightly'], … }, diagnostics: [] }
 */
export function parseResourceBlock(source: ResourceBlockSource): ParsedResourceBlock {
  const { mode, type, name, file } = source;
  const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  const kind = mode === 'data' ? 'data source' : 'resource';
  if (!isJsonObject(source.body)) {
    return {
      diagnostics: [
        error({
          summary: `Invalid ${kind} block`,
          detail: `The body of ${address} must be a JSON object of arguments, e.g. { "cluster_id": "…" } (got ${showValue(source.body)}).`,
          address,
          file,
        }),
      ],
    };
  }
  const metadata = constructMetadata(source.body['//']);
  const subject: Subject = { address, constructPath: metadata.path, file };
  const diagnostics: ConfigDiagnostic[] = [];
  if (!identifierPattern.test(type) || !identifierPattern.test(name)) {
    diagnostics.push(
      error({
        ...subject,
        summary: `Invalid ${kind} name`,
        detail: `${JSON.stringify(identifierPattern.test(type) ? name : type)} in ${describeSubject(subject)} is not a valid name: a name starts with a letter or underscore and holds only letters, digits, underscores and dashes.`,
      }),
    );
  }

  const body: Record<string, JsonValue> = {};
  let count: JsonValue | undefined;
  let forEach: JsonValue | undefined;
  let dependsOn: readonly string[] = [];
  let lifecycle: Lifecycle = { preventDestroy: false, ignoreChanges: [], createBeforeDestroy: false, replaceTriggeredBy: [] };
  let timeouts: Timeouts | undefined;
  let provider: string | undefined;

  for (const [key, value] of Object.entries(source.body)) {
    switch (key) {
      case '//':
        break;
      case 'count':
        count = value;
        break;
      case 'for_each':
        forEach = value;
        break;
      case 'depends_on':
        dependsOn = referenceList(value, 'depends_on', subject, diagnostics, 'resource addresses such as ["lifeboat_backup_policy.nightly"]');
        break;
      case 'lifecycle':
        lifecycle = parseLifecycle(value, mode, subject, diagnostics);
        break;
      case 'timeouts':
        timeouts = parseTimeouts(value, subject, diagnostics);
        break;
      case 'provider':
        if (typeof value === 'string') provider = unwrapReference(value);
        else diagnostics.push(error({ ...subject, attribute: 'provider', summary: 'Invalid provider reference', detail: `provider in ${describeSubject(subject)} must be a provider name such as "lifeboat" or "lifeboat.dr" (got ${showValue(value)}).` }));
        break;
      case 'provisioner':
      case 'connection':
        diagnostics.push(
          error({
            ...subject,
            attribute: key,
            summary: 'Unsupported block type',
            detail: `${describeSubject(subject)} has a ${key} block; Lifeboat does not run provisioners. Remove it and run the commands from your pipeline after apply instead.`,
          }),
        );
        break;
      default:
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }

  const block: ResourceBlock = {
    mode,
    type,
    name,
    address,
    body,
    dependsOn,
    lifecycle,
    file,
    ...(count === undefined ? {} : { count }),
    ...(forEach === undefined ? {} : { forEach }),
    ...(timeouts === undefined ? {} : { timeouts }),
    ...(provider === undefined ? {} : { provider }),
    ...(metadata.path === undefined ? {} : { constructPath: metadata.path }),
    ...(metadata.uniqueId === undefined ? {} : { uniqueId: metadata.uniqueId }),
  };
  return { block, diagnostics };
}

/** `"//": { "metadata": { "path": "primary/nightly/policy", "uniqueId": "nightly_policy_A1B2" } }`. */
export function constructMetadata(value: JsonValue | undefined): { path?: string; uniqueId?: string } {
  if (!isJsonObject(value)) return {};
  const metadata = value.metadata;
  if (!isJsonObject(metadata)) return {};
  return {
    ...(typeof metadata.path === 'string' ? { path: metadata.path } : {}),
    ...(typeof metadata.uniqueId === 'string' ? { uniqueId: metadata.uniqueId } : {}),
  };
}

/** A list of references (`depends_on`, `replace_triggered_by`), each unwrapped from `${ }`. */
export function referenceList(value: JsonValue, attribute: string, subject: Subject, diagnostics: ConfigDiagnostic[], expected: string): string[] {
  if (Array.isArray(value) && (value as readonly JsonValue[]).every((item) => typeof item === 'string')) {
    return (value as readonly string[]).map(unwrapReference);
  }
  diagnostics.push(
    error({ ...subject, attribute, summary: `Invalid ${attribute}`, detail: `${attribute} in ${describeSubject(subject)} must be a list of ${expected} (got ${showValue(value)}).` }),
  );
  return [];
}

function parseLifecycle(value: JsonValue, mode: ResourceMode, subject: Subject, diagnostics: ConfigDiagnostic[]): Lifecycle {
  let preventDestroy = false;
  let createBeforeDestroy = false;
  let ignoreChanges: readonly string[] | 'all' = [];
  let replaceTriggeredBy: readonly string[] = [];
  const bodies = blockBodies(value);
  if (bodies === undefined || bodies.length !== 1) {
    diagnostics.push(
      error({
        ...subject,
        attribute: 'lifecycle',
        summary: bodies === undefined ? 'Invalid lifecycle block' : 'Duplicate lifecycle block',
        detail: `lifecycle in ${describeSubject(subject)} must be one object such as { "prevent_destroy": true } (got ${showValue(value)}).`,
      }),
    );
  }
  const flag = (key: string, item: JsonValue): boolean => {
    if (typeof item === 'boolean') return item;
    diagnostics.push(
      error({
        ...subject,
        attribute: `lifecycle.${key}`,
        summary: 'Invalid lifecycle value',
        detail: `lifecycle.${key} in ${describeSubject(subject)} must be true or false, written literally (got ${showValue(item)}); lifecycle settings cannot come from expressions.`,
      }),
    );
    return false;
  };
  for (const [key, item] of Object.entries(bodies?.[0] ?? {})) {
    if (mode === 'data' && key !== 'precondition' && key !== 'postcondition' && lifecycleKeys.includes(key)) {
      diagnostics.push(
        error({ ...subject, attribute: `lifecycle.${key}`, summary: 'Invalid data source lifecycle argument', detail: `lifecycle.${key} is for managed resources; data sources are only read, so remove it from ${describeSubject(subject)}.` }),
      );
      continue;
    }
    switch (key) {
      case '//':
        break;
      case 'prevent_destroy':
        preventDestroy = flag(key, item);
        break;
      case 'create_before_destroy':
        createBeforeDestroy = flag(key, item);
        break;
      case 'ignore_changes':
        if (item === 'all' || item === '${all}') ignoreChanges = 'all';
        else ignoreChanges = referenceList(item, 'lifecycle.ignore_changes', subject, diagnostics, 'attribute names such as ["retention_days"], or "all"');
        break;
      case 'replace_triggered_by':
        replaceTriggeredBy = referenceList(item, 'lifecycle.replace_triggered_by', subject, diagnostics, 'references such as ["lifeboat_backup.before_migration.backup_id"]');
        break;
      case 'precondition':
      case 'postcondition':
        diagnostics.push(
          warning({ ...subject, attribute: `lifecycle.${key}`, summary: 'Condition not checked', detail: `Lifeboat does not evaluate lifecycle ${key} blocks yet; the one in ${describeSubject(subject)} is ignored.` }),
        );
        break;
      default:
        diagnostics.push(
          error({
            ...subject,
            attribute: `lifecycle.${key}`,
            summary: 'Unsupported argument',
            detail: `lifecycle in ${describeSubject(subject)} has no argument ${JSON.stringify(key)}.${didYouMean(key, lifecycleKeys)} The arguments are ${lifecycleKeys.slice(0, 4).join(', ')}.`,
          }),
        );
    }
  }
  return { preventDestroy, ignoreChanges, createBeforeDestroy, replaceTriggeredBy };
}

function parseTimeouts(value: JsonValue, subject: Subject, diagnostics: ConfigDiagnostic[]): Timeouts | undefined {
  const bodies = blockBodies(value);
  if (bodies === undefined || bodies.length !== 1) {
    diagnostics.push(error({ ...subject, attribute: 'timeouts', summary: 'Invalid timeouts block', detail: `timeouts in ${describeSubject(subject)} must be one object such as { "create": "30m" } (got ${showValue(value)}).` }));
    return undefined;
  }
  const timeouts: { -readonly [K in keyof Timeouts]: number } = {};
  for (const [key, item] of Object.entries(bodies[0] ?? {})) {
    if (key === '//') continue;
    const operation = timeoutKeys.find((candidate) => candidate === key);
    if (operation === undefined) {
      diagnostics.push(
        error({ ...subject, attribute: `timeouts.${key}`, summary: 'Unsupported argument', detail: `timeouts in ${describeSubject(subject)} has no argument ${JSON.stringify(key)}.${didYouMean(key, timeoutKeys)} The arguments are ${timeoutKeys.join(', ')}.` }),
      );
      continue;
    }
    const ms = typeof item === 'string' ? parseDuration(item.trim()) : undefined;
    if (ms === undefined) {
      diagnostics.push(
        error({
          ...subject,
          attribute: `timeouts.${key}`,
          summary: 'Invalid timeout',
          detail: `timeouts.${key} in ${describeSubject(subject)} must be a duration such as "30m", "1h30m" or "90s" (got ${showValue(item)}).`,
        }),
      );
      continue;
    }
    timeouts[operation] = ms;
  }
  return timeouts;
}
