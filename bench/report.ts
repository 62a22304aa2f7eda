import { cpus, freemem, totalmem } from 'node:os';

/** One benchmark's figures and, where it has one, its ratio against the anchor measured beside it. */
export interface BenchmarkResult {
  readonly name: string;
  readonly figures: Readonly<Record<string, string>>;
  readonly ratio?: { readonly label: string; readonly value: number; readonly target: number; readonly higherIsBetter?: boolean };
}

/** Renders `docs/benchmarks.md`: the machine, the Node version and date, then each result. */
export function renderReport(results: readonly BenchmarkResult[], now = new Date()): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench`; every figure below comes from one run of it. Each benchmark',
    'measures its anchor (a bare `fetch`, `cp`, `terraform`) in the same run, so ratios compare like',
    'with like on the same machine.',
    '',
    `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free at start)`,
    `- Node: ${process.version} on ${process.platform}/${process.arch}`,
    `- Date: ${now.toISOString().slice(0, 10)}`,
    '',
  ];
  for (const result of results) {
    lines.push(`## ${result.name}`, '', '| figure | value |', '|---|---|');
    for (const [figure, value] of Object.entries(result.figures)) lines.push(`| ${figure} | ${value} |`);
    if (result.ratio) {
      const { label, value, target, higherIsBetter } = result.ratio;
      const met = higherIsBetter === true ? value >= target : value <= target;
      const verdict = met ? 'met' : `missed by ${((Math.abs(value - target) / target) * 100).toFixed(1)}%`;
      lines.push(`| **${label}** | **${value.toFixed(3)}** (target ${higherIsBetter === true ? '≥' : '≤'} ${target}: ${verdict}) |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
