// non-teaching-staff-share (rules/plan14/non-teaching-staff-share.yaml): among staff not
// outsourced, the share with role management, teaching-auxiliary or logistics is at most 8%
// (primary), 12% (junior), 15% (senior, complete-secondary); other levels, an empty or absent
// list: no check. One result per document, on `staff`.
const MAX = { primary: 0.08, junior: 0.12, senior: 0.15, 'complete-secondary': 0.15 };
const COUNTED = ['management', 'teaching-auxiliary', 'logistics'];

export default function nonTeachingStaffShare(doc) {
  if (doc === null || typeof doc !== 'object' || doc.apiVersion !== 'edunorm/v1' || doc.kind !== 'Staffing' || !Array.isArray(doc.staff)) return [];
  const level = doc.school?.level;
  const max = typeof level === 'string' && Object.hasOwn(MAX, level) ? MAX[level] : undefined;
  if (max === undefined) return [];
  let total = 0;
  let numerator = 0;
  for (const record of doc.staff) {
    const r = record !== null && typeof record === 'object' ? record : {};
    if (r.outsourced === true) continue;
    total++;
    if (COUNTED.includes(r.role)) numerator++;
  }
  if (total === 0) return [];
  const share = numerator / total;
  if (share - max <= 1e-9 * Math.max(1, max)) return [];
  return [{ message: `non-teaching staff ${numerator}/${total} above ${max}`, path: ['staff'] }];
}
