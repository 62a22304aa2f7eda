import { controlPlaneEndpoints, type ApiKey, type CreateApiKeyRequest, type CreateApiKeyResult } from '@lifeboat/api';
import type { Transport } from '../internal/transport.js';
import type { CallOptions } from '../options.js';

/** API keys: who may do what, in which projects. */
export class ApiKeysApi {
  readonly #transport: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Creates a key. The secret (`apiKey`) appears only in this result. */
  async create(request: CreateApiKeyRequest, options?: CallOptions): Promise<CreateApiKeyResult> {
    return (await this.#transport.call(controlPlaneEndpoints.createApiKey, { body: request }, options)).data;
  }

  /** Every key, without secrets. */
  async list(options?: CallOptions): Promise<ApiKey[]> {
    return (await this.#transport.call(controlPlaneEndpoints.listApiKeys, {}, options)).data.apiKeys;
  }

  /** Deletes a key; calls made with it fail from then on. */
  async delete(apiKeyId: string, options?: CallOptions): Promise<{ apiKeyId: string }> {
    return (await this.#transport.call(controlPlaneEndpoints.deleteApiKey, { params: { apiKeyId } }, options)).data;
  }
}
