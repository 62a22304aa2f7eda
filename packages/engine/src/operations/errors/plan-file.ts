import { OperationError } from './operation-error.js';

/** There is no saved plan at the path given (`apply PLANFILE`). */
export class PlanFileNotFoundError extends OperationError {
  override readonly name = 'PlanFileNotFoundError' as const;
  readonly code = 'PLAN_FILE_NOT_FOUND' as const;
  readonly path: string;

  constructor(details: { path: string; cause?: unknown }) {
    const fix = `Check the path, or make one with \`lifeboat plan -out=${details.path}\`.`;
    super(`There is no saved plan at ${details.path}. ${fix}`, { fix, cause: details.cause });
    this.path = details.path;
  }
}

/**
 * A file that is not a saved plan this engine can apply: not JSON, another tool's file (a
 * Terraform plan, a state file), a newer format, or a plan with missing or malformed fields.
 */
export class InvalidPlanFileError extends OperationError {
  override readonly name = 'InvalidPlanFileError' as const;
  readonly code = 'INVALID_PLAN_FILE' as const;
  readonly path: string;
  /** What is wrong with it. */
  readonly problem: string;

  constructor(details: { path: string; problem: string; fix?: string; cause?: unknown }) {
    const fix = details.fix ?? 'Make a new one with `lifeboat plan -out=FILE` and apply that.';
    super(`${details.path} is not a saved plan Lifeboat can apply: ${details.problem}. ${fix}`, { fix, cause: details.cause });
    this.path = details.path;
    this.problem = details.problem;
  }
}
