import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every ```ts block of docs/sdk.md must compile against the SDK's sources with the repository's
 * compiler options, so the guide cannot drift from the API it describes.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const guidePath = join(repoRoot, 'docs', 'sdk.md');
const guideName = 'docs/sdk.md';

/**
 * Names the guide's snippets share without declaring them, as its introduction says: the client
 * and the ids of the reader's own objects. A global script, so a snippet that declares its own
 * `client` simply shadows it.
 */
const prelude = `declare const client: import('@lifeboat/sdk').Lifeboat;
declare const clusterId: string;
declare const projectId: string;
declare const backupId: string;
`;

interface Snippet {
  /** Line of docs/sdk.md holding the snippet's first line of code (1-based). */
  readonly firstLine: number;
  readonly code: string;
}

interface Fence {
  readonly line: number;
  readonly info: string;
}

function readFences(markdown: string): { snippets: Snippet[]; fences: Fence[]; unclosed: Fence | undefined } {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  const fences: Fence[] = [];
  let open: { fence: Fence; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const marker = /^\s*```(.*)$/.exec(text);
    if (!marker) {
      open?.body.push(text);
      return;
    }
    if (open === undefined) {
      const fence = { line: index + 1, info: (marker[1] ?? '').trim() };
      fences.push(fence);
      open = { fence, body: [] };
      return;
    }
    if (open.fence.info === 'ts') snippets.push({ firstLine: open.fence.line + 1, code: `${open.body.join('\n')}\n` });
    open = undefined;
  });
  return { snippets, fences, unclosed: open?.fence };
}

/** tsconfig.base.json's options, plus what a snippet directory needs. */
function compilerOptions(snippetDir: string): ts.CompilerOptions {
  const base = ts.readConfigFile(join(repoRoot, 'tsconfig.base.json'), (path) => ts.sys.readFile(path));
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, '\n'));
  const config = base.config as { compilerOptions: unknown };
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, snippetDir);
  if (errors.length > 0) throw new Error(errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')).join('\n'));
  return {
    ...options,
    types: ['node'],
    noEmit: true,
    // Each snippet is its own module, even one without imports, so snippets never clash.
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
}

const guide = readFences(readFileSync(guidePath, 'utf8'));
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('docs/sdk.md', () => {
  it('is closed: every code fence ends', () => {
    expect(guide.unclosed, `unclosed fence at ${guideName}:${guide.unclosed?.line}`).toBeUndefined();
  });

  it('fences TypeScript as ts, so every TypeScript block is checked', () => {
    const misfenced = guide.fences
      .filter((fence) => /^(typescript|tsx|js|javascript|mjs|mts)\b/i.test(fence.info))
      .map((fence) => `${guideName}:${fence.line} is fenced as "${fence.info}"; use ts`);
    expect(misfenced).toEqual([]);
    expect(guide.snippets.length).toBeGreaterThan(10);
  });

  it('has ts snippets that all type-check against the SDK', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeboat-doc-snippets-'));
    tempDirs.push(dir);
    // '@lifeboat/sdk' resolves through the workspace symlink to packages/sdk/src (customConditions).
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'junction');
    mkdirSync(join(dir, 'snippets'));
    const preludePath = join(dir, 'snippets', 'prelude.d.ts');
    writeFileSync(preludePath, prelude);
    const files = guide.snippets.map((snippet, index) => {
      const path = join(dir, 'snippets', `snippet-${String(index + 1).padStart(2, '0')}-line-${snippet.firstLine}.ts`);
      writeFileSync(path, snippet.code);
      return { path, snippet };
    });

    const options = compilerOptions(dir);
    const host = ts.createCompilerHost(options);
    host.getCurrentDirectory = () => dir;
    const program = ts.createProgram({ rootNames: [preludePath, ...files.map((file) => file.path)], options, host });

    // The compiler reports file names with forward slashes on every platform.
    const slashed = (path: string) => path.replaceAll('\\', '/');
    const snippetByFile = new Map(files.map((file) => [slashed(file.path), file.snippet]));
    const checked = new Set([slashed(preludePath), ...snippetByFile.keys()]);
    const where = (diagnostic: ts.Diagnostic): string => {
      const file = diagnostic.file;
      if (file === undefined || diagnostic.start === undefined) return '(compiler options)';
      const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start);
      const snippet = snippetByFile.get(file.fileName);
      if (snippet === undefined) return `${slashed(relative(repoRoot, file.fileName))}:${line + 1}:${character + 1}`;
      return `${guideName}:${snippet.firstLine + line}:${character + 1} (snippet from line ${snippet.firstLine})`;
    };
    const problems = new Set<string>();
    const sourceFiles = program.getSourceFiles().filter((sourceFile) => checked.has(sourceFile.fileName));
    for (const sourceFile of sourceFiles) {
      for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
        problems.add(`${where(diagnostic)} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')}`);
      }
    }
    // A snippet the program did not load, or an SDK resolved to a stale build, would pass silently.
    expect(sourceFiles).toHaveLength(checked.size);
    expect(program.getSourceFiles().some((sourceFile) => sourceFile.fileName.endsWith('/packages/sdk/src/index.ts'))).toBe(true);
    const list = [...problems];
    expect(list, `type errors in ${guideName} snippets:\n${list.join('\n')}`).toEqual([]);
  });
});
