/**
 * The one check pipeline of the CLI; `check`, `baseline` and `report` all take their results
 * from it:
 *
 *   sources (find-files, --shard) → cache lookup → executor (in this thread or a worker pool,
 *   executor.ts) → spool (spool.ts) → workspace join (workspace-check.ts) → reports in the
 *   order of the sources
 *
 * Memory stays flat with the corpus: a file is read where it is checked, its report goes to
 * the spool as it arrives, and this thread keeps per file only where its line is, whether it is
 * ours, and — for files of a district — its small workspace input. The counts are known after
 * the join, before any report is read back, so a writer can start with them.
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import type { DistrictSummary } from '@edunorm/core';
import { DEFAULT_CONFIG_HASH, findConfigFile } from '@edunorm/core/internal/config-files';
import type { CheckJob, CheckOptions } from './check-tasks.js';
import { chooseExecutor, parseConcurrency } from './executor.js';
import { countSeverity, emptySummary, type FileReport, type Summary } from './file-report.js';
import { fsPathOf, type FileTarget } from './find-files.js';
import type { Outcome, RetractableCount, SpooledReport } from './outcome.js';
import { readTarget } from './read-target.js';
import { contentDigest, resultKey, type CachedResult, type FileResultCache, type FileStat } from './result-cache.js';
import { Spool } from './spool.js';
import { youngGenerationCheckpoint } from './heap-growth.js';
import { lazyReport, renderedJson } from './rendered.js';
import type { PhaseTimer } from './timing.js';

import { adjustSummary, joinWorkspace, mergeJoined, type JoinInput, type WorkspaceJoin } from './workspace-check.js';

export { parseConcurrency };

export interface RunOptions extends CheckOptions {
  configFile?: string;
  /** `--concurrency`: worker threads, or `auto`; undefined checks in this thread. */
  concurrency?: string;
  cache?: FileResultCache;
  version: string;
  /** Folders the walk listed without a configuration file (find-files.ts): not searched again. */
  unconfigured?: ReadonlySet<string>;
  /** Told how many files will be checked (after the cache served what it could), before any is. */
  beforeChecking?: (files: number) => void;
  /** Workers started ahead for `--concurrency n` (check-in-workers.ts startWorkers); whoever started them ends them. */
  workers?: readonly Worker[];
  /**
   * `--format json`: each file's element of the JSON output is rendered as it is checked, in
   * the thread that checks it (CheckOptions.renderJson), and kept in the spool — and the cache —
   * beside its report (rendered.ts); the writer copies it.
   */
  renderJson?: boolean;
  /**
   * With the cache: files this run writes (the cache file, `--output`), which no target may be —
   * a target that is one (by path, or by device and inode as each is stat'ed for the cache)
   * makes its `refuse` throw (exit 2) before anything is checked or written. `dev`/`ino` are -1
   * for a file not there yet (only its own path names it).
   */
  notInput?: readonly NotInput[];
  /** EDUNORM_TIMING=1: marks the cache lookups, the checking and the join (timing.ts). */
  timer?: PhaseTimer;
}

/** A file the run must not take as input (RunOptions.notInput). */
export interface NotInput {
  path: string;
  dev: number;
  ino: number;
  refuse: (target: FileTarget) => never;
}

/** Whether `target` is the file `guard` names: by its path, or by `identity`, the target's device and inode as stat'ed. */
export function namesTarget(guard: Pick<NotInput, 'path' | 'dev' | 'ino'>, target: FileTarget, identity: { dev: number; ino: number } | undefined): boolean {
  return target.absolute === guard.path || (identity !== undefined && identity.ino === guard.ino && identity.dev === guard.dev);
}

/** A finished run: its counts and districts now, its reports when read. Call `close()` when done. */
export interface CheckRun {
  readonly targets: readonly FileTarget[];
  /** Every file's findings counted after the join (before a baseline or --quiet). */
  readonly summary: Summary;
  /** Each district's figures (report rows, hover). */
  readonly districts: DistrictSummary[];
  /** Districts evaluated this run and served from the cache. */
  readonly evaluatedDistricts: number;
  readonly cachedDistricts: number;
  /** Threads that checked (1 in process). */
  readonly threads: number;
  /** Bytes of reports held in the spool. */
  readonly spooledBytes: number;
  isEdunorm(index: number): boolean;
  /**
   * The files the run's configurations read (configuration files, `--config`, rule files,
   * package files), by absolute path: none of them may be written as an output (checkPaths).
   */
  readonly inputs: ReadonlySet<string>;
  /**
   * The reports in the order of `targets`, read back one at a time; may be iterated again. A
   * report's findings may be read from the spool when first asked for: read them before `close()`.
   */
  reports(): AsyncGenerator<FileReport>;
  /** Removes the spool. */
  close(): void;
}

/** A target's stat as the cache compares it, and (whatever it is: a file, a FIFO) its device and inode. */
const identityOf = (target: FileTarget): { file?: FileStat; dev: number; ino: number } | undefined => {
  try {
    const st = target.walkError ? undefined : statSync(fsPathOf(target), { throwIfNoEntry: false });
    if (!st) return undefined;
    return { dev: st.dev, ino: st.ino, ...(st.isFile() ? { file: { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino } } : {}) };
  } catch {
    return undefined; // ENAMETOOLONG, EACCES on the way: the read reports it
  }
};
const statOf = (target: FileTarget): FileStat | undefined => identityOf(target)?.file;

/** The configuration file of each folder, found once per folder (cheap: no configuration is parsed). */
class ConfigFiles {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly ancestors = new Map<string, string | undefined>();
  /** One folder per configuration, in the order the targets first use it (executor.ts). */
  readonly folders: string[] = [];
  /** Every configuration file found (or `--config`). */
  readonly files = new Set<string>();
  private readonly seen = new Set<string | undefined>();

  constructor(
    private readonly override: string | undefined,
    private readonly unconfigured?: ReadonlySet<string>,
  ) {}

  of(absolute: string): string | undefined {
    const folder = dirname(absolute);
    if (!this.byFolder.has(folder)) {
      const file = this.override ?? findConfigFile(folder, this.ancestors, this.unconfigured);
      this.byFolder.set(folder, file);
      if (!this.seen.has(file)) {
        this.seen.add(file);
        this.folders.push(folder);
        if (file !== undefined) this.files.add(file);
      }
    }
    return this.byFolder.get(folder);
  }
}

/** Checks the targets; see the module comment. Configuration errors reject (exit 2) and leave nothing behind. */
export async function runCheck(targets: readonly FileTarget[], options: RunOptions): Promise<CheckRun> {
  const concurrency = parseConcurrency(options.concurrency);
  const spool = new Spool(targets.length);
  try {
    return await run(targets, options, concurrency, spool);
  } catch (error) {
    spool.close();
    throw error;
  }
}

async function run(targets: readonly FileTarget[], options: RunOptions, concurrency: number | 'auto' | undefined, spool: Spool): Promise<CheckRun> {
  const cache = options.cache;
  const configs = new ConfigFiles(options.configFile, options.unconfigured);
  const summary = emptySummary();
  const ours = new Uint8Array(targets.length);
  const joinable = new Map<number, { input: JoinInput['input']; retractable?: RetractableCount[] }>();
  /**
   * The configurations files were checked with this run, by file: remembered in the cache after
   * the checks (see FileResultCache.rememberConfig), when what is on disk is known to still be them.
   */
  const rememberedConfigs = new Map<string, { hash: string; dependencies: string[] }>();
  /** The files the configurations read, as the threads that loaded them said (CheckRun.inputs). */
  const configInputs = new Set<string>();
  const configsSeen = new Set<string>();

  /**
   * A file's outcome (checked now, or a cache hit whose line is the stored bytes; `report`: the
   * length of the report in a hit's line that holds its rendered element after it).
   */
  const record = (o: Omit<Outcome, 'line'> & { line: string | Uint8Array }, rendered?: string, report?: number) => {
    youngGenerationCheckpoint();
    ours[o.index] = o.isEdunorm ? 1 : 0;
    summary.files++;
    if (o.isEdunorm) summary.checked++;
    else summary.skipped++;
    countSeverity(summary, 'error', o.counts[0]);
    countSeverity(summary, 'warning', o.counts[1]);
    countSeverity(summary, 'info', o.counts[2]);
    if (o.workspace) joinable.set(o.index, { input: o.workspace, ...(o.retractable ? { retractable: o.retractable } : {}) });
    if (o.config?.file !== undefined && !configsSeen.has(o.config.file)) {
      configsSeen.add(o.config.file);
      for (const d of o.config.dependencies) configInputs.add(d);
    }
    if (cache && o.config && o.cacheable && typeof o.line === 'string') {
      if (o.config.file && !rememberedConfigs.has(o.config.file)) rememberedConfigs.set(o.config.file, { hash: o.config.hash, dependencies: o.config.dependencies });
      // What was just checked is kept as it goes to the spool (the cache writes it there, inside
      // its record): its line, never parsed again.
      const target = targets[o.index]!;
      cache.set(
        target.absolute,
        keyOf(o.config.hash),
        { line: o.line, isEdunorm: o.isEdunorm, counts: o.counts, ...(o.workspace ? { workspace: o.workspace } : {}), ...(o.retractable ? { retractable: o.retractable } : {}), ...(rendered !== undefined ? { rendered: { relative: target.relative, json: rendered } } : {}) },
        o.cacheable,
        spool,
        o.index,
      );
      return;
    }
    // A checked file's element follows its report on the spool line, as a hit's does in its record.
    if (rendered !== undefined) spool.write(o.index, `${o.line}\n${rendered}`, { report: Buffer.byteLength(o.line, 'utf8') });
    else spool.write(o.index, o.line, report !== undefined ? { report } : undefined);
  };
  /** A checked file's outcome, with its JSON-output element when the thread that checked it rendered one. */
  const recordChecked = (o: Outcome) => record(o, o.rendered);
  const recordHit = (index: number, hit: CachedResult) => {
    // An element rendered for another relative path (another working folder) is not this run's;
    // one rendered for this path follows its line in the record as it does on the spool line.
    const served = hit.rendered && hit.rendered.relative === targets[index]!.relative;
    record({ index, isEdunorm: hit.isEdunorm, counts: hit.counts, line: served ? hit.tail : hit.line, ...(hit.workspace ? { workspace: hit.workspace } : {}), ...(hit.retractable ? { retractable: hit.retractable } : {}) }, undefined, served ? hit.line.length : undefined);
  };
  /** The result key of each configuration (resultKey), made once. */
  const keys = new Map<string, string>();
  const keyOf = (configHash: string): string => {
    let key = keys.get(configHash);
    if (key === undefined) keys.set(configHash, (key = resultKey(configHash, options.version, options)));
    return key;
  };
  /** The result key for a file, if its configuration is the one recorded (undefined: it changed, a miss). */
  const keyFor = (absolute: string): string | undefined => {
    const file = configs.of(absolute);
    const hash = file ? cache!.configHash(file) : DEFAULT_CONFIG_HASH;
    return hash === undefined ? undefined : keyOf(hash);
  };

  const jobs: CheckJob[] = [];
  const sized = concurrency !== undefined && concurrency !== 1;
  targets.forEach((target, index) => {
    // Found here once per folder, and sent with the job: no thread searches for it again.
    const configFile = configs.of(target.absolute) ?? null;
    const job = (size: number): CheckJob => ({
      index,
      absolute: target.absolute,
      size,
      configFile,
      ...(options.renderJson ? { relative: target.relative } : {}),
      ...(target.fsPath ? { fsPath: target.fsPath } : {}),
      ...(target.walkError ? { walkError: target.walkError } : {}),
    });
    if (!cache) {
      // The worker pool balances by size; one thread needs none.
      jobs.push(job(sized ? (statOf(target)?.size ?? 0) : 0));
      return;
    }
    const identity = identityOf(target);
    const stat = identity?.file;
    if (options.notInput && !target.fsPath) {
      for (const guard of options.notInput) if (namesTarget(guard, target, identity)) guard.refuse(target);
    }
    if (!stat || !cache.has(target.absolute)) {
      // Never seen (or not a file now): nothing to compare a digest with. The executor reads
      // the file once and digests it.
      cache.miss();
      jobs.push(job(stat?.size ?? 0));
      return;
    }
    // Size, mtime, ctime and inode as recorded (and not racy then): the recorded digest stands,
    // the file is not even read.
    const sha = cache.digestByStat(target.absolute, stat);
    if (sha) {
      const hit = cache.get(target.absolute, sha, keyFor(target.absolute));
      if (hit) return recordHit(index, hit);
      jobs.push(job(stat.size));
      return;
    }
    // A changed stat: the content may still be the same (a checkout, a touch). Read and digest it.
    const read = readTarget(target, options.locale, options.maxFileBytes);
    if (read.bytes && !read.extra && read.stat) {
      const hit = cache.get(target.absolute, contentDigest(read.bytes), keyFor(target.absolute), read.stat);
      if (hit) return recordHit(index, hit);
    } else cache.miss();
    jobs.push(job(stat.size));
  });

  if (cache) options.timer?.mark('lookup');
  let threads = 1;
  options.beforeChecking?.(jobs.length);
  if (jobs.length) {
    const executor = await chooseExecutor(jobs, concurrency, { locale: options.locale, reportUnusedDirectives: options.reportUnusedDirectives, ...(options.renderJson ? { renderJson: true } : {}), ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}), ...(options.configFile ? { configFile: options.configFile } : {}), configFolders: configs.folders, digest: cache !== undefined }, options.workers);
    threads = executor.threads;
    await executor.run(jobs, recordChecked);
  }
  if (cache && rememberedConfigs.size) {
    // After the checks, not at the first record: the digests of a configuration's files are
    // taken now, then the configuration is read again and must still hash as the one the files
    // were checked with (it was loaded before the first check; an edit since would otherwise be
    // remembered with the old results).
    const { resolveConfig } = await import('@edunorm/core/node');
    for (const [file, { hash, dependencies }] of rememberedConfigs) cache.rememberConfig(file, hash, dependencies, () => resolveConfig(file).config?.hash);
  }

  options.timer?.mark('check');
  // The join: contributions in the order of the targets (the first of two district documents wins).
  const inputs: JoinInput[] = [];
  for (const [index, { input }] of [...joinable].sort((a, b) => a[0] - b[0])) {
    const target = targets[index]!;
    inputs.push({ absolute: target.absolute, relative: target.relative, input, ...(target.fsPath ? { fsPath: target.fsPath } : {}) });
  }
  const joined: WorkspaceJoin = await joinWorkspace(inputs, {
    locale: options.locale,
    reportUnusedDirectives: options.reportUnusedDirectives,
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    version: options.version,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(cache ? { cache } : {}),
  });
  for (const [index, { retractable }] of joinable) adjustSummary(summary, targets[index]!.absolute, retractable, joined);
  options.timer?.mark('join');

  for (const file of configs.files) configInputs.add(file);
  if (cache) for (const file of cache.dependencyFiles()) configInputs.add(file);
  return {
    targets,
    inputs: configInputs,
    summary,
    districts: joined.districts,
    evaluatedDistricts: joined.evaluated,
    cachedDistricts: joined.cached,
    threads,
    spooledBytes: spool.bytes,
    isEdunorm: (index) => ours[index] === 1,
    async *reports() {
      for (let index = 0; index < targets.length; index++) {
        let own: FileReport;
        if (!spool.hasRendered(index)) own = { file: targets[index]!, ...(JSON.parse(spool.read(index)) as SpooledReport) };
        else {
          // With its rendered element: the report is read and parsed only if something reads its
          // findings; the element goes to the output as the bytes it is.
          own = lazyReport(targets[index]!, ours[index] === 1, () => spool.readReport(index));
          renderedJson.set(own, spool.readRendered(index));
        }
        yield joinable.has(index) ? mergeJoined(own, joined) : own;
      }
    },
    close: () => spool.close(),
  };
}
