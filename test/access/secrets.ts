import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { isLifeboatError, Lifeboat } from '@lifeboat/sdk';
import type { Logger, RunningServer } from '@lifeboat/server';
import { expect } from 'vitest';
import { bundleEntry } from '../support/bundle.js';
import { formatCounts, recordReport } from '../support/figures.js';

const startedAt = Date.now();

/** A logger that keeps every entry, at every level, as text. */
export function capturingLogger(): { readonly logger: Logger; readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (fields: Record<string, unknown>, message?: string) => void lines.push(`${level} ${message ?? ''} ${inspect(fields, { depth: null })}`);
  return { lines, logger: { info: keep('info'), warn: keep('warn'), error: keep('error') } };
}

/** The parts of a key that must never show: the whole key and its secret (`lbk_<id>_<secret>`). */
function secretsOf(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [key, key.slice(key.indexOf('_', 4) + 1)]);
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 8)}…`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** Every file of a data directory holds no key, except `owner.key`, which holds the owner's and is 0600. */
async function checkDataDir(dataDir: string, ownerKey: string, secrets: readonly string[]): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  const files = await filesUnder(dataDir);
  for (const path of files) {
    const content = (await readFile(path)).toString('latin1');
    bytes += content.length;
    if (path === join(dataDir, 'owner.key')) {
      expect(content.trim()).toBe(ownerKey);
      expect((await stat(path)).mode & 0o777, 'mode of owner.key').toBe(0o600);
      continue;
    }
    expect(leaks(content, secrets), `a key in ${path}`).toEqual([]);
  }
  return { files: files.length, bytes };
}

/** Keys that are not keys: forged, malformed, or a real id with a wrong secret. */
function impostors(realKey: string): string[] {
  const id = realKey.slice(4, realKey.indexOf('_', 4));
  return [`lbk_${id}_${'A'.repeat(43)}`, 'lbk_0123456789ab_forgedforgedforgedforgedforgedforged0123456', 'not-a-key-at-all-but-secret-looking-0123456789', `${realKey}x`];
}

/** Raw requests with keys that are not valid: 401, and the presented key is not repeated anywhere. */
async function tryImpostors(url: string, realKey: string): Promise<{ answers: string[]; presented: string[] }> {
  const presented = impostors(realKey);
  const answers: string[] = [];
  for (const key of presented) {
    for (const path of ['/v2/clusters', '/v2/backups?pageSize=1', '/v2/nowhere']) {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } });
      const text = await response.text();
      // An unknown route is not found whoever asks; a known one needs a valid key.
      expect(response.status, `${path} with an impostor key`).toBe(path === '/v2/nowhere' ? 404 : 401);
      answers.push(text);
    }
  }
  return { answers, presented };
}

/** SDK errors of every kind a key can run into, inspected in depth: none shows the key. */
async function sdkErrors(server: RunningServer, readerKey: string, secrets: readonly string[]): Promise<Record<string, number>> {
  const kinds: Record<string, number> = {};
  const reader = new Lifeboat({ baseUrl: server.url, apiKey: readerKey, retry: false });
  const forged = new Lifeboat({ baseUrl: server.url, apiKey: impostors(readerKey)[0], retry: false });
  const nowhere = new Lifeboat({ baseUrl: 'http://127.0.0.1:9', apiKey: readerKey, retry: false, timeoutMs: 2000 });
  const attempts: (() => Promise<unknown>)[] = [
    () => reader.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: 'denied', cuSize: 1 }),
    () => reader.apiKeys.list(),
    () => reader.clusters.get('in01-0000000000000000'),
    () => reader.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: '../bad', cuSize: 1 }),
    () => forged.projects.list(),
    () => nowhere.projects.list(),
  ];
  for (const attempt of attempts) {
    const error = await attempt().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isLifeboatError(error), inspect(error)).toBe(true);
    const shown = [inspect(error, { depth: null, showHidden: true }), JSON.stringify(error), String(error), (error as Error).stack ?? ''].join('\n');
    expect(leaks(shown, secrets), `a key in a ${(error as Error).name}`).toEqual([]);
    kinds[(error as Error).name] = (kinds[(error as Error).name] ?? 0) + 1;
  }
  return kinds;
}

/** The standalone `lifeboat-server`: what it prints, and the files it makes, hold no key. */
async function standaloneServer(): Promise<{ output: string; dataDir: string; ownerKey: string; readerKey: string; cleanup: () => Promise<void> }> {
  const entry = await bundleEntry(new URL('../../packages/server/src/bin.ts', import.meta.url));
  const dataDir = await mkdtemp(join(tmpdir(), 'lifeboat-standalone-'));
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (url === undefined) {
    url = /Lifeboat server on (http:\/\/\S+) /.exec(output)?.[1];
    if (Date.now() > deadline) throw new Error(`lifeboat-server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ownerKey = (await readFile(join(dataDir, 'owner.key'), 'utf8')).trim();
  const owner = new Lifeboat({ baseUrl: url, apiKey: ownerKey, retry: false });
  const { apiKey } = await owner.apiKeys.create({ name: 'standalone', role: 'PROJECT_READ', projectIds: [(await owner.projects.list())[0]?.projectId ?? ''] });
  await owner.clusters.get('in01-0000000000000000').catch(() => undefined);
  await tryImpostors(url, apiKey);
  child.kill('SIGTERM');
  await exited;
  return { output, dataDir, ownerKey, readerKey: apiKey, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * Looks for keys wherever they could leak: the server's log, every answer, 401 answers to keys
 * that are not valid, SDK errors in depth, every file of the data directory (metadata, WAL,
 * clusters, regions), and the standalone server's output and files. Records the access figures.
 */
export async function checkSecrets(input: {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly keys: readonly string[];
  /** A PROJECT_READ key of the server's default project, to run into refusals with. */
  readonly readerKey: string;
  readonly logLines: readonly string[];
  readonly answerBodies: readonly string[];
  readonly matrix: { readonly rows: Readonly<Record<string, number>>; readonly callers: number; readonly endpoints: number };
}): Promise<void> {
  const { server, keys } = input;
  const reader = input.readerKey;
  const impostorAnswers = await tryImpostors(server.url, reader);
  const secrets = secretsOf([...keys, ...impostorAnswers.presented]);
  const errorKinds = await sdkErrors(server, reader, secretsOf(keys));
  expect(leaks(input.logLines.join('\n'), secrets), 'a key in the server log').toEqual([]);
  expect(leaks([...input.answerBodies, ...impostorAnswers.answers].join('\n'), secrets), 'a key in an answer').toEqual([]);
  // A cluster's password is shown once and never stored either.
  const owner = new Lifeboat({ baseUrl: server.url, apiKey: server.ownerApiKey, retry: false });
  const { password } = await owner.clusters.create({ projectId: server.defaultProjectId, regionId: 'local-1', clusterName: 'with-a-password', cuSize: 1 });
  const files = await checkDataDir(input.dataDir, server.ownerApiKey, [...secretsOf(keys.filter((key) => key !== server.ownerApiKey)), password]);

  const standalone = await standaloneServer();
  const standaloneLines = standalone.output.split('\n').length;
  try {
    expect(leaks(standalone.output, secretsOf([standalone.ownerKey, standalone.readerKey])), 'a key in the output of lifeboat-server').toEqual([]);
    await checkDataDir(standalone.dataDir, standalone.ownerKey, secretsOf([standalone.readerKey]));
  } finally {
    await standalone.cleanup();
  }

  const total = Object.values(input.matrix.rows).reduce((sum, n) => sum + n, 0);
  await recordReport({
    suite: 'access',
    title: 'Access',
    summary: `access: ${total} endpoint × caller rows asserted, 0 keys leaked`,
    tried:
      `Every endpoint of the API (${input.matrix.endpoints}) called by ${input.matrix.callers} kinds of caller: ORG_OWNER, PROJECT_ADMIN and PROJECT_READ of the project, ` +
      'CUSTOM with each privilege alone, PROJECT_ADMIN of another project, and no key; the expected outcome of each row comes from the roles as API.md states them. ' +
      'Then keys were looked for wherever they could leak, including keys that are not valid (forged, malformed, a real id with a wrong secret).',
    held: [
      'every row was allowed or denied as API.md says, with 401 or 403 and the right code when denied; lists show a key only its projects',
      'no key and no secret in the server log (every level), in any answer, in SDK errors inspected in depth (permission, authentication, validation, not found, network), or in the output of lifeboat-server',
      'no key and no cluster password in any file of the data directory (metadata, WAL, clusters, regions) except owner.key, which holds the owner key with mode 0600, for the in-process and the standalone server',
    ],
    figures: [
      ['Rows asserted', `${total}: ${formatCounts(input.matrix.rows)}`],
      ['Keys looked for', `${keys.length} valid, ${impostorAnswers.presented.length} not valid`],
      ['Log entries searched', `${input.logLines.length} of the in-process server, ${standaloneLines} lines printed by lifeboat-server`],
      ['Answers searched', input.answerBodies.length + impostorAnswers.answers.length],
      ['SDK errors inspected', formatCounts(errorKinds)],
      ['Data directory files searched', `${files.files} (${(files.bytes / 1024 / 1024).toFixed(1)} MB)`],
    ],
    durationMs: Date.now() - startedAt,
  });
}
