import type { Citation, LocalizedText, Severity } from '../types.js';
import type { DocumentKind } from '../schema/document-schemas.js';
import type { RecordFilter } from '../facts/record-filter.js';

/** How a rule parameter's value is written and checked (`yuan`: an amount in yuan, `fraction`: 0–1). */
export type ParamType = 'number' | 'fraction' | 'integer' | 'yuan' | 'string-list' | 'number-map';

/** A parameter a configuration may change (`rules: { <id>: { params: … } }`), with its default. */
export interface ParamDefinition {
  type: ParamType;
  default: unknown;
  minimum?: number;
  maximum?: number;
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
  related?: { at: string; message: LocalizedText }[];
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
  name: string;
  document: string;
  params?: Record<string, unknown>;
  findings?: RuleTestFinding[];
}

/** A norm as loaded from its rule file `rules/<pack>/<id>.yaml`: what it checks, where the plan says so, how it reports. */
export interface RuleDefinition {
  id: string;
  kind: DocumentKind;
  severity: Severity;
  title: LocalizedText;
  description: LocalizedText;
  citation: Citation;
  params: Record<string, ParamDefinition>;
  effective?: { from?: number; to?: number };
  facts: Record<string, FactSpec>;
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
