/** The saved plan no longer matches the state: it was made against another lineage or an older serial. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  readonly code = 'STALE_PLAN';
}

/** The plan carries errors and cannot be applied. */
export class ErroredPlanError extends Error {
  override readonly name = 'ErroredPlanError';
  readonly code = 'ERRORED_PLAN';
}
