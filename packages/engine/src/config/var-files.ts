/**
 * Variable files: `*.tfvars.json` (a JSON object of values) and `*.tfvars` in the HCL subset
 * people actually write in them: `name = "value"`, numbers, bools, null, lists and maps (one per
 * line or spread over several), with `#`, `//` and `/* … *\/` comments.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseExpression, type JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { error } from './internal/diagnostics.js';
import { isJsonObject, showValue } from './internal/json-shape.js';
import { literalValue } from './internal/literal.js';
import { parseJsonText } from './json-file.js';

/** One `name = value` of a variable file. */
export interface VarFileEntry {
  readonly name: string;
  readonly value: JsonValue;
  /** 1-based line of the assignment (`.tfvars` only). */
  readonly line?: number;
}

/** What a variable file holds, and what was wrong with it. */
export interface VarFileContents {
  readonly entries: readonly VarFileEntry[];
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/**
 * Reads a variable file: JSON when the name ends in `.json`, HCL otherwise. `file` is how messages
 * name it (defaults to `path`).
 */
export async function readVarFile(path: string, file = path): Promise<VarFileContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      entries: [],
      diagnostics: [error({ file, summary: 'Cannot read variable file', detail: `Cannot read the variable file ${file}: ${missing ? 'it does not exist' : (cause as Error).message}. Check the -var-file path.` })],
    };
  }
  return path.endsWith('.json') ? parseTfvarsJson(text, file) : parseTfvars(text, file);
}

/**
 * The variable files Terraform loads by itself from `dir`, in its order: `terraform.tfvars`,
 * `terraform.tfvars.json`, then `*.auto.tfvars` and `*.auto.tfvars.json` by name. They come
 * before any `-var-file`.
 */
export async function autoVarFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const auto = names.filter((name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((name) => names.includes(name)), ...auto].map((name) => join(dir, name));
}

/** A `.tfvars.json` document. */
export function parseTfvarsJson(text: string, file: string): VarFileContents {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { entries: [], diagnostics: [parsed.diagnostic] };
  if (!isJsonObject(parsed.value)) {
    return { entries: [], diagnostics: [error({ file, summary: 'Invalid variable file', detail: `${file} must hold a JSON object of variable values, e.g. { "retention_days": 7 } (got ${showValue(parsed.value)}).` })] };
  }
  return { entries: Object.entries(parsed.value).map(([name, value]) => ({ name, value })), diagnostics: [] };
}

/**
 * A `.tfvars` document.
 *
 * @example
 * parseTfvars('clusters = ["in01-a", "in01-b"] # both regions\nretention_days = 7\n', 'prod.tfvars');
 * // { entries: [{ name: 'clusters', value: ['in01-a', 'in01-b'], line: 1 }, { name: 'retention_days', value: 7, line: 2 }], diagnostics: [] }
 */
export function parseTfvars(text: string, file: string): VarFileContents {
  const entries: VarFileEntry[] = [];
  const diagnostics: ConfigDiagnostic[] = [];
  const seen = new Map<string, number>();
  for (const statement of statements(text)) {
    const fail = (summary: string, detail: string): void => {
      diagnostics.push(error({ file, line: statement.line, column: 1, summary, detail: `${file} line ${statement.line}: ${detail}` }));
    };
    const assignment = /^\s*(?:([A-Za-z_][A-Za-z0-9_-]*)|"([^"\\]+)")\s*=\s*([\s\S]*)$/.exec(statement.text);
    if (assignment === null) {
      fail('Invalid variable file', `expected an assignment such as retention_days = 7 (got ${JSON.stringify(statement.text.trim().slice(0, 60))}).`);
      continue;
    }
    const name = (assignment[1] ?? assignment[2]) as string;
    const source = (assignment[3] ?? '').trim();
    if (source === '') {
      fail('Invalid variable file', `${name} has no value after "=".`);
      continue;
    }
    if (source.startsWith('<<')) {
      fail('Unsupported syntax', `heredoc strings are not supported in variable files; write ${name} as a quoted string with \\n for line breaks, or use a .tfvars.json file.`);
      continue;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      fail('Attribute redefined', `${name} was already set on line ${earlier}; set each variable once per file.`);
      continue;
    }
    let value: JsonValue | undefined;
    try {
      value = literalValue(parseExpression(source));
    } catch (cause) {
      fail('Invalid value', `the value of ${name} does not parse: ${(cause as Error).message}.`);
      continue;
    }
    if (value === undefined) {
      fail('Variables not allowed', `the value of ${name} must be a literal (a string, number, bool, list or map); variable files cannot use references, interpolation or function calls.`);
      continue;
    }
    seen.set(name, statement.line);
    entries.push({ name, value, line: statement.line });
  }
  return { entries, diagnostics };
}

interface Statement {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits the text into statements: a statement ends at a line break outside brackets, strings
 * and comments. Comments are dropped. A list left open ends where the next `name =` line starts
 * (no list element looks like that), so one missing `]` costs one value, not the rest of the file.
 */
function statements(text: string): Statement[] {
  const out: Statement[] = [];
  let current = '';
  let line = 1;
  let startLine = 1;
  let open: string[] = [];
  const flush = (): void => {
    if (current.trim() !== '') out.push({ text: current, line: startLine });
    current = '';
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at] as string;
    if (current.trim() === '') startLine = line;
    if (char === '"') {
      // A quoted string, escapes and all; it cannot span lines.
      let end = at + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      current += text.slice(at, end + 1);
      at = end;
      continue;
    }
    if (char === '#' || (char === '/' && text[at + 1] === '/')) {
      while (at + 1 < text.length && text[at + 1] !== '\n') at++;
      continue;
    }
    if (char === '/' && text[at + 1] === '*') {
      const end = text.indexOf('*/', at + 2);
      const comment = text.slice(at, end === -1 ? text.length : end + 2);
      line += comment.split('\n').length - 1;
      at = end === -1 ? text.length : end + 1;
      current += ' ';
      continue;
    }
    if (char === '[' || char === '{' || char === '(') open.push(char);
    if (char === ']' || char === '}' || char === ')') open.pop();
    if (char === '\n') {
      line++;
      const startsAssignment = /^[ \t]*[A-Za-z_][\w-]*[ \t]*=/.test(text.slice(at + 1, at + 200));
      if (open.length === 0 || (open.at(-1) === '[' && startsAssignment)) {
        open = [];
        flush();
        continue;
      }
    }
    current += char;
  }
  flush();
  return out;
}
