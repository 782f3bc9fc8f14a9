import { configMessages as CM } from './checks/config.js';
import { yamlMistakeMessage, yamlProblemMessage } from './checks/yaml.js';
import { ConfigurationError, localizedProblem, type Problem } from './errors.js';
import { didYouMean } from './messages/did-you-mean.js';
import { parseYaml, type ParsedFile } from './parse/parse-yaml.js';
import type { PathSegment } from './path.js';
import { paramProblem } from './rules/load-pack.js';
import type { RuleSettings } from './rules/rule-set.js';
import type { RulePack } from './rules/rule-types.js';
import type { Locale } from './types.js';
import { configValidator } from './schema/validators.js';
import { schemaErrorParts } from './schema/schema-errors.js';
import type { ErrorObject } from 'ajv';
import type { LocalizedText } from './types.js';

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
  /** The text of the value at a path as written (`.inf`, `1e400`), when the path is there. */
  written?(path: readonly PathSegment[]): string | undefined;
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

function writtenText(file: ParsedFile) {
  return (path: readonly PathSegment[]): string | undefined => {
    const found = file.documents[0]?.locate(path);
    const span = found && found.path.length === path.length ? found.location.value : undefined;
    return span ? file.text.slice(span[0], span[1]) : undefined;
  };
}

/**
 * What the configuration schema says of `value` (config-schema.ts), located: the problems of a
 * configuration file, and of rule settings given in code (RuleSet), in the same codes and words.
 */
export function configShapeProblems(value: unknown, file: string, locate: (path: readonly PathSegment[], part?: 'key' | 'value') => { line: number; column: number }): Problem[] {
  const validateConfig = configValidator();
  if (value !== null && validateConfig(value)) return [];
  const problems: Problem[] = [];
  const errors = value === null ? [] : (validateConfig.errors ?? []);
  // A rule's setting is a severity or a mapping (oneOf): `teacher-training-funds: warn` fails
  // both branches, and only the branch its value was written for is worth saying — the
  // severity words for a word, the mapping's keys for a mapping.
  const isMapping = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || (e.keyword === 'enum' && isMapping(e.data)) || (e.keyword === 'type' && enumAt.has(e.instancePath) && !isMapping(e.data))) continue;
    const { path, part, text } = configSchemaProblem(e);
    if (seen.has(text.en)) continue;
    seen.add(text.en);
    problems.push(localizedProblem({ file, ...locate(path, part) }, 'config/schema', text));
  }
  if (value === null || problems.length === 0) problems.push(localizedProblem({ file, line: 1, column: 1 }, 'config/schema', CM.notAMapping()));
  return problems;
}

/** Parses and validates the text of a configuration file; problems are located. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const parsed = parseYaml(text);
  const locate = locator(parsed);
  const problems: Problem[] = [];
  const doc = parsed.documents[0];
  for (const p of parsed.documents.flatMap((d) => d.problems)) {
    const pos = parsed.positions.position(p.span[0]);
    // The same words as a data file's YAML mistakes (a full-width colon named as such).
    const text = p.hint ? yamlMistakeMessage(p.hint, parsed).message : yamlProblemMessage(p.code, p.detail, p.parserCode);
    problems.push(localizedProblem({ file, line: pos.line, column: pos.column }, 'config/yaml', text));
  }
  // Only the first document would be read: a second one (a submission pasted below the settings,
  // settings of its own) would be neither checked nor applied, silently.
  for (const extra of parsed.documents.slice(1)) {
    const pos = parsed.positions.position(extra.span[0]);
    problems.push(localizedProblem({ file, line: pos.line, column: pos.column }, 'config/schema', CM.oneDocument()));
  }
  if (problems.length) throw new ConfigurationError('config/invalid', `invalid configuration ${file}`, problems);
  const value = doc?.value ?? {};
  const shape = configShapeProblems(value, file, locate);
  if (shape.length) throw new ConfigurationError('config/invalid', `invalid configuration ${file}`, shape);
  return { file, config: value as EdunormConfig, locate, written: writtenText(parsed) };
}

/** One ajv error of a configuration, in words for the person who wrote it (zh-CN and en). */
function configSchemaProblem(e: ErrorObject): { path: PathSegment[]; part: 'key' | 'value'; text: LocalizedText } {
  const { path, where, extra, known, allowed } = schemaErrorParts(e);
  switch (e.keyword) {
    case 'additionalProperties': {
      const meant = didYouMean(extra, known);
      return { path: [...path, extra], part: 'key', text: path.length ? CM.unknownKey(where, extra, meant, known) : CM.unknownSetting(extra, meant) };
    }
    case 'enum':
      return { path, part: 'value', text: CM.oneOf(where, allowed) };
    case 'type':
      return { path, part: 'value', text: CM.mustBe(where, String((e.params as { type: string }).type)) };
    default:
      return { path, part: 'value', text: CM.invalid(where, e.message ?? 'is invalid') };
  }
}

/**
 * Checks a configuration's `rules:` against the packs it extends: unknown rule ids (with
 * "did you mean"), unknown parameters and parameter values of the wrong type, each located.
 */
export function validateRuleSettings(parsed: ParsedConfig, packs: readonly RulePack[]): void {
  const problems = ruleSettingProblems(parsed.config.rules ?? {}, packs, parsed.file, parsed.locate, parsed.written);
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
  /** A value's text as written in the file (ParsedConfig.written), to quote a number JSON cannot show. */
  written?: (path: readonly PathSegment[]) => string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const rules = new Map(packs.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rules.get(id);
    if (!rule) {
      const guess = didYouMean(id, [...rules.keys()]);
      problems.push(localizedProblem({ file, ...locate(['rules', id], 'key') }, 'config/unknown-rule', CM.unknownRule(id, guess)));
      continue;
    }
    if (typeof setting !== 'object' || setting === null) continue;
    for (const [name, value] of Object.entries(setting.params ?? {})) {
      const def = Object.hasOwn(rule.params, name) ? rule.params[name] : undefined;
      if (!def) {
        const known = Object.keys(rule.params);
        const guess = didYouMean(name, known);
        problems.push(localizedProblem({ file, ...locate(['rules', id, 'params', name], 'key') }, 'config/unknown-param', CM.unknownParam(id, name, guess, known)));
        continue;
      }
      const wrong = paramProblem(def, value, written?.(['rules', id, 'params', name]));
      if (wrong) problems.push(localizedProblem({ file, ...locate(['rules', id, 'params', name]) }, 'config/bad-param', CM.badParam(id, name, wrong)));
    }
  }
  return problems;
}
