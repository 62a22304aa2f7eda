import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dataSourceTypes,
  evaluateTemplate,
  isExpressionError,
  loadConfiguration,
  managedResourceTypes,
  parseExpression,
  parseTemplate,
  resolveVariables,
  validateConfiguration,
  type ConfigDiagnostic,
  type Scope,
} from '@lifeboat/engine';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, formatCounts, recordReport } from '../support/figures.js';
import { replayHint, suiteSeed, trialCount } from '../support/run-options.js';

/**
 * Hostile Terraform JSON and expressions against the engine's loader and expression parser,
 * property-based with fast-check: the loader never throws and reports every problem as a
 * diagnostic that says what and where; the parser and evaluator only ever throw an
 * ExpressionError with a code.
 */

const seed = suiteSeed('fuzz-engine');
const expressionRuns = trialCount({ ci: 800, long: 20_000 });
const documentRuns = trialCount({ ci: 250, long: 3000 });
const startedAt = Date.now();
const expressionCodes = new Set(['syntax', 'unsupported', 'reference', 'call', 'type', 'missing']);
const outcomes: Record<string, number> = {};
const diagnosticsSeen: Record<string, number> = {};

let work: string;
let runIndex = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lifeboat-engine-fuzz-'));
});

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

// Expressions.

/** Pieces that reach every corner of the grammar, glued at random. */
const grammarPiece = fc.constantFrom(
  '${', '$${', '%{', '%%{', '}', '{', '[', ']', '(', ')', '"', '\\"', '\\', '.', ',', ':', '=', '==', '!=', '?', '~', '...', '*', '-', '+', '!', '&&', '<',
  'var.', 'local.', 'each.key', 'count.index', 'lifeboat_backup.b', 'data.', 'self', 'module.', 'path.', 'lookup(', 'toset(', 'jsonencode(', 'file(', 'for',
  ' in ', 'if', ' ', '\n', '\t', '0', '-1', '1.5', 'e9', '1e999', '\\u00', '\\u{', 'true', 'null', '#', '//', '/*', '@', '\u0000', '\ud800', '𝔘', '__proto__',
);
const soup = fc.array(grammarPiece, { maxLength: 60 }).map((parts) => parts.join(''));
/** Nesting far past the parser's depth limit, in each bracket it knows. */
const deep = fc
  .tuple(fc.constantFrom(['(', ')'], ['[', ']'], ['{a=', '}'], ['f(', ')'], ['"${', '}"'], ['${', '}'], ['x ? ', ' : y']), fc.integer({ min: 50, max: 5000 }))
  .map(([[open, close], depth]) => `\${${open.repeat(depth)}1${close.repeat(depth)}}`);
const expressionText = fc.oneof(
  soup,
  soup.map((inner) => `\${${inner}}`),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((inner) => `\${${inner}}`),
  deep,
  fc.integer({ min: 1000, max: 50_000 }).map((length) => `\${"${'x'.repeat(length)}"}`),
);

/** Answers every reference, with values of several shapes, so evaluation gets past look-ups. */
const anyScope: Scope = {
  resolve: (ref) => {
    const values = [{ id: 'in01-0123456789abcdef', list: ['a', 'b'], n: 3 }, 'text', 7, ['x', 'y'], null, true];
    return values[ref.address.length % values.length] ?? null;
  },
};

function onlyExpressionErrors(label: string, run: () => unknown): void {
  try {
    run();
    count(outcomes, `${label}: accepted`);
  } catch (error) {
    if (!isExpressionError(error)) throw error;
    expect(expressionCodes.has(error.code), `unknown code ${error.code}`).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    count(outcomes, `${label}: ExpressionError ${error.code}`);
  }
}

// Documents.

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  soup,
  fc.constantFrom('${var.x}', '${lifeboat_backup.b.backup_id}', '${each.value}', '${count.index}', '../../etc/passwd', '\u0000', '__proto__', 'in01-0123456789abcdef', '02:00-04:00', 'daily', ''),
  fc.integer({ min: 1000, max: 50_000 }).map((length) => 'x'.repeat(length)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  fc.array(hostileString, { maxLength: 4 }),
  fc.constantFrom(0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER, true, null),
);
const blockName = fc.oneof(
  fc.constantFrom('nightly', 'a.b', '../x', '', '__proto__', 'constructor', '${var.x}', '\u0000', '日本', '1st', 'a-b', 'x'.repeat(300)),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const attributeName = fc.oneof(
  fc.constantFrom('cluster_id', 'enabled', 'frequency', 'start_time', 'retention_days', 'interval_minutes', 'region_id', 'backup_id', 'project_id', 'cluster_name'),
  fc.constantFrom('count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'timeouts', 'connection', 'provisioner', '__proto__', 'constructor', ''),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
/** `count` is kept to at most 1,000 so runs stay quick; the engine's limit on larger ones has a test of its own. */
const boundedCount = (value: unknown): unknown => (typeof value === 'number' && Math.abs(value) > 1000 ? 1000 : value);
const attributes = fc
  .dictionary(attributeName, hostileValue, { maxKeys: 6 })
  .map((block) => ('count' in block ? Object.defineProperty(block, 'count', { value: boundedCount(block.count), enumerable: true, writable: true, configurable: true }) : block));
const resourceType = fc.oneof(fc.constantFrom(...[...managedResourceTypes, ...dataSourceTypes].map((t) => t.type)), fc.constantFrom('aws_instance', '', '__proto__', 'lifeboat_'));
const section = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: hostileValue });
const document = fc.record(
  {
    resource: section(fc.dictionary(resourceType, fc.dictionary(blockName, section(attributes), { maxKeys: 3 }), { maxKeys: 3 })),
    data: section(fc.dictionary(resourceType, fc.dictionary(blockName, section(attributes), { maxKeys: 2 }), { maxKeys: 2 })),
    variable: section(fc.dictionary(blockName, fc.record({ type: fc.oneof(hostileString, fc.constantFrom('string', 'number', 'map(string)', 'list(object({a=string}))', 'any')), default: hostileValue, sensitive: hostileValue }, { requiredKeys: [] }), { maxKeys: 3 })),
    locals: section(fc.dictionary(blockName, hostileValue, { maxKeys: 3 })),
    output: section(fc.dictionary(blockName, fc.record({ value: hostileValue, sensitive: hostileValue }, { requiredKeys: [] }), { maxKeys: 3 })),
    provider: section(fc.dictionary(fc.constantFrom('lifeboat', 'aws', ''), section(attributes), { maxKeys: 2 })),
    terraform: section(attributes),
    moved: section(fc.array(fc.record({ from: hostileString, to: hostileString }, { requiredKeys: [] }), { maxLength: 2 })),
    import: section(fc.array(fc.record({ to: hostileString, id: hostileString }, { requiredKeys: [] }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
/** Text that is not (quite) JSON, or JSON no parser should have to build. */
const brokenText = fc.oneof(
  document.map((doc) => JSON.stringify(doc)).chain((text) => fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
  document.map((doc) => `\ufeff${JSON.stringify(doc)}`),
  fc.constantFrom('', '\u0000', 'null', '[]', '"text"', '12', '{"resource":', '{"a":1}{"b":2}', '{"resource":{"lifeboat_backup":{"a":{}},"lifeboat_backup":{"a":{}}}}', '/* comment */ {}'),
  fc.integer({ min: 100, max: 100_000 }).map((depth) => `{"locals":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
/** A CDKTF manifest pointing somewhere odd. */
const manifest = fc.record({
  version: fc.oneof(fc.constant('0.20.0'), hostileValue),
  stacks: fc.oneof(
    fc.dictionary(
      blockName,
      fc.record(
        {
          name: hostileValue,
          synthesizedStackPath: fc.oneof(fc.constantFrom('stacks/a/cdk.tf.json', '../../../../etc/passwd', '/etc/hostname', '', '\u0000', 'stacks/../../x', 'x'.repeat(5000)), hostileValue),
          workingDirectory: fc.oneof(fc.constantFrom('stacks/a', '..', '/', '\u0000'), hostileValue),
          annotations: hostileValue,
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 2 },
    ),
    hostileValue,
  ),
});

type Case = { readonly kind: 'document'; readonly files: readonly string[] } | { readonly kind: 'manifest'; readonly manifest: string; readonly stack: string };
const caseArbitrary: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: fc.array(document.map((doc) => JSON.stringify(doc)), { minLength: 1, maxLength: 2 }).map((files): Case => ({ kind: 'document', files })) },
  { weight: 2, arbitrary: fc.array(brokenText, { minLength: 1, maxLength: 2 }).map((files): Case => ({ kind: 'document', files })) },
  { weight: 1, arbitrary: fc.tuple(manifest.map((m) => JSON.stringify(m)), document.map((doc) => JSON.stringify(doc))).map(([text, stack]): Case => ({ kind: 'manifest', manifest: text, stack })) },
);

function checkDiagnostic(diagnostic: ConfigDiagnostic): void {
  expect(['error', 'warning']).toContain(diagnostic.severity);
  expect(typeof diagnostic.summary === 'string' && diagnostic.summary.length > 0, JSON.stringify(diagnostic)).toBe(true);
  expect(typeof diagnostic.detail === 'string' && diagnostic.detail.length > 0, JSON.stringify(diagnostic)).toBe(true);
  count(diagnosticsSeen, diagnostic.summary);
}

/** Loads, validates and resolves one case; `tally` false for the known-problem cases, kept out of the figures. */
async function loadCase(testCase: Case, tally = true): Promise<void> {
  const dir = join(work, String(runIndex++));
  await mkdir(dir);
  if (testCase.kind === 'document') {
    for (const [index, text] of testCase.files.entries()) await writeFile(join(dir, `part${index}.tf.json`), text);
  } else {
    await mkdir(join(dir, 'cdktf.out', 'stacks', 'a'), { recursive: true });
    await writeFile(join(dir, 'cdktf.out', 'manifest.json'), testCase.manifest);
    await writeFile(join(dir, 'cdktf.out', 'stacks', 'a', 'cdk.tf.json'), testCase.stack);
  }
  try {
    const { configuration, diagnostics } = await loadConfiguration({ dir });
    const checked = [...diagnostics, ...validateConfiguration(configuration), ...(await resolveVariables(configuration, { vars: {}, env: {} })).diagnostics];
    for (const diagnostic of checked) checkDiagnostic(diagnostic);
    if (tally) count(outcomes, `documents: ${checked.some((d) => d.severity === 'error') ? 'refused with diagnostics' : 'accepted'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe(`hostile input to the engine (${replayHint()})`, () => {
  it('parses and evaluates any text, throwing only ExpressionErrors with a code', () => {
    fc.assert(
      fc.property(expressionText, (text) => {
        onlyExpressionErrors('templates', () => parseTemplate(text));
        onlyExpressionErrors('expressions', () => parseExpression(text.startsWith('${') ? text.slice(2, -1) : text));
        onlyExpressionErrors('evaluations', () => evaluateTemplate(text, anyScope));
      }),
      { seed, numRuns: expressionRuns },
    );
  });

  it('reports a document nested 5,000 levels deep as a diagnostic instead of overflowing the stack', async () => {
    await loadCase({ kind: 'document', files: [`{"locals":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`] }, false);
  });

  it('refuses a count of a million, or of 2^53, at once with a diagnostic instead of expanding the instances', async () => {
    for (const count of [1_000_000, 9007199254740991]) {
      const started = performance.now();
      await loadCase({ kind: 'document', files: [JSON.stringify({ resource: { lifeboat_backup: { huge: { count, cluster_id: 'in01-0123456789abcdef' } } } })] }, false);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('loads any Terraform JSON or CDKTF manifest without throwing, reporting each problem as a diagnostic', async () => {
    await fc.assert(fc.asyncProperty(caseArbitrary, (testCase) => loadCase(testCase)), { seed, numRuns: documentRuns });

    const loaded = Object.entries(outcomes).filter(([name]) => name.startsWith('documents')).reduce((sum, [, n]) => sum + n, 0);
    await recordReport({
      suite: 'fuzz-engine',
      title: 'Bad input: the engine',
      summary: `engine fuzzing: ${expressionRuns} expressions, ${loaded} configurations, 0 crashes (${replayHint()})`,
      tried:
        `fast-check properties: ${expressionRuns} texts (grammar pieces glued at random, any unicode with lone surrogates, nesting up to 5,000 levels in every bracket, ` +
        `50,000-character strings) through parseTemplate, parseExpression and evaluateTemplate; ${loaded} configurations — Terraform JSON documents with ` +
        'hostile block names, attribute names and values, broken or truncated JSON, nesting up to 100,000 levels deep, and CDKTF manifests pointing outside the ' +
        'directory — through loadConfiguration, validateConfiguration and resolveVariables.',
      held: [
        'parsing and evaluating threw nothing but ExpressionErrors, each with one of the known codes and a message',
        'loading, validating and resolving variables never threw; every problem came back as a diagnostic with a severity, a summary and a detail',
      ],
      figures: [
        ['Expression outcomes', formatCounts(Object.fromEntries(Object.entries(outcomes).filter(([name]) => !name.startsWith('documents'))))],
        ['Configurations loaded', `${loaded}: ${formatCounts(Object.fromEntries(Object.entries(outcomes).filter(([name]) => name.startsWith('documents'))))}`],
        ['Distinct diagnostic summaries', Object.keys(diagnosticsSeen).length],
        ['Most frequent diagnostics', formatCounts(Object.fromEntries(Object.entries(diagnosticsSeen).sort((a, b) => b[1] - a[1]).slice(0, 5)))],
      ],
      durationMs: Date.now() - startedAt,
    });
  });
});
