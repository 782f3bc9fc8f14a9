// special-education-subsidy (rules/plan14/special-education-subsidy.yaml): every staff record
// with specialEducation true has specialEdSubsidy = 15% of its own baseSalary, 1 yuan
// tolerated either way (below: error, above: warning — both are findings of the norm); an
// absent subsidy counts as 0 (reported on specialEducation); no base salary, no check. Any level.
const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export default function specialEducationSubsidy(doc) {
  if (doc === null || typeof doc !== 'object' || doc.apiVersion !== 'edunorm/v1' || doc.kind !== 'Staffing' || !Array.isArray(doc.staff)) return [];
  const results = [];
  doc.staff.forEach((record, i) => {
    if (record === null || typeof record !== 'object' || record.specialEducation !== true) return;
    const base = number(record.baseSalary);
    if (base === undefined) return;
    const raw = record.specialEdSubsidy;
    const absent = raw === undefined || raw === null;
    const actual = absent ? 0 : number(raw);
    if (actual === undefined) return;
    const target = 0.15 * base;
    const slack = 1 + 1e-9 * Math.max(1, Math.abs(target));
    if (target - actual > slack || actual - target > slack) {
      results.push({ message: `special-education subsidy ${actual} ≠ 15% of base salary ${base}`, path: ['staff', i, absent ? 'specialEducation' : 'specialEdSubsidy'] });
    }
  });
  return results;
}
