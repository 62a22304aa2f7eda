/**
 * Checks one `resource` or `data` block against its resource type's schema: the type exists,
 * every argument is known and settable, required ones are there, literal values fit their type
 * and pass the schema's checks, and the meta-arguments make sense.
 */
import { formatJsonPath, referencesOf } from '../expressions/index.js';
import { dataSourceTypes, managedResourceTypes, resourceTypeOf } from '../resources/index.js';
import type { ResourceType } from '../resources/resource-type.js';
import type { ResourceSchema } from '../resources/schema.js';
import type { AttributeValue } from '../state/types.js';
import { convertValue, type ConversionProblem } from './convert.js';
import type { ConfigDiagnostic } from './diagnostic.js';
import { expandInstances } from './instances.js';
import { isComputedOnly, typeOfAttribute } from './internal/attribute-type.js';
import { describeSubject, error, warning, type Subject } from './internal/diagnostics.js';
import { containsTemplate } from './internal/json-shape.js';
import { literalScope } from './internal/literal-scope.js';
import { didYouMean } from './internal/suggest.js';
import type { ResourceBlock } from './model.js';
import { checkValueExpressions, type Declarations } from './validate-expressions.js';

/** Every problem with `block`; `declarations` and `providerAliases` come from the whole configuration. */
export function validateResourceBlock(block: ResourceBlock, declarations: Declarations, providerAliases: ReadonlySet<string>): ConfigDiagnostic[] {
  const subject: Subject = { address: block.address, constructPath: block.constructPath, file: block.file };
  const diagnostics: ConfigDiagnostic[] = [];
  const resourceType = resourceTypeOf(block.mode, block.type);
  if (resourceType === undefined) diagnostics.push(unknownType(block, subject));
  else diagnostics.push(...checkArguments(block, resourceType.schema, subject));

  const context = { subject, declarations, each: block.forEach !== undefined, count: block.count !== undefined, self: block.address };
  for (const [name, value] of Object.entries(block.body)) diagnostics.push(...checkValueExpressions(value, [name], context));
  diagnostics.push(...checkMetaArguments(block, subject, declarations, providerAliases));
  if (resourceType !== undefined) diagnostics.push(...checkIgnoreChanges(block, resourceType, subject));
  return diagnostics;
}

function unknownType(block: ResourceBlock, subject: Subject): ConfigDiagnostic {
  const kind = block.mode === 'data' ? 'data source' : 'resource';
  const known = (block.mode === 'data' ? dataSourceTypes : managedResourceTypes).map((type) => type.type);
  const other = resourceTypeOf(block.mode === 'data' ? 'managed' : 'data', block.type);
  let detail: string;
  if (other !== undefined) {
    detail =
      block.mode === 'data'
        ? `${block.type} is a resource, not a data source; declare ${describeSubject(subject)} under "resource" instead of "data".`
        : `${block.type} is a data source, not a resource; declare ${describeSubject(subject)} under "data" and refer to it as data.${block.type}.${block.name}.`;
  } else if (!block.type.startsWith('lifeboat_')) {
    const provider = block.type.split('_')[0] ?? block.type;
    detail = `${describeSubject(subject)} belongs to the ${JSON.stringify(provider)} provider; Lifeboat plans only the lifeboat provider's types. Move it to a stack that Terraform applies, or remove it. The lifeboat ${kind} types are ${known.join(', ')}.`;
  } else {
    detail = `The lifeboat provider has no ${kind} type ${JSON.stringify(block.type)} (${describeSubject(subject)}).${didYouMean(block.type, known)} The ${kind} types are ${known.join(', ')}.`;
  }
  return error({ ...subject, summary: block.mode === 'data' ? 'Invalid data source' : 'Invalid resource type', detail });
}

function checkArguments(block: ResourceBlock, schema: ResourceSchema, subject: Subject): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  const where = describeSubject(subject);
  const settable = Object.entries(schema.attributes)
    .filter(([, attribute]) => !isComputedOnly(attribute))
    .map(([name]) => name);
  const literal: Record<string, AttributeValue> = {};
  let allLiteral = true;
  let argumentErrors = 0;

  for (const [name, value] of Object.entries(block.body)) {
    const attribute = Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : undefined;
    if (attribute === undefined) {
      argumentErrors++;
      diagnostics.push(
        error({
          ...subject,
          attribute: name,
          summary: 'Unsupported argument',
          detail: `An argument named ${JSON.stringify(name)} is not expected in ${where}.${didYouMean(name, settable)} The arguments of ${block.type} are ${settable.join(', ')}.`,
        }),
      );
      continue;
    }
    if (isComputedOnly(attribute)) {
      argumentErrors++;
      diagnostics.push(
        error({
          ...subject,
          attribute: name,
          summary: 'Value for unconfigurable attribute',
          detail: `${name} of ${where} is set by Lifeboat when it applies and cannot be configured; remove it. To use its value elsewhere, refer to ${block.address}.${name}.`,
        }),
      );
      continue;
    }
    if (containsTemplate(value)) allLiteral = false;
    // null means "not set", as in Terraform; the required check below catches it.
    if (value === null) continue;
    const converted = convertValue(value, typeOfAttribute(attribute.type), { extraAttributes: 'error', templatesAreUnknown: true });
    for (const problem of converted.problems) {
      argumentErrors++;
      diagnostics.push(conversionDiagnostic(problem, name, subject));
    }
    if (converted.problems.length > 0 || containsTemplate(value)) continue;
    const convertedValue = converted.value as AttributeValue;
    literal[name] = convertedValue;
    const message = attribute.validate?.(convertedValue);
    if (message !== undefined) {
      argumentErrors++;
      diagnostics.push(error({ ...subject, attribute: name, summary: 'Invalid value', detail: `${name} ${message} in ${where}.` }));
    }
  }

  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required !== true) continue;
    const value = Object.hasOwn(block.body, name) ? block.body[name] : undefined;
    if (value !== undefined && value !== null) continue;
    argumentErrors++;
    diagnostics.push(
      error({
        ...subject,
        attribute: name,
        summary: 'Missing required argument',
        detail: `The argument ${JSON.stringify(name)} is required in ${where}, but it is ${value === null ? 'null' : 'not set'}. Add ${name}: ${attribute.description}`,
      }),
    );
  }

  // Cross-argument rules need every value; with expressions they run at plan time instead.
  if (schema.validate !== undefined && allLiteral && argumentErrors === 0) {
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (!Object.hasOwn(literal, name) && attribute.default !== undefined) literal[name] = attribute.default;
    }
    for (const problem of schema.validate(literal)) {
      diagnostics.push(error({ ...subject, attribute: problem.attribute, summary: 'Invalid combination of arguments', detail: `${problem.attribute} ${problem.message} in ${where}.` }));
    }
  }
  return diagnostics;
}

function conversionDiagnostic(problem: ConversionProblem, name: string, subject: Subject): ConfigDiagnostic {
  const attribute = formatJsonPath([name, ...problem.path]);
  const where = describeSubject(subject);
  switch (problem.kind) {
    case 'unsupported':
      return error({
        ...subject,
        attribute,
        summary: 'Unsupported argument',
        detail: `An argument named ${JSON.stringify(problem.attribute)} is not expected in ${formatJsonPath([name, ...problem.path.slice(0, -1)])} of ${where}.${didYouMean(problem.attribute ?? '', problem.known ?? [])} It takes ${(problem.known ?? []).join(', ')}.`,
      });
    case 'missing':
      return error({ ...subject, attribute, summary: 'Missing required argument', detail: `${attribute} is required in ${where}, but it is not set; add it.` });
    case 'type':
      return error({ ...subject, attribute, summary: 'Incorrect attribute value type', detail: `${attribute} ${problem.message} in ${where}.` });
  }
}

function checkMetaArguments(block: ResourceBlock, subject: Subject, declarations: Declarations, providerAliases: ReadonlySet<string>): ConfigDiagnostic[] {
  const diagnostics: ConfigDiagnostic[] = [];
  const where = describeSubject(subject);
  const context = { subject, declarations, each: false, count: false, self: block.address };
  if (block.count !== undefined && block.forEach !== undefined) {
    diagnostics.push(
      error({
        ...subject,
        attribute: 'count',
        summary: 'Invalid combination of "count" and "for_each"',
        detail: `${where} sets both count and for_each; use one: count for n alike instances, for_each for one instance per key.`,
      }),
    );
  } else {
    for (const [attribute, value] of [['count', block.count], ['for_each', block.forEach]] as const) {
      if (value === undefined) continue;
      const problems = checkValueExpressions(value, [attribute], context);
      diagnostics.push(...problems);
      // A literal count or for_each can be checked now; an expression only when planning.
      if (problems.length === 0 && !containsTemplate(value)) diagnostics.push(...expandInstances(block, literalScope).diagnostics);
    }
  }

  for (const entry of block.dependsOn) {
    const problem = checkDependsOn(entry, subject, declarations, block.address);
    if (problem !== undefined) diagnostics.push(problem);
  }
  for (const entry of block.lifecycle.replaceTriggeredBy) {
    const attribute = 'lifecycle.replace_triggered_by';
    const problems = checkValueExpressions(`\${${entry}}`, ['lifecycle', 'replace_triggered_by'], { ...context, each: block.forEach !== undefined, count: block.count !== undefined });
    diagnostics.push(...problems);
    if (problems.length > 0) continue;
    const references = referencesOf(`\${${entry}}`);
    const [only] = references;
    if (references.length !== 1 || only?.root !== 'resource' || only.text !== entry) {
      diagnostics.push(
        error({
          ...subject,
          attribute,
          summary: 'Invalid replace_triggered_by expression',
          detail: `lifecycle.replace_triggered_by of ${where} lists ${JSON.stringify(entry)}; it takes managed resources or their attributes, e.g. lifeboat_backup.before_migration.backup_id.`,
        }),
      );
    }
  }

  if (block.provider !== undefined) {
    const [name, alias] = block.provider.split('.', 2);
    if (name !== 'lifeboat') {
      diagnostics.push(
        error({ ...subject, attribute: 'provider', summary: 'Invalid provider reference', detail: `provider of ${where} is ${JSON.stringify(block.provider)}, but ${block.type} belongs to the lifeboat provider; use "lifeboat" or "lifeboat.<alias>".` }),
      );
    } else if (alias !== undefined && !providerAliases.has(alias)) {
      diagnostics.push(
        error({
          ...subject,
          attribute: 'provider',
          summary: 'Provider configuration not present',
          detail: `${where} uses provider ${block.provider}, but no lifeboat provider block has alias ${JSON.stringify(alias)}.${didYouMean(alias, providerAliases)} Add a provider block with "alias": "${alias}", or correct the provider.`,
        }),
      );
    }
  }
  return diagnostics;
}

/**
 * One `depends_on` entry: a whole resource or data source that is declared. Shared with outputs.
 */
export function checkDependsOn(entry: string, subject: Subject, declarations: Declarations, self?: string): ConfigDiagnostic | undefined {
  const where = describeSubject(subject);
  const fail = (summary: string, detail: string): ConfigDiagnostic => error({ ...subject, attribute: 'depends_on', summary, detail });
  const match = /^(data\.)?([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(.*)$/s.exec(entry);
  if (match === null || entry.startsWith('var.') || entry.startsWith('local.')) {
    return fail('Invalid depends_on reference', `depends_on of ${where} lists ${JSON.stringify(entry)}; it takes resource and data source addresses such as lifeboat_backup_policy.nightly. Values (var.*, local.*) need no depends_on: referring to them is enough.`);
  }
  const address = `${match[1] ?? ''}${match[2] ?? ''}.${match[3] ?? ''}`;
  if ((match[4] ?? '') !== '') {
    return fail('Invalid depends_on reference', `depends_on of ${where} lists ${JSON.stringify(entry)}; it takes whole resources, so write ${address}.`);
  }
  if (address === self) return fail('Self-referential block', `${where} lists itself in depends_on; remove that entry.`);
  if (declarations.resources.has(address)) return undefined;
  return fail('Reference to undeclared resource', `depends_on of ${where} lists ${address}, which is not declared.${didYouMean(address, declarations.resources.keys())} Declare it, or remove the entry.`);
}

function checkIgnoreChanges(block: ResourceBlock, resourceType: ResourceType, subject: Subject): ConfigDiagnostic[] {
  const { ignoreChanges } = block.lifecycle;
  if (ignoreChanges === 'all') return [];
  const attributes = resourceType.schema.attributes;
  const diagnostics: ConfigDiagnostic[] = [];
  for (const entry of ignoreChanges) {
    const name = /^[^.[]*/.exec(entry)?.[0] ?? entry;
    const attribute = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (attribute === undefined) {
      const settable = Object.entries(attributes).filter(([, schema]) => !isComputedOnly(schema)).map(([key]) => key);
      diagnostics.push(
        error({
          ...subject,
          attribute: 'lifecycle.ignore_changes',
          summary: 'Unsupported attribute',
          detail: `lifecycle.ignore_changes of ${describeSubject(subject)} lists ${JSON.stringify(entry)}, but ${block.type} has no attribute ${JSON.stringify(name)}.${didYouMean(name, settable)} List attribute names such as ${settable.slice(0, 3).join(', ')}, or "all".`,
        }),
      );
    } else if (isComputedOnly(attribute)) {
      diagnostics.push(
        warning({
          ...subject,
          attribute: 'lifecycle.ignore_changes',
          summary: 'Redundant ignore_changes element',
          detail: `lifecycle.ignore_changes of ${describeSubject(subject)} lists ${name}, which Lifeboat sets by itself and configuration never changes; remove it.`,
        }),
      );
    }
  }
  return diagnostics;
}
