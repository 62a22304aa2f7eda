/**
 * Which control plane a command talks to, in this order: flags (`--endpoint`, `--api-key`),
 * the environment (`LIFEBOAT_ENDPOINT`, `LIFEBOAT_API_KEY`), the configuration's `provider
 * "lifeboat"` block, and otherwise the embedded server on `.lifeboat/` in the working directory.
 * Each setting is taken from the first place that has it; the endpoint decides which one is
 * reported.
 */

/** The settings of a `provider "lifeboat"` block, evaluated. */
export interface ProviderSettings {
  readonly endpoint?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly projectId?: string | undefined;
  /** Where the block is, for messages: `main.tf.json`. */
  readonly file: string;
}

/** The global flags that choose a server. */
export interface EndpointFlags {
  readonly endpoint?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly project?: string | undefined;
}

/** Where the endpoint came from. */
export type EndpointSource = 'flag' | 'env' | 'provider' | 'embedded';

/** A server named by flags, environment or provider block. */
export interface RemoteEndpoint {
  readonly kind: 'remote';
  readonly source: Exclude<EndpointSource, 'embedded'>;
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly projectId: string | undefined;
  /** Where it came from, as the first line says it: `from LIFEBOAT_ENDPOINT`. */
  readonly origin: string;
}

/** No server named: the embedded one on `dataDir`. */
export interface EmbeddedEndpoint {
  readonly kind: 'embedded';
  readonly source: 'embedded';
  readonly dataDir: string;
  readonly projectId: string | undefined;
}

export type EndpointChoice = RemoteEndpoint | EmbeddedEndpoint;

/** What {@link chooseEndpoint} weighs. */
export interface EndpointInputs {
  readonly flags: EndpointFlags;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly provider?: ProviderSettings | undefined;
  /** The embedded server's data directory (absolute). */
  readonly dataDir: string;
}

const set = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** Picks the endpoint and its credentials; pure, so every precedence rule is unit-tested. */
export function chooseEndpoint(inputs: EndpointInputs): EndpointChoice {
  const { flags, env, provider } = inputs;
  const apiKey = set(flags.apiKey) ?? set(env['LIFEBOAT_API_KEY']) ?? set(provider?.apiKey);
  const projectId = set(flags.project) ?? set(env['LIFEBOAT_PROJECT_ID']) ?? set(provider?.projectId);
  const remote = (source: RemoteEndpoint['source'], baseUrl: string, origin: string): RemoteEndpoint => ({ kind: 'remote', source, baseUrl, apiKey, projectId, origin });

  const fromFlag = set(flags.endpoint);
  if (fromFlag !== undefined) return remote('flag', fromFlag, 'from --endpoint');
  const fromEnv = set(env['LIFEBOAT_ENDPOINT']);
  if (fromEnv !== undefined) return remote('env', fromEnv, 'from LIFEBOAT_ENDPOINT');
  const fromProvider = set(provider?.endpoint);
  if (fromProvider !== undefined && provider !== undefined) return remote('provider', fromProvider, `from the lifeboat provider block in ${provider.file}`);
  // The embedded server's owner key is read from its data directory; a key given for some other
  // server would be refused by it.
  return { kind: 'embedded', source: 'embedded', dataDir: inputs.dataDir, projectId };
}
