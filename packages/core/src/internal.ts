/**
 * @edunorm/core/internal — what the edunorm CLI, language server and web checker share beyond
 * the public API: the YAML reader with positions, paths, message formatting, suppression
 * directives, the fact calculators. Runs anywhere (no Node built-ins), like the root entry.
 * Not a stable API: names here change with the tools that use them.
 */
export { DEFAULT_MAX_FINDINGS, isEdunormText, utf8Length } from './file-limits.js';
export { structural, structuralRule, ruleDocUrl, rulePageName, hasRulePage, RULE_DOCS_BASE, type StructuralId } from './checks/registry.js';
export { fileEncodingFinding, fileTooLargeFinding, fileUnreadableFinding } from './checks/file.js';
export { notCheckedMessage } from './checks/engine.js';
export { decodeBytes, visibleControls, withReadFinding, type DecodedText, type TextEncoding } from './file-limits.js';
export { checkRuleFile, problemToFinding } from './rules/check-rule-file.js';
export { problemPlace } from './errors.js';
export { configSchema } from './config.js';
export { substituteParams } from './rules/load-pack.js';
export { CALCULATORS, type Calculator } from './facts/calculators.js';
export { parseYaml, type ParsedDocument, type ParsedFile, type NodeLocation, type Span } from './parse/parse-yaml.js';
export { TextPositions } from './parse/text-positions.js';
export { SourceFile, sourceFile } from './parse/source-file.js';
export { buildOutline, containerAt, documentAt, pathAt, updateOutline, type ContainerHit, type OutlineDocument, type OutlineFile, type OutlineNode, type PathHit } from './parse/outline.js';
export { formatPath, parsePath, getAt } from './path.js';
export { fillTemplate, formatPercent, formatYuan, pick } from './messages/format.js';
export { didYouMean } from './messages/did-you-mean.js';
export { findTerm, labelOf, termWords, vocabularyOf } from './vocabulary.js';
export { parseHumanBoolean, yearOfDate } from './schema/suggest-value.js';
export { applySuppressions, applyDirectives, parseDirectives, type Directive, type DirectiveKind, type SuppressionOutcome } from './suppressions.js';
export { BUDGET_EXAMPLE, DISTRICT_EXAMPLE, DOCUMENT_TEMPLATES, STAFFING_EXAMPLE } from './templates.js';
export { runCaseIn, ruleSetForCase } from './rules/test-rules.js';
export { workspaceRuleIds } from './check.js';
export { YEAR_FIELD } from './rules/rule-set.js';
export type { PooledOutcomes } from './rules/workspace-rules.js';
export { WORKSPACE_CALCULATORS, type DistrictView, type WorkspaceCalculator, type WorkspaceLocation } from './workspace/calculators.js';
export { districtCodesOf, type ContributedFigure, type DocumentContribution, type FileContribution, type SchoolListEntry } from './workspace/contribution.js';
export {
  WorkspaceIndex,
  attachToFiles,
  districtKeyOf,
  evaluateDistrict,
  evaluateWorkspace,
  retractions,
  withoutRetracted,
  duplicateFinding,
  refigureSchools,
  type FiguresByDocument,
  type LinkedWorkspace,
  type WorkspaceFileInput,
} from './workspace/evaluate.js';
export { figuresOfText, mergeWorkspaceResult } from './workspace/check-workspace.js';
export { IncrementalChecker, type CheckPath, type KnownEdit } from './incremental-check.js';
export { changedRange, type ChangedRange } from './parse/incremental-parse.js';
