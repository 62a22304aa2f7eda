import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifeboat } from '@lifeboat/sdk';
import { startServer, type RunningServer } from '@lifeboat/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors, loadConfiguration, resolveVariables, validateConfiguration } from '../../src/config/index.js';
import { plan } from '../../src/plan/planner.js';
import { renderDiagnostics, renderPlan } from '../../src/render/index.js';
import { expectGolden } from '../render/golden.js';
import { readScenario, scenarioNames, varText, type Scenario } from './scenario.js';
import { seed } from './seed.js';

/**
 * Engine scenarios: each folder of test/fixtures/scenarios is a configuration, the objects that
 * exist on a real server, a prior state and the flags of one `plan`; expected.txt is what the
 * user would read. See test/fixtures/scenarios/README.md for the folder format, and rewrite the
 * expected files with `UPDATE_GOLDEN=1 npx vitest run --project engine test/scenarios`.
 */

const names = scenarioNames();
let server: RunningServer;
let client: Lifeboat;
let work: string;
/** Each case seeds its clusters in its own project, so cluster names repeat freely between cases. */
const projectIds = new Map<string, string>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-scenarios-'));
  server = await startServer({ dataDir: join(work, 'server'), runner: { leaseMs: 2000, pollMs: 20 }, rateLimitPerSecond: 100_000, projects: names });
  client = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey });
  for (const project of await client.projects.list()) projectIds.set(project.projectName, project.projectId);
}, 30_000);

afterAll(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** Plans the scenario against the server and renders what `lifeboat plan` would print. */
async function run(scenario: Scenario): Promise<string> {
  const placeholders = await seed({ client, setup: scenario.setup, projectId: projectIds.get(scenario.name) ?? '', serverUrl: server.url });
  const options = scenario.options(placeholders);
  const loaded = await loadConfiguration({ dir: scenario.dir });
  const variables = await resolveVariables(loaded.configuration, { vars: Object.fromEntries(Object.entries(options.vars ?? {}).map(([name, value]) => [name, varText(value)])), env: {} });
  const found = [...loaded.diagnostics, ...validateConfiguration(loaded.configuration), ...variables.diagnostics];
  // Like the CLI: a configuration with errors is not planned at all.
  if (hasErrors(found)) return placeholders.restore(renderDiagnostics(found, { color: false }));

  const planned = await plan({
    configuration: loaded.configuration,
    variables: Object.fromEntries(variables.values),
    state: scenario.state(placeholders),
    client,
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
    ...(options.targets === undefined ? {} : { targets: options.targets }),
    ...(options.excludes === undefined ? {} : { excludes: options.excludes }),
    ...(options.replace === undefined ? {} : { replace: options.replace }),
  });
  if (scenario.setup.changedOutside === undefined) {
    // Without changes made outside, state.json must describe the server exactly; otherwise the
    // case would quietly test drift it does not mean to (drift without a change is not shown).
    // A move is reported as drift without a change (a no-op); it is not a difference from the server.
    const differences = planned.resourceDrift.filter((drift) => drift.actions[0] !== 'no-op');
    expect(differences.map((drift) => drift.address), `${scenario.name}: state.json differs from the objects setup.json creates`).toEqual([]);
  }
  return placeholders.restore(renderPlan(planned, { color: false }) + renderDiagnostics(found, { color: false }));
}

describe('engine scenarios (test/fixtures/scenarios)', () => {
  for (const name of names) {
    const scenario = readScenario(name);
    const title = scenario.description === name ? name : `${name}: ${scenario.description}`;
    it(title, async () => {
      expectGolden(await run(scenario), scenario.expectedFile);
    }, 20_000);
  }
});
