/**
 * Tables for people: left-aligned columns padded to the widest cell, a header in bold, no
 * borders (like `kubectl get` and `docker ps`), so they read well and still `grep`/`awk` cleanly.
 */

/** One column: its header and how to get a row's cell. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null | undefined;
  /** Right-align (numbers, sizes). @default false */
  readonly alignRight?: boolean;
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Styles the header row (the runtime passes bold when colour is on). */
  readonly header?: (text: string) => string;
  /** Shown instead of an empty table. @default '(none)' */
  readonly empty?: string;
}

const gap = '   ';

/** The text of a table, one line per row plus the header, each ending in a newline. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], options: TableOptions = {}): string {
  if (rows.length === 0) return `${options.empty ?? '(none)'}\n`;
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, index) => Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[index] ?? ''))));
  const line = (values: readonly string[], style: (text: string) => string = (text) => text) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        const padded = columns[index]?.alignRight === true ? pad(value, width, 'start') : index === values.length - 1 ? value : pad(value, width, 'end');
        return style(padded);
      })
      .join(gap)
      .trimEnd();
  return [line(columns.map((column) => column.header), options.header), ...cells.map((row) => line(row))].map((text) => `${text}\n`).join('');
}

function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  // A cell is one line: embedded newlines would break the columns.
  return String(value).replace(/\s*\n\s*/g, ' ');
}

function pad(text: string, width: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'start' ? fill + text : text + fill;
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are what is being removed
const ansi = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on screen: colour codes take none. */
export function displayWidth(text: string): number {
  return [...text.replace(ansi, '')].length;
}
