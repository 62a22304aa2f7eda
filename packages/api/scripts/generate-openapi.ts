/** Writes docs/openapi.json from the schemas. Run with `npm run openapi` after changing the API. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi.js';

export const openApiPath = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** The exact text committed: stable key order from the builder, two-space indent, final newline. */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(openApiPath, renderOpenApi());
  console.log(`wrote ${openApiPath}`);
}
