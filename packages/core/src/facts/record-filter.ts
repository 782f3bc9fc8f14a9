import { getAt } from '../path.js';
import { cachedPath } from './cached-path.js';

/**
 * Which records of a list a fact looks at, as data (no code): each key is a field of the
 * record, each value a test.
 * - a plain value: the field equals it (`role: teacher`, `classTeacher: true`);
 * - `{in: [...]}` / `{notIn: [...]}`;
 * - `{not: value}`: differs from it, absence included (`relocationPlanned: {not: true}`);
 * - `{lt|lte|gt|gte: n}`: numeric comparison (absent or non-numeric fails);
 * - `{exists: true|false}`;
 * - `{equalsPath: fiscalYear}`: equals a value of the document.
 */
export type FieldTest =
  | string
  | number
  | boolean
  | { in: unknown[] }
  | { notIn: unknown[] }
  | { not: unknown }
  | { lt: number }
  | { lte: number }
  | { gt: number }
  | { gte: number }
  | { exists: boolean }
  | { equalsPath: string };

export type RecordFilter = Record<string, FieldTest>;

const TEST_KEYS = ['in', 'notIn', 'not', 'lt', 'lte', 'gt', 'gte', 'exists', 'equalsPath'] as const;

export const recordFilterSchema = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
        properties: {
          in: { type: 'array' },
          notIn: { type: 'array' },
          not: {},
          lt: { type: 'number' },
          lte: { type: 'number' },
          gt: { type: 'number' },
          gte: { type: 'number' },
          exists: { type: 'boolean' },
          equalsPath: { type: 'string' },
        },
      },
    ],
  },
};

export function filterDocumentPaths(filter: RecordFilter | undefined): string[] {
  if (!filter) return [];
  return Object.values(filter).flatMap((t) => (t && typeof t === 'object' && 'equalsPath' in t ? [t.equalsPath] : []));
}

/** A field test compiled once: which test it is is decided when the rule is loaded, not per record. */
function compileTest(test: FieldTest): (value: unknown, document: unknown) => boolean {
  if (test === null || typeof test !== 'object') return (value) => value === test;
  const key = TEST_KEYS.find((k) => k in test);
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  switch (key) {
    case 'in': {
      const list = (test as { in: unknown[] }).in;
      return (value) => list.includes(value);
    }
    case 'notIn': {
      const list = (test as { notIn: unknown[] }).notIn;
      return (value) => !list.includes(value);
    }
    case 'not': {
      const other = (test as { not: unknown }).not;
      return (value) => value !== other;
    }
    case 'lt': {
      const n = (test as { lt: number }).lt;
      return (value) => {
        const v = num(value);
        return v !== undefined && v < n;
      };
    }
    case 'lte': {
      const n = (test as { lte: number }).lte;
      return (value) => {
        const v = num(value);
        return v !== undefined && v <= n;
      };
    }
    case 'gt': {
      const n = (test as { gt: number }).gt;
      return (value) => {
        const v = num(value);
        return v !== undefined && v > n;
      };
    }
    case 'gte': {
      const n = (test as { gte: number }).gte;
      return (value) => {
        const v = num(value);
        return v !== undefined && v >= n;
      };
    }
    case 'exists': {
      const wanted = (test as { exists: boolean }).exists;
      return (value) => (value !== undefined && value !== null) === wanted;
    }
    case 'equalsPath': {
      const path = cachedPath((test as { equalsPath: string }).equalsPath);
      return (value, document) => value !== undefined && value === getAt(document, path);
    }
    default:
      return () => false;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Compiles a filter once into a predicate over records. It runs once per record and rule (a
 * 20,000-staff file, dozens of rules): each test is compiled ahead, and the loop allocates nothing.
 */
export function compileFilter(filter: RecordFilter | undefined): (record: unknown, document: unknown) => boolean {
  if (!filter) return (record) => record !== null && typeof record === 'object';
  const fields = Object.keys(filter);
  const tests = fields.map((field) => compileTest(filter[field]!));
  const n = fields.length;
  return (record, document) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    const r = record as Record<string, unknown>;
    for (let i = 0; i < n; i++) {
      const field = fields[i]!;
      if (!tests[i]!(hasOwn.call(r, field) ? r[field] : undefined, document)) return false;
    }
    return true;
  };
}
