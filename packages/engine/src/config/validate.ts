/**
 * Static validation of a loaded configuration: everything that can be checked before any value
 * is known. Values with `${…}` expressions are checked again by the planner once evaluated.
 */
import { referencesOf } from '../expressions/index.js';
import { resourceTypeOf } from '../resources/index.js';
import { convertValue } from './convert.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { describeSubject, error, listNames, warning, type Subject } from './internal/diagnostics.js';
import { containsTemplate, isTemplate, showValue } from './internal/json-shape.js';
import { didYouMean } from './internal/suggest.js';
import type { Configuration } from './model.js';
import { formatTypeConstraint, parseTypeConstraint } from './type-constraint.js';
import { checkDependsOn, validateResourceBlock } from './validate-block.js';
import { checkValueExpressions, declarationsOf, type Declarations } from './validate-expressions.js';

const providerArguments = ['endpoint', 'api_key', 'project_id'];

/**
 * Every problem in `config`, collected: unknown resource types, unknown, missing, unsettable or
 * invalid arguments, unsupported functions, references to undeclared things, bad `depends_on`,
 * `lifecycle`, `count`/`for_each`, provider, variable, output, import and moved blocks. Each
 * diagnostic names the address, the construct path and the attribute, and says what to do.
 *
 * @example
 * const diagnostics = validateConfiguration(configuration);
 * // [{ severity: 'error', summary: 'Invalid value', address: 'lifeboat_backup_policy.nightly',
 * //    constructPath: 'primary/nightly/policy', attribute: 'retention_days',
 * //    detail: 'retention_days must be a whole number of days from 1 to 30 (got 45) in lifeboat_backup_policy.nightly (primary/nightly/policy).' }]
 */
export function validateConfiguration(config: Configuration): ConfigDiagnostic[] {
  const declarations = declarationsOf(config);
  const aliases = new Set(config.providers.filter((provider) => provider.name === 'lifeboat' && provider.alias !== undefined).map((provider) => provider.alias as string));
  return [
    ...validateProviders(config, declarations),
    ...validateVariables(config),
    ...[...config.locals].flatMap(([name, value]) =>
      checkValueExpressions(value, [], { subject: { address: `local.${name}` }, declarations, each: false, count: false, self: `local.${name}` }),
    ),
    ...config.resources.flatMap((block) => validateResourceBlock(block, declarations, aliases)),
    ...validateOutputs(config, declarations),
    ...validateImports(config, declarations),
    ...validateMoved(config, declarations),
  ];
}

function validateProviders(config: Configuration, declarations: Declarations): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  const foreign = new Map<string, string | undefined>();
  for (const provider of config.providers) {
    if (provider.name !== 'lifeboat') {
      if (!foreign.has(provider.name)) foreign.set(provider.name, provider.file);
      continue;
    }
    const address = provider.alias === undefined ? 'provider.lifeboat' : `provider.lifeboat.${provider.alias}`;
    const subject: Subject = { address, file: provider.file };
    for (const [key, value] of Object.entries(provider.config)) {
      if (!providerArguments.includes(key)) {
        diagnostics.push(
          error({
            ...subject,
            attribute: key,
            summary: 'Unsupported argument',
            detail: `An argument named ${JSON.stringify(key)} is not expected in the lifeboat provider (${provider.file}).${didYouMean(key, providerArguments)} It takes ${providerArguments.join(', ')}, and alias.`,
          }),
        );
      } else if (!containsTemplate(value) && value !== null && typeof value !== 'string') {
        diagnostics.push(error({ ...subject, attribute: key, summary: 'Incorrect attribute value type', detail: `${key} of the lifeboat provider must be a string (got ${showValue(value)}).` }));
      }
      diagnostics.push(...checkValueExpressions(value, [key], { subject, declarations, each: false, count: false }));
    }
  }
  for (const name of config.requiredProviders.keys()) if (name !== 'lifeboat' && !foreign.has(name)) foreign.set(name, undefined);
  for (const [name, file] of foreign) {
    diagnostics.push(
      warning({
        address: `provider.${name}`,
        ...(file === undefined ? {} : { file }),
        summary: 'Unsupported provider',
        detail: `The configuration uses the ${JSON.stringify(name)} provider, which Lifeboat ignores: it plans only the lifeboat provider. Apply ${name} resources with Terraform, from a separate stack.`,
      }),
    );
  }
  return diagnostics;
}

function validateVariables(config: Configuration): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  for (const variable of config.variables.values()) {
    const subject: Subject = { address: `var.${variable.name}`, constructPath: variable.constructPath, file: variable.file };
    const where = describeSubject(subject);
    const type = variable.type === undefined ? undefined : parseTypeConstraint(variable.type);
    if (type?.ok === false) {
      diagnostics.push(error({ ...subject, attribute: 'type', summary: 'Invalid type specification', detail: `The type of ${where} is invalid: ${type.reason}.` }));
    }
    if (variable.default !== undefined && containsTemplate(variable.default)) {
      diagnostics.push(
        error({ ...subject, attribute: 'default', summary: 'Variables not allowed', detail: `The default of ${where} must be a literal value; it cannot use expressions (got ${showValue(variable.default)}). Use a local value for computed defaults.` }),
      );
    } else if (variable.default !== undefined && variable.default !== null && type?.ok === true) {
      const [problem] = convertValue(variable.default, type.type, { extraAttributes: 'drop', templatesAreUnknown: false }).problems;
      if (problem !== undefined) {
        const at = problem.path.length === 0 ? '' : ` (at ${problem.path.join('.')})`;
        diagnostics.push(
          error({
            ...subject,
            attribute: 'default',
            summary: 'Invalid default value for variable',
            detail: `The default of ${where}${at} ${problem.message}, but the variable is declared as ${formatTypeConstraint(type.type)}. Fix the default or the type.`,
          }),
        );
      }
    }
    if (variable.hasValidation === true) {
      diagnostics.push(
        warning({ ...subject, attribute: 'validation', summary: 'Validation not checked', detail: `Lifeboat does not evaluate variable validation rules yet; the ones on ${where} are skipped.` }),
      );
    }
  }
  return diagnostics;
}

function validateOutputs(config: Configuration, declarations: Declarations): ConfigDiagnostic[] {
  return [...config.outputs.values()].flatMap((output) => {
    const subject: Subject = { address: `output.${output.name}`, constructPath: output.constructPath, file: output.file };
    const problems = checkValueExpressions(output.value, ['value'], { subject, declarations, each: false, count: false });
    for (const entry of output.dependsOn) {
      const problem = checkDependsOn(entry, subject, declarations);
      if (problem !== undefined) problems.push(problem);
    }
    return problems;
  });
}

/** A target address in an `import` or `moved` block: a managed resource, possibly with an instance key. */
function parseTarget(text: string): { address: string; type: string } | undefined {
  if (isTemplate(text)) return undefined;
  try {
    const references = referencesOf(`\${${text}}`);
    const [only] = references;
    if (references.length !== 1 || only === undefined || only.root !== 'resource' || only.attribute !== undefined || only.text !== text) return undefined;
    return { address: only.address, type: only.address.split('.')[0] ?? '' };
  } catch {
    return undefined;
  }
}

function validateImports(config: Configuration, declarations: Declarations): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  for (const block of config.imports) {
    const target = parseTarget(block.to);
    const subject: Subject = { address: target?.address ?? block.to, file: block.file };
    if (target === undefined) {
      diagnostics.push(error({ ...subject, attribute: 'to', summary: 'Invalid import address', detail: `An import block in ${block.file} has to = ${JSON.stringify(block.to)}; it must be a managed resource address such as lifeboat_backup.b or lifeboat_backup.b["key"].` }));
      continue;
    }
    const declared = declarations.resources.get(target.address);
    if (declared === undefined) {
      diagnostics.push(
        error({
          ...subject,
          attribute: 'to',
          summary: 'Configuration for import target does not exist',
          detail: `An import block in ${block.file} targets ${block.to}, but ${target.address} is not declared.${didYouMean(target.address, declarations.resources.keys())} Add the resource block it should be imported into.`,
        }),
      );
      continue;
    }
    const at: Subject = { ...subject, constructPath: declared.constructPath };
    const resourceType = resourceTypeOf('managed', target.type);
    if (resourceType !== undefined && resourceType.import === undefined) {
      diagnostics.push(error({ ...at, attribute: 'to', summary: 'Resource type does not support import', detail: `${target.type} cannot be imported (${block.to} in ${block.file}); remove the import block and let Lifeboat create it.` }));
    }
    diagnostics.push(...checkValueExpressions(block.id, ['id'], { subject: at, declarations, each: false, count: false }));
  }
  return diagnostics;
}

function validateMoved(config: Configuration, declarations: Declarations): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  for (const block of config.moved) {
    const from = parseTarget(block.from);
    const to = parseTarget(block.to);
    const subject: Subject = { address: to?.address ?? block.to, file: block.file };
    const invalid = [from === undefined ? `from = ${JSON.stringify(block.from)}` : undefined, to === undefined ? `to = ${JSON.stringify(block.to)}` : undefined].filter((item) => item !== undefined);
    if (from === undefined || to === undefined) {
      diagnostics.push(error({ ...subject, summary: 'Invalid moved address', detail: `A moved block in ${block.file} has ${listNames(invalid)}; both must be managed resource addresses such as lifeboat_backup.old.` }));
      continue;
    }
    if (from.type !== to.type) {
      diagnostics.push(error({ ...subject, summary: 'Resource type mismatch', detail: `A moved block in ${block.file} moves ${block.from} to ${block.to}; both must be of the same resource type.` }));
    }
    if (!declarations.resources.has(to.address)) {
      diagnostics.push(
        error({ ...subject, attribute: 'to', summary: 'Moved object target does not exist', detail: `A moved block in ${block.file} moves ${block.from} to ${block.to}, but ${to.address} is not declared. Declare it, or correct "to".` }),
      );
    }
    if (from.address !== to.address && declarations.resources.has(from.address)) {
      diagnostics.push(
        error({
          ...subject,
          attribute: 'from',
          summary: 'Moved object still declared',
          detail: `A moved block in ${block.file} moves ${block.from} to ${block.to}, but ${from.address} is still declared. Remove it (the move keeps its state), or remove the moved block.`,
        }),
      );
    }
  }
  return diagnostics;
}
