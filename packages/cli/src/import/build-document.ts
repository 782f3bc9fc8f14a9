import type { DocumentKind } from '@edunorm/core';
import { UsageError } from '../usage-error.js';
import { convertCell } from './convert-value.js';
import type { KindLayout } from './field-mapping.js';
import type { ImportedSheet } from './sheet-layout.js';
import { MESSAGES as M } from '../messages.js';

/** Command-line values for document fields (`--school-code` → `school.code`), as typed. */
export type GivenFields = Record<string, string | undefined>;

/** Fields a document cannot do without, and the flag or sheet label that gives each. */
const REQUIRED: Record<DocumentKind, { key: string; flag?: string; label: string }[]> = {
  SchoolBudget: [
    { key: 'school.code', flag: '--school-code', label: '学校代码' },
    { key: 'school.name', flag: '--school-name', label: '学校名称' },
    { key: 'school.level', flag: '--level', label: '学段' },
    { key: 'fiscalYear', flag: '--fiscal-year', label: '预算年度' },
  ],
  Staffing: [
    { key: 'school.code', flag: '--school-code', label: '学校代码' },
    { key: 'school.name', flag: '--school-name', label: '学校名称' },
    { key: 'school.level', flag: '--level', label: '学段' },
    { key: 'fiscalYear', flag: '--fiscal-year', label: '年度' },
  ],
  DistrictIndicators: [
    { key: 'district.code', label: '行政区划代码' },
    { key: 'district.name', label: '市县名称' },
    { key: 'district.type', label: '市县类型' },
    { key: 'year', flag: '--fiscal-year', label: '年份' },
  ],
};

/** Command-line values win over the sheet's block (the sheet may be a template filled for many schools). */
export function applyGivenFields(imported: ImportedSheet, layout: KindLayout, given: GivenFields): void {
  for (const [key, raw] of Object.entries(given)) {
    if (raw === undefined) continue;
    const field = layout.block.find((f) => f.key === key)!;
    const converted = convertCell(raw, field);
    if ('problem' in converted) throw new UsageError(M.importBadValue(key, converted.problem));
    imported.fields.set(key, converted.value);
    imported.sources.delete(key);
  }
}

/** Required fields neither the sheet nor the command line gave, with the flag or sheet label that gives each. */
export function missingFields(kind: DocumentKind, imported: ImportedSheet): { key: string; flag?: string; label: string }[] {
  return REQUIRED[kind].filter((r) => !imported.fields.has(r.key));
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** The document as plain data; the renderer puts keys in the contract's order. */
export function buildDocument(kind: DocumentKind, imported: ImportedSheet, layout: KindLayout): Record<string, unknown> {
  const doc: Record<string, unknown> = { apiVersion: 'edunorm/v1', kind };
  for (const [key, value] of imported.fields) setAt(doc, key, value);
  if (layout.table && (imported.tableFound || layout.table.list === 'staff')) doc[layout.table.list] = imported.records;
  return doc;
}
