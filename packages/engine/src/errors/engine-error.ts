import type { ApplyErrorCode } from '../apply/errors.js';
import type { ExpressionErrorCode } from '../expressions/expression-error.js';
import type { GraphErrorCode } from '../graph/graph-error.js';
import type { OperationErrorCode } from '../operations/errors/operation-error.js';
import type { StateErrorCode } from '../state/errors.js';

/** Marks engine errors across copies of the package (ESM and CJS, or two versions). */
const brand = Symbol.for('@lifeboat/engine.error');

/**
 * Stable codes of every error the engine throws, by family: callers switch on these, never on
 * messages. Expression codes are lower case for historical reasons; they are stable all the same.
 */
export type EngineErrorCode = GraphErrorCode | StateErrorCode | OperationErrorCode | ExpressionErrorCode | ApplyErrorCode;

/** Context every engine error can carry. */
export interface EngineErrorDetails {
  /**
   * What the user can do about it, as a sentence the message also ends with, so a view can show
   * it apart (a hint line) without parsing the message. Absent for errors that are bugs.
   */
  readonly fix?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error the engine throws: a literal `name`, a stable `code`, a message that says
 * what happened and what to do, and that advice again in `fix`. Families (graph, state,
 * operations, expressions, apply) subclass it and keep their own guards (`isStateError`, …);
 * {@link isEngineError} recognises all of them.
 *
 * @example
 * try {
 *   await apply({ plan, backend, client });
 * } catch (error) {
 *   if (isEngineError(error)) console.error(`${error.message} (${error.code})`);
 *   else throw error;
 * }
 */
export abstract class EngineError extends Error {
  abstract override readonly name: string;
  abstract readonly code: EngineErrorCode;
  /** What the user can do about it; `undefined` when nothing (a bug in the caller). */
  readonly fix: string | undefined;

  constructor(message: string, details: EngineErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.fix = details.fix;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for errors thrown by any copy of the engine, whatever their family. */
export function isEngineError(error: unknown): error is EngineError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
