/**
 * One `plan` + `apply` in a process of its own, so a test can SIGKILL it part way. Started by
 * `spawnApplyChild` (apply-child.ts) as `node --conditions=@lifeboat/source --import tsx apply-process.ts`.
 *
 * Environment:
 * - `LIFEBOAT_ENDPOINT`, `LIFEBOAT_API_KEY`: the server the test started, and its owner key;
 * - `APPLY_CONFIG_DIR`: the `*.tf.json` directory; `APPLY_STATE_PATH`: the local state file;
 * - `APPLY_VARS`: `-var` values as a JSON object of strings;
 * - `APPLY_PARALLELISM`: apply's parallelism (default 10);
 * - `APPLY_CRASH_AFTER` (optional): `<event>:<n>` — the process SIGKILLs itself right after the
 *   n-th journal entry of that event is durable (`pending`, `accepted`, `put-instance`), to stop
 *   at a point an outside kill can only hit by luck.
 *
 * Prints one line per event, flushed before the next step (stdout to a pipe is synchronous on
 * Linux): `applying <n creates>`, `start <address>`, `journal <event> <address>`,
 * `done <address>`, `error <address> <message>`, and `complete <true|false>` at the end.
 */
import { Lifeboat } from '@lifeboat/sdk';
import { apply } from '../../src/apply/apply.js';
import { loadConfiguration } from '../../src/config/load.js';
import { resolveVariables } from '../../src/config/variables.js';
import { plan } from '../../src/plan/planner.js';
import { emptyState, LocalStateBackend, type JournalEntry, type StateBackend } from '../../src/state/index.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`apply-process: ${name} is not set.`);
  return value;
}

/** `pending` entries are two events: the key recorded before the call, and the server's ids once it accepted. */
function eventOf(entry: JournalEntry): { event: string; address: string } {
  switch (entry.kind) {
    case 'pending':
      return { event: entry.operation.objectId === undefined ? 'pending' : 'accepted', address: entry.operation.address };
    case 'outputs':
      return { event: 'outputs', address: '-' };
    default:
      return { event: entry.kind, address: entry.address };
  }
}

/** The backend, reporting each entry once it is durable, and crashing on cue. */
function reporting(backend: StateBackend, crashAfter: { event: string; count: number } | undefined): StateBackend {
  const seen = new Map<string, number>();
  return {
    describe: () => backend.describe(),
    read: () => backend.read(),
    write: (state) => backend.write(state),
    lock: (operation, info) => backend.lock(operation, info),
    forceUnlock: (id) => backend.forceUnlock(id),
    currentLock: () => backend.currentLock(),
    close: () => backend.close(),
    append: async (entry) => {
      await backend.append(entry);
      const { event, address } = eventOf(entry);
      say(`journal ${event} ${address}`);
      const count = (seen.get(event) ?? 0) + 1;
      seen.set(event, count);
      if (crashAfter?.event === event && crashAfter.count === count) process.kill(process.pid, 'SIGKILL');
    },
  };
}

const crashSpec = process.env['APPLY_CRASH_AFTER'];
const [crashEvent, crashCount] = crashSpec === undefined || crashSpec === '' ? [] : crashSpec.split(':');
const crashAfter = crashEvent === undefined ? undefined : { event: crashEvent, count: Number(crashCount ?? '1') };

const client = new Lifeboat({ baseUrl: required('LIFEBOAT_ENDPOINT'), apiKey: required('LIFEBOAT_API_KEY') });
const backend = reporting(new LocalStateBackend({ path: required('APPLY_STATE_PATH') }), crashAfter);
const { configuration, diagnostics } = await loadConfiguration({ dir: required('APPLY_CONFIG_DIR') });
const variables = await resolveVariables(configuration, { vars: JSON.parse(process.env['APPLY_VARS'] ?? '{}') as Record<string, string>, env: {} });
const problems = [...diagnostics, ...variables.diagnostics].filter((d) => d.severity === 'error');
if (problems.length > 0) throw new Error(`apply-process: invalid configuration: ${JSON.stringify(problems)}`);

const planned = await plan({ configuration, variables: Object.fromEntries(variables.values), state: (await backend.read()) ?? emptyState(), client });
if (planned.errored) throw new Error(`apply-process: the plan has errors: ${JSON.stringify(planned.diagnostics)}`);
say(`applying ${planned.resourceChanges.filter((c) => (c.actions as readonly string[]).includes('create')).length}`);
const result = await apply({
  plan: planned,
  backend,
  client,
  parallelism: Number(process.env['APPLY_PARALLELISM'] ?? '10'),
  hooks: {
    onResourceStart: ({ address }) => say(`start ${address}`),
    onResourceDone: ({ address }) => say(`done ${address}`),
    onResourceError: ({ address, error }) => say(`error ${address} ${error.message.replaceAll('\n', ' ')}`),
  },
});
say(`complete ${String(result.complete)}`);
await backend.close();
