/** An instance as `terraform state show` prints it: an HCL-like block with aligned attributes. */
import type { AttributeValue } from '../../state/types.js';
import type { StateInstance } from './state-instances.js';

const indent = (level: number): string => '    '.repeat(level);
const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const attributeKey = (key: string): string => (identifier.test(key) ? key : JSON.stringify(key));
const SENSITIVE = '(sensitive value)';

/** Sensitive attribute paths, each as the JSON of its steps (a key may hold any character), for lookup while walking values. */
type SensitivePaths = ReadonlySet<string>;

/**
 * Renders one instance. Attributes are sorted and padded to the longest name, nulls are left
 * out, maps and lists open one level deeper, and every sensitive attribute (from the schema or
 * the instance's `sensitive_attributes`) reads `(sensitive value)`.
 */
export function renderInstance(item: StateInstance, sensitive: readonly string[]): string {
  const paths = new Set<string>([...sensitive.map((name) => JSON.stringify([name])), ...item.instance.sensitive_attributes.map((path) => JSON.stringify(path.map((step) => step.value)))]);
  const header = `# ${item.address}:${item.instance.status === 'tainted' ? ' (tainted)' : ''}`;
  const kind = item.resource.mode === 'data' ? 'data' : 'resource';
  const body = renderEntries(Object.entries(item.instance.attributes), 1, [], paths, attributeKey);
  return `${header}\n${kind} ${JSON.stringify(item.resource.type)} ${JSON.stringify(item.resource.name)} {${body === '' ? '' : `\n${body}`}\n}`;
}

function renderEntries(
  entries: [string, AttributeValue][],
  level: number,
  path: readonly (string | number)[],
  paths: SensitivePaths,
  keyText: (key: string) => string,
): string {
  const shown = entries.filter(([, value]) => value !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(0, ...shown.map(([key]) => keyText(key).length));
  return shown.map(([key, value]) => `${indent(level)}${keyText(key).padEnd(width)} = ${renderValue(value, level, [...path, key], paths)}`).join('\n');
}

function renderValue(value: AttributeValue, level: number, path: readonly (string | number)[], paths: SensitivePaths): string {
  if (paths.has(JSON.stringify(path))) return SENSITIVE;
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (!value.includes('\n')) return JSON.stringify(value);
    const lines = value.replace(/\n$/, '').split('\n').map((line) => `${indent(level + 1)}${line}`);
    return `<<-EOT\n${lines.join('\n')}\n${indent(level)}EOT`;
  }
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    // Elements step by index, which no `get_attr` path (names only) can match: the list's own mark covers them.
    const items = value.map((element, index) => `${indent(level + 1)}${renderValue(element, level + 1, [...path, index], paths)},`);
    return `[\n${items.join('\n')}\n${indent(level)}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${renderEntries(entries, level + 1, path, paths, (key) => JSON.stringify(key))}\n${indent(level)}}`;
}
