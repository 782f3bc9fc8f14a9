/**
 * What an outside review of the CLI's messages found, each as the reviewer ran it:
 * `-o /proc/x/y.json` spinning at full CPU for ever (Node's recursive mkdir retries an ENOENT
 * under a parent that exists), `--max-warnings -1` and `--color=maybe` said as a missing value,
 * bare system codes (`无法读取此配置文件(ENOENT)` at a `1:1` of a file that is not there,
 * `无法读取 SARIF 文件 x:ENOENT`), `minShare: .inf` quoted as `null`, and 1e21 yuan printed as
 * 999,999,999,999,999,868,928. Each asserts the exit code and what the user reads, in zh-CN and en.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFolders } from '../../packages/cli/src/write-file.js';
import { EXAMPLES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { STACK_TRACE } from '../helpers/sarif.js';
import { runCliAsync } from './cli-runner.js';

let dir: string;
let env: Record<string, string>;
const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const run = (args: string[], lang: Record<string, string>, cwd = dir) => runCli(args, { cwd, env: { ...env, ...lang } });
/** `args` exit 2 and print exactly `zh` with LANG=zh_CN, exactly `en` with LANG=en_US (stderr). */
function expectSaid(args: string[], zh: string, en: string): void {
  for (const [lang, text] of [
    [ZH, zh],
    [EN, en],
  ] as const) {
    const r = run(args, lang);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.stderr).toBe(text);
  }
}
/** /proc refuses a new folder with ENOENT although its parent exists: what made Node's mkdir loop. */
const HAS_PROC = existsSync('/proc/self');
const ROOT_USER = process.getuid?.() === 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-messages-'));
  env = { XDG_CACHE_HOME: join(dir, '.user-cache') };
  copyFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), join(dir, 'b.yaml'));
  writeFileSync(join(dir, 'staff.csv'), '工号,姓名,岗位类别\nT1,张三,专任教师\n');
});
afterAll(() => {
  try {
    chmodSync(join(dir, 'locked'), 0o755);
  } catch {}
  rmSync(dir, { recursive: true, force: true });
});

describe('an output folder that cannot be made: exit 2 at once, never a loop', () => {
  it.runIf(HAS_PROC)('check -o /proc/x/y.json ends quickly with exit 2, said in Chinese and in English', async () => {
    for (const [lang, text] of [
      [ZH, 'edunorm: 无法写入 /proc/x/y.json:不存在(或路径中的文件夹不存在)(ENOENT)\n'],
      [EN, 'edunorm: cannot write /proc/x/y.json: it does not exist (or a folder on the way does not) (ENOENT)\n'],
    ] as const) {
      const r = await runCliAsync(['check', 'b.yaml', '-o', '/proc/x/y.json'], { cwd: dir, env: { ...env, ...lang }, timeoutMs: 20_000 });
      expect(r.signal, 'killed: the run did not end').toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(text);
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it.runIf(HAS_PROC)('every command that makes folders for its output ends too: deeper folders, baseline, report, sarif-merge, import', async () => {
    writeFileSync(join(dir, 'one.sarif'), run(['check', 'b.yaml', '-f', 'sarif'], ZH).stdout);
    const CASES: [string[], string][] = [
      [['check', 'b.yaml', '-o', '/proc/x/y/z/r.json'], '/proc/x/y/z/r.json'],
      [['baseline', 'b.yaml', '-o', '/proc/x/base.json'], '/proc/x/base.json'],
      [['report', 'b.yaml', '-o', '/proc/x/r.html'], '/proc/x/r.html'],
      [['sarif-merge', 'one.sarif', '-o', '/proc/x/m.sarif'], '/proc/x/m.sarif'],
      [['import', 'staff.csv', '--kind', 'Staffing', '--school-code', '1', '--school-name', '小学', '--level', 'primary', '--fiscal-year', '2025', '-o', '/proc/x/s.yaml'], '/proc/x/s.yaml'],
    ];
    for (const [args, path] of CASES) {
      const r = await runCliAsync(args, { cwd: dir, env: { ...env, ...ZH }, timeoutMs: 20_000 });
      expect(r.signal, `${args.join(' ')}: killed, the run did not end`).toBeNull();
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`edunorm: 无法写入 ${path}:不存在(或路径中的文件夹不存在)(ENOENT)\n`);
    }
  }, 120_000);

  it.runIf(HAS_PROC)('a user cache folder under /proc: --cache goes without the cache and the run ends with its own verdict', async () => {
    const r = await runCliAsync(['check', 'b.yaml', '--cache'], { cwd: dir, env: { ...env, ...ZH, XDG_CACHE_HOME: '/proc/x/cache' }, timeoutMs: 20_000 });
    expect(r.signal, 'killed: the run did not end').toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('edunorm: 本次不使用缓存');
  }, 60_000);

  it('under a file (b.yaml/a/b/r.json): exit 2, "a part of the path is not a folder"', () => {
    expectSaid(
      ['check', 'b.yaml', '-o', 'b.yaml/a/b/r.json'],
      'edunorm: 无法写入 b.yaml/a/b/r.json:路径中有一段不是文件夹(ENOTDIR)\n',
      'edunorm: cannot write b.yaml/a/b/r.json: a part of the path is not a folder (ENOTDIR)\n',
    );
    expect(statSync(join(dir, 'b.yaml')).isFile()).toBe(true);
  });

  it.skipIf(ROOT_USER)('under a folder without write permission: exit 2, "permission denied"', () => {
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    expectSaid(['check', 'b.yaml', '-o', 'locked/new/r.json'], 'edunorm: 无法写入 locked/new/r.json:没有权限(EACCES)\n', 'edunorm: cannot write locked/new/r.json: permission denied (EACCES)\n');
  });

  it('an output that cannot be written is said before any file is checked: no cache saved, no temporary file left', () => {
    mkdirSync(join(dir, 'early'), { recursive: true });
    writeFileSync(join(dir, 'early', 'a.yaml'), readFileSync(join(dir, 'b.yaml')));
    mkdirSync(join(dir, 'early', 'out.json'));
    const r = run(['check', 'early', '--cache', '--cache-location', 'early-cache', '-o', 'early/out.json'], EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`edunorm: cannot open early/out.json: it is a folder (EISDIR)\n`);
    // The run never got as far as checking: a run that had checked would have saved its cache.
    expect(existsSync(join(dir, 'early-cache'))).toBe(false);
    // Opened first, refused after: an output that is one of the inputs leaves no temporary file beside it.
    const same = run(['check', 'early', '-o', 'early/a.yaml'], EN);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--output names early/a.yaml, one of the files being checked');
    expect(readdirSync(join(dir, 'early')).sort()).toEqual(['a.yaml', 'out.json']);
  });

  it('makeFolders makes the missing folders on the way, and fails at once where one cannot be made', () => {
    makeFolders(join(dir, 'made', 'a', 'b'));
    expect(statSync(join(dir, 'made', 'a', 'b')).isDirectory()).toBe(true);
    makeFolders(join(dir, 'made', 'a', 'b')); // there already: nothing to do
    expect(() => makeFolders(join(dir, 'b.yaml', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeFolders(join(dir, 'b.yaml'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    if (HAS_PROC) {
      const t0 = performance.now();
      expect(() => makeFolders('/proc/x/y')).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'mkdir' }));
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('options: a value where none is taken, a negative number where one is', () => {
  const CASES: [string, string[], string, string][] = [
    ['--max-warnings -1', ['--max-warnings', '-1'], '--max-warnings 应为不小于 0 的整数,而不是“-1”', '--max-warnings takes a whole number ≥ 0, not "-1"'],
    ['--max-warnings=-1', ['--max-warnings=-1'], '--max-warnings 应为不小于 0 的整数,而不是“-1”', '--max-warnings takes a whole number ≥ 0, not "-1"'],
    // Outside review A: Number() took '' as 0 and 0x10 as 16.
    ['--max-warnings=', ['--max-warnings='], '--max-warnings 应为不小于 0 的整数,而不是“”', '--max-warnings takes a whole number ≥ 0, not ""'],
    ['--max-warnings 0x10', ['--max-warnings', '0x10'], '--max-warnings 应为不小于 0 的整数,而不是“0x10”', '--max-warnings takes a whole number ≥ 0, not "0x10"'],
    ['--max-warnings 1e3', ['--max-warnings', '1e3'], '--max-warnings 应为不小于 0 的整数,而不是“1e3”', '--max-warnings takes a whole number ≥ 0, not "1e3"'],
    ['--concurrency -2', ['--concurrency', '-2'], '--concurrency 应为不小于 1 的整数或 auto,而不是“-2”', '--concurrency takes a whole number ≥ 1 or "auto", not "-2"'],
    ['--max-file-size -.5', ['--max-file-size', '-.5'], '--max-file-size 应为不小于 1 的字节数,如 10485760 或 10MiB,而不是“-.5”', '--max-file-size takes a size in bytes ≥ 1, e.g. 10485760 or 10MiB, not "-.5"'],
    ['--color=maybe', ['--color=maybe'], '--color 不接受值(要关闭颜色请用 --no-color)', '--color takes no value (to turn colours off, use --no-color)'],
    ['--color=false', ['--color=false'], '--color 不接受值(要关闭颜色请用 --no-color)', '--color takes no value (to turn colours off, use --no-color)'],
    ['--quiet=yes', ['--quiet=yes'], '--quiet 不接受值', '--quiet takes no value'],
  ];
  it.each(CASES)('check %s: exit 2, the option judged as written', (_name, options, zh, en) => {
    expectSaid(['check', 'b.yaml', ...options], `edunorm: ${zh}\n`, `edunorm: ${en}\n`);
  });

  it('a value that is missing is still said to be missing; after -- nothing is an option', () => {
    const missing = run(['check', 'b.yaml', '--max-warnings', '--quiet'], ZH);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('edunorm: 选项 --max-warnings 后面要写一个值');
    const after = run(['check', '--', '--color=x'], ZH);
    expect(after.code).toBe(2);
    expect(after.stderr).toBe('edunorm: 找不到文件或文件夹:--color=x\n');
  });

  it('a negative number to a short option is its value too (-f -1 is an unknown format)', () => {
    const r = run(['check', 'b.yaml', '-f', '-1'], ZH);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的输出格式“-1”');
  });
});

describe('files that cannot be read are said in words, without a made-up position', () => {
  it('-c nofile.yaml: no 1:1, the reason in words', () => {
    expectSaid(
      ['check', '-c', 'nofile.yaml', 'b.yaml'],
      'edunorm: 配置有误,未检查任何文件:\n  nofile.yaml: 无法读取此配置文件:不存在(或路径中的文件夹不存在)(ENOENT) (config/unreadable)\n',
      'edunorm: invalid configuration; nothing was checked:\n  nofile.yaml: cannot read this configuration file: it does not exist (or a folder on the way does not) (ENOENT) (config/unreadable)\n',
    );
  });

  it('-c naming a folder: the file is there, so it keeps its place; the reason in words', () => {
    mkdirSync(join(dir, 'conf.yaml'), { recursive: true });
    const zh = run(['check', '-c', 'conf.yaml', 'b.yaml'], ZH);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('  conf.yaml:1:1: 无法读取此配置文件:这是一个文件夹(EISDIR) (config/unreadable)\n');
  });

  it('sarif-merge nofile.sarif: the words --baseline uses', () => {
    expectSaid(
      ['sarif-merge', 'nofile.sarif'],
      'edunorm: 无法读取 SARIF 文件 nofile.sarif:不存在(或路径中的文件夹不存在)(ENOENT)\n',
      'edunorm: cannot read the SARIF file nofile.sarif: it does not exist (or a folder on the way does not) (ENOENT)\n',
    );
    const baseline = run(['check', 'b.yaml', '--baseline', 'nofile.json'], ZH);
    expect(baseline.stderr).toBe('edunorm: 无法读取基线文件 nofile.json:不存在(或路径中的文件夹不存在)(ENOENT)\n');
  });

  it('a file to check that cannot be read (a link to itself, a dangling link): file/unreadable says why in words, with the code', () => {
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    symlinkSync('nothere.yaml', join(dir, 'dangling.yaml'));
    const zh = run(['check', 'loop.yaml', 'dangling.yaml', '--format', 'json'], ZH);
    expect(zh.code).toBe(1);
    const said = (r: { stdout: string }) => (JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number; message: string }[] }[] }).files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.line, x.column, x.message])]);
    expect(said(zh)).toEqual([
      ['loop.yaml', [['file/unreadable', 1, 1, '无法读取此文件:链接层数过多(链接循环?)(ELOOP)。未检查。']]],
      // Outside review: "does not exist" of a file the folder lists; it is a link to nothing.
      ['dangling.yaml', [['file/unreadable', 1, 1, '无法读取此文件:这是一个链接,它指向的文件不存在。未检查。']]],
    ]);
    expect(said(run(['check', 'loop.yaml', '--format', 'json'], EN))).toEqual([['loop.yaml', [['file/unreadable', 1, 1, 'This file cannot be read: too many links (a loop of links?) (ELOOP). It was not checked.']]]]);
  });

  it('import --mapping of a missing file: the reason in words', () => {
    const r = run(['import', 'staff.csv', '--kind', 'Staffing', '--mapping', 'nomap.yaml', '-o', 'out.yaml'], ZH);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取对照文件 nomap.yaml(不存在(或路径中的文件夹不存在)(ENOENT))');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('a parameter of no finite number is quoted as written', () => {
  it.each([
    ['.inf', '.inf'],
    ['-.inf', '-.inf'],
    ['.nan', '.nan'],
    ['1e400', '1e400'],
  ])('minShare: %s', (written, shown) => {
    const sub = join(dir, `inf-${written.replace(/\W/g, '_')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'edunorm.config.yaml'), `rules:\n  teacher-training-funds: { params: { minShare: ${written} } }\n`);
    copyFileSync(join(dir, 'b.yaml'), join(sub, 'b.yaml'));
    const zh = run(['check', 'b.yaml'], ZH, sub);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`: teacher-training-funds.minShare:应为 0 到 1 之间的小数(如 5% 写成 0.05),现为 ${shown} (config/bad-param)\n`);
    const en = run(['check', 'b.yaml'], EN, sub);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`: teacher-training-funds.minShare: expected a fraction between 0 and 1, got ${shown} (config/bad-param)\n`);
    expect(zh.stderr + en.stderr).not.toContain('null');
  });
});

describe('amounts of 1e21 yuan and more print their digits', () => {
  it('publicFunds: 1e21 is 1,000,000,000,000,000,000,000 元 (1e20 as before)', () => {
    for (const [written, shown] of [
      ['1e20', '100,000,000,000,000,000,000'],
      ['1e21', '1,000,000,000,000,000,000,000'],
      ['1e22', '10,000,000,000,000,000,000,000'],
    ]) {
      writeFileSync(join(dir, 'big.yaml'), `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nbudget:\n  publicFunds: ${written}\n  teacherTraining: 150000\n`);
      const zh = run(['check', 'big.yaml'], ZH);
      expect(zh.code).toBe(1);
      expect(zh.stdout).toContain(`按公用经费预算总额 ${shown} 元计算`);
      const en = run(['check', 'big.yaml', '--locale', 'en'], EN);
      expect(en.stdout).toContain(shown);
      // Not the figure scaled by 100 and back (999,999,999,999,999,868,928), nor toFixed's exponent.
      expect(zh.stdout + en.stdout).not.toMatch(/999,999,999,999,999,\d{3},\d{3} 元|\de\+\d/);
    }
  });
});

describe('a baseline saved with a byte-order mark (outside review A: Notepad and PowerShell 5 save one)', () => {
  it('is read as the same baseline: the same exit code and output as without the mark', () => {
    const made = run(['baseline', 'b.yaml', '-o', 'bom-base.json'], EN);
    expect(made.code, made.stderr).toBe(0);
    const plain = readFileSync(join(dir, 'bom-base.json'));
    writeFileSync(join(dir, 'bom-base-marked.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    const a = run(['check', 'b.yaml', '--baseline', 'bom-base.json', '-f', 'json'], EN);
    const b = run(['check', 'b.yaml', '--baseline', 'bom-base-marked.json', '-f', 'json'], EN);
    expect(b.stderr).toBe('');
    expect([b.code, b.stdout]).toEqual([a.code, a.stdout]);
  });
});
