/**
 * A value the structure check rejects (schema/range, schema/type) feeds no rule finding. Outside
 * review: a negative budget gave "应不少于 -5 元" and "占公用经费 0%" beside the schema/range
 * error — figures made from a value whose meaning is unknown. A non-number already gave none;
 * a number out of range now behaves the same. The file fails either way (the rejection is an
 * error; structure checks have no severity setting), and a rejection hidden by a directive leaves
 * the norm's finding standing.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../packages/core/src/index.js';

const found = async (text: string, options: CheckOptions = {}) =>
  (await check(text, { locale: 'zh-CN', ...options })).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message}`);

const budget = (publicFunds: string, teacherTraining: string) =>
  `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nbudget:\n  publicFunds: ${publicFunds}\n  teacherTraining: ${teacherTraining}\n`;

const staffing = (first: string) =>
  'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\n' +
  'reference: { localAvgMonthlyPerformancePay: 3200 }\nstaff:\n' +
  `  - { id: T001, name: 张三, role: teacher, classTeacher: true, classTeacherAllowance: ${first} }\n` +
  '  - { id: T002, name: 李四, role: teacher, classTeacher: true, classTeacherAllowance: 700 }\n';

describe('a rejected value feeds no rule finding', () => {
  it('negative training funds: the range error only, no "short by 240,100 yuan"', async () => {
    expect(await found(budget('4800000', '-100'))).toEqual(['schema/range@7:20 error `budget.teacherTraining`(教师培训经费(元)) 不能小于 0,现为 -100。']);
  });

  it('negative public funds: no sense check computed from them (the finding whose related location is the rejected value)', async () => {
    expect(await found(budget('-4800000', '100'))).toEqual(['schema/range@6:16 error `budget.publicFunds`(年度公用经费预算总额(元)) 不能小于 0,现为 -4800000。']);
  });

  it('one negative allowance: that record gives only the range error, the next record is still judged', async () => {
    expect(await found(staffing('-800'))).toEqual([
      'schema/range@7:85 error `staff[0].classTeacherAllowance`(班主任津贴(元/月)) 不能小于 0,现为 -800。',
      'class-teacher-allowance@8:85 error 班主任李四(T002)的班主任津贴每月 700 元,低于当地教师月平均绩效工资 3,200 元的 25%(应不少于 800 元,差 100 元)',
    ]);
  });

  it('as a value that is not a number (schema/type) already did', async () => {
    expect((await found(staffing('"八百"'))).map((f) => f.split(' ')[0])).toEqual(['schema/type@7:85', 'class-teacher-allowance@8:85']);
  });

  it('a directive that hides the range error leaves the norm finding standing (no way to hide both with one)', async () => {
    const text = budget('4800000', '-100  # edunorm-disable-line schema/range -- 冲减');
    expect((await found(text)).map((f) => f.split(' ')[0])).toEqual(['teacher-training-funds@7:20']);
  });

  it('in English too', async () => {
    const r = await check(budget('4800000', '-100'), { locale: 'en' });
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(['schema/range `budget.teacherTraining` (Teacher-training funds (yuan)) must be at least 0; it is -100.']);
  });
});
