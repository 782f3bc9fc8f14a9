/**
 * The CLI on a sample of mutated files: exit 0 or 1, valid SARIF whose regions lie inside each
 * file, no stack trace; and `--concurrency 2` gives exactly the results of one thread on the
 * same generated corpus.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRegionsInside, expectValidSarif, STACK_TRACE } from '../helpers/sarif.js';
import { pool, runCliAsync } from '../hostile/cli-runner.js';
import { FUZZ_RUNS, FUZZ_SEED, mutated, seeds } from './mutations.js';

/** 60 files in `npm test`, 300 with `npm run fuzz`. */
const FILES = FUZZ_RUNS >= 10_000 ? 300 : 60;
const ONE_BY_ONE = FUZZ_RUNS >= 10_000 ? 40 : 8;

let dir: string;
const texts = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-fuzz-cli-'));
  const sample = fc.sample(mutated(seeds()), { numRuns: FILES, seed: FUZZ_SEED ?? 20251123 });
  sample.forEach(({ text }, i) => {
    const name = `m${String(i).padStart(3, '0')}.yaml`;
    writeFileSync(join(dir, name), text);
    // The CLI decodes UTF-8 with replacement (and drops a BOM); regions refer to that text.
    texts.set(name, new TextDecoder('utf-8').decode(Buffer.from(text)));
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function regionsInside(stdout: string, context: string) {
  const sarif = expectValidSarif(stdout, context);
  const byFile = new Map<string, typeof sarif>();
  for (const r of sarif.runs[0]!.results) {
    const uri = r.locations[0]!.physicalLocation.artifactLocation.uri;
    const one = { ...sarif, runs: [{ ...sarif.runs[0]!, results: [r] }] };
    expectRegionsInside(one, texts.get(decodeURI(uri))!, `${context} ${uri}`);
    byFile.set(uri, one);
  }
  return sarif;
}

describe(`edunorm check on ${FILES} mutated files`, () => {
  it('the folder at once: exit 0 or 1, valid SARIF, regions inside each file, no stack trace', async () => {
    const r = await runCliAsync(['check', '.', '--format', 'sarif', '--locale', 'en'], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    regionsInside(r.stdout, 'folder');
  });

  it(`${ONE_BY_ONE} of them one by one, as \`edunorm check FILE --format sarif\``, async () => {
    const names = [...texts.keys()].slice(0, ONE_BY_ONE);
    const runs = await pool(names, 3, (name) => runCliAsync(['check', name, '--format', 'sarif', '--no-error-on-unmatched-pattern'], { cwd: dir }));
    runs.forEach((r, i) => {
      expect([0, 1], `${names[i]}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      regionsInside(r.stdout, names[i]!);
    });
  });

  it('--concurrency 2 gives exactly the results of --concurrency 1 (same files, same order, same findings)', async () => {
    const [one, two] = await Promise.all([
      runCliAsync(['check', '.', '--format', 'json', '--locale', 'en', '--concurrency', '1'], { cwd: dir }),
      runCliAsync(['check', '.', '--format', 'json', '--locale', 'en', '--concurrency', '2'], { cwd: dir }),
    ]);
    expect(two.code).toBe(one.code);
    const a = JSON.parse(one.stdout) as { files: unknown[]; summary: unknown };
    const b = JSON.parse(two.stdout) as { files: unknown[]; summary: unknown };
    expect(b.files.length).toBeGreaterThan(FILES / 3); // files that are not ours are left out
    expect(b.files).toEqual(a.files);
    expect(b.summary).toEqual(a.summary);
  });
});
