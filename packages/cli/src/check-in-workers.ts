/**
 * The worker-pool executor (`--concurrency n`): n threads check, this one and n − 1 workers.
 *
 * This thread is one of them because it would otherwise sit idle while the workers check (a
 * profile of the 2,000-school city with two workers: this thread busy 0.9 s of 6.0 s), and
 * every worker costs its own start-up, engine load and JIT warm-up — CPU that, on two cores,
 * is taken from the checking itself. Between two files it yields to the event loop, so the
 * workers' answers are spooled and new batches sent while it works.
 *
 * Work is pulled, not dealt: the jobs are queued largest first and cut into batches that
 * shrink as the work runs out (batchesOf); each worker holds two batches (the one it checks and the next), and
 * gets another each time it answers one; this thread takes one batch at a time from the same
 * queue. A 9 MB staffing file and 4,000 small ones end at about the same time on every core,
 * whatever the sizes, and results come back batch by batch (each file's report as one JSON
 * string) instead of all at the end.
 */
import { Worker } from 'node:worker_threads';
import type { CheckJob } from './check-tasks.js';
import { stopWorkers, type Executor, type ExecutorOptions } from './executor.js';
import type { Outcome } from './outcome.js';
import { receivedError, type FromWorker, type ToWorker } from './worker-messages.js';

const WORKER = new URL('./check-worker.js', import.meta.url);

/**
 * A worker's young generation, capped (V8's default grows each of its two halves to 16 MB): a
 * check allocates short-lived objects only (records, facts, findings until they are sent). A
 * thread of its own takes the cap when it is made; the main thread's is stopped as it grows
 * (heap-growth.ts). 12 MB of young generation is halves of 4 MB, as `--max-semi-space-size=4`:
 * `--concurrency 2` on 2,000 schools peaked at 149 MB with it against 184 MB without.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 } as const;
const newWorker = () => new Worker(WORKER, { resourceLimits: WORKER_LIMITS });

/**
 * Batch sizes shrink as the work runs out (guided self-scheduling): each batch is about
 * 1/(threads × this) of the bytes not yet given out, so the first ones are large (few round
 * trips) and the last ones small — no thread waits long at the end for another's last batch (a
 * worker holds two batches). With batches of one size, a thread sat idle for about one batch
 * at the end of the 2,000-school city.
 */
const GUIDED_SHARE = 4;
/** Bounds of a batch: a round trip costs about a millisecond; a batch holds its results until answered. */
const MIN_BATCH_BYTES = 64 * 1024;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_FILES = 256;

/** Cuts the jobs, largest first, into batches of shrinking size (a job larger than its batch's size is a batch alone). */
export function batchesOf(jobs: readonly CheckJob[], threads: number): CheckJob[][] {
  const sorted = [...jobs].sort((a, b) => b.size - a.size || a.index - b.index);
  let remaining = 0;
  for (const j of sorted) remaining += j.size;
  const targetFor = (left: number) => Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(left / (threads * GUIDED_SHARE))));
  const out: CheckJob[][] = [];
  let batch: CheckJob[] = [];
  let bytes = 0;
  let target = targetFor(remaining);
  for (const job of sorted) {
    batch.push(job);
    bytes += job.size;
    if (bytes >= target || batch.length >= MAX_BATCH_FILES) {
      out.push(batch);
      remaining -= bytes;
      target = targetFor(remaining);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) out.push(batch);
  return out;
}

const stoppedEarly = (code: number) => new Error(`a check worker stopped (exit code ${code}) before its work was done`);

/** What happened to a worker started ahead of its pool, before the pool listened (an error, or its end). */
const earlyEnd = new WeakMap<Worker, Error>();

/**
 * Workers started before the files are listed (`checkPaths`, for `--concurrency n`), so that
 * their start-up — loading the engine, resolving nothing yet — overlaps the walk of the folders
 * instead of following it. Unreferenced until a pool takes them: a run that ends early (nothing
 * found, a usage error) is not kept alive by them, and the pool ends whatever it does not use.
 */
export function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => {
    const worker = newWorker();
    worker.unref();
    // An 'error' event with no listener would throw in this thread: remembered for the pool instead.
    worker.on('error', (error) => earlyEnd.set(worker, error));
    worker.on('exit', (code) => {
      if (!earlyEnd.has(worker)) earlyEnd.set(worker, stoppedEarly(code));
    });
    return worker;
  });
}


export class WorkerPool implements Executor {
  constructor(
    readonly threads: number,
    private readonly options: ExecutorOptions,
    /** Workers started ahead (startWorkers); the pool uses what it needs and ends the rest. */
    private readonly started: readonly Worker[] = [],
  ) {}

  run(jobs: readonly CheckJob[], onOutcome: (outcome: Outcome) => void): Promise<void> {
    const batches = batchesOf(jobs, this.threads);
    let next = 0;
    let pending = batches.length;
    const workers = this.started.slice(0, this.threads - 1);
    stopWorkers(this.started.slice(this.threads - 1));
    while (workers.length < this.threads - 1) workers.push(newWorker());
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
        if (next < batches.length) worker.postMessage({ type: 'jobs', jobs: batches[next++]! } satisfies ToWorker);
      };
      if (pending === 0) return finish();
      for (const worker of workers) {
        const early = earlyEnd.get(worker);
        if (early) return finish(early);
        worker.ref();
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
          if (!settled) finish(stoppedEarly(code));
        });
        worker.postMessage({ type: 'start', options: this.options } satisfies ToWorker);
        feed(worker);
        feed(worker);
      }
      // This thread's share, from the same queue, after the workers have their first batches.
      const options = this.options;
      void (async () => {
        const [{ checkJob }, { threadResolver }] = await Promise.all([import('./check-tasks.js'), import('./in-process-executor.js')]);
        const resolver = threadResolver(options);
        while (!settled && next < batches.length) {
          for (const job of batches[next++]!) {
            const outcome = await checkJob(job, resolver, options, options.digest);
            if (settled) return;
            onOutcome(outcome);
            // A check is a chain of promises that never leaves the microtask queue: without this,
            // the workers' answers would wait (and the workers starve) until this thread ran dry.
            await new Promise<void>((resume) => setImmediate(resume));
          }
          if (--pending === 0) finish();
        }
      })().catch((error: unknown) => finish(error as Error));
    });
  }
}
