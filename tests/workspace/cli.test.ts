import { mkdtempSync, readFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module of the bench folder (shared with bench/county-memory.mjs)
import { staffingText, writeCountyCorpus } from '../../bench/county-corpus.mjs';
import { runCli } from '../helpers/run-cli.js';

const tmp: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'edunorm-county-'));
  tmp.push(d);
  return d;
};
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

type JsonFinding = { ruleId: string; line: number; column: number; severity: string; message: string; related?: { file: string; line: number; column: number; message: string }[] };
type JsonReport = { summary: Record<string, number>; files: { path: string; findings: JsonFinding[] }[] };
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe('examples/county: a county checked together', () => {
  const r = runCli(['check', 'examples/county', '--format', 'json', '--locale', 'zh-CN']);
  const out = json(r.stdout);
  const at = (file: string, rule: string) => out.files.find((f) => f.path === `examples/county/${file}`)!.findings.filter((f) => f.ruleId === rule);

  it('exits 1 and gives each finding across documents on the line the spec names, with its related locations', () => {
    expect(r.code).toBe(1);
    const pay = at('district-2025.yaml', 'county-teacher-pay-parity');
    expect(pay).toHaveLength(1);
    expect(pay[0]).toMatchObject({ line: 4, column: 1, severity: 'error' });
    expect(pay[0]!.message).toBe('东河县 2025 年度 3 所学校 29 名教师平均年工资收入 96,620.69 元,低于当地公务员平均工资收入 98,000 元(差 1,379 元)');
    expect(pay[0]!.related!.map((x) => [x.file, x.line])).toEqual([
      ['examples/county/schools/chengguan-primary/staffing-2025.yaml', 12],
      ['examples/county/schools/dongzhuang-primary/staffing-2025.yaml', 12],
      ['examples/county/schools/no1-junior/staffing-2025.yaml', 12],
    ]);
    expect(at('district-2025.yaml', 'county-senior-post-pool').map((f) => [f.line, f.message])).toEqual([[4, expect.stringContaining('初中高级教师岗位合计 4 人,占 1 所学校教师 10 人的 40%')]]);
    expect(at('district-2025.yaml', 'indicator-decline').map((f) => [f.line, f.column, f.related![0]!.file, f.related![0]!.line])).toEqual([[12, 28, 'examples/county/district-2024.yaml', 12]]);
    expect(at('district-2025.yaml', 'district-school-list').map((f) => [f.line, f.column, f.severity])).toEqual([[15, 66, 'warning']]);
    expect(at('schools/xihe-primary/budget-2025.yaml', 'district-school-list').map((f) => [f.line, f.column, f.related![0]!.file])).toEqual([[7, 13, 'examples/county/district-2025.yaml']]);
    expect(at('schools/no1-junior/staffing-2025.yaml', 'district-reference-mismatch').map((f) => [f.line, f.column, f.related![0]!.line])).toEqual([[11, 31, 10]]);
  });

  it('with the county configuration (pooling: county) the village school is judged by the county pool only', () => {
    expect(at('schools/dongzhuang-primary/staffing-2025.yaml', 'senior-post-share')).toEqual([]);
    const own = runCli(['check', 'examples/county/schools/dongzhuang-primary/staffing-2025.yaml', '--format', 'json', '--locale', 'zh-CN']);
    // Alone, the school is linked to nothing: judged on its own, 最多 0 人,超出 1 人.
    expect(json(own.stdout).files[0]!.findings.filter((f) => f.ruleId === 'senior-post-share').map((f) => f.message)).toEqual([expect.stringContaining('最多 0 人,超出 1 人')]);
  });

  it('stylish prints the related locations under the finding', () => {
    const s = runCli(['check', 'examples/county', '--locale', 'zh-CN', '--no-color']);
    expect(s.stdout).toContain(
      '  4:1    错误  东河县 2025 年度 3 所学校 29 名教师平均年工资收入 96,620.69 元,低于当地公务员平均工资收入 98,000 元(差 1,379 元)  county-teacher-pay-parity\n         ↳ examples/county/schools/chengguan-primary/staffing-2025.yaml:12:1  城关小学(130927102):12 名教师平均年工资收入 99,000 元\n',
    );
  });

  it('SARIF has relatedLocations in the other files, with their artifact index', () => {
    const s = JSON.parse(runCli(['check', 'examples/county', '--format', 'sarif', '--locale', 'en']).stdout) as {
      runs: { artifacts: { location: { uri: string } }[]; results: { ruleId: string; relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number } } }[] }[] }[];
    };
    const run = s.runs[0]!;
    const pay = run.results.find((x) => x.ruleId === 'county-teacher-pay-parity')!;
    expect(pay.relatedLocations).toHaveLength(3);
    const loc = pay.relatedLocations![1]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe('examples/county/schools/dongzhuang-primary/staffing-2025.yaml');
    expect(run.artifacts[loc.artifactLocation.index]!.location.uri).toBe(loc.artifactLocation.uri);
    expect(loc.region.startLine).toBe(12);
    expect(pay.relatedLocations![1]!.message.text).toBe('东庄小学 (130927101): 7 teachers, average annual salary 92,000 yuan');
  });

  it('github, junit and markdown carry the related locations', () => {
    const gh = runCli(['check', 'examples/county', '--format', 'github', '--locale', 'zh-CN']).stdout;
    expect(gh).toMatch(/::error file=examples\/county\/district-2025.yaml,line=4,.*title=county-teacher-pay-parity::.*%0A↳ examples\/county\/schools\/chengguan-primary\/staffing-2025.yaml:12:1  城关小学/);
    const junit = runCli(['check', 'examples/county', '--format', 'junit', '--locale', 'zh-CN']).stdout;
    expect(junit).toContain('  ↳ examples/county/schools/dongzhuang-primary/staffing-2025.yaml:12:1  东庄小学(130927101):7 名教师平均年工资收入 92,000 元');
    const md = runCli(['check', 'examples/county', '--format', 'markdown', '--locale', 'zh-CN']).stdout;
    expect(md).toContain('↳ examples/county/district-2024.yaml:12:28  2024 年为 97.8%');
  });
});

describe('--shard keeps a district together', () => {
  const dir = temp();
  writeCountyCorpus(dir, { districts: 5, schools: 4, teachers: 6 });
  const findings = (args: string[]) => {
    const r = runCli(['check', '.', '--format', 'json', '--locale', 'en', ...args], { cwd: dir });
    return { code: r.code, files: json(r.stdout).files };
  };

  it('--shard 1/2 + --shard 2/2 give exactly the findings of the unsharded run', () => {
    const all = findings([]);
    const a = findings(['--shard', '1/2']);
    const b = findings(['--shard', '2/2']);
    expect(a.files.length).toBeGreaterThan(0);
    expect(b.files.length).toBeGreaterThan(0);
    const byPath = (fs: JsonReport['files']) => Object.fromEntries(fs.map((f) => [f.path, f.findings]));
    expect({ ...byPath(a.files), ...byPath(b.files) }).toEqual(byPath(all.files));
    expect(a.files.length + b.files.length).toBe(all.files.length);
    // Each district's files are all in one shard.
    for (const shard of [a, b]) {
      const districts = new Set(shard.files.map((f) => f.path.split('/')[0]));
      for (const d of districts) expect(shard.files.filter((f) => f.path.startsWith(`${d}/`)).length).toBe(all.files.filter((f) => f.path.startsWith(`${d}/`)).length);
    }
    // The corpus has findings across documents, so the test can fail.
    expect(all.files.flatMap((f) => f.findings).filter((f) => f.ruleId.startsWith('county-') || f.ruleId.startsWith('district-')).length).toBeGreaterThan(2);
  });

  it('--concurrency 2 gives the same findings as one thread', () => {
    expect(findings(['--concurrency', '2'])).toEqual(findings([]));
  });
});

describe('--cache with findings across documents', () => {
  it('a change to one school re-evaluates its district only, and the verdict follows the change', () => {
    const dir = temp();
    // The cache's secret lives outside the checked folder (cache-secret.ts).
    const env = { XDG_CACHE_HOME: temp() };
    writeCountyCorpus(dir, { districts: 2, schools: 2, teachers: 5 });
    const run = () => runCli(['check', '.', '--cache', '--verbose', '--format', 'json', '--locale', 'en'], { cwd: dir, env });
    const pay = (r: ReturnType<typeof run>) => json(r.stdout).files.filter((f) => f.path.endsWith('district.yaml')).map((f) => [f.path, f.findings.filter((x) => x.ruleId === 'county-teacher-pay-parity').length]);
    const cold = run();
    expect(cold.stderr).toContain('districts 2 evaluated, 0 cached');
    const warm = run();
    expect(warm.stderr).toContain('districts 0 evaluated, 2 cached');
    expect(warm.stdout).toBe(cold.stdout);
    // District 130000's schools earn below the reference: raise one school's pay far above it.
    const school = join(dir, 'district-130000', 'schools', '130000001-staffing.yaml');
    expect(pay(cold)).toEqual([
      ['district-130000/district.yaml', 1],
      ['district-130001/district.yaml', 0],
    ]);
    writeFileSync(school, staffingText('130000001', '130000', 'primary', 5, 150000));
    utimesSync(school, new Date(), new Date(Date.now() + 5000));
    const changed = run();
    expect(changed.stderr).toContain('districts 1 evaluated, 1 cached');
    expect(pay(changed)).toEqual([
      ['district-130000/district.yaml', 0],
      ['district-130001/district.yaml', 0],
    ]);
    expect(readFileSync(school, 'utf8')).toContain('150000');
  });
});
