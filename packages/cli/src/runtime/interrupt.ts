/**
 * Ctrl-C for long-running commands, as Terraform does it: the first SIGINT aborts a signal the
 * command passes on (apply stops scheduling, lets running operations finish or records them as
 * pending, and writes the state); the second quits at once.
 */

/** What a command watches for Ctrl-C. */
export interface Interrupt {
  /** Aborted on the first SIGINT. */
  readonly signal: AbortSignal;
  /** Stops listening (the runtime does it when the command ends). */
  dispose(): void;
}

/** The part of `process` this needs, so tests can send fake signals. */
export interface SignalSource {
  on(event: 'SIGINT', listener: () => void): unknown;
  off(event: 'SIGINT', listener: () => void): unknown;
}

/** Options of {@link listenForInterrupt}. */
export interface InterruptOptions {
  readonly source: SignalSource;
  /** Tells the user what happens now (one line to stderr). */
  readonly note: (line: string) => void;
  /** Called on the second SIGINT, to quit at once. */
  readonly quit: () => void;
}

/** Starts listening for SIGINT. */
export function listenForInterrupt(options: InterruptOptions): Interrupt {
  const controller = new AbortController();
  const listener = () => {
    if (controller.signal.aborted) {
      options.note('Second interrupt: quitting now. Operations that were running continue on the server; run the command again to pick them up.');
      options.quit();
      return;
    }
    options.note('Interrupt received: no new operations will start, and running ones finish or are recorded as pending. Press Ctrl-C again to quit at once.');
    controller.abort(new DOMException('Interrupted by SIGINT', 'AbortError'));
  };
  options.source.on('SIGINT', listener);
  return { signal: controller.signal, dispose: () => void options.source.off('SIGINT', listener) };
}
