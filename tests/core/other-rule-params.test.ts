/**
 * A norm across documents that shares another rule's parameter follows that rule's setting
 * (outside review of the rule pack): workspace.md gives county-senior-post-pool "the same
 * parameters as senior-post-share", and indicator-decline judges a fall "below its target" —
 * the indicator's own target. Both kept copies of the defaults: a county that raised the junior
 * cap to 40% had its school pass and its county pool of that same school fail at 30%, and one
 * that raised the retention target to 99% got no warning of a fall from 98.9% to 98.5%.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPack, checkWorkspace, createRuleSet, loadRulePack, RulePackError, type RuleSettings } from '../../packages/core/src/index.js';
import { ROOT } from '../helpers/paths.js';

const district = (year: number, indicators: string) =>
  `apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "900010", name: 测试县, type: county }\nyear: ${year}\nindicators: { ${indicators} }\n`;
const juniorSchool = (seniors: number, teachers: number) =>
  `apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "900010001", name: 第一初中, level: junior, district: "900010" }\nfiscalYear: 2025\nstaff:\n${Array.from({ length: teachers }, (_, i) => `  - { id: T${i + 1}, name: 教师${i + 1}, role: teacher, title: ${i < seniors ? 'senior' : 'first'}, certified: true }`).join('\n')}\n`;

async function findings(files: { file: string; text: string }[], settings: RuleSettings = {}) {
  const result = await checkWorkspace(files, { locale: 'zh-CN', ruleSet: createRuleSet(undefined, settings) });
  return [...result.results].flatMap(([file, r]) => r.findings.map((f) => `${file} ${f.ruleId} ${f.severity}`)).sort().filter((f) => /county-senior-post-pool|senior-post-share|indicator-decline/.test(f));
}

describe('county-senior-post-pool takes senior-post-share’s caps', () => {
  const files = [
    { file: 'district.yaml', text: district(2025, 'compulsoryRetentionRate: 0.99') },
    { file: 'j.yaml', text: juniorSchool(4, 10) },
  ];
  it('by default, 4 senior posts of 10 junior teachers: the school and its county pool both over 30%', async () => {
    expect(await findings(files)).toEqual(['district.yaml county-senior-post-pool error', 'j.yaml senior-post-share error']);
  });
  it('with the junior cap raised to 40% for senior-post-share, neither', async () => {
    const settings = { 'senior-post-share': { params: { maxShareByLevel: { kindergarten: 0.06, primary: 0.1, junior: 0.4, senior: 0.35, 'complete-secondary': 0.35 } } } };
    expect(await findings(files, settings)).toEqual([]);
  });
});

describe('indicator-decline judges against the indicator’s own target', () => {
  const files = [
    { file: 'y2024.yaml', text: district(2024, 'compulsoryRetentionRate: 0.989') },
    { file: 'y2025.yaml', text: district(2025, 'compulsoryRetentionRate: 0.985') },
  ];
  it('98.9% → 98.5% is above the default target of 98%: no warning', async () => {
    expect(await findings(files)).toEqual([]);
  });
  it('with compulsory-retention-rate’s target raised to 99%, the fall below it is warned', async () => {
    expect(await findings(files, { 'compulsory-retention-rate': { params: { minRate: 0.99 } } })).toEqual(['y2025.yaml indicator-decline warning']);
  });
});

describe('a rule file may name another rule’s parameter only if that rule has it', () => {
  it('an unknown one is a located rule-file/unknown-param', () => {
    const text = readFileSync(join(ROOT, 'rules', 'plan14', 'county-senior-post-pool.yaml'), 'utf8').replace('{ param: maxShareByLevel, rule: senior-post-share }', '{ param: noSuchCap, rule: senior-post-share }');
    const line = text.split('\n').findIndex((l) => l.includes('noSuchCap')) + 1;
    expect(line).toBeGreaterThan(0);
    let error: unknown;
    try {
      // Beside the built-in rules, as the editor checks one rule file of a pack.
      loadRulePack('mine', [{ file: 'county-senior-post-pool.yaml', text }], builtinPack().rules.filter((r) => r.id !== 'county-senior-post-pool'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulePackError);
    const problem = (error as RulePackError).problems.find((p) => p.code === 'rule-file/unknown-param');
    expect(problem, JSON.stringify((error as RulePackError).problems)).toBeDefined();
    expect(`${problem!.file}:${problem!.line}`).toBe(`county-senior-post-pool.yaml:${line}`);
    expect(problem!.text!['zh-CN']).toContain('引用了规则“senior-post-share”的参数“noSuchCap”');
  });
});
