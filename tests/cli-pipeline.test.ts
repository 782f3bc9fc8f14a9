/**
 * The one check pipeline (packages/cli/src/run-check.ts): the same results, byte for byte and
 * in the same order, whether files are checked in this thread or by a pool of 1, 2 or 3
 * workers, with or without the cache — on a varied corpus: county files whose findings land in
 * other files, files that cannot be read, files that are not ours, bytes that are not UTF-8,
 * names with newlines and markup; a broken configuration exits 2 with the same words from a
 * worker; the temporary spool is gone after success and failure; `auto` stays in one thread on
 * small input. No timing is asserted here (bench/pipeline-memory.mjs measures).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoThreads } from '../packages/cli/src/executor.js';
import { batchesOf } from '../packages/cli/src/check-in-workers.js';
import type { CheckJob } from '../packages/cli/src/check-tasks.js';
import { failingBudget } from './helpers/budget-fixture.js';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';
import { STACK_TRACE } from './helpers/sarif.js';
import { generateSchools } from './fixtures/report/generate-schools.js';
import { parseRecord, readCache } from './helpers/cache-file.js';

let dir: string;
/** TMPDIR of the runs: where the spool lives, so a test can see it is gone. */
let tmp: string;
let userCache: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-pipeline-'));
  tmp = mkdtempSync(join(tmpdir(), 'edunorm-pipeline-tmp-'));
  userCache = mkdtempSync(join(tmpdir(), 'edunorm-pipeline-key-'));
  const corpus = join(dir, 'corpus');
  cpSync(join(ROOT, 'examples'), join(corpus, 'examples'), { recursive: true });
  generateSchools(join(corpus, 'city'), 12);
  const odd = join(corpus, 'odd');
  mkdirSync(odd);
  writeFileSync(join(odd, 'not-ours.yaml'), 'name: a list of things\nitems: [1, 2]\n');
  execFileSync('mkfifo', [join(odd, 'fifo.yaml')]);
  symlinkSync(join(odd, 'nowhere.yaml'), join(odd, 'dangling.yaml'));
  // A byte that is not UTF-8 inside a comment: file/encoding beside the file's own findings.
  writeFileSync(join(odd, 'bad-bytes.yaml'), Buffer.concat([Buffer.from(failingBudget('# note ')), Buffer.from([0xff, 0x0a])]));
  writeFileSync(join(odd, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(failingBudget(), 'utf16le')]));
  writeFileSync(join(odd, 'new\nline `{0}` ::<b>.yaml'), failingBudget());
  writeFileSync(join(odd, 'broken.yaml'), 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: [unclosed\n');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  rmSync(userCache, { recursive: true, force: true });
});

const env = () => ({ TMPDIR: tmp, XDG_CACHE_HOME: userCache });
const cli = (args: string[], cwd = dir) => runCli(args, { cwd, env: env() });
const spoolsLeft = () => readdirSync(tmp).filter((n) => n.startsWith('edunorm-run-'));

describe('in this thread or in a worker pool: the same results', { timeout: 600_000 }, () => {
  for (const format of ['json', 'sarif', 'stylish']) {
    it(`--format ${format}: no --concurrency, 1, 2, 3 and auto give the same output, exit code and messages`, () => {
      const base = cli(['check', 'corpus', '--format', format, '--no-color', '--locale', 'en']);
      expect(base.code).toBe(1);
      expect(base.stderr).not.toMatch(STACK_TRACE);
      for (const c of format === 'json' ? ['1', '2', '3', 'auto'] : ['2', '3']) {
        const r = cli(['check', 'corpus', '--format', format, '--no-color', '--locale', 'en', '--concurrency', c]);
        expect(r.stdout, `--concurrency ${c}`).toBe(base.stdout);
        expect(r.stderr, `--concurrency ${c}`).toBe(base.stderr);
        expect(r.code, `--concurrency ${c}`).toBe(base.code);
      }
      expect(spoolsLeft()).toEqual([]);
    });
  }

  it('the corpus is the varied one it claims: county findings in school files, unreadable, skipped, encoding, markup names', () => {
    const r = cli(['check', 'corpus', '--format', 'json', '--locale', 'en', '--concurrency', '3']);
    const files = (JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] }).files;
    const ids = (suffix: string) => files.filter((f) => f.path.endsWith(suffix)).flatMap((f) => f.findings.map((x) => x.ruleId));
    // A district's finding lands in a school's file; pooled senior-post-share findings are withdrawn.
    expect(ids('xihe-primary/budget-2025.yaml')).toEqual(['district-school-list']);
    expect(ids('no1-junior/staffing-2025.yaml')).toEqual(['district-reference-mismatch']);
    expect(ids('chengguan-primary/staffing-2025.yaml')).toEqual([]);
    expect(ids('fifo.yaml')).toEqual(['file/unreadable']);
    expect(ids('dangling.yaml')).toEqual(['file/unreadable']);
    expect(ids('bad-bytes.yaml')).toContain('file/encoding');
    expect(ids('bad-bytes.yaml')).toContain('teacher-training-funds');
    expect(ids('utf16.yaml')).toEqual(['teacher-training-funds']);
    expect(ids('<b>.yaml')).toEqual(['teacher-training-funds']);
    expect(ids('not-ours.yaml')).toEqual([]);
    // Files in the order of the walk, whatever thread checked them.
    const plain = JSON.parse(cli(['check', 'corpus', '--format', 'json', '--locale', 'en']).stdout) as { files: { path: string }[] };
    expect(files.map((f) => f.path)).toEqual(plain.files.map((f) => f.path));
  });

  it('with --cache: a cold run in 2 workers, a warm run in this thread and one with a changed file give the uncached output', () => {
    const work = mkdtempSync(join(dir, 'cached-'));
    cpSync(join(dir, 'corpus', 'examples'), join(work, 'examples'), { recursive: true });
    generateSchools(join(work, 'city'), 12);
    const args = ['check', '.', '--format', 'json', '--locale', 'en'];
    const plain = cli(args, work);
    const cold = cli([...args, '--cache', '--concurrency', '2'], work);
    const warm = cli([...args, '--cache', '--verbose'], work);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.stderr).toMatch(/cache \d+ hit\(s\), 0 miss\(es\)/);
    const changed = join(work, 'city', readdirSync(join(work, 'city')).sort()[0]!);
    const first = join(changed, readdirSync(changed).sort()[0]!);
    writeFileSync(first, failingBudget());
    const again = cli([...args, '--cache', '--concurrency', '2', '--verbose'], work);
    expect(again.stderr).toMatch(/cache \d+ hit\(s\), 1 miss\(es\)/);
    expect(again.stdout).toBe(cli(args, work).stdout);
  });

  it('with --cache --format json, elements served from the cache: the uncached output from another folder, with --quiet, a baseline, other formats', () => {
    const work = mkdtempSync(join(dir, 'rendered-'));
    cpSync(join(dir, 'corpus', 'examples'), join(work, 'examples'), { recursive: true });
    generateSchools(join(work, 'city'), 12);
    const cache = join(work, 'shared-cache');
    const cached = ['--cache', '--cache-location', cache];
    const json = ['check', '.', '--format', 'json', '--locale', 'en'];
    const plain = cli(json, work);
    expect(cli([...json, ...cached], work).stdout).toBe(plain.stdout);
    // The cache now holds each checked file's JSON element beside its report.
    const records = [...readCache(cache).records.values()].map(parseRecord);
    expect(records.filter((r) => typeof r.meta.j === 'number' && r.meta.p !== undefined).length).toBeGreaterThan(20);
    const warm = cli([...json, ...cached, '--verbose'], work);
    expect(warm.stderr).toMatch(/cache \d+ hit\(s\), 0 miss\(es\)/);
    expect(warm.stdout).toBe(plain.stdout);
    // From another working folder every relative path differs: the elements are rendered again.
    const sub = join(work, 'city');
    const elsewhere = ['check', '..', '--format', 'json', '--locale', 'en'];
    expect(cli([...elsewhere, ...cached], sub).stdout).toBe(cli(elsewhere, sub).stdout);
    // What changes reports before they are written (--quiet, a baseline) never shows a served element.
    expect(cli([...json, ...cached, '--quiet'], work).stdout).toBe(cli([...json, '--quiet'], work).stdout);
    expect(cli(['baseline', '.', '--output', 'base.json'], work).code).toBe(0);
    writeFileSync(join(work, 'city', readdirSync(join(work, 'city')).sort()[0]!, 'extra.yaml'), failingBudget());
    const withBaseline = [...json, '--baseline', 'base.json'];
    expect(cli([...withBaseline, ...cached], work).stdout).toBe(cli(withBaseline, work).stdout);
    for (const format of ['sarif', 'stylish', 'junit']) {
      const other = ['check', '.', '--format', format, '--locale', 'en'];
      expect(cli([...other, ...cached], work).stdout, format).toBe(cli(other, work).stdout);
    }
  });
});

describe('a broken configuration', { timeout: 300_000 }, () => {
  it('exits 2 with the same located message from a worker as from this thread, and leaves no spool', () => {
    const work = mkdtempSync(join(dir, 'broken-config-'));
    generateSchools(join(work, 'city'), 6);
    mkdirSync(join(work, 'county'));
    writeFileSync(join(work, 'county', 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: [loud\n');
    writeFileSync(join(work, 'county', 'a.yaml'), failingBudget());
    const base = cli(['check', '.', '--locale', 'en'], work);
    expect(base.code).toBe(2);
    expect(base.stderr).toMatch(/edunorm\.config\.yaml:\d+:\d+/);
    expect(base.stderr).not.toMatch(STACK_TRACE);
    for (const c of ['2', '3']) {
      const r = cli(['check', '.', '--locale', 'en', '--concurrency', c], work);
      expect(r.code, c).toBe(2);
      expect(r.stderr, c).toBe(base.stderr);
      expect(r.stdout, c).toBe('');
    }
    expect(spoolsLeft()).toEqual([]);
  });
});

describe('the pipeline as a module', { timeout: 120_000 }, () => {
  it('reports come in target order and can be read again; close() removes the spool; a failing run leaves none', async () => {
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      // The built modules: a worker thread runs dist/check-worker.js.
      const { runCheck } = await import('../packages/cli/dist/run-check.js');
      const { findFiles } = await import('../packages/cli/dist/find-files.js');
      const targets = findFiles(['corpus/examples'], dir).targets;
      const run = await runCheck(targets, { locale: 'en', reportUnusedDirectives: false, version: 'test', concurrency: '2' });
      expect(spoolsLeft()).toHaveLength(1);
      const once: string[] = [];
      for await (const r of run.reports()) once.push(r.file.relative);
      const twice: string[] = [];
      for await (const r of run.reports()) twice.push(r.file.relative);
      expect(once).toEqual(targets.map((t) => t.relative));
      expect(twice).toEqual(once);
      run.close();
      run.close();
      expect(spoolsLeft()).toEqual([]);

      const broken = mkdtempSync(join(dir, 'module-broken-'));
      writeFileSync(join(broken, 'edunorm.config.yaml'), 'rules: [\n');
      writeFileSync(join(broken, 'a.yaml'), failingBudget());
      writeFileSync(join(broken, 'b.yaml'), failingBudget());
      for (const concurrency of [undefined, '2']) {
        await expect(runCheck(findFiles(['.'], broken).targets, { locale: 'en', reportUnusedDirectives: false, version: 'test', ...(concurrency ? { concurrency } : {}) })).rejects.toMatchObject({ name: 'ConfigurationError' });
        expect(spoolsLeft(), String(concurrency)).toEqual([]);
      }
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });
});

describe('choosing the executor', () => {
  const jobs = (sizes: number[]): CheckJob[] => sizes.map((size, index) => ({ index, absolute: `/x/${index}.yaml`, size }));

  it('auto stays in one thread for few bytes or one file, and uses the cores for a large corpus', () => {
    expect(autoThreads(jobs([2000, 3000, 800]), 2)).toBe(1);
    expect(autoThreads(jobs(Array(400).fill(12_000)), 2)).toBe(1); // the 200-school examples' size: 4.8 MB
    expect(autoThreads(jobs([64 * 1024 * 1024]), 2)).toBe(1); // one file cannot be split
    expect(autoThreads(jobs(Array(4000).fill(12_000)), 2)).toBe(2);
    expect(autoThreads(jobs(Array(4000).fill(12_000)), 1)).toBe(1);
  });

  it('--concurrency auto on the examples checks in this thread (no worker line with --verbose)', () => {
    const r = cli(['check', 'corpus/examples', '--concurrency', 'auto', '--verbose', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/threads/);
    expect(cli(['check', 'corpus/city', '--concurrency', '2', '--verbose', '--locale', 'en']).stderr).toMatch(/files checked in 2 threads \(this one and 1 worker\)/);
    expect(cli(['check', 'corpus/city', '--concurrency', '3', '--verbose', '--locale', 'zh-CN']).stderr).toMatch(/文件由 3 个线程检查\(本线程和 2 个工作线程\)/);
  });

  it('workers started ahead for --concurrency never keep a run alive or change it: nothing found, one file, everything cached', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const none = cli(['check', empty, '--concurrency', '2', '--locale', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nothing was checked/);
    const one = cli(['check', 'corpus/odd/broken.yaml', '--concurrency', '4', '--verbose', '--locale', 'en']);
    expect(one.code).toBe(1);
    expect(one.stderr).not.toMatch(/threads/);
    const work = mkdtempSync(join(dir, 'ahead-cached-'));
    generateSchools(join(work, 'city'), 4);
    const cold = cli(['check', '.', '--format', 'json', '--cache', '--concurrency', '2', '--verbose', '--locale', 'en'], work);
    expect(cold.stderr).toMatch(/files checked in 2 threads/);
    const warm = cli(['check', '.', '--format', 'json', '--cache', '--concurrency', '2', '--verbose', '--locale', 'en'], work);
    expect(warm.stderr).toMatch(/0 miss\(es\)/);
    expect(warm.stderr).not.toMatch(/threads/);
    expect(warm.code).toBe(cold.code);
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('batches: every job once, the largest first, shrinking toward the end', () => {
    const sizes = [9_000_000, ...Array.from({ length: 500 }, (_, i) => 1000 + ((i * 7919) % 30_000))];
    const batches = batchesOf(jobs(sizes), 2);
    const seen = batches.flat().map((j) => j.index);
    expect([...seen].sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    expect(batches[0]!.map((j) => j.size)).toEqual([9_000_000]);
    const sorted = batches.flat().map((j) => j.size);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(batches.length).toBeGreaterThan(4);
    // They shrink as the work runs out, so no thread waits long for another's last batch.
    const bytesOf = (b: readonly CheckJob[]) => b.reduce((n, j) => n + j.size, 0);
    expect(bytesOf(batches.at(-2)!)).toBeLessThan(bytesOf(batches[1]!) / 4);
  });
});
