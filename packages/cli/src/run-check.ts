import { dirname } from 'node:path';
import { DEFAULT_CONFIG_HASH, findConfigFile } from '@edunorm/core/internal/config-files';
import { statSync } from 'node:fs';
import { contentDigest, resultKey, type CheckFilesOptions, type FileReport } from './check-files.js';
import { readTarget } from './read-target.js';
import type { Finding } from '@edunorm/core';
import { fsPathOf, type FileTarget } from './find-files.js';
import type { FileResultCache } from './result-cache.js';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';

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
  if (!Number.isInteger(n) || n < 1) throw new UsageError(M.concurrency(value));
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
  const pending: { index: number; absolute: string; text: string; sha: string; stat?: { size: number; mtimeMs: number } }[] = [];
  const configFor = new Map<string, string | undefined>();
  const ancestors = new Map<string, string | undefined>();
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
  const configHashFor = (absolute: string): string | undefined => {
    const folder = dirname(absolute);
    if (!configFor.has(folder)) configFor.set(folder, options.configFile ?? findConfigFile(folder, ancestors));
    const configFile = configFor.get(folder);
    return configFile ? cache!.configHash(configFile) : DEFAULT_CONFIG_HASH;
  };
  if (!cache && concurrency !== undefined) {
    // Without a cache there is nothing to decide here: start the workers at once and let each
    // read its own files, so reading overlaps with the workers loading the engine.
    const { autoConcurrency, checkInWorkers, MIN_FILES_PER_WORKER } = await import('./check-in-workers.js');
    const wanted = concurrency === 'auto' ? autoConcurrency(targets.length) : concurrency;
    const workers = Math.min(wanted, Math.ceil(targets.length / MIN_FILES_PER_WORKER));
    if (workers > 1) {
      const sizeOf = (path: string | Buffer) => {
        try {
          return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
        } catch {
          return 0; // unreadable: the worker reports it
        }
      };
      const tasks = targets.map((t, index) => ({
        index,
        absolute: t.absolute,
        size: sizeOf(fsPathOf(t)),
        ...(t.fsPath ? { fsPath: t.fsPath } : {}),
        ...(t.walkError ? { walkError: t.walkError } : {}),
      }));
      for (const { index, report } of await checkInWorkers(tasks, workers, options)) reports[index] = { file: targets[index]!, ...report };
      return reports as FileReport[];
    }
  }
  targets.forEach((target, index) => {
    let stat: { size: number; mtimeMs: number } | undefined;
    if (cache) {
      // Unchanged size and mtime: the recorded digest stands, the file is not even read.
      let st;
      try {
        st = target.walkError ? undefined : statSync(fsPathOf(target), { throwIfNoEntry: false });
      } catch {
        st = undefined; // ENAMETOOLONG, EACCES on the way: readTarget reports it
      }
      if (st?.isFile()) {
        stat = { size: st.size, mtimeMs: st.mtimeMs };
        const sha = cache.digestByStat(target.absolute, st.size, st.mtimeMs);
        const configHash = sha ? configHashFor(target.absolute) : undefined;
        const hit = sha && configHash ? cache.get(target.absolute, resultKey(sha, configHash, options.version, options)) : undefined;
        if (hit) {
          reports[index] = { file: target, ...hit };
          return;
        }
      }
    }
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
    const sha = cache ? contentDigest(bytes) : '';
    if (cache && !extra) {
      const configHash = configHashFor(target.absolute);
      const hit = cache.get(target.absolute, configHash ? resultKey(sha, configHash, options.version, options) : undefined);
      if (hit) {
        reports[index] = { file: target, ...hit };
        return;
      }
    }
    pending.push({ index, absolute: target.absolute, text, sha, ...(stat && !extra ? { stat } : {}) });
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
  const byIndex = new Map(pending.map((p) => [p.index, p]));
  for (const { index, report, config } of results) {
    const target = targets[index]!;
    reports[index] = { file: target, ...report };
    const task = byIndex.get(index)!;
    // A file read with an encoding problem is re-read every time (its extra finding is not cached).
    if (cache && !extras.has(index)) {
      if (config.file) cache.rememberConfig(config.file, config.hash, config.dependencies);
      cache.set(target.absolute, resultKey(task.sha, config.hash, options.version, options), report, task.stat ? { sha: task.sha, ...task.stat } : undefined);
    }
  }
  return withExtras();
}
