/**
 * How far V8 lets the heap grow past the live data before its next full collection, for the
 * command line's process (its worker threads too: V8's flags are the process's).
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
import { setFlagsFromString } from 'node:v8';

/** The heap may grow to (1 + HEAP_GROWING_PERCENT / 100) × its live data between full collections. */
export const HEAP_GROWING_PERCENT = 50;
/** Runs that check more files than this bound the heap's growth. */
export const LONG_RUN_FILES = 64;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
