import { type ActiveRule, type Citation, type DistrictSummary, type DocumentKind, type Finding, type LocalizedText, type RuleSet, type Severity } from '@edunorm/core';
import { districtKeyOf, substituteParams } from '@edunorm/core/internal';
import type { FileReport } from '../file-report.js';

/**
 * What a district report is made of: the checked files regrouped by school (a school is its
 * `school.code`, across its SchoolBudget and Staffing files), by district, and by norm.
 */

export interface ReportFinding extends Finding {
  /** Path of the file, relative to the working folder. */
  file: string;
}

export interface Norm {
  id: string;
  kind?: DocumentKind;
  title: LocalizedText;
  severity: Severity;
  citation?: Citation;
  /** How the norm's message writes its `deviation` figure (`yuan`, `pct`, …) and the unit after it, read from its template. */
  deviation?: { format: string; unit: LocalizedText };
  /** School levels the norm applies to, when its `applies` condition names them; else every level. */
  levels?: string[];
  /** `workspace`: a norm across documents, judged per district and year. */
  scope?: 'workspace';
  /** Workspace norms: their facts and the calculator of each (how a district row writes the figures). */
  facts?: { name: string; calculator: string }[];
  effective?: { from?: number; to?: number };
  /** How the norm's messages format each figure (`{actual|yuan}` → actual: yuan). */
  formats?: Record<string, string>;
}

export interface SchoolEntry {
  code: string;
  name: string;
  level?: string;
  /** Document kinds submitted for this school, and in which files. */
  kinds: Set<DocumentKind>;
  files: string[];
  findings: ReportFinding[];
}

/** One district and year: a row of its own, never merged with the district's other years. */
export interface DistrictEntry {
  code: string;
  name: string;
  year?: number;
  files: string[];
  /** Findings in the district's document(s), of any norm. */
  findings: ReportFinding[];
  /** What the norms across documents computed for this district and year (none when its document did not contribute). */
  summary?: DistrictSummary;
  /** Findings of the norms across documents for this district and year, wherever they land (its schools' files too). */
  across: ReportFinding[];
  /** Those of them a `# edunorm-disable` comment suppressed, with its reason. */
  suppressed: (ReportFinding & { justification: string })[];
}

/** Findings that belong to no school or district (a file that does not parse, say). */
export interface LooseFile {
  file: string;
  findings: ReportFinding[];
}

export interface ReportData {
  filesChecked: number;
  filesSkipped: number;
  schools: SchoolEntry[];
  districts: DistrictEntry[];
  loose: LooseFile[];
  /** Norms of the active rule set, school norms first, in rule-set order. */
  norms: Norm[];
  totals: Record<Severity, number>;
}

/** Id under which structure problems (`schema/*`, `yaml/*`, …) are grouped: they are not norms of the plan. */
export const FORMAT_GROUP = 'format';

/** The built-in norms in the order norms.md lists them. */
const NORM_ORDER = [
  'teacher-training-funds',
  'performance-pay-model-high-school',
  'performance-pay-control-line',
  'performance-pay-higher-education',
  'class-teacher-allowance',
  'special-education-subsidy',
  'teacher-pay-parity',
  'non-teaching-staff-share',
  'senior-post-share',
  'senior-title-rural-service',
  'teacher-training-hours',
  'new-teacher-certification',
  'substitute-teacher-age-relief',
  'compulsory-retention-rate',
  'standardized-school-rate',
  'vocational-general-balance',
  'young-teacher-forums',
  'small-school-consolidation',
  'county-1-2-3-plan',
];

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

function normsOf(ruleSet: RuleSet): Norm[] {
  const order: Record<DocumentKind, number> = { SchoolBudget: 0, Staffing: 1, DistrictIndicators: 2 };
  // Within a kind, the plan's norms in the order of norms.md; other rules after them by id.
  const rank = (id: string) => (NORM_ORDER.includes(id) ? NORM_ORDER.indexOf(id) : NORM_ORDER.length);
  const rules = ruleSet.rules;
  // The sense checks (`plausibility/…`) are not norms of the plan: like structure problems they
  // say the data is written wrong (a monthly figure in an annual field), so they count in the
  // format group rather than as columns of the schools × norms table.
  return rules
    .filter(({ definition: d }) => !d.id.startsWith('plausibility/'))
    .map(({ definition: d, severity }) => {
      const norm: Norm = { id: d.id, kind: d.kind, title: d.title, severity: severity ?? d.severity, citation: d.citation };
      const deviation = d.outcomes.map((o) => deviationIn(o.message)).find(Boolean);
      if (deviation) norm.deviation = deviation;
      if (d.scope === 'workspace') {
        norm.scope = 'workspace';
        norm.facts = Object.entries(d.facts).map(([name, f]) => ({ name, calculator: f.calculator }));
        norm.formats = formatsIn(d.outcomes.map((o) => o.message['zh-CN']));
      }
      if (d.effective) norm.effective = d.effective;
      const levels = levelsOf(rules.find((r) => r.definition === d)!);
      if (levels) norm.levels = levels;
      return norm;
    })
    .sort((a, b) => order[a.kind!] - order[b.kind!] || rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
}

/**
 * The levels named by a rule's scope (`school.level in [primary, junior]`, `school.level equal
 * higher`) with the configured parameters, so the table can say "not applicable" rather than ✓.
 */
function levelsOf(rule: ActiveRule): string[] | undefined {
  const applies = rule.definition.applies;
  if (!applies) return undefined;
  const scoped = substituteParams(applies, rule.params) as { all?: unknown[] } & Record<string, unknown>;
  const conditions = (Array.isArray(scoped.all) ? scoped.all : [scoped]) as { fact?: string; operator?: string; value?: unknown }[];
  const level = conditions.find((c) => c.fact === 'school.level');
  if (level?.operator === 'in' && Array.isArray(level.value)) return level.value.map(String);
  if (level?.operator === 'equal' && typeof level.value === 'string') return [level.value];
  return undefined;
}

/** `{actual|yuan}` → `{ actual: 'yuan' }`: the formats a rule's messages write its figures in. */
function formatsIn(templates: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of templates) for (const m of text.matchAll(/\{([\w.]+)\|(\w+)\}/g)) out[m[1]!] ??= m[2]!;
  return out;
}

/** `{deviation|yuan} 元` → yuan and 元: the shortfall is shown as the rule's own message shows it. */
function deviationIn(message: LocalizedText): Norm['deviation'] {
  const zh = /\{deviation\|(\w+)\}\s*([^\s,,;;))。.、{]*)/.exec(message['zh-CN']);
  if (!zh) return undefined;
  const en = /\{deviation\|\w+\}\s*(yuan|hours?\(s\)|hours?|percentage points?|points?)?/.exec(message.en);
  return { format: zh[1]!, unit: { 'zh-CN': zh[2] ?? '', en: en?.[1] ?? '' } };
}

/**
 * Regroups checked files by school and district, from the documents the check itself read
 * (`FileReport.documents`): the same decoding, size limits and parse as `check`, no second read.
 * A finding that belongs to no identified document (a syntax error in a later document, a file
 * too large to read) is the file's: it goes to every school and district of that file, so a
 * broken file never leaves its school "compliant"; a file with no identified document is loose.
 * A district is its code and year (`districtKeyOf`): each year is a row of its own, with the
 * figures the norms across documents computed for it (`districts`, from the same run).
 */
export function collectReport(reports: readonly FileReport[], ruleSet: RuleSet, summaries: readonly DistrictSummary[] = []): ReportData {
  const schools = new Map<string, SchoolEntry>();
  const districts = new Map<string, DistrictEntry>();
  const loose: LooseFile[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  /** Findings of the norms across documents, by their anchor (`workspace:<code>@<year>/…`), assigned to districts below. */
  const across: { anchor: string; finding: ReportFinding; suppressed?: string }[] = [];
  let filesChecked = 0;
  let filesSkipped = 0;
  for (const report of reports) {
    if (!report.isEdunorm) {
      filesSkipped++;
      continue;
    }
    filesChecked++;
    const file = report.file.relative;
    /** Where each document's findings go. */
    const owners = new Map<number, { findings: ReportFinding[] }>();
    for (const doc of report.documents ?? []) {
      const code = doc.identity;
      if (code === undefined) continue;
      if (doc.kind === 'SchoolBudget' || doc.kind === 'Staffing') {
        let entry = schools.get(code);
        if (!entry) {
          entry = { code, name: doc.name ?? code, kinds: new Set(), files: [], findings: [] };
          schools.set(code, entry);
        }
        entry.level ??= doc.level;
        if (entry.name === code && doc.name) entry.name = doc.name;
        entry.kinds.add(doc.kind);
        if (!entry.files.includes(file)) entry.files.push(file);
        owners.set(doc.index, entry);
      } else if (doc.kind === 'DistrictIndicators') {
        const key = districtKeyOf(code, doc.year);
        let entry = districts.get(key);
        if (!entry) {
          entry = { code, name: doc.name ?? code, files: [], findings: [], across: [], suppressed: [] };
          if (doc.year !== undefined) entry.year = doc.year;
          districts.set(key, entry);
        }
        if (!entry.files.includes(file)) entry.files.push(file);
        owners.set(doc.index, entry);
      }
    }
    const fileOwners = [...new Set(owners.values())];
    let orphan: LooseFile | undefined;
    for (const finding of report.findings) {
      totals[finding.severity]++;
      const located: ReportFinding = { ...finding, file };
      if (finding.anchor?.startsWith(WORKSPACE_ANCHOR)) across.push({ anchor: finding.anchor, finding: located });
      const owner = owners.get(finding.documentIndex);
      if (owner) owner.findings.push(located);
      else if (fileOwners.length > 0) for (const o of fileOwners) o.findings.push(located);
      else {
        orphan ??= { file, findings: [] };
        orphan.findings.push(located);
      }
    }
    for (const s of report.suppressed) if (s.anchor?.startsWith(WORKSPACE_ANCHOR)) across.push({ anchor: s.anchor, finding: { ...s, file }, suppressed: s.suppression.justification });
    if (orphan) loose.push(orphan);
  }
  for (const summary of summaries) {
    const entry = districts.get(districtKeyOf(summary.code, summary.year));
    // Two district documents of one code and year: the first is the one the norms used (workspace/duplicate-district).
    if (entry && !entry.summary) entry.summary = summary;
  }
  // A finding's district is the longest `workspace:<code>@<year>/` its anchor starts with (a code may hold "@" or "/").
  const prefixes = [...districts.entries()].map(([key, entry]) => ({ prefix: `${WORKSPACE_ANCHOR}${key}/`, entry })).sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { anchor, finding, suppressed } of across) {
    const entry = prefixes.find((p) => anchor.startsWith(p.prefix))?.entry;
    if (!entry) continue;
    if (suppressed === undefined) entry.across.push(finding);
    else entry.suppressed.push({ ...finding, justification: suppressed });
  }
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  // Districts by code, then year (a document without a year last): how a county's files are filed.
  const byCodeYear = (a: DistrictEntry, b: DistrictEntry) => byCode(a, b) || (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER);
  return {
    filesChecked,
    filesSkipped,
    schools: [...schools.values()].sort(byCode),
    districts: [...districts.values()].sort(byCodeYear),
    loose,
    norms: normsOf(ruleSet),
    totals,
  };
}

/** How the anchors of findings across documents begin (core's workspace rules). */
const WORKSPACE_ANCHOR = 'workspace:';

/** The findings a district and year's row lists: those in its document, then those of its norms across documents in other files. */
export function districtFindings(d: DistrictEntry): ReportFinding[] {
  // A finding in the district's own document is the same object in both lists.
  const own = new Set(d.findings);
  return [...d.findings, ...d.across.filter((f) => !own.has(f))];
}

/** A school meets the plan when none of its files has an error (warnings and hints are advice). */
export const isCompliant = (entry: { findings: readonly Finding[] }) => !entry.findings.some((f) => f.severity === 'error');

/** The norm a finding belongs to in the report: its rule, or the group of structure problems. */
export function normIdOf(finding: Finding, norms: readonly Norm[]): string {
  return norms.some((n) => n.id === finding.ruleId) ? finding.ruleId : FORMAT_GROUP;
}
