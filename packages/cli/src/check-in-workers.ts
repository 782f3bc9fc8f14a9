/**
 * `--concurrency`: spreads files over worker threads. Light on purpose: the thread that
 * starts the workers never loads the rule engine itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckFilesOptions } from './check-files.js';
import type { CheckTask, TaskResult } from './check-tasks.js';

/** Below this many files to check, threads cost more to start than they save. */
export const MIN_FILES_PER_WORKER = 8;

export function autoConcurrency(fileCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / MIN_FILES_PER_WORKER)));
}

type WorkerReply = { ok: true; reports: TaskResult[] } | { ok: false; error: { name: string; message: string } };

/**
 * Spreads tasks over worker threads, balanced by text size (a check costs about its size).
 * Each worker loads the engine and resolves configurations itself; a configuration error in
 * a worker is re-thrown here with its name, so it still exits 2.
 */
export async function checkInWorkers(tasks: readonly CheckTask[], count: number, options: CheckFilesOptions & { configFile?: string }): Promise<TaskResult[]> {
  const slices: CheckTask[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const cost = (t: CheckTask) => t.text?.length ?? t.size ?? 0;
  for (const task of [...tasks].sort((a, b) => cost(b) - cost(a))) {
    const i = load.indexOf(Math.min(...load));
    slices[i]!.push(task);
    load[i]! += cost(task);
  }
  const url = new URL('./check-worker.js', import.meta.url);
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<WorkerReply>((resolve, reject) => {
          const worker = new Worker(url, {
            workerData: {
              options: { locale: options.locale, reportUnusedDirectives: options.reportUnusedDirectives, ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}) },
              configOverride: options.configFile,
            },
          });
          worker.once('message', (reply: WorkerReply) => {
            void worker.terminate();
            resolve(reply);
          });
          worker.once('error', reject);
          worker.postMessage(slice);
        }),
    ),
  );
  const out: TaskResult[] = [];
  for (const reply of parts) {
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
    out.push(...reply.reports);
  }
  return out;
}
