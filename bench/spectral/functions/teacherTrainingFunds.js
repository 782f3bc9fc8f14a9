// teacher-training-funds (rules/plan14/teacher-training-funds.yaml): in a SchoolBudget of a
// 中小学校, budget.teacherTraining ≥ 5% of budget.publicFunds, 1 yuan of rounding tolerated
// (edunorm's compare(): below when min − actual > tolerance + 1e-9·max(1, |min|)).
const LEVELS = ['primary', 'junior', 'senior', 'nine-year', 'complete-secondary'];
const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export default function teacherTrainingFunds(doc) {
  if (doc === null || typeof doc !== 'object' || doc.apiVersion !== 'edunorm/v1' || doc.kind !== 'SchoolBudget') return [];
  if (!LEVELS.includes(doc.school?.level)) return [];
  const actual = number(doc.budget?.teacherTraining);
  const base = number(doc.budget?.publicFunds);
  if (actual === undefined || base === undefined) return [];
  const min = 0.05 * base;
  if (min - actual <= 1 + 1e-9 * Math.max(1, Math.abs(min))) return [];
  return [{ message: `teacher training ${actual} < 5% of public funds ${base} (${min})`, path: ['budget', 'teacherTraining'] }];
}
