/**
 * Near misses (issue 15 item 4): a key, a value, a rule id in a disable comment, a rule id in
 * a configuration, an option or a command typed with two letters swapped gets a "did you mean"
 * in Chinese first, with the fix in the JSON output — by one distance (optimal string
 * alignment: a transposition is one edit).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../packages/core/src/index.js';
import { didYouMean, editDistance } from '../packages/core/src/messages/did-you-mean.js';
import { runCli } from './helpers/run-cli.js';

const HEAD = 'apiVersion: edunorm/v1\nkind: SchoolBudget\n';

describe('one distance: a transposition is one edit', () => {
  it('levle → level is 1 (Levenshtein said 2, too far for a 5-letter key)', () => {
    expect(editDistance('levle', 'level')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('trainig', 'training')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA: no edit of a transposed pair again
    expect(editDistance('levle', 'level', 0)).toBe(1); // early exit: limit + 1
    expect(didYouMean('levle', ['code', 'name', 'level', 'pupils'])).toBe('level');
    expect(didYouMean('nmae', ['code', 'name', 'level'])).toBe('name');
    expect(didYouMean('teacher-trainig-funds', ['teacher-training-funds', 'teacher-training-hours'])).toBe('teacher-training-funds');
    expect(didYouMean('xyz', ['level'])).toBeUndefined();
  });
});

describe('a near-miss key', () => {
  const text = `${HEAD}school: { code: "1", name: 小学, levle: primary }\nfiscalYear: 2025\nbudget: { publicFunds: 4000000, teacherTraining: 200000 }\n`;

  it('check(): 未知字段 levle,是否想写 level(学段)? on the key, with the key renamed as the fix', async () => {
    const zh = (await check(text, { locale: 'zh-CN' })).findings.find((f) => f.ruleId === 'schema/unknown-key')!;
    expect(zh.message).toBe('未知字段 `levle`,是否想写 `level`(学段)?');
    expect(zh.severity).toBe('warning');
    expect(zh.range.start).toMatchObject({ line: 3, column: 32 });
    expect(zh.fix).toMatchObject({ newText: 'level', range: { start: { line: 3, column: 32 }, end: { line: 3, column: 37 } } });
    expect(zh.fix!.title['zh-CN']).toBe('改为 level');
    const en = (await check(text, { locale: 'en' })).findings.find((f) => f.ruleId === 'schema/unknown-key')!;
    expect(en.message).toBe('Unknown field `levle`. Did you mean `level` (School level)?');
  });

  it('edunorm check --format json carries the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-near-'));
    try {
      writeFileSync(join(dir, 'b.yaml'), text);
      const r = runCli(['check', 'b.yaml', '--format', 'json', '--locale', 'zh-CN'], { cwd: dir });
      const f = JSON.parse(r.stdout).files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'schema/unknown-key');
      expect(f).toMatchObject({ severity: 'warning', line: 3, column: 32, message: '未知字段 `levle`,是否想写 `level`(学段)?', fix: { newText: 'level', line: 3, column: 32, endLine: 3, endColumn: 37 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a misspelt rule id in a disable comment', () => {
  const budget = (id: string) => `${HEAD}school: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nbudget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line ${id} -- 县教育局批准\n  teacherTraining: 150000\n`;

  it('is a directive/unknown-rule warning on the id, with the id meant and the fix; the fixed comment suppresses', async () => {
    const result = await check(budget('teacher-trainig-funds'), { locale: 'zh-CN' });
    const problem = result.findings.find((f) => f.ruleId === 'directive/unknown-rule')!;
    expect(problem.severity).toBe('warning');
    expect(problem.message).toBe('未知的规则编号 teacher-trainig-funds,是否想写 teacher-training-funds?这条指令现在不忽略任何问题');
    expect(problem.range.start).toMatchObject({ line: 7, column: 31 });
    expect(problem.fix).toMatchObject({ newText: 'teacher-training-funds', range: { start: { line: 7, column: 31 }, end: { line: 7, column: 52 } } });
    // As written it suppresses nothing: the norm's error stands.
    expect(result.findings.map((f) => f.ruleId)).toContain('teacher-training-funds');
    // Applying the fix makes the comment do what was meant.
    const fixed = await check(budget('teacher-training-funds'), { locale: 'zh-CN' });
    expect(fixed.findings).toEqual([]);
    expect(fixed.suppressed.map((f) => f.ruleId)).toEqual(['teacher-training-funds']);
    const en = (await check(budget('teacher-trainig-funds'), { locale: 'en' })).findings.find((f) => f.ruleId === 'directive/unknown-rule')!;
    expect(en.message).toBe('Unknown rule id teacher-trainig-funds; did you mean teacher-training-funds? The directive suppresses nothing as written');
  });

  it('the second of two ids is pointed at; an id like nothing known names edunorm rules and offers no fix', async () => {
    const two = await check(budget('teacher-training-funds, shcema/type'), { locale: 'en' });
    const p = two.findings.find((f) => f.ruleId === 'directive/unknown-rule')!;
    expect(p.range.start).toMatchObject({ line: 7, column: 55 });
    expect(p.fix?.newText).toBe('schema/type');
    const none = (await check(budget('zzzz-qqqq'), { locale: 'zh-CN' })).findings.find((f) => f.ruleId === 'directive/unknown-rule')!;
    expect(none.message).toBe('未知的规则编号 zzzz-qqqq,这条指令不忽略任何问题;用 edunorm rules 查看规则编号');
    expect(none.fix).toBeUndefined();
  });
});

describe('the same distance for rule ids elsewhere, options and commands', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-near-cli-'));
    writeFileSync(join(dir, 'b.yaml'), `${HEAD}school: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nbudget: { publicFunds: 4000000, teacherTraining: 200000 }\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('explain teacher-trainig-funds suggests teacher-training-funds', () => {
    const r = runCli(['explain', 'teacher-trainig-funds', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('teacher-training-funds');
  });

  it('an unknown option and an unknown command name the one meant', () => {
    const option = runCli(['check', 'b.yaml', '--qiuet'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('edunorm: 未知的选项 --qiuet,是否想写 --quiet?\n运行 edunorm check --help 查看用法。\n');
    const command = runCli(['chekc', 'b.yaml'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(command.code).toBe(2);
    expect(command.stderr.split('\n')[0]).toBe('edunorm: unknown command "chekc"; did you mean edunorm check?');
  });
});
