import { VOCABULARY, type Locale, type Severity } from '@edunorm/core';
import { FORMAT_GROUP, isCompliant, type ReportData, type ReportFinding, type SchoolEntry } from './report-data.js';

/** The numbers the page and the Markdown summary show, computed once from the collected data. */
export interface NormTally {
  id: string;
  counts: Record<Severity, number>;
  total: number;
  /** Schools and districts with at least one finding of the norm. */
  units: number;
  findings: { unit: { code: string; name: string }; finding: ReportFinding }[];
}

export interface LevelTally {
  level: string;
  label: string;
  total: number;
  compliant: number;
}

export interface ReportFigures {
  compliantSchools: number;
  /** By norm id (and FORMAT_GROUP), every norm of the rule set present even at zero. */
  norms: Map<string, NormTally>;
  levels: LevelTally[];
  /** Findings of each school grouped by norm id. */
  bySchool: Map<string, Map<string, ReportFinding[]>>;
}

export function computeFigures(data: ReportData, locale: Locale): ReportFigures {
  const normIds = new Set(data.norms.map((n) => n.id));
  const norms = new Map<string, NormTally>();
  const tally = (id: string) => {
    let t = norms.get(id);
    if (!t) {
      t = { id, counts: { error: 0, warning: 0, info: 0 }, total: 0, units: 0, findings: [] };
      norms.set(id, t);
    }
    return t;
  };
  for (const n of data.norms) tally(n.id);
  const bySchool = new Map<string, Map<string, ReportFinding[]>>();
  const add = (unit: { code: string; name: string; findings: ReportFinding[] }) => {
    const groups = new Map<string, ReportFinding[]>();
    for (const f of unit.findings) {
      const id = normIds.has(f.ruleId) ? f.ruleId : FORMAT_GROUP;
      const t = tally(id);
      t.counts[f.severity]++;
      t.total++;
      t.findings.push({ unit, finding: f });
      if (!groups.has(id)) {
        groups.set(id, []);
        t.units++;
      }
      groups.get(id)!.push(f);
    }
    return groups;
  };
  for (const s of data.schools) bySchool.set(s.code, add(s));
  // A district's years are rows of their own: a norm's list names the year with the district.
  for (const d of data.districts) add({ code: d.code, name: d.year !== undefined ? `${d.name} ${d.year}` : d.name, findings: d.findings });
  for (const l of data.loose) add({ code: l.file, name: l.file, findings: l.findings });

  const levels = new Map<string, LevelTally>();
  for (const s of data.schools) {
    const term = VOCABULARY.level.terms.find((x) => x.code === s.level);
    const level = term?.code ?? '';
    let t = levels.get(level);
    if (!t) {
      // English level names are long; the short ones fit a chart label and a table cell.
      const label = !term ? (locale === 'zh-CN' ? '未注明学段' : 'level not given') : locale === 'en' ? (term.short ?? term.label).en : term.label['zh-CN'];
      t = { level, label, total: 0, compliant: 0 };
      levels.set(level, t);
    }
    t.total++;
    if (isCompliant(s)) t.compliant++;
  }
  const order = (l: string) => (l ? VOCABULARY.level.codes.indexOf(l as never) : 99);
  return {
    compliantSchools: data.schools.filter(isCompliant).length,
    norms,
    levels: [...levels.values()].sort((a, b) => order(a.level) - order(b.level)),
    bySchool,
  };
}

export const countBy = (school: SchoolEntry, severity: Severity) => school.findings.filter((f) => f.severity === severity).length;

/** 0.625 → "62.5%", 1 → "100%". */
export const percent = (n: number, total: number) => (total === 0 ? '—' : `${Math.round((n / total) * 1000) / 10}%`);
