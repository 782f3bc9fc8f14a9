/**
 * The npm API as a careless or a JavaScript caller uses it (outside review of @edunorm/core):
 * what a configuration file may not say, settings given in code may not say either; a wrong
 * argument is a typed error with a stable code in both languages, never an untyped TypeError or
 * a silent change of behaviour; the built-in pack cannot be edited for everyone; the YAML reader
 * writes nothing to the console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { builtinPack, check, ConfigurationError, createRuleSet, getDefaultRuleSet, type RuleSettings } from '../../packages/core/src/index.js';
import { EXAMPLES } from '../helpers/paths.js';

const text = readFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), 'utf8');

function thrown(f: () => unknown): ConfigurationError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('did not throw');
}
async function rejected(p: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('did not reject');
}

describe('rule settings given in code get the configuration file’s checks', () => {
  it.each([
    ['a severity no finding has', { 'teacher-training-funds': 'fatal' }],
    ['a severity in capitals', { 'teacher-training-funds': 'Error' }],
    ['a misspelt key', { 'teacher-training-funds': { serverity: 'off' } }],
    ['a number', { 'teacher-training-funds': 42 }],
    ['a list', { 'teacher-training-funds': ['error'] }],
    ['params: null', { 'teacher-training-funds': { params: null } }],
  ])('%s: config/invalid with a config/schema problem, as in edunorm.config.yaml', (_, settings) => {
    const e = thrown(() => createRuleSet(undefined, settings as unknown as RuleSettings));
    expect(e.code).toBe('config/invalid');
    expect(e.problems.map((p) => p.code)).toContain('config/schema');
    expect(e.problems.every((p) => p.text?.['zh-CN'] && p.text.en)).toBe(true);
  });

  it('settings that are not a mapping at all', () => {
    expect(thrown(() => createRuleSet(undefined, null as unknown as RuleSettings)).code).toBe('config/invalid');
  });

  it('a valid setting still works', async () => {
    const ruleSet = createRuleSet(undefined, { 'teacher-training-funds': 'warning' });
    expect((await check(text, { ruleSet })).findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['teacher-training-funds warning']);
  });
});

describe('check(): a wrong argument is config/invalid-option, said in both languages', () => {
  it.each([
    ['no text', undefined, undefined, 'the text to check must be a string, not undefined'],
    ['a number for the text', 42, undefined, 'the text to check must be a string, not 42'],
    ['null options', text, null, 'the options must be an object, not null'],
    ['a locale it does not have (no silent English)', text, { locale: 'zh' }, 'locale must be "zh-CN" or "en", not "zh"'],
    ['maxFileBytes NaN (which switched the size limit off)', text, { maxFileBytes: Number.NaN }, 'maxFileBytes must be a whole number of at least 0, or Infinity, not NaN'],
    ['maxFindings -1', text, { maxFindings: -1 }, 'maxFindings must be a whole number of at least 1, or Infinity, not -1'],
    ['maxFullParseLength 2.5', text, { maxFullParseLength: 2.5 }, 'maxFullParseLength must be a whole number of at least 0, or Infinity, not 2.5'],
    ['a rule set copied across threads', text, { ruleSet: structuredClone({ rules: [] }) }, 'ruleSet must be a RuleSet made by createRuleSet() (a copy, or one sent to another thread, is none), not an object'],
    ['a path that is no string', text, { path: 42 }, 'path must be a string, not 42'],
    ['a flag that is no boolean', text, { workspace: 'yes' }, 'workspace must be true or false, not "yes"'],
  ])('%s', async (_, t, options, message) => {
    const e = await rejected(check(t as string, options as never));
    expect(e.code).toBe('config/invalid-option');
    expect(e.problems.map((p) => p.message)).toEqual([message]);
    expect(e.problems[0]!.text!['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('Infinity is a limit (the CLI reads files against its own)', async () => {
    expect((await check(text, { maxFileBytes: Infinity, maxFindings: Infinity })).findings).toHaveLength(1);
  });
});

describe('the built-in pack is the same for everyone', () => {
  it('cannot be edited through builtinPack(): the edit throws, every later check is as before', async () => {
    const before = (await check(text)).findings.map((f) => `${f.ruleId} ${f.severity}`);
    const pack = builtinPack();
    expect(() => pack.rules.splice(0, pack.rules.length)).toThrow(TypeError);
    const rule = pack.rules.find((r) => r.id === 'teacher-training-funds')!;
    expect(() => {
      (rule as { severity: string }).severity = 'info';
    }).toThrow(TypeError);
    expect(builtinPack().rules.length).toBe(getDefaultRuleSet().rules.length);
    expect((await check(text, { ruleSet: createRuleSet() })).findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(before);
  });
});

describe('the YAML reader writes nothing to the console', () => {
  it('a key that is a collection: a finding, no console.warn (it reached the CLI’s stderr in English)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const result = await check(`${text}? [a, b]\n: 1\n`);
      expect(result.findings.length).toBeGreaterThan(1);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
