import { readFileSync } from 'node:fs';
import { type DocumentKind } from '@edunorm/core';
import { parseYaml } from '@edunorm/core/internal';
import { failureReason } from '@edunorm/core/internal/system-errors';
import { UsageError } from '../usage-error.js';
import { mappableFields, normalizeHeader, type ImportMapping } from './field-mapping.js';
import { MESSAGES as M } from '../messages.js';

/**
 * Reads a mapping file (`--mapping map.yaml`) that adds headers and enum words to the defaults:
 *
 *   columns:            # header as written in the sheet → field
 *     教工编号: id
 *     月基本工资: baseSalary
 *   values:             # extra words for a field with fixed values
 *     role:
 *       任课教师: teacher
 *
 * Mistakes are usage errors naming the file and the entry, never ignored.
 */
export function readMappingFile(path: string, shownPath: string, kind: DocumentKind): ImportMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(M.mappingUnreadable(shownPath, failureReason(error)));
  }
  const doc = parseYaml(text).documents[0];
  if (!doc || doc.problems.length) throw new UsageError(M.mappingNotYaml(shownPath, doc?.problems[0]?.detail ?? ''));
  const value = (doc.value ?? {}) as Record<string, unknown>;
  if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(M.mappingNotMapping(shownPath));
  const fields = new Map(mappableFields(kind).map((f) => [f.key, f]));
  const known = [...fields.keys()].join(', ');
  const mapping: ImportMapping = { columns: {}, values: {} };
  for (const key of Object.keys(value)) if (key !== 'columns' && key !== 'values') throw new UsageError(M.mappingSection(shownPath, key));
  for (const [header, field] of Object.entries(asMap(value.columns, `${shownPath}: columns`))) {
    if (typeof field !== 'string' || !fields.has(field)) throw new UsageError(M.mappingColumn(shownPath, header, String(field), kind, known));
    mapping.columns[normalizeHeader(header)] = field;
  }
  for (const [field, words] of Object.entries(asMap(value.values, `${shownPath}: values`))) {
    const enumValues = fields.get(field)?.enumValues;
    if (!enumValues) throw new UsageError(M.mappingValuesField(shownPath, field, [...fields.values()].filter((f) => f.enumValues).map((f) => f.key).join(', ')));
    mapping.values[field] = {};
    for (const [word, target] of Object.entries(asMap(words, `${shownPath}: values.${field}`))) {
      if (typeof target !== 'string' || !enumValues.includes(target)) throw new UsageError(M.mappingValue(shownPath, field, word, enumValues.join(', ')));
      mapping.values[field]![word] = target;
    }
  }
  return mapping;
}

function asMap(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(M.mappingMustBeMap(where));
  return value as Record<string, unknown>;
}
