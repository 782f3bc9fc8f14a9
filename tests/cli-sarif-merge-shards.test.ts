/**
 * Outside review A: sarif-merge merged 2 of 3 shards without a word — a valid log that, uploaded,
 * closes the third shard's alerts as fixed — and merged shards of different runs (other paths,
 * another --config). `check --shard i/n --format sarif` now records which shard of which run it
 * is (runs[0].properties.edunormShard); the merge wants every shard of one run, once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { officialValidator } from './helpers/sarif-official.js';

let out: string;
const f = (name: string) => join(out, name);
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'edunorm-review-a-'));
  for (let i = 1; i <= 3; i++) expect(runCli(['check', 'examples', '--format', 'sarif', '--shard', `${i}/3`, '-o', f(`${i}.sarif`)]).code).not.toBe(2);
  runCli(['check', 'examples/county', '--format', 'sarif', '--shard', '3/3', '-o', f('other-3.sarif')]);
  runCli(['check', 'examples', '--format', 'sarif', '-o', f('full.sarif')]);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));
const merge = (...names: string[]) => runCli(['sarif-merge', ...names.map(f), '--locale', 'en']);

describe('sarif-merge and the shards of one run', { timeout: 120_000 }, () => {
  it('merges all the shards into one run without their shard identity, as the unsharded run', () => {
    const r = merge('3.sarif', '1.sarif', '2.sarif');
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(officialValidator()(log)).toBe(true);
    expect(log.runs[0].properties?.edunormShard).toBeUndefined();
    const full = JSON.parse(readFileSync(f('full.sarif'), 'utf8'));
    const prints = (l: { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }) => l.runs[0]!.results.map((x) => x.partialFingerprints['edunormFingerprint/v1']).sort();
    expect(prints(log)).toEqual(prints(full));
  });

  it('refuses a missing shard, a shard given twice, a shard of another run, a shard mixed with an unsharded log', () => {
    let r = merge('1.sarif', '2.sarif');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('shard 3 of 3 missing')]);
    r = merge('1.sarif', '2.sarif', '2.sarif', '3.sarif');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/appears in both .*2\.sarif and .*2\.sarif/)]);
    // A shard with no files (more shards than districts) given twice, another one left out.
    runCli(['check', 'examples/county', '--format', 'sarif', '--shard', '1/2', '-o', f('c1.sarif')]);
    runCli(['check', 'examples/county', '--format', 'sarif', '--shard', '2/2', '-o', f('c2.sarif')]);
    const empty = JSON.parse(readFileSync(f('c1.sarif'), 'utf8')).runs[0].artifacts.length === 0 ? 'c1.sarif' : 'c2.sarif';
    r = merge(empty, empty);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/are both shard [12]\/2; give each shard once/)]);
    r = merge('1.sarif', '2.sarif', 'other-3.sarif');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('are shards of different runs')]);
    // Disjoint files, so only the mix of a shard and an unsharded log is wrong.
    runCli(['check', 'examples/noncompliant', '--format', 'sarif', '--shard', '1/1', '-o', f('nc-1.sarif')]);
    runCli(['check', 'examples/county', '--format', 'sarif', '-o', f('county.sarif')]);
    r = merge('nc-1.sarif', 'county.sarif');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('is a shard of a --shard run and')]);
    expect(merge('nc-1.sarif').code).toBe(0);
    // An unsharded log alone merges as before.
    expect(merge('full.sarif').code).toBe(0);
  });
});
