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

function passes(test: FieldTest, value: unknown, document: unknown): boolean {
  if (test === null || typeof test !== 'object') return value === test;
  const key = TEST_KEYS.find((k) => k in test);
  const num = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  switch (key) {
    case 'in':
      return (test as { in: unknown[] }).in.includes(value);
    case 'notIn':
      return !(test as { notIn: unknown[] }).notIn.includes(value);
    case 'not':
      return value !== (test as { not: unknown }).not;
    case 'lt':
      return num !== undefined && num < (test as { lt: number }).lt;
    case 'lte':
      return num !== undefined && num <= (test as { lte: number }).lte;
    case 'gt':
      return num !== undefined && num > (test as { gt: number }).gt;
    case 'gte':
      return num !== undefined && num >= (test as { gte: number }).gte;
    case 'exists':
      return (value !== undefined && value !== null) === (test as { exists: boolean }).exists;
    case 'equalsPath':
      return value !== undefined && value === getAt(document, cachedPath((test as { equalsPath: string }).equalsPath));
    default:
      return false;
  }
}

/** Compiles a filter once into a predicate over records. */
export function compileFilter(filter: RecordFilter | undefined): (record: unknown, document: unknown) => boolean {
  if (!filter) return (record) => record !== null && typeof record === 'object';
  const entries = Object.entries(filter);
  return (record, document) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    const r = record as Record<string, unknown>;
    for (const [field, test] of entries) {
      const value = Object.prototype.hasOwnProperty.call(r, field) ? r[field] : undefined;
      if (!passes(test, value, document)) return false;
    }
    return true;
  };
}
