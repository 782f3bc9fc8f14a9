/**
 * Outside review E: `check --baseline b.json --output b.json` (meant as "update the baseline")
 * wrote the report over the baseline: the accepted findings were lost and the next
 * `--baseline` run was exit 2 ("not an edunorm baseline"). The output may not be the baseline,
 * by its name, a link or a hard link: exit 2 before anything is checked, the baseline as it was.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingBudget } from '../helpers/budget-fixture.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-baseline-output-'));
  writeFileSync(join(dir, 'budget.yaml'), failingBudget());
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, { cwd: dir });

describe('check --output at the --baseline file', { timeout: 60_000 }, () => {
  it('is refused (exit 2), by its name, a link or a hard link, and the baseline stays as it was', () => {
    expect(run(['baseline', '.', '--output', 'b.json']).code).toBe(0);
    const before = readFileSync(join(dir, 'b.json'), 'utf8');
    symlinkSync('b.json', join(dir, 'link.json'));
    linkSync(join(dir, 'b.json'), join(dir, 'hard.json'));
    for (const output of ['b.json', './b.json', 'link.json', 'hard.json']) {
      for (const format of ['stylish', 'json']) {
        const r = run(['check', '.', '--baseline', 'b.json', '--format', format, '--output', output, '--locale', 'en']);
        expect(r.code, `${output} ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain('is the baseline');
        expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(before);
      }
    }
    // The baseline still absorbs its finding.
    expect(run(['check', '.', '--baseline', 'b.json']).code).toBe(0);
    // Another output is fine.
    expect(run(['check', '.', '--baseline', 'b.json', '--output', 'r.txt']).code).toBe(0);
  });
});
