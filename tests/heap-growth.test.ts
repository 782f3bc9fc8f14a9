/**
 * packages/cli/src/heap-growth.ts, what a long run of the CLI does to V8's heap: the young
 * generation stops growing at its cap (as `--max-semi-space-size=2` would hold it), where a
 * process left alone doubles it to 32 MB. Each case is a process of its own: V8's flags are the
 * process's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const MODULE = pathToFileURL(join(ROOT, 'packages/cli/dist/heap-growth.js')).href;

/** The largest new space a process sees while it allocates as a check does (short-lived objects, some kept a while). */
function largestNewSpace(bound: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { boundYoungGeneration } = await import(${JSON.stringify(MODULE)});
    if (${bound}) boundYoungGeneration();
    const size = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    let largest = 0;
    let kept = [];
    for (let round = 0; round < 600; round++) {
      for (let i = 0; i < 5000; i++) {
        const record = { id: 'T' + i, role: 'teacher', pay: [i, i + 1], round };
        if (i % 50 === 0) kept.push(record);
      }
      if (kept.length > 20000) kept = [];
      largest = Math.max(largest, size());
      await new Promise((resolve) => setImmediate(resolve)); // the gc entries are delivered between files
    }
    console.log(largest);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim());
}

describe('heap-growth: a long run bounds the young generation', () => {
  it('stops the new space at 4 MB (halves of 2 MB); left alone V8 grows it past that', async () => {
    const { YOUNG_GENERATION_CAP_BYTES } = (await import(MODULE)) as { YOUNG_GENERATION_CAP_BYTES: number };
    expect(YOUNG_GENERATION_CAP_BYTES).toBe(4 * 1024 * 1024);
    const alone = largestNewSpace(false);
    const bounded = largestNewSpace(true);
    expect(alone).toBeGreaterThan(YOUNG_GENERATION_CAP_BYTES);
    expect(bounded).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  });
});
