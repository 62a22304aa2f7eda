import { EngineError, type EngineErrorDetails } from '../../errors/engine-error.js';

/** Marks operation errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/engine.operation-error');

/** Stable codes of the errors that saved plans, import and the state commands throw; callers switch on these, not on messages. */
export type OperationErrorCode =
  | 'PLAN_FILE_NOT_FOUND'
  | 'INVALID_PLAN_FILE'
  | 'IMPORT_TARGET_NOT_DECLARED'
  | 'IMPORT_NOT_SUPPORTED'
  | 'INVALID_IMPORT_ID'
  | 'RESOURCE_ALREADY_MANAGED'
  | 'IMPORT_FAILED'
  | 'ADDRESS_NOT_IN_STATE'
  | 'INVALID_STATE_MOVE'
  | 'STATE_MOVE_TARGET_EXISTS'
  | 'OUTPUT_NOT_FOUND';

/** Base of every error the operations throw (an {@link EngineError}): a literal `name`, a stable `code`, a message that says what to do. */
export abstract class OperationError extends EngineError {
  abstract override readonly code: OperationErrorCode;

  constructor(message: string, details: EngineErrorDetails = {}) {
    super(message, details);
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for errors thrown by any copy of the engine's operations (saved plans, import, state commands). */
export function isOperationError(error: unknown): error is OperationError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
