import type { ConfigDiagnostic } from '../diagnostic.js';

/** What a diagnostic is about: a block's address, its construct path and its file. */
export interface Subject {
  readonly address?: string | undefined;
  readonly constructPath?: string | undefined;
  readonly file?: string | undefined;
}

/** How messages name a block: `lifeboat_backup_policy.nightly (primary/nightly/policy)`. */
export function describeSubject(subject: Subject): string {
  const name = subject.address ?? subject.file ?? 'the configuration';
  return subject.constructPath === undefined ? name : `${name} (${subject.constructPath})`;
}

interface DiagnosticFields extends Subject {
  readonly summary: string;
  readonly detail: string;
  readonly attribute?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** A diagnostic with only the fields that are set (the types use exact optional properties). */
export function diagnostic(severity: 'error' | 'warning', fields: DiagnosticFields): ConfigDiagnostic {
  const out: { -readonly [K in keyof ConfigDiagnostic]: ConfigDiagnostic[K] } = { severity, summary: fields.summary, detail: fields.detail };
  if (fields.address !== undefined) out.address = fields.address;
  if (fields.constructPath !== undefined) out.constructPath = fields.constructPath;
  if (fields.attribute !== undefined) out.attribute = fields.attribute;
  if (fields.file !== undefined) out.file = fields.file;
  if (fields.line !== undefined) out.line = fields.line;
  if (fields.column !== undefined) out.column = fields.column;
  return out;
}

export const error = (fields: DiagnosticFields): ConfigDiagnostic => diagnostic('error', fields);
export const warning = (fields: DiagnosticFields): ConfigDiagnostic => diagnostic('warning', fields);

/** `a`, `a or b`, `a, b or c`, with each name quoted when `quote` is set. */
export function listNames(names: readonly string[], quote = false): string {
  const shown = quote ? names.map((name) => JSON.stringify(name)) : [...names];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}`;
}
