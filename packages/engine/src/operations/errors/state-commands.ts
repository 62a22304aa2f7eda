import { OperationError } from './operation-error.js';

/** No instance in the state matches the address given to `state show|rm|mv`. */
export class AddressNotInStateError extends OperationError {
  override readonly name = 'AddressNotInStateError' as const;
  readonly code = 'ADDRESS_NOT_IN_STATE' as const;
  readonly address: string;

  constructor(details: { address: string; problem: string; fix?: string }) {
    const fix = details.fix ?? 'Run `lifeboat state list` to see the addresses in the state.';
    super(`${details.problem}. ${fix}`, { fix });
    this.address = details.address;
  }
}

/** A `state mv` that cannot be done as asked: another type, a data source into a resource, a whole resource into one instance. */
export class InvalidStateMoveError extends OperationError {
  override readonly name = 'InvalidStateMoveError' as const;
  readonly code = 'INVALID_STATE_MOVE' as const;
  readonly from: string;
  readonly to: string;

  constructor(details: { from: string; to: string; problem: string; fix: string }) {
    super(`Cannot move ${details.from} to ${details.to}: ${details.problem}. ${details.fix}`, { fix: details.fix });
    this.from = details.from;
    this.to = details.to;
  }
}

/** The destination of a `state mv` already holds an object; moving would lose one of them. */
export class StateMoveTargetExistsError extends OperationError {
  override readonly name = 'StateMoveTargetExistsError' as const;
  readonly code = 'STATE_MOVE_TARGET_EXISTS' as const;
  readonly from: string;
  readonly to: string;

  constructor(details: { from: string; to: string; existing: readonly string[] }) {
    const fix = 'Remove it first with `lifeboat state rm`, or choose another address.';
    super(`Cannot move ${details.from} to ${details.to}: the state already has ${details.existing.join(', ')}. Moving onto it would lose one of the two objects. ${fix}`, { fix });
    this.from = details.from;
    this.to = details.to;
  }
}

/** `output NAME` for an output the state does not have. */
export class OutputNotFoundError extends OperationError {
  override readonly name = 'OutputNotFoundError' as const;
  readonly code = 'OUTPUT_NOT_FOUND' as const;
  readonly output: string;

  constructor(details: { output: string; available: readonly string[] }) {
    const fix = 'If you added it to the configuration recently, run `lifeboat apply`: outputs are recorded in the state only when applied.';
    super(
      `Output ${JSON.stringify(details.output)} not found in the state` +
        `${details.available.length === 0 ? ', which has no outputs' : ` (it has ${details.available.join(', ')})`}. ${fix}`,
      { fix },
    );
    this.output = details.output;
  }
}
