import { describe, expect, it } from 'vitest';
import { check } from '../packages/core/src/index.js';

const budget = (level: string, training: number) => `apiVersion: edunorm/v1
kind: SchoolBudget
school: { code: "1", name: x, level: ${level} }
fiscalYear: 2025
budget:
  publicFunds: 4000000
  teacherTraining: ${training}
`;

describe('measurements (editor hints)', () => {
  it('give the figure beside its input when the norm applies, met or not', async () => {
    const low = await check(budget('junior', 150000), { measurements: true, locale: 'en' });
    expect(low.measurements?.map((m) => [m.ruleId, m.range.start.line, m.text, m.compliant])).toEqual([['teacher-training-funds', 7, '3.75% of public funds (≥ 5%)', false]]);
    const ok = await check(budget('primary', 220000), { measurements: true, locale: 'zh-CN' });
    expect(ok.measurements?.map((m) => [m.text, m.compliant])).toEqual([['占公用经费 5.5%(要求 ≥ 5%)', true]]);
  });

  it('are absent where the norm does not apply, and when not asked for', async () => {
    expect((await check(budget('higher', 150000), { measurements: true })).measurements).toEqual([]);
    expect((await check(budget('junior', 150000))).measurements).toBeUndefined();
  });
});
