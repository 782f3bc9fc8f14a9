/**
 * Outside review B: a year copied from an Excel date cell arrives as its serial number
 * (fiscalYear: 45658 is 2025-01-01) and was told only "不能大于 2100,现为 45658". It is said as
 * what it is, with the year it stands for as the fix; a year beyond 2100 that is no date serial
 * keeps the plain message.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';

const budget = (year: string) =>
  `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  code: "130902008"\n  name: 八中\n  level: junior\nfiscalYear: ${year}\nbudget:\n  publicFunds: 4800000\n  teacherTraining: 240000\n`;

describe('a year that is an Excel date serial number', () => {
  it('fiscalYear: 45658 — the date it is, the year as the fix, at the value (zh-CN and en)', async () => {
    const zh = (await check(budget('45658'), { locale: 'zh-CN' })).findings.filter((x) => x.ruleId === 'schema/range');
    expect(zh.map((f) => [f.range.start.line, f.range.start.column, f.severity, f.message, f.fix?.newText])).toEqual([
      [7, 13, 'error', expect.stringMatching(/不能大于 2100,现为 45658:这像是 Excel 的日期序号\(2025-01-01\),请只填年份 2025。$/), '2025'],
    ]);
    const en = (await check(budget('45658'), { locale: 'en' })).findings.find((x) => x.ruleId === 'schema/range')!;
    expect(en.message).toMatch(/it is 45658, which looks like an Excel date serial number \(2025-01-01\): write the year alone, 2025\.$/);
  });

  it('a year beyond 2100 that is no date serial keeps the plain message', async () => {
    const f = (await check(budget('3000'), { locale: 'zh-CN' })).findings.find((x) => x.ruleId === 'schema/range')!;
    expect(f.message).toMatch(/不能大于 2100,现为 3000。$/);
    expect(f.fix).toBeUndefined();
  });
});

describe('punctuation typed after a figure (outside review B: `4800000，` got no fix)', () => {
  it.each([
    ['4800000，', '4800000'],
    ['4800000。', '4800000'],
    ['"1,200,000,"', '1200000'],
  ])('publicFunds: %s → fix %s', async (written, fixed) => {
    const text = budget('2025').replace('publicFunds: 4800000', `publicFunds: ${written}`);
    const f = (await check(text, { locale: 'zh-CN' })).findings.find((x) => x.ruleId === 'schema/type')!;
    expect([f.range.start.line, f.fix?.newText]).toEqual([9, fixed]);
  });
});
