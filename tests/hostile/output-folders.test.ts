/**
 * check -o opens its output before any file is read (outside review): the folders it makes for
 * it must not stay behind when the run then ends in a usage error — ESLint makes them only when
 * it writes the report.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'edunorm-review-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  ['nothing to check', ['check', 'no-such-file.yaml']],
  ['a bad --shard', ['check', join(EXAMPLES, 'noncompliant'), '--shard', '3/2']],
  ['a bad --concurrency', ['check', join(EXAMPLES, 'noncompliant'), '--concurrency', 'xyz']],
  ['a missing --config', ['check', join(EXAMPLES, 'noncompliant'), '--config', 'nope.yaml']],
])('a usage error after -o (%s) leaves no folder made for the output', (_, args) => {
  const run = runCli([...args, '-o', 'reports/2025/out.json'], { cwd: dir });
  expect(run.code).toBe(2);
  expect(existsSync(join(dir, 'reports'))).toBe(false);
});

it('a run that writes its report still makes the folders', () => {
  const run = runCli(['check', join(EXAMPLES, 'noncompliant'), '-o', 'made/here/out.json'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(existsSync(join(dir, 'made', 'here', 'out.json'))).toBe(true);
});
