/**
 * The optional fields of documents.md "Version 2 additions": accepted with their types and
 * units, documented for hover/completion, importable from Chinese headers, and the
 * parts-larger-than-whole diagnostic on district counts.
 */
import { describe, expect, it } from 'vitest';
import { check, schemaAt, type Finding } from '../packages/core/src/index.js';
import { layoutFor, normalizeHeader } from '../packages/cli/src/import/field-mapping.js';

const brief = (f: Finding) => ({ id: f.ruleId, severity: f.severity, line: f.range.start.line, column: f.range.start.column });

const district = (indicators: string) => `apiVersion: edunorm/v1
kind: DistrictIndicators
district: { code: "130900", name: xxx市, type: city }
year: 2025
indicators:
${indicators}`;

describe('the v2 fields of documents.md', () => {
  it('a SchoolBudget with every v2 field gets no structural finding', async () => {
    const text = `apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130925008"
  name: 第八中学
  level: junior
  district: "130925"
  pupils: 860
fiscalYear: 2025
reference:
  perPupilPublicFundsStandard: 650
budget: { publicFunds: 4800000, teacherTraining: 240000 }
performancePay:
  approvedTotal: 3600000
  distributed: 3550000
  serviceIncomeRewards: 0
`;
    const r = await check(text);
    expect(r.findings.filter((f) => f.ruleId.startsWith('schema/')).map(brief)).toEqual([]);
  });

  it('a Staffing file with every v2 field gets no structural finding', async () => {
    const text = `apiVersion: edunorm/v1
kind: Staffing
school: { code: "130925101", name: 李庄小学, level: primary, district: "130925", rural: true }
fiscalYear: 2025
reference:
  approvedEstablishment: 30
  civilServantRewardSubsidy: 12000
  townshipAllowanceStandard: 300
staff:
  - id: T001
    name: 张三
    role: teacher
    inEstablishment: true
    outsourced: false
    supplementaryPerformancePay: 12000
    townshipAllowance: 300
`;
    const r = await check(text);
    expect(r.findings.filter((f) => f.ruleId.startsWith('schema/')).map(brief)).toEqual([]);
  });

  it('a DistrictIndicators file with every v2 field gets no structural finding', async () => {
    const text = `apiVersion: edunorm/v1
kind: DistrictIndicators
district: { code: "130925", name: xx县, type: county }
year: 2025
reference:
  localCivilServantAvgSalary: 96000
indicators:
  vocationalPlacesAdded: 9000
  povertyDropouts: 0
  migrantChildrenEligible: 5200
  migrantChildrenInPublicSchools: 5100
  afterSchoolDemand: 30000
  afterSchoolServed: 29000
  disabledChildrenSchoolAge: 420
  disabledChildrenServed: 415
  digitalTeachingCoverage: 0.96
  digitalLearningCoverage: 0.91
  digitalCampusCoverage: 0.88
`;
    const r = await check(text);
    expect(r.findings.filter((f) => f.ruleId.startsWith('schema/')).map(brief)).toEqual([]);
  });

  it('counts are whole numbers, coverages fractions, money numbers: wrong values get structural findings', async () => {
    const r = await check(district('  povertyDropouts: 1.5\n  digitalCampusCoverage: 88\n  vocationalPlacesAdded: "9,000"\n'));
    expect(r.findings.filter((f) => f.ruleId.startsWith('schema/')).map(brief)).toEqual([
      { id: 'schema/type', severity: 'error', line: 6, column: 20 },
      { id: 'schema/range', severity: 'error', line: 7, column: 26 },
      { id: 'schema/type', severity: 'error', line: 8, column: 26 },
    ]);
  });

  it('every v2 field has a zh-CN and en description and a unit where it is a number', () => {
    const fields: [Parameters<typeof schemaAt>[0], (string | number)[], string | undefined][] = [
      ['SchoolBudget', ['school', 'district'], undefined],
      ['SchoolBudget', ['school', 'pupils'], 'count'],
      ['SchoolBudget', ['reference', 'perPupilPublicFundsStandard'], 'yuan'],
      ['SchoolBudget', ['performancePay', 'approvedTotal'], 'yuan'],
      ['SchoolBudget', ['performancePay', 'distributed'], 'yuan'],
      ['SchoolBudget', ['performancePay', 'serviceIncomeRewards'], 'yuan'],
      ['Staffing', ['school', 'district'], undefined],
      ['Staffing', ['school', 'rural'], undefined],
      ['Staffing', ['reference', 'approvedEstablishment'], 'count'],
      ['Staffing', ['reference', 'civilServantRewardSubsidy'], 'yuan'],
      ['Staffing', ['reference', 'townshipAllowanceStandard'], 'yuan'],
      ['Staffing', ['staff', 0, 'inEstablishment'], undefined],
      ['Staffing', ['staff', 0, 'outsourced'], undefined],
      ['Staffing', ['staff', 0, 'supplementaryPerformancePay'], 'yuan'],
      ['Staffing', ['staff', 0, 'townshipAllowance'], 'yuan'],
      ['DistrictIndicators', ['reference', 'localCivilServantAvgSalary'], 'yuan'],
      ...(['vocationalPlacesAdded', 'povertyDropouts', 'migrantChildrenEligible', 'migrantChildrenInPublicSchools', 'afterSchoolDemand', 'afterSchoolServed', 'disabledChildrenSchoolAge', 'disabledChildrenServed'].map(
        (k) => ['DistrictIndicators', ['indicators', k], 'count'] as [Parameters<typeof schemaAt>[0], string[], string],
      )),
      ...(['digitalTeachingCoverage', 'digitalLearningCoverage', 'digitalCampusCoverage'].map(
        (k) => ['DistrictIndicators', ['indicators', k], 'fraction'] as [Parameters<typeof schemaAt>[0], string[], string],
      )),
    ];
    for (const [kind, path, unit] of fields) {
      const s = schemaAt(kind, path);
      expect(s, path.join('.')).toBeDefined();
      const d = s!['x-doc'] as { 'zh-CN': string; en: string };
      expect(d['zh-CN'], path.join('.')).toMatch(/[\u4e00-\u9fff]/);
      expect(d.en, path.join('.')).toMatch(/[A-Za-z]{3,}/);
      expect(s!['x-unit'], path.join('.')).toBe(unit);
    }
  });

  it('import maps the Chinese names of documents.md to the v2 fields', () => {
    const headers: [Parameters<typeof layoutFor>[0], string, string][] = [
      ['SchoolBudget', '所属县(市、区)代码', 'school.district'],
      ['SchoolBudget', '在校生数', 'school.pupils'],
      ['SchoolBudget', '省定生均公用经费拨款标准', 'reference.perPupilPublicFundsStandard'],
      ['SchoolBudget', '核定绩效工资总量', 'performancePay.approvedTotal'],
      ['SchoolBudget', '实际分配的绩效工资', 'performancePay.distributed'],
      ['SchoolBudget', '中职技术服务、技术培训收益用于人员奖励部分', 'performancePay.serviceIncomeRewards'],
      ['Staffing', '乡村学校', 'school.rural'],
      ['Staffing', '核定教职工编制数', 'reference.approvedEstablishment'],
      ['Staffing', '当地公务员奖励性补贴', 'reference.civilServantRewardSubsidy'],
      ['Staffing', '乡镇工作补贴标准', 'reference.townshipAllowanceStandard'],
      ['Staffing', '在编', 'inEstablishment'],
      ['Staffing', '通过购买服务方式聘用', 'outsourced'],
      ['Staffing', '本年度补充绩效工资', 'supplementaryPerformancePay'],
      ['Staffing', '乡镇工作补贴', 'townshipAllowance'],
      ['DistrictIndicators', '当地公务员年平均工资收入', 'reference.localCivilServantAvgSalary'],
      ['DistrictIndicators', '2021 年以来中职累计扩建学位', 'indicators.vocationalPlacesAdded'],
      ['DistrictIndicators', '因贫失学辍学人数', 'indicators.povertyDropouts'],
      ['DistrictIndicators', '符合入学条件的外来务工人员随迁子女', 'indicators.migrantChildrenEligible'],
      ['DistrictIndicators', '其中在公办学校就读', 'indicators.migrantChildrenInPublicSchools'],
      ['DistrictIndicators', '有课后服务需求的小学生', 'indicators.afterSchoolDemand'],
      ['DistrictIndicators', '其中享受校内课后服务', 'indicators.afterSchoolServed'],
      ['DistrictIndicators', '适龄残疾儿童少年', 'indicators.disabledChildrenSchoolAge'],
      ['DistrictIndicators', '其中入学(特教学校、随班就读、送教上门)', 'indicators.disabledChildrenServed'],
      ['DistrictIndicators', '教学应用覆盖教师的比例', 'indicators.digitalTeachingCoverage'],
      ['DistrictIndicators', '学习应用覆盖适龄学生的比例', 'indicators.digitalLearningCoverage'],
      ['DistrictIndicators', '数字校园建设覆盖学校的比例', 'indicators.digitalCampusCoverage'],
    ];
    for (const [kind, header, key] of headers) {
      const layout = layoutFor(kind);
      const fields = [...layout.block, ...(layout.table?.columns ?? [])];
      const matching = fields.filter((f) => f.aliases.some((a) => normalizeHeader(a) === normalizeHeader(header)));
      expect(matching.map((f) => f.key), `${kind}: ${header}`).toEqual([key]);
    }
  });
});

describe('schema/part-exceeds-whole', () => {
  it.each([
    ['migrantChildrenInPublicSchools', 'migrantChildrenEligible', '  migrantChildrenEligible: 5200\n  migrantChildrenInPublicSchools: 5300\n', 7, 35],
    ['afterSchoolServed', 'afterSchoolDemand', '  afterSchoolServed: 30001\n  afterSchoolDemand: 30000\n', 6, 22],
    ['disabledChildrenServed', 'disabledChildrenSchoolAge', '  disabledChildrenSchoolAge: 420\n  disabledChildrenServed: 421\n', 7, 27],
  ])('%s larger than %s is an error on the part', async (part, whole, body, line, column) => {
    const [zh, en] = await Promise.all([check(district(body), { locale: 'zh-CN' }), check(district(body), { locale: 'en' })]);
    const mine = zh.findings.filter((f) => f.ruleId === 'schema/part-exceeds-whole');
    expect(mine.map(brief)).toEqual([{ id: 'schema/part-exceeds-whole', severity: 'error', line, column }]);
    expect(mine[0]!.path).toBe(`indicators.${part}`);
    expect(mine[0]!.message).toContain(`大于它所属的总数 \`indicators.${whole}\``);
    expect(mine[0]!.related?.[0]?.path).toBe(`indicators.${whole}`);
    expect(en.findings.find((f) => f.ruleId === 'schema/part-exceeds-whole')!.message).toContain('A part cannot exceed its total');
  });

  it('a part equal to its whole, a missing whole, or a non-number is not a part-exceeds-whole finding', async () => {
    for (const body of [
      '  afterSchoolDemand: 30000\n  afterSchoolServed: 30000\n',
      '  afterSchoolServed: 30000\n',
      '  migrantChildrenEligible: "5,000"\n  migrantChildrenInPublicSchools: 5100\n',
      '  disabledChildrenSchoolAge: -3\n  disabledChildrenServed: 1\n',
    ]) {
      const r = await check(district(body));
      expect(r.findings.filter((f) => f.ruleId === 'schema/part-exceeds-whole'), body).toEqual([]);
    }
  });
});
