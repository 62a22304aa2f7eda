import { join } from 'node:path';
import { describe, it } from 'vitest';
import { planToJson, renderPlan } from '../../src/render/index.js';
import { expectGolden, fixedTimestamp, fixtureNames, fixturesDir, loadFixture } from './golden.js';

describe.each(fixtureNames())('fixture %s', (name) => {
  it('renders the plan text in expected.txt', async () => {
    const { plan } = await loadFixture(name);
    expectGolden(renderPlan(plan, { color: false }), join(fixturesDir, name, 'expected.txt'));
  });

  it('renders the JSON plan in expected.json', async () => {
    const { plan } = await loadFixture(name);
    expectGolden(`${JSON.stringify(planToJson(plan, { timestamp: fixedTimestamp }), null, 2)}\n`, join(fixturesDir, name, 'expected.json'));
  });
});
