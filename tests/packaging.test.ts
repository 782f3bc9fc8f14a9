/**
 * What `npm pack` ships for @edunorm/core, @edunorm/cli and @edunorm/language-server: the
 * compiled code and declarations, bin scripts, README, LICENSE and package.json — no sources,
 * tests, source maps (none is built: a map would point at sources the package does not ship,
 * and maps with inlined sources would double the size) or build state, no `sourceMappingURL`
 * naming a file that is not there, and everything package.json points at. publint and
 * `npm publish --dry-run` find nothing to fix. (dist/ is not cleaned by the build: publish from
 * a fresh build, as CI does, or a file left in dist/ ships too.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateSchools } from './fixtures/report/generate-schools.js';
import { CLI_BIN, ROOT } from './helpers/paths.js';


interface Packed {
  name: string;
  unpackedSize: number;
  files: { path: string }[];
}

const PACKAGES = ['packages/core', 'packages/cli', 'packages/language-server'] as const;
let packed: Map<string, Packed>;

beforeAll(() => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', ...PACKAGES.flatMap((p) => ['-w', p])], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const list = JSON.parse(out.slice(out.indexOf('['))) as Packed[];
  packed = new Map(list.map((p, i) => [PACKAGES[i]!, p]));
}, 60_000);

/** Every file a package.json names: main, types, bin, exports. */
function entryPoints(pkg: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(pkg.main);
  add(pkg.types);
  add(pkg.bin);
  add(pkg.exports);
  return out;
}

describe('npm pack --dry-run', () => {
  for (const dir of PACKAGES) {
    describe(dir, () => {
      it('ships no sources, tests, source maps or build state', () => {
        const files = packed.get(dir)!.files.map((f) => f.path);
        const leaks = files.filter((f) => /\.map$|\.tsbuildinfo$|(^|\/)(src|tests?|test-results|coverage|node_modules)\//.test(f) || /\.test\.|\.spec\./.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)));
        expect(leaks).toEqual([]);
        expect(files.every((f) => f === 'package.json' || /^(dist|bin)\//.test(f) || /^(README|LICENSE)(\.md)?$/i.test(f)), files.join(', ')).toBe(true);
      });

      it('ships a README and a LICENSE; names its repository folder, engines, and bins without ./', () => {
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        expect(files.has('README.md'), 'README.md').toBe(true);
        expect(files.has('LICENSE'), 'LICENSE').toBe(true);
        const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Record<string, any>;
        expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/edunorm/edunorm.git', directory: dir });
        expect(pkg.engines).toEqual({ node: '>=20' });
        expect(pkg.license).toBe('MIT');
        for (const target of Object.values((pkg.bin ?? {}) as Record<string, string>)) expect(target).not.toMatch(/^\.\//);
      });

      it('has no dangling sourceMappingURL: every one names a shipped file', () => {
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        const dangling: string[] = [];
        for (const file of files) {
          if (!/\.(m?js|d\.ts)$/.test(file)) continue;
          const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(ROOT, dir, file), 'utf8'))?.[1];
          if (url !== undefined && !url.startsWith('data:') && !files.has(join(file, '..', url))) dangling.push(`${file} → ${url}`);
        }
        expect(dangling).toEqual([]);
      });

      it('publint reports nothing (errors, warnings or suggestions)', async () => {
        const { messages } = await publint({ pkgDir: join(ROOT, dir), pack: 'npm', strict: true });
        expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
      }, 60_000);

      it('npm publish --dry-run is clean (no corrected or invalid package.json fields)', () => {
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const r = spawnSync(npm, ['publish', '--dry-run', '--ignore-scripts'], { cwd: join(ROOT, dir), encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        // Without a registry login npm warns that publishing would need one; nothing else may be said.
        const warnings = r.stderr.split('\n').filter((l) => /npm (warn|error)/i.test(l) && !/requires you to be logged in/.test(l));
        expect(warnings).toEqual([]);
      }, 60_000);

      it('ships every file its package.json points at', () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Record<string, unknown>;
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        expect(entryPoints(pkg).filter((f) => !files.has(f))).toEqual([]);
      });

    });
  }

  it('the CLI ships the declarations of what it exports (main, import), each import of theirs shipped too, and no others', () => {
    // The command modules' declarations served no importer (the package exports `.` and
    // `./import`) and were a twelfth of the package.
    const files = new Set(packed.get('packages/cli')!.files.map((f) => f.path));
    const declarations = [...files].filter((f) => f.endsWith('.d.ts'));
    expect(declarations).toContain('dist/main.d.ts');
    expect(declarations).toContain('dist/import/convert-sheet.d.ts');
    expect(declarations.filter((f) => f !== 'dist/main.d.ts' && !/^dist\/import\/[^/]+\.d\.ts$/.test(f))).toEqual([]);
    for (const d of declarations) {
      for (const m of readFileSync(join(ROOT, 'packages/cli', d), 'utf8').matchAll(/from '(\.[^']*)\.js'/g)) {
        expect(files.has(join(dirname(d), `${m[1]}.d.ts`)), `${d} imports ${m[1]}`).toBe(true);
      }
    }
  });

  it('stays small (unpacked under 2 MB each)', () => {
    for (const dir of PACKAGES) expect(packed.get(dir)!.unpackedSize, dir).toBeLessThan(2_000_000);
  });
});

/** The single-file CLI, copied alone into an empty folder: the same results as the installed CLI. */
describe('packages/cli/dist/edunorm.mjs, alone in an empty folder', () => {
  const SINGLE = join(ROOT, 'packages', 'cli', 'dist', 'edunorm.mjs');
  let folder: string;
  let single: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'edunorm-single-'));
    single = join(folder, 'edunorm.mjs');
    copyFileSync(SINGLE, single);
    cpSync(join(ROOT, 'examples'), join(folder, 'examples'), { recursive: true });
    // 20 more files, so --concurrency 2 really starts worker threads (8 files per worker at least).
    generateSchools(join(folder, 'city'), 10);
    // Nothing to resolve a package from: no node_modules in the folder or above it.
    for (let d = folder; ; d = dirname(d)) {
      expect(existsSync(join(d, 'node_modules')), d).toBe(false);
      if (dirname(d) === d) break;
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const run = (bin: string, args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'zh_CN.UTF-8' }, timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** The compiled modules, unbundled and unminified: what both bundles are built from. */
  const MODULES = join(ROOT, 'packages', 'cli', 'dist', 'process-entry.js');
  const same = (args: string[]) => {
    const installed = run(CLI_BIN, args);
    const bundled = run(single, args);
    const modules = run(MODULES, args);
    for (const other of [installed, modules]) {
      expect(bundled.stderr).toBe(other.stderr);
      expect(bundled.stdout).toBe(other.stdout);
      expect(bundled.code).toBe(other.code);
    }
    return bundled;
  };

  it('is one file of modest size that starts with a Node shebang and imports nothing but node:', () => {
    const text = readFileSync(single, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const size = statSync(single).size;
    console.log(`edunorm.mjs: ${(size / 1024 / 1024).toFixed(2)} MiB`);
    expect(size).toBeLessThan(8 * 1024 * 1024);
    // It imports nothing but Node's own modules: the runs below are made from a folder with no
    // node_modules in it or above it, so any other import would fail there.
    expect(text).not.toMatch(/from\s*["'](exceljs|yaml|ajv|json-rules-engine|@edunorm\/[\w-]+)["']/);
  });

  it('check examples/: the same output and exit code as the installed CLI (stylish and json)', () => {
    expect(same(['check', 'examples/', '--no-color']).code).toBe(1);
    same(['check', 'examples/', '--format', 'json', '--locale', 'en']);
    expect(same(['check', 'examples/compliant']).code).toBe(0);
  });

  it('--version, --concurrency 2 (its own worker threads), report and explain work the same', () => {
    expect(same(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version);
    same(['check', 'city', 'examples', '--format', 'json', '--concurrency', '2']);
    same(['report', 'city', '--format', 'markdown']);
    same(['explain', 'teacher-training-funds']);
  });

  it('a broken configuration or rule pack: exit 2 with the located problem, as the modules say it — not an internal error', () => {
    // Minifying renames classes: the CLI must not tell its errors apart by a class's own name.
    const broken = join(folder, 'broken');
    mkdirSync(join(broken, 'pack'), { recursive: true });
    cpSync(join(folder, 'examples', 'compliant'), join(broken, 'files'), { recursive: true });
    writeFileSync(join(broken, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds:\n    severity: fatal\n');
    let r = same(['check', 'broken/files']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('edunorm.config.yaml:3:15');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    writeFileSync(join(broken, 'edunorm.config.yaml'), 'extends: [./pack]\n');
    writeFileSync(join(broken, 'pack', 'teacher-training-funds.yaml'), 'kind: SchoolBudget\n');
    r = same(['check', 'broken/files', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('teacher-training-funds.yaml:1:1');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('imports an .xlsx workbook (exceljs is in the file too)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('教职工');
    for (const row of [['学校代码', '130902101', '学校名称', '李庄小学'], ['学段', '小学', '年度', 2025], ['工号', '姓名', '岗位类别'], ['T001', '张老师', '专任教师']]) sheet.addRow(row);
    await workbook.xlsx.writeFile(join(folder, 'staff.xlsx'));
    const r = run(single, ['import', 'staff.xlsx', '--kind', 'Staffing', '--output', 'staff.yaml']);
    expect(r.code, r.stderr).not.toBe(2);
    expect(readFileSync(join(folder, 'staff.yaml'), 'utf8')).toContain('  - id: T001');
  });
});

/**
 * The GitHub Action, run as the runner runs a composite action: each `run:` step in
 * `bash --noprofile --norc -eo pipefail`, its `env:` with `${{ inputs.* }}`, `${{ github.* }}`
 * and `${{ steps.*.outputs.* }}` filled in, outputs read from $GITHUB_OUTPUT, `if:` evaluated.
 * The action's checkout holds only action.yml and the single file.
 */
describe('action.yml', () => {
  interface Step { id?: string; name?: string; if?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string; with?: Record<string, string> }
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
  };
  let actionPath: string;
  let workspace: string;
  beforeAll(() => {
    actionPath = mkdtempSync(join(tmpdir(), 'edunorm-action-'));
    mkdirSync(join(actionPath, 'packages/cli/dist'), { recursive: true });
    copyFileSync(join(ROOT, 'packages/cli/dist/edunorm.mjs'), join(actionPath, 'packages/cli/dist/edunorm.mjs'));
    copyFileSync(join(ROOT, 'action.yml'), join(actionPath, 'action.yml'));
    workspace = mkdtempSync(join(tmpdir(), 'edunorm-workspace-'));
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  });
  afterAll(() => {
    rmSync(actionPath, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Runs the action's steps with these inputs; returns each step's result and the action's outputs. */
  function runAction(given: Record<string, string>) {
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? spec.default ?? '';
    const steps: Record<string, { outputs: Record<string, string>; code: number; stdout: string; ran: boolean; with?: Record<string, string> }> = {};
    let failed = false;
    const value = (ref: string): string => {
      const [scope, ...rest] = ref.split('.');
      if (scope === 'inputs') return inputs[rest.join('.')] ?? '';
      if (scope === 'github' && rest[0] === 'action_path') return actionPath;
      if (scope === 'steps' && rest[1] === 'outputs') return steps[rest[0]!]?.outputs[rest.slice(2).join('.')] ?? '';
      throw new Error(`expression not understood by this test: ${ref}`);
    };
    /** `a == 'x' && !cancelled() && b != ''`: the forms action.yml uses. */
    const condition = (text: string): boolean =>
      text.replace(/^\$\{\{|\}\}$/g, '').split('&&').every((part) => {
        const p = part.trim();
        if (p === '!cancelled()') return true;
        const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(p);
        if (!m) throw new Error(`condition not understood by this test: ${p}`);
        return (value(m[1]!) === m[3]) === (m[2] === '==');
      });
    const fill = (text: string) => text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, ref: string) => value(ref));
    for (const [index, step] of action.runs.steps.entries()) {
      const key = step.id ?? `#${index}`;
      const wanted = step.if ? condition(step.if) : !failed;
      if (!wanted || (failed && !step.if)) {
        steps[key] = { outputs: {}, code: 0, stdout: '', ran: false };
        continue;
      }
      if (step.uses) {
        // Another action (upload-sarif): not run here; what it would be given is recorded.
        steps[key] = { outputs: {}, code: 0, stdout: '', ran: true, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(String(v))])) };
        continue;
      }
      expect(step.shell).toBe('bash');
      // No expression inside a script: inputs reach it as environment variables only.
      expect(step.run).not.toMatch(/\$\{\{/);
      const output = join(workspace, `output-${index}`);
      writeFileSync(output, '');
      const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, LANG: 'C.UTF-8', GITHUB_OUTPUT: output, GITHUB_WORKSPACE: workspace, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))])) };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
      const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      steps[key] = { outputs, code: r.status ?? -1, stdout: r.stdout + r.stderr, ran: true };
      if (r.status !== 0) failed = true;
    }
    const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, fill(o.value)]));
    return { steps, outputs, failed };
  }

  it('is a composite action whose inputs are paths, format, config, locale and sarif', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'config', 'locale', 'sarif']));
  });

  it('a compliant folder: exit-code 0, the step passes, nothing uploaded', () => {
    const { steps, outputs, failed } = runAction({ paths: 'examples/compliant' });
    expect(failed).toBe(false);
    expect(outputs['exit-code']).toBe('0');
    expect(steps['#2']!.ran).toBe(false);
  });

  it('findings: annotations for the pull request, exit-code 1 and a failed step', () => {
    const { steps, outputs, failed } = runAction({ paths: 'examples/noncompliant examples/district', locale: 'en' });
    expect(failed).toBe(true);
    expect(outputs['exit-code']).toBe('1');
    expect(steps.check!.code).toBe(1);
    expect(steps.check!.stdout).toMatch(/^::error file=examples\/noncompliant\/budget\.yaml,line=11,.*title=teacher-training-funds::/m);
  });

  it('sarif: true writes SARIF, hands it to upload-sarif; fail-on-findings: false passes the step', () => {
    const { steps, outputs, failed } = runAction({ paths: 'examples', sarif: 'true', 'fail-on-findings': 'false', config: '', format: 'stylish', locale: 'zh-CN' });
    expect(failed).toBe(false);
    expect(outputs['exit-code']).toBe('1');
    expect(outputs['sarif-file']).toBe('edunorm.sarif');
    expect(steps.check!.stdout).toContain('教师培训经费 150,000 元');
    const sarif = JSON.parse(readFileSync(join(workspace, 'edunorm.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(steps['#2']).toMatchObject({ ran: true, with: { sarif_file: 'edunorm.sarif', category: 'edunorm' } });
  });

  it('a broken configuration is exit-code 2 even with fail-on-findings: false', () => {
    writeFileSync(join(workspace, 'bad.yaml'), 'rules: [');
    const { outputs, failed } = runAction({ paths: 'examples', config: 'bad.yaml', 'fail-on-findings': 'false' });
    expect(failed).toBe(true);
    expect(outputs['exit-code']).toBe('2');
  });
});
