/**
 * How commands print. Results go to stdout: a table or text for people, or one JSON document
 * with `--json` for scripts. Everything else (progress, notes, warnings, errors) goes to stderr,
 * so `lifeboat … --json | jq` always gets clean JSON.
 */
import { formatTable, type Column } from './table.js';
import type { Terminal } from './terminal.js';

/** Output of one command run; see the module comment for what goes where. */
export class Output {
  readonly stdout: Terminal;
  readonly stderr: Terminal;

  constructor(streams: { readonly stdout: Terminal; readonly stderr: Terminal }) {
    this.stdout = streams.stdout;
    this.stderr = streams.stderr;
  }

  /** A line of human output on stdout. */
  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  /** Text on stdout as is (renderers' output, which brings its own newlines). */
  text(text: string): void {
    this.stdout.write(text);
  }

  /** Text of several lines on stdout, ending in a newline whether or not `text` does (renderers differ). */
  block(text: string): void {
    this.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** One JSON document on stdout, two-space indented, for `--json`. */
  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A table on stdout; see {@link formatTable}. */
  table<Row>(rows: readonly Row[], columns: readonly Column<Row>[], options: { readonly empty?: string } = {}): void {
    this.stdout.write(formatTable(rows, columns, { header: this.stdout.colors.bold, ...options }));
  }

  /** A note for people on stderr (never mixed into results). */
  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** A warning on stderr, `Warning: ` in yellow. */
  warn(text: string): void {
    this.stderr.write(`${this.stderr.colors.yellow(this.stderr.colors.bold('Warning:'))} ${text}\n`);
  }
}
