/**
 * Outside review E: `edunorm report --cache --output` named the cache file. `check` refuses
 * that (the report would replace the cache, or the cache the report); `report` wrote its page
 * over the cache, and every later `--cache` run then ran without a cache, told that the file
 * at the cache location "is not edunorm's".
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingBudget } from '../helpers/budget-fixture.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-report-'));
  home = mkdtempSync(join(tmpdir(), 'edunorm-review-e-home-'));
  writeFileSync(join(dir, 'budget.yaml'), failingBudget());
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, { cwd: dir, env: { XDG_CACHE_HOME: home } });

describe('report --output at the cache file', { timeout: 60_000 }, () => {
  it('is refused (exit 2), by its name or through a link, and the cache stays as it was', () => {
    expect(run(['check', '.', '--cache']).code).toBe(1);
    const cache = readFileSync(join(dir, '.edunormcache'));
    symlinkSync('.edunormcache', join(dir, 'page.html'));
    for (const output of ['.edunormcache', 'page.html']) {
      for (const format of ['html', 'markdown']) {
        const r = run(['report', '.', '--cache', '--format', format, '--output', output, '--locale', 'en']);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain('is the cache file');
        expect(readFileSync(join(dir, '.edunormcache')).equals(cache)).toBe(true);
      }
    }
    // The cache still serves: the next run uses it, no "not edunorm's" line.
    const again = run(['check', '.', '--cache', '--verbose', '--locale', 'en']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cache 1 hit(s)');
  });
});
