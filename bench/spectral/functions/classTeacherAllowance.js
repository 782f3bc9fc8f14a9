// class-teacher-allowance (rules/plan14/class-teacher-allowance.yaml): in a Staffing of a
// school of the listed levels, every staff record with classTeacher true needs
// classTeacherAllowance ≥ 25% of reference.localAvgMonthlyPerformancePay (1 yuan tolerated);
// an absent allowance counts as 0 and is reported on classTeacher; without the reference
// figure nothing is checked; a non-numeric allowance is left to the structure check.
const LEVELS = ['primary', 'junior', 'senior', 'nine-year', 'complete-secondary', 'kindergarten'];
const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export default function classTeacherAllowance(doc) {
  if (doc === null || typeof doc !== 'object' || doc.apiVersion !== 'edunorm/v1' || doc.kind !== 'Staffing') return [];
  if (!LEVELS.includes(doc.school?.level) || !Array.isArray(doc.staff)) return [];
  const base = number(doc.reference?.localAvgMonthlyPerformancePay);
  if (base === undefined) return [];
  const min = 0.25 * base;
  const slack = 1 + 1e-9 * Math.max(1, Math.abs(min));
  const results = [];
  doc.staff.forEach((record, i) => {
    if (record === null || typeof record !== 'object' || record.classTeacher !== true) return;
    const raw = record.classTeacherAllowance;
    const absent = raw === undefined || raw === null;
    const actual = absent ? 0 : number(raw);
    if (actual === undefined || min - actual <= slack) return;
    results.push({ message: `class-teacher allowance ${actual} < 25% of ${base}`, path: ['staff', i, absent ? 'classTeacher' : 'classTeacherAllowance'] });
  });
  return results;
}
