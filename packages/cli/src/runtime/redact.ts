/**
 * Secrets never reach the screen: not in error messages, not in `--debug` traces. Known
 * values (the API key in use) are replaced wherever they appear, and so is anything shaped
 * like a Lifeboat key or a bearer token.
 */

/** Replaces secrets in a text. */
export type Redactor = (text: string) => string;

const keyShape = /lbk_[0-9a-f]+_[A-Za-z0-9_-]+/g;
const bearer = /(Bearer\s+)[^\s"',]+/gi;

/** A redactor for the given secret values (empty and undefined ones are ignored). */
export function redactorFor(secrets: () => readonly (string | undefined)[]): Redactor {
  return (text) => {
    let out = text;
    for (const secret of secrets()) {
      if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('[redacted]');
    }
    return out.replace(keyShape, '[redacted]').replace(bearer, '$1[redacted]');
  };
}

/** Field names whose values are secrets in request and response bodies. */
const sensitiveField = /(api_?key|password|secret|token)$/i;

/** A JSON body with its secret fields replaced, for the HTTP trace. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sensitiveField.test(key) ? '[redacted]' : redactJson(item)]));
}
