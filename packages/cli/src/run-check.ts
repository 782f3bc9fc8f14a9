import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigResolver } from '@edunorm/core/node';
import { checkTasks, readTarget, resultKey, type CheckFilesOptions, type CheckTask, type FileReport, type ResultCache } from './check-files.js';
import type { FileTarget } from './find-files.js';
import { UsageError } from './usage-error.js';

export interface RunOptions extends CheckFilesOptions {
  configFile?: string;
  /** Worker threads; 1 checks in this thread. */
  concurrency: number;
  cache?: ResultCache;
  version: string;
}

/** Below this many files to check, threads cost more to start than they save. */
const MIN_FILES_PER_WORKER = 8;

export function resolveConcurrency(value: string | undefined, fileCount: number): number {
  if (value === undefined) return 1;
  if (value === 'auto') return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / MIN_FILES_PER_WORKER)));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a whole number ≥ 1 or "auto", not "${value}"`);
  return n;
}

/**
 * Checks files: cached results first, the rest in this thread or spread over worker threads,
 * reports returned in the order of `targets`. Configuration errors surface before any work.
 */
export async function runCheck(targets: readonly FileTarget[], options: RunOptions): Promise<FileReport[]> {
  const resolver = new ConfigResolver(options.configFile);
  const reports: (FileReport | undefined)[] = new Array(targets.length);
  const tasks: (CheckTask & { key: string })[] = [];
  targets.forEach((target, index) => {
    const { text, bytes, finding } = readTarget(target, options.locale);
    if (finding || text === undefined || bytes === undefined) {
      reports[index] = { file: target, isEdunorm: true, findings: finding ? [finding] : [], suppressed: [] };
      return;
    }
    const config = resolver.forFile(target.absolute);
    const key = options.cache ? resultKey(bytes, config.hash, options.version, options) : '';
    const hit = options.cache?.get(target.absolute, key);
    if (hit) reports[index] = { file: target, ...hit };
    else tasks.push({ index, absolute: target.absolute, text, key });
  });

  const workers = Math.min(options.concurrency, Math.ceil(tasks.length / MIN_FILES_PER_WORKER));
  const results = workers > 1 ? await inWorkers(tasks, workers, options) : (await checkTasks(tasks, resolver, options)).map((report, i) => ({ index: tasks[i]!.index, report }));
  const keyOf = new Map(tasks.map((t) => [t.index, t.key]));
  for (const { index, report } of results) {
    const target = targets[index]!;
    reports[index] = { file: target, ...report };
    options.cache?.set(target.absolute, keyOf.get(index)!, report);
  }
  return reports as FileReport[];
}

type WorkerReply =
  | { ok: true; reports: { index: number; report: Omit<FileReport, 'file'> }[] }
  | { ok: false; error: { name: string; message: string } };

async function inWorkers(tasks: readonly CheckTask[], count: number, options: RunOptions) {
  // Contiguous slices balanced by text size: the cost of a check is about the size of its text.
  const slices: CheckTask[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const task of [...tasks].sort((a, b) => b.text.length - a.text.length)) {
    const i = load.indexOf(Math.min(...load));
    slices[i]!.push(task);
    load[i]! += task.text.length;
  }
  const url = new URL('./check-worker.js', import.meta.url);
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<WorkerReply>((resolve, reject) => {
          const worker = new Worker(url, { workerData: { options: { locale: options.locale, reportUnusedDirectives: options.reportUnusedDirectives }, configOverride: options.configFile } });
          worker.once('message', (reply: WorkerReply) => {
            void worker.terminate();
            resolve(reply);
          });
          worker.once('error', reject);
          worker.postMessage(slice.map(({ index, absolute, text }) => ({ index, absolute, text })));
        }),
    ),
  );
  const out: { index: number; report: Omit<FileReport, 'file'> }[] = [];
  for (const reply of parts) {
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
    out.push(...reply.reports);
  }
  return out;
}
