/**
 * The heavy half of `edunorm check`: loads the rule engine and checks files, in this thread
 * or in worker threads. Imported only when some file is not served from the cache.
 */
import { check, type CheckResult, type Finding } from '@edunorm/core';
import type { WorkspaceFileInput } from '@edunorm/core/internal';
import type { ConfigResolver } from '@edunorm/core/node';
import { reportedDocuments, type CheckFilesOptions, type FileReport } from './check-files.js';
import { readTarget } from './read-target.js';

/**
 * One file to check; its configuration is found from its folder (or `--config`). Without
 * `text`, the file is read where it is checked (a worker thread reads its own files).
 */
export interface CheckTask {
  index: number;
  absolute: string;
  /** The path's bytes when a name is not UTF-8 (a worker receives a Uint8Array). */
  fsPath?: Uint8Array;
  walkError?: string;
  text?: string;
  /** For balancing work between threads. */
  size?: number;
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
    const configInfo = { ...(config.file ? { file: config.file } : {}), hash: config.hash, dependencies: config.dependencies };
    let text = task.text;
    let extra: Finding | undefined;
    if (text === undefined) {
      const read = readTarget(
        { absolute: task.absolute, ...(task.fsPath ? { fsPath: Buffer.from(task.fsPath) } : {}), ...(task.walkError ? { walkError: task.walkError } : {}) },
        options.locale,
        options.maxFileBytes,
      );
      if (read.notEdunorm || read.finding || read.text === undefined) {
        out.push({ index: task.index, report: { isEdunorm: !read.notEdunorm, findings: read.finding ? [read.finding] : [], suppressed: [] }, config: configInfo });
        continue;
      }
      text = read.text;
      extra = read.extra;
    }
    // The size limit was applied when the file was read (read-target.ts, --max-file-size).
    const result = await check(text, { path: task.absolute, locale: options.locale, ruleSet: config.ruleSet, reportUnusedDirectives: options.reportUnusedDirectives, maxFileBytes: Infinity, workspace: true });
    const findings = extra && result.isEdunorm ? [extra, ...result.findings].sort((a, b) => a.range.start.offset - b.range.start.offset) : result.findings;
    out.push({ index: task.index, report: { isEdunorm: result.isEdunorm, findings, suppressed: result.suppressed, documents: reportedDocuments(result.documents), ...workspaceInput(result.workspace) }, config: configInfo });
  }
  return out;
}

/** A file's input to the checks across documents, when it has any (most files of a county do). */
function workspaceInput(w: CheckResult['workspace']): { workspace?: WorkspaceFileInput } {
  if (!w || w.contributions.length === 0) return {};
  return { workspace: { contributions: w.contributions, directives: w.directives } };
}
