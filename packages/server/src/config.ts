import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ServerOptions } from './server.js';

/**
 * Standalone configuration: defaults < config file < environment < command-line flags. The file
 * is JSON: `{ "dataDir", "port", "host", "regions": [{ "regionId", "root?", "description?" }],
 * "integrations": { "<id>": "<directory>" }, "rateLimitPerSecond" }`.
 */
const configSchema = z.strictObject({
  dataDir: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  regions: z
    .array(z.strictObject({ regionId: z.string().min(1), root: z.string().min(1).optional(), description: z.string().optional() }))
    .min(1)
    .optional(),
  integrations: z.record(z.string(), z.string().min(1)).optional(),
  rateLimitPerSecond: z.number().positive().optional(),
});
export type ServerConfig = z.infer<typeof configSchema>;

export const defaultServerConfig = { dataDir: '.lifeboat', port: 7433, host: '127.0.0.1' } as const;

function fail(message: string): never {
  throw new Error(message);
}

/** Reads flags (`--data-dir`, `--port`, `--host`, `--config`), env (`LIFEBOAT_DATA_DIR`, `LIFEBOAT_PORT`, `LIFEBOAT_HOST`, `LIFEBOAT_CONFIG`) and the config file. */
export async function loadServerConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<ServerOptions & { port: number; host: string; dataDir: string }> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!['--data-dir', '--port', '--host', '--config'].includes(name)) {
      fail(`Unknown option ${arg}. Options: --data-dir DIR, --port N, --host ADDR, --config FILE (--help says more).`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${name} needs a value.`);
    flags.set(name, value);
  }
  const configPath = flags.get('--config') ?? env.LIFEBOAT_CONFIG;
  let file: ServerConfig = {};
  if (configPath !== undefined) {
    const text = await readFile(configPath, 'utf8').catch((error: unknown) => fail(`Cannot read config file ${configPath}: ${(error as Error).message}`));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      fail(`Invalid config file ${configPath}: it is not JSON (${(error as Error).message}).`);
    }
    const parsed = configSchema.safeParse(json);
    if (!parsed.success) {
      fail(`Invalid config file ${configPath}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    file = parsed.data;
  }
  const portText = flags.get('--port') ?? env.LIFEBOAT_PORT;
  const port = portText === undefined ? (file.port ?? defaultServerConfig.port) : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid port ${portText ?? ''}: use 0–65535.`);
  return {
    ...file,
    dataDir: flags.get('--data-dir') ?? env.LIFEBOAT_DATA_DIR ?? file.dataDir ?? defaultServerConfig.dataDir,
    host: flags.get('--host') ?? env.LIFEBOAT_HOST ?? file.host ?? defaultServerConfig.host,
    port,
  };
}
