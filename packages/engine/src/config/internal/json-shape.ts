import { parseTemplate, type JsonValue } from '../../expressions/index.js';
import type { JsonObject } from '../model.js';

/** True for a JSON object (not a list, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The bodies of a block in HCL's JSON syntax: an object is one block, a list of objects is one
 * block per element (`"lifecycle": [{ … }]`, as CDKTF and some generators write it). `undefined`
 * when the value is neither.
 */
export function blockBodies(value: JsonValue): JsonObject[] | undefined {
  if (isJsonObject(value)) return [value];
  if (Array.isArray(value) && (value as readonly JsonValue[]).every(isJsonObject)) return [...(value as readonly JsonObject[])];
  return undefined;
}

/** True when a string may hold `${…}` or `%{…}`, so its value is only known by evaluating it. */
export function isTemplate(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

/** True when any string inside `value` (keys included) is a template. */
export function containsTemplate(value: JsonValue): boolean {
  if (typeof value === 'string') return isTemplate(value);
  if (Array.isArray(value)) return (value as readonly JsonValue[]).some(containsTemplate);
  if (isJsonObject(value)) return Object.entries(value).some(([key, item]) => isTemplate(key) || containsTemplate(item));
  return false;
}

/**
 * A reference written in either form Terraform JSON accepts for meta-arguments (`depends_on`,
 * `provider`, `import.to`…): bare `lifeboat_backup.b` or wrapped `${lifeboat_backup.b}`. Only a
 * string that is exactly one interpolation is unwrapped.
 */
export function unwrapReference(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('${') || !trimmed.endsWith('}')) return trimmed;
  try {
    const [only, ...more] = parseTemplate(trimmed).parts;
    if (only?.kind === 'interpolation' && more.length === 0) return trimmed.slice(2, -1).trim();
  } catch {
    // Left as written: the validator reports the syntax error with the block's address.
  }
  return trimmed;
}

/** A JSON value as messages show it, shortened when long. */
export function showValue(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
