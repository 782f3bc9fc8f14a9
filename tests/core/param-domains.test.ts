/**
 * A parameter names what it may hold (a rule file's `vocabulary`, `values`, `entries`), and a
 * setting outside it is a located configuration error, never a silent change of the verdict.
 * Outside review: `levels: [kindergarden]` matched no school and the norm checked none
 * (✔ 全部符合要求); `maxShareByLevel: { primray: 0.1 }` set no level; `{ primary: 10 }` meant
 * 10% and allowed every post.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinPack, createRuleSet, ConfigurationError } from '../../packages/core/src/index.js';
import { runCli } from '../helpers/run-cli.js';

const problemsOf = (settings: Record<string, unknown>): string[] => {
  try {
    createRuleSet(undefined, settings as never);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return error.problems.map((p) => `${p.code} ${p.message}`);
  }
};

describe('parameter domains', () => {
  it('a school level that does not exist, with the one meant', () => {
    expect(problemsOf({ 'teacher-training-funds': { params: { levels: ['junior', 'kindergarden'] } } })).toEqual([
      expect.stringMatching(/^config\/bad-param .*"kindergarden" is not one of kindergarten, primary, .*; did you mean "kindergarten"\?/),
    ]);
  });

  it('a map keyed by school level: an unknown key, and a value that is not a fraction', () => {
    expect(problemsOf({ 'senior-post-share': { params: { maxShareByLevel: { primray: 0.1 } } } })).toEqual([expect.stringMatching(/"primray" is not one of .*did you mean "primary"/)]);
    expect(problemsOf({ 'senior-post-share': { params: { maxShareByLevel: { primary: 10 } } } })).toEqual([expect.stringMatching(/primary: expected a fraction between 0 and 1, got 10/)]);
    expect(problemsOf({ 'county-1-2-3-plan': { params: { minCounts: { 'quality-senior': 1.5 } } } })).toEqual([expect.stringMatching(/quality-senior: expected a whole number, got 1.5/)]);
  });

  it('a list with its own values (the indicators indicator-decline watches)', () => {
    expect(problemsOf({ 'indicator-decline': { params: { indicators: ['retention'] } } })).toEqual([expect.stringMatching(/"retention" is not one of compulsoryRetentionRate, standardizedSchoolRate/)]);
  });

  it('right settings pass, and every built-in default lies in its own domain', () => {
    expect(problemsOf({ 'teacher-training-funds': { params: { levels: ['junior'] } }, 'senior-post-share': { params: { maxShareByLevel: { primary: 0.12 } } } })).toEqual([]);
    // Every list of levels and every map by level in the pack says so (a new one that does not is caught here).
    for (const rule of builtinPack().rules) {
      for (const [name, def] of Object.entries(rule.params)) {
        if (/Levels$|^levels$|ByLevel$/.test(name)) expect(def.vocabulary, `${rule.id}.${name}`).toBe('level');
      }
    }
  });
});

describe('in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edunorm-param-domains-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exit 2, in Chinese, at the setting, nothing checked', () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: { params: { levels: [kindergarden] } }\n');
    writeFileSync(join(dir, 'budget.yaml'), 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 幼儿园, level: kindergarten }\nfiscalYear: 2025\nbudget: { publicFunds: 100000, teacherTraining: 0 }\n');
    const r = runCli(['check', '.', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('edunorm.config.yaml:2:47: teacher-training-funds.levels:没有“kindergarden”这一项,是否想写“kindergarten”?可选:kindergarten、primary、');
    expect(r.stdout).toBe('');
  });
});
