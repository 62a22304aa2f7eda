// Generated from the provider settings of scripts/generator/provider-schema.ts by `npm run generate -w packages/cdktf-provider`.
// Do not edit: change the schema and run the generator again; a test fails when this file is stale.
import type { Construct } from 'constructs';
import { stringToHclTerraform, stringToTerraform, TerraformProvider } from '../../cdktf.js';
import { definedHclAttributes } from '../../internal/generated-support.js';

/**
 * Configuration of {@link LifeboatProvider}.
 */
export interface LifeboatProviderConfig {
  /**
   * Base URL of the control plane, such as `http://127.0.0.1:7433`. LIFEBOAT_ENDPOINT (or `--endpoint`) takes precedence; with none of them, the embedded server runs on the `.lifeboat/` data directory.
   *
   * Optional string. Synthesized as `endpoint`.
   */
  readonly endpoint?: string;
  /**
   * API key. LIFEBOAT_API_KEY (or `--api-key`) takes precedence and is the better place for it: a key set here is written into the synthesized JSON.
   *
   * Optional string. Sensitive: kept out of plans and logs. Synthesized as `api_key`.
   */
  readonly apiKey?: string;
  /**
   * The project to work in, for keys that can reach more than one. LIFEBOAT_PROJECT_ID (or `--project`) takes precedence.
   *
   * Optional string. Synthesized as `project_id`.
   */
  readonly projectId?: string;
  /**
   * A name for a second configuration of the provider; resources pick it with their `provider` meta-argument.
   */
  readonly alias?: string;
}

/**
 * The `lifeboat` provider: which control plane to talk to, with which key. Every setting is optional, and the environment (LIFEBOAT_ENDPOINT, LIFEBOAT_API_KEY, LIFEBOAT_PROJECT_ID) and the command line take precedence over it.
 *
 * Every stack that declares lifeboat resources needs one, as with any CDKTF provider.
 *
 * @example
 * new LifeboatProvider(stack, 'lifeboat');
 */
export class LifeboatProvider extends TerraformProvider {
  /**
   * The provider name resources are declared under.
   */
  public static readonly tfResourceType = 'lifeboat';

  private _endpoint: string | undefined;
  private _apiKey: string | undefined;
  private _projectId: string | undefined;
  private _alias: string | undefined;

  /**
   * @param scope - The scope in which to define this construct.
   * @param id - The scoped construct id; unique among its siblings.
   * @param config - The provider settings.
   */
  public constructor(scope: Construct, id: string, config: LifeboatProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'lifeboat',
      terraformGeneratorMetadata: { providerName: 'lifeboat', providerVersion: '0.1.0' },
      terraformProviderSource: 'lifeboat/lifeboat',
    });
    this._endpoint = config.endpoint;
    this._apiKey = config.apiKey;
    this._projectId = config.projectId;
    this._alias = config.alias;
  }

  /**
   * Base URL of the control plane, such as `http://127.0.0.1:7433`. LIFEBOAT_ENDPOINT (or `--endpoint`) takes precedence; with none of them, the embedded server runs on the `.lifeboat/` data directory.
   */
  public get endpoint(): string | undefined {
    return this._endpoint;
  }
  public set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  /**
   * Leaves `endpoint` out of the configuration.
   */
  public resetEndpoint(): void {
    this._endpoint = undefined;
  }
  /**
   * The value configured for `endpoint`, if any.
   */
  public get endpointInput(): string | undefined {
    return this._endpoint;
  }

  /**
   * API key. LIFEBOAT_API_KEY (or `--api-key`) takes precedence and is the better place for it: a key set here is written into the synthesized JSON.
   */
  public get apiKey(): string | undefined {
    return this._apiKey;
  }
  public set apiKey(value: string | undefined) {
    this._apiKey = value;
  }
  /**
   * Leaves `api_key` out of the configuration.
   */
  public resetApiKey(): void {
    this._apiKey = undefined;
  }
  /**
   * The value configured for `api_key`, if any.
   */
  public get apiKeyInput(): string | undefined {
    return this._apiKey;
  }

  /**
   * The project to work in, for keys that can reach more than one. LIFEBOAT_PROJECT_ID (or `--project`) takes precedence.
   */
  public get projectId(): string | undefined {
    return this._projectId;
  }
  public set projectId(value: string | undefined) {
    this._projectId = value;
  }
  /**
   * Leaves `project_id` out of the configuration.
   */
  public resetProjectId(): void {
    this._projectId = undefined;
  }
  /**
   * The value configured for `project_id`, if any.
   */
  public get projectIdInput(): string | undefined {
    return this._projectId;
  }

  /**
   * The alias of this provider configuration, if any.
   */
  public override get alias(): string | undefined {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }
  /**
   * Leaves `alias` out of the configuration.
   */
  public resetAlias(): void {
    this._alias = undefined;
  }
  /**
   * The value configured for `alias`, if any.
   */
  public get aliasInput(): string | undefined {
    return this._alias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      endpoint: stringToTerraform(this._endpoint),
      api_key: stringToTerraform(this._apiKey),
      project_id: stringToTerraform(this._projectId),
      alias: stringToTerraform(this._alias),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      endpoint: { value: stringToHclTerraform(this._endpoint), isBlock: false, type: 'simple', storageClassType: 'string' },
      api_key: { value: stringToHclTerraform(this._apiKey), isBlock: false, type: 'simple', storageClassType: 'string' },
      project_id: { value: stringToHclTerraform(this._projectId), isBlock: false, type: 'simple', storageClassType: 'string' },
      alias: { value: stringToHclTerraform(this._alias), isBlock: false, type: 'simple', storageClassType: 'string' },
    });
  }
}
