import { resolve } from 'node:path';
import type { Locale } from '@edunorm/core';
import type { FileReport } from '../check-files.js';
import { findFiles, type FileTarget } from '../find-files.js';
import { configForFolder } from '../config/resolve.js';
import { chooseLocale, parseLocale } from '../locale.js';
import type { Io } from '../main.js';
import { cacheSecret } from '../cache-secret.js';
import { safeText } from '../safe-text.js';
import { FileResultCache } from '../result-cache.js';
import { runCheck } from '../run-check.js';
import { parseByteSize } from '../byte-size.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { MESSAGES as M } from '../messages.js';

/** Options shared by every command that checks files (check, baseline). */
export const CHECKING_OPTIONS = {
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  'report-unused-disable-directives': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  shard: { type: 'string' },
  verbose: { type: 'boolean' },
  'max-file-size': { type: 'string' },
} as const;

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

/** `--shard i/n`: the i-th of n deterministic slices of the sorted file list (CI matrices). */
export function applyShard(targets: FileTarget[], shard: string | undefined): FileTarget[] {
  if (shard === undefined) return targets;
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(M.shard(shard));
  return [...targets].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)).filter((_, k) => k % n === i - 1);
}

/**
 * The `--cache` store, or undefined (with a line on stderr) when its secret cannot be had:
 * then the run checks every file, as without `--cache`. A cache is never a reason to fail.
 */
function openCache(location: string, locale: Locale, io: Io): FileResultCache | undefined {
  const got = cacheSecret(io.env, io.cwd);
  if ('secret' in got) return new FileResultCache(location, got.secret);
  io.stderr(locale === 'zh-CN' ? `edunorm: 本次不使用缓存:${got.problem}\n` : `edunorm: running without the cache: ${got.problem}\n`);
  return undefined;
}

/** Finds, shards and checks the files named on the command line, with cache and workers as asked. */
export async function checkPaths(positionals: readonly string[], values: CheckingValues, io: Io): Promise<{ reports: FileReport[]; locale: Locale }> {
  const locale = resolveLocale(values.locale, io, values.config);
  const targets = applyShard(findFiles(positionals, io.cwd), values.shard);
  const cache = values.cache ? openCache(resolve(io.cwd, values['cache-location'] ?? '.edunormcache'), locale, io) : undefined;
  const reports = await runCheck(targets, {
    locale,
    reportUnusedDirectives: values['report-unused-disable-directives'] === true,
    version: cliVersion(),
    ...(values['max-file-size'] !== undefined ? { maxFileBytes: parseByteSize(values['max-file-size']) } : {}),
    ...(values.concurrency ? { concurrency: values.concurrency } : {}),
    ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}),
    ...(cache ? { cache } : {}),
  });
  const unsaved = cache?.save();
  if (unsaved) io.stderr(locale === 'zh-CN' ? `edunorm: 缓存未能保存(${unsaved}),下次将重新检查;本次结果不受影响\n` : `edunorm: the cache could not be saved (${unsaved}); the next run checks again, this run's results stand\n`);
  if (values.verbose) {
    if (cache?.rejected) io.stderr(locale === 'zh-CN' ? `edunorm: 缓存文件未通过校验(${cache.rejected === 'unsigned' ? '签名不符' : '格式不对'}),已忽略\n` : `edunorm: the cache file did not verify (${cache.rejected === 'unsigned' ? 'bad signature' : 'unexpected shape'}) and was ignored\n`);
    for (const r of reports) {
      if (!r.isEdunorm) io.stderr(locale === 'zh-CN' ? `edunorm: 跳过 ${safeText(r.file.relative)}(没有 apiVersion: edunorm/...)\n` : `edunorm: skipped ${safeText(r.file.relative)} (no apiVersion: edunorm/...)\n`);
    }
    if (cache) io.stderr(locale === 'zh-CN' ? `edunorm: cache ${cache.hits} hit(s), ${cache.misses} miss(es)(缓存命中 ${cache.hits} 个,未命中 ${cache.misses} 个)\n` : `edunorm: cache ${cache.hits} hit(s), ${cache.misses} miss(es)\n`);
  }
  return { reports, locale };
}
