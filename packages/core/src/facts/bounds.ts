import { getAt, parsePath, type PathSegment } from '../path.js';

/**
 * A threshold as written in a rule file, after parameters are substituted:
 * - a number: `360`;
 * - `{path: fiscalYear}`: a value of the document;
 * - `{scale: 0.05, of: budget.publicFunds}`: a share of a document value;
 * - `{scale: 0.15, ofRecord: baseSalary}`: a share of a value of the record being checked;
 * - `{lookup: {primary: 0.08, junior: 0.12}, by: school.level}`: a value chosen by a document field.
 */
export type BoundSpec =
  | number
  | { path: string }
  | { scale: number; of: string }
  | { scale: number; ofRecord: string }
  | { lookup: Record<string, number>; by: string };

export interface ResolvedBound {
  value: number;
  /** The value a `scale` bound was taken of (publicFunds, baseSalary…), for messages. */
  base?: number;
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
  ],
};

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const pathCache = new Map<string, PathSegment[]>();
export function cachedPath(text: string): PathSegment[] {
  let p = pathCache.get(text);
  if (!p) {
    // Paths were validated when the rule was loaded; an unparsable one reads nothing.
    p = parsePath(text) ?? ['\u0000invalid'];
    pathCache.set(text, p);
  }
  return p;
}

/** Document paths a bound reads (for load-time validation against the kind's schema). */
export function boundDocumentPaths(bound: BoundSpec | undefined): string[] {
  if (bound === undefined || typeof bound === 'number') return [];
  if ('path' in bound) return [bound.path];
  if ('of' in bound) return [bound.of];
  if ('by' in bound) return [bound.by];
  return [];
}

export function boundRecordPaths(bound: BoundSpec | undefined): string[] {
  return bound !== undefined && typeof bound === 'object' && 'ofRecord' in bound ? [bound.ofRecord] : [];
}

/** Resolves a bound against the document (and the current record); undefined when an input is absent. */
export function resolveBound(bound: BoundSpec | undefined, document: unknown, record?: unknown): ResolvedBound | undefined {
  if (bound === undefined) return undefined;
  if (typeof bound === 'number') return { value: bound };
  if ('path' in bound) {
    const v = finiteNumber(getAt(document, cachedPath(bound.path)));
    return v === undefined ? undefined : { value: v };
  }
  if ('of' in bound) {
    const base = finiteNumber(getAt(document, cachedPath(bound.of)));
    return base === undefined ? undefined : { value: bound.scale * base, base };
  }
  if ('ofRecord' in bound) {
    const base = finiteNumber(getAt(record, cachedPath(bound.ofRecord)));
    return base === undefined ? undefined : { value: bound.scale * base, base };
  }
  const key = getAt(document, cachedPath(bound.by));
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(bound.lookup, key)) return undefined;
  const v = finiteNumber(bound.lookup[key]);
  return v === undefined ? undefined : { value: v };
}

/** Comparisons are inclusive; this absorbs binary floating-point noise (0.05 × 4,800,000). */
const EPSILON = 1e-9;

export type Direction = 'below' | 'above' | 'within';

export interface Comparison {
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

export function compare(actual: number, min: ResolvedBound | undefined, max: ResolvedBound | undefined, tolerance: number): Comparison {
  const result: Comparison = { actual, direction: 'within', deviation: 0, target: actual };
  if (min) result.min = min.value;
  if (max) result.max = max.value;
  const base = min?.base ?? max?.base;
  if (base !== undefined) {
    result.base = base;
    if (base !== 0) result.ratio = actual / base;
  }
  const slack = (limit: number) => tolerance + EPSILON * Math.max(1, Math.abs(limit));
  if (min && min.value - actual > slack(min.value)) {
    result.direction = 'below';
    result.deviation = min.value - actual;
    result.target = min.value;
  } else if (max && actual - max.value > slack(max.value)) {
    result.direction = 'above';
    result.deviation = actual - max.value;
    result.target = max.value;
  }
  return result;
}
