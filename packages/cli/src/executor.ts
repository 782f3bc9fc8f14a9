/**
 * The executor of the check pipeline: one interface whether files are checked in this thread
 * or by a pool of worker threads (`--concurrency`), and the one place that decides which.
 * Every thread has its own rule sets: a json-rules-engine Engine never runs two checks at once.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CheckJob, CheckOptions } from './check-tasks.js';
import type { Outcome } from './outcome.js';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';

export interface ExecutorOptions extends CheckOptions {
  /** `--config FILE`, which applies to every file. */
  configFile?: string;
  /** One folder per configuration the run uses, in the order of the targets (see `threadResolver`). */
  configFolders: readonly string[];
  /** Compute content digests for `--cache`. */
  digest: boolean;
}

export interface Executor {
  /** Threads that check (1 in process). */
  readonly threads: number;
  /**
   * Checks every job and calls `onOutcome` once per job, in any order, as results arrive (so
   * the caller can spool them instead of holding them). Rejects with the configuration error
   * (exit 2) of the first broken configuration in target order, whichever thread met it.
   */
  run(jobs: readonly CheckJob[], onOutcome: (outcome: Outcome) => void): Promise<void>;
}

/** Ends worker threads (started ahead and not, or no longer, needed); ending one twice is harmless. */
export function stopWorkers(workers: readonly Worker[]): void {
  for (const w of workers) void w.terminate();
}

export function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  // Digits only, as --shard: Number() would also take ` 2`, `0x2` and `1e1`.
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(M.concurrency(value));
  return n;
}

/**
 * `--concurrency auto` starts workers only for this many bytes to check per worker. A worker
 * costs its start-up (its own engine load and JIT warm-up) and copying results back: measured
 * on the 2-core bench machine (process CPU time, bench/corpus.mjs), the 200-school city
 * (4.7 MB) took 2.7 s of CPU in two workers against 1.8 s in one thread — no gain possible —
 * and the 2,000-school city (46 MB) 12.5 s against 10.3 s (+21%), which two free cores turn
 * into a gain. Below 8 MiB per worker the run stays in one thread. (Measured with the earlier
 * pool of n workers beside an idle main thread; this thread now checks too, which costs one
 * worker's start-up less, so the threshold is on the safe side.)
 */
export const AUTO_BYTES_PER_WORKER = 8 * 1024 * 1024;

/** How many threads `auto` uses for these jobs: 1 unless every worker gets enough bytes to pay for itself. */
export function autoThreads(jobs: readonly Pick<CheckJob, 'size'>[], cores = availableParallelism()): number {
  let bytes = 0;
  for (const j of jobs) bytes += j.size;
  return Math.max(1, Math.min(cores, Math.floor(bytes / AUTO_BYTES_PER_WORKER), jobs.length));
}

/** The executor for these jobs: in this thread, or a pool of `n` threads (never more than jobs); `started`: workers started ahead, ended if not used. */
export async function chooseExecutor(jobs: readonly CheckJob[], concurrency: number | 'auto' | undefined, options: ExecutorOptions, started: readonly Worker[] = []): Promise<Executor> {
  const wanted = concurrency === 'auto' ? autoThreads(jobs) : (concurrency ?? 1);
  const threads = Math.min(wanted, jobs.length);
  if (threads > 1) {
    const { WorkerPool } = await import('./check-in-workers.js');
    return new WorkerPool(threads, options, started);
  }
  stopWorkers(started);
  const { InProcessExecutor } = await import('./in-process-executor.js');
  return new InProcessExecutor(options);
}
