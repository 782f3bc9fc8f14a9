/**
 * `edunorm check` across files (shared/spec/workspace.md): after every file was checked (or
 * served from the cache), the per-file contributions are linked by district and year and the
 * workspace rules run once per district. Only the contributions are held — a few numbers and
 * ranges per document — never the documents. A district whose linked contributions did not
 * change since the last run is served from the cache: a change to one school's file
 * re-evaluates its district only.
 */
import { createHash } from 'node:crypto';
import type { DistrictSummary, Finding, Locale, RelatedLocation, SuppressedFinding, WorkspaceFinding } from '@edunorm/core';
import type { DistrictView, WorkspaceFileInput } from '@edunorm/core/internal';
import type { FileReport } from './check-files.js';
import type { FileResultCache } from './result-cache.js';

export interface WorkspaceOptions {
  locale: Locale;
  version: string;
  configFile?: string;
  cache?: FileResultCache;
}

export interface WorkspaceOutcome {
  reports: FileReport[];
  districts: DistrictSummary[];
  /** Districts whose findings were computed this run, and those served from the cache. */
  evaluated: number;
  cached: number;
}

const byOffset = (a: Finding, b: Finding) => a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/** What a district's findings depend on: its view (the contributions linked to it), the rules, the version, the language. */
function districtKey(view: DistrictView, configHash: string, options: WorkspaceOptions): string {
  return createHash('sha256').update(`${JSON.stringify(view)}\0${configHash}\0${options.version}\0${options.locale}`).digest('hex');
}

/** Checks the reports' files together: findings across documents are added to the files they land in. */
export async function checkTogether(reports: readonly FileReport[], options: WorkspaceOptions): Promise<WorkspaceOutcome> {
  const withInput = reports.filter((r): r is FileReport & { workspace: WorkspaceFileInput } => r.workspace !== undefined && r.workspace.contributions.length > 0);
  const strip = (r: FileReport): FileReport => {
    if (r.workspace === undefined) return r;
    const { workspace: _w, ...rest } = r;
    return rest;
  };
  if (withInput.length === 0) return { reports: reports.map(strip), districts: [], evaluated: 0, cached: 0 };
  const { WorkspaceIndex, attachToFiles, duplicateFinding, evaluateDistrict, retractions, withoutRetracted } = await import('@edunorm/core/internal');
  const index = new WorkspaceIndex();
  for (const r of withInput) index.set(r.file.absolute, r.workspace);
  const { views, duplicates } = index.link();
  const relative = new Map(reports.map((r) => [r.file.absolute, r.file.relative]));
  const findings: WorkspaceFinding[] = [];
  for (const { duplicate, first } of duplicates) {
    const f = duplicateFinding(duplicate, first, options.locale);
    if (f) findings.push(f);
  }
  const districts: DistrictSummary[] = [];
  const retracted: ReturnType<typeof retractions> = [];
  let evaluated = 0;
  let cached = 0;
  if (views.length) {
    const { ConfigResolver } = await import('@edunorm/core/node');
    const resolver = new ConfigResolver(options.configFile);
    for (const view of views) {
      // The district document's configuration judges the district (a county's own parameters).
      const config = resolver.forFile(view.district.file);
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
      for (const r of retractions([view], config.ruleSet)) retracted.push(r);
    }
  }
  const byFile = attachToFiles(findings, index, options.locale);
  const shown = (file: string) => relative.get(file) ?? file;
  const local = <F extends Finding>(f: F): F => {
    const { file: _file, ...rest } = f as F & { file?: string };
    const out = rest as F;
    if (f.related) out.related = f.related.map((r): RelatedLocation => (r.file !== undefined ? { ...r, file: shown(r.file) } : r));
    return out;
  };
  const merged = reports.map((r) => {
    const mine = byFile.get(r.file.absolute);
    const hasRetractions = retracted.some((x) => x.file === r.file.absolute);
    if (!mine && !hasRetractions) return strip(r);
    const own = strip(r);
    const kept = withoutRetracted(r.file.absolute, own.findings, retracted);
    const suppressed = withoutRetracted(r.file.absolute, own.suppressed, retracted) as SuppressedFinding[];
    if (mine) {
      for (const f of mine.findings) kept.push(local(f));
      for (const f of mine.suppressed) suppressed.push(local(f));
    }
    return { ...own, findings: kept.sort(byOffset), suppressed: suppressed.sort(byOffset) };
  });
  for (const d of districts) d.file = shown(d.file);
  return { reports: merged, districts, evaluated, cached };
}
