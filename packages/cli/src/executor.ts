/**
 * The executor of the check pipeline: one interface whether files are checked in this thread
 * or by a pool of worker threads (`--concurrency`), and the one place that decides which.
 * Every thread has its own rule sets: a json-rules-engine Engine never runs two checks at once.
 */
import { availableParallelism } from 'node:os';
import type { CheckJob, CheckOptions } from './check-tasks.js';
import type { Outcome } from './outcome.js';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';

export interface ExecutorOptions extends CheckOptions {
  /** `--config FILE`, which applies to every file. */
  configFile?: string;
  /** One folder per configuration the run uses, in the order of the targets (see `resolveConfigs`). */
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

export function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(M.concurrency(value));
  return n;
}

/**
 * `--concurrency auto` starts workers only for this many bytes to check per worker. A worker
 * costs its start-up (loading the engine: about 0.3 s of one core, measured on the bench
 * machine) plus copying results; below this the run is faster in one thread. Measured with
 * bench/pipeline-memory.mjs --concurrency (see README "Scale").
 */
export const AUTO_BYTES_PER_WORKER = 4 * 1024 * 1024;

/** How many threads `auto` uses for these jobs: 1 unless every worker gets enough bytes to pay for itself. */
export function autoThreads(jobs: readonly Pick<CheckJob, 'size'>[], cores = availableParallelism()): number {
  let bytes = 0;
  for (const j of jobs) bytes += j.size;
  return Math.max(1, Math.min(cores, Math.floor(bytes / AUTO_BYTES_PER_WORKER), jobs.length));
}

/** The executor for these jobs: in this thread, or a pool of `n` workers (never more than jobs). */
export async function chooseExecutor(jobs: readonly CheckJob[], concurrency: number | 'auto' | undefined, options: ExecutorOptions): Promise<Executor> {
  const wanted = concurrency === 'auto' ? autoThreads(jobs) : (concurrency ?? 1);
  const threads = Math.min(wanted, jobs.length);
  if (threads > 1) {
    const { WorkerPool } = await import('./check-in-workers.js');
    return new WorkerPool(threads, options);
  }
  const { InProcessExecutor } = await import('./in-process-executor.js');
  return new InProcessExecutor(options);
}
