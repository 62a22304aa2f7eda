import { isMoved, type ResourceChange } from '../../plan/types.js';
import { schemaOf, type ProviderSchemas } from '../schemas.js';
import type { Palette } from './palette.js';
import { maskOfResource } from './sensitivity.js';
import { changeSymbol, kindOf, type ChangeKind } from './symbols.js';
import { diffValue } from './value-diff.js';
import { renderBlock } from './value-render.js';

/** Whether a change is planned, or a change found outside Lifeboat while refreshing (drift). */
export type ChangeCause = 'planned' | 'drift';

export interface ResourceChangeRenderRequest {
  readonly change: ResourceChange;
  readonly cause: ChangeCause;
  readonly palette: Palette;
  readonly schemas: ProviderSchemas;
}

/**
 * One change as Terraform draws it: the `# address will be …` comment, its reasons, and the
 * body. A move with no other change is drawn too (no symbol, every attribute unchanged), since
 * applying it rewrites the state; any other no-op is left out.
 */
export function renderResourceChange(request: ResourceChangeRenderRequest): string {
  const { change, palette, schemas } = request;
  const kind = kindOf(change.actions);
  if (kind === undefined && !isMoved(change)) return '';
  const schema = schemaOf(schemas, change.mode, change.type);
  const diff = diffValue({
    before: change.before,
    after: change.after,
    afterUnknown: change.afterUnknown,
    sensitive: maskOfResource(schema, change.sensitive.map((name) => [name])),
    type: schema === undefined ? undefined : { object: schema.attributes },
    replacePaths: change.replacePaths,
  });
  const keyword = change.mode === 'data' ? 'data' : 'resource';
  // Terraform's symbol for a no-op is three spaces, so a moved block lines up with the others.
  const symbol = kind === undefined ? '   ' : changeSymbol(kind, palette);
  const body = `${symbol} ${keyword} ${JSON.stringify(change.type)} ${JSON.stringify(change.name)} ${renderBlock(diff, { palette, showUnchanged: false, overrideNullSuffix: false })}`;
  return [...commentLines(request, kind), body].join('\n');
}

function commentLines({ change, cause, palette }: ResourceChangeRenderRequest, kind: ChangeKind | undefined): string[] {
  const subject = palette.bold(`  # ${change.address}${change.deposed === undefined ? '' : ` (deposed object ${change.deposed})`}`);
  const lines: string[] = [];
  switch (kind) {
    case undefined:
      // Only moves get here (see renderResourceChange).
      lines.push(`${palette.bold(`  # ${change.previousAddress ?? ''}`)} has moved to ${palette.bold(change.address)}`);
      break;
    case 'create':
      lines.push(`${subject} will be created`);
      break;
    case 'read':
      lines.push(`${subject} will be read during apply`);
      if (change.actionReason === 'read_because_config_unknown') lines.push('  # (config refers to values not yet known)');
      if (change.actionReason === 'read_because_dependency_pending') lines.push('  # (depends on a resource or a module with changes pending)');
      break;
    case 'update':
      lines.push(cause === 'drift' ? `${subject} has changed` : `${subject} will be updated in-place`);
      break;
    case 'delete-create':
    case 'create-delete': {
      const replaced = palette.boldRed('replaced');
      if (change.actionReason === 'replace_because_tainted') lines.push(`${subject} is tainted, so must be ${replaced}`);
      else if (change.actionReason === 'replace_by_request') lines.push(`${subject} will be ${replaced}, as requested`);
      else if (change.actionReason === 'replace_by_triggers') lines.push(`${subject} will be ${replaced} due to changes in replace_triggered_by`);
      else lines.push(`${subject} must be ${replaced}`);
      break;
    }
    case 'delete':
      lines.push(cause === 'drift' ? `${subject} has been deleted` : `${subject} will be ${palette.boldRed('destroyed')}`);
      // Reasons go on their own line so "will be destroyed" reads the same in every case.
      if (change.actionReason === 'delete_because_no_resource_config') lines.push(`  # (because ${change.resourceAddress} is not in configuration)`);
      if (change.actionReason === 'delete_because_no_move_target') lines.push(`  # (because ${change.previousAddress ?? ''} was moved to ${change.address}, which is not in configuration)`);
      if (change.actionReason === 'delete_because_count_index') lines.push(`  # (because index [${String(change.index)}] is out of range for count)`);
      if (change.actionReason === 'delete_because_each_key') lines.push(`  # (because key [${JSON.stringify(change.index)}] is not in for_each map)`);
      if (change.deposed !== undefined) lines.push('  # (left over from a partially-failed replacement of this instance)');
      break;
  }
  if (kind !== undefined && isMoved(change)) lines.push(`  # (moved from ${change.previousAddress ?? ''})`);
  if (change.constructPath !== undefined) lines.push(`  # (construct: ${change.constructPath})`);
  return lines;
}
