/**
 * Reading one JSON file into a value, or a diagnostic naming the file, line and column.
 */
import { readFile } from 'node:fs/promises';
import type { JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { error } from './internal/diagnostics.js';
import { findJsonSyntaxError } from './internal/json-syntax.js';

/** A parsed file, or why it could not be read. */
export type JsonFileResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly diagnostic: ConfigDiagnostic };

/**
 * Parses `text` read from `file` (the name is only used in messages).
 *
 * @example
 * parseJsonText('{ "a": }', 'main.tf.json');
 * // { ok: false, diagnostic: { summary: 'Invalid JSON', detail: 'main.tf.json line 1, column 8: expected a value … but found "}"', line: 1, column: 8, … } }
 */
export function parseJsonText(text: string, file: string): JsonFileResult {
  // Editors on Windows like to start files with a byte order mark; JSON.parse refuses it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: JsonValue;
  try {
    value = JSON.parse(body) as JsonValue;
  } catch (cause) {
    const problem = findJsonSyntaxError(body);
    if (problem === undefined) {
      return { ok: false, diagnostic: error({ summary: 'Invalid JSON', detail: `${file} is not valid JSON: ${(cause as Error).message}.`, file }) };
    }
    return {
      ok: false,
      diagnostic: error({
        summary: 'Invalid JSON',
        detail: `${file} line ${problem.line}, column ${problem.column}: ${problem.message}. Fix the file (or run the synth again if it was generated) and retry.`,
        file,
        line: problem.line,
        column: problem.column,
      }),
    };
  }
  if (nestsDeeperThan(value, maxNesting)) {
    return {
      ok: false,
      diagnostic: error({
        summary: 'Configuration nested too deeply',
        detail: `${file} nests values more than ${maxNesting} levels deep; no configuration needs that many. Fix the file (or the program that wrote it) and retry.`,
        file,
      }),
    };
  }
  return { ok: true, value };
}

/**
 * How deep a configuration may nest. JSON.parse takes any depth, but validation and evaluation
 * walk values recursively; a limit far above any real configuration keeps a hostile or broken
 * file a diagnostic instead of a stack overflow.
 */
const maxNesting = 256;

/** Whether `value` nests deeper than `limit`, measured without recursion. */
function nestsDeeperThan(value: JsonValue, limit: number): boolean {
  const pending: [JsonValue, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    const children: readonly JsonValue[] = Array.isArray(current) ? current : Object.values(current as Readonly<Record<string, JsonValue>>);
    for (const child of children) pending.push([child, depth + 1]);
  }
  return false;
}

/** Reads and parses `path`; `file` is how messages name it. */
export async function readJsonFile(path: string, file: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (cause as Error).message;
    return { ok: false, diagnostic: error({ summary: 'Cannot read configuration file', detail: `Cannot read ${file}: ${reason}.`, file }) };
  }
  return parseJsonText(text, file);
}
