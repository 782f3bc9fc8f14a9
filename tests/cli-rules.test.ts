import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACK_NORM_IDS } from './helpers/norm-ids.js';
import { RULES_DIR } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';


/** Ids of the rule files of the built-in pack (rules/plan14 and the sense checks of rules/plausibility), read from the files themselves. */
const packIds = () =>
  [RULES_DIR, join(RULES_DIR, '..', 'plausibility')].flatMap((dir) => readdirSync(dir).map((f) => /^id: (\S+)$/m.exec(readFileSync(join(dir, f), 'utf8'))![1]!));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('edunorm rules', () => {
  type Listed = { id: string; kind: string; severity: string; title: { 'zh-CN': string; en: string }; source: { id: string; section: string; quote: string } };
  const list = (args: string[] = []) => {
    const r = runCli(['rules', '--format', 'json', ...args], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Listed[];
  };

  it('--format json lists every rule of the built-in pack with kind, severity, title and source', () => {
    const rules = list();
    expect(rules.map((r) => r.id).sort()).toEqual(packIds().sort());
    const funds = rules.find((r) => r.id === 'teacher-training-funds')!;
    expect(funds).toMatchObject({ kind: 'SchoolBudget', severity: 'error', title: { 'zh-CN': '教师培训经费不低于公用经费预算的 5%' }, source: { id: 'P14', section: '三(三)1(2)' } });
  });

  it('--format json lists every norm id (norms.md and workspace.md)', () => {
    expect(list().map((r) => r.id).filter((id) => !id.startsWith('plausibility/')).sort()).toEqual([...PACK_NORM_IDS].sort());
  });

  it('a table for humans, in the asked language', () => {
    const r = runCli(['rules', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^编号 +适用 +级别 +依据 +标题\n/);
    expect(r.stdout).toMatch(/\nteacher-training-funds +SchoolBudget +错误 +P14 三\(三\)1\(2\) +教师培训经费不低于公用经费预算的 5%\n/);
    expect(r.stdout).toContain('edunorm explain');
  });

  it('honours the configuration of the folder and --config: severity changed, rule off', () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: warning\n  young-teacher-forums: off\n');
    const rules = list();
    expect(rules.find((r) => r.id === 'teacher-training-funds')!.severity).toBe('warning');
    expect(rules.some((r) => r.id === 'young-teacher-forums')).toBe(false);
    writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  young-teacher-forums: error\n');
    const strict = list(['--config', 'strict.yaml']);
    expect(strict.find((r) => r.id === 'young-teacher-forums')!.severity).toBe('error');
    expect(strict.find((r) => r.id === 'teacher-training-funds')!.severity).toBe('error');
  });

  it('an unknown format exits 2', () => {
    expect(runCli(['rules', '--format', 'xml'], { cwd: dir }).code).toBe(2);
  });
});

describe('edunorm explain', () => {
  it('shows the norm, the citation with the plan\'s sentence, parameters, years and ✅/❌ examples with findings', () => {
    const r = runCli(['explain', 'teacher-training-funds', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^teacher-training-funds — 教师培训经费不低于公用经费预算的 5%\n/);
    expect(r.stdout).toContain('三(三)1(2)\n  “中小学校按照年度公用经费预算总额的 5%安排教师培训经费,并适当提高标准。”');
    expect(r.stdout).toMatch(/\n {2}minShare +0\.05 +教师培训经费占公用经费预算的最低比例\n/);
    expect(r.stdout).toContain('生效年份: 所有年份');
    // The cases' names are English in the rule file: a Chinese reader gets the verdict alone.
    expect(r.stdout).toContain('✅ 符合要求\n');
    expect(r.stdout).toContain('❌ 不符合要求\n');
    expect(r.stdout).not.toContain('3.75% is short by 50,000 yuan');
    expect(r.stdout).toContain('     |   teacherTraining: 150000');
    expect(r.stdout).toContain('→ 7:20 错误  教师培训经费 150,000 元,占公用经费 3.75%,低于 5% 的要求(应不少于 200,000 元,差 50,000 元)');
    expect(r.stdout).toContain('docs/rules/teacher-training-funds.md');
  });

  it('in English, with the configured value beside the default', () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds:\n    params: { minShare: 0.06 }\n');
    const r = runCli(['explain', 'teacher-training-funds', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n {2}minShare +0\.06 \(default 0\.05\) +Minimum share of the public-funds budget for teacher training\n/);
    expect(r.stdout).toContain('→ 7:20 error  Teacher-training funds of 150,000 yuan are 3.75% of public funds');
  });

  it('explains structural ids too', () => {
    const r = runCli(['explain', 'schema/type', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('schema/type — Value of the wrong type');
    expect(r.stdout).toContain('publicFunds: "4,800,000"');
    expect(r.stdout).toMatch(/→ \d+:\d+ error {2}`budget\.publicFunds`/);
  });

  it('an unknown id exits 2 with a did-you-mean', () => {
    const r = runCli(['explain', 'teacher-training-fund', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown rule id "teacher-training-fund"; did you mean teacher-training-funds?');
    const zh = runCli(['explain', 'no-such-rule-at-all', '--locale', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('未知的规则编号 "no-such-rule-at-all"');
    expect(runCli(['explain'], { cwd: dir }).code).toBe(2);
  });
});

describe('edunorm test-rules', () => {
  it('passes on rules/plan14 (the default from a clone), ✓ per case', () => {
    // Without a folder: the built-in pack, norms and sense checks; with rules/plan14: the norms.
    for (const [args, count] of [[[], packIds().length], [[RULES_DIR], readdirSync(RULES_DIR).length]] as const) {
      const r = runCli(['test-rules', ...args, '--locale', 'en'], { cwd: dir });
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toContain('\nteacher-training-funds\n  ✓ valid: exactly 5% passes (boundary)\n');
      expect(r.stdout).toContain('  ✓ invalid: a county raising the share to 6% fails a 5.5% school\n');
      expect(r.stdout).not.toContain('✗');
      expect(r.stdout).toMatch(new RegExp(`\\n${count} rule\\(s\\), (\\d+) case\\(s\\): \\1 passed, 0 failed\\n$`));
    }
  });

  it('exit 1 with a diff of expected and actual findings when a case fails', () => {
    const pack = join(dir, 'pack');
    cpSync(RULES_DIR, pack, { recursive: true });
    const file = join(pack, 'teacher-training-funds.yaml');
    // The first invalid case expects its finding on line 7; claim line 8.
    writeFileSync(file, readFileSync(file, 'utf8').replace('        - line: 7\n', '        - line: 8\n'));
    const r = runCli(['test-rules', 'pack', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ invalid: 3.75% is short by 50,000 yuan\n');
    expect(r.stdout).toContain('finding 1: line 7 ≠ 8');
    expect(r.stdout).toMatch(/\n +- line: 8\n +\+ line: 7\n +column: 20\n/);
    expect(r.stdout).toContain('  ✓ invalid: 2 yuan short is beyond rounding (boundary)\n');
    expect(r.stdout).toMatch(/, 1 failed\n$/);
    // In Chinese, the failure too (not only the case lines around it).
    const zh = runCli(['test-rules', 'pack', '--locale', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('      第 1 个问题:行 7 ≠ 8\n');
  });

  it('a valid case that gets a finding shows the unexpected finding', () => {
    const pack = join(dir, 'pack');
    cpSync(RULES_DIR, pack, { recursive: true });
    const file = join(pack, 'teacher-training-funds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  publicFunds: 4800000\n          teacherTraining: 240000', '  publicFunds: 4800000\n          teacherTraining: 100000'));
    const r = runCli(['test-rules', 'pack', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ valid: exactly 5% passes (boundary)\n      expected no teacher-training-funds finding\n');
    expect(r.stdout).toMatch(/\+ line: 7\n.*\n.*\+ severity: "error"/);
  });

  it('exit 2 on a broken pack, naming file:line:col', () => {
    const pack = join(dir, 'pack');
    cpSync(RULES_DIR, pack, { recursive: true });
    const file = join(pack, 'teacher-training-funds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: error\n', 'severity: fatal\n'));
    const r = runCli(['test-rules', 'pack'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edunorm: invalid rule pack; nothing was checked:\n {2}pack\/teacher-training-funds\.yaml:4:11: .*severity/);
    expect(r.stdout).not.toContain('✓');
  });

  it('exit 2 on a folder that does not exist or holds no rules', () => {
    expect(runCli(['test-rules', 'nowhere'], { cwd: dir }).code).toBe(2);
    expect(runCli(['test-rules', '.'], { cwd: dir }).stderr).toContain('no rule files');
  });
});

describe('edunorm init', () => {
  const FILES = ['edunorm.config.yaml', 'examples/budget.yaml', 'examples/staffing.yaml'];

  it('writes a commented configuration and compliant examples; a second run overwrites nothing; --force does', () => {
    const first = runCli(['init', '--locale', 'en'], { cwd: dir });
    expect(first.code).toBe(0);
    for (const f of FILES) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(first.stdout).toContain(`wrote  ${f}`);
    }
    const config = readFileSync(join(dir, 'edunorm.config.yaml'), 'utf8');
    expect(config).toContain('# edunorm.config.yaml — nearest one from each checked file\'s folder upward applies');
    expect(config).toMatch(/\n {2}- edunorm:plan14 +# the built-in pack/);
    expect(config).toContain('teacher-training-funds:\n    params: { minShare: 0.05 }');
    // The configuration loads, and the examples pass every norm under it.
    const checked = runCli(['check', 'examples/', '--format', 'json'], { cwd: dir });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout).summary).toMatchObject({ checked: 2, errors: 0, warnings: 0, infos: 0 });

    writeFileSync(join(dir, 'examples/budget.yaml'), '# mine\n');
    const second = runCli(['init', '--locale', 'en'], { cwd: dir });
    expect(second.code).toBe(0);
    for (const f of FILES) expect(second.stdout).toContain(`skipped  ${f} (exists)`);
    expect(second.stdout).toContain('add --force to overwrite');
    expect(readFileSync(join(dir, 'examples/budget.yaml'), 'utf8')).toBe('# mine\n');

    const forced = runCli(['init', '--force', '--locale', 'zh-CN'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('覆盖  examples/budget.yaml');
    expect(readFileSync(join(dir, 'examples/budget.yaml'), 'utf8')).toContain('kind: SchoolBudget');
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'examples')).sort()).toEqual(['budget.yaml', 'staffing.yaml']);
  });

  it('the written configuration takes effect: raising minShare to 0.07 fails the 6.25% example', () => {
    runCli(['init'], { cwd: dir });
    const config = join(dir, 'edunorm.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('minShare: 0.05', 'minShare: 0.07'));
    const r = runCli(['check', 'examples/', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'teacher-training-funds', line: 17 });
  });
});

describe('help', () => {
  it('lists the new commands and formats', () => {
    const r = runCli(['--help'], { cwd: dir });
    for (const word of ['edunorm rules', 'edunorm explain', 'edunorm test-rules', 'edunorm init']) expect(r.stdout).toContain(word);
    const check = runCli(['check', '--help'], { cwd: dir });
    for (const word of ['junit', 'github', 'markdown', 'sarif']) expect(check.stdout).toContain(word);
  });
});
