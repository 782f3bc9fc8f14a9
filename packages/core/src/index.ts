/**
 * @edunorm/core — parse edunorm/v1 YAML with positions, validate its structure, evaluate the
 * plan's norms, and return localized, positioned findings. Protocol-free: the CLI, the
 * language server and other tools are thin layers over `check`.
 */
export { check, createRuleSet, getDefaultRuleSet, type CheckOptions } from './check.js';
export { isEdunormText, fileTooLargeFinding, utf8Length, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FINDINGS } from './file-limits.js';
export { builtinPack, BUILTIN_PACK_NAME } from './builtin-pack.js';
export { parseConfig, validateRuleSettings, configSchema, CONFIG_FILE_NAMES, BUILTIN_PACK_REFERENCE, type EdunormConfig, type ParsedConfig } from './config.js';
export { loadRulePack, substituteParams } from './rules/load-pack.js';
export { RuleSet, type ActiveRule, type RuleSetting, type RuleSettings } from './rules/rule-set.js';
export { testRulePack, type RuleTestFailure, type RuleTestReport } from './rules/test-rules.js';
export type * from './rules/rule-types.js';
export { CALCULATORS, type Calculator } from './facts/calculators.js';
export { ConfigurationError, EdunormError, RulePackError, formatProblem, type Problem, type ProblemLocation } from './errors.js';
export {
  DOCUMENT_KINDS,
  SCHOOL_LEVELS,
  SCHOOL_LEVEL_NAMES,
  STAFF_ROLES,
  STAFF_TITLES,
  DESIGNATIONS,
  DISTRICT_TYPES,
  documentSchemas,
  schemaAt,
  type DocumentKind,
  type FieldDoc,
  type JsonSchema,
  type Unit,
} from './schema/document-schemas.js';
export { parseYaml, type ParsedDocument, type ParsedFile, type NodeLocation, type Span } from './parse/parse-yaml.js';
export { TextPositions } from './parse/text-positions.js';
export { formatPath, parsePath, getAt, type PathSegment } from './path.js';
export { fillTemplate, formatPercent, formatYuan, pick } from './messages/format.js';
export { didYouMean } from './messages/did-you-mean.js';
export { applySuppressions, parseDirectives, type Directive, type DirectiveKind, type SuppressedFinding, type SuppressionOutcome } from './suppressions.js';
export { STRUCTURAL_RULES, type StructuralRule } from './structural-rules.js';
export * from './types.js';
