/**
 * One output stream and what it can show: whether it is a terminal, how wide it is, and the
 * colours to use on it (none unless it is a terminal and `NO_COLOR` is unset).
 */
import picocolors from 'picocolors';

/** The colour functions of one stream; each returns its input unchanged when colour is off. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** What a command writes to: stdout or stderr, as the runtime sees them. */
export interface Terminal {
  /** Writes text as is (add the newline yourself). */
  write(text: string): void;
  /** True when the stream is a terminal: live progress redraws, colours and prompts need one. */
  readonly isTTY: boolean;
  /** Columns to wrap to: the terminal's width, or 78 (Terraform's) when it is not a terminal. */
  readonly columns: number;
  readonly colors: Colors;
}

/** The part of a Node stream a {@link Terminal} needs. */
export interface WritableStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** Options of {@link terminalOf}. */
export interface TerminalOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--no-color`. @default false */
  readonly noColor?: boolean;
}

/** Terraform wraps prose to 78 columns when the output is not a terminal. */
export const defaultColumns = 78;

/**
 * Wraps a stream. Colour follows https://no-color.org: any non-empty `NO_COLOR` turns it off, as
 * does `--no-color`; and it is never used when the stream is not a terminal (a pipe, a file,
 * CI logs), so scripts never see escape codes.
 */
export function terminalOf(stream: WritableStream, options: TerminalOptions): Terminal {
  const isTTY = stream.isTTY === true;
  const noColorEnv = options.env['NO_COLOR'] !== undefined && options.env['NO_COLOR'] !== '';
  const color = isTTY && !noColorEnv && options.noColor !== true;
  return {
    write: (text) => void stream.write(text),
    isTTY,
    columns: isTTY && stream.columns !== undefined && stream.columns > 0 ? stream.columns : defaultColumns,
    colors: picocolors.createColors(color),
  };
}
