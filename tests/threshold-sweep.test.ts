/**
 * norms.md "Messages, every rule": for every rule of the pack, a value just past its threshold
 * (2e-9 past for fractions and multipliers, 1.01 yuan past for money with its 1-yuan tolerance,
 * one unit for counts) gives the rule's finding, the actual and the required figure print
 * differently, and no difference prints as 0 ("差 0", "short by 0").
 */
import { describe, expect, it } from 'vitest';
import { check } from '../packages/core/src/index.js';
import { NORM_IDS } from './helpers/norm-ids.js';

const budget = (school: string, rest: string) =>
  `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130925008", name: 第八中学, ${school} }\nfiscalYear: 2025\n${rest}`;
const staffing = (school: string, rest: string) =>
  `apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130925008", name: 第八中学, ${school} }\nfiscalYear: 2025\n${rest}`;
const district = (type: string, year: number, indicators: string, rest = '') =>
  `apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130925", name: xx县, type: ${type} }\nyear: ${year}\nindicators: { ${indicators} }\n${rest}`;
const teachers = (n: number, fields: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `  - { id: T${String(i + 1).padStart(4, '0')}, name: 教师${i + 1}, role: teacher${fields(i)} }`).join('\n');
const FUNDS = 'budget: { publicFunds: 4000000, teacherTraining: 200000 }\n';

interface Sweep {
  rule: string;
  name: string;
  document: string;
  /** Captures (actual, required) in the zh-CN message; absent when the rule has no figure pair (a flag, a note). */
  figures?: RegExp;
}

const FRACTION_STEP = 2e-9;

const SWEEPS: Sweep[] = [
  { rule: 'teacher-training-funds', name: '1.01 yuan below 5%', document: budget('level: junior', 'budget: { publicFunds: 4000000, teacherTraining: 199998.99 }\n'), figures: /占公用经费 ([\d.,]+%),低于 ([\d.,]+%)/ },
  { rule: 'performance-pay-model-high-school', name: 'just below 1:1.5', document: budget('level: senior, provincialModel: true', `${FUNDS}performancePay: { multiplier: ${1.5 - FRACTION_STEP} }\n`), figures: /水平 1:([\d.]+),低于 1:([\d.]+) 至/ },
  { rule: 'performance-pay-control-line', name: 'just above 1:1.1', document: budget('level: senior', `${FUNDS}performancePay: { multiplier: ${1.1 + FRACTION_STEP} }\n`), figures: /水平 1:([\d.]+),超过控制线 1:([\d.]+)/ },
  { rule: 'performance-pay-higher-education', name: 'just above 1:2', document: budget('level: higher', `${FUNDS}performancePay: { multiplier: ${2 + 2 * FRACTION_STEP} }\n`), figures: /水平 1:([\d.]+),超过上限 1:([\d.]+)/ },
  { rule: 'per-pupil-public-funds', name: '1.01 yuan below 650 × 860', document: budget('level: junior, pupils: 860', 'reference: { perPupilPublicFundsStandard: 650 }\nbudget: { publicFunds: 558998.99, teacherTraining: 27950 }\n'), figures: /预算 ([\d.,]+) 元,低于.*= ([\d.,]+) 元/ },
  { rule: 'performance-pay-within-total', name: '1.01 yuan above the total', document: budget('level: junior', `${FUNDS}performancePay: { approvedTotal: 3600000, distributed: 3600001.01 }\n`), figures: /绩效工资 ([\d.,]+) 元,超过核定绩效工资总量 ([\d.,]+) 元/ },
  { rule: 'class-teacher-allowance', name: '1.01 yuan below 25%', document: staffing('level: junior', 'reference: { localAvgMonthlyPerformancePay: 3200 }\nstaff:\n' + teachers(1, () => ', classTeacher: true, classTeacherAllowance: 798.99')), figures: /每月 ([\d.,]+) 元,.*应不少于 ([\d.,]+) 元/ },
  { rule: 'special-education-subsidy', name: '1.01 yuan below 15%', document: staffing('level: special', 'staff:\n' + teachers(1, () => ', specialEducation: true, baseSalary: 4400, specialEdSubsidy: 658.99')), figures: /每月 ([\d.,]+) 元,.*应为 ([\d.,]+) 元/ },
  { rule: 'teacher-pay-parity', name: '1.01 yuan below the civil servants', document: staffing('level: junior', 'reference: { localCivilServantAvgSalary: 96000 }\nstaff:\n' + teachers(1, () => ', annualSalary: 95998.99')), figures: /收入 ([\d.,]+) 元,低于当地公务员平均工资收入 ([\d.,]+) 元/ },
  { rule: 'non-teaching-staff-share', name: '9 of 112 just above 8%', document: staffing('level: primary', 'staff:\n' + teachers(103, () => '') + '\n' + Array.from({ length: 9 }, (_, i) => `  - { id: M${i}, name: 职工${i}, role: logistics }`).join('\n')), figures: /的 ([\d.]+%),高于 ([\d.]+%) 的上限/ },
  { rule: 'senior-post-share', name: '31 of 103 just above 30%', document: staffing('level: junior', 'staff:\n' + teachers(103, (i) => (i < 31 ? ', title: senior' : ', title: first'))), figures: /的 ([\d.]+%),超过 ([\d.]+%) 的岗位比例/ },
  { rule: 'senior-title-rural-service', name: 'just below 1 year', document: staffing('level: junior', 'staff:\n' + teachers(1, () => `, seniorTitleApplicant: true, ruralServiceYears: ${1 - 2e-6}`)), figures: /任教 ([\d.]+) 年,不足 ([\d.]+) 年/ },
  { rule: 'teacher-training-hours', name: 'just below 360 hours', document: staffing('level: junior', 'staff:\n' + teachers(1, () => ', trainingHours5y: 359.9999')), figures: /培训 ([\d.]+) 学时,少于 5 年一周期 ([\d.]+) 学时/ },
  { rule: 'teacher-training-hours', name: 'just below the pro-rated 144 hours', document: staffing('level: junior', 'staff:\n' + teachers(1, () => ', hiredYear: 2024, trainingHours5y: 143.9999')), figures: /培训 ([\d.]+) 学时,少于按年折算的 ([\d.]+) 学时/ },
  { rule: 'new-teacher-certification', name: 'a new teacher without certificate', document: staffing('level: junior', 'staff:\n' + teachers(1, () => ', hiredYear: 2025, certified: false')) },
  { rule: 'substitute-teacher-age-relief', name: 'exactly 2 years', document: staffing('level: junior', 'staff:\n' + teachers(1, () => ', substitute: true, yearsOfService: 2')) },
  { rule: 'supplementary-performance-pay', name: '1.01 yuan below the subsidy', document: staffing('level: primary', 'reference: { civilServantRewardSubsidy: 12000 }\nstaff:\n' + teachers(1, () => ', supplementaryPerformancePay: 11998.99')), figures: /补充绩效工资 ([\d.,]+) 元,低于当地公务员奖励性补贴 ([\d.,]+) 元/ },
  { rule: 'establishment-cap', name: 'one over', document: staffing('level: primary', 'reference: { approvedEstablishment: 2 }\nstaff:\n' + teachers(3, () => ', inEstablishment: true')), figures: /在编教职工 (\d+) 人,超过核定教职工编制数 (\d+) 人/ },
  { rule: 'equal-pay-non-establishment', name: '1.01 yuan below the same-title mean', document: staffing('level: primary', 'staff:\n' + teachers(2, (i) => (i === 0 ? ', title: first, inEstablishment: true, annualSalary: 98000' : ', title: first, inEstablishment: false, certified: true, annualSalary: 97998.99'))), figures: /收入 ([\d.,]+) 元,低于本校同职称在编教师.*?平均年工资收入 ([\d.,]+) 元/ },
  { rule: 'substitute-teacher-certification', name: 'an uncertified substitute', document: staffing('level: primary', 'staff:\n' + teachers(1, () => ', substitute: true, certified: false')) },
  { rule: 'township-allowance', name: '1.01 yuan below the standard', document: staffing('level: primary, rural: true', 'reference: { townshipAllowanceStandard: 300 }\nstaff:\n' + teachers(1, () => ', townshipAllowance: 298.99')), figures: /每月 ([\d.,]+) 元,低于标准 ([\d.,]+) 元/ },
  { rule: 'compulsory-retention-rate', name: 'just below 98% in 2025', document: district('city', 2025, `compulsoryRetentionRate: ${0.98 - FRACTION_STEP}`), figures: /巩固率 ([\d.]+%),低于“十四五”目标 ([\d.]+%)/ },
  { rule: 'compulsory-retention-rate', name: 'just below the 2022 path', document: district('city', 2022, `compulsoryRetentionRate: ${0.9758 - FRACTION_STEP}`), figures: /巩固率 ([\d.]+%),落后于进度.*?应达到 ([\d.]+%)/ },
  { rule: 'standardized-school-rate', name: 'just below 92% in 2025', document: district('city', 2025, `standardizedSchoolRate: ${0.92 - FRACTION_STEP}`), figures: /标准化率 ([\d.]+%),低于“十四五”目标 ([\d.]+%)/ },
  { rule: 'standardized-school-rate', name: 'just below the 2023 path', document: district('city', 2023, `standardizedSchoolRate: ${0.904 - FRACTION_STEP}`), figures: /标准化率 ([\d.]+%),落后于进度.*?应达到 ([\d.]+%)/ },
  { rule: 'vocational-general-balance', name: 'just below 45%', document: district('city', 2025, `vocationalEnrollmentShare: ${0.45 - FRACTION_STEP}`), figures: /招生的 ([\d.]+%),低于职普大体相当的区间 ([\d.]+%) 至/ },
  { rule: 'young-teacher-forums', name: 'none held', document: district('city', 2025, 'youngTeacherForums: 0'), figures: /演讲 (\d+) 次,少于每学年 (\d+) 至/ },
  { rule: 'small-school-consolidation', name: 'exactly 100 pupils', document: district('county', 2025, '', 'schools:\n  - { code: "1", name: 李庄小学, level: primary, enrollment: 100 }\n') },
  { rule: 'county-1-2-3-plan', name: 'one school short', document: district('county', 2025, '', 'schools:\n  - { code: "1", name: 一中, level: senior, designation: quality-senior }\n  - { code: "2", name: 二中, level: junior, designation: high-quality-junior }\n  - { code: "3", name: 三中, level: junior, designation: high-quality-junior }\n  - { code: "4", name: 四中, level: junior, designation: standardized-township-junior }\n  - { code: "5", name: 五中, level: junior, designation: standardized-township-junior }\n'), figures: /标准化乡镇初中 (\d+) 所\(应至少 (\d+) 所\)/ },
  { rule: 'county-full-standardization', name: 'just below 100%', document: district('county', 2025, `standardizedSchoolRate: ${1 - FRACTION_STEP}`), figures: /标准化率 ([\d.]+%),尚未实现标准化学校全覆盖\(应达到 ([\d.]+%)/ },
  { rule: 'vocational-places-expansion', name: 'one place short in 2025', document: district('city', 2025, 'vocationalPlacesAdded: 16999'), figures: /学位 (\d+) 个,少于“十四五”扩建 (\d+) 个/ },
  { rule: 'vocational-places-expansion', name: 'one place behind the 2022 path', document: district('city', 2022, 'vocationalPlacesAdded: 6799'), figures: /学位 (\d+) 个,落后于进度.*?应达到 (\d+) 个/ },
  { rule: 'zero-poverty-dropout', name: 'one pupil', document: district('city', 2025, 'povertyDropouts: 1'), figures: /辍学 (\d+) 人,应为 (\d+) 人/ },
  { rule: 'migrant-children-public-schools', name: 'one child short', document: district('city', 2025, 'migrantChildrenEligible: 5200, migrantChildrenInPublicSchools: 5199'), figures: /就读 (\d+) 人,还有/ },
  { rule: 'after-school-service-coverage', name: 'one pupil short', document: district('city', 2025, 'afterSchoolDemand: 30000, afterSchoolServed: 29999'), figures: /小学生 (\d+) 人,享受校内课后服务 (\d+) 人/ },
  { rule: 'special-needs-full-coverage', name: 'one child short', document: district('city', 2025, 'disabledChildrenSchoolAge: 420, disabledChildrenServed: 419'), figures: /少年 (\d+) 人,入学 (\d+) 人/ },
  { rule: 'digital-full-coverage', name: 'just below 100%', document: district('city', 2025, `digitalTeachingCoverage: ${1 - FRACTION_STEP}`), figures: /比例 ([\d.]+%),未达到覆盖全体教师的目标 ([\d.]+%)/ },
];

/** A difference printed as zero: "差 0 个百分点", "少 0 元", "short by 0 yuan", "(0 short)". */
const ZERO_ZH = /(?:差|少|多|超出|还差|共缺|比下限低|比上限高) ?0(?![.\d])/;
const ZERO_EN = /(?:short by|over by|by) 0(?![.\d])|\(0 (?:short|over|too many|percentage)|; 0 (?:short|over|too many|still)/;

describe('every rule, just past its threshold', () => {
  it('covers all 33 norms', () => {
    expect([...new Set(SWEEPS.map((s) => s.rule))].sort()).toEqual([...NORM_IDS].sort());
  });

  it.each(SWEEPS.map((s) => [`${s.rule}: ${s.name}`, s] as const))('%s', async (_label, sweep) => {
    const [zh, en] = await Promise.all([check(sweep.document, { locale: 'zh-CN' }), check(sweep.document, { locale: 'en' })]);
    const mine = zh.findings.filter((f) => f.ruleId === sweep.rule);
    const mineEn = en.findings.filter((f) => f.ruleId === sweep.rule);
    expect(mine.length, `${sweep.rule} fires`).toBeGreaterThan(0);
    expect(zh.findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('yaml/'))).toEqual([]);
    for (const f of mine) expect(f.message, f.message).not.toMatch(ZERO_ZH);
    for (const f of mineEn) expect(f.message, f.message).not.toMatch(ZERO_EN);
    if (sweep.figures) {
      const m = mine.map((f) => sweep.figures!.exec(f.message)).find(Boolean);
      expect(m, `${mine.map((f) => f.message).join(' | ')} matches ${sweep.figures}`).toBeTruthy();
      if (m![2] !== undefined) expect(m![1], m![0]).not.toBe(m![2]);
    }
  });
});
