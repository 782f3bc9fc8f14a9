/**
 * @edunorm/core — parse edunorm/v1 YAML with positions, validate its structure, evaluate the
 * plan's norms, and return localized, positioned findings. Protocol-free and free of Node
 * built-ins, so it runs in Node, a browser or a bundled extension alike: the CLI, the language
 * server and the web checker are thin layers over `check`.
 *
 * This entry is the public API (packages/core/README.md, "API"): what an integrator needs —
 * checking, rule sets and packs, configuration, findings, the document vocabulary. Reading
 * files and folders is in `@edunorm/core/node`. Everything else the edunorm tools share is in
 * `@edunorm/core/internal`, which makes no promise of stability.
 */

// Checking
export { check, createRuleSet, getDefaultRuleSet, type CheckOptions } from './check.js';
/** Checks texts together: each on its own, then the norms across documents (shared/spec/workspace.md). */
export { checkWorkspace } from './workspace/check-workspace.js';
export type { WorkspaceResult, WorkspaceFileResult, DistrictSummary } from './workspace/evaluate.js';
export type { WorkspaceFinding } from './rules/workspace-rules.js';
export { classifyText, type TextClass } from './classify.js';
export { DEFAULT_MAX_FILE_BYTES } from './file-limits.js';
export type * from './types.js';
export { LOCALES } from './types.js';
export type { SuppressedFinding } from './suppressions.js';

// Rule sets and packs
export { builtinPack, BUILTIN_PACK_NAME } from './builtin-pack.js';
export { loadRulePack } from './rules/load-pack.js';
export { RuleSet, type ActiveRule, type RuleSetting, type RuleSettings } from './rules/rule-set.js';
export { testRulePack, type RuleTestFailure, type RuleTestReport } from './rules/test-rules.js';
export type * from './rules/rule-types.js';
export { STRUCTURAL_RULES } from './checks/registry.js';
export type { CheckDocs, StructuralRule } from './checks/define.js';

// Configuration
export { parseConfig, validateRuleSettings, CONFIG_FILE_NAMES, BUILTIN_PACK_REFERENCE, type EdunormConfig, type ParsedConfig } from './config.js';
export { ConfigurationError, EdunormError, RulePackError, formatProblem, type Problem, type ProblemLocation } from './errors.js';

// The document vocabulary
export { DOCUMENT_KINDS, documentSchemas, schemaAt, type DocumentKind, type FieldDoc, type JsonSchema, type Unit } from './schema/document-schemas.js';
export { VOCABULARY, type Vocabulary, type VocabularyName, type VocabularyTerm } from './vocabulary.js';
export type { PathSegment } from './path.js';
