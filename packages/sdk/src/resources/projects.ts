import { controlPlaneEndpoints, type Project, type Region } from '@lifeboat/api';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';

/** Projects the key can see. */
export class ProjectsApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Every project the key can see. */
  async list(options?: CallOptions): Promise<Project[]> {
    return (await this.#transport.call(controlPlaneEndpoints.listProjects, {}, options)).data;
  }
}

/** Regions backups can be stored in. */
export class RegionsApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Every region of the server. */
  async list(options?: CallOptions): Promise<Region[]> {
    return (await this.#transport.call(controlPlaneEndpoints.listRegions, {}, options)).data;
  }
}
