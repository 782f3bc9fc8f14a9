import { dirname } from 'node:path';
import { DEFAULT_CONFIG_HASH, findConfigFile } from '@edunorm/core/config-files';
import { resultKey, type CheckFilesOptions, type FileReport } from './check-files.js';
import { readTarget } from './read-target.js';
import type { Finding } from '@edunorm/core';
import type { FileTarget } from './find-files.js';
import type { FileResultCache } from './result-cache.js';
import { UsageError } from './usage-error.js';

export interface RunOptions extends CheckFilesOptions {
  configFile?: string;
  /** Worker threads, or `auto`; undefined checks in this thread. */
  concurrency?: string;
  cache?: FileResultCache;
  version: string;
}

export function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a whole number ≥ 1 or "auto", not "${value}"`);
  return n;
}

/**
 * Checks files, reports in the order of `targets`. Cached results are looked up first with
 * light code only; the rule engine is loaded when some file actually needs checking.
 * Configuration errors surface before any work.
 */
export async function runCheck(targets: readonly FileTarget[], options: RunOptions): Promise<FileReport[]> {
  const concurrency = parseConcurrency(options.concurrency);
  const reports: (FileReport | undefined)[] = new Array(targets.length);
  const pending: { index: number; absolute: string; text: string; bytes: Buffer }[] = [];
  const configFor = new Map<string, string | undefined>();
  const cache = options.cache;
  // Findings about how a file was read (encoding), added when it turns out to be ours.
  const extras = new Map<number, Finding>();
  const withExtras = () => {
    for (const [index, extra] of extras) {
      const report = reports[index];
      if (report?.isEdunorm) reports[index] = { ...report, findings: [extra, ...report.findings].sort((a, b) => a.range.start.offset - b.range.start.offset) };
    }
    return reports as FileReport[];
  };
  targets.forEach((target, index) => {
    const { text, bytes, finding, notEdunorm, extra } = readTarget(target, options.locale, options.maxFileBytes);
    if (notEdunorm) {
      reports[index] = { file: target, isEdunorm: false, findings: [], suppressed: [] };
      return;
    }
    if (extra) extras.set(index, extra);
    if (finding || text === undefined || bytes === undefined) {
      reports[index] = { file: target, isEdunorm: true, findings: finding ? [finding] : [], suppressed: [] };
      return;
    }
    if (cache) {
      const folder = dirname(target.absolute);
      if (!configFor.has(folder)) configFor.set(folder, options.configFile ?? findConfigFile(folder));
      const configFile = configFor.get(folder);
      const configHash = configFile ? cache.configHash(configFile) : DEFAULT_CONFIG_HASH;
      const hit = cache.get(target.absolute, configHash ? resultKey(bytes, configHash, options.version, options) : undefined);
      if (hit) {
        reports[index] = { file: target, ...hit };
        return;
      }
    }
    pending.push({ index, absolute: target.absolute, text, bytes });
  });
  if (pending.length === 0) return withExtras();

  const { autoConcurrency, checkInWorkers, MIN_FILES_PER_WORKER } = await import('./check-in-workers.js');
  const wanted = concurrency === 'auto' ? autoConcurrency(pending.length) : (concurrency ?? 1);
  const workers = Math.min(wanted, Math.ceil(pending.length / MIN_FILES_PER_WORKER));
  const tasks = pending.map(({ index, absolute, text }) => ({ index, absolute, text }));
  let results;
  if (workers > 1) {
    // Workers load the engine in parallel; this thread stays light.
    results = await checkInWorkers(tasks, workers, options);
  } else {
    const { ConfigResolver } = await import('@edunorm/core/node');
    const { checkTasks } = await import('./check-tasks.js');
    const resolver = new ConfigResolver(options.configFile);
    // Resolve every configuration first: a broken one stops the run before any work.
    for (const p of pending) resolver.forFile(p.absolute);
    results = await checkTasks(tasks, resolver, options);
  }
  const bytesOf = new Map(pending.map((p) => [p.index, p.bytes]));
  for (const { index, report, config } of results) {
    const target = targets[index]!;
    reports[index] = { file: target, ...report };
    if (cache) {
      if (config.file) cache.rememberConfig(config.file, config.hash, config.dependencies);
      cache.set(target.absolute, resultKey(bytesOf.get(index)!, config.hash, options.version, options), report);
    }
  }
  return withExtras();
}
