import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';

/** `['dbCollections', 0, 'collectionNames']` → `dbCollections[0].collectionNames`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/**
 * Parses input against its request schema before any I/O. On failure the error lists every
 * problem, each with its field path, so a caller fixes all of them at once.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, operationId: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const listed = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('; ');
  return failValidation(`Invalid input for ${operationId}: ${listed}. Nothing was sent.`, issues, operationId);
}

function failValidation(message: string, issues: ValidationIssue[], operationId: string): never {
  throw new ValidationError(message, { source: 'client', issues, operationId });
}
