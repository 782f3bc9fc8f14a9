/**
 * The worker-pool executor (`--concurrency n`). Light on purpose: the thread that starts the
 * workers never loads the rule engine itself.
 *
 * Work is pulled, not dealt: the jobs are queued largest first and cut into batches of about
 * the same number of bytes; each worker holds two batches (the one it checks and the next), and
 * gets another each time it answers one. A 9 MB staffing file and 4,000 small ones end at about
 * the same time on every core, whatever the sizes, and results come back batch by batch (each
 * file's report as one JSON string) instead of all at the end.
 */
import { Worker } from 'node:worker_threads';
import type { CheckJob } from './check-tasks.js';
import type { Executor, ExecutorOptions } from './executor.js';
import type { Outcome } from './outcome.js';
import { receivedError, type FromWorker, type ToWorker } from './worker-messages.js';

/** Batches per worker over the run: enough for the last ones to even out the ends. */
const BATCHES_PER_WORKER = 16;
/** Bounds of a batch: a round trip costs about a millisecond; a batch holds its results until answered. */
const MIN_BATCH_BYTES = 64 * 1024;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_FILES = 256;

/** Cuts the jobs, largest first, into batches of about `target` bytes (a larger job is a batch alone). */
export function batchesOf(jobs: readonly CheckJob[], threads: number): CheckJob[][] {
  const sorted = [...jobs].sort((a, b) => b.size - a.size || a.index - b.index);
  let total = 0;
  for (const j of sorted) total += j.size;
  const target = Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(total / (threads * BATCHES_PER_WORKER))));
  const out: CheckJob[][] = [];
  let batch: CheckJob[] = [];
  let bytes = 0;
  for (const job of sorted) {
    batch.push(job);
    bytes += job.size;
    if (bytes >= target || batch.length >= MAX_BATCH_FILES) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) out.push(batch);
  return out;
}

export class WorkerPool implements Executor {
  constructor(
    readonly threads: number,
    private readonly options: ExecutorOptions,
  ) {}

  run(jobs: readonly CheckJob[], onOutcome: (outcome: Outcome) => void): Promise<void> {
    const batches = batchesOf(jobs, this.threads);
    let next = 0;
    let pending = batches.length;
    const url = new URL('./check-worker.js', import.meta.url);
    const workers: Worker[] = [];
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        // Errors of threads being stopped do not matter any more: the first one is the answer.
        void Promise.all(workers.map((w) => w.terminate())).then(
          () => (error ? reject(error) : resolve()),
          () => (error ? reject(error) : resolve()),
        );
      };
      const feed = (worker: Worker) => {
        if (next < batches.length) worker.postMessage({ jobs: batches[next++]! } satisfies ToWorker);
      };
      if (pending === 0) return finish();
      for (let i = 0; i < this.threads; i++) {
        const worker = new Worker(url, { workerData: this.options });
        workers.push(worker);
        worker.on('message', (message: FromWorker) => {
          if (settled) return;
          if (message.type === 'error') return finish(receivedError(message.error));
          feed(worker);
          try {
            for (const o of message.outcomes) onOutcome(o);
          } catch (error) {
            return finish(error as Error);
          }
          if (--pending === 0) finish();
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (!settled) finish(new Error(`a check worker stopped (exit code ${code}) before its work was done`));
        });
        feed(worker);
        feed(worker);
      }
    });
  }
}
