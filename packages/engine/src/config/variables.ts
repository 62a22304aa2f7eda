/**
 * Input variable values, with Terraform's precedence: a declared default, then the environment
 * (`TF_VAR_name`), then variable files in the order given, then `-var` in the order given; the
 * last one set wins. Values are converted to the declared type.
 */
import { parseExpression, type JsonValue } from '../expressions/index.js';
import { convertValue } from './convert.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { describeSubject, error, warning, type Subject } from './internal/diagnostics.js';
import { literalValue } from './internal/literal.js';
import { didYouMean } from './internal/suggest.js';
import type { Configuration, VariableDeclaration } from './model.js';
import { anyType, formatTypeConstraint, isPrimitiveType, parseTypeConstraint, type TypeConstraint } from './type-constraint.js';
import { readVarFile, type VarFileEntry } from './var-files.js';

/** Where values come from. All optional. */
export interface ResolveVariablesOptions {
  /** `-var name=value`, in command-line order (a later one wins). */
  readonly vars?: Readonly<Record<string, string>>;
  /** `-var-file` paths in command-line order: `.tfvars.json` is JSON, anything else `.tfvars`. */
  readonly varFiles?: readonly string[];
  /** Where `TF_VAR_name` is looked up. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Where a variable's value came from. */
export type VariableSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'environment'; readonly name: string }
  | { readonly kind: 'file'; readonly file: string; readonly line?: number }
  | { readonly kind: 'cli' };

/** The value of every declared variable that has one, converted to its type. */
export interface ResolvedVariables {
  readonly values: ReadonlyMap<string, JsonValue>;
  readonly sources: ReadonlyMap<string, VariableSource>;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

interface Candidate {
  readonly source: VariableSource;
  /** Text from `-var` or the environment: parsed by the declared type. */
  readonly text?: string;
  /** A value from a default or a variable file. */
  readonly value?: JsonValue;
}

/**
 * Resolves every declared variable. Problems (a required variable without a value, a value that
 * does not fit the type, a `-var` for an undeclared variable, an unreadable var file) are
 * collected; variables without a usable value are left out of `values`.
 *
 * @example
 * const { values, diagnostics } = await resolveVariables(configuration, {
 *   vars: { retention_days: '14' },
 *   varFiles: ['prod.tfvars'],
 *   env: process.env,
 * });
 * values.get('retention_days'); // 14 (a number, as declared)
 */
export async function resolveVariables(config: Pick<Configuration, 'variables'>, options: ResolveVariablesOptions = {}): Promise<ResolvedVariables> {
  const env = options.env ?? process.env;
  const diagnostics: ConfigDiagnostic[] = [];
  const declared = config.variables;
  const candidates = new Map<string, Candidate[]>();
  const offer = (name: string, candidate: Candidate): void => {
    const list = candidates.get(name);
    if (list === undefined) candidates.set(name, [candidate]);
    else list.push(candidate);
  };

  for (const [name, variable] of declared) {
    if (variable.default !== undefined) offer(name, { source: { kind: 'default' }, value: variable.default });
    const fromEnv = env[`TF_VAR_${name}`];
    if (fromEnv !== undefined) offer(name, { source: { kind: 'environment', name: `TF_VAR_${name}` }, text: fromEnv });
  }

  const files = await Promise.all((options.varFiles ?? []).map(async (file) => ({ file, contents: await readVarFile(file) })));
  for (const { file, contents } of files) {
    diagnostics.push(...contents.diagnostics);
    for (const entry of contents.entries) {
      if (declared.has(entry.name)) offer(entry.name, { source: fileSource(file, entry), value: entry.value });
      else {
        // Terraform only warns here: one var file is often shared by several configurations.
        diagnostics.push(
          warning({
            file,
            ...(entry.line === undefined ? {} : { line: entry.line }),
            summary: 'Value for undeclared variable',
            detail: `${file} sets ${JSON.stringify(entry.name)}, but the configuration declares no such variable, so the value is ignored.${didYouMean(entry.name, declared.keys())}`,
          }),
        );
      }
    }
  }

  for (const [name, text] of Object.entries(options.vars ?? {})) {
    if (declared.has(name)) offer(name, { source: { kind: 'cli' }, text });
    else {
      diagnostics.push(
        error({
          address: `var.${name}`,
          summary: 'Value for undeclared variable',
          detail: `-var sets ${JSON.stringify(name)}, but the configuration declares no such variable.${didYouMean(name, declared.keys())} Declare it, or remove the -var.`,
        }),
      );
    }
  }

  const values = new Map<string, JsonValue>();
  const sources = new Map<string, VariableSource>();
  for (const [name, variable] of declared) {
    const subject: Subject = { address: `var.${name}`, constructPath: variable.constructPath, file: variable.file };
    const chosen = candidates.get(name)?.at(-1);
    if (chosen === undefined) {
      diagnostics.push(
        error({
          ...subject,
          summary: 'No value for required variable',
          detail: `Variable ${JSON.stringify(name)}${variable.type === undefined ? '' : ` (${variable.type})`} is required and has no default. Set it with -var '${name}=${exampleValue(variable)}', the environment variable TF_VAR_${name}, or a variable file (-var-file) containing ${name} = ${exampleValue(variable)}.`,
        }),
      );
      continue;
    }
    const resolved = resolveOne(variable, chosen, subject);
    if (!resolved.ok) {
      diagnostics.push(resolved.diagnostic);
      continue;
    }
    values.set(name, resolved.value);
    sources.set(name, chosen.source);
  }
  return { values, sources, diagnostics };
}

/** `-var name=value` → `['name', 'value']`, or `undefined` when there is no `=`. */
export function parseVarFlag(flag: string): [string, string] | undefined {
  const at = flag.indexOf('=');
  if (at <= 0) return undefined;
  return [flag.slice(0, at).trim(), flag.slice(at + 1)];
}

function resolveOne(variable: VariableDeclaration, candidate: Candidate, subject: Subject): { ok: true; value: JsonValue } | { ok: false; diagnostic: ConfigDiagnostic } {
  const parsedType = variable.type === undefined ? undefined : parseTypeConstraint(variable.type);
  // An invalid type is reported by validateConfiguration; values are then taken as they come.
  const type: TypeConstraint = parsedType?.ok === true ? parsedType.type : anyType;
  const from = describeSource(candidate.source);
  const fail = (detail: string): { ok: false; diagnostic: ConfigDiagnostic } => ({
    ok: false,
    diagnostic: error({ ...subject, summary: 'Invalid value for input variable', detail }),
  });

  let raw: JsonValue;
  if (candidate.text === undefined) raw = candidate.value ?? null;
  else if (isPrimitiveType(type) || type.kind === 'any') raw = candidate.text;
  else {
    // Complex values on the command line and in TF_VAR_ are written in HCL: ["a", "b"].
    let parsed: JsonValue | undefined;
    try {
      parsed = literalValue(parseExpression(candidate.text));
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) {
      return fail(
        `The value of ${JSON.stringify(variable.name)} from ${from} is not a ${formatTypeConstraint(type)} written in HCL${variable.sensitive === true ? '' : ` (got ${JSON.stringify(candidate.text)})`}. Write it like ${exampleValue(variable)}.`,
      );
    }
    raw = parsed;
  }

  if (raw === null) {
    if (variable.nullable === false) return fail(`The value of ${JSON.stringify(variable.name)} from ${from} is null, but the variable is declared with nullable = false. Give it a value.`);
    return { ok: true, value: null };
  }
  const converted = convertValue(raw, type, { extraAttributes: 'drop', templatesAreUnknown: false });
  const [problem] = converted.problems;
  if (problem !== undefined) {
    const where = problem.path.length === 0 ? '' : ` at ${problem.path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
    const message = variable.sensitive === true ? problem.message.replace(/ \(got .*\)$/s, '') : problem.message;
    return fail(`The value of ${JSON.stringify(variable.name)} from ${from}${where} ${message}; the variable is declared as ${formatTypeConstraint(type)} in ${describeSubject(subject)}.`);
  }
  return { ok: true, value: converted.value };
}

function fileSource(file: string, entry: VarFileEntry): VariableSource {
  return entry.line === undefined ? { kind: 'file', file } : { kind: 'file', file, line: entry.line };
}

function describeSource(source: VariableSource): string {
  switch (source.kind) {
    case 'default':
      return 'its default';
    case 'environment':
      return `the environment variable ${source.name}`;
    case 'file':
      return source.line === undefined ? source.file : `${source.file} line ${source.line}`;
    case 'cli':
      return '-var';
  }
}

/** A value of the variable's type to show in "set it like this" messages. */
function exampleValue(variable: VariableDeclaration): string {
  const parsed = variable.type === undefined ? undefined : parseTypeConstraint(variable.type);
  const type = parsed?.ok === true ? parsed.type : anyType;
  switch (type.kind) {
    case 'number':
      return '7';
    case 'bool':
      return 'true';
    case 'list':
    case 'set':
    case 'tuple':
      return '["…"]';
    case 'map':
    case 'object':
      return '{ key = "…" }';
    default:
      return '…';
  }
}
