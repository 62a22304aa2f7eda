/**
 * Operations beside plan and apply: saved plans, `import` (command and blocks), the `state`
 * commands and outputs. Each takes a backend or a state and returns plain data; none prints.
 */
export { readPlanFile, writePlanFile, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, type PlanFile } from './saved-plan.js';
export {
  importBlocks,
  importResource,
  type ImportBlocksRequest,
  type ImportBlocksResult,
  type ImportedInstance,
  type ImportResourceRequest,
  type ImportResourceResult,
} from './import.js';
export { readOutputs, stateList, stateMv, stateRm, stateShow, type StateListOptions, type StateMvResult, type StateRmResult } from './state-commands.js';
export { isOperationError, OperationError, type OperationErrorCode } from './errors/operation-error.js';
export { InvalidPlanFileError, PlanFileNotFoundError } from './errors/plan-file.js';
export { ImportFailedError, ImportNotSupportedError, ImportTargetNotDeclaredError, InvalidImportIdError, ResourceAlreadyManagedError } from './errors/import.js';
export { AddressNotInStateError, InvalidStateMoveError, OutputNotFoundError, StateMoveTargetExistsError } from './errors/state-commands.js';
