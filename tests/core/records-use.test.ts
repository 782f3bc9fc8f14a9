import { describe, expect, it } from 'vitest';
import { CALCULATORS, type RecordsResult } from '../../packages/core/src/facts/calculators.js';
import { check, createRuleSet } from '../../packages/core/src/index.js';
import { builtinPack } from '../../packages/core/src/builtin-pack.js';
import type { RuleDefinition } from '../../packages/core/src/rules/rule-types.js';

/**
 * A `records` fact whose rule never reads `matched` makes items for the failing records only
 * (FactUse.matched false, rule-set.ts useOf): the lists the rule can read are the same, and a
 * rule that mentions `matched` anywhere still gets every matching record.
 */
const staff = [
  { id: 'T1', name: '甲', role: 'teacher', trainingHours5y: 400 },
  { id: 'T2', name: '乙', role: 'teacher', trainingHours5y: 100 },
  { id: 'T3', name: '丙', role: 'teacher' },
  { id: 'T4', name: '丁', role: 'teacher', trainingHours5y: 'many' },
  { id: 'T5', name: '戊', role: 'logistics', trainingHours5y: 900 },
  { id: 'T6', name: '己', role: 'teacher', trainingHours5y: 900 },
];
const document = { staff };

function result(params: Record<string, unknown>, matched?: false): RecordsResult {
  const per = CALCULATORS.records.perRecord!(params as never, matched === false ? { matched } : undefined);
  return per.combine(staff.map((r, i) => per.part(r, i, document)), document) as RecordsResult;
}

describe('records facts without a reader of matched', () => {
  it.each([
    ['bounds, absent skipped', { list: 'staff', where: { role: 'teacher' }, value: 'trainingHours5y', min: 360, max: 800 }],
    ['bounds, absent a violation', { list: 'staff', where: { role: 'teacher' }, value: 'trainingHours5y', min: 360, missing: 'violation' }],
    ['bounds, absent zero', { list: 'staff', value: 'trainingHours5y', min: 360, missing: 'zero' }],
    ['equals', { list: 'staff', value: 'role', equals: 'teacher', missing: 'violation' }],
  ])('give the same failing lists, and matched holds only those (%s)', (_name, params) => {
    const full = result(params);
    const lean = result(params, false);
    for (const list of ['below', 'above', 'unequal', 'failing'] as const) expect(lean[list]).toStrictEqual(full[list]);
    expect(lean.matched).toStrictEqual(full.failing);
    expect(full.matched.length).toBeGreaterThan(full.failing.length);
  });

  it('keeps every matching record for a rule that mentions matched', async () => {
    // Two rules on one fact: one reports the records below 360 hours, one every teacher (`items: matched`).
    const base = builtinPack().rules.find((r) => r.id === 'plausibility/training-hours-impossible')!;
    const variant = (id: string, items: string, message: string): RuleDefinition => ({
      ...base,
      id,
      severity: 'info',
      facts: { hours: { calculator: 'records', params: { list: 'staff', where: { role: 'teacher' }, value: 'trainingHours5y', min: 360 } } },
      outcomes: [{ ...base.outcomes[0]!, when: { all: [{ fact: 'hours', path: '$.failing', operator: 'hasItems', value: true }] }, report: { ...base.outcomes[0]!.report, items }, message: { 'zh-CN': message, en: message } }],
    });
    const pack = { name: 't', rules: [variant('every-teacher', 'matched', '{actual}'), variant('short-teachers', 'below', '{actual} of {min}')] };
    const text = [
      'apiVersion: edunorm/v1',
      'kind: Staffing',
      'school: { code: "1", name: 小学, level: primary }',
      'fiscalYear: 2025',
      'staff:',
      '  - { id: T1, name: 甲, role: teacher, trainingHours5y: 400 }',
      '  - { id: T2, name: 乙, role: teacher, trainingHours5y: 100 }',
      '  - { id: T3, name: 丙, role: teacher, trainingHours5y: 500 }',
      '',
    ].join('\n');
    const { findings } = await check(text, { ruleSet: createRuleSet([pack]), locale: 'en' });
    // Without its `matched` mention, every-teacher would report T2 alone.
    const lines = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => [f.range.start.line, f.message]);
    expect(lines('every-teacher')).toEqual([[6, '400'], [7, '100'], [8, '500']]);
    expect(lines('short-teachers')).toEqual([[7, '100 of 360']]);
  });
});
