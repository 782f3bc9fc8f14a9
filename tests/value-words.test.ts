// Issue 15 item 4: a clerk writes the Chinese name of a value (小学, 专任教师, 高级, 优质高中) where
// the contract wants its code. The finding names the code with its meaning, on the value, with a fix.
import { describe, expect, it } from 'vitest';
import { check } from '../packages/core/src/index.js';

const staffing = `apiVersion: edunorm/v1
kind: Staffing
school:
  code: "130902101"
  name: 李庄小学
  level: 小学
fiscalYear: 2025
staff:
  - id: T001
    name: 张三
    role: 专任教师
    title: 高级
`;

const district = `apiVersion: edunorm/v1
kind: DistrictIndicators
district:
  code: "130925"
  name: 某县
  type: 县
year: 2025
indicators:
  compulsoryRetentionRate: 0.99
  standardizedSchoolRate: 1
schools:
  - code: "130925001"
    name: 第一中学
    level: senior
    enrollment: 1200
    designation: 优质高中
`;

const brief = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.ruleId === 'schema/enum').map((f) => [f.range.start.line, f.range.start.column, f.fix?.newText, f.message]);

describe('Chinese value words in enum fields', () => {
  it('level, role and title: "应写成代码 …" on the value, with the code as the fix', async () => {
    const rows = brief(await check(staffing, { locale: 'zh-CN' }));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      [6, 10, 'primary'],
      [11, 11, 'teacher'],
      [12, 12, 'senior'],
    ]);
    expect(rows[0]![3]).toContain('`小学` 应写成代码 `primary`(小学)');
    expect(rows[2]![3]).toContain('`高级` 应写成代码 `senior`(高级)');
  });

  it('district type and designation, in English too', async () => {
    const rows = brief(await check(district, { locale: 'en' }));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      [6, 9, 'county'],
      [16, 18, 'quality-senior'],
    ]);
    expect(rows[0]![3]).toContain('write `county`');
  });

  it('a word of another field is not offered (高级 is a title, not a school level); a near miss still gets did-you-mean', async () => {
    const text = staffing.replace('level: 小学', 'level: 高级').replace('title: 高级', 'title: seniorr');
    const rows = brief(await check(text, { locale: 'zh-CN' }));
    expect(rows[0]![2]).toBeUndefined();
    expect(rows[0]![3]).toContain('不在可选范围内');
    expect(rows[1]![2]).toBe('teacher');
    expect(rows[2]![2]).toBe('senior');
    expect(rows[2]![3]).toContain('是否应为 `senior`');
  });
});
