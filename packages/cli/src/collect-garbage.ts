/**
 * A full garbage collection after every so many bytes checked in a thread.
 *
 * Why: a run's live data is flat — 16 MB after every full collection on the 2,000-school city
 * (`node --trace-gc`) — but V8 lets the old generation fill with the parses of files already
 * checked (promoted while they were being checked) up to its limit, about 85 MB there, before
 * it collects. Peak memory then grew with the length of a run rather than with what it holds.
 * Measured on that city (`/usr/bin/time`, one thread): peak RSS 170 → 130 MB, the 200-school
 * city's 110 MB unchanged, for about 7% more time (a forced collection also shrinks the young
 * generation); the asynchronous kind of collection did not lower the peak.
 *
 * `gc` is V8's own, made reachable as Jest's leak detector and the expose-gc package do it: the
 * flag, then a new context's global. Where that is not possible, nothing is collected early.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const COLLECT_EVERY = 4 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let since = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Whether this thread can collect early (the test that the way to V8's collector still works). */
export function canCollect(): boolean {
  return collector() !== null;
}

/** Counts `bytes` checked in this thread; past COLLECT_EVERY since the last collection, collects. */
export function checkedBytes(bytes: number): void {
  since += bytes;
  if (since < COLLECT_EVERY) return;
  since = 0;
  collector()?.();
}
