import { z } from 'zod';
import { fieldDataTypeResponseSchema, fieldDataTypeSchema, loadStatusResponseSchema } from '../enums.js';
import { resourceNameSchema, responseTimestampSchema } from '../primitives.js';

/**
 * The data plane of local clusters, served under a cluster's `connectAddress` with the hosted
 * data-plane paths (`/v2/vectordb/...`). Every call is a POST with a JSON body.
 */

const dbNameField = resourceNameSchema.optional().describe('Database; `default` if absent.');

export const databaseRequestSchema = z.strictObject({ dbName: resourceNameSchema });
export type DatabaseRequest = z.input<typeof databaseRequestSchema>;

export const listDatabasesRequestSchema = z.strictObject({});

/** Names, e.g. of databases, collections or partitions. */
export const nameListResponseSchema = z.array(z.string());

/** Data-plane writes answer with an empty object. */
export const emptyResponseSchema = z.object({});

export const fieldSchemaRequestSchema = z
  .strictObject({
    fieldName: resourceNameSchema,
    dataType: fieldDataTypeSchema,
    isPrimary: z.boolean().optional(),
    nullable: z.boolean().optional(),
    elementTypeParams: z
      .strictObject({
        dim: z.number().int().min(1).max(32768).optional().describe('FloatVector dimension.'),
        max_length: z.number().int().min(1).max(65535).optional().describe('VarChar maximum length.'),
      })
      .optional(),
  })
  .superRefine((field, ctx) => {
    if (field.dataType === 'FloatVector' && field.elementTypeParams?.dim === undefined) {
      ctx.addIssue({ code: 'custom', path: ['elementTypeParams', 'dim'], message: 'a FloatVector field needs elementTypeParams.dim' });
    }
    if (field.dataType === 'VarChar' && field.elementTypeParams?.max_length === undefined) {
      ctx.addIssue({ code: 'custom', path: ['elementTypeParams', 'max_length'], message: 'a VarChar field needs elementTypeParams.max_length' });
    }
    if (field.isPrimary === true && field.dataType !== 'Int64' && field.dataType !== 'VarChar') {
      ctx.addIssue({ code: 'custom', path: ['dataType'], message: 'a primary key must be Int64 or VarChar' });
    }
  });
export type FieldSchemaRequest = z.input<typeof fieldSchemaRequestSchema>;

export const createCollectionRequestSchema = z.strictObject({
  dbName: dbNameField,
  collectionName: resourceNameSchema,
  description: z.string().max(1024).optional(),
  schema: z.strictObject({
    fields: z
      .array(fieldSchemaRequestSchema)
      .min(1)
      .max(64)
      .refine((fields) => fields.filter((f) => f.isPrimary === true).length === 1, 'exactly one field must have isPrimary: true')
      .refine((fields) => new Set(fields.map((f) => f.fieldName)).size === fields.length, 'field names must be distinct'),
  }),
  partitionNames: z.array(resourceNameSchema).optional().describe('Partitions to create besides `_default`.'),
  ttlSeconds: z.number().int().min(1).optional().describe('Lifeboat extension: rows expire after this long. Not backed up.'),
});
export type CreateCollectionRequest = z.input<typeof createCollectionRequestSchema>;

export const collectionRequestSchema = z.strictObject({
  dbName: dbNameField,
  collectionName: resourceNameSchema,
});
export type CollectionRequest = z.input<typeof collectionRequestSchema>;

export const listCollectionsRequestSchema = z.strictObject({ dbName: dbNameField });
export type ListCollectionsRequest = z.input<typeof listCollectionsRequestSchema>;

export const fieldSchema = z.object({
  fieldName: z.string(),
  dataType: fieldDataTypeResponseSchema,
  isPrimary: z.boolean().optional(),
  nullable: z.boolean().optional(),
  elementTypeParams: z.object({ dim: z.number().optional(), max_length: z.number().optional() }).optional(),
});
export type Field = z.infer<typeof fieldSchema>;

/** A collection of a local cluster, with what a drill needs to verify it. */
export const collectionDescriptionSchema = z.object({
  dbName: z.string(),
  collectionName: z.string(),
  description: z.string(),
  fields: z.array(fieldSchema),
  partitions: z.array(z.object({ partitionName: z.string(), rowCount: z.number().int() })),
  rowCount: z.number().int(),
  loadStatus: loadStatusResponseSchema,
  checksum: z.string().describe('Digest of the rows; stable across backup and restore.'),
  ttlSeconds: z.number().int().nullable().optional(),
  createTime: responseTimestampSchema.optional(),
});
export type CollectionDescription = z.infer<typeof collectionDescriptionSchema>;

export const partitionRequestSchema = z.strictObject({
  dbName: dbNameField,
  collectionName: resourceNameSchema,
  partitionName: resourceNameSchema,
});
export type PartitionRequest = z.input<typeof partitionRequestSchema>;

/** A row: field name → value. */
export const rowSchema = z.record(z.string(), z.unknown());
export type Row = z.infer<typeof rowSchema>;

export const insertRequestSchema = z.strictObject({
  dbName: dbNameField,
  collectionName: resourceNameSchema,
  partitionName: resourceNameSchema.optional().describe('`_default` if absent.'),
  data: z.array(rowSchema).min(1, 'insert at least one row').max(10_000, 'insert at most 10,000 rows per call'),
});
export type InsertRequest = z.input<typeof insertRequestSchema>;

export const insertResponseSchema = z.object({
  insertCount: z.number().int(),
  insertIds: z.array(z.union([z.string(), z.number()])),
});
export type InsertResult = z.infer<typeof insertResponseSchema>;

export const queryRequestSchema = z.strictObject({
  dbName: dbNameField,
  collectionName: resourceNameSchema,
  filter: z.string().max(4096).optional().describe('e.g. `id in [1, 2]` or `color == "red" and size == 3`.'),
  partitionNames: z.array(resourceNameSchema).optional(),
  outputFields: z.array(resourceNameSchema).optional(),
  limit: z.number().int().min(1).max(16_384).optional(),
  offset: z.number().int().min(0).optional(),
});
export type QueryRequest = z.input<typeof queryRequestSchema>;

export const queryResponseSchema = z.array(rowSchema);
