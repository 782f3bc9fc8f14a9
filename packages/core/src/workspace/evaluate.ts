/**
 * Checking documents together (shared/spec/workspace.md): an index of what each file
 * contributes, linked by district code and year, and the evaluation of the workspace rules
 * per district. The index holds contributions (a few numbers and ranges per document), never
 * the documents: memory grows with the number of documents, not with their size.
 */
import { pick } from '../messages/format.js';
import { structural } from '../checks/registry.js';
import { duplicateDistrictMessage, FIRST_DISTRICT_DOCUMENT } from '../checks/workspace.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { WorkspaceFinding } from '../rules/workspace-rules.js';
import { applyDirectives, type Directive, type SuppressedFinding } from '../suppressions.js';
import type { Finding, Locale } from '../types.js';
import type { DistrictView } from './calculators.js';
import { locationOf } from './calculators.js';
import type { DocumentContribution, FileContribution } from './contribution.js';

export interface WorkspaceFileInput {
  contributions: readonly DocumentContribution[];
  directives: readonly Directive[];
  /**
   * The configuration (its hash) whose rule set computed the contributions' figures, when a
   * tool checks files under several: a district is judged with its own configuration, so a
   * school's figures made under another are made again under it (the CLI's join).
   */
  figuresBy?: string;
}

/** `code@year`: one district document per key is used. */
export const districtKeyOf = (code: string, year: number | undefined) => `${code}@${year ?? ''}`;

export interface LinkedWorkspace {
  views: DistrictView[];
  /** District documents with the code and year of an earlier one: not used. */
  duplicates: { duplicate: FileContribution; first: FileContribution }[];
}

/** The contributions of the files checked together, kept up to date file by file. */
export class WorkspaceIndex {
  private readonly files = new Map<string, WorkspaceFileInput>();

  /** Sets (or replaces) a file's contributions; an empty input removes nothing else. */
  set(file: string, input: WorkspaceFileInput): void {
    this.files.set(file, { contributions: input.contributions, directives: input.directives });
  }

  delete(file: string): boolean {
    return this.files.delete(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get size(): number {
    return this.files.size;
  }

  /** The indexed files, in the order they were first set. */
  indexedFiles(): IterableIterator<string> {
    return this.files.keys();
  }

  directivesOf(file: string): readonly Directive[] {
    return this.files.get(file)?.directives ?? [];
  }

  /** District codes of a file's documents (its own code for a district, the linked one for a school). */
  districtsOf(file: string): string[] {
    return [...new Set((this.files.get(file)?.contributions ?? []).map((c) => c.district).filter((d): d is string => d !== undefined))];
  }

  /**
   * Links school documents to district documents by code and year. Files are taken in the
   * order they were first set (the order of the command line), so "the first one" of two
   * district documents with the same code and year is well defined.
   */
  link(): LinkedWorkspace {
    const districts = new Map<string, DistrictView>();
    const duplicates: LinkedWorkspace['duplicates'] = [];
    const schools: FileContribution[] = [];
    for (const [file, input] of this.files) {
      for (const c of input.contributions) {
        const fc: FileContribution = { ...c, file };
        if (c.kind !== 'DistrictIndicators') {
          schools.push(fc);
          continue;
        }
        const key = districtKeyOf(c.district!, c.year);
        const first = districts.get(key);
        if (first) duplicates.push({ duplicate: fc, first: first.district });
        else districts.set(key, { district: fc, schools: [] });
      }
    }
    for (const s of schools) districts.get(districtKeyOf(s.district!, s.year))?.schools.push(s);
    for (const view of districts.values()) {
      const previous = view.district.year !== undefined ? districts.get(districtKeyOf(view.district.code!, view.district.year - 1)) : undefined;
      if (previous) view.previous = previous.district;
    }
    return { views: [...districts.values()], duplicates };
  }
}

/** What the workspace rules computed for one district and year (report rows, hover). */
export interface DistrictSummary {
  file: string;
  documentIndex: number;
  code: string;
  name?: string;
  type?: string;
  year?: number;
  /** Linked school documents. */
  linked: number;
  /** Each workspace rule's facts for this district (without locations), by rule id and fact name. */
  facts: Record<string, Record<string, unknown>>;
}

/** The findings across documents that land in one file: kept, and suppressed by its directives. */
export interface WorkspaceFileResult {
  findings: WorkspaceFinding[];
  suppressed: (WorkspaceFinding & SuppressedFinding)[];
}

/** What checking files together found: findings by file, per-file findings withdrawn, each district's figures. */
export interface WorkspaceResult {
  files: Map<string, WorkspaceFileResult>;
  /** Findings of per-file checks that are not reported (`pooling: county`). */
  retracted: { file: string; documentIndex: number; ruleId: string; outcomes: string[] }[];
  districts: DistrictSummary[];
}

/**
 * `workspace/duplicate-district` on the second document, at its `district.code`, the first one
 * as related location. `shown`: how a file is named in the message — the CLI's relative path
 * (outside review: the absolute path changed the message with the checkout folder in CI logs,
 * SARIF and baselines).
 */
function duplicateFinding(duplicate: FileContribution, first: FileContribution, locale: Locale, shown: (file: string) => string = (f) => f): WorkspaceFinding | undefined {
  const at = locationOf(duplicate, 'district.code');
  if (!at) return undefined;
  const firstAt = locationOf(first, 'district.code');
  const where = `${shown(first.file)}:${firstAt?.range.start.line ?? 1}`;
  const finding: WorkspaceFinding = {
    file: at.file,
    ...structural('workspace/duplicate-district'),
    message: pick(duplicateDistrictMessage(duplicate.code ?? '', String(duplicate.year ?? ''), where), locale),
    range: at.range,
    documentIndex: at.documentIndex,
    path: at.path,
    anchor: `workspace:${duplicate.code}@${duplicate.year ?? ''}/duplicate-district`,
  };
  if (firstAt) finding.related = [{ file: firstAt.file, documentIndex: firstAt.documentIndex, path: firstAt.path, range: firstAt.range, message: pick(FIRST_DISTRICT_DOCUMENT, locale) }];
  return finding;
}

const stripLocations = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripLocations);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'at') out[k] = stripLocations(v);
    return out;
  }
  return value;
};

/** Evaluates the workspace rules on one district view: its findings and its figures. */
export async function evaluateDistrict(view: DistrictView, ruleSet: RuleSet, locale: Locale): Promise<{ findings: WorkspaceFinding[]; summary: DistrictSummary }> {
  const { findings, facts } = await ruleSet.workspace.evaluate(view, locale);
  const d = view.district;
  const summary: DistrictSummary = { file: d.file, documentIndex: d.documentIndex, code: d.code!, year: d.year, linked: view.schools.length, facts: stripLocations(facts) as DistrictSummary['facts'] };
  if (d.name !== undefined) summary.name = d.name;
  if (d.level !== undefined) summary.type = d.level;
  return { findings, summary };
}

/** A document's figures of reused rules, by document index (what `figuresOfText` makes). */
export type FiguresByDocument = Map<number, FileContribution['figures']>;

/**
 * Gives the schools of a view that `stale` names the figures `figuresOf` makes for their file
 * (the district's rule set's: a school checked under another configuration made its own); a
 * file `figuresOf` can no longer read keeps the figures it was checked with. The CLI's join and
 * the editor's index both judge a district so.
 */
export async function refigureSchools(view: DistrictView, stale: (school: FileContribution) => boolean, figuresOf: (file: string) => Promise<FiguresByDocument | undefined>): Promise<void> {
  for (let i = 0; i < view.schools.length; i++) {
    const school = view.schools[i]!;
    if (!stale(school)) continue;
    const made = await figuresOf(school.file);
    if (made) view.schools[i] = { ...school, figures: made.get(school.documentIndex) ?? {} };
  }
}

/** Groups findings by file and applies each file's `# edunorm-disable…` directives. */
export function attachToFiles(
  findings: readonly WorkspaceFinding[],
  index: WorkspaceIndex,
  locale: Locale,
  /**
   * `--report-unused-disable-directives` for the ids across documents (`workspaceRuleIds`): a
   * directive naming one that suppressed nothing is `directive/unused` now that the findings are
   * known (the file's own check left them out). Outside review: one in a school document, or in
   * a district file whose county passes, was never told.
   */
  unused?: { ruleIds: (file: string) => ReadonlySet<string> },
): Map<string, WorkspaceFileResult> {
  const byFile = new Map<string, WorkspaceFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  // With `unused`, every indexed file's directives are judged, those with no finding too.
  if (unused) for (const file of index.indexedFiles()) if (!byFile.has(file) && index.directivesOf(file).length) byFile.set(file, []);
  const out = new Map<string, WorkspaceFileResult>();
  for (const [file, list] of byFile) {
    list.sort((a, b) => a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    const { findings: kept, suppressed } = applyDirectives(index.directivesOf(file), list, { locale, problems: false, ...(unused ? { reportUnused: true, unusedOnly: unused.ruleIds(file) } : {}) });
    if (kept.length || suppressed.length) out.set(file, { findings: kept as WorkspaceFinding[], suppressed });
  }
  return out;
}

/** Which per-file findings `pooling: county` withdraws: those of reused rules on linked schools. */
export function retractions(views: readonly DistrictView[], ruleSet: RuleSet): WorkspaceResult['retracted'] {
  const out: WorkspaceResult['retracted'] = [];
  for (const pooled of ruleSet.workspace.pooled) {
    for (const view of views) {
      for (const s of view.schools) if (s.kind === pooled.kind) out.push({ file: s.file, documentIndex: s.documentIndex, ruleId: pooled.ruleId, outcomes: pooled.outcomes });
    }
  }
  return out;
}

/** Removes the retracted findings of one file (findings and suppressed alike). */
export function withoutRetracted<F extends Finding>(file: string, findings: readonly F[], retracted: WorkspaceResult['retracted']): F[] {
  const mine = retracted.filter((r) => r.file === file);
  if (mine.length === 0) return [...findings];
  return findings.filter((f) => !mine.some((r) => r.documentIndex === f.documentIndex && r.ruleId === f.ruleId && f.outcome !== undefined && r.outcomes.includes(f.outcome)));
}

/** Links the index and evaluates every district: findings by file, retractions, figures. */
export async function evaluateWorkspace(index: WorkspaceIndex, ruleSet: RuleSet | ((file: string) => RuleSet), locale: Locale): Promise<WorkspaceResult> {
  const rulesFor = typeof ruleSet === 'function' ? ruleSet : () => ruleSet;
  const { views, duplicates } = index.link();
  const findings: WorkspaceFinding[] = [];
  for (const { duplicate, first } of duplicates) {
    const f = duplicateFinding(duplicate, first, locale);
    if (f) findings.push(f);
  }
  const districts: DistrictSummary[] = [];
  const retracted: WorkspaceResult['retracted'] = [];
  for (const view of views) {
    const rules = rulesFor(view.district.file);
    const result = await evaluateDistrict(view, rules, locale);
    for (const f of result.findings) findings.push(f);
    districts.push(result.summary);
    for (const r of retractions([view], rules)) retracted.push(r);
  }
  return { files: attachToFiles(findings, index, locale), retracted, districts };
}

export { duplicateFinding };
