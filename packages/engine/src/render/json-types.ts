import type { ActionReason, ChangeActions } from '../plan/types.js';
import type { AttributeValue } from '../state/types.js';

/**
 * The `terraform show -json` plan representation (format 1.2), as documented in Terraform's
 * "JSON Output Format". Field names are Terraform's, so existing tooling (OPA/conftest,
 * Infracost, terraform-json) reads our plans unchanged.
 */

/** `after_unknown` / `*_sensitive`: `true` at marked leaves, lists mirrored element by element, objects keeping marked keys only. */
export type JsonMarks = boolean | readonly JsonMarks[] | { readonly [key: string]: JsonMarks };

/** A `<change-representation>`. Sensitive values are left out of `before`/`after` (see `planToJson`). */
export interface JsonChange {
  readonly actions: ChangeActions;
  /** `null` for a create; absent when the whole value is sensitive. */
  readonly before?: AttributeValue;
  /** `null` for a delete; unknown and sensitive attributes are left out; absent when the whole value is either. */
  readonly after?: AttributeValue;
  readonly after_unknown: JsonMarks;
  readonly before_sensitive: JsonMarks;
  readonly after_sensitive: JsonMarks;
  /** Paths whose change forced a replacement; absent when none did. */
  readonly replace_paths?: readonly (readonly (string | number)[])[];
}

export interface JsonResourceChange {
  readonly address: string;
  /** Where a `moved` block moved the object from; absent when it did not move. */
  readonly previous_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  /** The key of the deposed object the change destroys; absent for an instance's current object. */
  readonly deposed?: string;
  readonly change: JsonChange;
  readonly action_reason?: ActionReason;
}

/** One instance in a `<values-representation>`. */
export interface JsonResourceValues {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly schema_version: number;
  /** Sensitive attributes are left out (unknown ones too, in planned values). */
  readonly values: { readonly [key: string]: AttributeValue };
  readonly sensitive_values: JsonMarks;
  readonly depends_on?: readonly string[];
  readonly tainted?: true;
  /** Set for a deposed object (in `prior_state`): its key. */
  readonly deposed_key?: string;
}

export interface JsonOutputValue {
  readonly sensitive: boolean;
  /** Absent when sensitive, or unknown until apply. */
  readonly value?: AttributeValue;
  readonly type?: unknown;
}

export interface JsonValues {
  readonly outputs?: { readonly [name: string]: JsonOutputValue };
  readonly root_module: { readonly resources: readonly JsonResourceValues[] };
}

export interface JsonState {
  readonly format_version: '1.0';
  readonly terraform_version: string;
  readonly values: JsonValues;
}

/** A minimal `<configuration-representation>`: providers, resources and outputs, without expressions. */
export interface JsonConfiguration {
  readonly provider_config: { readonly [key: string]: { readonly name: string; readonly full_name: string } };
  readonly root_module: {
    readonly outputs?: { readonly [name: string]: { readonly sensitive?: true } };
    readonly resources: readonly {
      readonly address: string;
      readonly mode: 'managed' | 'data';
      readonly type: string;
      readonly name: string;
      readonly provider_config_key: string;
      readonly schema_version: number;
    }[];
  };
}

/** A diagnostic as Terraform's JSON views write one, with the construct path a CDKTF user needs. */
export interface JsonDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  readonly address?: string;
  readonly construct_path?: string;
  readonly attribute?: string;
}

export interface JsonPlan {
  readonly format_version: '1.2';
  readonly terraform_version: string;
  readonly variables: { readonly [name: string]: { readonly value: AttributeValue } };
  readonly planned_values: JsonValues;
  /** Every change found outside Lifeboat while refreshing, relevant to the plan or not. */
  readonly resource_drift: readonly JsonResourceChange[];
  readonly resource_changes: readonly JsonResourceChange[];
  readonly output_changes: { readonly [name: string]: JsonChange };
  readonly prior_state: JsonState;
  readonly configuration: JsonConfiguration;
  /** RFC 3339, UTC, whole seconds, as Terraform writes it. */
  readonly timestamp: string;
  /** The plan can be applied: it has no errors and does something. */
  readonly applyable: boolean;
  /** Every change is planned (the engine never defers any). */
  readonly complete: true;
  readonly errored: boolean;
  /**
   * The plan's warnings and errors (e.g. "Resource targeting is in effect"). Not part of
   * `terraform show -json`, whose readers ignore fields they do not know; absent when there are
   * none, so a plan without problems has exactly Terraform's shape.
   */
  readonly diagnostics?: readonly JsonDiagnostic[];
}
