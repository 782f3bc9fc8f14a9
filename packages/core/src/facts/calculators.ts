import { getAt, type PathSegment } from '../path.js';
import {
  boundDocumentPaths,
  boundRecordPaths,
  boundSchema,
  cachedPath,
  compare,
  finiteNumber,
  judge,
  groupDependency,
  resolveBound,
  type BoundSpec,
  type ResolvedBound,
  type Comparison,
} from './bounds.js';
import { compileFilter, filterDocumentPaths, recordFilterSchema, type RecordFilter } from './record-filter.js';

/**
 * Calculators are the arithmetic of the norms, written once in code and named in rule files:
 * a rule declares a fact as `{calculator: bounds, params: {...}}` and its json-rules-engine
 * conditions compare that fact's result. Every calculator returns `undefined` when its inputs
 * are absent or not numbers, so a norm never fires on data it cannot read (structural
 * findings already report the bad input).
 */
export interface Calculator<P = unknown> {
  name: string;
  /** One-line description for rule authors (docs and `edunorm explain`). */
  summary: string;
  /** JSON Schema of the params, checked when a rule file is loaded. */
  paramsSchema: Record<string, unknown>;
  /** Document paths the params read, checked against the document kind's schema. */
  documentPaths(params: P): string[];
  /** Record-relative paths (for list calculators), checked against the list item schema. */
  recordPaths(params: P): { list: string; paths: string[] } | undefined;
  /** Builds the function computing the fact for one document; compiled once per rule. */
  compile(params: P): (document: unknown) => unknown;
  /**
   * For calculators over a list: the same computation split into a part per record and their
   * combination in record order, so an edit of one record recomputes one part (incremental.ts).
   * `compile` is built from it, so both are one computation.
   */
  perRecord?(params: P, use?: FactUse): PerRecord;
}

/**
 * What the rule computing a fact reads of it, when that lets the calculator do less. Absent:
 * everything (a caller that does not know, a test, a rule across documents).
 */
export interface FactUse {
  /**
   * False when no condition, report, message, fix or hint of the rule reads the `matched` list
   * of a `records` fact: then only the records the check fails get an item (`matched` holds
   * those), instead of one item per matching record of every such rule — most records pass.
   */
  matched?: boolean;
}

/** A list calculator as parts per record (see Calculator.perRecord). */
export interface PerRecord<Part = unknown> {
  list: PathSegment[];
  /**
   * The document paths besides the list that a part reads (filters' `equalsPath`, bounds), or
   * undefined when a part reads other records in a way `dependsOn` does not say: then parts are never reused.
   */
  context: PathSegment[][] | undefined;
  /**
   * What a record's part reads of the other records (a `groupMean` bound: its group's sum and
   * count), as a value compared with Object.is: a part is reused only for the same record with
   * the same `dependsOn`. Asked only of records whose part is defined: a part that is undefined
   * (the filter left the record out) must read nothing of the others.
   */
  dependsOn?(record: unknown, document: unknown): unknown;
  part(record: unknown, index: number, document: unknown): Part;
  /** The fact from the parts of every record, in record order (`list` is not an array: `parts` is undefined). */
  combine(parts: readonly Part[] | undefined, document: unknown): unknown;
  /**
   * The fact for `parts` made from `previous`, the fact for `before`, where only the parts at
   * `changed` differ: what `combine(parts)` gives, without going over every record.
   */
  update?(previous: unknown, before: readonly Part[], parts: readonly Part[], changed: readonly number[]): unknown;
}

/** The whole-document computation of a list calculator (what `compile` returns). */
function whole(per: PerRecord): (document: unknown) => unknown {
  return (document) => {
    const list = getAt(document, per.list);
    if (!Array.isArray(list)) return per.combine(undefined, document);
    const parts = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) parts[i] = per.part(list[i], i, document);
    return per.combine(parts, document);
  };
}

/** The paths a part reads besides the list: undefined when one of them is the list or in it. */
function contextOf(list: string, documentPaths: readonly string[]): PathSegment[][] | undefined {
  const others = documentPaths.filter((p) => p !== list);
  if (others.some((p) => p.startsWith(`${list}.`) || p.startsWith(`${list}[`)) || documentPaths.filter((p) => p === list).length > 1) return undefined;
  return others.map(cachedPath);
}

// ---------------------------------------------------------------- bounds

export interface BoundsParams {
  value: string;
  /** Document values taken off the value first (absent = 0), e.g. rewards outside a total. */
  minus?: string[];
  min?: BoundSpec;
  max?: BoundSpec;
  tolerance?: number;
}

const bounds: Calculator<BoundsParams> = {
  name: 'bounds',
  summary: 'Compares one number of the document with a minimum and/or maximum; returns actual, min, max, ratio, direction (below/above/within), deviation and target.',
  paramsSchema: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: {
      value: { type: 'string' },
      minus: { type: 'array', items: { type: 'string' } },
      min: boundSchema,
      max: boundSchema,
      tolerance: { type: 'number', minimum: 0 },
    },
  },
  documentPaths: (p) => [p.value, ...(p.minus ?? []), ...boundDocumentPaths(p.min), ...boundDocumentPaths(p.max)],
  recordPaths: () => undefined,
  compile: (p) => {
    const path = cachedPath(p.value);
    const minus = (p.minus ?? []).map(cachedPath);
    return (document): Comparison | undefined => {
      const value = finiteNumber(getAt(document, path));
      if (value === undefined) return undefined;
      let deducted = 0;
      for (const m of minus) deducted += finiteNumber(getAt(document, m)) ?? 0;
      const min = resolveBound(p.min, document);
      const max = resolveBound(p.max, document);
      if ((p.min !== undefined && !min) || (p.max !== undefined && !max)) return undefined;
      const result = compare(value - deducted, min, max, p.tolerance ?? 0);
      // `value` is what the document says, `deducted` what was taken off it, `actual` the rest.
      return minus.length ? { ...result, value, deducted } : result;
    };
  },
};

// ---------------------------------------------------------------- records

export interface RecordsParams {
  list: string;
  where?: RecordFilter;
  /** Record field to check; without it every matching record is reported (`matched`). */
  value?: string;
  min?: BoundSpec;
  max?: BoundSpec;
  equals?: string | number | boolean;
  /** An absent value on a matching record: a violation (counted as 0 / not equal), zero, or skipped. */
  missing?: 'violation' | 'zero' | 'skip';
  tolerance?: number;
}

export interface RecordItem {
  /** Further figures of the bound (years of service, group size…). */
  [extra: string]: unknown;
  index: number;
  id?: string;
  name?: string;
  actual?: number | string | boolean | null;
  /** True when the checked field is absent on the record. */
  absent?: boolean;
  min?: number;
  max?: number;
  base?: number;
  direction?: 'below' | 'above' | 'within' | 'unequal';
  deviation?: number;
  target?: number | string | boolean;
}

export interface RecordsResult {
  /** Records matching `where` (all of them when there is no check). */
  matched: RecordItem[];
  below: RecordItem[];
  above: RecordItem[];
  unequal: RecordItem[];
  /** below ∪ above ∪ unequal, in record order. */
  failing: RecordItem[];
}

function assignAll(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) target[key] = source[key];
}

function identify(record: Record<string, unknown>, index: number): RecordItem {
  const item: RecordItem = { index };
  if (typeof record.id === 'string' || typeof record.id === 'number') item.id = String(record.id);
  else if (typeof record.code === 'string') item.id = record.code;
  if (typeof record.name === 'string') item.name = record.name;
  return item;
}

/**
 * A bound as a function of the document and the record. A bound that reads nothing of the
 * record (a number, a document figure, a share of one) is the same for every record of a
 * document: it is resolved once per document, not once per record and rule.
 */
function boundOf(bound: BoundSpec | undefined): (document: unknown, record: unknown) => ResolvedBound | undefined {
  if (bound === undefined) return () => undefined;
  if (boundRecordPaths(bound).length > 0) return (document, record) => resolveBound(bound, document, record);
  // Keyed weakly: a rule set outlives the documents it checked (the editor's), and must not keep them.
  const perDocument = new WeakMap<object, ResolvedBound | null>();
  return (document) => {
    if (document === null || typeof document !== 'object') return resolveBound(bound, document);
    let resolved = perDocument.get(document);
    if (resolved === undefined) perDocument.set(document, (resolved = resolveBound(bound, document) ?? null));
    return resolved ?? undefined;
  };
}

/** A record's verdict when only whether it passes is wanted (records with FactUse.matched false). */
const VERDICT: { direction?: unknown; deviation?: unknown; target?: unknown } = {};

function withAbsent(item: RecordItem, absent: boolean): RecordItem {
  if (absent) item.absent = true;
  return item;
}

const records: Calculator<RecordsParams> = {
  name: 'records',
  summary: 'Checks each record of a list that matches `where`; returns the indices (with figures) of records below, above, unequal, failing, or simply matched.',
  paramsSchema: {
    type: 'object',
    required: ['list'],
    additionalProperties: false,
    properties: {
      list: { type: 'string' },
      where: recordFilterSchema,
      value: { type: 'string' },
      min: boundSchema,
      max: boundSchema,
      equals: { type: ['string', 'number', 'boolean'] },
      missing: { enum: ['violation', 'zero', 'skip'] },
      tolerance: { type: 'number', minimum: 0 },
    },
  },
  documentPaths: (p) => [p.list, ...filterDocumentPaths(p.where), ...boundDocumentPaths(p.min), ...boundDocumentPaths(p.max)],
  recordPaths: (p) => ({
    list: p.list,
    paths: [...Object.keys(p.where ?? {}), ...(p.value ? [p.value] : []), ...boundRecordPaths(p.min), ...boundRecordPaths(p.max)],
  }),
  compile: (p) => whole(records.perRecord!(p)),
  perRecord: (p, use): PerRecord<RecordItem | undefined> => {
    const valuePath = p.value ? cachedPath(p.value) : undefined;
    const matches = compileFilter(p.where);
    const missing = p.missing ?? 'skip';
    const tolerance = p.tolerance ?? 0;
    const minOf = boundOf(p.min);
    const maxOf = boundOf(p.max);
    // A group mean over this very list (equal pay: the mean of the same title's establishment
    // teachers) reads other records: a record's part then depends on its group's sum and count.
    const groups = [p.min, p.max].flatMap((b) => (b !== undefined && typeof b === 'object' && 'groupMean' in b ? [b.groupMean] : []));
    const overList = groups.length > 0 && groups.every((g) => g.list === p.list);
    // Records the check does not fail are only in `matched`: without a reader of it, they get no
    // item — unless a part reads its group (overList). An edit elsewhere can move that group's mean
    // and fail a record that passed, and the incremental check (facts/incremental.ts) re-judges
    // only records with a part: an undefined part must mean "left out by `where`", nothing else.
    // (Outside review: removing one establishment teacher's salary lost an equal-pay warning.)
    const passedOut = use?.matched === false && valuePath !== undefined && !overList;
    // Asked only of records `where` takes (their part is defined; others read no bound).
    const dependsOn = overList ? (record: unknown, document: unknown): unknown => groups.map((g) => groupDependency(g, document, record)).join('\u0001') : undefined;
    const paths = overList ? records.documentPaths(p).filter((path, i, all) => path !== p.list || all.indexOf(path) === i) : records.documentPaths(p);
    return {
      list: cachedPath(p.list),
      context: contextOf(p.list, paths),
      ...(dependsOn ? { dependsOn } : {}),
      // The record's item (with its figures and direction), or undefined when `where` leaves it
      // out (or, with `passedOut`, when the check does not fail it).
      part: (record, index, document) => {
        if (!matches(record, document)) return undefined;
        if (!valuePath) return identify(record as Record<string, unknown>, index);
        const raw = getAt(record, valuePath);
        const absent = raw === undefined || raw === null;
        if (absent && missing === 'skip') return passedOut ? undefined : identify(record as Record<string, unknown>, index);
        if (p.equals !== undefined) {
          if (passedOut && !absent && raw === p.equals) return undefined;
          const item = identify(record as Record<string, unknown>, index);
          if (absent) item.absent = true;
          item.actual = absent ? null : (raw as RecordItem['actual']);
          item.target = p.equals;
          item.direction = raw !== p.equals ? 'unequal' : 'within';
          return item;
        }
        const actual = absent ? 0 : finiteNumber(raw);
        // Wrong type: a structural finding says so.
        if (actual === undefined) return passedOut ? undefined : withAbsent(identify(record as Record<string, unknown>, index), absent);
        const min = minOf(document, record);
        const max = maxOf(document, record);
        if ((p.min !== undefined && !min) || (p.max !== undefined && !max)) return passedOut ? undefined : withAbsent(identify(record as Record<string, unknown>, index), absent);
        if (passedOut) {
          judge(VERDICT, actual, min, max, tolerance);
          if (VERDICT.direction === 'within') return undefined;
        }
        const item = withAbsent(identify(record as Record<string, unknown>, index), absent);
        // Property by property, in the order of compare()'s figures: the bounds' own, actual,
        // direction, deviation, target, min, max, base (without building a comparison first).
        if (min?.extra) assignAll(item, min.extra);
        if (max?.extra) assignAll(item, max.extra);
        item.actual = actual;
        judge(item, actual, min, max, tolerance);
        if (min) item.min = min.value;
        if (max) item.max = max.value;
        const base = min?.base ?? max?.base;
        if (base !== undefined) item.base = base;
        return item;
      },
      combine: (parts): RecordsResult | undefined => {
        if (!parts) return undefined;
        const result: RecordsResult = { matched: [], below: [], above: [], unequal: [], failing: [] };
        for (const item of parts) {
          if (!item) continue;
          result.matched.push(item);
          const direction = item.direction;
          if (direction === undefined || direction === 'within') continue;
          result[direction === 'unequal' ? 'unequal' : direction].push(item);
          result.failing.push(item);
        }
        return result;
      },
      update: (previous, before, parts, changed): RecordsResult | undefined => {
        if (!previous) return undefined;
        const r = previous as RecordsResult;
        const out: RecordsResult = { matched: r.matched.slice(), below: r.below.slice(), above: r.above.slice(), unequal: r.unequal.slice(), failing: r.failing.slice() };
        for (const i of changed) {
          for (const key of RESULT_LISTS) {
            const was = belongsIn(before[i], key);
            const is = belongsIn(parts[i], key);
            if (!was && !is) continue;
            const list = out[key];
            // Items are in record order, one per record: the record's place by binary search.
            let lo = 0;
            let hi = list.length;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (list[mid]!.index < i) lo = mid + 1;
              else hi = mid;
            }
            if (was && is) list[lo] = parts[i]!;
            else if (was) list.splice(lo, 1);
            else list.splice(lo, 0, parts[i]!);
          }
        }
        return out;
      },
    };
  },
};

const RESULT_LISTS = ['matched', 'below', 'above', 'unequal', 'failing'] as const;

/** Which of a records result's lists a record's item is in. */
function belongsIn(item: RecordItem | undefined, list: (typeof RESULT_LISTS)[number]): boolean {
  if (!item) return false;
  if (list === 'matched') return true;
  const d = item.direction;
  if (list === 'failing') return d !== undefined && d !== 'within';
  return d === list;
}

// ---------------------------------------------------------------- aggregate

export interface AggregateParams {
  list: string;
  /** Records taken into account (the denominator for `share`). */
  where?: RecordFilter;
  op: 'mean' | 'count' | 'share';
  /** For `mean`: the record field averaged (records without a number are left out). */
  value?: string;
  /** For `share`: the records counted in the numerator, among those matching `where`. */
  count?: RecordFilter;
  min?: BoundSpec;
  max?: BoundSpec;
  tolerance?: number;
}

export interface AggregateResult extends Comparison {
  /** Records matching `where` (for mean: those with a number). */
  total: number;
  /** For share: records matching `count` too. */
  numerator?: number;
  /** For share: the largest numerator the max allows; the smallest the min requires. */
  allowedCount?: number;
  requiredCount?: number;
  /** For share: records over the allowed count (or short of the required count). */
  excessCount?: number;
  shortCount?: number;
}

const aggregate: Calculator<AggregateParams> = {
  name: 'aggregate',
  summary: 'Mean, count or share over the records of a list matching `where`, compared with a minimum and/or maximum.',
  paramsSchema: {
    type: 'object',
    required: ['list', 'op'],
    additionalProperties: false,
    properties: {
      list: { type: 'string' },
      where: recordFilterSchema,
      op: { enum: ['mean', 'count', 'share'] },
      value: { type: 'string' },
      count: recordFilterSchema,
      min: boundSchema,
      max: boundSchema,
      tolerance: { type: 'number', minimum: 0 },
    },
  },
  documentPaths: (p) => [p.list, ...filterDocumentPaths(p.where), ...filterDocumentPaths(p.count), ...boundDocumentPaths(p.min), ...boundDocumentPaths(p.max)],
  recordPaths: (p) => ({
    list: p.list,
    paths: [...Object.keys(p.where ?? {}), ...Object.keys(p.count ?? {}), ...(p.value ? [p.value] : [])],
  }),
  compile: (p) => whole(aggregate.perRecord!(p)),
  perRecord: (p): PerRecord<number | boolean | undefined> => {
    const valuePath = p.value ? cachedPath(p.value) : undefined;
    const inScope = compileFilter(p.where);
    const counted = compileFilter(p.count);
    return {
      list: cachedPath(p.list),
      context: contextOf(p.list, aggregate.documentPaths(p)),
      // Left out: undefined; for `mean` the record's number; else whether `count` counts it.
      part: (record, _index, document) => {
        if (!inScope(record, document)) return undefined;
        if (p.op === 'mean') return valuePath ? finiteNumber(getAt(record, valuePath)) : undefined;
        return p.op === 'share' ? counted(record, document) : true;
      },
      combine: (parts, document): AggregateResult | undefined => {
        if (!parts) return undefined;
        let total = 0;
        let sum = 0;
        let numerator = 0;
        for (const part of parts) {
          if (part === undefined) continue;
          if (typeof part === 'number') sum += part;
          else if (part === true && p.op === 'share') numerator++;
          total++;
        }
        if (total === 0 && p.op !== 'count') return undefined;
        const actual = p.op === 'mean' ? sum / total : p.op === 'share' ? numerator / total : total;
        const min = resolveBound(p.min, document);
        const max = resolveBound(p.max, document);
        if ((p.min !== undefined && !min) || (p.max !== undefined && !max)) return undefined;
        const result: AggregateResult = { ...compare(actual, min, max, p.tolerance ?? 0), total };
        if (p.op === 'share') {
          result.numerator = numerator;
          if (max) {
            result.allowedCount = Math.floor(max.value * total + 1e-9);
            result.excessCount = Math.max(0, numerator - result.allowedCount);
          }
          if (min) {
            result.requiredCount = Math.ceil(min.value * total - 1e-9);
            result.shortCount = Math.max(0, result.requiredCount - numerator);
          }
        }
        return result;
      },
    };
  },
};

// ---------------------------------------------------------------- countBy

export interface CountByParams {
  list: string;
  value: string;
  /** Minimum number of records per value, e.g. `{quality-senior: 1, high-quality-junior: 2}`. */
  min: Record<string, number>;
  /**
   * Which records a value counts on, per value (e.g. `quality-senior` only on senior schools).
   * A record holding the value but failing its filter is not counted and is listed in `misplaced`.
   */
  eligible?: Record<string, RecordFilter>;
}

export interface CountByResult {
  counts: Record<string, number>;
  /** Records holding a counted value they are not eligible for. */
  misplaced: RecordItem[];
  /** Values with fewer records than required. */
  short: { value: string; actual: number; required: number; shortfall: number }[];
  shortTotal: number;
  listPresent: boolean;
}

const countBy: Calculator<CountByParams> = {
  name: 'countBy',
  summary: 'Counts the records of a list by the value of one field and compares each count with a minimum.',
  paramsSchema: {
    type: 'object',
    required: ['list', 'value', 'min'],
    additionalProperties: false,
    properties: {
      list: { type: 'string' },
      value: { type: 'string' },
      min: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
      eligible: { type: 'object', additionalProperties: recordFilterSchema },
    },
  },
  documentPaths: (p) => [p.list, ...Object.values(p.eligible ?? {}).flatMap(filterDocumentPaths)],
  recordPaths: (p) => ({ list: p.list, paths: [p.value, ...Object.values(p.eligible ?? {}).flatMap((f) => Object.keys(f))] }),
  compile: (p) => whole(countBy.perRecord!(p)),
  perRecord: (p): PerRecord<string | RecordItem | undefined> => {
    const valuePath = cachedPath(p.value);
    const eligible = new Map(Object.entries(p.eligible ?? {}).map(([value, filter]) => [value, compileFilter(filter)]));
    return {
      list: cachedPath(p.list),
      context: contextOf(p.list, countBy.documentPaths(p)),
      // The value the record counts for, the misplaced item when it is not eligible for it, or undefined.
      part: (record, index, document) => {
        const v = getAt(record, valuePath);
        if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(p.min, v)) return undefined;
        const fits = eligible.get(v);
        if (fits && !fits(record, document)) {
          // The item carries the fields its filter read (the level that did not fit), for the message.
          const item: RecordItem = { ...identify(record as Record<string, unknown>, index), actual: v };
          for (const field of Object.keys(p.eligible![v]!)) item[field] = (record as Record<string, unknown>)[field];
          return item;
        }
        return v;
      },
      combine: (parts): CountByResult => {
        const counts: Record<string, number> = Object.create(null) as Record<string, number>;
        const misplaced: RecordItem[] = [];
        for (const key of Object.keys(p.min)) counts[key] = 0;
        for (const part of parts ?? []) {
          if (typeof part === 'string') counts[part]! += 1;
          else if (part) misplaced.push(part);
        }
        const short = Object.entries(p.min)
          .filter(([value, required]) => counts[value]! < required)
          .map(([value, required]) => ({ value, actual: counts[value]!, required, shortfall: required - counts[value]! }));
        return { counts: { ...counts }, misplaced, short, shortTotal: short.reduce((s, x) => s + x.shortfall, 0), listPresent: parts !== undefined };
      },
    };
  },
};

export const CALCULATORS: Record<string, Calculator<never>> = {
  bounds: bounds as Calculator<never>,
  records: records as Calculator<never>,
  aggregate: aggregate as Calculator<never>,
  countBy: countBy as Calculator<never>,
};

/**
 * The calculator of that name, or undefined. Own names only: a rule file's `calculator:
 * constructor` (or toString, __proto__, hasOwnProperty) names no calculator.
 */
export function calculatorNamed(name: string): Calculator | undefined {
  return Object.hasOwn(CALCULATORS, name) ? CALCULATORS[name] : undefined;
}
