/**
 * Folder walks never skip silently, a run that checked nothing is not "all clear", and the
 * files the CLI writes never crash a run or replace a submission: links to folders, unreadable
 * folders, paths past PATH_MAX, GBK-named files, empty runs; outputs into new folders, a cache
 * that cannot be saved, a closed pipe, hand-edited baselines, outputs naming inputs, two
 * baseline runs at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pool, runCliAsync } from './hostile/cli-runner.js';
import { CLI_BIN } from './helpers/paths.js';
import { failingBudget } from './helpers/budget-fixture.js';
import { runCli } from './helpers/run-cli.js';
import { STACK_TRACE } from './helpers/sarif.js';

let dir: string;
/** The user cache folder (the cache key), outside the checked folder. */
let userCache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-walk-'));
  userCache = mkdtempSync(join(tmpdir(), 'edunorm-walk-key-'));
});
afterEach(() => {
  // rm -rf, not rmSync: the PATH_MAX test leaves a tree deeper than one path can name.
  execFileSync('chmod', ['-R', 'u+rwx', dir]);
  execFileSync('rm', ['-rf', dir, userCache]);
});

/** teacher-training-funds fails on line 10. */
const FAILING = failingBudget();

type Out = { files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[] };
const json = (args: string[], cwd = dir) => {
  const r = runCli([...args, '--format', 'json', '--locale', 'en'], { cwd });
  return { ...r, out: r.stdout ? (JSON.parse(r.stdout) as Out) : undefined };
};
const where = (out: Out | undefined) => (out?.files ?? []).flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));

describe('folder walks never skip silently', { timeout: 120_000 }, () => {
  it('a linked subfolder is followed; a link back into the walk is said on stderr, not looped', () => {
    const outside = mkdtempSync(join(tmpdir(), 'edunorm-walk-outside-'));
    try {
      writeFileSync(join(outside, 'a.yaml'), FAILING);
      mkdirSync(join(dir, 'checked'));
      symlinkSync(outside, join(dir, 'checked', 'linked'));
      symlinkSync(join(dir, 'checked'), join(dir, 'checked', 'loop'));
      const r = json(['check', 'checked']);
      expect(r.code).toBe(1);
      expect(where(r.out)).toEqual(['checked/linked/a.yaml:10 teacher-training-funds']);
      expect(r.stderr).toContain('skipped checked/loop: a link back into a folder being checked');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('an unreadable folder (EACCES) is a finding on it and exits 1, not "all clear"', () => {
    // Root reads a mode-000 folder anyway: the CLI runs as user nobody (setpriv), as a CI user would.
    mkdirSync(join(dir, 'ok'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'ok', 'a.yaml'), FAILING.replace('150000', '200000'));
    writeFileSync(join(dir, 'locked', 'b.yaml'), FAILING);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'locked'), 0o000);
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const [cmd, ...args] = [...asNobody, process.execPath, CLI_BIN, 'check', '.', '--locale', 'en', '--no-color'];
    const r = spawnSync(cmd!, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('locked\n  1:1  error  This folder cannot be read: permission denied (EACCES). None of its files was checked.  file/unreadable');
    expect(r.stdout).not.toContain('all clear');
  });

  it('a folder past PATH_MAX is a finding on it, the files before it are checked', () => {
    // Made with relative steps (no absolute path that long can be created in one call).
    const segment = 'd'.repeat(200);
    execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 1 24); do mkdir ${segment} && cd ${segment}; done && printf '%s' "$2" > deep.yaml`, '_', dir, FAILING]);
    writeFileSync(join(dir, 'top.yaml'), FAILING);
    const r = json(['check', '.']);
    expect(r.code).toBe(1);
    expect(where(r.out)).toContain('top.yaml:10 teacher-training-funds');
    const unreadable = r.out!.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'file/unreadable').map((x) => `${f.path.length > 3000} ${x.message}`));
    expect(unreadable).toEqual([expect.stringMatching(/^true This folder cannot be read: the path is too long \(ENAMETOOLONG\)\. None of its files was checked\.$/)]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a GBK-named file is checked like any other (findings, not file/unreadable), its name shown in Chinese', () => {
    const gbk = Buffer.from([0xc0, 0xee, 0xd7, 0xaf, 0xd0, 0xa1, 0xd1, 0xa7]); // 李庄小学 in GBK
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), gbk, Buffer.from('.yaml')]), FAILING);
    const r = json(['check', '.']);
    expect(r.code).toBe(1);
    expect(where(r.out)).toEqual(['李庄小学.yaml:10 teacher-training-funds']);
    const threaded = json(['check', '.', '--concurrency', '2']);
    expect(where(threaded.out)).toEqual(['李庄小学.yaml:10 teacher-training-funds']);
  });
});

describe('a run that checked nothing exits 2', { timeout: 120_000 }, () => {
  it('an empty folder, a folder of non-edunorm YAML, an unmatched glob: exit 2 with the reason, zh-CN and en', () => {
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'x.yaml'), 'name: not ours\n');
    for (const [input, reason] of [
      ['empty', 'no YAML files in "empty"'],
      ['other', '1 YAML file(s), none of them an edunorm file'],
      ['nothing/**/*.yaml', 'no files match "nothing/**/*.yaml"'],
    ] as const) {
      const r = runCli(['check', input, '--locale', 'en'], { cwd: dir });
      expect(r.code, input).toBe(2);
      expect(r.stderr).toContain(`edunorm: nothing was checked: ${reason}`);
      expect(r.stderr).toContain('--no-error-on-unmatched-pattern');
      expect(r.stdout).not.toContain('all clear');
      const zh = runCli(['check', input, '--locale', 'zh-CN'], { cwd: dir });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain('没有检查任何文件');
      const allowed = runCli(['check', input, '--no-error-on-unmatched-pattern', '--locale', 'en'], { cwd: dir });
      expect(allowed.code, input).toBe(0);
    }
  });
});

describe('outputs: new folders, read-only caches, closed pipes', { timeout: 120_000 }, () => {
  it('--output, --cache-location, report -o and baseline -o create missing folders', () => {
    writeFileSync(join(dir, 'a.yaml'), FAILING);
    const env = { XDG_CACHE_HOME: userCache };
    expect(runCli(['check', 'a.yaml', '--format', 'sarif', '--output', 'out/deep/r.sarif', '--cache', '--cache-location', 'cache/deep/c'], { cwd: dir, env }).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out/deep/r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(existsSync(join(dir, 'cache/deep/c'))).toBe(true);
    expect(runCli(['report', 'a.yaml', '-o', 'reports/2025/r.html'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'reports/2025/r.html'), 'utf8')).toContain('<html');
    expect(runCli(['baseline', 'a.yaml', '-o', 'base/line.json'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'base/line.json'), 'utf8')).entries).toHaveLength(1);
  });

  it('a cache that cannot be saved never fails the run: findings print, exit 1', () => {
    // Root writes into read-only folders, so the cache goes below a regular file (ENOTDIR) —
    // the same failure to the CLI as EACCES/EROFS.
    writeFileSync(join(dir, 'a.yaml'), FAILING);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = runCli(['check', 'a.yaml', '--cache', '--cache-location', 'notes.txt/cache', '--locale', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: userCache } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('teacher-training-funds');
    expect(r.stderr).toMatch(/the cache could not be saved \((ENOTDIR|EEXIST)\)/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('check … | head -1 (EPIPE) exits quietly with the run\'s own code', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `  extra${i}: 1\n`).join('');
    writeFileSync(join(dir, 'many.yaml'), FAILING.replace('150000', '200000') + keys);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI_BIN}" check many.yaml --locale en 2>err.txt | head -1; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^many\.yaml\nexit=0\n$/);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });
});

describe('hand-edited baselines and outputs that name inputs', { timeout: 120_000 }, () => {
  it('a hand-edited baseline is a clear exit-2 error, located, never a crash', () => {
    writeFileSync(join(dir, 'a.yaml'), FAILING);
    const cases: [string, RegExp][] = [
      ['{"format": 1, "entries": [null]}', /b\.json: entries\[0\] is wrong: expected an object/],
      ['{"format": 1, "entries": [{"fingerprint": 1, "ruleId": "x", "file": "a.yaml", "anchor": "", "count": 1}]}', /entries\[0\]\.fingerprint is wrong: expected a string/],
      ['{"format": 1, "entries": [{"fingerprint": "f", "ruleId": "x", "file": "a.yaml", "anchor": "", "count": -1}]}', /entries\[0\]\.count is wrong/],
      ['{"format": 1, "entries": [{"fingerprint": "f", "ruleId": "x", "file": "a.yaml", "anchor": "", "count": 1}, "x"]}', /entries\[1\] is wrong/],
      ['{"format": 1,\n  "entries": [,]}', /b\.json:2:15: the baseline is not valid JSON/],
      ['{"format": 1, "entries": [\n\n   {"a": 1,}]}', /b\.json:3:12: the baseline is not valid JSON/],
      ['null', /is not an edunorm baseline/],
      ['[]', /is not an edunorm baseline/],
      ['{"format": 2, "entries": []}', /is not an edunorm baseline/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'b.json'), text);
      const r = runCli(['check', 'a.yaml', '--baseline', 'b.json', '--locale', 'en'], { cwd: dir });
      expect(r.code, text).toBe(2);
      expect(r.stderr, text).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    writeFileSync(join(dir, 'b.json'), '{"format": 1, "entries": [null]}');
    expect(runCli(['check', 'a.yaml', '--baseline', 'b.json', '--locale', 'zh-CN'], { cwd: dir }).stderr).toContain('entries[0] 不对');
  });

  it('--output, --cache-location, report -o, baseline -o naming a checked file: exit 2, the file untouched', () => {
    writeFileSync(join(dir, 'a.yaml'), FAILING);
    mkdirSync(join(dir, 'sub'));
    for (const args of [
      ['check', '.', '--output', 'a.yaml'],
      ['check', 'a.yaml', '--format', 'sarif', '--output', './sub/../a.yaml'],
      ['check', '.', '--cache', '--cache-location', 'a.yaml'],
      ['report', '.', '-o', 'a.yaml'],
      ['baseline', '.', '-o', 'a.yaml', '--force'],
      // With the cache, the run compares each file's stat with the outputs as it takes it.
      ['check', '.', '--cache', '--output', 'a.yaml'],
      ['check', '.', '--cache', '--shard', '1/1', '--output', 'a.yaml'],
      ['check', 'a.yaml', '--cache', '--output', 'sub/hard.json'],
      ['check', 'a.yaml', '--output', 'sub/hard.json'],
      ['baseline', '.', '--cache', '-o', 'sub/hard.json', '--force'],
    ]) {
      // sub/hard.json: a hard link to a.yaml (the same file by device and inode, another name).
      rmSync(join(dir, 'sub', 'hard.json'), { force: true });
      linkSync(join(dir, 'a.yaml'), join(dir, 'sub', 'hard.json'));
      const r = runCli([...args, '--locale', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: userCache } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/names (\.\/)?a\.yaml, one of the files being checked|a\.yaml is one of the files being checked/);
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(FAILING);
    }
  });

  it('two baseline runs at once without --force: one writes, the other is told, the file is whole', async () => {
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `s${i}.yaml`), FAILING);
    const runs = await pool([0, 1], 2, () => runCliAsync(['baseline', '.', '-o', 'b.json'], { cwd: dir }));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(runs.find((r) => r.code === 2)!.stderr).toContain('b.json exists; add --force to replace it');
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).entries).toHaveLength(30);
  });
});
