// A YAML alias may point into the node that contains it (`a: &a [*a]`): the value read is a list
// that contains itself. Found by the fuzzer (tests/fuzz/check.test.ts) as a crash of check() while
// quoting such a value in the schema/kind message. Every place that quotes a value must survive it.
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';

const HEAD = 'apiVersion: edunorm/v1\n';

describe('a value that contains itself through an alias', () => {
  it('as kind: schema/kind on its line, no crash', async () => {
    const result = await check(`${HEAD}a: &a [*a]\nkind: *a\n`, { locale: 'en' });
    const kind = result.findings.find((f) => f.ruleId === 'schema/kind');
    expect(kind).toBeDefined();
    expect(kind!.range.start.line).toBe(3);
    expect(kind!.message).toContain('[…]');
  });

  it('as apiVersion of a later document: schema/api-version, no crash', async () => {
    const text = `${HEAD}kind: Staffing\nschool: { code: "1", name: x, level: primary }\nfiscalYear: 2025\nstaff: []\n---\na: &a [*a]\napiVersion: *a\nkind: SchoolBudget\n`;
    const result = await check(text, { locale: 'zh-CN' });
    expect(result.findings.map((f) => [f.ruleId, f.range.start.line])).toContainEqual(['schema/api-version', 8]);
  });

  it('as a field value: schema/type on that field, no crash', async () => {
    const text = `${HEAD}kind: SchoolBudget\nschool:\n  code: &c [*c]\n  name: 第八中学\n  level: junior\nfiscalYear: 2025\nbudget:\n  publicFunds: 4800000\n  teacherTraining: 240000\n`;
    const result = await check(text, { locale: 'en' });
    const type = result.findings.find((f) => f.path === 'school.code');
    expect(type?.ruleId).toBe('schema/type');
    expect(type!.range.start.line).toBe(4);
  });
});
