import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

let dir: string;

const BAD_BUDGET = `apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902101"
  name: 李庄小学
  level: primary
fiscalYear: 2025
budget:
  publicFunds: 4000000
  teacherTraining: 150000
`;
const GOOD_BUDGET = BAD_BUDGET.replace('150000', '200000');
const WARN_ONLY = BAD_BUDGET.replace('150000', '200000').replace('  teacherTraining', '  teacherTrainingNote: 1\n  teacherTraining');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-cli-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'bad.yaml'), BAD_BUDGET);
  writeFileSync(join(dir, 'sub', 'good.yml'), GOOD_BUDGET);
  writeFileSync(join(dir, 'other.yaml'), 'name: not ours\nlist: [1, 2]\n');
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: x\n');
  writeFileSync(join(dir, 'notes.txt'), 'apiVersion: edunorm/v1\n');
  mkdirSync(join(dir, 'warn'));
  writeFileSync(join(dir, 'warn', 'w.yaml'), WARN_ONLY);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edunorm check', () => {
  it('stylish: findings grouped by file as line:col severity message rule-id, a summary, exit 1 on errors', () => {
    const r = runCli(['check', '.', '--locale', 'en', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.yaml\n  10:20  error  Teacher-training funds of 150,000 yuan are 3.75% of public funds, below the required 5% (at least 200,000 yuan; short by 50,000 yuan)  teacher-training-funds');
    expect(r.stdout).toMatch(/broken\.yaml\n {2}3:9 +error +The brace \{ opened on line 3 is not closed: add \} at the end of this line\. +yaml\/syntax\n/);
    expect(r.stdout).not.toContain('other.yaml');
    expect(r.stdout).not.toContain('notes.txt');
    expect(r.stdout).toContain('warn/w.yaml\n  10:3  warning  Unknown field `teacherTrainingNote`. Did you mean `teacherTraining` (Teacher-training funds (yuan))?  schema/unknown-key');
    expect(r.stdout).toMatch(/\n✖ 3 problems \(2 errors, 1 warning, 0 info\); 4 files checked, 1 non-edunorm skipped\n$/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('speaks Chinese when the environment does, and when asked', () => {
    const fromEnv = runCli(['check', 'bad.yaml', '--no-color'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(fromEnv.stdout).toContain('教师培训经费 150,000 元,占公用经费 3.75%,低于 5% 的要求(应不少于 200,000 元,差 50,000 元)');
    expect(fromEnv.stdout).toContain('1 个问题(1 个错误,0 个警告,0 个提示)');
    const asked = runCli(['check', 'bad.yaml', '--locale', 'zh-CN'], { cwd: dir });
    expect(asked.stdout).toContain('错误');
  });

  it('exit 0 on a clean file, and on warnings alone', () => {
    expect(runCli(['check', 'sub/good.yml'], { cwd: dir }).code).toBe(0);
    const w = runCli(['check', 'warn', '--format', 'json'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('json: every finding with 1-based line and column, rule id, severity and figures', () => {
    const r = runCli(['check', 'bad.yaml', 'sub', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(['bad.yaml', 'sub/good.yml']);
    expect(out.files[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'teacher-training-funds',
        severity: 'error',
        line: 10,
        column: 20,
        path: 'budget.teacherTraining',
        figures: expect.objectContaining({ actual: 150000, min: 200000, deviation: 50000 }),
        fix: expect.objectContaining({ newText: '200000', line: 10, column: 20 }),
      }),
    ]);
    expect(out.summary).toEqual({ files: 2, checked: 2, skipped: 0, errors: 1, warnings: 0, infos: 0 });
  });

  it('sarif: SARIF 2.1.0 with rules metadata, levels, 1-based regions and relative URIs; non-edunorm files yield nothing', () => {
    const r = runCli(['check', '.', '--format', 'sarif', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('edunorm');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain('teacher-training-funds');
    expect(ruleIds).toContain('yaml/syntax');
    const training = run.tool.driver.rules.find((x: { id: string }) => x.id === 'teacher-training-funds');
    expect(training.help.text).toContain('中小学校按照年度公用经费预算总额的 5%安排教师培训经费');
    expect(training.defaultConfiguration.level).toBe('error');
    const uris = run.artifacts.map((a: { location: { uri: string } }) => a.location.uri);
    expect(uris.sort()).toEqual(['bad.yaml', 'broken.yaml', 'sub/good.yml', 'warn/w.yaml']);
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'teacher-training-funds');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('teacher-training-funds');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('bad.yaml');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 10, startColumn: 20, endLine: 10, endColumn: 26 });
    expect(run.results.some((x: { ruleId: string }) => x.ruleId === 'yaml/syntax')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('other.yaml');
  });

  it('--output writes the report to a file', () => {
    const out = join(dir, 'report.sarif');
    const r = runCli(['check', 'bad.yaml', '--format', 'sarif', '--output', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    rmSync(out);
  });

  it('globs select files', () => {
    const r = runCli(['check', '**/*.yml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['sub/good.yml']);
  });

  it('usage errors exit 2 with a message, never a stack', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--locale', 'fr'], ['check', 'missing-folder'], ['check', '--bogus'], ['frobnicate']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^edunorm: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a dangling symlink is reported on that file; the other files are still checked', () => {
    const link = join(dir, 'sub', 'gone.yaml');
    if (!existsSync(link)) symlinkSync(join(dir, 'nowhere.yaml'), link);
    const r = runCli(['check', 'sub', 'sub/gone.yaml', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(out.files.find((f: { path: string }) => f.path === 'sub/gone.yaml').findings[0].ruleId).toBe('file/unreadable');
    expect(out.files.find((f: { path: string }) => f.path === 'sub/good.yml').findings).toEqual([]);
    rmSync(link);
  });

  it('--version prints the version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
