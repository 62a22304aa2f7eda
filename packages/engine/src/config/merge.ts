/**
 * Merges the documents of one configuration (several `*.tf.json` files) into a
 * {@link Configuration}. Terraform treats the files of a directory as one configuration, so a
 * name declared twice is an error wherever the two declarations are; the first one is kept so the
 * rest can still be validated.
 */
import type { JsonValue } from '../expressions/index.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { error } from './internal/diagnostics.js';
import type { Configuration, OutputDeclaration, ResourceBlock, VariableDeclaration } from './model.js';
import type { ConfigurationFragment } from './parse-document.js';

/** Where the configuration came from: the directory, and the CDKTF stack if any. */
export interface MergeSource {
  readonly dir: string;
  readonly moduleDir: string;
  readonly stack?: string;
}

/**
 * One configuration from its documents, in the order given.
 *
 * @example
 * mergeFragments([main, policies], { dir: '/repo/infra', moduleDir: '/repo/infra' });
 * // { configuration: { resources: [...main, ...policies], … }, diagnostics: [] }
 */
export function mergeFragments(fragments: readonly ConfigurationFragment[], source: MergeSource): { configuration: Configuration; diagnostics: ConfigDiagnostic[] } {
  const diagnostics: ConfigDiagnostic[] = [];
  const resources = new Map<string, ResourceBlock>();
  const variables = new Map<string, VariableDeclaration>();
  const outputs = new Map<string, OutputDeclaration>();
  const locals = new Map<string, JsonValue>();
  const localFiles = new Map<string, string>();
  const providerFiles = new Map<string, string>();
  const requiredProviders = new Map<string, JsonValue>();
  const twice = (first: string, second: string): string => (first === second ? `twice in ${first}` : `in both ${first} and ${second}`);

  for (const fragment of fragments) {
    for (const block of fragment.resources) {
      const existing = resources.get(block.address);
      if (existing === undefined) {
        resources.set(block.address, block);
        continue;
      }
      const kind = block.mode === 'data' ? 'data source' : 'resource';
      diagnostics.push(
        error({
          summary: `Duplicate ${kind} configuration`,
          detail: `${block.address} is declared ${twice(existing.file, block.file)}. A ${kind} name must be unique per type across all files; rename or remove one of them.`,
          address: block.address,
          constructPath: block.constructPath ?? existing.constructPath,
          file: block.file,
        }),
      );
    }
    for (const variable of fragment.variables) {
      const existing = variables.get(variable.name);
      if (existing === undefined) variables.set(variable.name, variable);
      else {
        diagnostics.push(
          error({
            summary: 'Duplicate variable declaration',
            detail: `Variable ${JSON.stringify(variable.name)} is declared ${twice(existing.file, variable.file)}; keep one declaration.`,
            address: `var.${variable.name}`,
            file: variable.file,
          }),
        );
      }
    }
    for (const output of fragment.outputs) {
      const existing = outputs.get(output.name);
      if (existing === undefined) outputs.set(output.name, output);
      else {
        diagnostics.push(
          error({
            summary: 'Duplicate output definition',
            detail: `Output ${JSON.stringify(output.name)} is declared ${twice(existing.file, output.file)}; keep one declaration.`,
            address: `output.${output.name}`,
            file: output.file,
          }),
        );
      }
    }
    for (const local of fragment.locals) {
      const existing = localFiles.get(local.name);
      if (existing === undefined) {
        locals.set(local.name, local.value);
        localFiles.set(local.name, local.file);
      } else {
        diagnostics.push(
          error({
            summary: 'Duplicate local value definition',
            detail: `Local value ${JSON.stringify(local.name)} is declared ${twice(existing, local.file)}; keep one declaration.`,
            address: `local.${local.name}`,
            file: local.file,
          }),
        );
      }
    }
    for (const provider of fragment.providers) {
      const key = provider.alias === undefined ? provider.name : `${provider.name}.${provider.alias}`;
      const existing = providerFiles.get(key);
      if (existing === undefined) providerFiles.set(key, provider.file);
      else {
        diagnostics.push(
          error({
            summary: 'Duplicate provider configuration',
            detail: `Provider ${key} is configured ${twice(existing, provider.file)}. Give the second one an alias (e.g. "alias": "dr") and select it with "provider": "${provider.name}.dr", or remove it.`,
            address: `provider.${key}`,
            file: provider.file,
          }),
        );
      }
    }
    for (const [name, requirement] of fragment.requiredProviders) requiredProviders.set(name, requirement);
  }

  const seenProviders = new Set<string>();
  const configuration: Configuration = {
    dir: source.dir,
    moduleDir: source.moduleDir,
    files: fragments.map((fragment) => fragment.file),
    ...(source.stack === undefined ? {} : { stack: source.stack }),
    providers: fragments.flatMap((fragment) => fragment.providers).filter((provider) => {
      const key = `${provider.name}.${provider.alias ?? ''}`;
      if (seenProviders.has(key)) return false;
      seenProviders.add(key);
      return true;
    }),
    requiredProviders,
    variables,
    locals,
    outputs,
    resources: [...resources.values()],
    imports: fragments.flatMap((fragment) => fragment.imports),
    moved: fragments.flatMap((fragment) => fragment.moved),
  };
  return { configuration, diagnostics };
}
