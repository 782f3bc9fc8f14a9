import { resolve } from 'node:path';
import type { Locale } from '@edunorm/core';
import type { FileReport } from '../file-report.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { findFiles, type FileTarget, type FoundFiles } from '../find-files.js';
import { configForFolder } from '../config/resolve.js';
import { chooseLocale, parseLocale } from '../locale.js';
import type { Io } from '../main.js';
import { cacheSecret } from '../cache-secret.js';
import { safeText } from '../safe-text.js';
import { FileResultCache } from '../result-cache.js';
import { namesTarget, parseConcurrency, runCheck, type CheckRun, type NotInput } from '../run-check.js';
import { boundHeapGrowth, boundYoungGeneration, LONG_RUN_FILES } from '../heap-growth.js';
import { stopWorkers } from '../executor.js';
import type { Worker } from 'node:worker_threads';
import { readTarget } from '../read-target.js';
import { parseByteSize } from '../byte-size.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { MESSAGES as M } from '../messages.js';
import { CHECKING_SPEC, parseArgsOptions } from '../command-specs.js';
import { timerFor, type PhaseTimer } from '../timing.js';

/** Options shared by every command that checks files (check, baseline, report): command-specs.ts. */
export const CHECKING_OPTIONS = parseArgsOptions(CHECKING_SPEC);

export interface CheckingValues {
  config?: string;
  locale?: string;
  'report-unused-disable-directives'?: boolean;
  cache?: boolean;
  'cache-location'?: string;
  concurrency?: string;
  shard?: string;
  verbose?: boolean;
  'max-file-size'?: string;
  'no-error-on-unmatched-pattern'?: boolean;
}

/**
 * The language of a command's messages: `--locale`, else the `locale:` of the configuration
 * that applies in the working folder (or `--config FILE`), else LANG/LC_ALL, else zh-CN.
 */
export function resolveLocale(value: string | undefined, io: Io, configFile?: string): Locale {
  if (value !== undefined) {
    const parsed = parseLocale(value);
    if (!parsed) throw new UsageError(M.unknownLocale(value));
    return parsed;
  }
  return chooseLocale(undefined, configForFolder(io.cwd, configFile === undefined ? undefined : resolve(io.cwd, configFile)).locale, io.env);
}

/**
 * `--shard i/n`: the i-th of n deterministic slices of the file list (CI matrices). Files are
 * grouped by the district codes their documents link to, so that all documents of a district
 * are checked in the same shard and the norms across documents give the verdicts of one
 * unsharded run: a file linking two districts (two documents, a county's and a school's) joins
 * both districts' groups into one — grouped by its first code alone, the other district's
 * documents could be dealt to another shard and its findings across documents lost in every
 * shard. A file without a district is its own group. Groups, named by their smallest code, are
 * dealt out in sorted order. Files keep the command line's order.
 */
export function applyShard(targets: FileTarget[], shard: string | undefined, codesOf: (t: FileTarget) => readonly string[] = () => []): FileTarget[] {
  if (shard === undefined) return targets;
  const { index: i, count: n } = parseShard(shard);
  const districts = new DistrictGroups();
  const codes = targets.map((t) => {
    const own = codesOf(t);
    for (const c of own) districts.join(own[0]!, c);
    return own;
  });
  const keys = codes.map((own, k) =>
    // \u0001 keeps district groups apart from paths (a path never holds it).
    own.length ? `\u0001${districts.groupOf(own[0]!)}` : targets[k]!.relative,
  );
  const order = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(order.map((k, r) => [k, r]));
  return targets.filter((_, k) => rank.get(keys[k]!)! % n === i - 1);
}

/** `--shard i/n` as its numbers: 1 ≤ i ≤ n, else a usage error. */
export function parseShard(shard: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) throw new UsageError(M.shard(shard));
  return { index, count };
}

/** District codes joined into groups (union–find); a group is named by its smallest code. */
class DistrictGroups {
  private readonly parent = new Map<string, string>();

  groupOf(code: string): string {
    let root = code;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Every code on the way now points at the root: the next lookup is one step.
    for (let at = code; at !== root; ) {
      const up = this.parent.get(at)!;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }

  join(a: string, b: string): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const ra = this.groupOf(a);
    const rb = this.groupOf(b);
    // The smaller root stays the root: a group's name is its smallest code, whatever the order.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

/** Every district code of a file's documents, for --shard (unreadable files have none). */
async function districtsOf(target: FileTarget, locale: Locale, maxFileBytes: number | undefined): Promise<readonly string[]> {
  const read = readTarget(target, locale, maxFileBytes);
  if (read.text === undefined) return [];
  const { districtCodesOf } = await import('@edunorm/core/internal');
  return districtCodesOf(read.text);
}

/**
 * The `--cache` store, or undefined (with a line on stderr) when its secret cannot be had:
 * then the run checks every file, as without `--cache`. A cache is never a reason to fail.
 */
function openCache(location: string, locale: Locale, io: Io, beforeGoingWithout: () => void): FileResultCache | undefined {
  const got = cacheSecret(io.env, io.cwd);
  if ('secret' in got) {
    const cache = new FileResultCache(location, got.secret);
    if (!cache.foreign) return cache;
    beforeGoingWithout();
    // Never a reason to fail, never a reason to lose someone's file: this run goes without it.
    io.stderr(`edunorm: ${M.cacheNotOurs(safeText(location))[locale]}\n`);
    return undefined;
  }
  io.stderr(locale === 'zh-CN' ? `edunorm: 本次不使用缓存:${got.problem}\n` : `edunorm: running without the cache: ${got.problem}\n`);
  return undefined;
}

/**
 * Refuses (exit 2) to write a report, cache or baseline over one of the files being checked:
 * `--output budget.yaml` would silently replace a submission. The same file however it is
 * spelled (`./a.yaml`, a link, a hard link): by path, then by device and inode. The output is
 * stat'ed once; when nothing is there, only its own spelling can name a file being checked.
 */
export function refuseInputAsOutput(output: string, targets: readonly FileTarget[], flag: string, locale: Locale, out: { dev: number; ino: number } | undefined = statOrUndefined(output)): void {
  // Nothing there (or a dangling link, `out` undefined): only the same spelling can be a file being checked.
  const guard = { path: resolve(output), dev: out?.dev ?? -1, ino: out?.ino ?? -1 };
  const hit = targets.find((t) => !t.fsPath && namesTarget(guard, t, out ? statOrUndefined(t.absolute) : undefined));
  if (hit) throw inputAsOutput(hit, flag);
}

/** Whether `path` is one of `files`: by its path, or (there, links followed) by device and inode. */
function namesAnyOf(path: string, files: ReadonlySet<string>): boolean {
  if (files.size === 0) return false;
  if (files.has(resolve(path))) return true;
  const out = statOrUndefined(path);
  if (!out) return false;
  for (const f of files) {
    const st = statOrUndefined(f);
    if (st && st.dev === out.dev && st.ino === out.ino) return true;
  }
  return false;
}

/** What is there, or undefined (nothing, a dangling link, no permission on the way). */
function statOrUndefined(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The usage error of an output that names a file being checked. */
function inputAsOutput(hit: FileTarget, flag: string): UsageError {
  return new UsageError({
    'zh-CN': `${flag} 指向被检查的文件 ${safeText(hit.relative)},不会覆盖它;请换一个文件名`,
    en: `${flag} names ${safeText(hit.relative)}, one of the files being checked; it is not overwritten — choose another file name`,
  });
}

/** Each pattern or folder of the command line that named no file, in words. */
function emptyInputs(found: FoundFiles, zh: boolean): string[] {
  return found.empty.map((e) =>
    e.kind === 'glob' ? (zh ? `没有文件匹配 "${safeText(e.input)}"` : `no files match "${safeText(e.input)}"`) : zh ? `"${safeText(e.input)}" 中没有 YAML 文件` : `no YAML files in "${safeText(e.input)}"`,
  );
}

/**
 * A run that checked nothing is a mistake to say, not "all clear" (as ESLint's "No files
 * matching"): exit 2, unless `--no-error-on-unmatched-pattern`. A `--shard` may be empty by
 * design (more slices than files), so a shard never fails for it.
 */
function nothingChecked(found: FoundFiles, skipped: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const why = emptyInputs(found, zh);
  if (skipped) why.push(zh ? `${skipped} 个 YAML 文件都不是 edunorm 文件(没有 apiVersion: edunorm/...;加 --verbose 列出)` : `${skipped} YAML file(s), none of them an edunorm file (no apiVersion: edunorm/...; --verbose lists them)`);
  if (!why.length) why.push(zh ? '没有找到文件' : 'no files found');
  return zh
    ? `没有检查任何文件:${why.join(';')}。确实无需检查时加 --no-error-on-unmatched-pattern(退出码 0)`
    : `nothing was checked: ${why.join('; ')}. Add --no-error-on-unmatched-pattern to exit 0 when that is expected`;
}

/** A run (or a shard) some of whose patterns named nothing: the patterns, and the way out. */
function unmatched(found: FoundFiles, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const why = emptyInputs(found, zh);
  if (!why.length) why.push(zh ? '没有找到文件' : 'no files found');
  return zh
    ? `${why.join(';')}。确实如此时加 --no-error-on-unmatched-pattern(退出码 0)`
    : `${why.join('; ')}. Add --no-error-on-unmatched-pattern to exit 0 when that is expected`;
}

/** The checked files of a command: the pipeline's run (close it when done), and every file found (before --shard). */
export interface CheckedPaths {
  run: CheckRun;
  locale: Locale;
  targets: FileTarget[];
  /** EDUNORM_TIMING=1: the phases so far; the command marks its output and writes the table (timing.ts). */
  timer?: PhaseTimer;
}

/** A file a command will write, which must not be one of the files it checks (`--output`). */
export interface OutputFile {
  /** Absolute. */
  path: string;
  /** The option that named it, for the message. */
  flag: string;
}

/**
 * Finds, shards and checks the files named on the command line, with cache and workers as
 * asked (run-check.ts), and refuses (exit 2) an `output` that names one of them. The caller
 * reads `run.reports()` and must `run.close()` (in a finally).
 */
export async function checkPaths(positionals: readonly string[], values: CheckingValues, io: Io, outputs: readonly OutputFile[] = []): Promise<CheckedPaths> {
  // Peak memory that follows a run's live data, not its length (heap-growth.ts): before the walk.
  boundYoungGeneration();
  const timer = timerFor(io.env);
  const locale = resolveLocale(values.locale, io, values.config);
  const maxFileBytes = values['max-file-size'] !== undefined ? parseByteSize(values['max-file-size']) : undefined;
  // `--concurrency n`: the n − 1 workers start now and load the engine while the folders are
  // walked (on the 2,000-school city the walk and the stats took 0.3 s before any worker began).
  const concurrency = parseConcurrency(values.concurrency);
  // Never more ahead than the cores (a pool of more threads starts the rest when it knows the files).
  const ahead = typeof concurrency === 'number' ? Math.min(concurrency, availableParallelism()) - 1 : 0;
  const workers = ahead > 0 ? (await import('../check-in-workers.js')).startWorkers(ahead) : [];
  try {
    timer?.mark('start');
    return await checkFound(positionals, values, io, locale, maxFileBytes, workers, outputs, timer);
  } finally {
    // Whatever the pool did not take (everything cached, too few files), or already ended.
    stopWorkers(workers);
  }
}

async function checkFound(positionals: readonly string[], values: CheckingValues, io: Io, locale: Locale, maxFileBytes: number | undefined, workers: readonly Worker[], outputs: readonly OutputFile[], timer: PhaseTimer | undefined): Promise<CheckedPaths> {
  const found = findFiles(positionals, io.cwd);
  for (const n of found.notes) {
    io.stderr(locale === 'zh-CN' ? `edunorm: 跳过 ${safeText(n.relative)}:链接指回正在检查的上级文件夹(循环)\n` : `edunorm: skipped ${safeText(n.relative)}: a link back into a folder being checked (a loop)\n`);
  }
  let targets = found.targets;
  if (values.shard !== undefined) {
    applyShard([], values.shard); // a malformed --shard is a usage error before any file is read
    const codes = new Map<FileTarget, readonly string[]>();
    for (const t of found.targets) codes.set(t, await districtsOf(t, locale, maxFileBytes));
    targets = applyShard(found.targets, values.shard, (t) => codes.get(t) ?? []);
  }
  timer?.mark('walk');
  const cacheLocation = resolve(io.cwd, values['cache-location'] ?? '.edunormcache');
  // A cache that exists is compared with each target's stat as the pipeline takes it (one stat
  // per file, not two); with --shard every file found is compared here, in the shard or not.
  const cacheStat = values.cache ? statOrUndefined(cacheLocation) : undefined;
  if (values.cache && (!cacheStat || values.shard !== undefined)) refuseInputAsOutput(cacheLocation, found.targets, '--cache-location', locale, cacheStat);
  if (values.cache) {
    // The report written over the cache file (by its spelling, or a link or hard link to it):
    // one of the two would be lost, and which depends on which is written last.
    for (const o of outputs) {
      const out = statOrUndefined(o.path);
      if (resolve(o.path) === cacheLocation || (out && cacheStat && out.dev === cacheStat.dev && out.ino === cacheStat.ino)) throw new UsageError(M.outputIsCache(safeText(o.path)));
    }
  }
  // Not a cache there (a submission hard-linked to the location, notes.txt): the run goes without
  // it — after the check that it is none of the targets, which the cache's own stats would do.
  const cache = values.cache ? openCache(cacheLocation, locale, io, () => refuseInputAsOutput(cacheLocation, found.targets, '--cache-location', locale, cacheStat)) : undefined;
  // A run with the cache stats every file anyway and compares each with what it writes (and
  // without --shard it sees every file found); otherwise every file found is stat'ed here.
  if (cache) timer?.mark('cacheOpen');
  const guarded = cache !== undefined && values.shard === undefined;
  const notInput: NotInput[] = [];
  const guard = (path: string, flag: string, st: { dev: number; ino: number } | undefined) =>
    notInput.push({
      path,
      dev: st?.dev ?? -1,
      ino: st?.ino ?? -1,
      refuse: (hit: FileTarget): never => {
        throw inputAsOutput(hit, flag);
      },
    });
  if (guarded && cacheStat) guard(cacheLocation, '--cache-location', cacheStat);
  for (const o of outputs) {
    if (guarded) guard(o.path, o.flag, statOrUndefined(o.path));
    else refuseInputAsOutput(o.path, found.targets, o.flag, locale);
  }
  const run = await runCheck(targets, {
    locale,
    reportUnusedDirectives: values['report-unused-disable-directives'] === true,
    version: cliVersion(),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(values.concurrency ? { concurrency: values.concurrency } : {}),
    ...(workers.length ? { workers } : {}),
    unconfigured: found.unconfigured,
    ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}),
    ...(cache ? { cache } : {}),
    ...(notInput.length ? { notInput } : {}),
    // Peak memory that follows a long run's live data, not its length (heap-growth.ts).
    beforeChecking: (files: number) => {
      if (files > LONG_RUN_FILES) boundHeapGrowth();
    },
    ...((values as { format?: string }).format === 'json' ? { renderJson: true } : {}),
    ...(timer ? { timer } : {}),
  });
  try {
    // Outside review E: an output that is a file the configurations read (the edunorm.config.yaml
    // that applies, `--config`, a rule file): no checked file, so refused only now that the run
    // knows them — the report written over it broke the next run (or replaced a norm of the pack).
    for (const o of outputs) if (namesAnyOf(o.path, run.inputs)) throw new UsageError(M.outputIsConfigInput(safeText(o.path)));
    const unsaved = cache?.save();
    if (cache) timer?.mark('cacheSave');
    if (unsaved) io.stderr(locale === 'zh-CN' ? `edunorm: 缓存未能保存(${unsaved}),下次将重新检查;本次结果不受影响\n` : `edunorm: the cache could not be saved (${unsaved}); the next run checks again, this run's results stand\n`);
    if (values.verbose) {
      if (cache?.rejected) io.stderr(locale === 'zh-CN' ? `edunorm: 缓存文件未通过校验(${cache.rejected === 'unsigned' ? '签名不符' : '格式不对'}),已忽略\n` : `edunorm: the cache file did not verify (${cache.rejected === 'unsigned' ? 'bad signature' : 'unexpected shape'}) and was ignored\n`);
      targets.forEach((t, i) => {
        if (!run.isEdunorm(i)) io.stderr(locale === 'zh-CN' ? `edunorm: 跳过 ${safeText(t.relative)}(没有 apiVersion: edunorm/...)\n` : `edunorm: skipped ${safeText(t.relative)} (no apiVersion: edunorm/...)\n`);
      });
      if (cache) io.stderr(locale === 'zh-CN' ? `edunorm: 缓存命中 ${cache.hits} 个,未命中 ${cache.misses} 个\n` : `edunorm: cache ${cache.hits} hit(s), ${cache.misses} miss(es)\n`);
      if (run.evaluatedDistricts + run.cachedDistricts > 0) {
        io.stderr(
          locale === 'zh-CN'
            ? `edunorm: 县域检查:重新计算 ${run.evaluatedDistricts} 个县区,来自缓存 ${run.cachedDistricts} 个\n`
            : `edunorm: districts ${run.evaluatedDistricts} evaluated, ${run.cachedDistricts} cached\n`,
        );
      }
      if (run.threads > 1) io.stderr(locale === 'zh-CN' ? `edunorm: 文件由 ${run.threads} 个线程检查(本线程和 ${run.threads - 1} 个工作线程)\n` : `edunorm: files checked in ${run.threads} threads (this one and ${run.threads - 1} worker${run.threads === 2 ? '' : 's'})\n`);
    }
    if (values.shard === undefined && run.summary.checked === 0) {
      const message = { 'zh-CN': nothingChecked(found, run.summary.skipped, 'zh-CN'), en: nothingChecked(found, run.summary.skipped, 'en') };
      if (!values['no-error-on-unmatched-pattern']) throw new UsageError(message);
      if (values.verbose) io.stderr(`edunorm: ${message[locale]}\n`);
    } else if (found.empty.length > 0 || found.targets.length === 0) {
      // A pattern or folder that names nothing is a mistake to say even when others matched (as
      // ESLint's "No files matching the pattern"), and in every shard: an empty shard is by
      // design, a glob that matches nothing in the whole tree is not (each job of the matrix
      // exited 0 on a misspelt path).
      const message = { 'zh-CN': unmatched(found, 'zh-CN'), en: unmatched(found, 'en') };
      if (!values['no-error-on-unmatched-pattern']) throw new UsageError(message);
      if (values.verbose) io.stderr(`edunorm: ${message[locale]}\n`);
    }
  } catch (error) {
    run.close();
    throw error;
  }
  return { run, locale, targets: found.targets, ...(timer ? { timer } : {}) };
}

/**
 * Every report of a run, in order, in one array: for outputs that hold them all anyway (an HTML
 * page). Each is read whole now (a spread reads a lazy report's findings): the arrays outlive
 * the run's spool, which a lazy report reads from (rendered.ts).
 */
export async function allReports(run: CheckRun): Promise<FileReport[]> {
  const out: FileReport[] = [];
  for await (const r of run.reports()) out.push({ ...r });
  return out;
}
