import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';
import { builtinPack, checkWorkspace, createRuleSet, loadRulePack, RuleSet, ConfigurationError, RulePackError, type CheckResult } from '../../packages/core/src/index.js';

const district = (year: number, extra = '', code = '130925') => `apiVersion: edunorm/v1
kind: DistrictIndicators
district:
  code: "${code}"
  name: 某县
  type: county
year: ${year}
reference:
  localCivilServantAvgSalary: 96000
indicators:
  compulsoryRetentionRate: 0.99
${extra}`;

const staffing = (code: string, level: string, staff: string[], options: { district?: string; year?: number; reference?: number } = {}) => `apiVersion: edunorm/v1
kind: Staffing
school:
  code: "${code}"
  name: 学校${code.slice(-3)}
  level: ${level}
${options.district === '' ? '' : `  district: "${options.district ?? '130925'}"\n`}fiscalYear: ${options.year ?? 2025}
${options.reference ? `reference:\n  localCivilServantAvgSalary: ${options.reference}\n` : ''}staff:
${staff.map((s) => `  - ${s}`).join('\n')}
`;

const teachers = (n: number, salary: number, senior = 0) =>
  Array.from({ length: n }, (_, i) => `{ id: T${String(i + 1).padStart(3, '0')}, name: 教师${i + 1}, role: teacher, title: ${i < senior ? 'senior' : 'first'}, annualSalary: ${salary} }`);

async function run(files: Record<string, string>, ruleSet?: RuleSet, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { results, workspace } = await checkWorkspace(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { locale, ...(ruleSet ? { ruleSet } : {}), reportUnusedDirectives: true },
  );
  return { results, workspace, of: (file: string, rule: string) => (results.get(file) as CheckResult).findings.filter((f) => f.ruleId === rule) };
}

describe('linking documents by district and year', () => {
  it('a second district document of the same code and year is an error on its district.code; the first one is used', async () => {
    const { of } = await run({
      'a/district.yaml': district(2025),
      'b/district-copy.yaml': district(2025).replace('96000', '80000'),
      'school.yaml': staffing('130925101', 'primary', teachers(2, 85000)),
    });
    const dup = of('b/district-copy.yaml', 'workspace/duplicate-district');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'error', range: { start: { line: 4, column: 9 } }, path: 'district.code' });
    expect(dup[0]!.message).toContain('已使用先出现的 a/district.yaml:4');
    expect(dup[0]!.related![0]).toMatchObject({ file: 'a/district.yaml', range: { start: { line: 4 } } });
    // The first document (96,000) judges the school's 85,000; the copy (80,000) would not.
    expect(of('a/district.yaml', 'county-teacher-pay-parity')).toHaveLength(1);
    expect(of('b/district-copy.yaml', 'county-teacher-pay-parity')).toHaveLength(0);
  });

  it('the same code in two years is two districts, each with its own schools', async () => {
    const { of, workspace } = await run({
      'd2024.yaml': district(2024),
      'd2025.yaml': district(2025),
      's2024.yaml': staffing('130925101', 'primary', teachers(2, 85000), { year: 2024 }),
      's2025.yaml': staffing('130925101', 'primary', teachers(2, 99000), { year: 2025 }),
    });
    expect(of('d2024.yaml', 'county-teacher-pay-parity')).toHaveLength(1);
    expect(of('d2025.yaml', 'county-teacher-pay-parity')).toHaveLength(0);
    expect(of('d2024.yaml', 'workspace/duplicate-district')).toHaveLength(0);
    expect(workspace.districts.map((d) => [d.code, d.year, d.linked])).toEqual([
      ['130925', 2024, 1],
      ['130925', 2025, 1],
    ]);
  });

  it('related locations name each school file with its own mean, in both languages', async () => {
    const files = { 'district.yaml': district(2025), 'x.yaml': staffing('130925101', 'primary', teachers(3, 90000)), 'y.yaml': staffing('130925201', 'junior', teachers(1, 96000)) };
    const zh = (await run(files)).of('district.yaml', 'county-teacher-pay-parity')[0]!;
    expect(zh).toMatchObject({ severity: 'error', range: { start: { line: 3, column: 1 } }, path: 'district' });
    expect(zh.message).toBe('某县 2025 年度 2 所学校 4 名教师平均年工资收入 91,500 元,低于当地公务员平均工资收入 96,000 元(差 4,500 元)');
    expect(zh.related!.map((r) => [r.file, r.range.start.line, r.message])).toEqual([
      ['x.yaml', 9, '学校101(130925101):3 名教师平均年工资收入 90,000 元'],
      ['y.yaml', 9, '学校201(130925201):1 名教师平均年工资收入 96,000 元'],
    ]);
    const en = (await run(files, undefined, 'en')).of('district.yaml', 'county-teacher-pay-parity')[0]!;
    expect(en.message).toContain('short by 4,500 yuan');
    expect(en.related![0]!.message).toBe('学校101 (130925101): 3 teachers, average annual salary 90,000 yuan');
  });

  it('a name with placeholders, newlines or :: is printed as written, never expanded', async () => {
    const tricky = staffing('130925101', 'primary', teachers(1, 50000)).replace('name: 学校101', 'name: "{district.name}::{0}`<b>`"');
    const f = (await run({ 'district.yaml': district(2025), 's.yaml': tricky })).of('district.yaml', 'county-teacher-pay-parity')[0]!;
    expect(f.related![0]!.message).toContain('{district.name}::{0}`<b>`(130925101)');
  });
});

describe('# edunorm-disable in the file the finding is in', () => {
  it('suppresses a finding across documents with its reason, and is not reported unused', async () => {
    const text = district(2025).replace('district:\n', '# edunorm-disable-next-line county-teacher-pay-parity -- 县财政 2025 年底补发\ndistrict:\n');
    const { results } = await run({ 'district.yaml': text, 's.yaml': staffing('130925101', 'primary', teachers(2, 50000)) });
    const r = results.get('district.yaml')!;
    expect(r.findings.filter((f) => f.ruleId === 'county-teacher-pay-parity' || f.ruleId === 'directive/unused')).toEqual([]);
    expect(r.suppressed.map((f) => [f.ruleId, f.suppression.justification])).toEqual([['county-teacher-pay-parity', '县财政 2025 年底补发']]);
  });
});

describe('pooling: county for senior-post-share', () => {
  // The issue's case: a 7-teacher village school with one senior teacher, in a county whose pool is within quota.
  const files = {
    'district.yaml': district(2025),
    'village.yaml': staffing('130925101', 'primary', teachers(7, 96000, 1)),
    'town.yaml': staffing('130925102', 'primary', teachers(10, 96000)),
    'junior.yaml': staffing('130925201', 'junior', [...teachers(2, 96000, 2), '{ id: X01, name: 例外, role: teacher, title: senior, titleQuotaExempt: true }']),
    'unlinked.yaml': staffing('130925103', 'primary', teachers(7, 96000, 1), { district: '' }),
  };

  it('by default the school is judged on its own: 最多 0 人,超出 1 人', async () => {
    const { of } = await run(files);
    expect(of('village.yaml', 'senior-post-share').map((f) => f.message)).toEqual([expect.stringContaining('最多 0 人,超出 1 人')]);
    expect(of('district.yaml', 'county-senior-post-pool').map((f) => f.message)).toEqual([expect.stringContaining('初中高级教师岗位合计 3 人')]);
  });

  it('with pooling: county a linked school is judged only by the county pool; its titleQuotaExempt warning stays, unlinked schools are judged as before', async () => {
    const ruleSet = createRuleSet([builtinPack()], { 'senior-post-share': { params: { pooling: 'county' } } });
    const { of } = await run(files, ruleSet);
    expect(of('village.yaml', 'senior-post-share')).toEqual([]);
    expect(of('junior.yaml', 'senior-post-share').map((f) => f.outcome)).toEqual(['exempt-not-allowed']);
    expect(of('unlinked.yaml', 'senior-post-share').map((f) => f.outcome)).toEqual(['share-exceeded']);
    // Primary: 1 senior of 17 teachers is within 10%; junior: 3 of 3 is over 30%.
    expect(of('district.yaml', 'county-senior-post-pool').map((f) => f.figures)).toEqual([expect.objectContaining({ group: 'junior', numerator: 3, total: 3, allowedCount: 0 })]);
  });

  it('an unknown pooling value is a configuration error', () => {
    expect(() => createRuleSet([builtinPack()], { 'senior-post-share': { params: { pooling: 'province' } } })).toThrow(ConfigurationError);
  });
});

describe('a county overrides the parameters of the norms across documents', () => {
  it('senior-post-share’s cap raised for junior schools raises the county pool’s (the same parameter, workspace.md)', async () => {
    const files = { 'district.yaml': district(2025), 'j.yaml': staffing('130925201', 'junior', teachers(10, 96000, 4)) };
    expect((await run(files)).of('district.yaml', 'county-senior-post-pool')).toHaveLength(1);
    const raised = createRuleSet([builtinPack()], { 'senior-post-share': { params: { maxShareByLevel: { kindergarten: 0.06, primary: 0.1, junior: 0.4, senior: 0.35, 'complete-secondary': 0.35 } } } });
    expect((await run(files, raised)).of('district.yaml', 'county-senior-post-pool')).toHaveLength(0);
    // The pool has no cap of its own to set any more.
    expect(() => createRuleSet([builtinPack()], { 'county-senior-post-pool': { params: { maxShareByGroup: { junior: 0.4 } } } })).toThrow(ConfigurationError);
  });
});

describe('workspace rule files', () => {
  const base = builtinPack().rules.find((r) => r.id === 'county-teacher-pay-parity')!;
  const text = (patch: (s: string) => string) => patch(`id: my-rule
scope: workspace
kind: DistrictIndicators
severity: error
title: { zh-CN: 测试规则, en: A test rule }
description: { zh-CN: 测试, en: A test }
citation: { source: P14, document: 规划, section: 三, quote: 一句原文的话 }
contributions:
  pay: { kind: Staffing, reuse: { rule: teacher-pay-parity, calculator: aggregate } }
facts:
  countyPay: { calculator: countyMean, params: { figure: pay, min: reference.localCivilServantAvgSalary } }
outcomes:
  - name: below
    when: { all: [{ fact: countyPay, path: $.direction, operator: equal, value: below }] }
    report: { from: countyPay, at: district }
    message: { zh-CN: 低, en: low }
tests:
  valid: [{ name: a, document: "x" }, { name: b, document: "y" }]
  invalid: [{ name: c, document: "x" }, { name: d, document: "y" }]
`);
  const load = (t: string) => loadRulePack('test', [{ file: 'my-rule.yaml', text: t }]);

  it('loads a well-formed workspace rule', () => {
    expect(load(text((s) => s)).rules[0]!.scope).toBe('workspace');
    expect(base.scope).toBe('workspace');
  });

  it.each([
    ['a location the calculator does not provide', (s: string) => s.replace('at: district }', 'at: schools }'), 'rule-file/unknown-location', 15],
    ['an unknown workspace calculator', (s: string) => s.replace('calculator: countyMean', 'calculator: countyMedian'), 'rule-file/unknown-calculator', 11],
    ['a figure that is not a contribution', (s: string) => s.replace('figure: pay', 'figure: salary'), 'rule-file/unknown-fact', 11],
    ['a condition on a document field', (s: string) => s.replace('fact: countyPay, path', 'fact: year, path'), 'rule-file/unknown-fact', 14],
  ])('reports %s with file and line', (_name, patch, code, line) => {
    try {
      load(text(patch));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RulePackError);
      expect((e as RulePackError).problems[0]).toMatchObject({ file: 'my-rule.yaml', code, line });
    }
  });

  it('reusing a rule that is not in the packs is a configuration error', () => {
    const pack = load(text((s) => s.replace('rule: teacher-pay-parity', 'rule: no-such-rule')));
    expect(() => new RuleSet([pack])).toThrow(/reuses rule no-such-rule/);
  });
});

describe('check(): a directive naming a norm across documents', () => {
  const staffing = (district: string) =>
    `# edunorm-disable county-teacher-pay-parity -- 县里统一处理\napiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130925201", name: 第二中学, level: junior${district} }\nfiscalYear: 2025\nstaff: []\n`;
  const unusedOf = async (text: string) => (await check(text, { reportUnusedDirectives: true, locale: 'en' })).findings.filter((f) => f.ruleId === 'directive/unused').map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`);

  it('in a document that links to no district: unused at once (no join will ever see the file)', async () => {
    expect(await unusedOf(staffing(''))).toEqual([expect.stringMatching(/^1:1 .*county-teacher-pay-parity/)]);
  });

  it('in a linked document: left to the join, which knows the county’s findings', async () => {
    expect(await unusedOf(staffing(', district: "130925"'))).toEqual([]);
  });
});
