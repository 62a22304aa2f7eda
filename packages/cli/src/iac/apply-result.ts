/**
 * What an apply (or destroy) did, reported after the operations' own lines: the summary line,
 * outputs, failures, and after Ctrl-C what was left running on the server.
 */
import { diagnosticsToJson, nodeIdOf, renderDiagnostics, type ApplyResult, type Plan } from '@lifeboat/engine';
import { CliError } from '../runtime/cli-error.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { describeError } from '../runtime/format-error.js';
import type { Runtime } from '../runtime/runtime.js';
import { formatOutputs, outputsJson } from './outputs.js';

/** What {@link reportApply} reports. */
export interface ApplyReport {
  readonly runtime: Runtime;
  readonly plan: Plan;
  readonly result: ApplyResult;
  readonly interrupted: boolean;
  readonly json: boolean;
}

/** An operation left running on the server by Ctrl-C. */
interface LeftRunning {
  readonly address: string;
  readonly jobId?: string | undefined;
  readonly objectId?: string | undefined;
}

/**
 * Prints the report, then throws for an incomplete apply so the run exits non-zero.
 *
 * @throws {CliError} `INTERRUPTED` (exit 130) after Ctrl-C; `APPLY_FAILED` when operations failed.
 */
export function reportApply(report: ApplyReport): void {
  const { runtime, plan, result } = report;
  const { walk } = result;
  const succeeded = new Set(walk.succeeded);
  const counts = { added: 0, changed: 0, destroyed: 0 };
  for (const change of plan.resourceChanges) {
    // By node id: a deposed object's delete finishes under its own id, not the instance's address.
    if (!succeeded.has(nodeIdOf(change))) continue;
    const actions = change.actions as readonly string[];
    if (actions.includes('create')) counts.added += 1;
    if (actions.includes('delete')) counts.destroyed += 1;
    if (actions[0] === 'update') counts.changed += 1;
  }
  const aborted = walk.failed.filter((failure) => failure.error instanceof Error && failure.error.name === 'AbortError').map((failure) => failure.id);
  const pending = new Map(result.state.pending.map((operation) => [operation.address, operation]));
  const leftRunning: LeftRunning[] = aborted.map((address) => ({ address, jobId: pending.get(address)?.jobId, objectId: pending.get(address)?.objectId }));
  const failures = walk.failed.filter((failure) => !aborted.includes(failure.id));

  if (report.json) {
    runtime.output.json({
      complete: result.complete,
      interrupted: report.interrupted,
      mode: plan.mode,
      resources: counts,
      succeeded: walk.succeeded,
      failed: failures.map((failure) => ({ address: failure.id, ...errorJson(failure.error) })),
      skipped: walk.skipped.map((skip) => skip.id),
      not_started: walk.notStarted,
      left_running: leftRunning.map((item) => ({ address: item.address, job_id: item.jobId ?? null, object_id: item.objectId ?? null })),
      outputs: outputsJson(result.outputs),
      diagnostics: diagnosticsToJson(result.diagnostics),
    });
  } else {
    printHuman(runtime, report, { counts, failures, leftRunning });
  }

  if (report.interrupted) {
    throw new CliError({
      code: 'INTERRUPTED',
      problem: `The ${plan.mode === 'destroy' ? 'destroy' : 'apply'} was interrupted; the state records what finished and what was left running`,
      fix: `Run lifeboat ${plan.mode === 'destroy' ? 'destroy' : 'apply'} again to finish: it picks up the operations left running.`,
      exitCode: ExitCode.interrupted,
    });
  }
  if (!result.complete) {
    const failed = failures.length === 1 ? 'An operation' : `${failures.length} operations`;
    const skipped = walk.skipped.length === 0 ? '' : `, and ${walk.skipped.length} that depended on ${failures.length === 1 ? 'it' : 'them'} were skipped`;
    throw new CliError({
      code: 'APPLY_FAILED',
      problem: `${failed} failed (${report.json ? failures.map((failure) => failure.id).join(', ') : 'shown above'})${skipped}`,
      fix: 'The state records what succeeded. Fix the cause and run the command again.',
    });
  }
}

function printHuman(runtime: Runtime, report: ApplyReport, parts: { counts: { added: number; changed: number; destroyed: number }; failures: ApplyResult['walk']['failed']; leftRunning: readonly LeftRunning[] }): void {
  const { output } = runtime;
  const { colors } = output.stdout;
  const { result, plan } = report;
  if (result.diagnostics.length > 0) output.text(renderDiagnostics(result.diagnostics, { color: colors.isColorSupported, width: output.stdout.columns }));
  for (const failure of parts.failures) {
    const { message, code, requestId } = describeError(failure.error);
    output.stderr.write(`${output.stderr.colors.red(output.stderr.colors.bold('Error:'))} ${failure.id}: ${runtime.redact(message)} ${output.stderr.colors.dim(`(code ${code}${requestId === undefined ? '' : `, request ${requestId}`})`)}\n`);
  }
  if (result.walk.skipped.length > 0) output.note(`Skipped because something they depend on failed: ${result.walk.skipped.map((skip) => skip.id).join(', ')}`);
  if (report.interrupted) {
    if (parts.leftRunning.length > 0) {
      output.note(colors.yellow('Interrupted while running (recorded as pending in the state; the next apply picks them up):'));
      for (const item of parts.leftRunning) {
        output.note(
          item.jobId === undefined && item.objectId === undefined
            ? `  ${item.address}: stopped before the server answered; the next apply sends it again with the same idempotency key, so it is not done twice`
            : `  ${item.address}: still running on the server (${[item.jobId === undefined ? undefined : `job ${item.jobId}`, item.objectId === undefined ? undefined : `id ${item.objectId}`].filter(Boolean).join(', ')})`,
        );
      }
    } else {
      output.note('Nothing was left running.');
    }
    if (result.walk.notStarted.length > 0) output.note(`Not started: ${result.walk.notStarted.join(', ')}`);
  }
  if (result.complete) {
    const { added, changed, destroyed } = parts.counts;
    output.line();
    output.line(
      colors.green(
        colors.bold(
          plan.mode === 'destroy' ? `Destroy complete! Resources: ${destroyed} destroyed.` : `Apply complete! Resources: ${added} added, ${changed} changed, ${destroyed} destroyed.`,
        ),
      ),
    );
    if (plan.mode !== 'destroy' && Object.keys(result.outputs).length > 0) {
      output.line();
      output.line(colors.green('Outputs:'));
      output.line();
      output.line(formatOutputs(result.outputs));
    }
  }
}

function errorJson(error: unknown): { error: string; code: string; request_id: string | null } {
  const described = describeError(error);
  return { error: described.message, code: described.code, request_id: described.requestId ?? null };
}
