/**
 * Configuration, rule packs and checked files are data: nothing in them is executed. A pack
 * installed as an npm package is found through its package.json and read as YAML files; its
 * JavaScript never runs. Statically: no eval, Function, vm or computed import/require in the
 * shipped code.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';
import { ROOT, RULES_DIR } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { budget } from './inputs.js';

let dir: string;
const marker = () => join(dir, 'EXECUTED');
const payload = () => `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'EXECUTED'))}, 'x')`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-nocode-'));
  // An npm package that is also a rule pack; its code would leave a marker if run.
  const pkg = join(dir, 'node_modules', 'county-pack');
  mkdirSync(pkg, { recursive: true });
  cpSync(RULES_DIR, join(pkg, 'rules'), { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: 'county-pack', version: '1.0.0', main: 'index.js', exports: { '.': './index.js', './package.json': './package.json' }, edunorm: { rules: 'rules' }, scripts: { postinstall: 'node index.js' } }),
  );
  writeFileSync(join(pkg, 'index.js'), `${payload()};\nmodule.exports = {};\n`);
  writeFileSync(join(dir, 'edunorm.config.js'), `${payload()};\n`);
  writeFileSync(join(dir, 'edunorm.config.cjs'), `${payload()};\n`);
  writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [county-pack]\n');
  writeFileSync(join(dir, 'school.yaml'), budget(4800000, 1000));
  writeFileSync(
    join(dir, 'tags.yaml'),
    `${budget(4800000, 240000)}note: !!js/function "function () { ${payload()} }"\nother: !<tag:yaml.org,2002:js/undefined> x\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no code from the workspace runs', () => {
  it('a pack from an npm package is read as data: its JavaScript never runs', () => {
    const r = runCli(['check', 'school.yaml', 'tags.yaml', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(out.files.find((f) => f.path === 'school.yaml')!.findings.map((f) => f.ruleId)).toEqual(['teacher-training-funds']);
    expect(existsSync(marker())).toBe(false);
  });

  it('YAML tags for JavaScript values in a checked file are neither resolved nor run', async () => {
    const text = readFileSync(join(dir, 'tags.yaml'), 'utf8');
    const r = await check(text, { locale: 'en' });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(existsSync(marker())).toBe(false);
  });

  it('message templates are filled by plain substitution: `{constructor.constructor(...)}` is text', async () => {
    const pack = join(dir, 'template-pack');
    cpSync(RULES_DIR, pack, { recursive: true });
    const file = join(pack, 'teacher-training-funds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: Teacher-training funds of {actual|yuan} yuan', `en: "{constructor.constructor('${payload().replace(/'/g, '')}')()} {__proto__} Teacher-training funds of {actual|yuan} yuan`));
    writeFileSync(join(dir, 'template.config.yaml'), 'extends: [./template-pack]\n');
    const r = runCli(['check', 'school.yaml', '--config', 'template.config.yaml', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(existsSync(marker())).toBe(false);
    expect([1, 2]).toContain(r.code);
  });

  it('rule conditions cannot smuggle JSONPath script expressions', () => {
    const pack = join(dir, 'path-pack');
    cpSync(RULES_DIR, pack, { recursive: true });
    const file = join(pack, 'teacher-training-funds.yaml');
    // A JSONPath filter is script in some evaluators; edunorm's schema admits `$.a.b` only.
    writeFileSync(file, readFileSync(file, 'utf8').replace('path: $.direction', 'path: "$..[?(@.constructor && process.exit(7))]"'));
    writeFileSync(join(dir, 'path.config.yaml'), 'extends: [./path-pack]\n');
    const r = runCli(['check', 'school.yaml', '--config', 'path.config.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/teacher-training-funds\.yaml:\d+:\d+: .*path.*\(rule-file\/schema\)/);
    expect(existsSync(marker())).toBe(false);
  });

  it('the shipped code has no eval, Function, vm, or import/require of a computed path', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name)) {
          const code = readFileSync(p, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/^\s*\/\/.*$/gm, '');
          const bad = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*['"`]/, /['"]node:vm['"]|['"]vm['"]/, /\bimport\s*\(\s*(?!['"])/, /\brequire\s*\(\s*(?!['"])/].filter((re) => re.test(code));
          if (bad.length) offenders.push(`${p.slice(ROOT.length + 1)}: ${bad.map(String).join(' ')}`);
        }
      }
    };
    for (const pkg of ['core', 'cli', 'language-server']) walk(join(ROOT, 'packages', pkg, 'src'));
    expect(offenders).toEqual([]);
  });
});
