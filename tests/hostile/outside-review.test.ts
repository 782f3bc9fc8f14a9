/**
 * What an outside review of the CLI found (round 2, seventh stop), each as the reviewer ran it:
 * a configuration file hiding a submission, `--shard` losing a district linked through a second
 * document, outputs that replaced pipes, devices and links or overwrote the cache, a folder as
 * the output crashing with a stack trace, a `--cache-location` overwriting a file that was never
 * a cache. Each asserts what the user sees: exit code, message, files left as they were.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, EXAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { STACK_TRACE } from '../helpers/sarif.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const zh = (args: string[], cwd = dir) => runCli(args, { cwd, env: { ...env, LANG: 'zh_CN.UTF-8' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-'));
  // The cache's signing key lives in the user's cache folder: one of this test's own.
  env = { XDG_CACHE_HOME: join(dir, '.user-cache') };
  copyFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), join(dir, 'b.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a configuration file is one document', () => {
  it('a submission pasted after `---` in edunorm.config.yaml is a configuration error (exit 2), never silently unchecked', () => {
    const school = join(dir, 'config-two-docs', 'school');
    mkdirSync(school, { recursive: true });
    copyFileSync(join(EXAMPLES, 'compliant', 'budget.yaml'), join(school, 'budget.yaml'));
    writeFileSync(join(school, 'edunorm.config.yaml'), `locale: zh-CN\n---\n${readFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), 'utf8')}`);
    const r = zh(['check', '.'], join(dir, 'config-two-docs'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('school/edunorm.config.yaml:2:1: 配置文件只能有一个 YAML 文档');
    expect(r.stderr).toContain('(config/schema)');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('--shard keeps every district whole', () => {
  it('a file whose two documents name two districts puts both districts in one shard: the shards give the findings of one run', () => {
    const d = join(dir, 'shard-two-districts');
    mkdirSync(d);
    copyFileSync(join(EXAMPLES, 'district', 'county-2025.yaml'), join(d, 'a.yaml'));
    copyFileSync(join(EXAMPLES, 'county', 'district-2025.yaml'), join(d, 'b.yaml'));
    const school = readFileSync(join(EXAMPLES, 'county', 'schools', 'dongzhuang-primary', 'staffing-2025.yaml'), 'utf8');
    writeFileSync(join(d, 'multi.yaml'), `${school.replace('"130927"', '"130925"')}---\n${school}`);
    const ids = (args: string[]) => {
      const r = runCli(['check', '.', '--format', 'json', ...args], { cwd: d, env });
      expect([0, 1], r.stderr).toContain(r.code);
      return (JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column}:${x.ruleId}`));
    };
    const whole = ids([]);
    expect(whole.some((x) => x.endsWith(':county-teacher-pay-parity'))).toBe(true);
    const shards = [...ids(['--shard', '1/2']), ...ids(['--shard', '2/2'])];
    expect(shards.sort()).toEqual([...whole].sort());
  });

  it('a shard count past the safe integers is refused (exit 2)', () => {
    const r = zh(['check', 'b.yaml', '--shard', '1/99999999999999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('--output goes where it is named, and never replaces what is not a file', () => {
  it('a link to /dev/null stays a link, and /dev/null a device', () => {
    symlinkSync('/dev/null', join(dir, 'to-null'));
    const r = zh(['check', 'b.yaml', '-o', 'to-null']);
    expect(r.code, r.stderr).toBe(1);
    expect(lstatSync(join(dir, 'to-null')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written to, as the shell would (its reader gets the report), and stays a FIFO', async () => {
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString('utf8')));
    const closed = new Promise((done) => reader.once('close', done));
    const r = zh(['check', 'b.yaml', '--format', 'json', '-o', 'report.fifo']);
    await closed;
    expect(r.code, r.stderr).toBe(1);
    expect((JSON.parse(got) as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a link to a file: the file it points to gets the report, the link stays; a dangling link creates its file', () => {
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'linked.json'));
    expect(zh(['check', 'b.yaml', '--format', 'json', '-o', 'linked.json']).code).toBe(1);
    expect(readlinkSync(join(dir, 'linked.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).summary.errors).toBeGreaterThan(0);
    symlinkSync('made-by-link.json', join(dir, 'dangling.json'));
    expect(zh(['check', 'b.yaml', '--format', 'json', '-o', 'dangling.json']).code).toBe(1);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'made-by-link.json'), 'utf8')).summary.errors).toBeGreaterThan(0);
  });

  it.each([
    ['check', ['check', 'b.yaml']],
    ['baseline', ['baseline', 'b.yaml', '--force']],
    ['report', ['report', 'b.yaml']],
  ])('%s -o FOLDER: exit 2, "cannot write" in Chinese, no stack trace, the folder as it was', (_name, args) => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const r = zh([...args, '-o', 'a-folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edunorm: 无法(写入|打开) a-folder:这是一个文件夹\(EISDIR\)\n$/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(statSync(join(dir, 'a-folder')).isDirectory()).toBe(true);
    const en = runCli([...args, '-o', 'a-folder'], { cwd: dir, env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(en.stderr).toMatch(/^edunorm: cannot (write|open) a-folder: it is a folder \(EISDIR\)\n$/);
  });

  it.each([
    ['check', ['check', 'b.yaml', '-o', 'kept.sarif/']],
    ['sarif-merge', ['sarif-merge', 'shard.sarif', '-o', 'kept.sarif/']],
  ])('%s -o NAME/ (a trailing slash names a folder): exit 2, the file NAME untouched', (_name, args) => {
    writeFileSync(join(dir, 'kept.sarif'), 'mine');
    expect(runCli(['check', 'b.yaml', '--format', 'sarif', '-o', 'shard.sarif'], { cwd: dir, env }).code).toBe(1);
    const r = zh(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这是一个文件夹(EISDIR)');
    expect(readFileSync(join(dir, 'kept.sarif'), 'utf8')).toBe('mine');
  });

  it('-o under a file (b.yaml/x): exit 2 with the reason, b.yaml untouched', () => {
    const before = readFileSync(join(dir, 'b.yaml'));
    const r = zh(['check', 'b.yaml', '-o', 'b.yaml/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('路径中有一段不是文件夹(ENOTDIR)');
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(dir, 'b.yaml'))).toEqual(before);
  });
});

describe('the cache file is not an output, and --cache-location never overwrites what is not a cache', () => {
  it('--cache -o .edunormcache is refused (exit 2); the cache stays a cache', () => {
    const d = join(dir, 'cache-as-output');
    mkdirSync(d);
    copyFileSync(join(dir, 'b.yaml'), join(d, 'b.yaml'));
    expect(runCli(['check', '.', '--cache'], { cwd: d, env }).code).toBe(1);
    const cache = readFileSync(join(d, '.edunormcache'));
    const r = runCli(['check', '.', '--cache', '-o', '.edunormcache'], { cwd: d, env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output .edunormcache 就是缓存文件');
    expect(readFileSync(join(d, '.edunormcache'))).toEqual(cache);
  });

  it('--cache-location at a file that never was a cache: the run goes without the cache (same verdict), the file as it was; an empty file is taken as a cache', () => {
    const d = join(dir, 'foreign-cache');
    mkdirSync(d);
    copyFileSync(join(dir, 'b.yaml'), join(d, 'b.yaml'));
    const plain = runCli(['check', 'b.yaml', '--format', 'json'], { cwd: d, env: { ...env, LANG: 'zh_CN.UTF-8' } });
    writeFileSync(join(d, 'notes.txt'), '会议记录:不要删除\n');
    const r = runCli(['check', 'b.yaml', '--format', 'json', '--cache', '--cache-location', 'notes.txt'], { cwd: d, env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toMatch(/notes\.txt 不是 edunorm 的缓存文件.*本次不使用缓存,也不会覆盖它/);
    expect(readFileSync(join(d, 'notes.txt'), 'utf8')).toBe('会议记录:不要删除\n');
    mkdirSync(join(d, 'a-folder'));
    const f = runCli(['check', 'b.yaml', '--cache', '--cache-location', 'a-folder'], { cwd: d, env });
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('is not an edunorm cache');
    expect(f.stderr).not.toMatch(STACK_TRACE);
    expect(statSync(join(d, 'a-folder')).isDirectory()).toBe(true);
    writeFileSync(join(d, 'empty.cache'), '');
    expect(runCli(['check', 'b.yaml', '--cache', '--cache-location', 'empty.cache'], { cwd: d, env }).code).toBe(1);
    expect(readFileSync(join(d, 'empty.cache'), 'utf8').startsWith('{"format":')).toBe(true);
  });
});

describe('smaller things the review found', () => {
  it('--baseline naming a FIFO with no writer: exit 2 at once (no wait), said in Chinese', () => {
    const fifo = join(dir, 'baseline.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = zh(['check', 'b.yaml', '--baseline', 'baseline.fifo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('edunorm: 无法读取基线文件 baseline.fifo:不是普通文件(是管道、设备或套接字)\n');
    const missing = zh(['check', 'b.yaml', '--baseline', 'no-such.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such.json:不存在');
  });

  it.each(['0x2', '1e1', ' 2', '2 ', '+2', '0', '-1', 'abc', '99999'])('--concurrency %j is refused (exit 2), as --shard refuses such forms', (value) => {
    const r = zh(['check', 'b.yaml', `--concurrency=${value}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency 应为不小于 1 的整数或 auto');
  });

  it('an option without its value names the option plainly (no stray comma)', () => {
    const r = zh(['check', 'b.yaml', '-f']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('edunorm: 选项 --format 后面要写一个值');
  });

  it('a rule pack with `Extra.YAML` and a FIFO rule file: both said in Chinese, located, exit 2', () => {
    const pack = join(dir, 'odd-pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'Extra.YAML'), 'id: extra\n');
    execFileSync('mkfifo', [join(pack, 'fifo.yaml')]);
    const r = zh(['test-rules', pack]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('规则文件名以小写的 .yaml 结尾:请把 Extra.YAML 改名为 Extra.yaml');
    expect(r.stderr).toContain('无法读取此规则文件(不是普通文件(是管道、设备或套接字))');
    expect(r.stderr).not.toMatch(/rule files end in|cannot read this rule file/);
  });
});
