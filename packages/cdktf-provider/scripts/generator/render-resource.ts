import type { AttributeModel } from './model.js';
import { getter, hclKind, inputType, mapped, structsOf } from './shapes.js';
import { renderStruct } from './render-struct.js';
import { configNotes, defaultTags, docComment, getterNotes } from './tsdoc.js';
import { pascalCase } from './names.js';
import { moduleHeader } from './render-module.js';

/** One resource type or data source, ready to render. */
export interface ResourceModule {
  readonly mode: 'managed' | 'data';
  /** `lifeboat_backup_policy`. */
  readonly type: string;
  readonly description: string;
  readonly className: string;
  readonly attributes: readonly AttributeModel[];
  /** The `@example` body (code lines). */
  readonly example: readonly string[];
  readonly providerVersion: string;
}

/**
 * The module of one resource type or data source, shaped like a `@cdktf/provider-*` module: the
 * config interface, nested structs, and the class with its getters, setters, `reset*`/`put*`
 * methods and the snake_case synthesis.
 */
export function renderResourceModule(resource: ResourceModule): string {
  const uses = new Set<string>(['type TerraformMetaArguments', 'metaArgumentsOf', 'definedHclAttributes']);
  const managed = resource.mode === 'managed';
  const { className, type } = resource;
  const address = managed ? `${type}.<name>` : `data.${type}.<name>`;
  const settable = resource.attributes.filter((attribute) => attribute.configurable);
  const body: string[] = [];

  body.push(...docComment('', [`Configuration of {@link ${className}} (\`${managed ? '' : 'data.'}${type}\`), with the CDKTF meta-arguments (\`dependsOn\`, \`forEach\`, \`lifecycle\`, \`provider\`, …).`]));
  body.push(`export interface ${className}Config extends TerraformMetaArguments {`);
  for (const attribute of settable) {
    body.push(
      ...docComment('  ', [attribute.schema.description, configNotes(attribute, managed)], defaultTags(attribute)),
      `  readonly ${attribute.property}${attribute.required ? '' : '?'}: ${inputType(attribute.shape, uses)};`,
    );
  }
  body.push('}', '');

  for (const attribute of resource.attributes) {
    if (attribute.shape.kind === 'objects') {
      for (const struct of structsOf([attribute])) body.push(...renderStruct(struct, { className, attribute: attribute.name }, uses));
    }
  }

  const base = managed ? 'TerraformResource' : 'TerraformDataSource';
  uses.add(base).add('type Construct');
  body.push(
    ...docComment('', [`\`${managed ? '' : 'data.'}${type}\`: ${resource.description}`, managed ? 'Import an existing object with `importFrom(id)` (an `import` block) or `generateConfigForImport`.' : ''], ['@example', ...resource.example]),
    `export class ${className} extends ${base} {`,
    ...docComment('  ', [`The Terraform type this class declares.`]),
    `  public static readonly tfResourceType = '${type}';`,
    '',
  );
  if (managed) {
    uses.add('ImportableResource').add('type TerraformProvider');
    body.push(
      ...docComment('  ', [`Declares an \`import\` block for an existing ${type}, without a resource block: for tools that write the configuration of imported objects. To import into a resource you declare, call \`importFrom(id)\` on it.`], [
        '@param scope - Where to declare the import.',
        '@param importToId - Construct id of the resource to be generated.',
        '@param importFromId - The id of the existing object, as `lifeboat import` takes it.',
        '@param provider - The provider configuration to import with, when not the default one.',
      ]),
      `  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {`,
      `    return new ImportableResource(scope, importToId, { terraformResourceType: '${type}', importId: importFromId, ...(provider === undefined ? {} : { provider }) });`,
      '  }',
      '',
    );
  }
  for (const attribute of settable) body.push(`  private _${attribute.property}: ${inputType(attribute.shape, uses)} | undefined;`);
  body.push(
    '',
    ...docComment('  ', [], [
      '@param scope - The scope in which to define this construct.',
      '@param id - The scoped construct id; unique among its siblings.',
      `@param config - The ${type} settings and meta-arguments.`,
    ]),
    `  public constructor(scope: Construct, id: string, config: ${className}Config${settable.some((a) => a.required) ? '' : ' = {}'}) {`,
    '    super(scope, id, {',
    `      terraformResourceType: '${type}',`,
    `      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '${resource.providerVersion}' },`,
    '      ...metaArgumentsOf(config),',
    '    });',
    ...settable.map((attribute) => `    this._${attribute.property} = config.${attribute.property};`),
    '  }',
  );

  for (const attribute of resource.attributes) {
    const { type: getterType, expression } = getter(attribute, uses);
    body.push('', ...docComment('  ', [attribute.schema.description, getterNotes(attribute, address)]), `  public get ${attribute.property}(): ${getterType} {`, `    return ${expression};`, '  }');
    if (!attribute.configurable) continue;
    const input = inputType(attribute.shape, uses);
    const name = pascalCase(attribute.name);
    if (attribute.shape.kind === 'objects') {
      body.push(...docComment('  ', [`Sets \`${attribute.name}\`.`]), `  public put${name}(value: ${input}): void {`, `    this._${attribute.property} = value;`, '  }');
    } else {
      body.push(`  public set ${attribute.property}(value: ${input}) {`, `    this._${attribute.property} = value;`, '  }');
    }
    if (!attribute.required) {
      body.push(...docComment('  ', [`Leaves \`${attribute.name}\` out of the configuration${attribute.schema.default === undefined ? '' : ` (so its default, ${JSON.stringify(attribute.schema.default)}, applies)`}.`]), `  public reset${name}(): void {`, `    this._${attribute.property} = undefined;`, '  }');
    }
    body.push(...docComment('  ', [`The value configured for \`${attribute.name}\`, if any.`]), `  public get ${attribute.property}Input(): ${input} | undefined {`, `    return this._${attribute.property};`, '  }');
  }

  body.push('', '  protected override synthesizeAttributes(): Record<string, unknown> {', '    return {');
  for (const attribute of settable) body.push(`      ${attribute.name}: ${mapped(attribute.shape, `this._${attribute.property}`, false, uses)},`);
  body.push('    };', '  }', '', '  protected override synthesizeHclAttributes(): Record<string, unknown> {', '    return definedHclAttributes({');
  for (const attribute of settable) {
    const { type: kind, storageClassType } = hclKind(attribute.shape);
    body.push(`      ${attribute.name}: { value: ${mapped(attribute.shape, `this._${attribute.property}`, true, uses)}, isBlock: false, type: '${kind}', storageClassType: '${storageClassType}' },`);
  }
  body.push('    });', '  }', '}');

  return [...moduleHeader(`the schema of ${managed ? '' : 'data source '}${type} in @lifeboat/engine`, uses), '', ...body, ''].join('\n');
}
