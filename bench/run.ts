/**
 * `npm run bench`: runs every benchmark, prints the figures and writes docs/benchmarks.md.
 * `npm run bench -- backup sdk` (or `BENCH=backup,sdk npm run bench`) runs only those and prints
 * their figures without rewriting the doc, whose figures all come from one full run.
 * Run it on an otherwise idle machine; the figures are only as quiet as the machine is.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backupBench } from './backup.js';
import { cliStartBench } from './cli-start.js';
import { engineBench } from './engine.js';
import { renderReport, runStart, verdict, type BenchmarkResult, type BenchmarkSection } from './report.js';
import { sdkOverhead } from './sdk-overhead.js';

/** Every benchmark by the name that selects it, in the order a full run takes them. */
const benchmarks: Readonly<Record<string, () => Promise<BenchmarkResult[]>>> = {
  sdk: () => sdkOverhead(),
  cli: () => cliStartBench(),
  backup: () => backupBench(),
  engine: () => engineBench(),
};

const requested = [...process.argv.slice(2), ...(process.env.BENCH ?? '').split(',')].map((name) => name.trim()).filter((name) => name !== '');
const unknown = requested.filter((name) => !Object.hasOwn(benchmarks, name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const selected = requested.length > 0 ? [...new Set(requested)] : Object.keys(benchmarks);

const start = runStart();
const sections: BenchmarkSection[] = [];
for (const name of selected) {
  console.log(`running ${name} …`);
  const results = await (benchmarks[name] as () => Promise<BenchmarkResult[]>)();
  sections.push({ command: `npm run bench -- ${name}`, results });
  for (const result of results) {
    console.log(result.name);
    for (const [figure, value] of Object.entries(result.figures)) console.log(`  ${figure}: ${value}`);
    if (result.ratio) console.log(`  ${result.ratio.label}: ${result.ratio.value.toFixed(3)} (${verdict(result.ratio)})`);
  }
}
if (requested.length === 0) {
  const target = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  writeFileSync(target, renderReport(sections, start));
  console.log(`wrote ${target}`);
} else {
  console.log('ran a selection: docs/benchmarks.md is left as it is (a plain `npm run bench` rewrites it)');
}
