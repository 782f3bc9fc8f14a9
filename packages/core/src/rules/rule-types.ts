import type { Citation, LocalizedText, Severity } from '../types.js';
import type { DocumentKind } from '../schema/document-schemas.js';
import type { RecordFilter } from '../facts/record-filter.js';
import type { VocabularyName } from '../vocabulary.js';

/** How a rule parameter's value is written and checked (`yuan`: an amount in yuan, `fraction`: 0–1). */
export type ParamType = 'number' | 'fraction' | 'integer' | 'yuan' | 'string-list' | 'number-map' | 'choice';

/** A parameter a configuration may change (`rules: { <id>: { params: … } }`), with its default. */
export interface ParamDefinition {
  type: ParamType;
  default: unknown;
  minimum?: number;
  maximum?: number;
  /** The allowed values: of a `choice`; the items of a `string-list`; the keys of a `number-map`. */
  values?: string[];
  /** The same, as the codes of one vocabulary of the contract (`level`: the school levels). */
  vocabulary?: VocabularyName;
  /** For `number-map`: what each value is (`fraction`: 0 to 1); `number` unless told. */
  entries?: 'number' | 'fraction' | 'integer' | 'yuan';
  description: LocalizedText;
}

/** json-rules-engine condition, as written in a rule file (before parameter substitution). */
export type ConditionSpec =
  | { all: ConditionSpec[] }
  | { any: ConditionSpec[] }
  | { not: ConditionSpec }
  | { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> };

/** A figure a rule computes from the document (a path, a sum, a share…), by a named calculator. */
export interface FactSpec {
  calculator: string;
  params: Record<string, unknown>;
}

/** Where an outcome's finding points and which figures it carries. */
export interface ReportSpec {
  /** The rule fact whose value gives the finding's figures. */
  from?: string;
  /** A key of that fact's value holding a list: one finding per item (record rules). */
  items?: string;
  /** Only the items matching this filter (e.g. `{prorated: true}`): outcomes that word one list differently. */
  itemsWhere?: RecordFilter;
  /** Path of the node the finding points at; `{index}` is the item's record index. */
  at: string;
  part?: 'key' | 'value';
  /** Paths tried, in order, when `at` does not exist in the document. */
  else?: string[];
  /**
   * Related locations. Document rules: `at` is a path of the document. Workspace rules: `at`
   * names a location the fact provides (its own, the item's, or with `each` every entry of
   * that list of the item), in whichever file it is.
   */
  related?: { at: string; message: LocalizedText; each?: string }[];
  /** Offer to set the node to this figure (e.g. `target`), as a quick fix. */
  fix?: { figure: string; round?: 'up' | 'down' | 'none' };
}

/** One way a rule can fail: its condition, severity and bilingual message template. */
export interface OutcomeSpec {
  name: string;
  severity?: Severity;
  when: ConditionSpec;
  message: LocalizedText;
  report: ReportSpec;
}

/** A finding a rule's test case expects (line required; the other fields are checked when given). */
export interface RuleTestFinding {
  /** Workspace rules: the file of the case the finding is in. */
  file?: string;
  line: number;
  column?: number;
  severity?: Severity;
  outcome?: string;
  path?: string;
  message?: string;
  messageEn?: string;
}

/** A document a rule's `tests:` say is valid (no finding) or invalid (these findings). */
export interface RuleTestCase {
  /** The case's name: what identifies it (in `RuleTestFailure.caseName`), and what readers of English see. */
  name: string;
  /** The name in Chinese, for zh-CN readers of `edunorm test-rules` and of the rule's page (else `name`). */
  nameZh?: string;
  /** One document (document rules). */
  document?: string;
  /** Several files checked together (workspace rules): file name → text. */
  files?: Record<string, string>;
  params?: Record<string, unknown>;
  findings?: RuleTestFinding[];
}

/**
 * What each linked school document contributes to a workspace rule: the figures of a fact of
 * another rule, counted exactly as that rule counts (its facts, its parameters, its scope),
 * without its threshold. The fact is that of the first outcome of `rule` in scope for the
 * document whose `report.from` fact uses `calculator`.
 */
export interface ContributionSpec {
  kind: DocumentKind;
  reuse: { rule: string; calculator: string };
}

/** A norm as loaded from its rule file `rules/<pack>/<id>.yaml`: what it checks, where the plan says so, how it reports. */
export interface RuleDefinition {
  id: string;
  /**
   * `document` (default): the rule reads one document. `workspace`: the rule reads the
   * documents checked together, linked by district and year (shared/spec/workspace.md); its
   * facts use workspace calculators and its `kind` is the district document's.
   */
  scope?: 'document' | 'workspace';
  kind: DocumentKind;
  severity: Severity;
  title: LocalizedText;
  description: LocalizedText;
  citation: Citation;
  params: Record<string, ParamDefinition>;
  effective?: { from?: number; to?: number };
  facts: Record<string, FactSpec>;
  /** Workspace rules: per linked school document, figures reused from another rule. */
  contributions?: Record<string, ContributionSpec>;
  applies?: ConditionSpec;
  /** A computed figure shown beside an input in the editor, whether or not the norm is met. */
  hint?: { from: string; at: string; part?: 'key' | 'value'; text: LocalizedText };
  outcomes: OutcomeSpec[];
  tests: { valid: RuleTestCase[]; invalid: RuleTestCase[] };
  /** Where the rule came from, for error messages and docs. */
  source: { pack: string; file: string };
}

/** A named set of rules (the built-in `plan14`, a county's folder, an npm package). */
export interface RulePack {
  name: string;
  rules: RuleDefinition[];
}

/** A rule file as text: the unit a pack is loaded from (no file system needed). */
export interface RuleFileText {
  /** Path shown in errors (relative or absolute, as the caller chooses). */
  file: string;
  text: string;
}
