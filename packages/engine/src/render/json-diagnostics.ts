import type { Diagnostic } from '../plan/types.js';
import type { JsonDiagnostic } from './json-types.js';

/**
 * Diagnostics in the shape of Terraform's machine-readable diagnostics (`severity`, `summary`,
 * `detail`, `address`), plus where in a CDKTF app the problem is (`construct_path`) and the
 * attribute it is about. For `plan -json` and `apply -json`, and the JSON plan's `diagnostics`.
 *
 * @example
 * diagnosticsToJson(result.diagnostics); // [{ severity: 'warning', summary: 'Applied changes may be incomplete', detail: '…' }]
 */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): JsonDiagnostic[] {
  return diagnostics.map((diagnostic) => ({
    severity: diagnostic.severity,
    summary: diagnostic.summary,
    detail: diagnostic.detail,
    ...(diagnostic.address === undefined ? {} : { address: diagnostic.address }),
    ...(diagnostic.constructPath === undefined ? {} : { construct_path: diagnostic.constructPath }),
    ...(diagnostic.attribute === undefined ? {} : { attribute: diagnostic.attribute }),
  }));
}
