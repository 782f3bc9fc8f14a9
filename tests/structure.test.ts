import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../packages/core/src/index.js';
import { schoolBudget } from './helpers/budget-fixture.js';

const brief = (f: Finding) => ({ id: f.ruleId, severity: f.severity, at: `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}` });


describe('structure findings', () => {
  it('money written with thousands separators: schema/type on the value, with a fix to the number', async () => {
    const r = await check(schoolBudget('budget:\n  publicFunds: "4,800,000"\n  teacherTraining: 240000\n'), { locale: 'zh-CN' });
    expect(r.findings.map(brief)).toEqual([{ id: 'schema/type', severity: 'error', at: '9:16-9:27' }]);
    const f = r.findings[0]!;
    expect(f.message).toContain('金额应为数字');
    expect(f.message).toContain('不要加千位分隔符');
    expect(f.fix?.newText).toBe('4800000');
    expect(f.fix?.range.start).toMatchObject({ line: 9, column: 16 });
    expect(f.path).toBe('budget.publicFunds');
  });

  it('a misspelt key: schema/unknown-key warning on the key with "did you mean", and the missing field on its parent', async () => {
    const r = await check(schoolBudget('budget:\n  publicFunds: 4800000\n  teacherTrainning: 240000\n'), { locale: 'en' });
    expect(r.findings.map(brief)).toEqual([
      { id: 'schema/required', severity: 'error', at: '8:1-8:7' },
      { id: 'schema/unknown-key', severity: 'warning', at: '10:3-10:19' },
    ]);
    expect(r.findings[1]!.message).toBe('Unknown field `teacherTrainning`. Did you mean `teacherTraining` (Teacher-training funds (yuan))?');
    expect(r.findings[1]!.fix?.newText).toBe('teacherTraining');
    expect(r.findings[0]!.message).toContain('budget.teacherTraining');
  });

  it('a rate written as a percentage: schema/range with a fix to the fraction', async () => {
    const text = `apiVersion: edunorm/v1
kind: DistrictIndicators
district: { code: "130900", name: xxx市, type: city }
year: 2025
indicators:
  compulsoryRetentionRate: 97.5
  standardizedSchoolRate: "93%"
`;
    const r = await check(text, { locale: 'zh-CN' });
    const structural = r.findings.filter((f) => f.ruleId.startsWith('schema/'));
    expect(structural.map(brief)).toEqual([
      { id: 'schema/range', severity: 'error', at: '6:28-6:32' },
      { id: 'schema/type', severity: 'error', at: '7:27-7:32' },
    ]);
    expect(structural[0]!.fix?.newText).toBe('0.975');
    expect(structural[0]!.message).toContain('0 到 1 之间的小数');
    expect(structural[1]!.fix?.newText).toBe('0.93');
  });

  it('an unknown enum value gets "did you mean" and a fix', async () => {
    const r = await check(schoolBudget('budget: { publicFunds: 1, teacherTraining: 1 }\n').replace('level: junior', 'level: Junoir'), { locale: 'en' });
    const f = r.findings.find((x) => x.ruleId === 'schema/enum')!;
    expect(brief(f)).toEqual({ id: 'schema/enum', severity: 'error', at: '6:10-6:16' });
    expect(f.message).toContain('Did you mean `junior`?');
    expect(f.fix?.newText).toBe('junior');
  });

  it('the allowed codes are listed with what each means (outside review: none、third、second… told a clerk nothing)', async () => {
    const text = 'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nstaff:\n  - { id: T001, name: 张三, role: teacher, title: expert }\n';
    const zh = (await check(text, { locale: 'zh-CN' })).findings.find((x) => x.ruleId === 'schema/enum')!;
    expect(zh.message).toBe('`staff[0].title`(职称) 的值 `expert` 不在可选范围内:none(未定级)、third(三级)、second(二级)、first(一级)、senior(高级)、professor(正高级)。');
    const en = (await check(text, { locale: 'en' })).findings.find((x) => x.ruleId === 'schema/enum')!;
    expect(en.message).toContain('is not one of none (no title yet), third (third-grade teacher),');
  });

  it('a school code written as a number keeps its digits in the fix', async () => {
    const r = await check(schoolBudget('budget: { publicFunds: 1, teacherTraining: 1 }\n').replace('code: "130902008"', 'code: 0130902008'));
    const f = r.findings.find((x) => x.ruleId === 'schema/type')!;
    expect(f.fix?.newText).toBe('"0130902008"');
  });

  it('a missing kind: one finding, on the apiVersion line', async () => {
    const r = await check('apiVersion: edunorm/v1\nschool: {}\n', { locale: 'en' });
    expect(r.findings.map(brief)).toEqual([{ id: 'schema/kind', severity: 'error', at: '1:1-1:11' }]);
  });

  it('an unknown kind: one finding on the kind value, with did-you-mean', async () => {
    const r = await check('apiVersion: edunorm/v1\nkind: Stafing\nschool: {}\n', { locale: 'en' });
    expect(r.findings.map(brief)).toEqual([{ id: 'schema/kind', severity: 'error', at: '2:7-2:14' }]);
    expect(r.findings[0]!.message).toContain('Did you mean `Staffing`?');
  });

  it('duplicate staff ids: one finding on the second id, related to the first', async () => {
    const text = `apiVersion: edunorm/v1
kind: Staffing
school: { code: "1", name: x, level: junior }
fiscalYear: 2025
staff:
  - { id: T001, name: 甲, role: teacher }
  - { id: T001, name: 乙, role: teacher }
`;
    const r = await check(text, { locale: 'en' });
    expect(r.findings.map(brief)).toEqual([{ id: 'duplicate-staff-id', severity: 'error', at: '7:11-7:15' }]);
    expect(r.findings[0]!.related?.[0]?.range.start.line).toBe(6);
  });

  it('a YAML syntax error is located, and the file’s other documents are still checked', async () => {
    const text = `apiVersion: edunorm/v1
kind: SchoolBudget
school: { code: "1", name: x, level: primary
---
apiVersion: edunorm/v1
kind: SchoolBudget
school: { code: "1", name: x, level: primary }
fiscalYear: 2025
budget: { publicFunds: 4000000, teacherTraining: 100 }
`;
    const r = await check(text, { locale: 'en' });
    expect(r.findings.some((f) => f.ruleId === 'yaml/syntax' && f.documentIndex === 0 && f.range.start.line <= 4)).toBe(true);
    const norm = r.findings.find((f) => f.ruleId === 'teacher-training-funds');
    expect(norm?.range.start.line).toBe(9);
    expect(norm?.documentIndex).toBe(1);
  });

  it('duplicate keys are a located error', async () => {
    const r = await check(schoolBudget('budget: { publicFunds: 1, teacherTraining: 1 }\nfiscalYear: 2024\n'));
    expect(r.findings.map(brief)).toContainEqual({ id: 'yaml/duplicate-key', severity: 'error', at: '9:1-9:11' });
  });

  it('a file without apiVersion: edunorm/... is not ours: no findings', async () => {
    const r = await check('name: site\nservices: [web]\n');
    expect(r).toEqual({ isEdunorm: false, fileKind: 'other', findings: [], documents: [], suppressed: [] });
  });

  it('an unsupported apiVersion is one finding on its value', async () => {
    const r = await check('apiVersion: edunorm/v2\nkind: SchoolBudget\n', { locale: 'en' });
    expect(r.findings.map(brief)).toEqual([{ id: 'schema/api-version', severity: 'error', at: '1:13-1:23' }]);
  });
});

describe('precompiled document validators', () => {
  it('report exactly what validators compiled at run time report', async () => {
    const { compileDocumentValidators, documentValidators } = await import('../packages/core/src/schema/ajv-instance.js');
    const fresh = compileDocumentValidators();
    const built = documentValidators();
    const samples: [keyof typeof fresh, unknown][] = [
      ['SchoolBudget', { apiVersion: 'edunorm/v1', kind: 'SchoolBudget', school: { code: 1, name: '', level: 'Junior' }, fiscalYear: 2025.5, budget: { publicFunds: '4,800,000' }, extra: 1 }],
      ['Staffing', { apiVersion: 'edunorm/v1', kind: 'Staffing', school: { code: 'x', name: 'y', level: 'junior' }, fiscalYear: 2025, staff: [{ id: 'T1', role: 'boss', name: '张三', title: 'senior', certified: 'yes' }, 3] }],
      ['DistrictIndicators', { apiVersion: 'edunorm/v1', kind: 'DistrictIndicators', district: { code: 'c', name: 'n', type: 'county' }, year: 2025, indicators: { compulsoryRetentionRate: 97.5 }, schools: [{ code: 's', name: 'n', enrollment: -1 }] }],
      // Names of one character outside the BMP (a surrogate pair) and empty ones: the generated
      // validators count `.length` for minLength 1 (gen-validators.mjs), run-time ajv characters.
      ['Staffing', { apiVersion: 'edunorm/v1', kind: 'Staffing', school: { code: '\u{20000}', name: '', level: 'junior' }, fiscalYear: 2025, staff: [{ id: '\u{1F600}', role: 'teacher', name: '' }, { id: '', role: 'teacher', name: '\u{20000}' }] }],
    ];
    for (const [kind, data] of samples) {
      expect(built[kind](data)).toBe(fresh[kind](data));
      const shape = (errors: typeof fresh.SchoolBudget.errors) => (errors ?? []).map((e) => [e.instancePath, e.keyword, e.params, e.data, (e.parentSchema as { 'x-unit'?: string })?.['x-unit']]);
      expect(shape(built[kind].errors)).toEqual(shape(fresh[kind].errors));
      expect(built[kind].errors?.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('precompiled configuration, rule-file and calculator validators', () => {
  it('report exactly what validators compiled at run time report', async () => {
    const { createAjv } = await import('../packages/core/src/schema/ajv-instance.js');
    const { configValidator, ruleFileValidator, calculatorParamsValidator } = await import('../packages/core/src/schema/validators.js');
    const { configSchema } = await import('../packages/core/src/config-schema.js');
    const { ruleFileSchema } = await import('../packages/core/src/rules/rule-file-schema.js');
    const { CALCULATORS } = await import('../packages/core/src/facts/calculators.js');
    const { WORKSPACE_CALCULATORS } = await import('../packages/core/src/workspace/calculators.js');
    const ajv = createAjv();
    const shape = (errors: { instancePath: string; keyword: string; params: unknown; data?: unknown }[] | null | undefined) => (errors ?? []).map((e) => [e.instancePath, e.keyword, e.params, e.data]);
    const same = (built: ReturnType<typeof configValidator>, schema: object, data: unknown, minErrors: number) => {
      const fresh = ajv.compile(schema);
      expect(built(data)).toBe(fresh(data));
      expect(shape(built.errors)).toEqual(shape(fresh.errors));
      expect(built.errors?.length ?? 0).toBeGreaterThanOrEqual(minErrors);
    };
    same(configValidator(), configSchema, { extends: [''], locale: 'fr', rules: { a: 'loud', b: { severity: 'off', extra: 1 }, c: {} }, other: true }, 3);
    same(configValidator(), configSchema, { extends: ['plan14'], rules: { a: 'warning', b: { params: { x: 1 } } } }, 0);
    same(ruleFileValidator(), ruleFileSchema, { id: 'x', kind: 'Staffing', severity: 'loud', title: { 'zh-CN': '' }, facts: { f: { calculator: 'records' } }, outcomes: [{ when: { all: [] } }] }, 3);
    for (const [name, calc] of Object.entries(CALCULATORS)) {
      same(calculatorParamsValidator(name)!, calc.paramsSchema, { list: 3, value: [], op: 'median', min: { scale: 'x' }, where: { role: { in: 1, notIn: [] } }, unknown: 1 }, 1);
    }
    for (const [name, calc] of Object.entries(WORKSPACE_CALCULATORS)) {
      same(calculatorParamsValidator(name, true)!, calc.paramsSchema, { list: 3, value: [], min: 'x', unknown: 1 }, 1);
    }
    // Names are looked up as own names only, and the two families apart.
    expect(calculatorParamsValidator('constructor')).toBeUndefined();
    expect(calculatorParamsValidator('countyMean')).toBeUndefined();
    expect(calculatorParamsValidator('bounds', true)).toBeUndefined();
  });

  it('checking, reading a configuration and loading a rule pack never load ajv\'s compiler', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { createRequire } from 'node:module';
      const core = await import(${JSON.stringify(new URL('../packages/core/dist/index.js', import.meta.url).href)});
      await core.check('apiVersion: edunorm/v1\\nkind: SchoolBudget\\nschool: { code: "1", name: x, level: junior }\\nfiscalYear: 2025\\nbudget: { publicFunds: 100, teacherTraining: 1 }\\n');
      try { core.parseConfig('rules: { a: loud }\\n', 'edunorm.config.yaml'); } catch {}
      try { core.loadRulePack('p', [{ file: 'x.yaml', text: 'id: x\\nkind: Staffing\\n' }]); } catch {}
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\\\/]ajv[\\\\/]dist[\\\\/](ajv|core|compile[\\\\/]index)\\.js$/.test(f));
      process.stdout.write(JSON.stringify(loaded));
    `;
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))).toEqual([]);
  });
});
