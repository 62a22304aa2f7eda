import type { AttributeModel } from './model.js';
import { moduleHeader } from './render-module.js';
import { hclKind, inputType, mapped } from './shapes.js';
import { configNotes, docComment } from './tsdoc.js';

/**
 * The provider module (`lib/provider`): `LifeboatProvider` and its config, the way
 * `@cdktf/provider-aws` has `AwsProvider`. A provider has no attributes to reference, so its
 * getters return the configured values rather than tokens.
 */
export function renderProviderModule(provider: { readonly description: string; readonly attributes: readonly AttributeModel[]; readonly providerVersion: string; readonly example: readonly string[] }): string {
  const uses = new Set<string>(['TerraformProvider', 'type Construct', 'definedHclAttributes', 'stringToTerraform', 'stringToHclTerraform']);
  const body: string[] = [];
  body.push(...docComment('', ['Configuration of {@link LifeboatProvider}.']), 'export interface LifeboatProviderConfig {');
  for (const attribute of provider.attributes) {
    body.push(...docComment('  ', [attribute.schema.description, configNotes(attribute, false)]), `  readonly ${attribute.property}?: ${inputType(attribute.shape, uses)};`);
  }
  body.push(
    ...docComment('  ', ['A name for a second configuration of the provider; resources pick it with their `provider` meta-argument.']),
    '  readonly alias?: string;',
    '}',
    '',
    ...docComment('', [`The \`lifeboat\` provider: ${provider.description}`, 'Every stack that declares lifeboat resources needs one, as with any CDKTF provider.'], ['@example', ...provider.example]),
    'export class LifeboatProvider extends TerraformProvider {',
    ...docComment('  ', ['The provider name resources are declared under.']),
    "  public static readonly tfResourceType = 'lifeboat';",
    '',
    ...provider.attributes.map((attribute) => `  private _${attribute.property}: ${inputType(attribute.shape, uses)} | undefined;`),
    '  private _alias: string | undefined;',
    '',
    ...docComment('  ', [], ['@param scope - The scope in which to define this construct.', '@param id - The scoped construct id; unique among its siblings.', '@param config - The provider settings.']),
    '  public constructor(scope: Construct, id: string, config: LifeboatProviderConfig = {}) {',
    '    super(scope, id, {',
    "      terraformResourceType: 'lifeboat',",
    `      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '${provider.providerVersion}' },`,
    "      terraformProviderSource: 'lifeboat/lifeboat',",
    '    });',
    ...provider.attributes.map((attribute) => `    this._${attribute.property} = config.${attribute.property};`),
    '    this._alias = config.alias;',
    '  }',
  );
  const accessors = [...provider.attributes.map((attribute) => ({ property: attribute.property, name: attribute.name, description: attribute.schema.description, override: '' })), { property: 'alias', name: 'alias', description: 'The alias of this provider configuration, if any.', override: 'override ' }];
  for (const { property, name, description, override } of accessors) {
    body.push(
      '',
      ...docComment('  ', [description]),
      `  public ${override}get ${property}(): string | undefined {`,
      `    return this._${property};`,
      '  }',
      `  public ${override}set ${property}(value: string | undefined) {`,
      `    this._${property} = value;`,
      '  }',
      ...docComment('  ', [`Leaves \`${name}\` out of the configuration.`]),
      `  public reset${property.charAt(0).toUpperCase()}${property.slice(1)}(): void {`,
      `    this._${property} = undefined;`,
      '  }',
      ...docComment('  ', [`The value configured for \`${name}\`, if any.`]),
      `  public get ${property}Input(): string | undefined {`,
      `    return this._${property};`,
      '  }',
    );
  }
  const all = [...provider.attributes.map((attribute) => ({ name: attribute.name, property: attribute.property, shape: attribute.shape })), { name: 'alias', property: 'alias', shape: { kind: 'scalar', scalar: 'string' } as const }];
  body.push('', '  protected override synthesizeAttributes(): Record<string, unknown> {', '    return {');
  for (const { name, property, shape } of all) body.push(`      ${name}: ${mapped(shape, `this._${property}`, false, uses)},`);
  body.push('    };', '  }', '', '  protected override synthesizeHclAttributes(): Record<string, unknown> {', '    return definedHclAttributes({');
  for (const { name, property, shape } of all) {
    const { type, storageClassType } = hclKind(shape);
    body.push(`      ${name}: { value: ${mapped(shape, `this._${property}`, true, uses)}, isBlock: false, type: '${type}', storageClassType: '${storageClassType}' },`);
  }
  body.push('    });', '  }', '}');
  return [...moduleHeader('the provider settings of scripts/generator/provider-schema.ts', uses), '', ...body, ''].join('\n');
}
