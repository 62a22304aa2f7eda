import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** A figure against its anchor, measured in the same run. */
export interface BenchmarkRatio {
  readonly label: string;
  readonly value: number;
  /** The target the ratio must meet; absent when the ratio is there for scale only. */
  readonly target?: number;
  readonly higherIsBetter?: boolean;
  /** Why the target is missed: printed only when it is. */
  readonly whyMissed?: string;
}

/** One benchmark's figures and, where it has one, its ratio against the anchor measured beside it. */
export interface BenchmarkResult {
  readonly name: string;
  /** What is measured and how: the anchor, the cache state, the number of runs. */
  readonly method?: string;
  readonly figures: Readonly<Record<string, string>>;
  readonly ratio?: BenchmarkRatio;
}

/** Whether a ratio meets its target; `undefined` when it has none. */
export function targetMet(ratio: BenchmarkRatio): boolean | undefined {
  if (ratio.target === undefined) return undefined;
  return ratio.higherIsBetter === true ? ratio.value >= ratio.target : ratio.value <= ratio.target;
}

/** `≤ 1.2: met`, `≥ 10: missed by 57.6%`, or `no target`. */
export function verdict(ratio: BenchmarkRatio): string {
  const met = targetMet(ratio);
  if (ratio.target === undefined || met === undefined) return 'no target';
  const bound = `${ratio.higherIsBetter === true ? '≥' : '≤'} ${ratio.target}`;
  return met ? `target ${bound}: met` : `target ${bound}: missed by ${((Math.abs(ratio.value - ratio.target) / ratio.target) * 100).toFixed(1)}%`;
}

/** The results of one benchmark with the command that produces them alone. */
export interface BenchmarkSection {
  readonly command: string;
  readonly results: readonly BenchmarkResult[];
}

/** The machine's state when a run started, for the report's header. */
export interface RunStart {
  readonly date: Date;
  /** 1-, 5- and 15-minute load averages. */
  readonly load: readonly number[];
  readonly freeBytes: number;
}

/** The machine's state now: call it before the first benchmark. */
export function runStart(): RunStart {
  return { date: new Date(), load: loadavg(), freeBytes: freemem() };
}

/** Renders `docs/benchmarks.md`: the machine, the Node version and date, then each result. */
export function renderReport(sections: readonly BenchmarkSection[], start: RunStart = runStart()): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench`; every figure below comes from one run of it. Each benchmark',
    'measures its anchor (a bare `fetch`, `cp`, `terraform`, a bare `node`) in the same run, so',
    'ratios compare like with like on the same machine. Each section names the command that runs',
    'it alone (which prints its figures without rewriting this file).',
    '',
    `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(start.freeBytes / 2 ** 30).toFixed(0)} GiB free at start)`,
    `- Load average at start: ${start.load.map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min); other work on the machine makes figures noisier`,
    `- Node: ${process.version} on ${process.platform}/${process.arch}`,
    `- Date: ${start.date.toISOString().slice(0, 10)}`,
    '',
  ];
  lines.push('| benchmark | ratio | value | target |', '|---|---|---|---|');
  for (const { results } of sections) {
    for (const { name, ratio } of results) {
      if (ratio !== undefined) lines.push(`| ${name} | ${ratio.label} | ${ratio.value.toFixed(3)} | ${verdict(ratio)} |`);
    }
  }
  lines.push('');
  for (const { command, results } of sections) {
    for (const result of results) {
      lines.push(`## ${result.name}`, '', `\`${command}\``, '');
      if (result.method !== undefined) lines.push(result.method, '');
      lines.push('| figure | value |', '|---|---|');
      for (const [figure, value] of Object.entries(result.figures)) lines.push(`| ${figure} | ${value} |`);
      if (result.ratio) lines.push(`| **${result.ratio.label}** | **${result.ratio.value.toFixed(3)}** (${verdict(result.ratio)}) |`);
      lines.push('');
      if (result.ratio?.whyMissed !== undefined && targetMet(result.ratio) === false) lines.push(`Why the target is missed: ${result.ratio.whyMissed}`, '');
    }
  }
  return lines.join('\n');
}
