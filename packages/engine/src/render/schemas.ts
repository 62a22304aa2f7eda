import { dataSourceTypes, managedResourceTypes } from '../resources/index.js';
import type { ResourceSchema } from '../resources/schema.js';

/** The provider source address Terraform tooling expects in `provider_name`. */
export const LIFEBOAT_PROVIDER_NAME = 'registry.terraform.io/lifeboat/lifeboat';

/**
 * The schemas renderers consult, by mode and type: which attributes are sensitive (so their
 * values never reach output) and which are maps (so their keys are quoted). Plain data, so a
 * test can pass a made-up type.
 */
export interface ProviderSchemas {
  readonly managed: Readonly<Record<string, ResourceSchema>>;
  readonly data: Readonly<Record<string, ResourceSchema>>;
}

/** The schemas of every resource type and data source of the `lifeboat` provider. */
export const lifeboatSchemas: ProviderSchemas = {
  managed: Object.fromEntries(managedResourceTypes.map((type) => [type.type, type.schema])),
  data: Object.fromEntries(dataSourceTypes.map((type) => [type.type, type.schema])),
};

/** The schema of one type, if the provider has it. */
export function schemaOf(schemas: ProviderSchemas, mode: 'managed' | 'data', type: string): ResourceSchema | undefined {
  const byType = mode === 'managed' ? schemas.managed : schemas.data;
  return Object.hasOwn(byType, type) ? byType[type] : undefined;
}
