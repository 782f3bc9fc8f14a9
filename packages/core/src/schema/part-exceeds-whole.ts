import { structural } from '../checks/registry.js';
import type { FindingFactory } from '../finding-factory.js';
import type { Finding, LocalizedText } from '../types.js';
import { schemaAt, type DocumentKind, type FieldDoc } from './document-schemas.js';

/**
 * Counts of a district that are a part of another count (documents.md "Version 2 additions"):
 * "其中在公办学校就读" cannot exceed the eligible children it is part of. A larger part is a
 * data-entry mistake (columns swapped, a total of another year), not a norm met: it is
 * reported on the part as a structural finding, `schema/part-exceeds-whole`.
 */
export const PART_OF_WHOLE: Partial<Record<DocumentKind, readonly { part: readonly string[]; whole: readonly string[] }[]>> = {
  DistrictIndicators: [
    { part: ['indicators', 'migrantChildrenInPublicSchools'], whole: ['indicators', 'migrantChildrenEligible'] },
    { part: ['indicators', 'afterSchoolServed'], whole: ['indicators', 'afterSchoolDemand'] },
    { part: ['indicators', 'disabledChildrenServed'], whole: ['indicators', 'disabledChildrenSchoolAge'] },
  ],
};

function read(value: unknown, path: readonly string[]): number | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  // Only counts the schema accepts: a wrong type or a negative number has its own finding.
  return typeof current === 'number' && Number.isInteger(current) && current >= 0 ? current : undefined;
}

function label(kind: DocumentKind, path: readonly string[]): FieldDoc {
  const d = schemaAt(kind, path)?.['x-doc'] as FieldDoc | undefined;
  return d ?? { 'zh-CN': path.join('.'), en: path.join('.') };
}

export function partsExceedingWholes(factory: FindingFactory, kind: DocumentKind, value: unknown): Finding[] {
  const out: Finding[] = [];
  for (const { part, whole } of PART_OF_WHOLE[kind] ?? []) {
    const p = read(value, part);
    const w = read(value, whole);
    if (p === undefined || w === undefined || p <= w) continue;
    const partName = part.join('.');
    const wholeName = whole.join('.');
    const pl = label(kind, part);
    const wl = label(kind, whole);
    const message: LocalizedText = {
      'zh-CN': `\`${partName}\`(${pl['zh-CN']})为 ${p},大于它所属的总数 \`${wholeName}\`(${wl['zh-CN']})${w}(多 ${p - w})。部分不能大于总数,请核对这两个数。`,
      en: `\`${partName}\` (${pl.en}) is ${p}, more than the total it is part of, \`${wholeName}\` (${wl.en}), ${w} (by ${p - w}). A part cannot exceed its total: check both figures.`,
    };
    out.push(
      factory.make({
        ...structural('schema/part-exceeds-whole'),
        path: part,
        message,
        related: [{ path: whole, message: { 'zh-CN': '所属的总数', en: 'the total it is part of' } }],
        figures: { part: p, whole: w, excess: p - w },
      }),
    );
  }
  return out;
}
