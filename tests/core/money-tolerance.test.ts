/**
 * norms.md: "Money comparisons tolerate rounding to 1 yuan" — 1 yuan at any amount. Outside
 * review: the tolerance was 1 yuan plus 1e-9 of the bound, so a university's 600,000,000-yuan
 * performance-pay total let 1.6 yuan over pass, and its public funds 1.4 yuan short of
 * standard × pupils passed too. Exactly 1 yuan past, even through floating-point arithmetic
 * (a share of the bound), still passes. And a share that fails is never printed as its threshold.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';

const university = (extra: string) =>
  `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "10001", name: 某大学, level: higher, pupils: 40000 }\nfiscalYear: 2025\n${extra}`;
const found = async (text: string) => (await check(text, { locale: 'zh-CN' })).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message}`);

describe('the 1-yuan money tolerance does not grow with the amount', () => {
  it('600,000,000 approved, 1.5 yuan over: an error; 1 yuan over: passes', async () => {
    const over = (distributed: string) => university(`budget: { publicFunds: 480000000, teacherTraining: 24000000 }\nperformancePay: { approvedTotal: 600000000, distributed: ${distributed} }\n`);
    expect(await found(over('600000001.5'))).toEqual(['performance-pay-within-total@6:58 error 实际分配的绩效工资 600,000,001.5 元,超过核定绩效工资总量 600,000,000 元(超出 2 元)']);
    expect(await found(over('600000001'))).toEqual([]);
  });

  it('public funds 1.4 yuan short of 12,000 × 40,000 pupils: an error; exactly 1 yuan short: passes', async () => {
    const funds = (publicFunds: string) => university(`reference: { perPupilPublicFundsStandard: 12000 }\nbudget: { publicFunds: ${publicFunds}, teacherTraining: 24000000 }\n`);
    const short = await found(funds('479999998.6'));
    expect(short).toHaveLength(1);
    expect(short[0]).toMatch(/^per-pupil-public-funds@6:24 error /);
    expect(await found(funds('479999999'))).toEqual([]);
  });

  it('a share of a large bound (5% of 4,800,000,000 public funds), exactly 1 yuan short, passes despite the arithmetic; 1.01 short fails, its share printed apart from 5%', async () => {
    const training = (amount: string) => `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130925008", name: 第八中学, level: senior }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000000, teacherTraining: ${amount} }\n`;
    expect(await found(training('239999999'))).toEqual([]);
    // The share is printed apart from its threshold (outside review: "占公用经费 5%,低于 5%").
    expect(await found(training('239999998.99'))).toEqual(['teacher-training-funds@5:53 error 教师培训经费 239,999,998.99 元,占公用经费 4.99999998%,低于 5% 的要求(应不少于 240,000,000 元,差 1 元)']);
  });
});
