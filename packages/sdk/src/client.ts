import { DataPlane, type DataPlaneTarget } from './data-plane.js';
import { Transport } from './internal/transport.js';
import { normalizeLifeboatOptions, type LifeboatOptions, type NormalizedLifeboatOptions } from './options.js';
import { ApiKeysApi } from './resources/api-keys.js';
import { BackupsApi } from './resources/backups.js';
import { ClustersApi } from './resources/clusters.js';
import { JobsApi } from './resources/jobs.js';
import { CopyPoliciesApi, PoliciesApi } from './resources/policies.js';
import { ProjectsApi, RegionsApi } from './resources/projects.js';

/**
 * Client of a Lifeboat (or Zilliz Cloud v2 compatible) backup control plane. Without options it
 * reads `LIFEBOAT_ENDPOINT` and `LIFEBOAT_API_KEY`. Clients are plain values: make as many as
 * you need, with different keys or servers.
 *
 * @example
 * import { Lifeboat } from '@lifeboat/sdk';
 *
 * const client = new Lifeboat({ baseUrl: 'http://127.0.0.1:7433', apiKey: process.env.LIFEBOAT_API_KEY });
 * const { job } = await client.backups.create({ clusterId: 'in01-3e5ad8adc38f0a1b', backupType: 'CLUSTER' });
 * await job.wait();
 */
export class Lifeboat {
  readonly projects: ProjectsApi;
  readonly regions: RegionsApi;
  readonly clusters: ClustersApi;
  readonly backups: BackupsApi;
  readonly policies: PoliciesApi;
  readonly copyPolicies: CopyPoliciesApi;
  readonly jobs: JobsApi;
  readonly apiKeys: ApiKeysApi;
  readonly #options: LifeboatOptions;
  readonly #transport: Transport;

  constructor(options: LifeboatOptions = {}) {
    this.#options = options;
    this.#transport = new Transport(normalizeLifeboatOptions(options));
    this.projects = new ProjectsApi(this.#transport);
    this.regions = new RegionsApi(this.#transport);
    this.clusters = new ClustersApi(this.#transport);
    this.backups = new BackupsApi(this.#transport);
    this.policies = new PoliciesApi(this.#transport);
    this.copyPolicies = new CopyPoliciesApi(this.#transport);
    this.jobs = new JobsApi(this.#transport);
    this.apiKeys = new ApiKeysApi(this.#transport);
  }

  /** The options in effect, after defaults and the environment. */
  get options(): NormalizedLifeboatOptions {
    return this.#transport.options;
  }

  /** The data plane of a local cluster, by id or by the cluster object (its `connectAddress`). */
  dataPlane(cluster: DataPlaneTarget): DataPlane {
    return new DataPlane(this.#transport, cluster);
  }

  /**
   * A new client with these options laid over this one's; hooks are appended, not replaced.
   * Fields set to `undefined` keep this client's value.
   *
   * @example
   * const traced = client.extend({ hooks: { beforeRequest: [({ request }) => request.headers.set('x-trace', id)] } });
   */
  extend(defaults: LifeboatOptions): Lifeboat {
    const base = this.#options.hooks ?? {};
    const more = defaults.hooks ?? {};
    const given = Object.fromEntries(Object.entries(defaults).filter(([, value]) => value !== undefined)) as LifeboatOptions;
    return new Lifeboat({
      ...this.#options,
      ...given,
      hooks: {
        beforeRequest: [...(base.beforeRequest ?? []), ...(more.beforeRequest ?? [])],
        afterResponse: [...(base.afterResponse ?? []), ...(more.afterResponse ?? [])],
        beforeRetry: [...(base.beforeRetry ?? []), ...(more.beforeRetry ?? [])],
        beforeError: [...(base.beforeError ?? []), ...(more.beforeError ?? [])],
      },
    });
  }
}
