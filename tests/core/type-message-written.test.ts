/**
 * Outside review B: a school code written as a number with a leading zero (code: 0130902008)
 * was reported as "现为 130902008" — a figure the clerk never wrote and cannot find in the
 * file — while its fix rightly offered "0130902008". A number is shown as written.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';

const budget = (code: string) =>
  `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  code: ${code}\n  name: 八中\n  level: junior\nfiscalYear: 2025\nbudget:\n  publicFunds: 4800000\n  teacherTraining: 240000\n`;

describe('schema/type names a number as it is written in the file', () => {
  it.each([
    ['0130902008', '"0130902008"'],
    ['130902008', '"130902008"'],
  ])('code: %s', async (written, fix) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const f = (await check(budget(written), { locale })).findings.find((x) => x.ruleId === 'schema/type')!;
      expect(f.message).toContain(locale === 'zh-CN' ? `现为 ${written}:` : `is ${written}:`);
      expect(f.fix?.newText).toBe(fix);
    }
  });
});
