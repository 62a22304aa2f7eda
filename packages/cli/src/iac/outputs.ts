/**
 * Output values for people (`name = "value"`, as Terraform lists them after apply and in
 * `lifeboat output`) and for scripts (Terraform's `output -json` shape).
 */
import type { OutputState } from '@lifeboat/engine';

/** A value as people read it: strings quoted, lists and maps as indented JSON. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value, null, 2) ?? 'null');
}

/** `name = value` lines, sensitive ones as `<sensitive>`, in name order. */
export function formatOutputs(outputs: Readonly<Record<string, OutputState>>): string {
  return Object.keys(outputs)
    .sort()
    .map((name) => {
      const output = outputs[name] as OutputState;
      return `${name} = ${output.sensitive === true ? '<sensitive>' : formatValue(output.value)}`;
    })
    .join('\n');
}

/**
 * Terraform's `output -json`: `{ name: { sensitive, type, value } }`. Sensitive values are
 * included, as Terraform does: asking for JSON is asking for the values.
 */
export function outputsJson(outputs: Readonly<Record<string, OutputState>>): Record<string, { sensitive: boolean; type: unknown; value: unknown }> {
  return Object.fromEntries(Object.keys(outputs).sort().map((name) => {
    const output = outputs[name] as OutputState;
    return [name, { sensitive: output.sensitive === true, type: output.type, value: output.value }];
  }));
}
