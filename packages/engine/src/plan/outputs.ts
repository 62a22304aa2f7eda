import type { Configuration } from '../config/model.js';
import { containsUnknown, isUnknown, omitUnknowns, type Value } from '../expressions/index.js';
import { deepEqual } from '../internal/deep-equal.js';
import type { AttributeValue, StateSnapshot } from '../state/types.js';
import type { Evaluation } from './scope.js';
import type { Diagnostic, OutputChange } from './types.js';

/** Planned changes of outputs: evaluated against planned values, compared with the state's. */
export function outputChangesOf(request: {
  readonly configuration: Configuration;
  readonly state: StateSnapshot;
  readonly evaluation: Evaluation;
  readonly destroying: boolean;
  readonly diagnostics: Diagnostic[];
}): OutputChange[] {
  const changes: OutputChange[] = [];
  for (const [name, output] of request.configuration.outputs) {
    let after: Value | undefined;
    try {
      after = request.destroying ? undefined : request.evaluation.evaluate(output.value);
    } catch (error) {
      request.diagnostics.push({ severity: 'error', summary: 'Invalid output value', detail: `output "${name}": ${(error as Error).message}`, address: `output.${name}` });
      continue;
    }
    const before = request.state.outputs[name]?.value;
    const known = after === undefined || !containsUnknown(after);
    const same = known && deepEqual(before, after);
    changes.push({
      name,
      actions: after === undefined ? ['delete'] : before === undefined ? ['create'] : same ? ['no-op'] : ['update'],
      before,
      after: after === undefined || isUnknown(after) ? undefined : (omitUnknowns(after) as AttributeValue),
      afterUnknown: after !== undefined && !known,
      sensitive: output.sensitive === true,
    });
  }
  return changes;
}
