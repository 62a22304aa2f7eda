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

/** The signals a command reacts to: Ctrl-C, and a service manager's stop (`lifeboat server`). */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The part of `process` this needs, so tests can send fake signals. */
export interface SignalSource {
  on(event: StopSignal, listener: () => void): unknown;
  off(event: StopSignal, listener: () => void): unknown;
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

/** What a command that runs until stopped watches (see {@link listenForStop}). */
export interface StopListener {
  /** Resolves with the first SIGINT or SIGTERM received. */
  readonly stopped: Promise<StopSignal>;
  /** Stops listening (the runtime does it when the command ends). */
  dispose(): void;
}

/**
 * For commands that run until stopped (`lifeboat server`): the first SIGINT or SIGTERM resolves
 * `stopped` so the command can shut down cleanly; another one while it does quits at once.
 */
export function listenForStop(options: InterruptOptions): StopListener {
  let received: StopSignal | undefined;
  let resolve: (signal: StopSignal) => void = () => undefined;
  const stopped = new Promise<StopSignal>((done) => (resolve = done));
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => {
      if (received !== undefined) {
        options.note(`${signal} again: quitting now.`);
        options.quit();
        return;
      }
      received = signal;
      resolve(signal);
    };
    options.source.on(signal, listener);
    return [signal, listener] as const;
  });
  return { stopped, dispose: () => listeners.forEach(([signal, listener]) => void options.source.off(signal, listener)) };
}
