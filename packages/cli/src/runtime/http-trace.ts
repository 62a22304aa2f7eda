/**
 * `--debug`'s HTTP trace: each request and response of the SDK on stderr, with the API key and
 * secret fields redacted. Built on the SDK's hooks, so it sees retries as they happen.
 */
import type { LifeboatHooks } from '@lifeboat/sdk';
import { redactJson, type Redactor } from './redact.js';

/** Hooks that write the trace through `write` (one line per event). */
export function httpTraceHooks(write: (line: string) => void, redact: Redactor): LifeboatHooks {
  const started = new WeakMap<Request, number>();
  return {
    beforeRequest: [
      async ({ operationId, request, attempt }) => {
        started.set(request, Date.now());
        const body = request.body === null ? '' : ` ${await bodyText(request.clone())}`;
        write(redact(`[http] → ${operationId}${attempt > 0 ? ` (retry ${attempt})` : ''} ${request.method} ${request.url}${body}`));
      },
    ],
    afterResponse: [
      async ({ request, response }) => {
        const took = Date.now() - (started.get(request) ?? Date.now());
        const requestId = response.headers.get('x-request-id');
        const body = await bodyText(response.clone());
        write(redact(`[http] ← ${response.status} ${request.method} ${request.url} ${took} ms${requestId === null ? '' : ` request ${requestId}`} ${body}`));
      },
    ],
    beforeRetry: [({ operationId, error, attempt }) => write(redact(`[http] retrying ${operationId} (attempt ${attempt + 1}): ${error.message}`))],
  };
}

/** A body as one line, JSON with secret fields redacted, cut to 2,000 characters. */
async function bodyText(message: Request | Response): Promise<string> {
  const text = await message.text().catch(() => '');
  let shown = text;
  try {
    shown = JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    // Not JSON: shown as it is (the redactor still removes key-shaped values).
  }
  return shown.length > 2000 ? `${shown.slice(0, 2000)}… (${shown.length} characters)` : shown;
}
