/**
 * `edunorm check` across files (shared/spec/workspace.md): after every file was checked (or
 * served from the cache), the per-file contributions are linked by district and year and the
 * workspace rules run once per district. Only the contributions are held — a few numbers and
 * ranges per document — never the documents or the files' findings: the join's result is
 * merged into each file's report when the report is read back from the spool (`mergeJoined`).
 * A district whose linked contributions did not change since the last run is served from the
 * cache: a change to one school's file re-evaluates its district only.
 */
import { createHash } from 'node:crypto';
import type { DistrictSummary, Finding, RelatedLocation, RuleSet, SuppressedFinding, WorkspaceFinding, WorkspaceFileResult, WorkspaceResult } from '@edunorm/core';
import type { DistrictView, FiguresByDocument, WorkspaceFileInput } from '@edunorm/core/internal';
import type { CheckOptions } from './check-tasks.js';
import { countFindings, countSeverity, type FileReport, type Summary } from './file-report.js';
import type { RetractableCount } from './outcome.js';
import type { FileResultCache } from './result-cache.js';

export interface WorkspaceOptions extends CheckOptions {
  version: string;
  configFile?: string;
  cache?: FileResultCache;
}

/** A file's input to the join, in the order of the targets (the first of two district documents wins). */
export interface JoinInput {
  absolute: string;
  /** The path's bytes when its name is not UTF-8 (find-files.ts). */
  fsPath?: Uint8Array;
  relative: string;
  input: WorkspaceFileInput;
}

type Retraction = WorkspaceResult['retracted'][number];

export interface WorkspaceJoin {
  districts: DistrictSummary[];
  /** Districts whose findings were computed this run, and those served from the cache. */
  evaluated: number;
  cached: number;
  /** Findings across documents that land in each file (by absolute path), related paths shown relative. */
  byFile: Map<string, WorkspaceFileResult>;
  /** Per-file findings `pooling: county` withdraws, by absolute path. */
  retracted: Map<string, Retraction[]>;
}

const NO_JOIN: WorkspaceJoin = { districts: [], evaluated: 0, cached: 0, byFile: new Map(), retracted: new Map() };

const byOffset = (a: Finding, b: Finding) => a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/** What a district's findings depend on: its view (the contributions linked to it), the rules, the version, the language. */
function districtKey(view: DistrictView, configHash: string, options: WorkspaceOptions): string {
  return createHash('sha256').update(`${JSON.stringify(view)}\0${configHash}\0${options.version}\0${options.locale}`).digest('hex');
}

/** Links the files' contributions and evaluates every district (loads the engine only if there is a district). */
export async function joinWorkspace(inputs: readonly JoinInput[], options: WorkspaceOptions): Promise<WorkspaceJoin> {
  if (inputs.length === 0) return NO_JOIN;
  const { WorkspaceIndex, attachToFiles, duplicateFinding, evaluateDistrict, refigureSchools, retractions, workspaceRuleIds } = await import('@edunorm/core/internal');
  const { ConfigResolver } = await import('@edunorm/core/node');
  const resolver = new ConfigResolver(options.configFile);
  const index = new WorkspaceIndex();
  for (const i of inputs) index.set(i.absolute, i.input);
  const { views, duplicates } = index.link();
  const relative = new Map(inputs.map((i) => [i.absolute, i.relative]));
  const shown = (file: string) => relative.get(file) ?? file;
  const findings: WorkspaceFinding[] = [];
  for (const { duplicate, first } of duplicates) {
    const f = duplicateFinding(duplicate, first, options.locale, shown);
    if (f) findings.push(f);
  }
  const districts: DistrictSummary[] = [];
  const retracted = new Map<string, Retraction[]>();
  let evaluated = 0;
  let cached = 0;
  if (views.length) {
    // A school's file is checked under its nearest configuration; one of its own (a folder's
    // `edunorm.config.yaml` turning the county norms off, or narrowing teacher-pay-parity's
    // levels) made its figures with other rules, and the county must not be judged by them —
    // outside review: a school's own config took it out of the pool and the county mean, and
    // with the county's `pooling: county` it was then judged by nothing. Such a file is read and
    // checked again under the district's rules (once per configuration), in this thread; a
    // county whose files share one configuration, the usual case, reads nothing again.
    const byFile = new Map(inputs.map((i) => [i.absolute, i]));
    const made = new Map<string, FiguresByDocument | undefined>();
    const checkOptions: CheckOptions = { locale: options.locale, reportUnusedDirectives: options.reportUnusedDirectives, ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}) };
    const figuresUnder = async (file: string, config: { hash: string; ruleSet: RuleSet }) => {
      const key = `${config.hash}\0${file}`;
      if (!made.has(key)) {
        const { figuresUnder: read } = await import('./check-tasks.js');
        const fsPath = byFile.get(file)?.fsPath;
        made.set(key, await read({ absolute: file, ...(fsPath ? { fsPath } : {}) }, config.ruleSet, checkOptions));
      }
      return made.get(key);
    };
    for (const view of views) {
      // The district document's configuration judges the district (a county's own parameters),
      // with its schools' figures as its rules make them.
      const config = resolver.forFile(view.district.file);
      await refigureSchools(view, (school) => byFile.get(school.file)?.input.figuresBy !== config.hash, (file) => figuresUnder(file, config));
      const key = districtKey(view, config.hash, options);
      let result = options.cache?.getDistrict(key);
      if (result) cached++;
      else {
        result = await evaluateDistrict(view, config.ruleSet, options.locale);
        evaluated++;
        options.cache?.setDistrict(key, result);
      }
      for (const f of result.findings) findings.push(f);
      districts.push({ ...result.summary });
      for (const r of retractions([view], config.ruleSet)) {
        const list = retracted.get(r.file) ?? [];
        list.push(r);
        retracted.set(r.file, list);
      }
    }
  }
  const local = <F extends Finding>(f: F): F => {
    const { file: _file, ...rest } = f as F & { file?: string };
    const out = rest as F;
    if (f.related) out.related = f.related.map((r): RelatedLocation => (r.file !== undefined ? { ...r, file: shown(r.file) } : r));
    return out;
  };
  const byFile = new Map<string, WorkspaceFileResult>();
  // Directives naming an id across documents are judged now (--report-unused-disable-directives), each file by its own configuration's ids.
  const unused = options.reportUnusedDirectives ? { ruleIds: (file: string) => workspaceRuleIds(resolver.forFile(file).ruleSet) } : undefined;
  for (const [file, mine] of attachToFiles(findings, index, options.locale, unused)) {
    byFile.set(file, { findings: mine.findings.map(local), suppressed: mine.suppressed.map(local) });
  }
  for (const d of districts) d.file = shown(d.file);
  return { districts, evaluated, cached, byFile, retracted };
}

const isRetracted = (rs: readonly Retraction[], f: Pick<Finding, 'documentIndex' | 'ruleId' | 'outcome'>) =>
  f.outcome !== undefined && rs.some((r) => r.documentIndex === f.documentIndex && r.ruleId === f.ruleId && r.outcomes.includes(f.outcome!));

/**
 * Changes a run's counts for what the join did to one file: withdrawn findings out, findings
 * across documents in. From the file's retractable counts, so no report is read back for it.
 */
export function adjustSummary(summary: Summary, absolute: string, retractable: readonly RetractableCount[] | undefined, joined: WorkspaceJoin): void {
  const rs = joined.retracted.get(absolute);
  if (rs && retractable) {
    for (const c of retractable) if (isRetracted(rs, c)) countSeverity(summary, c.severity, -c.count);
  }
  const mine = joined.byFile.get(absolute);
  if (mine) countFindings(summary, mine.findings, 1);
}

/** A file's final report: its own findings without the withdrawn ones, with the findings across documents that land in it. */
export function mergeJoined(report: FileReport, joined: WorkspaceJoin): FileReport {
  const mine = joined.byFile.get(report.file.absolute);
  const rs = joined.retracted.get(report.file.absolute);
  if (!mine && !rs) return report;
  const findings = rs ? report.findings.filter((f) => !isRetracted(rs, f)) : [...report.findings];
  const suppressed: SuppressedFinding[] = rs ? report.suppressed.filter((f) => !isRetracted(rs, f)) : [...report.suppressed];
  if (mine) {
    for (const f of mine.findings) findings.push(f);
    for (const f of mine.suppressed) suppressed.push(f);
  }
  return { ...report, findings: findings.sort(byOffset), suppressed: suppressed.sort(byOffset) };
}
