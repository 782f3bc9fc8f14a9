/**
 * A worker thread of the pool (check-in-workers.ts): loads the engine once, as it starts (maybe
 * while the files are still being listed), then, given the run's options, resolves the run's
 * configurations in target order, then checks the batches it is sent one after another (its
 * own rule sets; json-rules-engine engines are never shared across threads or concurrent
 * runs) and answers each batch with its outcomes, so results flow back while it works.
 */
import { parentPort } from 'node:worker_threads';
import type { ConfigResolver } from '@edunorm/core/node';
import { checkJob, type CheckJob } from './check-tasks.js';
import type { ExecutorOptions } from './executor.js';
import { threadResolver } from './in-process-executor.js';
import { errorMessage, type FromWorker, type ToWorker } from './worker-messages.js';

const port = parentPort!;
/** The run's options: the pool's first message (the worker may start before the files are listed). */
let options: ExecutorOptions | undefined;
let ready: Promise<ConfigResolver> | undefined;
let queue: Promise<void> = Promise.resolve();
/** After an error the pool stops the run: batches still queued are not checked. */
let failed = false;

const resolver = (o: ExecutorOptions): Promise<ConfigResolver> => (ready ??= Promise.resolve().then(() => threadResolver(o)));

async function checkBatch(jobs: readonly CheckJob[]): Promise<void> {
  if (!options) throw new Error('a check worker was sent files before the run\'s options');
  const o = options;
  const r = await resolver(o);
  const outcomes = [];
  for (const job of jobs) outcomes.push(await checkJob(job, r, o, o.digest));
  port.postMessage({ type: 'outcomes', outcomes } satisfies FromWorker);
}

// Batches are checked in the order they arrive, one at a time, even when the pool sends the
// next one ahead (so this thread never waits for work).
port.on('message', (message: ToWorker) => {
  if (message.type === 'start') {
    options = message.options;
    return;
  }
  queue = queue
    .then(() => (failed ? undefined : checkBatch(message.jobs)))
    .catch((error: unknown) => {
      failed = true;
      port.postMessage({ type: 'error', error: errorMessage(error) } satisfies FromWorker);
    });
});
