import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '../../src/expressions/index.js';
import { parseState, TERRAFORM_VERSION } from '../../src/state/index.js';
import type { StateSnapshot } from '../../src/state/types.js';
import type { Placeholders } from './placeholders.js';
import type { ScenarioSetup } from './seed.js';

/** `options.json`: the command-line flags of the plan. All optional. */
export interface ScenarioOptions {
  /** `-var` values; lists and maps are passed as the HCL text a shell user would type. */
  readonly vars?: Readonly<Record<string, JsonValue>>;
  readonly targets?: readonly string[];
  readonly excludes?: readonly string[];
  /** `-replace=ADDR`. */
  readonly replace?: readonly string[];
  readonly mode?: 'destroy' | 'refresh-only';
  /** `-refresh=false`. @default true */
  readonly refresh?: boolean;
}

/** One case folder, read but not yet filled in with the ids of a run. */
export interface Scenario {
  readonly name: string;
  readonly dir: string;
  /** First line of the folder's README.md, or the folder name. */
  readonly description: string;
  readonly setup: ScenarioSetup;
  readonly expectedFile: string;
  /** Flags, with placeholders filled in. */
  options(placeholders: Placeholders): ScenarioOptions;
  /** The prior state (empty when there is no state.json), with placeholders filled in. */
  state(placeholders: Placeholders): StateSnapshot;
}

export const scenariosDir = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

/** Every folder holding at least one `*.tf.json`, by name. */
export function scenarioNames(): string[] {
  return readdirSync(scenariosDir)
    .filter((name) => statSync(join(scenariosDir, name)).isDirectory() && readdirSync(join(scenariosDir, name)).some((file) => file.endsWith('.tf.json')))
    .sort();
}

export function readScenario(name: string): Scenario {
  const dir = join(scenariosDir, name);
  const text = (file: string): string | undefined => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined);
  const readme = text('README.md')
    ?.split('\n')
    .map((line) => line.replace(/^#+\s*/, '').trim())
    .find((line) => line !== '');
  const setupText = text('setup.json');
  const optionsText = text('options.json');
  const stateText = text('state.json');
  return {
    name,
    dir,
    description: readme ?? name,
    setup: setupText === undefined ? {} : (JSON.parse(setupText) as ScenarioSetup),
    expectedFile: join(dir, 'expected.txt'),
    options: (placeholders) => (optionsText === undefined ? {} : (JSON.parse(placeholders.fill(optionsText, `${name}/options.json`)) as ScenarioOptions)),
    state: (placeholders) => {
      // state.json holds what matters (resources, outputs); the bookkeeping fields default, so a
      // fixture stays short. parseState then checks it like any state read from disk.
      const recorded = stateText === undefined ? {} : (JSON.parse(placeholders.fill(stateText, `${name}/state.json`)) as object);
      const snapshot = { version: 4, terraform_version: TERRAFORM_VERSION, serial: 1, lineage: `scenario-${name}`, outputs: {}, resources: [], check_results: null, ...recorded };
      return parseState(JSON.stringify(snapshot), `${name}/state.json`);
    },
  };
}

/** A `-var` value as typed on a command line: strings as they are, lists and maps in HCL. */
export function varText(value: JsonValue): string {
  return typeof value === 'string' ? value : hcl(value);
}

function hcl(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(hcl).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)} = ${hcl(item)}`).join(', ')} }`;
  return JSON.stringify(value);
}
