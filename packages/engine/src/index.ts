/**
 * `@lifeboat/engine`: Terraform-style plan/apply for Lifeboat. Reads Terraform JSON, diffs it
 * against live state through the SDK and converges it.
 */
export * from './graph/index.js';
export type { AttributeSchema, AttributeType, ResourceSchema } from './resources/schema.js';
export { configurableAttributes, describeType } from './resources/schema.js';
export type {
  Attributes,
  CreateRequest,
  DeleteRequest,
  HandlerContext,
  ImportRequest,
  ReadManyRequest,
  ReadRequest,
  ReadResult,
  ResourceType,
  UpdateRequest,
  WriteManyRequest,
  WriteManyResult,
} from './resources/resource-type.js';
export type {
  AttributeValue,
  JournalEntry,
  LockInfo,
  OutputState,
  PendingOperation,
  ResourceInstanceState,
  ResourceState,
  StateSnapshot,
} from './state/types.js';
export * from './expressions/index.js';
export * from './state/index.js';
export { managedResourceTypes, dataSourceTypes, resourceTypeOf } from './resources/index.js';
export { diffInstance, plannedValues } from './plan/diff.js';
export type { DiffRequest, DiffResult } from './plan/diff.js';
export type { ActionReason, ChangeActions, Diagnostic, OutputChange, Plan, ResourceChange, UnknownMarks } from './plan/types.js';
export * from './render/index.js';
export * from './config/index.js';
export { plan } from './plan/planner.js';
export type { PlanOptions } from './plan/planner.js';
export { apply } from './apply/apply.js';
export type { ApplyOptions, ApplyResult } from './apply/apply.js';
export { nodeIdOf } from './apply/apply-graph.js';
export type { EngineHooks, HookSubject } from './apply/hooks.js';
export { ErroredPlanError, StalePlanError, type ApplyErrorCode } from './apply/errors.js';
export { EngineError, isEngineError, type EngineErrorCode, type EngineErrorDetails } from './errors/engine-error.js';
export * from './operations/index.js';
