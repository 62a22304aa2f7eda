/**
 * ANSI styles as Terraform's colorstring writes them (`[green]`, `[bold]`, `[reset]`). Renderers
 * call these functions instead of embedding tags, so a user's value that happens to contain
 * `[red]` is never read as a colour.
 */
export interface Palette {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly darkGray: (text: string) => string;
  readonly bold: (text: string) => string;
  /** Bold and coloured, as Terraform's `[bold][red]…[reset]`: one reset, not two. */
  readonly boldRed: (text: string) => string;
  readonly boldGreen: (text: string) => string;
  readonly boldYellow: (text: string) => string;
  readonly boldCyan: (text: string) => string;
}

const style =
  (...codes: number[]) =>
  (text: string): string =>
    text === '' ? '' : `${codes.map((code) => `\u001b[${code}m`).join('')}${text}\u001b[0m`;

const identity = (text: string): string => text;

const colored: Palette = {
  green: style(32),
  red: style(31),
  yellow: style(33),
  cyan: style(36),
  darkGray: style(90),
  bold: style(1),
  boldRed: style(1, 31),
  boldGreen: style(1, 32),
  boldYellow: style(1, 33),
  boldCyan: style(1, 36),
};

const plain: Palette = {
  green: identity,
  red: identity,
  yellow: identity,
  cyan: identity,
  darkGray: identity,
  bold: identity,
  boldRed: identity,
  boldGreen: identity,
  boldYellow: identity,
  boldCyan: identity,
};

/** The palette for `color`: ANSI codes, or none at all. */
export const paletteFor = (color: boolean): Palette => (color ? colored : plain);
