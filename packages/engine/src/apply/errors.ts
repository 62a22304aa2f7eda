import { EngineError } from '../errors/engine-error.js';

/** Stable codes of the errors apply throws before touching anything. */
export type ApplyErrorCode = 'STALE_PLAN' | 'ERRORED_PLAN';

/** The saved plan no longer matches the state: it was made against another lineage or an older serial. */
export class StalePlanError extends EngineError {
  override readonly name = 'StalePlanError' as const;
  readonly code = 'STALE_PLAN' as const;
  /** The state the plan was made for, and the state as it is now. */
  readonly planned: { readonly lineage: string; readonly serial: number };
  readonly current: { readonly lineage: string; readonly serial: number };

  constructor(details: { planned: { lineage: string; serial: number }; current: { lineage: string; serial: number } }) {
    const fix = 'Plan again.';
    super(
      `Saved plan is stale: it was made for state ${details.planned.lineage} serial ${details.planned.serial}, but the state is now ${details.current.lineage} serial ${details.current.serial}. ${fix}`,
      { fix },
    );
    this.planned = details.planned;
    this.current = details.current;
  }
}

/** The plan carries errors and cannot be applied. */
export class ErroredPlanError extends EngineError {
  override readonly name = 'ErroredPlanError' as const;
  readonly code = 'ERRORED_PLAN' as const;

  constructor() {
    const fix = 'Fix them and plan again.';
    super(`This plan has errors, so it cannot be applied. ${fix}`, { fix });
  }
}
