/**
 * `npm run bench`: runs every benchmark, prints the figures and writes docs/benchmarks.md.
 * Run it on an otherwise idle machine; the figures are only as quiet as the machine is.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReport, type BenchmarkResult } from './report.js';
import { engineBench } from './engine.js';
import { sdkOverhead } from './sdk-overhead.js';

const results: BenchmarkResult[] = [];
for (const benchmark of [sdkOverhead, engineBench]) {
  console.log(`running ${benchmark.name} …`);
  for (const result of await benchmark()) {
    results.push(result);
    console.log(result.name);
    for (const [figure, value] of Object.entries(result.figures)) console.log(`  ${figure}: ${value}`);
    if (result.ratio) console.log(`  ${result.ratio.label}: ${result.ratio.value.toFixed(3)} (target ${result.ratio.higherIsBetter === true ? '≥' : '≤'} ${result.ratio.target})`);
  }
}
const target = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
writeFileSync(target, renderReport(results));
console.log(`wrote ${target}`);
