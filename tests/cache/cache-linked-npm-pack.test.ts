/**
 * Outside review E: an npm pack installed as a link (`npm link`, a workspace, pnpm's store)
 * whose link is pointed at another copy of the package — another checkout or worktree of the
 * pack with the same package.json and other rules. The cache remembered each file the
 * configuration depends on by its bytes alone: the link's package.json read the same, the old
 * copy was still there unchanged, so every later `--cache` run served the results of the old
 * rules while a run without the cache used the new ones.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingBudget } from '../helpers/budget-fixture.js';
import { RULES_DIR } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-link-'));
  home = mkdtempSync(join(tmpdir(), 'edunorm-review-e-home-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const check = (cache: boolean) =>
  runCli(['check', '.', '--format', 'json', '--locale', 'en', ...(cache ? ['--cache', '--cache-location', join(dir, 'cache')] : [])], { cwd: join(dir, 'proj'), env: { XDG_CACHE_HOME: home } });

describe('--cache with an npm pack installed as a link', { timeout: 60_000 }, () => {
  it('a link pointed at another copy of the pack (same package.json, other rules) re-checks', () => {
    const rule = readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8');
    const pkg = JSON.stringify({ name: 'county-pack', version: '1.0.0', edunorm: { rules: 'rules' } });
    for (const [name, text] of [['strict', rule], ['lenient', rule.replace(/^severity: error$/m, 'severity: warning')]] as const) {
      mkdirSync(join(dir, name, 'rules'), { recursive: true });
      writeFileSync(join(dir, name, 'package.json'), pkg);
      writeFileSync(join(dir, name, 'rules', 'teacher-training-funds.yaml'), text);
    }
    mkdirSync(join(dir, 'proj', 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'proj', 'budget.yaml'), failingBudget());
    writeFileSync(join(dir, 'proj', 'edunorm.config.yaml'), 'extends:\n  - county-pack\n');
    const link = join(dir, 'proj', 'node_modules', 'county-pack');
    symlinkSync(join(dir, 'strict'), link);
    expect(check(true).code).toBe(1);
    expect(check(true).code).toBe(1);
    // The link now points at the other copy.
    unlinkSync(link);
    symlinkSync(join(dir, 'lenient'), link);
    const without = check(false);
    expect(without.code).toBe(0);
    const withCache = check(true);
    expect(withCache.code).toBe(0);
    expect(withCache.stdout).toBe(without.stdout);
    // And back: the strict rules again, with the cache as without it.
    unlinkSync(link);
    cpSync(join(dir, 'strict'), link, { recursive: true });
    expect(check(true).code).toBe(check(false).code);
  });
});
