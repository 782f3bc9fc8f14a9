/**
 * packages/cli/src/heap-growth.ts, what a check does to V8's heap: the young generation stops
 * growing at its cap (as `--max-semi-space-size=2` would hold it), where a process left alone
 * doubles it to 32 MB — whether the event loop turns between files (the `gc` observer sees it)
 * or the work is one synchronous stretch with checkpoints (a walk). Each case is a process of
 * its own: V8's flags are the process's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const MODULE = pathToFileURL(join(ROOT, 'packages/cli/dist/heap-growth.js')).href;

/**
 * The largest new space a process sees while it allocates as a check does (short-lived objects,
 * some kept a while), in rounds: `alone` without bounding; `turns`, bounded, the event loop
 * turning between rounds; `checkpoints`, bounded, one synchronous stretch with a checkpoint
 * between rounds.
 */
function largestNewSpace(mode: 'alone' | 'turns' | 'checkpoints'): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { boundYoungGeneration, youngGenerationCheckpoint } = await import(${JSON.stringify(MODULE)});
    const mode = ${JSON.stringify(mode)};
    if (mode !== 'alone') boundYoungGeneration();
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
      if (mode === 'checkpoints') youngGenerationCheckpoint();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(largest);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim());
}

describe('heap-growth: a check bounds the young generation', () => {
  it('stops the new space at 4 MB (halves of 2 MB); left alone V8 grows it past that', async () => {
    const { YOUNG_GENERATION_CAP_BYTES } = (await import(MODULE)) as { YOUNG_GENERATION_CAP_BYTES: number };
    expect(YOUNG_GENERATION_CAP_BYTES).toBe(4 * 1024 * 1024);
    expect(largestNewSpace('alone')).toBeGreaterThan(YOUNG_GENERATION_CAP_BYTES);
    expect(largestNewSpace('turns')).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
    expect(largestNewSpace('checkpoints')).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  });
});
