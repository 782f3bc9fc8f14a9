/**
 * A worker thread of the pool (check-in-workers.ts): loads the engine once, resolves the run's
 * configurations in target order, then checks the batches it is sent one after another (its
 * own rule sets; json-rules-engine engines are never shared across threads or concurrent
 * runs) and answers each batch with its outcomes, so results flow back while it works.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '@edunorm/core/node';
import { checkJob, type CheckJob } from './check-tasks.js';
import type { ExecutorOptions } from './executor.js';
import { resolveConfigs } from './in-process-executor.js';
import { errorMessage, type FromWorker, type ToWorker } from './worker-messages.js';

const options = workerData as ExecutorOptions;
const port = parentPort!;
let ready: Promise<ConfigResolver> | undefined;
let queue: Promise<void> = Promise.resolve();
/** After an error the pool stops the run: batches still queued are not checked. */
let failed = false;

const resolver = (): Promise<ConfigResolver> =>
  (ready ??= Promise.resolve().then(() => {
    const r = new ConfigResolver(options.configFile);
    resolveConfigs(r, options.configFolders);
    return r;
  }));

async function checkBatch(jobs: readonly CheckJob[]): Promise<void> {
  const r = await resolver();
  const outcomes = [];
  for (const job of jobs) outcomes.push(await checkJob(job, r, options, options.digest));
  port.postMessage({ type: 'outcomes', outcomes } satisfies FromWorker);
}

// Batches are checked in the order they arrive, one at a time, even when the pool sends the
// next one ahead (so this thread never waits for work).
port.on('message', (message: ToWorker) => {
  queue = queue
    .then(() => (failed ? undefined : checkBatch(message.jobs)))
    .catch((error: unknown) => {
      failed = true;
      port.postMessage({ type: 'error', error: errorMessage(error) } satisfies FromWorker);
    });
});
