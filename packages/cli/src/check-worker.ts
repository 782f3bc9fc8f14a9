/**
 * Worker thread for `--concurrency`: checks the files it is sent with its own rule sets
 * (json-rules-engine engines are never shared across threads or concurrent runs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '@edunorm/core/node';
import type { CheckFilesOptions } from './check-files.js';
import { checkTasks, type CheckTask } from './check-tasks.js';

const { options, configOverride } = workerData as { options: CheckFilesOptions; configOverride?: string };
const resolver = new ConfigResolver(configOverride);

parentPort!.on('message', (tasks: CheckTask[]) => {
  checkTasks(tasks, resolver, options).then(
    (reports) => parentPort!.postMessage({ ok: true, reports }),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) } }),
  );
});
