import type { JobProgress } from '@lifeboat/sdk';

/**
 * Which object an event is about: an instance address, and for a deposed object its key (shown
 * by Terraform as `x.a (deposed object 1a2b3c4d)`), since it shares the address with the
 * instance's current object.
 */
export interface HookSubject {
  readonly address: string;
  readonly deposed?: string;
}

/** What apply reports as it goes; the CLI's views implement these, the engine never prints. */
export interface EngineHooks {
  readonly onResourceStart?: (event: HookSubject & { readonly action: string }) => void;
  readonly onResourceProgress?: (event: HookSubject & { readonly progress: JobProgress }) => void;
  readonly onResourceDone?: (event: HookSubject & { readonly action: string; readonly elapsedMs: number; readonly id?: string }) => void;
  readonly onResourceError?: (event: HookSubject & { readonly action: string; readonly error: Error }) => void;
}
