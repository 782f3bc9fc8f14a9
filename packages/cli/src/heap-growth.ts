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
 * up to 16 MB a half — RSS that a long run reaches and a short one does not, most of the
 * difference between checking 2,000 schools and 200 (123 against 83 MB). The maximum itself is
 * fixed when the heap is made, so only a flag of the process could lower it; but the growth
 * factor is read at each growth, so setting it to 1 once the new space has reached the cap
 * stops it there.
 *
 * When: from the start of a check (commands/common.ts, before the folders are walked — walking
 * 4,000 files had grown it to 16 MB by the time the first was checked), looked at after each
 * minor collection (a `gc` performance entry) and at each `youngGenerationCheckpoint()` — the
 * walk calls it per folder and the run per file, since a performance entry is only delivered
 * when the event loop turns, and a walk is one synchronous stretch. A read costs about 2 µs.
 *
 * Halves of 2 MB: on the 2,000-school city (`/usr/bin/time`, `--format json`, one thread,
 * `--max-semi-space-size=N`, two runs each) halves of 1 MB peaked higher (109–113 MB: more
 * objects promoted) and took longer, halves of 2 MB 92–94 MB, of 16 MB (V8's default) 128 MB,
 * in the same time as 2 MB. Workers are capped by their own `resourceLimits`
 * (check-in-workers.ts).
 */
export const YOUNG_GENERATION_CAP_BYTES = 4 * 1024 * 1024;

/** 'off': not bounding (the language server, the npm API); 'watching': until the cap is reached; 'stopped'. */
let state: 'off' | 'watching' | 'stopped' = 'off';
let observer: PerformanceObserver | undefined;
const newSpaceBytes = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

/** Stops the new space's growth if it has reached the cap; true once stopped. */
function stopAtCap(): boolean {
  if (newSpaceBytes() < YOUNG_GENERATION_CAP_BYTES) return false;
  setFlagsFromString('--semi-space-growth-factor=1');
  state = 'stopped';
  observer?.disconnect();
  observer = undefined;
  return true;
}

/** Bounds the young generation of this process's main thread from now on (see above). */
export function boundYoungGeneration(): void {
  if (state !== 'off') return;
  state = 'watching';
  if (stopAtCap()) return;
  observer = new PerformanceObserver(youngGenerationCheckpoint);
  observer.observe({ entryTypes: ['gc'] });
}

/** A point between units of synchronous work (a folder walked, a file recorded): stops the growth there if due. */
export function youngGenerationCheckpoint(): void {
  if (state === 'watching') stopAtCap();
}
