/**
 * Outside review E: `edunorm report --cache --output` named the cache file. `check` refuses
 * that (the report would replace the cache, or the cache the report); `report` wrote its page
 * over the cache, and every later `--cache` run then ran without a cache, told that the file
 * at the cache location "is not edunorm's".
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/sandbox.js';

const box = sandbox('report');
const run = box.run;

describe('report --output at the cache file', { timeout: 60_000 }, () => {
  it('is refused (exit 2), by its name or through a link, and the cache stays as it was', () => {
    expect(run(['check', '.', '--cache']).code).toBe(1);
    const cache = readFileSync(join(box.dir, '.edunormcache'));
    symlinkSync('.edunormcache', join(box.dir, 'page.html'));
    for (const output of ['.edunormcache', 'page.html']) {
      for (const format of ['html', 'markdown']) {
        const r = run(['report', '.', '--cache', '--format', format, '--output', output, '--locale', 'en']);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain('is the cache file');
        expect(readFileSync(join(box.dir, '.edunormcache')).equals(cache)).toBe(true);
      }
    }
    // The cache still serves: the next run uses it, no "not edunorm's" line.
    const again = run(['check', '.', '--cache', '--verbose', '--locale', 'en']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cache 1 hit(s)');
  });
});
