import { getAt } from '../path.js';
import { cachedPath } from './cached-path.js';
import { compileFilter, filterDocumentPaths, recordFilterSchema, type RecordFilter } from './record-filter.js';

/**
 * A threshold as written in a rule file, after parameters are substituted:
 * - a number: `360`;
 * - `{path: fiscalYear}`: a value of the document;
 * - `{scale: 0.05, of: budget.publicFunds}`: a share of a document value;
 * - `{scale: 0.15, ofRecord: baseSalary}`: a share of a value of the record being checked;
 * - `{lookup: {primary: 0.08, junior: 0.12}, by: school.level}`: a value chosen by a document field;
 * - `{of: school.pupils, scaleBy: reference.perPupilPublicFundsStandard}`: a product of two
 *   document values (a per-pupil standard × pupils);
 * - `{trajectory: {from: 0.973, to: 0.98, fromYear: 2020, toYear: 2025, year: year}}`: the even
 *   path from a baseline to a target, read at the document's year (the plan's five-year targets);
 * - `{prorate: {total: 360, cycleYears: 5, startRecord: hiredYear, end: fiscalYear}}`: a
 *   requirement over a cycle, pro-rated for a record that started less than a cycle ago;
 * - `{groupMean: {list: staff, value: annualSalary, where: {…}, match: [title]}}`: the mean of a
 *   field over the records matching `where` that share the checked record's `match` fields.
 */
export type BoundSpec =
  | number
  | { path: string }
  | { scale: number; of: string }
  | { scale: number; ofRecord: string }
  | { lookup: Record<string, number>; by: string }
  | { of: string; scaleBy: string }
  | { trajectory: TrajectorySpec }
  | { prorate: ProrateSpec }
  | { groupMean: GroupMeanSpec };

export interface TrajectorySpec {
  from: number;
  to: number;
  fromYear: number;
  toYear: number;
  /** Document path of the year the figures describe. */
  year: string;
}

export interface ProrateSpec {
  total: number;
  cycleYears: number;
  /** Record path of the year the record started (hiredYear); absent = a full cycle is due. */
  startRecord: string;
  /** Document path of the year judged (fiscalYear). */
  end: string;
}

export interface GroupMeanSpec {
  list: string;
  value: string;
  where?: RecordFilter;
  /** Record fields the group shares with the checked record (e.g. the same title). */
  match?: string[];
}

export interface ResolvedBound {
  value: number;
  /** The value a `scale` bound was taken of (publicFunds, baseSalary…), for messages. */
  base?: number;
  /** Further figures of the bound (the path's year, years of service, group size), for messages and item filters. */
  extra?: Record<string, number | boolean>;
}

export const boundSchema = {
  oneOf: [
    { type: 'number' },
    { type: 'object', required: ['path'], additionalProperties: false, properties: { path: { type: 'string' } } },
    {
      type: 'object',
      required: ['scale', 'of'],
      additionalProperties: false,
      properties: { scale: { type: 'number' }, of: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['scale', 'ofRecord'],
      additionalProperties: false,
      properties: { scale: { type: 'number' }, ofRecord: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['lookup', 'by'],
      additionalProperties: false,
      properties: { lookup: { type: 'object', additionalProperties: { type: 'number' } }, by: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['of', 'scaleBy'],
      additionalProperties: false,
      properties: { of: { type: 'string' }, scaleBy: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['trajectory'],
      additionalProperties: false,
      properties: {
        trajectory: {
          type: 'object',
          required: ['from', 'to', 'fromYear', 'toYear', 'year'],
          additionalProperties: false,
          properties: { from: { type: 'number' }, to: { type: 'number' }, fromYear: { type: 'integer' }, toYear: { type: 'integer' }, year: { type: 'string' } },
        },
      },
    },
    {
      type: 'object',
      required: ['prorate'],
      additionalProperties: false,
      properties: {
        prorate: {
          type: 'object',
          required: ['total', 'cycleYears', 'startRecord', 'end'],
          additionalProperties: false,
          properties: { total: { type: 'number' }, cycleYears: { type: 'integer', minimum: 1 }, startRecord: { type: 'string' }, end: { type: 'string' } },
        },
      },
    },
    {
      type: 'object',
      required: ['groupMean'],
      additionalProperties: false,
      properties: {
        groupMean: {
          type: 'object',
          required: ['list', 'value'],
          additionalProperties: false,
          properties: { list: { type: 'string' }, value: { type: 'string' }, where: recordFilterSchema, match: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  ],
};

export { cachedPath };

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}


/** Document paths a bound reads (for load-time validation against the kind's schema). */
export function boundDocumentPaths(bound: BoundSpec | undefined): string[] {
  if (bound === undefined || typeof bound === 'number') return [];
  if ('path' in bound) return [bound.path];
  if ('scaleBy' in bound) return [bound.of, bound.scaleBy];
  if ('of' in bound) return [bound.of];
  if ('by' in bound) return [bound.by];
  if ('trajectory' in bound) return [bound.trajectory.year];
  if ('prorate' in bound) return [bound.prorate.end];
  if ('groupMean' in bound) return [bound.groupMean.list, ...filterDocumentPaths(bound.groupMean.where)];
  return [];
}

export function boundRecordPaths(bound: BoundSpec | undefined): string[] {
  if (bound === undefined || typeof bound !== 'object') return [];
  if ('ofRecord' in bound) return [bound.ofRecord];
  if ('prorate' in bound) return [bound.prorate.startRecord];
  if ('groupMean' in bound) return [bound.groupMean.value, ...Object.keys(bound.groupMean.where ?? {}), ...(bound.groupMean.match ?? [])];
  return [];
}

/** The even path from `from` (in `fromYear`) to `to` (in `toYear`), held at the ends. */
export function trajectoryValue(t: TrajectorySpec, year: number): number {
  if (year <= t.fromYear || t.toYear <= t.fromYear) return year <= t.fromYear && t.toYear > t.fromYear ? t.from : t.to;
  if (year >= t.toYear) return t.to;
  return t.from + ((t.to - t.from) * (year - t.fromYear)) / (t.toYear - t.fromYear);
}

/**
 * Group means are computed once per document and spec (a 20,000-person list must not be
 * scanned once per record): the document object is the cache key, so a new check starts afresh.
 */
const groupMeans = new WeakMap<object, Map<GroupMeanSpec, Map<string, { sum: number; count: number }>>>();

function groupKey(record: unknown, match: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const field of match) {
    const v = getAt(record, cachedPath(field));
    if (v === undefined || v === null || typeof v === 'object') return undefined;
    parts.push(JSON.stringify(v));
  }
  return parts.join('\u0000');
}

function groupMean(spec: GroupMeanSpec, document: unknown, record: unknown): ResolvedBound | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  let perSpec = groupMeans.get(document);
  if (!perSpec) groupMeans.set(document, (perSpec = new Map()));
  let groups = perSpec.get(spec);
  if (!groups) {
    groups = new Map();
    const list = getAt(document, cachedPath(spec.list));
    const inGroup = compileFilter(spec.where);
    if (Array.isArray(list)) {
      for (const r of list) {
        if (!inGroup(r, document)) continue;
        const v = finiteNumber(getAt(r, cachedPath(spec.value)));
        const key = groupKey(r, spec.match ?? []);
        if (v === undefined || key === undefined) continue;
        const g = groups.get(key) ?? { sum: 0, count: 0 };
        g.sum += v;
        g.count++;
        groups.set(key, g);
      }
    }
    perSpec.set(spec, groups);
  }
  const key = groupKey(record, spec.match ?? []);
  const g = key === undefined ? undefined : groups.get(key);
  return g ? { value: g.sum / g.count, extra: { groupSize: g.count } } : undefined;
}

/**
 * What a group mean bound reads for `record` beyond the record: its group's sum and count, as
 * a string ('' for no group). Equal strings give equal bounds (incremental.ts reuses the part).
 */
export function groupDependency(spec: GroupMeanSpec, document: unknown, record: unknown): string {
  const bound = groupMean(spec, document, record);
  return bound ? `${bound.value}:${String(bound.extra?.groupSize)}` : '';
}

/** Resolves a bound against the document (and the current record); undefined when an input is absent. */
export function resolveBound(bound: BoundSpec | undefined, document: unknown, record?: unknown): ResolvedBound | undefined {
  if (bound === undefined) return undefined;
  if (typeof bound === 'number') return { value: bound };
  if ('path' in bound) {
    const v = finiteNumber(getAt(document, cachedPath(bound.path)));
    return v === undefined ? undefined : { value: v };
  }
  if ('scaleBy' in bound) {
    const base = finiteNumber(getAt(document, cachedPath(bound.of)));
    const rate = finiteNumber(getAt(document, cachedPath(bound.scaleBy)));
    return base === undefined || rate === undefined ? undefined : { value: rate * base, base, extra: { rate } };
  }
  if ('of' in bound) {
    const base = finiteNumber(getAt(document, cachedPath(bound.of)));
    return base === undefined ? undefined : { value: bound.scale * base, base };
  }
  if ('trajectory' in bound) {
    const year = finiteNumber(getAt(document, cachedPath(bound.trajectory.year)));
    return year === undefined ? undefined : { value: trajectoryValue(bound.trajectory, year), extra: { pathYear: year } };
  }
  if ('prorate' in bound) {
    const p = bound.prorate;
    const end = finiteNumber(getAt(document, cachedPath(p.end)));
    if (end === undefined) return undefined;
    const start = finiteNumber(getAt(record, cachedPath(p.startRecord)));
    if (start === undefined) return { value: p.total, extra: { prorated: false } };
    const years = end - start + 1;
    // Started after the year judged: nothing is due yet, the record is not judged.
    if (years < 1) return undefined;
    if (years >= p.cycleYears) return { value: p.total, extra: { prorated: false, serviceYears: years } };
    return { value: (p.total * years) / p.cycleYears, extra: { prorated: true, serviceYears: years } };
  }
  if ('groupMean' in bound) return groupMean(bound.groupMean, document, record);
  if ('ofRecord' in bound) {
    const base = finiteNumber(getAt(record, cachedPath(bound.ofRecord)));
    return base === undefined ? undefined : { value: bound.scale * base, base };
  }
  const key = getAt(document, cachedPath(bound.by));
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(bound.lookup, key)) return undefined;
  const v = finiteNumber(bound.lookup[key]);
  return v === undefined ? undefined : { value: v };
}

/** Comparisons are inclusive; this absorbs binary floating-point noise (0.05 × 4,800,000) in comparisons of fractions (norms.md Pack v2). */
const EPSILON = 1e-9;
/** The noise binary arithmetic can put on a figure of money or people (a mean of 5,000 salaries carries less than 1e-12 of itself). */
const NOISE = 1e-12;

/**
 * How far past a bound a value may lie and still comply. A tolerance (1 yuan of rounding, one
 * person over an establishment) is absolute and never grows with the amount — outside review:
 * 1 yuan plus 1e-9 of a university's 600,000,000-yuan performance-pay total let 1.6 yuan over
 * pass. Floating-point noise is absorbed on top of it: 1e-9 of the bound without a tolerance
 * (shares, rates, paths), and with one only what arithmetic can produce, 1e-12 of the bound
 * (0.002 yuan at 2,000,000,000), so a shortfall of exactly the tolerance still passes.
 */
export function slackOf(tolerance: number, bound: number): number {
  return tolerance + (tolerance > 0 ? NOISE : EPSILON) * Math.max(1, Math.abs(bound));
}

export type Direction = 'below' | 'above' | 'within';

export interface Comparison {
  /** The bound's further figures (see ResolvedBound.extra), spread into the result. */
  [extra: string]: unknown;
  actual: number;
  min?: number;
  max?: number;
  base?: number;
  /** actual / base, when the bound was a share of something. */
  ratio?: number;
  direction: Direction;
  /** How far outside the band the value is (0 when within). */
  deviation: number;
  /** The nearest compliant value. */
  target: number;
}

/**
 * The verdict of a comparison, set on `into` in this order: direction, deviation (how far
 * outside the band, 0 within), target (the nearest compliant value). Shared by `compare` and the
 * records calculator, which sets it on a record's item without building a comparison first.
 */
export function judge(into: { direction?: unknown; deviation?: unknown; target?: unknown }, actual: number, min: ResolvedBound | undefined, max: ResolvedBound | undefined, tolerance: number): void {
  if (min && min.value - actual > slackOf(tolerance, min.value)) {
    into.direction = 'below';
    into.deviation = min.value - actual;
    into.target = min.value;
  } else if (max && actual - max.value > slackOf(tolerance, max.value)) {
    into.direction = 'above';
    into.deviation = actual - max.value;
    into.target = max.value;
  } else {
    into.direction = 'within';
    into.deviation = 0;
    into.target = actual;
  }
}

export function compare(actual: number, min: ResolvedBound | undefined, max: ResolvedBound | undefined, tolerance: number): Comparison {
  // The keys keep their order — figures of the bounds, actual, direction, deviation, target,
  // min, max, base, ratio — as findings' figures and messages list them.
  const result = (min?.extra === undefined && max?.extra === undefined ? { actual } : { ...min?.extra, ...max?.extra, actual }) as Comparison;
  judge(result, actual, min, max, tolerance);
  if (min) result.min = min.value;
  if (max) result.max = max.value;
  const base = min?.base ?? max?.base;
  if (base !== undefined) {
    result.base = base;
    if (base !== 0) result.ratio = actual / base;
  }
  return result;
}
