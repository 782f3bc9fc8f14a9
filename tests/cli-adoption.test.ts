import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES_DIR } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';
import { schoolBudget } from './helpers/budget-fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-adopt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const budget = (training: number, extra = '') =>
  schoolBudget(`budget:
  publicFunds: 1000000
${extra}  teacherTraining: ${training}
`);

const json = (args: string[]) => {
  const r = runCli([...args, '--format', 'json', '--locale', 'en'], { cwd: dir });
  return { code: r.code, out: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
};
const ids = (out: { files: { findings: { ruleId: string; line: number; severity: string }[] }[] }) =>
  out.files.flatMap((f) => f.findings.map((x) => `${x.ruleId}@${x.line}:${x.severity}`));

describe('configuration', () => {
  it('a county raising minShare to 7% makes a 6% school fail; nearest config wins', () => {
    mkdirSync(join(dir, 'county'));
    writeFileSync(join(dir, 'school.yaml'), budget(60000));
    writeFileSync(join(dir, 'county', 'school.yaml'), budget(60000));
    writeFileSync(join(dir, 'county', 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds:\n    params: { minShare: 0.07 }\n');
    const r = json(['check', '.']);
    expect(r.code).toBe(1);
    expect(r.out.files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length])).toEqual([
      ['county/school.yaml', 1],
      ['school.yaml', 0],
    ]);
    expect(r.out.files[0].findings[0].message).toContain('below the required 7%');
  });

  it('severity "warning" and "off" change and silence a rule', () => {
    writeFileSync(join(dir, 'school.yaml'), budget(10000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: warning\n');
    let r = json(['check', '.']);
    expect(ids(r.out)).toEqual(['teacher-training-funds@10:warning']);
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: off\n');
    r = json(['check', '.']);
    expect(ids(r.out)).toEqual([]);
  });

  it('--config overrides the nearest file', () => {
    writeFileSync(join(dir, 'school.yaml'), budget(10000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: off\n');
    writeFileSync(join(dir, 'strict.yaml'), 'extends: [edunorm:plan14]\n');
    expect(ids(json(['check', 'school.yaml', '--config', 'strict.yaml']).out)).toEqual(['teacher-training-funds@10:error']);
  });

  it('a broken configuration exits 2 naming edunorm.config.yaml:LINE:COL', () => {
    writeFileSync(join(dir, 'school.yaml'), budget(60000));
    const cases: [string, RegExp][] = [
      ['rules:\n  teacher-training-fund: off\n', /edunorm\.config\.yaml:2:3: unknown rule id "teacher-training-fund"; did you mean "teacher-training-funds"\?/],
      ['rules:\n  teacher-training-funds:\n    params: { minShare: "6%" }\n', /edunorm\.config\.yaml:3:25: teacher-training-funds\.minShare: expected a fraction/],
      ['rules:\n  teacher-training-funds:\n    params: { minShar: 0.06 }\n', /edunorm\.config\.yaml:3:15: rule teacher-training-funds has no parameter "minShar"; did you mean "minShare"\?/],
      ['rules:\n  teacher-training-funds: loud\n', /edunorm\.config\.yaml:2:27: .*must be one of off, info, warning, error/],
      ['extends: [./nowhere]\n', /edunorm\.config\.yaml:1:11: rule pack folder not found/],
      ['rules: [\n', /edunorm\.config\.yaml:\d+:\d+: /],
      ['rule:\n  x: off\n', /edunorm\.config\.yaml:1:1: unknown setting "rule"/],
    ];
    for (const [config, expected] of cases) {
      writeFileSync(join(dir, 'edunorm.config.yaml'), config);
      const r = runCli(['check', '.'], { cwd: dir });
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('extends a local pack folder; a broken rule file in it exits 2 naming file:line:col', () => {
    cpSync(RULES_DIR, join(dir, 'county-rules'), { recursive: true });
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - ./county-rules\n');
    writeFileSync(join(dir, 'school.yaml'), budget(10000));
    expect(ids(json(['check', 'school.yaml']).out)).toEqual(['teacher-training-funds@10:error']);
    const file = join(dir, 'county-rules', 'teacher-training-funds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: error', 'severity: fatal'));
    const r = runCli(['check', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  county-rules/teacher-training-funds.yaml:4:11: severity must be one of error, warning, info (rule-file/schema)\n');
    // The same problem in Chinese (rule-file/* problems exist in both languages).
    const zh = runCli(['check', '.'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('  county-rules/teacher-training-funds.yaml:4:11: severity 只能是 error、warning、info 之一 (rule-file/schema)\n');
  });
});

describe('inline suppression', () => {
  it('a directive with a reason hides exactly its finding (kept as suppressed in SARIF)', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000, '  # edunorm-disable-next-line teacher-training-funds -- 县教育局批准:本年度培训经费由上级统筹\n'));
    const r = json(['check', '.']);
    expect(r.code).toBe(0);
    expect(ids(r.out)).toEqual([]);
    const sarif = JSON.parse(runCli(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0].ruleId).toBe('teacher-training-funds');
    expect(results[0].suppressions).toEqual([{ kind: 'inSource', justification: '县教育局批准:本年度培训经费由上级统筹' }]);
  });

  it('the same-line and block forms work; another rule on the line is not hidden', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000).replace('teacherTraining: 10000', 'teacherTraining: 10000  # edunorm-disable-line teacher-training-funds -- 已报批'));
    expect(ids(json(['check', '.']).out)).toEqual([]);
    writeFileSync(
      join(dir, 'a.yaml'),
      `# edunorm-disable schema/unknown-key -- 本地扩展字段\n${budget(10000, '  localNote: 1\n')}# edunorm-enable schema/unknown-key\n`,
    );
    expect(ids(json(['check', '.']).out)).toEqual(['teacher-training-funds@12:error']);
  });

  it('a directive without a reason hides nothing and is reported as directive/missing-reason', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000, '  # edunorm-disable-next-line teacher-training-funds\n'));
    const r = json(['check', '.']);
    expect(r.code).toBe(1);
    expect(ids(r.out)).toEqual(['directive/missing-reason@10:error', 'teacher-training-funds@11:error']);
    expect(r.out.files[0].findings[0].message).toContain('add "-- <reason>"');
  });

  it('--report-unused-disable-directives reports directive/unused', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(60000, '  # edunorm-disable-next-line teacher-training-funds -- 旧的豁免\n'));
    expect(ids(json(['check', '.']).out)).toEqual([]);
    expect(ids(json(['check', '.', '--report-unused-disable-directives']).out)).toEqual(['directive/unused@10:warning']);
  });
});

describe('baseline', () => {
  it('survives lines inserted above the findings and still fails a new finding', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000));
    let r = runCli(['baseline', '.', '--output', 'edunorm-baseline.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 finding/);
    // Same finding, three lines further down.
    writeFileSync(join(dir, 'a.yaml'), `# 说明\n# 第二行\n# 第三行\n${budget(10000)}`);
    let j = json(['check', '.', '--baseline', 'edunorm-baseline.json']);
    expect(j.code).toBe(0);
    expect(ids(j.out)).toEqual([]);
    // A new problem is still reported.
    writeFileSync(join(dir, 'a.yaml'), budget(10000).replace('level: junior', 'level: junior\n  extraKey: 1'));
    j = json(['check', '.', '--baseline', 'edunorm-baseline.json']);
    expect(ids(j.out)).toEqual(['schema/unknown-key@7:warning']);
    // Fixing the old one makes its entry stale.
    writeFileSync(join(dir, 'a.yaml'), budget(60000));
    r = runCli(['check', '.', '--baseline', 'edunorm-baseline.json', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 baseline entry no longer matches');
  });

  it('does not overwrite an existing baseline without --force', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000));
    writeFileSync(join(dir, 'edunorm-baseline.json'), 'keep me');
    const r = runCli(['baseline', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'edunorm-baseline.json'), 'utf8')).toBe('keep me');
    expect(runCli(['baseline', '.', '--force'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'edunorm-baseline.json'), 'utf8')).entries).toHaveLength(1);
  });
});

describe('exit codes and speed options', () => {
  it('warnings alone exit 0; --max-warnings 0 makes them exit 1; --quiet shows errors only', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(60000, '  note: 1\n'));
    expect(runCli(['check', '.'], { cwd: dir }).code).toBe(0);
    expect(runCli(['check', '.', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(runCli(['check', '.', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'b.yaml'), budget(10000));
    const q = json(['check', '.', '--quiet']);
    expect(ids(q.out)).toEqual(['teacher-training-funds@10:error']);
  });

  it('--concurrency and --shard give the same findings as a plain run', () => {
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `s${String(i).padStart(2, '0')}.yaml`), budget(i * 2000));
    const plain = json(['check', '.']).out;
    const threaded = json(['check', '.', '--concurrency', '2']).out;
    expect(threaded.files).toEqual(plain.files);
    const shards = [1, 2, 3].map((i) => json(['check', '.', '--shard', `${i}/3`]).out.files.map((f: { path: string }) => f.path));
    expect(shards.flat().sort()).toEqual(plain.files.map((f: { path: string }) => f.path).sort());
    expect(new Set(shards.flat()).size).toBe(40);
    expect(runCli(['check', '.', '--shard', '4/3'], { cwd: dir }).code).toBe(2);
  });

  it('--cache reuses results of unchanged files and notices a changed file or rule setting', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(10000));
    writeFileSync(join(dir, 'b.yaml'), budget(60000));
    const first = runCli(['check', '.', '--cache', '--verbose'], { cwd: dir });
    expect(first.stderr).toContain('cache 0 hit(s), 2 miss(es)');
    const second = runCli(['check', '.', '--cache', '--verbose', '--format', 'json'], { cwd: dir });
    expect(second.stderr).toContain('cache 2 hit(s), 0 miss(es)');
    expect(second.code).toBe(1);
    writeFileSync(join(dir, 'b.yaml'), budget(5000));
    expect(runCli(['check', '.', '--cache', '--verbose'], { cwd: dir }).stderr).toContain('cache 1 hit(s), 1 miss(es)');
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: warning\n');
    const changed = runCli(['check', '.', '--cache', '--verbose', '--format', 'json'], { cwd: dir });
    expect(changed.stderr).toContain('cache 0 hit(s), 2 miss(es)');
    expect(changed.code).toBe(0);
  });
});
