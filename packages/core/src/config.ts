import { ConfigurationError, type Problem } from './errors.js';
import { didYouMean } from './messages/did-you-mean.js';
import { parseYaml, type ParsedFile } from './parse/parse-yaml.js';
import type { PathSegment } from './path.js';
import { checkParamValue } from './rules/load-pack.js';
import type { RuleSettings } from './rules/rule-set.js';
import type { RulePack } from './rules/rule-types.js';
import type { Locale } from './types.js';
import { configValidator } from './schema/validators.js';
import { describeSchemaError } from './schema/schema-errors.js';

/** `edunorm.config.yaml`, as written by a bureau's maintainers. */
export interface EdunormConfig {
  /** Packs to use, in order: `edunorm:plan14`, a folder (`./county-rules`) or an npm package. */
  extends?: string[];
  rules?: RuleSettings;
  /**
   * The language of the CLI's messages for this repository (a CI runner's LANG is usually C):
   * `--locale` wins over it, it wins over LANG/LC_ALL.
   */
  locale?: Locale;
}

export { BUILTIN_PACK_REFERENCE, CONFIG_FILE_NAMES } from './config-names.js';

export { configSchema } from './config-schema.js';

/** A parsed configuration with the positions of its nodes, for located errors later on. */
export interface ParsedConfig {
  file: string;
  config: EdunormConfig;
  /** 1-based line and column of the node at a path (or its nearest ancestor). */
  locate(path: readonly PathSegment[], part?: 'key' | 'value'): { line: number; column: number };
}

function locator(file: ParsedFile) {
  return (path: readonly PathSegment[], part: 'key' | 'value' = 'value') => {
    const doc = file.documents[0];
    if (!doc) return { line: 1, column: 1 };
    const { location } = doc.locate(path);
    const span = part === 'key' ? (location.key ?? location.value) : (location.value ?? location.key);
    const pos = file.positions.position(span?.[0] ?? doc.span[0]);
    return { line: pos.line, column: pos.column };
  };
}


/** Parses and validates the text of a configuration file; problems are located. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const parsed = parseYaml(text);
  const locate = locator(parsed);
  const problems: Problem[] = [];
  const doc = parsed.documents[0];
  for (const p of parsed.documents.flatMap((d) => d.problems)) {
    const pos = parsed.positions.position(p.span[0]);
    problems.push({ file, line: pos.line, column: pos.column, code: 'config/yaml', message: p.detail });
  }
  if (problems.length) throw new ConfigurationError('config/invalid', `invalid configuration ${file}`, problems);
  const value = doc?.value ?? {};
  const validateConfig = configValidator();
  if (value === null || !validateConfig(value)) {
    const errors = value === null ? [] : (validateConfig.errors ?? []);
    const seen = new Set<string>();
    for (const e of errors) {
      if (e.keyword === 'oneOf') continue;
      const { path, part, message: text } = describeSchemaError(e, 'setting', '(configuration)');
      const message = e.keyword === 'additionalProperties' && path.length === 1 ? `${text}; use extends or rules` : text;
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ file, ...locate(path, part), code: 'config/schema', message });
    }
    if (value === null || problems.length === 0) problems.push({ file, line: 1, column: 1, code: 'config/schema', message: 'the configuration must be a mapping with extends and/or rules' });
    throw new ConfigurationError('config/invalid', `invalid configuration ${file}`, problems);
  }
  return { file, config: value as EdunormConfig, locate };
}

/**
 * Checks a configuration's `rules:` against the packs it extends: unknown rule ids (with
 * "did you mean"), unknown parameters and parameter values of the wrong type, each located.
 */
export function validateRuleSettings(parsed: ParsedConfig, packs: readonly RulePack[]): void {
  const problems = ruleSettingProblems(parsed.config.rules ?? {}, packs, parsed.file, parsed.locate);
  if (problems.length) throw new ConfigurationError('config/invalid', `invalid configuration ${parsed.file}`, problems);
}

/**
 * The problems of rule settings against packs — unknown rule ids (with "did you mean"), unknown
 * parameters, parameter values of the wrong type — located by `locate`. The one check of rule
 * settings: a configuration file's (located on its nodes) and settings given to `RuleSet` in code
 * (located at `(settings)`) get the same codes and words.
 */
export function ruleSettingProblems(
  settings: RuleSettings,
  packs: readonly RulePack[],
  file: string,
  locate: (path: readonly PathSegment[], part?: 'key' | 'value') => { line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  const rules = new Map(packs.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rules.get(id);
    if (!rule) {
      const guess = didYouMean(id, [...rules.keys()]);
      problems.push({ file, ...locate(['rules', id], 'key'), code: 'config/unknown-rule', message: `unknown rule id "${id}"${guess ? `; did you mean "${guess}"?` : ''}` });
      continue;
    }
    if (typeof setting !== 'object' || setting === null) continue;
    for (const [name, value] of Object.entries(setting.params ?? {})) {
      const def = Object.hasOwn(rule.params, name) ? rule.params[name] : undefined;
      if (!def) {
        const known = Object.keys(rule.params);
        const guess = didYouMean(name, known);
        problems.push({
          file,
          ...locate(['rules', id, 'params', name], 'key'),
          code: 'config/unknown-param',
          message: `rule ${id} has no parameter "${name}"${guess ? `; did you mean "${guess}"?` : `; its parameters: ${known.join(', ') || 'none'}`}`,
        });
        continue;
      }
      const msg = checkParamValue(def, value);
      if (msg) problems.push({ file, ...locate(['rules', id, 'params', name]), code: 'config/bad-param', message: `${id}.${name}: ${msg}` });
    }
  }
  return problems;
}
