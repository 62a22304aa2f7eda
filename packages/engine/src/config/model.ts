/**
 * The parsed configuration: what `*.tf.json` (or a CDKTF stack's `cdk.tf.json`) declares, with
 * Terraform's meta-arguments pulled out of resource bodies. Plain data: the loader builds it, the
 * validator reads it, the planner evaluates it. Expressions are still raw JSON strings here.
 */
import type { JsonValue } from '../expressions/index.js';

/** A JSON object as read from a file. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** `managed` for `resource` blocks, `data` for `data` blocks. */
export type ResourceMode = 'managed' | 'data';

/** `lifecycle { … }` of a resource, with Terraform's defaults filled in. */
export interface Lifecycle {
  readonly preventDestroy: boolean;
  /** Attribute names (or paths such as `tags["owner"]`) as written, or `all`. */
  readonly ignoreChanges: readonly string[] | 'all';
  readonly createBeforeDestroy: boolean;
  /** References as written without `${ }`: `lifeboat_backup.before_migration.backup_id`. */
  readonly replaceTriggeredBy: readonly string[];
}

/** Per-resource time limits of long operations, in milliseconds. */
export interface Timeouts {
  readonly create?: number;
  readonly read?: number;
  readonly update?: number;
  readonly delete?: number;
}

/** One `resource` or `data` block. */
export interface ResourceBlock {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  /** `lifeboat_backup.b`, or `data.lifeboat_latest_backup.x` for a data source. */
  readonly address: string;
  /** The attributes only: meta-arguments (`count`, `lifecycle`, `//`…) are taken out. */
  readonly body: JsonObject;
  /** As written (a number or a `${…}` string); absent when not set. */
  readonly count?: JsonValue;
  /** As written, e.g. `${toset(var.clusters)}`; absent when not set. */
  readonly forEach?: JsonValue;
  /** Addresses as written without `${ }`: `lifeboat_backup_policy.nightly`. */
  readonly dependsOn: readonly string[];
  readonly lifecycle: Lifecycle;
  readonly timeouts?: Timeouts;
  /** The `provider` meta-argument without `${ }`: `lifeboat` or `lifeboat.dr`. */
  readonly provider?: string;
  /** The construct path CDKTF records in `"//": { "metadata": { "path" } }`, e.g. `primary/nightly/policy`. */
  readonly constructPath?: string;
  /** The construct's unique id from the same metadata. */
  readonly uniqueId?: string;
  /** The file it was read from, relative to the configuration directory. */
  readonly file: string;
}

/** One `variable` block. */
export interface VariableDeclaration {
  readonly name: string;
  /** The type constraint as written, `${ }` removed: `list(string)`. Absent means any type. */
  readonly type?: string;
  /** Absent when the variable is required; `null` is a default like any other. */
  readonly default?: JsonValue;
  readonly description?: string;
  readonly sensitive?: boolean;
  /** `false` forbids `null` as a value. Terraform's default is `true`. */
  readonly nullable?: boolean;
  /** `validation` blocks are kept but not evaluated (the validator warns). */
  readonly hasValidation?: boolean;
  readonly constructPath?: string;
  readonly file: string;
}

/** One `output` block. */
export interface OutputDeclaration {
  readonly name: string;
  readonly value: JsonValue;
  readonly sensitive?: boolean;
  readonly description?: string;
  readonly dependsOn: readonly string[];
  readonly constructPath?: string;
  readonly file: string;
}

/** One `provider` block, e.g. `provider "lifeboat" { alias = "dr" … }`. */
export interface ProviderBlock {
  /** `lifeboat`. */
  readonly name: string;
  readonly alias?: string;
  /** The settings (`endpoint`, `api_key`, `project_id`), without `alias` and `//`. */
  readonly config: JsonObject;
  readonly file: string;
}

/** One `import { to, id }` block. */
export interface ImportBlock {
  /** The target instance address, `${ }` removed: `lifeboat_backup.b["x"]`. */
  readonly to: string;
  /** The id to import, as the resource type's `import` expects it (may hold `${…}`). */
  readonly id: string;
  readonly file: string;
}

/** One `moved { from, to }` block: state recorded under `from` now belongs to `to`. */
export interface MovedBlock {
  readonly from: string;
  readonly to: string;
  readonly file: string;
}

/** Everything a configuration declares, merged over its files. */
export interface Configuration {
  /** The directory the configuration was loaded from (absolute). */
  readonly dir: string;
  /**
   * The directory holding the configuration files (absolute): `dir` for plain `*.tf.json`, the
   * stack's working directory for CDKTF. What `path.module` means.
   */
  readonly moduleDir: string;
  /** The files read, relative to `dir`, in the order they were read. */
  readonly files: readonly string[];
  /** The CDKTF stack, when read through `cdktf.out/manifest.json`. */
  readonly stack?: string;
  readonly providers: readonly ProviderBlock[];
  /** `terraform.required_providers` entries by local name: `{ source, version }`. */
  readonly requiredProviders: ReadonlyMap<string, JsonValue>;
  readonly variables: ReadonlyMap<string, VariableDeclaration>;
  readonly locals: ReadonlyMap<string, JsonValue>;
  readonly outputs: ReadonlyMap<string, OutputDeclaration>;
  /** Managed resources and data sources, in file order. Addresses are unique. */
  readonly resources: readonly ResourceBlock[];
  readonly imports: readonly ImportBlock[];
  readonly moved: readonly MovedBlock[];
}

/** A configuration with nothing in it, rooted at `dir`. */
export function emptyConfiguration(dir: string): Configuration {
  return {
    dir,
    moduleDir: dir,
    files: [],
    providers: [],
    requiredProviders: new Map(),
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: [],
    imports: [],
    moved: [],
  };
}
