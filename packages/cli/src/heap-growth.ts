/**
 * How far V8 lets the heap grow past the live data before its next full collection, and how
 * large it lets the young generation grow (boundYoungGeneration, below), for the command
 * line's process (its worker threads too: V8's flags are the process's).
 *
 * Why: a run's live data is flat — 16 MB after every full collection on the 2,000-school city
 * (`node --trace-gc`) — but with its default, adaptive factor (up to 4× for a heap that
 * collects this fast) V8 let the old generation fill to about 85 MB with the parses of files
 * already checked before collecting. Peak memory then grew with the length of a run, not with
 * what it holds: 170 MB for 2,000 schools against 110 MB for 200. At 1.5× the live data the
 * 2,000-school run peaks at 130 MB, in the same time (`/usr/bin/time`, one thread); a full
 * collection of a heap this size takes 3–8 ms. (Forcing collections instead would need `vm`,
 * which the shipped code never uses: tests/hostile/no-code-executed.test.ts.)
 *
 * Only for a run that checks more than LONG_RUN_FILES files (commands/common.ts, once the cache
 * has said which files need checking): a short run ends before V8's own factor costs memory,
 * and collecting at 1.5× made a warm `--cache` run with one file changed of 2,000 spend about
 * 5% more CPU on full collections of its cache index. The language server and programs using
 * the npm API keep V8's defaults.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The heap may grow to (1 + HEAP_GROWING_PERCENT / 100) × its live data between full collections. */
export const HEAP_GROWING_PERCENT = 50;
/** Runs that check more files than this bound the heap's growth. */
export const LONG_RUN_FILES = 64;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The young generation's size (V8's new space, both halves) at which it stops growing: halves
 * of 2 MB, as `node --max-semi-space-size=2`.
 *
 * Why: V8 doubles the new space (`--semi-space-growth-factor=2`) while a thread allocates fast,
 * up to 16 MB a half — 32 MB of RSS that a long run reaches and a short one does not, most of
 * the difference between checking 2,000 schools and 200 (123 against 83 MB). The maximum itself
 * is fixed when the heap is made, so only a flag of the process could lower it; but the growth
 * factor is read at each growth, so setting it to 1 once the new space has reached the cap
 * stops it there. When the check starts (commands/common.ts, for every check) the new space
 * has usually reached it already, and stops at once; else it is looked at after each minor
 * collection (a `gc` performance entry, delivered between files, so a single large file may
 * grow it further first). Halves of 2 MB rather than 4: the new space is 4 MB when the check
 * starts, and the observer cannot stop it at the next doubling during one long synchronous
 * file. On the 2,000-school city, halves of 2, 4 and 16 MB took the same CPU time (9.31, 9.21,
 * 9.29 s user, two runs each, `/usr/bin/time`, `--format json`). Workers are capped by their
 * own `resourceLimits` (check-in-workers.ts).
 */
export const YOUNG_GENERATION_CAP_BYTES = 4 * 1024 * 1024;

let bounded = false;
const newSpaceBytes = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

export function boundYoungGeneration(): void {
  if (bounded) return;
  bounded = true;
  const stopAtCap = (): boolean => {
    if (newSpaceBytes() < YOUNG_GENERATION_CAP_BYTES) return false;
    setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  };
  if (stopAtCap()) return;
  const observer = new PerformanceObserver(() => {
    if (stopAtCap()) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
