/**
 * `edunorm sarif-merge`: the SARIF files of a sharded check (`--shard i/n`, one per CI job)
 * merged into ONE run hold what one unsharded run holds — the same results (fingerprints
 * included), rules and files — valid against the official SARIF 2.1.0 schema; and inputs that
 * are not shards of one edunorm run (not JSON, not SARIF, another tool's, a FIFO, the output
 * itself, hand-edited) are refused with exit 2 and a message that names the file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCountyCorpus } from '../bench/county-corpus.mjs';
import { failingBudget } from './helpers/budget-fixture.js';
import { runCli } from './helpers/run-cli.js';
import { officialValidator } from './helpers/sarif-official.js';
import { STACK_TRACE } from './helpers/sarif.js';

interface Location {
  physicalLocation?: { artifactLocation?: { uri: string; index?: number } };
}
interface Result {
  ruleId: string;
  ruleIndex?: number;
  partialFingerprints?: Record<string, string>;
  locations?: Location[];
  relatedLocations?: Location[];
  fixes?: { artifactChanges: { artifactLocation: { uri: string; index?: number } }[] }[];
}
interface Run {
  tool: { driver: { name: string; version?: string; rules: { id: string }[] } };
  automationDetails?: { id: string };
  artifacts: { location: { uri: string } }[];
  results: Result[];
}
interface Log {
  version: string;
  runs: Run[];
}

const SHARDS = 3;
let dir: string; // the repository checked (cwd of every check)
let out: string; // SARIF files, outside the repository
let whole: Log;
let shards: Log[];

const read = (name: string): Log => JSON.parse(readFileSync(join(out, name), 'utf8')) as Log;
const merge = (args: string[], env?: NodeJS.ProcessEnv) => runCli(['sarif-merge', ...args], { cwd: out, env });

/** Every artifactLocation of a result, wherever it sits (locations, related locations, fixes). */
function artifactLocations(r: Result) {
  return [
    ...[...(r.locations ?? []), ...(r.relatedLocations ?? [])].map((l) => l.physicalLocation?.artifactLocation),
    ...(r.fixes ?? []).flatMap((f) => f.artifactChanges.map((c) => c.artifactLocation)),
  ].filter((a): a is { uri: string; index?: number } => a !== undefined);
}

/** A result as a run-independent string: indices into the run's tables are replaced by what they name. */
function normalized(run: Run): string[] {
  return run.results
    .map((r) => {
      const { ruleIndex, ...rest } = r;
      if (ruleIndex !== undefined) expect(run.tool.driver.rules[ruleIndex]?.id, `ruleIndex of ${r.ruleId}`).toBe(r.ruleId);
      for (const a of artifactLocations(r)) if (a.index !== undefined) expect(run.artifacts[a.index]?.location.uri, `artifact index of ${a.uri}`).toBe(a.uri);
      return JSON.stringify(rest, (key, value) => (key === 'index' && typeof value === 'number' ? undefined : value));
    })
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-merge-repo-'));
  out = mkdtempSync(join(tmpdir(), 'edunorm-merge-out-'));
  // Five districts of linked schools (norms across documents, related locations in other files) …
  writeCountyCorpus(dir, { districts: 5, schools: 3, teachers: 4 });
  // … and files without a district, hostile names among them.
  mkdirSync(join(dir, 'loose'));
  for (const name of ['a#b {0}.yaml', '李庄 小学.yaml', '`x` <y>.yaml']) writeFileSync(join(dir, 'loose', name), failingBudget(`  "::warning::{0}": 1\n`));
  const check = (extra: string[], file: string) => {
    const r = runCli(['check', '.', '--format', 'sarif', '--locale', 'en', '-o', join(out, file), ...extra], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
  };
  check([], 'whole.sarif');
  for (let i = 1; i <= SHARDS; i++) check(['--shard', `${i}/${SHARDS}`], `shard-${i}.sarif`);
  whole = read('whole.sarif');
  shards = Array.from({ length: SHARDS }, (_, i) => read(`shard-${i + 1}.sarif`));
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('edunorm sarif-merge', { timeout: 120_000 }, () => {
  it('merges the shards of a run into one run with the unsharded run’s results, rules and files', () => {
    // The shards really split the work: more than one holds results, none holds them all.
    const sizes = shards.map((s) => s.runs[0]!.results.length);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(whole.runs[0]!.results.length);

    const r = merge(['shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif', '-o', 'merged.sarif']);
    expect(r.code, r.stderr).toBe(0);
    const merged = read('merged.sarif');
    expect(r.stderr).toBe(`edunorm: Merged 3 SARIF files into one run in merged.sarif: ${whole.runs[0]!.results.length} result(s) in ${whole.runs[0]!.artifacts.length} file(s)\n`);
    expect(merged.runs).toHaveLength(1);
    const [m, w] = [merged.runs[0]!, whole.runs[0]!];
    expect(normalized(m)).toEqual(normalized(w));
    // Fingerprints are what code scanning tracks alerts by: exactly the unsharded run's.
    const prints = (run: Run) => run.results.map((x) => x.partialFingerprints?.['edunormFingerprint/v1']).sort();
    expect(prints(m)).toEqual(prints(w));
    expect(prints(m).every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    // Each rule once, the same rules as one run describes.
    const ids = m.tool.driver.rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(w.tool.driver.rules.map((x) => x.id).sort());
    expect(m.artifacts.map((a) => a.location.uri).sort()).toEqual(w.artifacts.map((a) => a.location.uri).sort());
    expect(m.automationDetails).toEqual(w.automationDetails);
    expect(m.tool.driver.version).toBe(w.tool.driver.version);
    // Related locations in other files of the district point into the merged artifact list.
    expect(m.results.some((x) => (x.relatedLocations ?? []).some((l) => l.physicalLocation?.artifactLocation?.index !== undefined))).toBe(true);
  });

  it('writes a log valid against the official SARIF 2.1.0 schema, whatever the order of the shards', () => {
    const r = merge(['shard-3.sarif', 'shard-1.sarif', 'shard-2.sarif']);
    expect(r.code, r.stderr).toBe(0);
    const log = JSON.parse(r.stdout) as Log;
    const validate = officialValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(normalized(log.runs[0]!)).toEqual(normalized(whole.runs[0]!));
  });

  it('refuses what is not JSON, not SARIF, or another tool’s SARIF, naming the file', () => {
    writeFileSync(join(out, 'broken.sarif'), '{\n  "version": "2.1.0",\n  "runs": [,]\n}\n');
    let r = merge(['shard-1.sarif', 'broken.sarif']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'edunorm: broken.sarif:3:12: not valid JSON, so not a SARIF file\n']);

    writeFileSync(join(out, 'baseline.json'), JSON.stringify({ format: 1, entries: [] }));
    r = merge(['shard-1.sarif', 'baseline.json', '--locale', 'zh-CN']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: baseline.json 不是 SARIF 2.1.0 文件(应为 {"version": "2.1.0", "runs": [...]})\n']);

    const spectral = { version: '2.1.0', runs: [{ tool: { driver: { name: 'spectral', rules: [] } }, results: [] }] };
    writeFileSync(join(out, 'other.sarif'), JSON.stringify(spectral));
    r = merge(['shard-1.sarif', 'other.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: other.sarif holds results of another tool (spectral); sarif-merge merges SARIF files written by edunorm only\n']);
    r = merge(['other.sarif', 'shard-2.sarif', '--locale', 'zh-CN']);
    expect(r.stderr).toBe('edunorm: other.sarif 是另一个工具(spectral)的结果;sarif-merge 只合并 edunorm 写的 SARIF 文件\n');
    expect(existsSync(join(out, 'merged-bad.sarif'))).toBe(false);
  });

  it('refuses a hand-edited shard at the place it is broken, never crashing', () => {
    const log = read('shard-1.sarif');
    const edited = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    expect(edited.runs[0]!.results.length).toBeGreaterThan(1);
    delete edited.runs[0]!.results[1]!.ruleId;
    writeFileSync(join(out, 'edited.sarif'), JSON.stringify(edited));
    let r = merge(['edited.sarif', 'shard-2.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: edited.sarif: runs[0].results[1].ruleId is missing or of the wrong type; not a SARIF file as edunorm writes it (edited by hand?)\n']);
    const located = structuredClone(log) as unknown as { runs: { results: { locations: unknown }[] }[] };
    located.runs[0]!.results[0]!.locations = 'here';
    writeFileSync(join(out, 'edited.sarif'), JSON.stringify(located));
    r = merge(['edited.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: edited.sarif: runs[0].results[0].locations is missing or of the wrong type; not a SARIF file as edunorm writes it (edited by hand?)\n']);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses shards that did not run alike: another version, another category, another locale, the same file twice', () => {
    const bumped = read('shard-2.sarif');
    bumped.runs[0]!.tool.driver.version = '9.9.9';
    writeFileSync(join(out, 'bumped.sarif'), JSON.stringify(bumped));
    let r = merge(['shard-1.sarif', 'bumped.sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edunorm: shard-1\.sarif \(edunorm [\d.]+\) and bumped\.sarif \(edunorm 9\.9\.9\) come from different versions/);

    const categorized = read('shard-2.sarif');
    categorized.runs[0]!.automationDetails = { id: 'edunorm/city-2/' };
    writeFileSync(join(out, 'category.sarif'), JSON.stringify(categorized));
    r = merge(['shard-1.sarif', 'category.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: shard-1.sarif (category "edunorm/") and category.sarif (category "edunorm/city-2/") are different analysis categories; upload them separately\n']);

    const zh = runCli(['check', '.', '--format', 'sarif', '--locale', 'zh-CN', '--shard', `2/${SHARDS}`, '-o', join(out, 'shard-2-zh.sarif')], { cwd: dir });
    expect(zh.code).toBe(1);
    r = merge(['shard-1.sarif', 'shard-2-zh.sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edunorm: shard-2-zh\.sarif describes rule \S+ differently from an earlier file/);

    r = merge(['shard-1.sarif', './shard-1.sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/appears in both shard-1\.sarif and \.\/shard-1\.sarif: the shards of one run never check the same file/);
  });

  it('refuses a FIFO without waiting on it, and a folder', () => {
    execFileSync('mkfifo', [join(out, 'pipe.sarif')]);
    const started = Date.now();
    let r = merge(['shard-1.sarif', 'pipe.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: pipe.sarif is not a regular file (a pipe, device or folder); save the SARIF to a file first\n']);
    expect(Date.now() - started).toBeLessThan(20_000);
    mkdirSync(join(out, 'folder.sarif'));
    r = merge(['folder.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: folder.sarif is not a regular file (a pipe, device or folder); save the SARIF to a file first\n']);
    r = merge(['missing.sarif']);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: cannot read the SARIF file missing.sarif: it does not exist (or a folder on the way does not) (ENOENT)\n']);
  });

  it('never writes over an input: by its name, another spelling, a symlink or a hard link', () => {
    const before = readFileSync(join(out, 'shard-1.sarif'), 'utf8');
    symlinkSync(join(out, 'shard-1.sarif'), join(out, 'link.sarif'));
    linkSync(join(out, 'shard-1.sarif'), join(out, 'hard.sarif'));
    for (const target of ['shard-1.sarif', './shard-1.sarif', 'link.sarif', 'hard.sarif']) {
      const r = merge(['shard-1.sarif', 'shard-2.sarif', '-o', target]);
      expect([target, r.code, r.stderr]).toEqual([target, 2, `edunorm: --output ${target} is one of the files being merged; it is not replaced — choose another output file\n`]);
    }
    // An output named as an input is refused before that input is read (it may not exist yet).
    const r = merge(['shard-1.sarif', 'pipe-out.sarif', '-o', 'pipe-out.sarif']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, 'shard-1.sarif'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('quotes hostile file names safely and writes the output atomically into a new folder', () => {
    const hostile = 'x\n::error::pwned.sarif';
    writeFileSync(join(out, hostile), '{');
    let r = merge([hostile]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false);
    expect(r.stderr).toContain('x\\n::error::pwned.sarif');
    r = merge(['shard-1.sarif', 'shard-2.sarif', 'shard-3.sarif', '-o', 'deep/er/merged.sarif']);
    expect(r.code, r.stderr).toBe(0);
    expect(normalized(read('deep/er/merged.sarif').runs[0]!)).toEqual(normalized(whole.runs[0]!));
    expect(readdirSync(join(out, 'deep/er'))).toEqual(['merged.sarif']);
  });

  it('warns when the merged run exceeds GitHub’s 25,000 results per run, and still merges', () => {
    const log = read('shard-1.sarif');
    const one = log.runs[0]!.results[0]!;
    log.runs[0]!.results = Array.from({ length: 25_001 }, () => one);
    // One log standing for a whole run: not one shard of three (sarif-merge wants all of those).
    delete (log.runs[0] as { properties?: unknown }).properties;
    writeFileSync(join(out, 'many.sarif'), JSON.stringify(log));
    const r = merge(['many.sarif', '-o', 'many-merged.sarif']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the merged run holds 25001 results, more than GitHub code scanning's 25,000 per run");
    expect(read('many-merged.sarif').runs[0]!.results).toHaveLength(25_001);
  });

  it('has help in both languages and needs at least one input', () => {
    expect(merge(['--help', '--locale', 'zh-CN']).stdout).toContain('把分片检查');
    expect(merge(['--help', '--locale', 'en']).stdout).toContain('merge the SARIF files of a sharded check');
    const r = merge([]);
    expect([r.code, r.stderr]).toEqual([2, 'edunorm: sarif-merge takes one or more SARIF files: edunorm sarif-merge shard-1.sarif shard-2.sarif … -o merged.sarif\n']);
    expect(runCli(['--help']).stdout).toContain('edunorm sarif-merge');
  });
});
