/**
 * check -o is judged writable before any file is read, but its temporary file must not exist
 * while the files are checked (outside review): `check 'dir/*' -o dir/out.txt` found it and
 * counted it as a skipped file, and Ctrl-C mid-run left `.out.txt.<pid>.<hex>.tmp` behind at every
 * interruption; a FIFO output with nothing to check blocked before the usage error was said.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'edunorm-review-tmp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a glob over the output's folder does not find the run's own temporary file", () => {
  cpSync(join(EXAMPLES, 'noncompliant'), join(dir, 'nc'), { recursive: true });
  const run = runCli(['check', 'nc/*', '-f', 'json', '-o', 'nc/out.txt', '--verbose'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/\.tmp/);
  expect(readdirSync(join(dir, 'nc')).sort()).toEqual(['budget.yaml', 'out.txt', 'staffing.yaml']);
});

it.skipIf(process.platform === 'win32')('a FIFO as the output: a usage error is said at once, not after a reader comes', () => {
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  const started = Date.now();
  const run = runCli(['check', 'no-such-file.yaml', '-o', 'fifo'], { cwd: dir });
  expect(run.code).toBe(2);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(existsSync(join(dir, 'fifo'))).toBe(true);
}, 70_000);

it('an unwritable output is still told before anything is checked', () => {
  const run = runCli(['check', join(EXAMPLES, 'noncompliant'), '-o', join(EXAMPLES, 'noncompliant', 'budget.yaml', 'x.json')], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
});
