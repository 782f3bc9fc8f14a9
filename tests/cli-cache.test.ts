/**
 * `--cache` can make a run faster, never change its verdict: a cache committed to the
 * repository, hand-written, edited or garbage is ignored (an entry that does not verify or has
 * an unexpected shape is a miss), and a pack that gains a rule file or an npm pack that moves
 * re-checks. The cache secret lives in the user's cache folder (XDG_CACHE_HOME here).
 */
import { createHash, createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resultKey } from '../packages/cli/src/result-cache.js';
import { cliVersion } from '../packages/cli/src/version.js';
import { DEFAULT_CONFIG_HASH } from '../packages/core/src/config-files.js';
import { RULES_DIR } from './helpers/paths.js';
import { failingBudget } from './helpers/budget-fixture.js';
import { runCli } from './helpers/run-cli.js';
import { STACK_TRACE } from './helpers/sarif.js';
import { parseRecord, readCache, recordBytes, writeCache, type CacheEntry } from './helpers/cache-file.js';
import { pool, runCliAsync } from './hostile/cli-runner.js';

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-cache-'));
  home = mkdtempSync(join(tmpdir(), 'edunorm-cache-home-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

/** 150,000 of 4,000,000 public funds: teacher-training-funds fails (line 9). */
const FAILING = failingBudget();
/** 250,000 of 4,000,000 (6.25%): passes. */
const PASSING = FAILING.replace('teacherTraining: 150000', 'teacherTraining: 250000');

const check = (args: string[] = [], cacheHome = home) =>
  runCli(['check', '.', '--cache', '--format', 'json', '--locale', 'en', ...args], { cwd: dir, env: { XDG_CACHE_HOME: cacheHome } });
const ruleIds = (stdout: string) => (JSON.parse(stdout) as { files: { findings: { ruleId: string; line: number }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.ruleId}@${x.line}`));
const cacheFile = () => join(dir, '.edunormcache');
const keyOf = (cacheHome: string) => readFileSync(join(cacheHome, 'edunorm', 'cache-key'));
const signV6 = (key: Buffer, body: string) => createHmac('sha256', key).update('edunorm-cache-v6\0').update(body).digest('hex');

/** Rewrites each record of the cache and signs it with `key` (what someone holding that key could do). */
function forge(key: Buffer, edit: (record: { meta: Record<string, unknown>; report: Record<string, unknown> }, entry: CacheEntry) => void): void {
  const cache = readCache(cacheFile());
  for (const [file, bytes] of cache.records) {
    // The rendered JSON element (if any) is dropped: it would still show the findings edited away.
    const { j: _j, p: _p, ...meta } = parseRecord(bytes).meta;
    const r = { ...parseRecord(bytes), meta };
    const record = { meta: r.meta, report: JSON.parse(r.line) as Record<string, unknown> };
    edit(record, cache.index.entries[file]!);
    cache.records.set(file, recordBytes({ meta: record.meta, line: JSON.stringify(record.report) }));
  }
  writeCache(cacheFile(), key, cache);
}

describe('a cache never changes a verdict', { timeout: 120_000 }, () => {
  it('a hand-written .edunormcache saying "no findings" for a failing file still exits 1', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    const sha = createHash('sha256').update(FAILING).digest('hex');
    const st = statSync(join(dir, 'budget.yaml'));
    // The attack of the report: every part of the key can be computed offline (the file's
    // digest, the built-in pack's public hash, the version, the options), and the stat shortcut
    // even skips reading the file. Written in the old formats and in the new one with a made-up
    // signature; before the signature, the format-4 cache made this run exit 0.
    const key = resultKey(DEFAULT_CONFIG_HASH, cliVersion(), { locale: 'en', reportUnusedDirectives: false });
    const entry = { key, sha, size: st.size, mtimeMs: st.mtimeMs, report: { isEdunorm: true, findings: [], suppressed: [] } };
    const body = JSON.stringify({ entries: { [join(dir, 'budget.yaml')]: entry }, configs: {}, citations: {} });
    const file = join(dir, 'budget.yaml');
    const record = recordBytes({ meta: { e: true, c: [0, 0, 0] }, line: JSON.stringify(entry.report) });
    const current = { k: key, s: sha, z: st.size, m: st.mtimeMs, c: st.ctimeMs, i: st.ino, t: 1 as const, o: 0, l: record.length, h: '' };
    for (const forged of [
      JSON.stringify({ format: 4, entries: { [file]: entry }, configs: {}, citations: {} }),
      JSON.stringify({ format: 5, entries: { [file]: { ...entry, report: { ...entry.report, documents: [] } } }, configs: {}, citations: {} }),
      JSON.stringify({ format: 6, tool: 'edunorm', mac: signV6(Buffer.alloc(32), body), body }),
      'current',
    ]) {
      if (forged === 'current') writeCache(cacheFile(), Buffer.alloc(32), { index: { entries: { [file]: current }, configs: {}, districts: {} }, records: new Map([[file, record]]) });
      else writeFileSync(cacheFile(), forged);
      const r = check(['--verbose']);
      expect(r.code).toBe(1);
      expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    }
  });

  it('a cache signed on another machine (a committed one) is ignored: still exit 1', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    const attacker = mkdtempSync(join(tmpdir(), 'edunorm-attacker-'));
    try {
      expect(check([], attacker).code).toBe(1);
      forge(keyOf(attacker), (r) => {
        r.report.findings = [];
        r.meta.c = [0, 0, 0];
      });
      // With the attacker's own key the forged cache is honoured (this is their machine)…
      expect(check([], attacker).code).toBe(0);
      // …with the victim's key it is not.
      const victim = check(['--verbose']);
      expect(victim.code).toBe(1);
      expect(ruleIds(victim.stdout)).toEqual(['teacher-training-funds@10']);
      expect(victim.stderr).toContain('did not verify (bad signature)');
    } finally {
      rmSync(attacker, { recursive: true, force: true });
    }
  });

  it('the key is created 0600 in the user cache folder; a key readable by others (as git checks out) is not used', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    expect(check().code).toBe(1);
    const keyPath = join(home, 'edunorm', 'cache-key');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(keyPath).size).toBe(32);
    chmodSync(keyPath, 0o644);
    const r = check();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/running without the cache: .*readable by others/);
  });

  it('garbage or edited caches: the run works, no crash, same findings', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    const garbage = ['', 'null', '[]', '{', '\u0000\u00ff binary', '{"format":6,"body":"{","mac":"00"}', '{"format":6,"body":1,"mac":null}', JSON.stringify({ format: 6, body: 'x'.repeat(10), mac: 'zz' })];
    for (const g of garbage) {
      writeFileSync(cacheFile(), g);
      const r = check();
      expect(r.code, JSON.stringify(g)).toBe(1);
      expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    // Correctly signed but of the wrong shape (a cache of an older edunorm, a bug): a miss.
    const shapes: ((r: { meta: Record<string, unknown> }, e: CacheEntry) => void)[] = [
      (r) => (r.meta.c = 'none'),
      (r) => (r.meta.c = [0, 0]),
      (r) => (r.meta.c = [-1, 0, 0]),
      (r) => (r.meta.e = 1),
      (r) => (r.meta.w = { contributions: 5, directives: [] }),
      (r) => (r.meta.r = [{ documentIndex: 0, ruleId: 'x', outcome: 'o', severity: 'fatal', count: 1 }]),
      (_r, e) => ((e as unknown as Record<string, unknown>).k = 7),
      (_r, e) => ((e as unknown as Record<string, unknown>).z = 'big'),
      (_r, e) => ((e as unknown as Record<string, unknown>).t = 2),
    ];
    for (const [i, edit] of shapes.entries()) {
      rmSync(cacheFile(), { force: true });
      expect(check().code).toBe(1);
      forge(keyOf(home), edit);
      const r = check(['--verbose']);
      expect(r.code, `shape ${i}`).toBe(1);
      expect(ruleIds(r.stdout), `shape ${i}`).toEqual(['teacher-training-funds@10']);
      expect(r.stderr).toContain('cache 0 hit(s), 1 miss(es)');
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('no user cache folder can be made: the run goes on without the cache, never fails', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    const r = check([], '/dev/null/edunorm');
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(r.stderr).toContain('running without the cache');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a local pack that gains a rule file re-checks', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    // The pack lies outside the checked folder (rule files are not submissions).
    const pack = join(home, 'pack');
    mkdirSync(pack);
    copyFileSync(join(RULES_DIR, 'performance-pay-control-line.yaml'), join(pack, 'performance-pay-control-line.yaml'));
    writeFileSync(join(dir, 'edunorm.config.yaml'), `extends:\n  - ${JSON.stringify(pack)}\n`);
    const first = check(['--verbose']);
    expect(first.code).toBe(0);
    expect(check(['--verbose']).stderr).toContain('cache 1 hit(s), 0 miss(es)');
    copyFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), join(pack, 'teacher-training-funds.yaml'));
    const second = check(['--verbose']);
    expect(second.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    expect(second.code).toBe(1);
    expect(ruleIds(second.stdout)).toEqual(['teacher-training-funds@10']);
  });

  it('an npm pack whose rule folder moves, or that a nearer node_modules shadows, re-checks', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'budget.yaml'), FAILING);
    writeFileSync(join(dir, 'sub', 'edunorm.config.yaml'), 'extends:\n  - county-pack\n');
    const pkg = join(dir, 'node_modules', 'county-pack');
    mkdirSync(join(pkg, 'rules'), { recursive: true });
    mkdirSync(join(pkg, 'rules-lenient'), { recursive: true });
    const rule = readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8');
    writeFileSync(join(pkg, 'rules', 'teacher-training-funds.yaml'), rule);
    writeFileSync(join(pkg, 'rules-lenient', 'teacher-training-funds.yaml'), rule.replace(/^severity: error$/m, 'severity: warning'));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'county-pack', version: '1.0.0', edunorm: { rules: 'rules' } }));
    expect(check().code).toBe(1);
    expect(check(['--verbose']).stderr).toContain('cache 1 hit(s), 0 miss(es)');
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'county-pack', version: '1.0.1', edunorm: { rules: 'rules-lenient' } }));
    const moved = check(['--verbose']);
    expect(moved.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    expect(moved.code).toBe(0);
    // A nearer install of the package now wins resolution: the strict rules again.
    cpSync(pkg, join(dir, 'sub', 'node_modules', 'county-pack'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'node_modules', 'county-pack', 'package.json'), JSON.stringify({ name: 'county-pack', version: '2.0.0', edunorm: { rules: 'rules' } }));
    const shadowed = check(['--verbose']);
    expect(shadowed.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    expect(shadowed.code).toBe(1);
  });

  it('an entry edited by hand, or one from another file pasted in, is a miss', () => {
    writeFileSync(join(dir, 'fail.yaml'), FAILING);
    writeFileSync(join(dir, 'ok.yaml'), PASSING);
    expect(check().code).toBe(1);
    const fail = join(dir, 'fail.yaml');
    const ok = join(dir, 'ok.yaml');
    const original = readCache(cacheFile());
    // The report says "info" instead of "error", its counts agree; the signed index still holds
    // the old digest (whoever edits records without the key cannot re-sign, so nor do we here).
    const edited = parseRecord(original.records.get(fail)!);
    edited.line = edited.line.replaceAll('"severity":"error"', '"severity":"info"');
    edited.meta.c = [0, 0, 1];
    writeCache(cacheFile(), keyOf(home), { index: original.index, records: new Map([...original.records, [fail, recordBytes(edited)]]) }, { digests: 'keep' });
    let r = check(['--verbose']);
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(r.stderr).toContain('cache 1 hit(s), 1 miss(es)');
    // ok.yaml's entry and record in fail.yaml's place, fail.yaml's stat kept so the stat
    // shortcut takes ok.yaml's digest: the record's digest names ok.yaml, not fail.yaml.
    const fresh = readCache(cacheFile());
    const pasted = { ...fresh.index.entries[ok]!, z: fresh.index.entries[fail]!.z, m: fresh.index.entries[fail]!.m, c: fresh.index.entries[fail]!.c, i: fresh.index.entries[fail]!.i, t: 1 as const };
    writeCache(cacheFile(), keyOf(home), { index: { ...fresh.index, entries: { ...fresh.index.entries, [fail]: pasted } }, records: new Map([...fresh.records, [fail, fresh.records.get(ok)!]]) }, { digests: 'keep' });
    r = check(['--verbose']);
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(r.stderr).toContain('cache 1 hit(s), 1 miss(es)');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('an entry from another configuration, language or edunorm version pasted in (and signed) is a miss', () => {
    const file = join(dir, 'budget.yaml');
    writeFileSync(file, FAILING);
    // Written under a configuration whose pack makes teacher-training-funds a warning.
    const pack = join(home, 'lenient');
    mkdirSync(pack);
    writeFileSync(join(pack, 'teacher-training-funds.yaml'), readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8').replace(/^severity: error$/m, 'severity: warning'));
    writeFileSync(join(dir, 'edunorm.config.yaml'), `extends:\n  - ${JSON.stringify(pack)}\n`);
    expect(check().code).toBe(0);
    const lenient = readCache(cacheFile());
    rmSync(join(dir, 'edunorm.config.yaml'));
    const strict = check();
    expect(strict.code).toBe(1);
    const paste = (from: ReturnType<typeof readCache>) => {
      const into = readCache(cacheFile());
      writeCache(cacheFile(), keyOf(home), { index: { ...into.index, entries: { ...into.index.entries, [file]: from.index.entries[file]! } }, records: new Map([...into.records, [file, from.records.get(file)!]]) });
    };
    paste(lenient);
    let r = check(['--verbose']);
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(r.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    // Written in Chinese, pasted into an English run: the English message, not the cached one.
    const zh = runCli(['check', '.', '--cache', '--format', 'json', '--locale', 'zh-CN'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    expect(zh.code).toBe(1);
    paste(readCache(cacheFile()));
    r = check(['--verbose']);
    expect(r.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    expect(JSON.parse(r.stdout).files[0].findings[0].message).toMatch(/^Teacher-training funds of/);
    // "No findings" under a key of another version: a miss. The same forgery under this
    // version's key is served (the key holder's own machine) — so it is the version that counts.
    const st = statSync(file);
    const sha = createHash('sha256').update(FAILING).digest('hex');
    for (const [version, code] of [['0.0.0-other', 1], [cliVersion(), 0]] as const) {
      const key = resultKey(DEFAULT_CONFIG_HASH, version, { locale: 'en', reportUnusedDirectives: false });
      const record = recordBytes({ meta: { e: true, c: [0, 0, 0] }, line: JSON.stringify({ isEdunorm: true, findings: [], suppressed: [] }) });
      const entry = { k: key, s: sha, z: st.size, m: st.mtimeMs, c: st.ctimeMs, i: st.ino, t: 0 as const, o: 0, l: 0, h: '' };
      writeCache(cacheFile(), keyOf(home), { index: { entries: { [file]: entry }, configs: {}, districts: {} }, records: new Map([[file, record]]) });
      expect(check().code, version).toBe(code);
    }
  });

  it('runs at once on one cache, each changing files: every run gives the verdict of a run without the cache', async () => {
    // 12 files, half failing; each round rewrites a few of them and starts 4 runs together, all
    // saving into the same cache (appends and rewrites racing each other).
    const names = Array.from({ length: 12 }, (_, i) => `s${i}.yaml`);
    names.forEach((n, i) => writeFileSync(join(dir, n), i % 2 ? FAILING : PASSING));
    const expected = () => names.filter((n) => readFileSync(join(dir, n), 'utf8') === FAILING).length;
    for (let round = 0; round < 4; round++) {
      for (let k = 0; k < 3; k++) {
        const n = names[(round * 3 + k) % names.length]!;
        writeFileSync(join(dir, n), readFileSync(join(dir, n), 'utf8') === FAILING ? PASSING : FAILING);
      }
      const failing = expected();
      const runs = await pool([0, 1, 2, 3], 4, () => runCliAsync(['check', '.', '--cache', '--format', 'json', '--locale', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: home } }));
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(failing ? 1 : 0);
        expect(ruleIds(r.stdout).filter((id) => id.startsWith('teacher-training-funds'))).toHaveLength(failing);
        expect(r.stderr).not.toMatch(STACK_TRACE);
      }
    }
    // And the cache left behind serves a run that agrees too.
    const after = check(['--verbose']);
    expect(after.code).toBe(1);
    // (It is the same cache: the runs above signed it with the same key.)
    expect(after.stderr).not.toContain('did not verify');
    expect(ruleIds(after.stdout).filter((id) => id.startsWith('teacher-training-funds'))).toHaveLength(expected());
  });

  it('a truncated cache, cut anywhere, is ignored or a miss: same findings, no crash', () => {
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    expect(check().code).toBe(1);
    const whole = readFileSync(cacheFile());
    const eol = whole.indexOf(10);
    for (const at of [0, 1, eol, eol + 1, eol + 20, Math.floor(whole.length / 2), whole.length - 2, whole.length - 1]) {
      writeFileSync(cacheFile(), whole.subarray(0, at));
      const r = check(['--verbose']);
      expect(r.code, `cut at ${at}`).toBe(1);
      expect(ruleIds(r.stdout), `cut at ${at}`).toEqual(['teacher-training-funds@10']);
      expect(r.stderr).toContain('cache 0 hit(s), 1 miss(es)');
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    // Bytes added after the last record do not matter; the run after a clean one hits.
    writeFileSync(cacheFile(), Buffer.concat([readFileSync(cacheFile()), Buffer.from('trailing')]));
    expect(check(['--verbose']).stderr).toContain('cache 1 hit(s), 0 miss(es)');
  });

  it.skipIf(process.platform === 'win32')('a cache location that is a FIFO or a link is never read through; a link to an input is refused', () => {
    const file = join(dir, 'budget.yaml');
    writeFileSync(file, FAILING);
    execFileSync('mkfifo', [cacheFile()]);
    // Reading a FIFO without a writer would wait forever (runCli's timeout would fail this).
    let r = check(['--verbose']);
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(lstatSync(cacheFile()).isFile()).toBe(true);
    expect(check(['--verbose']).stderr).toContain('cache 1 hit(s), 0 miss(es)');
    // A link to someone's file: not read, not written through; the cache takes the link's place.
    const victim = join(home, 'notes.txt');
    writeFileSync(victim, 'precious');
    rmSync(cacheFile());
    symlinkSync(victim, cacheFile());
    r = check(['--verbose']);
    expect(r.code).toBe(1);
    expect(ruleIds(r.stdout)).toEqual(['teacher-training-funds@10']);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(false);
    // A link to a file being checked: exit 2, the file untouched.
    rmSync(cacheFile());
    symlinkSync(file, cacheFile());
    r = check();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cache-location names budget.yaml');
    expect(readFileSync(file, 'utf8')).toBe(FAILING);
    // A hard link to it (the same inode under another name), with and without --shard.
    rmSync(cacheFile());
    linkSync(file, cacheFile());
    for (const extra of [[], ['--shard', '1/1']]) {
      r = check(extra);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain('--cache-location names budget.yaml');
      expect(readFileSync(file, 'utf8')).toBe(FAILING);
    }
  });

  it.skipIf(process.platform === 'win32')('the stat shortcut: a touched file is served by its bytes; new bytes of the same size and mtime are caught', async () => {
    const file = join(dir, 'budget.yaml');
    writeFileSync(file, FAILING);
    // Older than the racy window, so the first run may trust the stat it records.
    await new Promise((done) => setTimeout(done, 2200));
    expect(check().code).toBe(1);
    expect(check(['--verbose']).stderr).toContain('cache 1 hit(s), 0 miss(es)');
    const before = statSync(file, { bigint: true });
    // 250,000 of 4,000,000 (6.25%) passes; same length, and the mtime set back as it was.
    const fixed = FAILING.replace('teacherTraining: 150000', 'teacherTraining: 250000');
    expect(fixed.length).toBe(FAILING.length);
    writeFileSync(file, fixed);
    // To the nanosecond, as an archive tool restoring times would (utimes via `touch -d @s.ns`).
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    expect(statSync(file).size).toBe(Number(before.size));
    let r = check(['--verbose']);
    expect(r.stderr).toContain('cache 0 hit(s), 1 miss(es)');
    expect(r.code).toBe(0);
    // Touched (new mtime and ctime), the same bytes: served from the cache by its content.
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    r = check(['--verbose']);
    expect(r.stderr).toContain('cache 1 hit(s), 0 miss(es)');
    expect(r.code).toBe(0);
  });
});

describe('an Io that takes text only', { timeout: 120_000 }, () => {
  it('gets a warm run\'s served JSON elements decoded: the same output as a cold run', async () => {
    const { main } = await import('../packages/cli/src/main.js');
    writeFileSync(join(dir, 'budget.yaml'), FAILING);
    writeFileSync(join(dir, 'ok.yaml'), PASSING.replace('第八中学', '第九中学').replace('"130902008"', '"130902009"'));
    const run = async () => {
      let out = '';
      const code = await main(['check', '.', '--cache', '--format', 'json', '--locale', 'en'], { stdout: (s) => void (out += s), stderr: () => {}, isTTY: false, env: { XDG_CACHE_HOME: home }, cwd: dir });
      return { code, out };
    };
    const cold = await run();
    expect(readCache(cacheFile()).records.size).toBe(2);
    const warm = await run();
    expect(warm).toEqual(cold);
    expect(ruleIds(warm.out)).toEqual(['teacher-training-funds@10']);
  });
});
