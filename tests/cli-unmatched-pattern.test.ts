/**
 * Outside review A: a pattern that names nothing fails the run (exit 2, as ESLint's "No files
 * matching the pattern") even when another pattern matched, and in every shard of a matrix —
 * before, `check good/ 'typo/**'` and `check 'typo/**' --shard i/n` exited 0.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('a pattern that matches nothing', { timeout: 60_000 }, () => {
  it('fails the run beside a pattern that matched', () => {
    const r = runCli(['check', 'examples/compliant', 'typo/**/*.yaml', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no files match "typo/**/*.yaml"');
    expect(r.stderr).toContain('--no-error-on-unmatched-pattern');
    expect(runCli(['check', 'examples/compliant', 'typo/**/*.yaml', '--no-error-on-unmatched-pattern']).code).toBe(0);
  });

  it('fails every shard when it is all there is; an empty shard of a real tree still passes', () => {
    for (const shard of ['1/2', '2/2']) {
      const r = runCli(['check', 'nomatch/**/*.yaml', '--shard', shard, '--locale', 'en']);
      expect(r.code, shard).toBe(2);
      expect(r.stderr).toContain('no files match "nomatch/**/*.yaml"');
      expect(runCli(['check', 'nomatch/**/*.yaml', '--shard', shard, '--no-error-on-unmatched-pattern']).code).toBe(0);
    }
    // examples/county is one district: all of it is in one shard, the other is empty by design.
    const codes = ['1/2', '2/2'].map((s) => runCli(['check', 'examples/county', '--shard', s]).code);
    expect(codes.sort()).toEqual([0, 1]);
  });
});
