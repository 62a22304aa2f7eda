import { LockNotFoundError } from '@lifeboat/engine';
import { NotFoundError } from '@lifeboat/sdk';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/runtime/cli-error.js';
import { ExitCode } from '../../src/runtime/exit-codes.js';
import { describeError, formatErrorDetail, formatErrorLine } from '../../src/runtime/format-error.js';
import { redactJson, redactorFor } from '../../src/runtime/redact.js';
import { terminalOf } from '../../src/runtime/terminal.js';

const { colors } = terminalOf({ write: () => true }, { env: {} });
const key = 'lbk_0123456789ab_c2VjcmV0LXNlY3JldC1zZWNyZXQ';
const redact = redactorFor(() => [key]);

describe('error lines', () => {
  it('give the message, the code and the request id on one line', () => {
    const error = new NotFoundError('Backup bk-1 was not found in cluster in01-a. List backups with `lifeboat backups list`.', { code: 65006, httpStatus: 404, requestId: 'req-42' });
    expect(formatErrorLine(error, colors, redact)).toBe('Error: Backup bk-1 was not found in cluster in01-a. List backups with `lifeboat backups list`. (code 65006, request req-42)');
  });

  it('give engine and CLI codes, and their exit codes', () => {
    expect(describeError(new LockNotFoundError({ lockId: 'l-1', source: 'terraform.tfstate' }))).toMatchObject({ code: 'STATE_LOCK_NOT_FOUND', exitCode: ExitCode.error });
    const refused = new CliError({ code: 'CONFIRMATION_NEEDS_TTY', problem: 'No terminal', fix: 'Pass -auto-approve' });
    expect(refused.message).toBe('No terminal. Pass -auto-approve.');
    expect(formatErrorLine(refused, colors, redact)).toBe('Error: No terminal. Pass -auto-approve. (code CONFIRMATION_NEEDS_TTY)');
  });

  it('mark anything else as unexpected and point at --debug', () => {
    expect(formatErrorLine(new TypeError('x is undefined'), colors, redact)).toBe('Error: x is undefined. Run again with --debug for details. (code UNEXPECTED)');
  });
});

describe('redaction', () => {
  it('removes the key in use, key-shaped strings and bearer tokens from text', () => {
    const text = `failed with ${key} and lbk_abcdef012345_other-secret_value, Authorization: Bearer abc.def`;
    expect(redact(text)).toBe('failed with [redacted] and [redacted], Authorization: Bearer [redacted]');
    expect(formatErrorDetail(new Error(`boom ${key}`), redact)).not.toContain(key);
  });

  it('removes secret fields from JSON bodies', () => {
    expect(redactJson({ data: { apiKey: 'k', name: 'ci', nested: [{ password: 'p', ownerApiKey: 'o' }] } })).toEqual({
      data: { apiKey: '[redacted]', name: 'ci', nested: [{ password: '[redacted]', ownerApiKey: '[redacted]' }] },
    });
  });
});
