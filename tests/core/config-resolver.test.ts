/**
 * Issue 11 item 2: one configuration resolver in core. The language server resolves
 * `extends:` (npm packages included) exactly as the CLI does, and reports the same located
 * problems; RuleSet settings get the same check, codes and words.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createRuleSet, loadRulePack } from '../../packages/core/src/index.js';
import { resolveConfig } from '../../packages/core/src/node.js';
import { Validator } from '../../packages/language-server/src/validator.js';
import { RULES_DIR } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { budget } from '../hostile/inputs.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-resolver-'));
  // An npm package holding a rule pack, as a county would publish it.
  const pkg = join(dir, 'node_modules', 'county-pack');
  mkdirSync(join(pkg, 'norms'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'county-pack', version: '1.0.0', edunorm: { rules: 'norms' } }));
  cpSync(join(RULES_DIR, 'teacher-training-funds.yaml'), join(pkg, 'norms', 'teacher-training-funds.yaml'));
  // 6.25% of public funds: passes the plan's 5%, fails the county's 7%.
  writeFileSync(join(dir, 'school.yaml'), budget(4800000, 300000));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cliFindings = () => {
  const r = runCli(['check', 'school.yaml', '--format', 'json', '--locale', 'en'], { cwd: dir });
  return { code: r.code, stderr: r.stderr, findings: r.stdout ? (JSON.parse(r.stdout) as { files: { findings: { ruleId: string; line: number; column: number }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)) : [] };
};
const validate = (file: string, text = readFileSync(join(dir, file), 'utf8')) =>
  new Validator().validate({ uri: `file://${join(dir, file)}`, version: 1, text, filePath: join(dir, file), locale: 'en' });

describe('one configuration resolver for the CLI and the language server', () => {
  it('extends: an npm package — the same rule set, the same findings through both', async () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - county-pack\nrules:\n  teacher-training-funds:\n    params: { minShare: 0.07 }\n');
    const cli = cliFindings();
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.findings).toEqual(['teacher-training-funds@10:20']);
    const data = await validate('school.yaml');
    expect(data.packs).toEqual(['norms']);
    expect(data.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`)).toEqual(cli.findings);
    expect((await validate('edunorm.config.yaml')).findings).toEqual([]);
  });

  it('a rule id that the npm pack does not have: the same code at the same line and column in both', async () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - county-pack\nrules:\n  teacher-training-fund: warning\n');
    const cli = runCli(['check', 'school.yaml'], { cwd: dir });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/edunorm\.config\.yaml:4:3: unknown rule id "teacher-training-fund"; did you mean "teacher-training-funds"\? \(config\/unknown-rule\)/);
    const editor = (await validate('edunorm.config.yaml')).findings;
    expect(editor.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`)).toEqual(['config/unknown-rule@4:3']);
    expect(editor[0]!.message).toContain('unknown rule id "teacher-training-fund"; did you mean "teacher-training-funds"?');
  });

  it('a broken rule file inside the npm pack: the CLI names it, the editor shows it on the extends entry', async () => {
    const rule = join(dir, 'node_modules', 'county-pack', 'norms', 'teacher-training-funds.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('calculator: bounds', 'calculator: boundz'));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - county-pack\n');
    const resolution = resolveConfig(join(dir, 'edunorm.config.yaml'));
    expect(resolution.config).toBeUndefined();
    expect(resolution.problems.map((p) => [p.code, p.via?.line, p.via?.column])).toEqual([['rule-file/unknown-calculator', 2, 5]]);
    const cli = runCli(['check', 'school.yaml'], { cwd: dir });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/node_modules\/county-pack\/norms\/teacher-training-funds\.yaml:\d+:\d+: unknown calculator "boundz"/);
    const editor = (await validate('edunorm.config.yaml')).findings;
    expect(editor.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`)).toEqual(['rule-file/unknown-calculator@2:5']);
    expect(editor[0]!.message).toMatch(/county-pack\/norms\/teacher-training-funds\.yaml:\d+:\d+: unknown calculator "boundz"/);
  });

  it('a package that is not installed: config/unknown-pack on its entry, in both', async () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - edunorm:plan14\n  - not-installed-pack\n');
    expect(runCli(['check', 'school.yaml'], { cwd: dir }).stderr).toMatch(/edunorm\.config\.yaml:3:5: .*\(config\/unknown-pack\)/);
    expect((await validate('edunorm.config.yaml')).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`)).toEqual(['config/unknown-pack@3:5']);
  });

  it('settings given to RuleSet in code get the check of a configuration file: same codes, same words', () => {
    const pack = loadRulePack('p', [{ file: 'teacher-training-funds.yaml', text: readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8') }]);
    const problems = (settings: object) => {
      try {
        createRuleSet([pack], settings as never);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as ConfigurationError).problems.map((p) => `${p.code}: ${p.message}`);
      }
    };
    expect(problems({ 'teacher-training-fund': 'off' })).toEqual(['config/unknown-rule: unknown rule id "teacher-training-fund"; did you mean "teacher-training-funds"?']);
    expect(problems({ 'teacher-training-funds': { params: { minShar: 0.1 } } })).toEqual(['config/unknown-param: rule teacher-training-funds has no parameter "minShar"; did you mean "minShare"?']);
    expect(problems({ 'teacher-training-funds': { params: { minShare: 2 } } })).toEqual([expect.stringMatching(/^config\/bad-param: teacher-training-funds\.minShare: expected a fraction/)]);
  });
});

describe('ConfigurationError.code is config/invalid whichever entry point found the problem', () => {
  // Stop 24's note, left till now: loadConfigFile (ConfigResolver, the CLI and the editor) took
  // the first problem's code, parseConfig and createRuleSet said config/invalid; the problems
  // keep their own codes in every entry point.
  const thrownBy = (f: () => unknown): ConfigurationError => {
    try {
      f();
    } catch (error) {
      return error as ConfigurationError;
    }
    throw new Error('nothing thrown');
  };
  it.each([
    ['a YAML mistake', 'extends: [plan14\n', 'config/yaml'],
    ['an unknown setting', 'rulez: {}\n', 'config/schema'],
    ['an unknown rule id', 'rules:\n  teacher-training-fund: off\n', 'config/unknown-rule'],
    ['a pack folder that is not there', 'extends: [./nowhere]\n', 'config/unknown-pack'],
  ])('%s', async (_, text, problem) => {
    const { loadConfigFile } = await import('../../packages/core/src/node.js');
    const { parseConfig, validateRuleSettings } = await import('../../packages/core/src/config.js');
    const { builtinPack } = await import('../../packages/core/src/builtin-pack.js');
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-config-code-'));
    try {
      const file = join(dir, 'edunorm.config.yaml');
      writeFileSync(file, text);
      const viaFile = thrownBy(() => loadConfigFile(file));
      expect(viaFile).toBeInstanceOf(ConfigurationError);
      expect(viaFile.code).toBe('config/invalid');
      expect(viaFile.problems.map((p) => p.code)).toContain(problem);
      if (problem !== 'config/unknown-pack') {
        const viaText = thrownBy(() => validateRuleSettings(parseConfig(text, file), [builtinPack()]));
        expect(viaText.code).toBe('config/invalid');
        expect(viaText.problems.map((p) => p.code)).toContain(problem);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
