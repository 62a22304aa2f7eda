import type { ChangeActions } from '../../plan/types.js';
import type { Palette } from './palette.js';

/** How a change shows in a plan: one entry per symbol of Terraform's legend, in its order. */
export type ChangeKind = 'create' | 'update' | 'delete' | 'delete-create' | 'create-delete' | 'read';

export const legendOrder: readonly ChangeKind[] = ['create', 'update', 'delete', 'delete-create', 'create-delete', 'read'];

export const legendText: Readonly<Record<ChangeKind, string>> = {
  create: 'create',
  update: 'update in-place',
  delete: 'destroy',
  'delete-create': 'destroy and then create replacement',
  'create-delete': 'create replacement and then destroy',
  read: 'read (data resources)',
};

/** The kind of an action list; `undefined` for no-op. */
export function kindOf(actions: ChangeActions): ChangeKind | undefined {
  const [first, second] = actions;
  if (second !== undefined) return first === 'delete' ? 'delete-create' : 'create-delete';
  return first === 'no-op' ? undefined : first;
}

/** The three-column symbol that starts a resource or output line: `  +`, `-/+`, ` <=`. */
export function changeSymbol(kind: ChangeKind, palette: Palette): string {
  switch (kind) {
    case 'create':
      return `  ${palette.green('+')}`;
    case 'update':
      return `  ${palette.yellow('~')}`;
    case 'delete':
      return `  ${palette.red('-')}`;
    case 'delete-create':
      return `${palette.red('-')}/${palette.green('+')}`;
    case 'create-delete':
      return `${palette.green('+')}/${palette.red('-')}`;
    case 'read':
      return ` ${palette.cyan('<=')}`;
  }
}
