/**
 * `--cache` can make a run faster, never change its verdict: a cache committed to the
 * repository, hand-written, edited or garbage is ignored (an entry that does not verify or has
 * an unexpected shape is a miss), and a pack that gains a rule file or an npm pack that moves
 * re-checks. The cache secret lives in the user's cache folder (XDG_CACHE_HOME here).
 */
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const check = (args: string[] = [], cacheHome = home) =>
  runCli(['check', '.', '--cache', '--format', 'json', '--locale', 'en', ...args], { cwd: dir, env: { XDG_CACHE_HOME: cacheHome } });
const ruleIds = (stdout: string) => (JSON.parse(stdout) as { files: { findings: { ruleId: string; line: number }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.ruleId}@${x.line}`));
const cacheFile = () => join(dir, '.edunormcache');
const keyOf = (cacheHome: string) => readFileSync(join(cacheHome, 'edunorm', 'cache-key'));
const sign = (key: Buffer, body: string) => createHmac('sha256', key).update('edunorm-cache-v6\0').update(body).digest('hex');

/** Rewrites the cache body and signs it with `key` (what someone holding that key could do). */
function forge(key: Buffer, edit: (body: { entries: Record<string, { report: { findings: unknown[] } }> }) => void): void {
  const outer = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { body: string };
  const body = JSON.parse(outer.body) as { entries: Record<string, { report: { findings: unknown[] } }> };
  edit(body);
  const text = JSON.stringify(body);
  writeFileSync(cacheFile(), JSON.stringify({ format: 6, tool: 'edunorm', mac: sign(key, text), body: text }));
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
    const key = resultKey(sha, DEFAULT_CONFIG_HASH, cliVersion(), { locale: 'en', reportUnusedDirectives: false });
    const entry = { key, sha, size: st.size, mtimeMs: st.mtimeMs, report: { isEdunorm: true, findings: [], suppressed: [] } };
    const body = JSON.stringify({ entries: { [join(dir, 'budget.yaml')]: entry }, configs: {}, citations: {} });
    for (const forged of [
      JSON.stringify({ format: 4, entries: { [join(dir, 'budget.yaml')]: entry }, configs: {}, citations: {} }),
      JSON.stringify({ format: 5, entries: { [join(dir, 'budget.yaml')]: { ...entry, report: { ...entry.report, documents: [] } } }, configs: {}, citations: {} }),
      JSON.stringify({ format: 6, tool: 'edunorm', mac: sign(Buffer.alloc(32), body), body }),
    ]) {
      writeFileSync(cacheFile(), forged);
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
      forge(keyOf(attacker), (body) => {
        for (const e of Object.values(body.entries)) e.report.findings = [];
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
    const shapes: ((e: { report: Record<string, unknown> } & Record<string, unknown>) => void)[] = [
      (e) => (e.report.findings = [null]),
      (e) => (e.report.findings = [{ ruleId: 'x', severity: 'error', message: 'm', documentIndex: 0, path: '' }]),
      (e) => (e.report.findings = [{ ruleId: 'x', severity: 'fatal', message: 'm', range: {}, documentIndex: 0, path: '' }]),
      (e) => (e.report.findings = 'none'),
      (e) => (e.report.suppressed = [{}]),
      (e) => (e.report = null as unknown as Record<string, unknown>),
      (e) => (e.key = 7),
      (e) => (e.size = 'big'),
    ];
    for (const [i, edit] of shapes.entries()) {
      rmSync(cacheFile(), { force: true });
      expect(check().code).toBe(1);
      forge(keyOf(home), (body) => {
        for (const e of Object.values(body.entries)) edit(e as unknown as { report: Record<string, unknown> } & Record<string, unknown>);
      });
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
});
