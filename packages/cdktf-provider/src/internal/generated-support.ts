import type { TerraformMetaArguments } from '../cdktf.js';

/**
 * What the generated classes share besides CDKTF itself. Kept out of the generated modules so
 * they stay declarations, and out of the public API (`src/internal/`).
 */

/**
 * The meta-arguments of a config, for the base class constructor. Only the ones given are
 * passed: with `exactOptionalPropertyTypes` an absent argument must stay absent, not `undefined`.
 */
export function metaArgumentsOf(config: TerraformMetaArguments): TerraformMetaArguments {
  const { dependsOn, count, provider, lifecycle, forEach, provisioners, connection } = config;
  return {
    ...(dependsOn === undefined ? {} : { dependsOn }),
    ...(count === undefined ? {} : { count }),
    ...(provider === undefined ? {} : { provider }),
    ...(lifecycle === undefined ? {} : { lifecycle }),
    ...(forEach === undefined ? {} : { forEach }),
    ...(provisioners === undefined ? {} : { provisioners }),
    ...(connection === undefined ? {} : { connection }),
  };
}

/** How CDKTF describes one attribute for its HCL output. */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'list' | 'set' | 'map';
  readonly storageClassType: string;
}

/** HCL attribute descriptors without the unset ones, as CDKTF's own generated classes return them. */
export function definedHclAttributes(attributes: Readonly<Record<string, HclAttribute>>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attributes).filter(([, attribute]) => attribute.value !== undefined));
}
