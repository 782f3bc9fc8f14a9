/**
 * The sense checks (rules/plausibility, ids `plausibility/...`): each fires on the case that
 * issue 15 reports, on its line and column, as a warning in both languages; each is configured
 * like any rule; none fires on the bundled examples.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack, check, testRulePack, type RuleDefinition } from '../packages/core/src/index.js';
import { loadRulePackFromDirectory } from '../packages/core/src/node.js';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const pack = loadRulePackFromDirectory(join(ROOT, 'rules', 'plausibility'));

describe('the sense-check pack', () => {
  it('is embedded in the built-in pack with the norms', () => {
    const embedded = builtinPack().rules.filter((r) => r.id.startsWith('plausibility/'));
    expect(embedded.map((r) => [r.id, r.params, r.outcomes])).toEqual(pack.rules.map((r) => [r.id, r.params, r.outcomes]));
    expect(pack.rules.length).toBeGreaterThanOrEqual(11);
  });
});

describe.each(pack.rules.map((r) => [r.id, r] as [string, RuleDefinition]))('%s', (id, rule) => {
  it('is a warning named plausibility/<file>, with zh-CN and en text and its own passing test cases', async () => {
    expect(id).toBe(`plausibility/${rule.source.file.split('/').pop()!.replace(/\.yaml$/, '')}`);
    expect(rule.severity).toBe('warning');
    for (const text of [rule.title, rule.description, ...rule.outcomes.map((o) => o.message)]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).toMatch(/[A-Za-z]{3,}/);
      expect((text.en.match(/[\u4e00-\u9fff]/gu) ?? []).length / text.en.length, text.en).toBeLessThan(0.1);
    }
    const report = await testRulePack({ name: 'plausibility', rules: [rule] });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(4);
  });
});

const budget = (school: string, budgetLines: string) => `apiVersion: edunorm/v1
kind: SchoolBudget
school:
${school}
fiscalYear: 2025
budget:
${budgetLines}
`;
const staffing = (staff: string, reference = '') => `apiVersion: edunorm/v1
kind: Staffing
school: { code: "130902101", name: 李庄小学, level: primary }
fiscalYear: 2025
${reference}staff:
${staff}
`;

/** The cases of issue 15, each with where its warning must be. */
/** `at`: the value as written on that line; the finding's column is where it starts. */
const CASES: { name: string; text: string; ruleId: string; line: number; at: string; zh: string; en: string }[] = [
  {
    name: 'training funds of 187% of public funds',
    text: budget('  code: "130902101"\n  name: 李庄小学\n  level: primary', '  publicFunds: 400000\n  teacherTraining: 748000'),
    ruleId: 'plausibility/training-over-public-funds',
    line: 10,
    at: '748000',
    zh: '是公用经费预算总额 400,000 元的 187%',
    en: '187% of the public-funds budget',
  },
  {
    name: 'annualSalary 9800 beside baseSalary 98000',
    text: staffing('  - id: T001\n    name: 张老师\n    role: teacher\n    annualSalary: 9800\n    baseSalary: 98000'),
    ruleId: 'plausibility/annual-salary-below-monthly',
    line: 9,
    at: '9800',
    zh: '年工资收入 9,800 元,还不到基本工资每月 98,000 元的 10 倍',
    en: 'was a monthly figure written in annualSalary',
  },
  {
    name: 'hiredYear 2031 in fiscal year 2025',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, hiredYear: 2031 }'),
    ruleId: 'plausibility/hired-after-fiscal-year',
    line: 6,
    at: '2031',
    zh: '入职年份 2031 晚于本表年度 2025',
    en: 'hired in 2031, after the fiscal year 2025',
  },
  {
    name: '36,000 training hours',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, trainingHours5y: 36000 }'),
    ruleId: 'plausibility/training-hours-impossible',
    line: 6,
    at: '36000',
    zh: '近五年培训 36000 学时',
    en: '36000 training hours in five years',
  },
  {
    name: 'an allowance on a teacher who is not a class teacher',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, classTeacher: false, classTeacherAllowance: 800 }'),
    ruleId: 'plausibility/allowance-without-class-teacher',
    line: 6,
    at: '800',
    zh: '不是班主任',
    en: 'is not a class teacher',
  },
  {
    name: 'a subsidy without specialEducation',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, baseSalary: 4400, specialEdSubsidy: 660 }'),
    ruleId: 'plausibility/subsidy-without-special-education',
    line: 6,
    at: '660',
    zh: '没有标明是特殊教育教师',
    en: 'not marked as a special-education teacher',
  },
  {
    name: 'provincialModel: true on a primary school',
    text: budget('  code: "130902101"\n  name: 李庄小学\n  level: primary\n  provincialModel: true', '  publicFunds: 4800000\n  teacherTraining: 240000'),
    ruleId: 'plausibility/provincial-model-not-senior',
    line: 7,
    at: 'true',
    zh: '本校学段为小学,不是普通高中或完全中学',
    en: 'This school is a primary school',
  },
  {
    name: 'highLevelTalent on a senior school',
    text: budget('  code: "1"\n  name: 第一中学\n  level: senior\n  highLevelTalent: true', '  publicFunds: 4800000\n  teacherTraining: 240000'),
    ruleId: 'plausibility/high-level-talent-not-higher',
    line: 7,
    at: 'true',
    zh: '不是高等学校',
    en: 'not a higher-education institution',
  },
  {
    name: 'public funds written in 万元',
    text: budget('  code: "130902101"\n  name: 李庄小学\n  level: primary', '  publicFunds: 480\n  teacherTraining: 24'),
    ruleId: 'plausibility/public-funds-in-wan',
    line: 9,
    at: '480',
    zh: '是否按“万元”填写了',
    en: 'written in 10,000 yuan',
  },
  {
    name: 'a year of subsidy in the monthly field',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, specialEducation: true, baseSalary: 4400, specialEdSubsidy: 7920 }'),
    ruleId: 'plausibility/subsidy-over-base-salary',
    line: 6,
    at: '7920',
    zh: '超过了本人每月基本工资 4,400 元',
    en: 'was a yearly figure written?',
  },
  {
    name: 'a salary in fen',
    text: staffing('  - { id: T001, name: 张老师, role: teacher, annualSalary: 9800000 }', 'reference: { localCivilServantAvgSalary: 96000 }\n'),
    ruleId: 'plausibility/salary-far-above-reference',
    line: 7,
    at: '9800000',
    zh: '是当地公务员年平均工资收入 96,000 元的 10 倍以上',
    en: 'was it written in fen',
  },
];

describe('each case of issue 15 gets its warning on its line and column', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const zh = (await check(c.text, { locale: 'zh-CN' })).findings.filter((f) => f.ruleId.startsWith('plausibility/'));
    const line = c.text.split('\n')[c.line - 1]!;
    const column = line.lastIndexOf(c.at) + 1;
    expect(column).toBeGreaterThan(0);
    expect(zh.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.column}`)).toEqual([`${c.ruleId} warning ${c.line}:${column}`]);
    expect(zh[0]!.message).toContain(c.zh);
    const en = (await check(c.text, { locale: 'en' })).findings.find((f) => f.ruleId === c.ruleId)!;
    expect(en.message).toContain(c.en);
  });
});

describe('configured like any rule', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-plausibility-'));
    writeFileSync(join(dir, 'budget.yaml'), CASES[0]!.text);
    writeFileSync(join(dir, 'staff.yaml'), CASES[2]!.text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns by default (exit 0), fails as an error when raised, disappears when off, takes params', () => {
    const plain = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    const ids = (out: string) => (JSON.parse(out) as { files: { findings: { ruleId: string; severity: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.severity}`)).sort();
    expect(ids(plain.stdout)).toEqual(['plausibility/hired-after-fiscal-year warning', 'plausibility/training-over-public-funds warning']);
    writeFileSync(
      join(dir, 'edunorm.config.yaml'),
      'rules:\n  plausibility/training-over-public-funds: error\n  plausibility/hired-after-fiscal-year: off\n',
    );
    const raised = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(raised.code).toBe(1);
    expect(ids(raised.stdout)).toEqual(['plausibility/training-over-public-funds error']);
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  plausibility/training-over-public-funds:\n    params: { maxShare: 2 }\n');
    expect(ids(runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['plausibility/hired-after-fiscal-year warning']);
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  plausibility/training-over-public-fund: off\n');
    const typo = runCli(['check', '.'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "plausibility/training-over-public-funds"');
    rmSync(join(dir, 'edunorm.config.yaml'));
  });

  it('is listed by edunorm rules and explained by edunorm explain', () => {
    const rules = runCli(['rules', '--locale', 'zh-CN'], { cwd: dir });
    expect(rules.stdout).toMatch(/plausibility\/hired-after-fiscal-year\s+Staffing\s+警告/);
    const explain = runCli(['explain', 'plausibility/public-funds-in-wan', '--locale', 'zh-CN'], { cwd: dir });
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('公用经费少得不合常理');
    expect(explain.stdout).toContain('plausibility-public-funds-in-wan.md');
  });

  it('never fires on the bundled examples', async () => {
    const r = runCli(['check', 'examples/', '--format', 'json']);
    expect(r.stdout).not.toContain('plausibility/');
  });
});
