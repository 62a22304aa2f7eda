import { ErrorCode } from '@lifeboat/api';
import { LifeboatError, type LifeboatErrorDetails } from './lifeboat-error.js';

/** One problem with the input: where (`path`, e.g. `dbCollections[0].collectionNames`) and what. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The input is invalid. Client-side (`source: 'client'`, code 98003) nothing was sent; server-side
 * (`source: 'server'`, HTTP 400/413) the server refused it.
 */
export class ValidationError extends LifeboatError {
  override readonly name = 'ValidationError' as const;
  readonly source: 'client' | 'server';
  /** Path of the first offending field, e.g. `retentionDays` or `dbCollections[0].collectionNames`; empty when not known. */
  readonly field: string;
  readonly issues: readonly ValidationIssue[];

  constructor(
    message: string,
    details: Partial<LifeboatErrorDetails> & { readonly source: 'client' | 'server'; readonly issues?: readonly ValidationIssue[] },
  ) {
    super(message, { ...details, code: details.code ?? ErrorCode.CLIENT_VALIDATION, retryable: false });
    this.source = details.source;
    this.issues = details.issues ?? [];
    this.field = this.issues[0]?.path ?? '';
  }
}
