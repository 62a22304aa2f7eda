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
  try {
    return { ok: true, value: JSON.parse(body) as JsonValue };
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
