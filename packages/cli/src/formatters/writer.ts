import type { Locale, RuleSet, Severity } from '@edunorm/core';
import { countReport, emptySummary, type FileReport, type Summary } from '../file-report.js';
import { testCasesOf } from './junit-cases.js';

/**
 * What an output format must know before the first file: a run's outline. It is small — counts,
 * the checked files' names, the ids that fired — never the findings, so a run can be written
 * while its reports stream past (issue 14: memory does not grow with the output).
 *
 * - `summary`: the counts of the reports as they are written (after `--baseline` and
 *   `--quiet`); JSON puts it before `files`, stylish, github and markdown print it.
 * - `checkedFiles`: relative paths of the edunorm files, in output order: SARIF lists its
 *   `artifacts` before its results, and a related location points at any of them by index.
 * - `firedRules`: every id of a finding or suppressed finding, in order of first appearance,
 *   with that first finding's severity: SARIF describes an id in no list (a schema keyword of
 *   its own) among its rules, which come before the results.
 * - `testCases`: JUnit's totals for the root element (present when the builder had the rule set).
 * - `rawPaths`: the checked files whose names are not UTF-8, their absolute paths' bytes by their
 *   relative (shown) path: SARIF's `uri` percent-encodes the bytes on disk, not the name shown.
 */
export interface RunOutline {
  summary: Summary;
  checkedFiles: readonly string[];
  firedRules: readonly { id: string; severity: Severity }[];
  testCases?: { tests: number; failures: number };
  rawPaths?: ReadonlyMap<string, Uint8Array>;
}

/** Builds a run's outline from its reports, one at a time, in output order (nothing of a report is kept but its name). */
export class OutlineBuilder {
  private readonly summary: Summary = emptySummary();
  private readonly checkedFiles: string[] = [];
  private readonly firedRules = new Map<string, Severity>();
  private readonly testCases?: { tests: number; failures: number };
  private rawPaths?: Map<string, Uint8Array>;

  /** `ruleSet`: count JUnit's test cases too (the rules a file's kinds bring in). */
  constructor(private readonly ruleSet?: RuleSet) {
    if (ruleSet) this.testCases = { tests: 0, failures: 0 };
  }

  add(report: FileReport): void {
    countReport(this.summary, report);
    for (const f of [...report.findings, ...(report.suppressed ?? [])]) if (!this.firedRules.has(f.ruleId)) this.firedRules.set(f.ruleId, f.severity);
    if (!report.isEdunorm) return;
    this.checkedFiles.push(report.file.relative);
    if (report.file.fsPath) (this.rawPaths ??= new Map()).set(report.file.relative, report.file.fsPath);
    if (this.testCases && this.ruleSet) {
      const cases = testCasesOf(report, this.ruleSet);
      this.testCases.tests += cases.length;
      this.testCases.failures += cases.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
    }
  }

  outline(): RunOutline {
    return { summary: { ...this.summary }, checkedFiles: this.checkedFiles, firedRules: [...this.firedRules].map(([id, severity]) => ({ id, severity })), ...(this.testCases ? { testCases: { ...this.testCases } } : {}), ...(this.rawPaths ? { rawPaths: this.rawPaths } : {}) };
  }
}

/** The outline of reports already in hand (tests, and a run whose reports are an array). */
export function outlineOf(reports: Iterable<FileReport>, ruleSet?: RuleSet): RunOutline {
  const builder = new OutlineBuilder(ruleSet);
  for (const r of reports) builder.add(r);
  return builder.outline();
}

/** Everything a writer is opened with; all of it is known before the first file. */
export interface WriteContext {
  locale: Locale;
  version: string;
  color: boolean;
  /** The working folder, which relative paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  /** The active rules' metadata; present for formats that declare `needsRules` (sarif, junit). */
  ruleSet?: RuleSet;
  outline: RunOutline;
  /** Findings `--quiet` left out of the reports: a summary must not call the run "all clear". */
  hidden?: QuietHidden;
  /** `--shard i/n`: which slice this run is, and what the whole run was (SARIF records it for sarif-merge). */
  shard?: ShardIdentity;
}

/**
 * A shard's place in its run, as SARIF records it (`runs[0].properties.edunormShard`): sarif-merge
 * refuses a set of shards with one missing or given twice, or shards of different runs (another
 * file list, other rule settings), which it could not tell apart otherwise.
 */
export interface ShardIdentity {
  index: number;
  count: number;
  /** sha256 of the files found before slicing and of the working folder's rule settings. */
  run: string;
}

/** What `--quiet` did not show (it still counts for `--max-warnings`, as in ESLint). */
export interface QuietHidden {
  warnings: number;
  infos: number;
}

/**
 * One output format, streaming: `start()`, then `file()` once per report in the order given,
 * then `end()`; the output is the concatenation of what they return. A writer never sorts
 * across files and keeps nothing of an earlier file but counters, so memory does not grow
 * with the run. Each call returns text (often empty); where it goes — stdout with
 * backpressure, an atomic file — is `writeRun`'s business, not the format's.
 */
export interface ReportWriter {
  start(): string;
  /** Text, or UTF-8 bytes (an element rendered by an earlier run and kept as bytes, rendered.ts), or pieces of both in order. */
  file(report: FileReport): string | Uint8Array | readonly (string | Uint8Array)[];
  end(): string;
}

export type OpenWriter = (context: WriteContext) => ReportWriter;

/**
 * Where output goes, a chunk at a time; a returned promise means "wait before the next chunk"
 * (backpressure). A chunk is text, or UTF-8 bytes when a writer gave bytes.
 */
export type Sink = (chunk: string | Uint8Array) => void | Promise<void>;

/** Chunks are gathered to about this many UTF-16 units before they go to the sink (fewer, larger writes). */
const CHUNK = 1 << 16;

/**
 * Writes a run: the writer's text for every report, in order, to the sink. The reports may be
 * an array or any (async) iterable — only one of them is in hand at a time here.
 */
export async function writeRun(writer: ReportWriter, reports: Iterable<FileReport> | AsyncIterable<FileReport>, sink: Sink): Promise<void> {
  let pending: (string | Uint8Array)[] = [];
  let size = 0;
  /** Whether a pending piece is bytes: then the chunk is bytes (text is encoded, bytes are never decoded). */
  let bytes = false;
  const push = async (text: string | Uint8Array, force = false) => {
    if (text.length) {
      pending.push(text);
      size += text.length;
      if (typeof text !== 'string') bytes = true;
    }
    if (size >= CHUNK || (force && size > 0)) {
      const chunk = bytes ? Buffer.concat(pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))) : (pending as string[]).join('');
      pending = [];
      size = 0;
      bytes = false;
      await sink(chunk);
    }
  };
  await push(writer.start());
  for await (const report of reports) {
    const text = writer.file(report);
    if (typeof text === 'string' || text instanceof Uint8Array) await push(text);
    else for (const piece of text) await push(piece);
  }
  await push(writer.end(), true);
}
