import type { JobProgress } from '@lifeboat/sdk';

/** What apply reports as it goes; the CLI's views implement these, the engine never prints. */
export interface EngineHooks {
  readonly onResourceStart?: (event: { readonly address: string; readonly action: string }) => void;
  readonly onResourceProgress?: (event: { readonly address: string; readonly progress: JobProgress }) => void;
  readonly onResourceDone?: (event: { readonly address: string; readonly action: string; readonly elapsedMs: number; readonly id?: string }) => void;
  readonly onResourceError?: (event: { readonly address: string; readonly action: string; readonly error: Error }) => void;
}
