import { z } from 'zod';
import type { EndpointDefinition } from './endpoint.js';
import { endpoints } from './endpoints.js';
import { errorEnvelopeSchema, successEnvelopeSchema } from './envelope.js';
import { errorCatalog } from './error-codes.js';
import { apiKeySchema } from './schemas/api-keys.js';
import { backupCollectionSchema, backupCopySchema, backupSchema, backupSummarySchema, jobStartedResponseSchema } from './schemas/backups.js';
import { clusterSchema } from './schemas/clusters.js';
import { copyPolicySchema } from './schemas/copy-policies.js';
import { collectionDescriptionSchema, collectionRequestSchema, emptyResponseSchema, fieldSchemaRequestSchema, nameListResponseSchema, rowSchema } from './schemas/data-plane.js';
import { emptyBodySchema } from './primitives.js';
import { jobSchema } from './schemas/jobs.js';
import { backupPolicySchema } from './schemas/policies.js';
import { projectSchema } from './schemas/projects.js';
import { regionSchema } from './schemas/regions.js';

/** The subset of OpenAPI 3.1 this generator writes. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  'x-lifeboat-error-codes': { code: number; name: string; httpStatus: number; message: string }[];
}

/** Named models: shared types get one component each instead of being inlined everywhere. */
const namedSchemas: Record<string, z.ZodType> = {
  Project: projectSchema,
  Region: regionSchema,
  Cluster: clusterSchema,
  BackupSummary: backupSummarySchema,
  Backup: backupSchema,
  BackupCollection: backupCollectionSchema,
  BackupCopy: backupCopySchema,
  BackupPolicy: backupPolicySchema,
  CopyPolicy: copyPolicySchema,
  Job: jobSchema,
  ApiKey: apiKeySchema,
  CollectionDescription: collectionDescriptionSchema,
  FieldSchema: fieldSchemaRequestSchema,
  Error: errorEnvelopeSchema,
  JobStarted: jobStartedResponseSchema,
  Empty: emptyResponseSchema,
  EmptyBody: emptyBodySchema,
  NameList: nameListResponseSchema,
  CollectionRequest: collectionRequestSchema,
  Row: rowSchema,
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Data-plane paths hang off a local cluster's connect address, `<server>/clusters/{clusterId}`. */
const dataPlanePrefix = '/clusters/{clusterId}';

function parameters(endpoint: EndpointDefinition): unknown[] {
  const list: unknown[] = [];
  const add = (location: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!(schema instanceof z.ZodObject)) return;
    const shape: Record<string, z.ZodType> = schema.shape;
    for (const [name, field] of Object.entries(shape)) {
      const optional = field instanceof z.ZodOptional;
      const inner = optional ? (field.unwrap() as z.ZodType) : field;
      const json = z.toJSONSchema(inner, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
      const { description, $schema: _schema, ...rest } = json as { description?: string; $schema?: string };
      list.push({
        name,
        in: location,
        required: location === 'path' || !optional,
        ...(description === undefined ? {} : { description }),
        schema: rest,
      });
    }
  };
  if (endpoint.plane === 'data') {
    list.push({ name: 'clusterId', in: 'path', required: true, description: 'The local cluster.', schema: { type: 'string' } });
  }
  add('path', endpoint.params);
  add('query', endpoint.query);
  return list;
}

/**
 * Builds the OpenAPI 3.1 document from the endpoint table and its zod schemas. The output is
 * deterministic, so the committed `docs/openapi.json` can be checked for staleness.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  const register = (schema: z.ZodType, id: string): string => {
    const known = ids.get(schema);
    if (known !== undefined) return known;
    registry.add(schema, { id });
    ids.set(schema, id);
    return id;
  };
  for (const [id, schema] of Object.entries(namedSchemas)) register(schema, id);

  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of Object.values(endpoints) as EndpointDefinition[]) {
    const name = pascal(endpoint.operationId);
    register(endpoint.response, `${name}Data`);
    const envelopeId = register(successEnvelopeSchema(endpoint.response), `${name}Response`);
    const requestId = endpoint.body === undefined ? undefined : register(endpoint.body, `${name}Request`);
    const path = endpoint.plane === 'data' ? `${dataPlanePrefix}${endpoint.path}` : endpoint.path;
    const operation: Record<string, unknown> = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      'x-lifeboat-origin': endpoint.origin === 'Z' ? 'hosted-compatible' : 'extension',
      parameters: parameters(endpoint),
      ...(requestId === undefined
        ? {}
        : { requestBody: { required: true, content: { 'application/json': { schema: ref(requestId) } } } }),
      responses: {
        '200': { description: 'Success.', content: { 'application/json': { schema: ref(envelopeId) } } },
        default: { description: 'An error, with a code and what to do.', content: { 'application/json': { schema: ref('Error') } } },
      },
    };
    if (endpoint.method === 'POST') {
      (operation.parameters as unknown[]).push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Replays the first response for 24 h when sent again with the same body.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation };
  }

  // `input` mode describes what may be sent: strict request objects forbid unknown fields,
  // while response objects stay open, as lenient clients read them.
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as { $schema?: string; $id?: string };
      return [id, rest];
    }),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Lifeboat control-plane API',
      version: '2.0.0',
      description:
        'Backups, restores, jobs, backup policies and cross-region copy policies. Operations marked hosted-compatible follow the Zilliz Cloud v2 backup API; extensions are Lifeboat\'s own.',
    },
    servers: [{ url: 'http://127.0.0.1:7433', description: 'A local Lifeboat server.' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(Object.values(endpoints).map((e) => e.tag))].map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key.' } },
    },
    'x-lifeboat-error-codes': Object.entries(errorCatalog)
      .filter(([, info]) => info.httpStatus !== null)
      .map(([name, info]) => ({ code: info.code, name, httpStatus: info.httpStatus as number, message: info.message })),
  };
}
