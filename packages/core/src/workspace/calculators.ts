/**
 * Workspace calculators: the arithmetic of the norms across documents, over one district's
 * view (its DistrictIndicators document, the school documents linked to it, its previous
 * year). Like the document calculators they are named in rule files and return `undefined`
 * when their inputs are absent, so a norm never fires on data it cannot read. Every figure
 * comes with the locations (file + range) a finding or a related location may point at.
 */
import { compare, slackOf, type Comparison } from '../facts/bounds.js';
import type { Range } from '../types.js';
import type { FileContribution } from './contribution.js';

/** A place in a checked file. */
export interface WorkspaceLocation {
  file: string;
  documentIndex: number;
  range: Range;
  /** The node's path in its document (`district`, `staff`, `schools[2].enrollment`). */
  path: string;
}

/** What a workspace rule sees of one district and year. */
export interface DistrictView {
  district: FileContribution;
  /** The same district's document of the year before, if checked too. */
  previous?: FileContribution;
  /** School documents linked to the district document (same code, same year). */
  schools: FileContribution[];
}

/** Figures plus the locations they may be reported at, by name. */
export type Located<T> = T & { at: Record<string, WorkspaceLocation> };

export interface WorkspaceCalculator<P = unknown> {
  name: string;
  summary: string;
  paramsSchema: Record<string, unknown>;
  /** Location names a finding of this fact (or of its items) may be reported at. */
  locations: string[];
  /** Params naming a contribution of the rule (resolved to its figure key before compile). */
  figureParams: string[];
  compile(params: P): (view: DistrictView) => unknown;
}

const EPSILON = 1e-9;

/** The location of a node recorded in a contribution (`name` as recorded, `@key` for a key). */
export function locationOf(c: FileContribution, name: string): WorkspaceLocation | undefined {
  const range = c.at[name];
  return range ? { file: c.file, documentIndex: c.documentIndex, range, path: name.replace(/@key$/, '') } : undefined;
}

function locations(entries: [string, WorkspaceLocation | undefined][]): Record<string, WorkspaceLocation> {
  const out: Record<string, WorkspaceLocation> = {};
  for (const [name, loc] of entries) if (loc) out[name] = loc;
  return out;
}

const schoolFigures = (s: FileContribution) => ({ code: s.code ?? '', name: s.name ?? s.code ?? '', level: s.level ?? '' });

// ---------------------------------------------------------------- countyMean

export interface CountyMeanParams {
  figure: string;
  /** The district document's value the mean is compared with. */
  min: string;
  tolerance?: number;
}

export type CountyMeanResult = Located<
  Comparison & {
    total: number;
    schoolCount: number;
    schools: Located<{ code: string; name: string; level: string; mean: number; total: number }>[];
  }
>;

const countyMean: WorkspaceCalculator<CountyMeanParams> = {
  name: 'countyMean',
  summary: 'The mean of a reused per-school mean over all linked schools, weighted by their counts, compared with a value of the district document.',
  paramsSchema: {
    type: 'object',
    required: ['figure', 'min'],
    additionalProperties: false,
    properties: { figure: { type: 'string' }, min: { type: 'string' }, tolerance: { type: 'number', minimum: 0 } },
  },
  locations: ['district', 'staff'],
  figureParams: ['figure'],
  compile: (p) => (view) => {
    const min = view.district.values[p.min];
    if (min === undefined) return undefined;
    let sum = 0;
    let total = 0;
    const schools: CountyMeanResult['schools'] = [];
    for (const s of view.schools) {
      const f = s.figures[p.figure];
      if (!f || f.total === 0 || f.actual === undefined) continue;
      sum += f.actual * f.total;
      total += f.total;
      schools.push({ ...schoolFigures(s), mean: f.actual, total: f.total, at: locations([['staff', locationOf(s, 'staff@key')]]) });
    }
    if (total === 0) return undefined;
    const result: CountyMeanResult = {
      ...compare(sum / total, { value: min }, undefined, p.tolerance ?? 0),
      total,
      schoolCount: schools.length,
      schools,
      at: locations([['district', locationOf(view.district, 'district@key')]]),
    };
    return result;
  },
};

// ---------------------------------------------------------------- countyShareByGroup

export interface CountyShareParams {
  figure: string;
  /**
   * Cap per school level — the per-school rule's own parameter (`{ param: maxShareByLevel, rule:
   * senior-post-share }`), so a county that moves a level's cap moves its pool too. A group's
   * cap is its schools' caps weighted by their teachers (the one cap when its levels share it).
   */
  maxByLevel: Record<string, number>;
  /** School levels of each group. */
  groups: Record<string, string[]>;
}

export type GroupShare = Located<{
  group: string;
  numerator: number;
  total: number;
  actual: number;
  max: number;
  allowedCount: number;
  excessCount: number;
  schoolCount: number;
  schools: Located<{ code: string; name: string; level: string; numerator: number; total: number }>[];
}>;

const countyShareByGroup: WorkspaceCalculator<CountyShareParams> = {
  name: 'countyShareByGroup',
  summary: 'Per group of school levels, a reused per-school numerator over its denominator summed over the linked schools, compared with the group’s cap.',
  paramsSchema: {
    type: 'object',
    required: ['figure', 'maxByLevel', 'groups'],
    additionalProperties: false,
    properties: {
      figure: { type: 'string' },
      maxByLevel: { type: 'object', additionalProperties: { type: 'number' } },
      groups: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  },
  locations: ['district', 'staff'],
  figureParams: ['figure'],
  compile: (p) => (view): { groups: GroupShare[]; over: GroupShare[] } | undefined => {
    const groups: GroupShare[] = [];
    for (const [group, levels] of Object.entries(p.groups)) {
      let numerator = 0;
      let total = 0;
      /** Σ cap × teachers over the group's schools: the posts the group may hold. */
      let allowed = 0;
      const schools: GroupShare['schools'] = [];
      for (const s of view.schools) {
        const f = s.figures[p.figure];
        const cap = Object.hasOwn(p.maxByLevel, s.level ?? '') ? p.maxByLevel[s.level!] : undefined;
        if (!f || f.numerator === undefined || cap === undefined || !levels.includes(s.level ?? '')) continue;
        numerator += f.numerator;
        total += f.total;
        allowed += cap * f.total;
        schools.push({ ...schoolFigures(s), numerator: f.numerator, total: f.total, at: locations([['staff', locationOf(s, 'staff@key')]]) });
      }
      if (total === 0) continue;
      const max = allowed / total;
      const allowedCount = Math.floor(allowed + EPSILON);
      groups.push({
        group,
        numerator,
        total,
        actual: numerator / total,
        max,
        allowedCount,
        excessCount: Math.max(0, numerator - allowedCount),
        schoolCount: schools.length,
        schools,
        at: locations([['district', locationOf(view.district, 'district@key')]]),
      });
    }
    if (groups.length === 0) return undefined;
    return { groups, over: groups.filter((g) => g.actual - g.max > EPSILON * Math.max(1, g.max)) };
  },
};

// ---------------------------------------------------------------- schoolList

export interface SchoolListResult {
  /** Linked school documents whose code is not in the district's list (when it has one). */
  unlisted: Located<{ code: string; name: string; level: string; kind: string }>[];
  /** List entries whose enrollment differs from the pupils of a linked SchoolBudget. */
  mismatched: Located<{ code: string; name: string; enrollment: number; pupils: number; difference: number }>[];
}

const schoolList: WorkspaceCalculator<Record<string, never>> = {
  name: 'schoolList',
  summary: 'Compares the district’s `schools` list with the linked school documents: schools missing from the list, enrolments that differ from the budgets’ pupils.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  locations: ['school.district', 'schools', 'enrollment', 'school.pupils'],
  figureParams: [],
  compile: () => (view): SchoolListResult | undefined => {
    const entries = view.district.entries;
    if (!entries) return undefined;
    const listAt = locationOf(view.district, 'schools@key');
    const codes = new Set(entries.map((e) => e.code));
    const result: SchoolListResult = { unlisted: [], mismatched: [] };
    for (const s of view.schools) {
      if (s.code === undefined || codes.has(s.code)) continue;
      result.unlisted.push({ ...schoolFigures(s), kind: s.kind, at: locations([['school.district', locationOf(s, 'school.district')], ['schools', listAt]]) });
    }
    for (const e of entries) {
      if (e.enrollment === undefined || !e.enrollmentAt) continue;
      // "a linked SchoolBudget": any of them (outside review: only the first in command-line order
      // was compared, so `check d old new` passed where `check d new old` warned). The one shown
      // is the first that differs by file and document, whatever the order the files came in.
      let budget: FileContribution | undefined;
      for (const s of view.schools) {
        if (s.kind !== 'SchoolBudget' || s.code !== e.code || s.values['school.pupils'] === undefined || s.values['school.pupils'] === e.enrollment) continue;
        if (!budget || s.file < budget.file || (s.file === budget.file && s.documentIndex < budget.documentIndex)) budget = s;
      }
      if (!budget) continue;
      const pupils = budget.values['school.pupils']!;
      const enrollmentAt: WorkspaceLocation = { file: view.district.file, documentIndex: view.district.documentIndex, range: e.enrollmentAt, path: `schools[${e.index}].enrollment` };
      result.mismatched.push({
        code: e.code,
        name: e.name ?? budget.name ?? e.code,
        enrollment: e.enrollment,
        pupils,
        difference: Math.abs(pupils - e.enrollment),
        at: locations([['enrollment', enrollmentAt], ['school.pupils', locationOf(budget, 'school.pupils')]]),
      });
    }
    return result;
  },
};

// ---------------------------------------------------------------- valueMismatch

export interface ValueMismatchParams {
  /** A value present on both the district document and the linked school documents. */
  value: string;
  tolerance?: number;
}

const valueMismatch: WorkspaceCalculator<ValueMismatchParams> = {
  name: 'valueMismatch',
  summary: 'Linked school documents whose value differs from the same value of the district document (beyond the tolerance).',
  paramsSchema: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: { value: { type: 'string' }, tolerance: { type: 'number', minimum: 0 } },
  },
  locations: ['value', 'districtValue'],
  figureParams: [],
  compile: (p) => (view) => {
    const expected = view.district.values[p.value];
    if (expected === undefined) return undefined;
    const districtValue = locationOf(view.district, p.value);
    const items = [];
    for (const s of view.schools) {
      const actual = s.values[p.value];
      if (actual === undefined || Math.abs(actual - expected) <= slackOf(p.tolerance ?? 0, expected)) continue;
      items.push({ ...schoolFigures(s), actual, expected, difference: Math.abs(actual - expected), at: locations([['value', locationOf(s, p.value)], ['districtValue', districtValue]]) });
    }
    return { items };
  },
};

// ---------------------------------------------------------------- decline

export interface DeclineParams {
  /** Indicators (under `indicators`) that must not fall while below target. */
  indicators: string[];
  targets: Record<string, number>;
}

const decline: WorkspaceCalculator<DeclineParams> = {
  name: 'decline',
  summary: 'Indicators lower than in the district’s document of the year before while below their target.',
  paramsSchema: {
    type: 'object',
    required: ['indicators', 'targets'],
    additionalProperties: false,
    properties: { indicators: { type: 'array', items: { type: 'string' } }, targets: { type: 'object', additionalProperties: { type: 'number' } } },
  },
  locations: ['value', 'previousValue'],
  figureParams: [],
  compile: (p) => (view) => {
    const previous = view.previous;
    if (!previous) return undefined;
    const items = [];
    // Every indicator compared with the year before, fallen or not: the report's row for the
    // district shows the change even when it met the norm.
    const compared = [];
    for (const indicator of p.indicators) {
      const path = `indicators.${indicator}`;
      const actual = view.district.values[path];
      const before = previous.values[path];
      const target = p.targets[indicator];
      if (actual === undefined || before === undefined || target === undefined) continue;
      compared.push({ indicator, actual, previous: before, target, year: view.district.year, previousYear: previous.year });
      const fell = before - actual > EPSILON;
      const belowTarget = target - actual > EPSILON;
      if (!fell || !belowTarget) continue;
      items.push({
        indicator,
        actual,
        previous: before,
        target,
        drop: before - actual,
        shortfall: target - actual,
        year: view.district.year,
        previousYear: previous.year,
        at: locations([['value', locationOf(view.district, path)], ['previousValue', locationOf(previous, path)]]),
      });
    }
    return { items, compared };
  },
};

export const WORKSPACE_CALCULATORS: Record<string, WorkspaceCalculator<never>> = {
  countyMean: countyMean as WorkspaceCalculator<never>,
  countyShareByGroup: countyShareByGroup as WorkspaceCalculator<never>,
  schoolList: schoolList as WorkspaceCalculator<never>,
  valueMismatch: valueMismatch as WorkspaceCalculator<never>,
  decline: decline as WorkspaceCalculator<never>,
};
