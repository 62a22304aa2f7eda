import { lifeboatSchemas, type ProviderSchemas } from './schemas.js';

/** Options of the human renderers ({@link renderPlan}, {@link renderDiagnostics}); all optional. */
export interface HumanRenderOptions {
  /**
   * ANSI colours as Terraform uses them (green creates, yellow updates, red destroys, cyan reads).
   * @default false
   */
  readonly color?: boolean;
  /**
   * Columns prose is wrapped to (the CLI passes the terminal's); `0` turns wrapping off. Attribute
   * lines are never wrapped.
   * @default 78, Terraform's width when output is not a terminal
   */
  readonly width?: number;
  /**
   * Schemas that say which attributes are sensitive and which are maps, on top of what the plan
   * records.
   * @default the `lifeboat` provider's schemas
   */
  readonly schemas?: ProviderSchemas;
}

export type NormalizedHumanRenderOptions = Required<HumanRenderOptions>;

export const defaultHumanRenderOptions: NormalizedHumanRenderOptions = { color: false, width: 78, schemas: lifeboatSchemas };

/**
 * Fills in defaults and checks values once, so renderers see only the normalised form.
 *
 * @throws {RangeError} when `width` is not a whole number of columns.
 */
export function normalizeHumanRenderOptions(options: HumanRenderOptions = {}): NormalizedHumanRenderOptions {
  const width = options.width ?? defaultHumanRenderOptions.width;
  if (!Number.isInteger(width) || width < 0) throw new RangeError(`width must be a whole number of columns, or 0 for no wrapping (got ${String(width)})`);
  return {
    color: options.color ?? defaultHumanRenderOptions.color,
    width,
    schemas: options.schemas ?? defaultHumanRenderOptions.schemas,
  };
}
