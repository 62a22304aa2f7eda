/**
 * One Terraform JSON document (a `*.tf.json` file or a CDKTF stack's `cdk.tf.json`) → the
 * blocks it declares. Merging documents, and finding duplicates across them, is `merge.ts`'s job.
 */
import type { JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { describeSubject, error, warning, type Subject } from './internal/diagnostics.js';
import { blockBodies, isJsonObject, showValue, unwrapReference } from './internal/json-shape.js';
import { didYouMean } from './internal/suggest.js';
import type { ImportBlock, JsonObject, MovedBlock, OutputDeclaration, ProviderBlock, ResourceBlock, ResourceMode, VariableDeclaration } from './model.js';
import { constructMetadata, parseResourceBlock, referenceList } from './parse-resource.js';

/** What one document declares, in the order it declares it. */
export interface ConfigurationFragment {
  readonly file: string;
  readonly providers: readonly ProviderBlock[];
  readonly requiredProviders: readonly (readonly [string, JsonValue])[];
  readonly variables: readonly VariableDeclaration[];
  readonly locals: readonly { readonly name: string; readonly value: JsonValue; readonly file: string }[];
  readonly outputs: readonly OutputDeclaration[];
  readonly resources: readonly ResourceBlock[];
  readonly imports: readonly ImportBlock[];
  readonly moved: readonly MovedBlock[];
}

const topLevelKeys = ['resource', 'data', 'output', 'locals', 'variable', 'provider', 'terraform', 'import', 'moved'];
const variableKeys = ['type', 'default', 'description', 'sensitive', 'nullable', 'validation', 'ephemeral'];
const outputKeys = ['value', 'description', 'sensitive', 'depends_on', 'precondition', 'ephemeral'];

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Reads the blocks of one parsed document. Every problem becomes a diagnostic and the rest of the
 * document is still read, so one run shows them all.
 *
 * @example
 * parseDocument({ resource: { lifeboat_backup: { b: { cluster_id: 'in01-1' } } } }, 'main.tf.json');
 * // { fragment: { resources: [{ address: 'lifeboat_backup.b', … }], … }, diagnostics: [] }
 */
export function parseDocument(document: JsonValue, file: string): { fragment: ConfigurationFragment; diagnostics: ConfigDiagnostic[] } {
  const fragment: Mutable<ConfigurationFragment> = { file, providers: [], requiredProviders: [], variables: [], locals: [], outputs: [], resources: [], imports: [], moved: [] };
  const diagnostics: ConfigDiagnostic[] = [];
  if (!isJsonObject(document)) {
    diagnostics.push(error({ file, summary: 'Invalid configuration file', detail: `${file} must hold a JSON object such as { "resource": { … } } (got ${showValue(document)}).` }));
    return { fragment, diagnostics };
  }
  const fileSubject: Subject = { file };
  const bodiesOf = (key: string, value: JsonValue): JsonObject[] => {
    const bodies = blockBodies(value);
    if (bodies !== undefined) return bodies;
    diagnostics.push(error({ file, summary: `Invalid ${key} block`, detail: `"${key}" in ${file} must be a JSON object (or a list of objects) (got ${showValue(value)}).` }));
    return [];
  };

  for (const [key, value] of Object.entries(document)) {
    switch (key) {
      case '//':
        break;
      case 'resource':
      case 'data':
        for (const body of bodiesOf(key, value)) readResources(key === 'data' ? 'data' : 'managed', body, file, fragment, diagnostics);
        break;
      case 'variable':
        for (const body of bodiesOf(key, value)) {
          for (const [name, declaration] of labelled(body)) readVariable(name, declaration, file, fragment, diagnostics);
        }
        break;
      case 'output':
        for (const body of bodiesOf(key, value)) {
          for (const [name, declaration] of labelled(body)) readOutput(name, declaration, file, fragment, diagnostics);
        }
        break;
      case 'locals':
        for (const body of bodiesOf(key, value)) {
          for (const [name, local] of Object.entries(body)) if (name !== '//') fragment.locals.push({ name, value: local, file });
        }
        break;
      case 'provider':
        for (const body of bodiesOf(key, value)) {
          for (const [name, config] of labelled(body)) readProvider(name, config, file, fragment, diagnostics);
        }
        break;
      case 'terraform':
        for (const body of bodiesOf(key, value)) {
          const required = body.required_providers;
          if (required === undefined) continue;
          for (const providers of bodiesOf('required_providers', required)) {
            for (const [name, requirement] of Object.entries(providers)) fragment.requiredProviders.push([name, requirement]);
          }
        }
        break;
      case 'import':
        for (const body of bodiesOf(key, value)) readImport(body, file, fragment, diagnostics);
        break;
      case 'moved':
        for (const body of bodiesOf(key, value)) readMoved(body, file, fragment, diagnostics);
        break;
      case 'module':
        diagnostics.push(
          error({
            file,
            summary: 'Modules are not supported',
            detail: `${file} declares module blocks; Lifeboat plans flat configurations (CDKTF stacks) only. Declare the resources directly, or use constructs instead of modules.`,
          }),
        );
        break;
      default:
        diagnostics.push(
          warning({
            file,
            summary: 'Unsupported block type',
            detail: `${describeSubject(fileSubject)} has a top-level ${JSON.stringify(key)}, which Lifeboat ignores.${didYouMean(key, topLevelKeys)} It reads ${topLevelKeys.join(', ')}.`,
          }),
        );
    }
  }
  return { fragment, diagnostics };
}

/** `{ label: body }` entries, with a list of bodies under one label read as several blocks. */
function labelled(body: JsonObject): [string, JsonValue][] {
  const out: [string, JsonValue][] = [];
  for (const [label, value] of Object.entries(body)) {
    if (label === '//') continue;
    if (Array.isArray(value) && value.length > 0 && (value as readonly JsonValue[]).every(isJsonObject)) {
      for (const item of value as readonly JsonValue[]) out.push([label, item]);
    } else out.push([label, value]);
  }
  return out;
}

function readResources(mode: ResourceMode, byType: JsonObject, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  const block = mode === 'data' ? 'data' : 'resource';
  for (const [type, names] of Object.entries(byType)) {
    if (type === '//') continue;
    const bodies = blockBodies(names);
    if (bodies === undefined) {
      diagnostics.push(error({ file, summary: `Invalid ${block} block`, detail: `${block}.${type} in ${file} must map names to blocks, e.g. { "nightly": { … } } (got ${showValue(names)}).` }));
      continue;
    }
    for (const byName of bodies) {
      for (const [name, body] of labelled(byName)) {
        const parsed = parseResourceBlock({ mode, type, name, body, file });
        diagnostics.push(...parsed.diagnostics);
        if (parsed.block !== undefined) fragment.resources.push(parsed.block);
      }
    }
  }
}

function readVariable(name: string, declaration: JsonValue, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  const subject: Subject = { address: `var.${name}`, file };
  if (!isJsonObject(declaration)) {
    diagnostics.push(error({ ...subject, summary: 'Invalid variable block', detail: `variable ${JSON.stringify(name)} in ${file} must be an object such as { "type": "string" } (got ${showValue(declaration)}).` }));
    return;
  }
  const metadata = constructMetadata(declaration['//']);
  const at: Subject = { ...subject, constructPath: metadata.path };
  const variable: { -readonly [K in keyof VariableDeclaration]: VariableDeclaration[K] } = { name, file };
  if (metadata.path !== undefined) variable.constructPath = metadata.path;
  for (const [key, value] of Object.entries(declaration)) {
    switch (key) {
      case '//':
        break;
      case 'type':
        if (typeof value === 'string') variable.type = unwrapReference(value);
        else diagnostics.push(invalidArgument(at, key, 'a type constraint such as "string" or "list(string)"', value));
        break;
      case 'default':
        variable.default = value;
        break;
      case 'description':
        if (typeof value === 'string') variable.description = value;
        else diagnostics.push(invalidArgument(at, key, 'a string', value));
        break;
      case 'sensitive':
      case 'nullable':
      case 'ephemeral':
        if (typeof value !== 'boolean') diagnostics.push(invalidArgument(at, key, 'true or false', value));
        else if (key === 'sensitive') variable.sensitive = value;
        else if (key === 'nullable') variable.nullable = value;
        break;
      case 'validation':
        variable.hasValidation = true;
        break;
      default:
        diagnostics.push(unsupportedArgument(at, 'variable', key, variableKeys));
    }
  }
  fragment.variables.push(variable);
}

function readOutput(name: string, declaration: JsonValue, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  const subject: Subject = { address: `output.${name}`, file };
  if (!isJsonObject(declaration)) {
    diagnostics.push(error({ ...subject, summary: 'Invalid output block', detail: `output ${JSON.stringify(name)} in ${file} must be an object such as { "value": "\${…}" } (got ${showValue(declaration)}).` }));
    return;
  }
  const metadata = constructMetadata(declaration['//']);
  const at: Subject = { ...subject, constructPath: metadata.path };
  if (!Object.hasOwn(declaration, 'value')) {
    diagnostics.push(
      error({ ...at, attribute: 'value', summary: 'Missing required argument', detail: `output ${JSON.stringify(name)} in ${describeSubject(at)} has no value; add "value": "\${…}" with what it should show.` }),
    );
    return;
  }
  const output: { -readonly [K in keyof OutputDeclaration]: OutputDeclaration[K] } = { name, value: declaration.value ?? null, dependsOn: [], file };
  if (metadata.path !== undefined) output.constructPath = metadata.path;
  for (const [key, value] of Object.entries(declaration)) {
    switch (key) {
      case '//':
      case 'value':
      case 'precondition':
      case 'ephemeral':
        break;
      case 'description':
        if (typeof value === 'string') output.description = value;
        else diagnostics.push(invalidArgument(at, key, 'a string', value));
        break;
      case 'sensitive':
        if (typeof value === 'boolean') output.sensitive = value;
        else diagnostics.push(invalidArgument(at, key, 'true or false', value));
        break;
      case 'depends_on':
        output.dependsOn = referenceList(value, 'depends_on', at, diagnostics, 'resource addresses such as ["lifeboat_backup.b"]');
        break;
      default:
        diagnostics.push(unsupportedArgument(at, 'output', key, outputKeys));
    }
  }
  fragment.outputs.push(output);
}

function readProvider(name: string, body: JsonValue, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  if (!isJsonObject(body)) {
    diagnostics.push(error({ file, summary: 'Invalid provider block', detail: `provider ${JSON.stringify(name)} in ${file} must be an object of settings (got ${showValue(body)}).` }));
    return;
  }
  const config: Record<string, JsonValue> = {};
  let alias: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key === '//') continue;
    if (key === 'alias') {
      if (typeof value === 'string') alias = value;
      else diagnostics.push(invalidArgument({ address: `provider.${name}`, file }, key, 'a name such as "dr"', value));
      continue;
    }
    Object.defineProperty(config, key, { value, enumerable: true, writable: true, configurable: true });
  }
  fragment.providers.push({ name, config, file, ...(alias === undefined ? {} : { alias }) });
}

function readImport(body: JsonObject, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  const { to, id } = body;
  const subject: Subject = { address: typeof to === 'string' ? unwrapReference(to) : undefined, file };
  if (typeof to !== 'string' || typeof id !== 'string') {
    diagnostics.push(
      error({
        ...subject,
        summary: 'Invalid import block',
        detail: `An import block in ${file} needs "to" (the resource address) and "id" (the object's id), both strings, e.g. { "to": "lifeboat_backup.b", "id": "in01-…/backup-…" } (got ${showValue(body)}).`,
      }),
    );
    return;
  }
  fragment.imports.push({ to: unwrapReference(to), id, file });
}

function readMoved(body: JsonObject, file: string, fragment: Mutable<ConfigurationFragment>, diagnostics: ConfigDiagnostic[]): void {
  const { from, to } = body;
  if (typeof from !== 'string' || typeof to !== 'string') {
    diagnostics.push(
      error({
        file,
        summary: 'Invalid moved block',
        detail: `A moved block in ${file} needs "from" and "to" addresses, both strings, e.g. { "from": "lifeboat_backup.old", "to": "lifeboat_backup.new" } (got ${showValue(body)}).`,
      }),
    );
    return;
  }
  fragment.moved.push({ from: unwrapReference(from), to: unwrapReference(to), file });
}

function invalidArgument(subject: Subject, key: string, expected: string, value: JsonValue): ConfigDiagnostic {
  return error({ ...subject, attribute: key, summary: 'Invalid argument', detail: `${key} in ${describeSubject(subject)} must be ${expected} (got ${showValue(value)}).` });
}

function unsupportedArgument(subject: Subject, block: string, key: string, known: readonly string[]): ConfigDiagnostic {
  return error({
    ...subject,
    attribute: key,
    summary: 'Unsupported argument',
    detail: `An argument named ${JSON.stringify(key)} is not expected in ${describeSubject(subject)}.${didYouMean(key, known)} A ${block} block takes ${known.join(', ')}.`,
  });
}
