import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiPath, renderOpenApi } from '../scripts/generate-openapi.js';
import { endpoints } from '../src/index.js';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const rendered = renderOpenApi();
const document = JSON.parse(rendered) as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

/** Every `$ref` value anywhere in a JSON value. */
function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else collectRefs(item, found);
    }
  }
  return found;
}

describe('docs/openapi.json', () => {
  it('is up to date with the schemas', () => {
    const committed = readFileSync(openApiPath, 'utf8');
    // Comparing booleans keeps the failure message to the instruction, not a 5,000-line diff.
    expect(committed === rendered, 'docs/openapi.json is stale: run `npm run openapi` and commit the result').toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1.0', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('has an operation for every endpoint, under its operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId).sort();
    expect(ids).toEqual(Object.values(endpoints).map((endpoint) => endpoint.operationId).sort());
  });

  it('resolves every $ref to a component schema', () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(0);
    const prefix = '#/components/schemas/';
    const dangling = refs.filter((ref) => !ref.startsWith(prefix) || !(ref.slice(prefix.length) in document.components.schemas));
    expect([...new Set(dangling)]).toEqual([]);
  });

  it('wraps each control-plane success in a *Response envelope with code and data', () => {
    const controlPlane = operations.filter(({ path }) => path.startsWith('/v2/'));
    expect(controlPlane.length).toBeGreaterThan(0);
    for (const { path, method, operation } of controlPlane) {
      const ref = operation.responses['200']?.content?.['application/json']?.schema?.$ref ?? '';
      expect(ref, `${method.toUpperCase()} ${path}`).toMatch(/^#\/components\/schemas\/\w+Response$/);
      const envelope = document.components.schemas[ref.split('/').pop() ?? ''];
      expect(Object.keys(envelope?.properties ?? {}).sort(), ref).toEqual(['code', 'data']);
    }
  });

  it('describes errors with the shared Error schema', () => {
    for (const { path, method, operation } of operations) {
      expect(operation.responses['default']?.content?.['application/json']?.schema?.$ref, `${method} ${path}`).toBe(
        '#/components/schemas/Error',
      );
    }
  });
});
