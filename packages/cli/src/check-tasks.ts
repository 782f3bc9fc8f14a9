/**
 * The heavy half of `edunorm check`: loads the rule engine and checks files, in this thread
 * or in worker threads. Imported only when some file is not served from the cache.
 */
import { check } from '@edunorm/core';
import type { ConfigResolver } from '@edunorm/core/node';
import type { CheckFilesOptions, FileReport } from './check-files.js';

/** One file to check; its configuration is found from its folder (or `--config`). */
export interface CheckTask {
  index: number;
  absolute: string;
  text: string;
}

/** A checked file, with the configuration it was checked with (for cache keys). */
export type TaskResult = {
  index: number;
  report: Omit<FileReport, 'file'>;
  config: { file?: string; hash: string; dependencies: string[] };
};

/** Checks tasks one after another (one engine run at a time per rule set). */
export async function checkTasks(tasks: readonly CheckTask[], resolver: ConfigResolver, options: CheckFilesOptions): Promise<TaskResult[]> {
  const out: TaskResult[] = [];
  for (const task of tasks) {
    const config = resolver.forFile(task.absolute);
    // The size limit was applied when the file was read (read-target.ts, --max-file-size).
    const result = await check(task.text, { locale: options.locale, ruleSet: config.ruleSet, reportUnusedDirectives: options.reportUnusedDirectives, maxFileBytes: Infinity });
    out.push({
      index: task.index,
      report: { isEdunorm: result.isEdunorm, findings: result.findings, suppressed: result.suppressed },
      config: { ...(config.file ? { file: config.file } : {}), hash: config.hash, dependencies: config.dependencies },
    });
  }
  return out;
}
