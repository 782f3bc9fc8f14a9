/**
 * CLI coherence (issue 15 item 9): `--help` on every command in both languages, help made from
 * the same option tables as parsing and the README, the real size-limit default, `--quiet` and
 * `--max-warnings` agreeing as ESLint's do, and hints that name the flag they need.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../packages/core/src/file-limits.js';
import { COMMAND_SPECS, parseArgsOptions } from '../packages/cli/src/command-specs.js';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const COMMANDS = Object.keys(COMMAND_SPECS) as (keyof typeof COMMAND_SPECS)[];
const CJK = /[\u4e00-\u9fff]/;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('--help on every command', { timeout: 180_000 }, () => {
  it('the registered commands are the ones with a help table', () => {
    const main = readFileSync(join(ROOT, 'packages/cli/src/main.ts'), 'utf8');
    const registered = [...main.slice(main.indexOf('const COMMANDS'), main.indexOf('};', main.indexOf('const COMMANDS'))).matchAll(/^\s+'?([a-z-]+)'?: \(\) => import/gm)].map((m) => m[1]);
    expect(registered.sort()).toEqual([...COMMANDS].sort());
  });

  for (const command of COMMANDS) {
    it(`edunorm ${command} --help, -h and edunorm help ${command}: exit 0, Chinese by LANG, English by --locale`, () => {
      const zh = runCli([command, '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(zh.code, zh.stderr).toBe(0);
      expect(zh.stderr).toBe('');
      expect(zh.stdout.startsWith(`edunorm ${command} `)).toBe(true);
      expect(zh.stdout).toContain('选项:');
      expect(zh.stdout).toMatch(CJK);
      const en = runCli([command, '-h', '--locale', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(en.code, en.stderr).toBe(0);
      expect(en.stdout).toContain('Options:');
      expect(en.stdout).toContain('Exit codes:');
      const viaHelp = runCli(['help', command], { env: { LANG: 'en_US.UTF-8' } });
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(en.stdout);
      // A CI runner's LANG=C.UTF-8 names no language: Chinese, as for every message.
      expect(runCli([command, '--help'], { env: { LANG: 'C.UTF-8' } }).stdout).toBe(zh.stdout);
    });

    it(`every option edunorm ${command} parses is in its --help, with its short flag`, () => {
      const help = { 'zh-CN': runCli([command, '--help', '--locale', 'zh-CN']).stdout, en: runCli([command, '--help', '--locale', 'en']).stdout };
      for (const [name, o] of Object.entries(parseArgsOptions(COMMAND_SPECS[command].options))) {
        for (const text of Object.values(help)) {
          expect(text, `--${name}`).toMatch(new RegExp(`(^|[ ,])--${name}( |\\n|$)`, 'm'));
          if ('short' in o) expect(text, `-${o.short}`).toContain(`-${o.short}, --${name}`);
        }
      }
    });
  }

  it('each command parses exactly the options of its table (no option outside command-specs.ts)', () => {
    const folder = join(ROOT, 'packages/cli/src/commands');
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), 'utf8');
      for (const call of source.matchAll(/parseArgs\(\{[\s\S]*?\n {2}\}\)/g)) {
        expect(call[0], file).toMatch(/options: parseArgsOptions\(COMMAND_SPECS(\.[a-z]+|\['[a-z-]+'\])\.options\)/);
      }
    }
  });

  it('--help wins over every other option, as in ESLint (even one that would fail)', () => {
    const r = runCli(['check', '--no-such-flag', 'nothing-here.yaml', '--help', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('edunorm check ')).toBe(true);
    // Before: "Unknown option '--help'", exit 2.
    expect(runCli(['check', '--help']).stderr).toBe('');
  });

  it('edunorm --help, -h and help list every command; the language follows the configuration’s locale:', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-help-'));
    try {
      for (const args of [['--help'], ['-h'], ['help']]) {
        const r = runCli(args, { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('用法:');
        for (const c of COMMANDS) expect(r.stdout).toContain(`edunorm ${c} `);
        expect(r.stdout).toContain('edunorm <命令> --help');
      }
      writeFileSync(join(dir, 'edunorm.config.yaml'), 'locale: en\n');
      expect(runCli(['check', '--help'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('Options:');
      expect(runCli(['--help'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('Usage:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown help topic or command is a usage error (exit 2), also for names of Object’s properties', () => {
    for (const args of [['help', 'chekc'], ['constructor'], ['__proto__'], ['toString']]) {
      const r = runCli(args, { env: { LANG: 'zh_CN.UTF-8' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^edunorm: 未知的命令“/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the size-limit default in --help is core’s DEFAULT_MAX_FILE_BYTES (16 MiB), and so is the README’s', () => {
    const mib = DEFAULT_MAX_FILE_BYTES / 1024 ** 2;
    expect(mib).toBe(16);
    for (const command of ['check', 'baseline', 'report']) {
      expect(runCli([command, '--help', '--locale', 'en']).stdout).toContain(`default ${mib}MiB`);
      expect(runCli([command, '--help', '--locale', 'zh-CN']).stdout).toContain(`默认 ${mib}MiB`);
    }
    expect(README).toContain(`${mib} MiB for any file`);
  });

  it('every flag the README names in its CLI sections is an option of a command', () => {
    const known = new Set(['--version', ...Object.values(COMMAND_SPECS).flatMap((s) => Object.keys(s.options).map((o) => `--${o}`))]);
    const cli = README.slice(README.indexOf('## Command line'), README.indexOf('## In a browser'));
    const named = new Set([...cli.matchAll(/(?<![\w-])--[a-z][a-z-]*[a-z]/g)].map((m) => m[0]));
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((f) => !known.has(f))).toEqual([]);
    // The generated reference lists every option of every command (tests/docs.test.ts keeps it fresh).
    const reference = README.slice(README.indexOf('<!-- cli-reference:start -->'), README.indexOf('<!-- cli-reference:end -->'));
    for (const [name, spec] of Object.entries(COMMAND_SPECS)) {
      expect(reference).toContain(`#### \`edunorm ${name}\``);
      for (const option of Object.keys(spec.options)) expect(reference, `${name} --${option}`).toContain(`--${option}`);
    }
  });
});

describe('--quiet and --max-warnings agree, as in ESLint', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-quiet-'));
    // Compliant, with one unknown key: one warning (schema/unknown-key), no error.
    writeFileSync(
      join(dir, 'w.yaml'),
      'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nbudget:\n  publicFunds: 4000000\n  teacherTraining: 200000\n  extra: 1\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => runCli(['check', 'w.yaml', '--no-color', ...args], { cwd: dir });

  it('--quiet --max-warnings 0 with a hidden warning: exit 1, stderr says the warnings were hidden, no "all clear"', () => {
    for (const [locale, hiddenLine, clean] of [
      ['en', 'edunorm: 1 warning(s) (not shown: --quiet; run without --quiet to see them) exceed --max-warnings 0\n', 'all clear'],
      ['zh-CN', 'edunorm: 警告 1 个(--quiet 未显示;去掉 --quiet 可查看),超过 --max-warnings 0\n', '全部符合要求'],
    ] as const) {
      const r = run(['--quiet', '--max-warnings', '0', '--locale', locale]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(hiddenLine);
      expect(r.stdout).not.toContain(clean);
      expect(r.stdout).not.toContain('✔');
      expect(r.stdout).not.toContain('schema/unknown-key');
      expect(r.stdout).toMatch(locale === 'en' ? /^⚠ no errors \(1 file checked; 1 warning and 0 info not shown \(--quiet\)\)\n$/ : /^⚠ 没有错误\(检查了 1 个文件;--quiet 未显示 1 个警告、0 个提示\)\n$/);
      const md = run(['--quiet', '--max-warnings', '0', '--locale', locale, '--format', 'markdown']);
      expect(md.code).toBe(1);
      expect(md.stdout).not.toContain(clean);
      expect(md.stdout.startsWith('⚠️')).toBe(true);
    }
  });

  it('--quiet alone: exit 0, the warning not shown but said to be hidden; without --quiet it is shown', () => {
    const quiet = run(['--quiet', '--locale', 'en']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('1 warning and 0 info not shown (--quiet)');
    const loud = run(['--max-warnings', '0', '--locale', 'en']);
    expect(loud.code).toBe(1);
    expect(loud.stdout).toMatch(/8:3 +warning .* schema\/unknown-key/);
    expect(loud.stderr).toBe('edunorm: 1 warning(s) exceed --max-warnings 0\n');
    expect(run(['--max-warnings', '1', '--locale', 'en']).code).toBe(0);
  });

  it('the rule is said in --help (zh-CN and en)', () => {
    expect(runCli(['check', '--help', '--locale', 'en']).stdout.replace(/\s+/g, ' ')).toContain('with --quiet the warnings are not shown but still counted (as in ESLint)');
    expect(runCli(['check', '--help', '--locale', 'zh-CN']).stdout.replace(/\s+/g, '')).toContain('与--quiet同用时,警告不显示但仍然计数(与ESLint相同)');
  });
});

describe('hints name the flag they need', { timeout: 120_000 }, () => {
  it('an option error points at the command’s own help', () => {
    const r = runCli(['baseline', '--colour'], { env: { LANG: 'en_US.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Run "edunorm baseline --help" for usage.');
  });
});
