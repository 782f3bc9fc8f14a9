/**
 * Outside review E: whether a file's stat may later stand for its bytes (the racy-stat rule of
 * result-cache.ts: a file changed within RACY_MS of when its stat was taken is recorded
 * untrusted) was judged against the time the result was *recorded*, not the time the stat was
 * taken. A file checked in a long batch (a worker's batch answers at its end; this thread checks
 * its own batch before it takes the workers' answers) or a file that takes seconds to check was
 * recorded trusted although it was read moments after it was written — on a file system with
 * coarse timestamps (FAT's 2 s, network shares) a second write in the same tick then went unseen
 * by every later run.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFiles } from '../../packages/cli/src/find-files.js';
import { FileResultCache } from '../../packages/cli/src/result-cache.js';
import { runCheck } from '../../packages/cli/src/run-check.js';
import { failingBudget } from '../helpers/budget-fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-racy-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SECRET = Buffer.alloc(32, 6);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('the racy-stat rule', () => {
  it('judges a file by when its stat was taken, not by when its result was recorded', async () => {
    const file = join(dir, 'budget.yaml');
    const location = join(dir, '..', `${dir.split('/').pop()}.cache`);
    try {
      // Written just now, and read at once by the run.
      writeFileSync(file, failingBudget());
      const cache = new FileResultCache(location, SECRET);
      // Its result is recorded 2.5 s after it was read (a long batch, a slow check).
      const set = cache.set.bind(cache);
      cache.set = (...args: Parameters<FileResultCache['set']>) => {
        sleep(2500);
        set(...args);
      };
      const found = findFiles(['.'], dir);
      const run = await runCheck(found.targets, { locale: 'en', reportUnusedDirectives: false, version: 'test', unconfigured: found.unconfigured, cache });
      // Saved while the run's spool (which holds the new records) is open, as checkPaths does.
      expect(cache.save()).toBeUndefined();
      run.close();
      const st = statSync(file);
      const again = new FileResultCache(location, SECRET);
      expect(again.has(file)).toBe(true);
      // Racy when read: the next run reads the bytes again rather than trusting the stat.
      expect(again.digestByStat(file, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino })).toBeUndefined();
    } finally {
      rmSync(location, { force: true });
    }
  });
});
