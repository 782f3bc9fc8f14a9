/**
 * The heavy half of `edunorm check`: reads one file and checks it with the rule engine, in
 * whichever thread the executor runs it. Imported only when some file is not served from the
 * cache, so a warm run never loads the engine.
 */
import { check, type CheckResult, type Locale, type RuleSet } from '@edunorm/core';
import { figuresOfText, type FiguresByDocument, type WorkspaceFileInput } from '@edunorm/core/internal';
import type { ConfigResolver } from '@edunorm/core/node';
import { withReadFinding } from '@edunorm/core/internal/file-limits';
import { contentDigest } from './result-cache.js';
import { reportedDocuments, type CheckedFile } from './file-report.js';
import { readTarget } from './read-target.js';
import { toOutcome, type Outcome } from './outcome.js';
import { renderJsonFile } from './formatters/json.js';

/** The options that change a file's result (and so are part of its cache key). */
export interface CheckOptions {
  locale: Locale;
  reportUnusedDirectives: boolean;
  /** Files larger than this are not read (`file/too-large`); default 16 MiB (`--max-file-size`). */
  maxFileBytes?: number;
  /**
   * `--format json`: each checked file's element of the JSON output is rendered where the file
   * is checked, from its findings as they are (rendered.ts) — on two threads in parallel, and
   * never by parsing its spooled report again at the end. Not part of a result's cache key: the
   * element is kept beside the result, and a hit without one is rendered when written.
   */
  renderJson?: boolean;
}

/**
 * One file to check. It is read where it is checked (a worker thread reads its own files), so
 * no text is ever held waiting or copied between threads.
 */
export interface CheckJob {
  /** Its position among the run's targets: results are put back in that order. */
  index: number;
  absolute: string;
  /** The path's bytes when a name is not UTF-8 (a worker receives a Uint8Array). */
  fsPath?: Uint8Array;
  walkError?: string;
  /** Bytes on disk when the run started: what the worker pool balances by. */
  size: number;
  /** The configuration file that applies (null: none, the built-in pack), when the pipeline found it already. */
  configFile?: string | null;
  /** With `renderJson`: the file as the JSON output names it (its relative path). */
  relative?: string;
}

/**
 * Reads and checks one job. `digest`: compute the content digest for the cache. Configuration
 * errors throw (exit 2); whatever is wrong with the file itself becomes a finding on it.
 */
export async function checkJob(job: CheckJob, resolver: ConfigResolver, options: CheckOptions, digest: boolean): Promise<Outcome> {
  const read = readTarget(
    { absolute: job.absolute, ...(job.fsPath ? { fsPath: Buffer.from(job.fsPath) } : {}), ...(job.walkError ? { walkError: job.walkError } : {}) },
    options.locale,
    options.maxFileBytes,
  );
  if (read.notEdunorm) return toOutcome(job.index, { isEdunorm: false, findings: [], suppressed: [] });
  if (read.finding || read.text === undefined) return toOutcome(job.index, { isEdunorm: true, findings: read.finding ? [read.finding] : [], suppressed: [] });
  const config = job.configFile !== undefined ? resolver.forConfigFile(job.configFile ?? undefined) : resolver.forFile(job.absolute);
  // The size limit was applied when the file was read (read-target.ts, --max-file-size).
  const result = await check(read.text, { path: job.absolute, locale: options.locale, ruleSet: config.ruleSet, reportUnusedDirectives: options.reportUnusedDirectives, maxFileBytes: Infinity, workspace: true, keepSource: false });
  // A finding about how the file was read (its encoding) counts only when the file is ours.
  const findings = withReadFinding(result.findings, read.extra, result.isEdunorm);
  const checked: CheckedFile = { isEdunorm: result.isEdunorm, findings, suppressed: result.suppressed, documents: reportedDocuments(result.documents), ...workspaceInput(result.workspace, config.hash) };
  const rendered = options.renderJson && job.relative !== undefined && result.isEdunorm ? renderJsonFile({ file: { relative: job.relative }, findings }) : undefined;
  return toOutcome(job.index, checked, {
    ...(rendered !== undefined ? { rendered } : {}),
    config: { ...(config.file ? { file: config.file } : {}), hash: config.hash, dependencies: config.dependencies },
    // A file read with an encoding problem is checked every time (its extra finding is not cached).
    ...(digest && !read.extra && read.bytes && read.stat ? { cacheable: { sha: contentDigest(read.bytes), ...read.stat } } : {}),
  });
}

/** A file's input to the checks across documents, when it has any (most files of a county do); `configHash`: the configuration that computed its figures. */
function workspaceInput(w: CheckResult['workspace'], configHash: string): { workspace?: WorkspaceFileInput } {
  if (!w || w.contributions.length === 0) return {};
  return { workspace: { contributions: w.contributions, directives: w.directives, figuresBy: configHash } };
}

/**
 * The figures of a file's documents as another configuration's rule set computes them (the
 * district's, when the file's own configuration is another): the file read and checked again.
 * Undefined when it can no longer be read as it was.
 */
export async function figuresUnder(target: { absolute: string; fsPath?: Uint8Array }, ruleSet: RuleSet, options: CheckOptions): Promise<FiguresByDocument | undefined> {
  const read = readTarget({ absolute: target.absolute, ...(target.fsPath ? { fsPath: Buffer.from(target.fsPath) } : {}) }, options.locale, options.maxFileBytes);
  if (read.text === undefined) return undefined;
  return figuresOfText(read.text, { path: target.absolute, locale: options.locale, ruleSet, maxFileBytes: Infinity });
}
