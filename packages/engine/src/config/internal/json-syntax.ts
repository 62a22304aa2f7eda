/**
 * Finds the first syntax error in JSON text. `JSON.parse` is used for the actual parsing (it is
 * fast); its messages differ between Node versions and often carry no position, so this small
 * scanner runs only after it failed, to tell the user the line, the column and what was expected.
 */

/** Where the text stops being JSON and why. */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first syntax error in `text`, or `undefined` when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let at = 0;
  const found = (): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));
  const stop = (expected: string): never => {
    throw new Stop(at, `expected ${expected} but found ${found()}`);
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const string = (): void => {
    at++; // the opening quote
    for (;;) {
      if (at >= text.length) throw new Stop(at, 'a string is not closed: add the missing "');
      const char = text[at] as string;
      if (char === '"') {
        at++;
        return;
      }
      if (char === '\\') {
        const escape = text[at + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) throw new Stop(at, 'a \\u escape needs four hex digits');
          at += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else throw new Stop(at, `${JSON.stringify(`\\${escape ?? ''}`)} is not a JSON escape; write \\\\ for a backslash`);
        continue;
      }
      if (char < ' ') throw new Stop(at, 'a control character (such as a line break) inside a string must be escaped, e.g. \\n');
      at++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Stop(at, 'values are nested too deeply');
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') stop(text[at] === '}' ? 'another property after "," (JSON allows no trailing comma)' : 'a property name in double quotes');
        string();
        space();
        if (text[at] !== ':') stop('":" after the property name');
        at++;
        value(depth + 1);
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return;
        }
        stop('"," or "}" after a property value');
      }
    }
    if (char === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] === ']') stop('another value after "," (JSON allows no trailing comma)');
        value(depth + 1);
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return;
        }
        stop('"," or "]" after a list element');
      }
    }
    if (char === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (number !== null) {
      at += number[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    stop('a value (a string in double quotes, a number, true, false, null, an object or a list)');
  };
  try {
    value(0);
    space();
    if (at < text.length) stop('the end of the file after the top-level value');
    return undefined;
  } catch (problem) {
    if (!(problem instanceof Stop)) throw problem;
    const before = text.slice(0, problem.offset);
    const line = before.split('\n').length;
    const column = problem.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: problem.offset, line, column, message: problem.reason };
  }
}
