import { OperationError } from './operation-error.js';

/** The import address is not a resource instance the configuration declares. */
export class ImportTargetNotDeclaredError extends OperationError {
  override readonly name = 'ImportTargetNotDeclaredError' as const;
  readonly code = 'IMPORT_TARGET_NOT_DECLARED' as const;
  readonly address: string;

  constructor(details: { address: string; problem: string; fix: string }) {
    super(`Cannot import to ${details.address}: ${details.problem}. ${details.fix}`, { fix: details.fix });
    this.address = details.address;
  }
}

/** The resource type has no `import` handler (or is not a type of this provider). */
export class ImportNotSupportedError extends OperationError {
  override readonly name = 'ImportNotSupportedError' as const;
  readonly code = 'IMPORT_NOT_SUPPORTED' as const;
  readonly address: string;
  readonly type: string;

  constructor(details: { address: string; type: string; importable: readonly string[] }) {
    const fix = 'Let Lifeboat create it by applying the configuration instead.';
    super(`${details.type} cannot be imported (${details.address}). ${fix} Types that can be imported: ${details.importable.join(', ')}.`, { fix });
    this.address = details.address;
    this.type = details.type;
  }
}

/** An import block's `id` did not evaluate to a string known before apply. */
export class InvalidImportIdError extends OperationError {
  override readonly name = 'InvalidImportIdError' as const;
  readonly code = 'INVALID_IMPORT_ID' as const;
  readonly address: string;

  constructor(details: { address: string; file: string; problem: string; cause?: unknown }) {
    const fix = 'The id must be a string known before apply: literal text, variables and locals, not attributes of other resources.';
    super(`The import block for ${details.address} in ${details.file} has an id that cannot be used: ${details.problem}. ${fix}`, { fix, cause: details.cause });
    this.address = details.address;
  }
}

/** The address already has an object in state (Terraform's "Resource already managed"). */
export class ResourceAlreadyManagedError extends OperationError {
  override readonly name = 'ResourceAlreadyManagedError' as const;
  readonly code = 'RESOURCE_ALREADY_MANAGED' as const;
  readonly address: string;

  constructor(details: { address: string; problem: string; fix: string }) {
    super(`Resource already managed by Lifeboat: ${details.problem}. ${details.fix}`, { fix: details.fix });
    this.address = details.address;
  }
}

/** The type's import handler could not read the object (wrong id, no such object, no access). */
export class ImportFailedError extends OperationError {
  override readonly name = 'ImportFailedError' as const;
  readonly code = 'IMPORT_FAILED' as const;
  readonly address: string;
  readonly id: string;

  constructor(details: { address: string; id: string; idFormat: string; cause: unknown }) {
    const reason = details.cause instanceof Error ? details.cause.message : String(details.cause);
    const fix = `Check that the object exists and that the id is right (${details.idFormat}).`;
    super(`Cannot import ${JSON.stringify(details.id)} to ${details.address}: ${reason.replace(/\.$/, '')}. ${fix} Nothing was recorded in the state.`, { fix, cause: details.cause });
    this.address = details.address;
    this.id = details.id;
  }
}
