/**
 * Saved plans (`plan -out=FILE`, `apply FILE`): a plan written to disk and applied later,
 * exactly as planned. Apply refuses one whose state moved on since (`STALE_PLAN`).
 */
import { readFile } from 'node:fs/promises';
import { configurationFromJson, configurationToJson, type ConfigurationJson } from '../config/serialize.js';
import type { Configuration } from '../config/model.js';
import { writeFileAtomic } from '../internal/atomic-file.js';
import type { Plan } from '../plan/types.js';
import { InvalidPlanFileError, PlanFileNotFoundError } from './errors/plan-file.js';
import { describeIssues, isPlainObject, savedPlanSchema } from './internal/plan-file-schema.js';

/** What the file says it is, so another tool's JSON is told apart from a damaged plan. */
export const PLAN_FILE_FORMAT = 'lifeboat-saved-plan';

/** The layout of the file; a reader refuses a higher one rather than misapply it. */
export const PLAN_FILE_VERSION = 1;

/** A saved plan on disk: the plan with its configuration's maps written as `[name, value]` lists. */
export interface PlanFile {
  readonly format: typeof PLAN_FILE_FORMAT;
  readonly version: typeof PLAN_FILE_VERSION;
  readonly plan: Omit<Plan, 'configuration'> & { readonly configuration: ConfigurationJson };
}

/**
 * Writes a plan to `path`, replacing any file there atomically (a crash leaves the old file or
 * the new one, never half of each).
 *
 * The file is readable by its owner only (mode 0600): like a state file it holds values in
 * clear, including sensitive ones — input variables, the configuration, and the prior state
 * with attributes such as a restored cluster's password. Keep it out of version control.
 *
 * @example
 * const planned = await plan({ configuration, variables, state, client });
 * await writePlanFile('release.lbplan', planned);
 * // later, perhaps in another process:
 * await apply({ plan: await readPlanFile('release.lbplan'), backend, client });
 */
export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  const file: PlanFile = {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    plan: { ...plan, configuration: configurationToJson(plan.configuration as Configuration) },
  };
  await writeFileAtomic(path, `${JSON.stringify(file)}\n`, 0o600);
}

/**
 * Reads a plan written by {@link writePlanFile}, checked before it is returned: its format and
 * version, the state identity it was made for (lineage and serial, which apply compares with
 * the current state), and the shape of everything apply reads.
 *
 * @throws {PlanFileNotFoundError} when there is no file at `path`.
 * @throws {InvalidPlanFileError} when the file is not JSON, is another tool's file (a Terraform
 *   plan, a state file), was written by a newer Lifeboat, or is damaged.
 */
export async function readPlanFile(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PlanFileNotFoundError({ path, cause: error });
    throw error;
  }
  const invalid = (problem: string, fix?: string, cause?: unknown) =>
    new InvalidPlanFileError({ path, problem, ...(fix === undefined ? {} : { fix }), ...(cause === undefined ? {} : { cause }) });

  // Terraform's saved plans are zip archives.
  if (text.startsWith('PK')) throw invalid('it is a Terraform plan file (a zip archive)', 'Plan with `lifeboat plan -out=FILE` and apply that file with Lifeboat.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not valid JSON (${(error as Error).message}); it may have been cut short or edited`, undefined, error);
  }
  if (!isPlainObject(value) || value.format !== PLAN_FILE_FORMAT) {
    const looksLikeState = isPlainObject(value) && 'lineage' in value && 'resources' in value;
    throw invalid(
      looksLikeState ? 'it is a state file, not a plan' : `it has no "format": "${PLAN_FILE_FORMAT}" marker, so it was not written by \`lifeboat plan -out\``,
      looksLikeState ? 'Pass the file written by `lifeboat plan -out=FILE`, not the state.' : undefined,
    );
  }
  const { version } = value;
  if (version !== PLAN_FILE_VERSION) {
    const newer = typeof version === 'number' && version > PLAN_FILE_VERSION;
    throw invalid(
      newer ? `it uses saved plan format ${version}, and this Lifeboat reads only format ${PLAN_FILE_VERSION}` : `its "version" is ${JSON.stringify(version) ?? 'missing'}, expected ${PLAN_FILE_VERSION}`,
      newer ? 'Apply it with the Lifeboat release that wrote it, or plan again with this one.' : undefined,
    );
  }
  const parsed = savedPlanSchema.safeParse(value.plan);
  if (!parsed.success) throw invalid(`it is damaged (plan.${describeIssues(parsed.error)})`, undefined, parsed.error);
  // The state identity is what makes a stale plan detectable; a mismatch means the file was edited.
  const { lineage, serial, priorState } = parsed.data;
  if (priorState.lineage !== lineage || priorState.serial !== serial) {
    throw invalid(`it is damaged (it says it was made for state ${lineage} serial ${serial}, but the state it records is ${priorState.lineage} serial ${priorState.serial})`);
  }
  // The checked input, not zod's copy: the schema transforms nothing, and plans can be large.
  const plan = value.plan as PlanFile['plan'];
  return { ...plan, configuration: configurationFromJson(plan.configuration) };
}
