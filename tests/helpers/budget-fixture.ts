/** A SchoolBudget of 第八中学 (a junior school, 2025) with `body` after its head (line 8 on). */
export const schoolBudget = (body: string) => `apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902008"
  name: 第八中学
  level: junior
fiscalYear: 2025
${body}`;

/**
 * A SchoolBudget that breaks teacher-training-funds on line 10 (150,000 of 4,000,000 public
 * funds: 3.75%). `extra` lines go under `budget:` (line 11 on).
 */
export const failingBudget = (extra = '') => schoolBudget(`budget:
  publicFunds: 4000000
  teacherTraining: 150000
${extra}`);
