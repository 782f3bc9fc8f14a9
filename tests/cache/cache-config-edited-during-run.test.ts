/**
 * Outside review E: a configuration edited while a `--cache` run is checking files. Every
 * configuration is loaded before the first file is checked, but the cache noted what the
 * configuration's files were (their digests) only when the first file checked under it was
 * recorded — possibly seconds later, after the edit. The cache then held the results of the
 * old configuration under the digests of the new one, and every later run with the cache
 * served them: a verdict no run without the cache gives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFiles } from '../../packages/cli/src/find-files.js';
import { FileResultCache } from '../../packages/cli/src/result-cache.js';
import { runCheck } from '../../packages/cli/src/run-check.js';
import { failingBudget } from '../helpers/budget-fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SECRET = Buffer.alloc(32, 5);
const PASSING = failingBudget().replace('teacherTraining: 150000', 'teacherTraining: 250000');
const PLAIN = 'extends:\n  - edunorm:plan14\n';
const OFF = `${PLAIN}rules:\n  teacher-training-funds: off\n`;

/** One run over the folder, with a cache at `location` or without one; its errors. */
async function errors(cache?: FileResultCache): Promise<number> {
  const found = findFiles(['.'], dir);
  const run = await runCheck(found.targets, { locale: 'en', reportUnusedDirectives: false, version: 'test', unconfigured: found.unconfigured, ...(cache ? { cache } : {}) });
  try {
    for await (const _ of run.reports()) {
      // read back, as check does
    }
    cache?.save();
    return run.summary.errors;
  } finally {
    run.close();
  }
}

describe('a configuration edited while a --cache run checks', () => {
  it('is not remembered with the results of the configuration the run loaded', async () => {
    // a/ (no configuration of its own) is checked first; b/ has its own configuration.
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'ok.yaml'), PASSING);
    writeFileSync(join(dir, 'b', 'edunorm.config.yaml'), PLAIN);
    writeFileSync(join(dir, 'b', 'budget.yaml'), failingBudget());
    const location = join(dir, '..', `${join(dir).split('/').pop()}.cache`);
    try {
      const cache = new FileResultCache(location, SECRET);
      // The user saves b's configuration while a/ok.yaml is being recorded: after b's
      // configuration was loaded, before b/budget.yaml was checked with it.
      const set = cache.set.bind(cache);
      let edited = false;
      cache.set = (...args: Parameters<FileResultCache['set']>) => {
        if (!edited) {
          edited = true;
          writeFileSync(join(dir, 'b', 'edunorm.config.yaml'), OFF);
        }
        set(...args);
      };
      // This run checked b/budget.yaml with the configuration it loaded: 1 error.
      expect(await errors(cache)).toBe(1);
      // Now the rule is off: without the cache, no error; with it, the same.
      expect(await errors()).toBe(0);
      expect(await errors(new FileResultCache(location, SECRET))).toBe(0);
      expect(await errors(new FileResultCache(location, SECRET))).toBe(0);
    } finally {
      rmSync(location, { force: true });
    }
  });
});
