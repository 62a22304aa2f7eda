/**
 * Placeholders such as `{{cluster:orders}}` stand in fixture files for ids the server makes up
 * on every run. Before planning they are filled in with the real ids; after rendering, the real
 * ids are put back to placeholders, so expected.txt reads the same on every run.
 */
export class Placeholders {
  readonly #values = new Map<string, string>();

  /** Records that `{{name}}` stands for `value`. */
  set(name: string, value: string): void {
    this.#values.set(`{{${name}}}`, value);
  }

  /**
   * Replaces every placeholder in `text` with its value.
   *
   * @throws {Error} naming the placeholder when one was never set, so a typo in a fixture fails
   * loudly instead of planning against a literal "{{cluster:oders}}".
   */
  fill(text: string, file: string): string {
    return text.replace(/\{\{[^{}]+\}\}/g, (placeholder) => {
      const value = this.#values.get(placeholder);
      if (value === undefined) throw new Error(`${file} uses ${placeholder}, which setup.json does not create (known: ${[...this.#values.keys()].join(', ')})`);
      return value;
    });
  }

  /** Replaces every value with its placeholder, longest value first so no id is cut in half. */
  restore(text: string): string {
    const byLength = [...this.#values].sort(([, a], [, b]) => b.length - a.length);
    return byLength.reduce((result, [placeholder, value]) => result.split(value).join(placeholder), text);
  }
}
