/**
 * Public types of @edunorm/core. Everything a CLI, a language server or another tool needs
 * to read a finding lives here, free of any protocol (no LSP, no SARIF).
 */

import type { Directive } from './suppressions.js';
import type { DocumentContribution } from './workspace/contribution.js';

/** How serious a finding is; only `error` fails a check (CLI exit code 1). */
export type Severity = 'error' | 'warning' | 'info';
/** A language the product speaks; zh-CN is the default everywhere. */
export type Locale = 'zh-CN' | 'en';
/** Every {@link Locale}, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Text in both languages the product speaks. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** A 1-based line/column position plus the 0-based UTF-16 offset into the text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A span of text from `start` (inclusive) to `end` (exclusive). */
export interface Range {
  start: Position;
  end: Position;
}

/** A replacement the user may accept (an editor shows it as a quick fix). */
export interface SuggestedEdit {
  title: LocalizedText;
  range: Range;
  newText: string;
}

/** Where the plan requires a norm: document, section and the quoted sentence. */
export interface Citation {
  /** Short id of the source document, e.g. `P14` or `DT`. */
  source: string;
  /** Full title of the source document. */
  document: string;
  /** Section inside the document, e.g. `三(三)1(2)`. */
  section: string;
  /** The plan's own sentence, quoted. */
  quote: string;
}

/** Another place a finding refers to (the first use of a duplicated staff id, say). */
export interface RelatedLocation {
  /** The file the location is in, when it is not the finding's own file (findings across documents). */
  file?: string;
  /** Index of the YAML document in that file, when `file` is set. */
  documentIndex?: number;
  path: string;
  range: Range;
  message: string;
}

/** One problem in a checked text: which rule, how serious, where, and what to do, in the requested language. */
export interface Finding {
  /** Stable id: a norm id (`teacher-training-funds`) or a structural id (`schema/type`). */
  ruleId: string;
  severity: Severity;
  /** Localized, plain-language message in the requested locale. */
  message: string;
  range: Range;
  /** Index of the YAML document (0-based) inside a multi-document file. */
  documentIndex: number;
  /** Dotted path of the node the finding points at, e.g. `staff[3].classTeacherAllowance`. */
  path: string;
  /** For norm findings: the plan's sentence that requires it. */
  citation?: Citation;
  /** Figures behind a norm finding (actual, required, shortfall, …) as plain numbers. */
  figures?: Record<string, number | string | boolean | null>;
  /** Name of the outcome of a rule that produced the finding (a rule may have several). */
  outcome?: string;
  related?: RelatedLocation[];
  /** A suggested replacement (quick fix), when one is certain enough to offer. */
  fix?: SuggestedEdit;
  /**
   * Where the finding is, independent of line numbers: document identity and a path with
   * records named by id (`Staffing:130902008/staff[id=T001].classTeacherAllowance`).
   * Baselines match on it, so inserting lines above a finding does not make it new.
   */
  anchor?: string;
}

/** One YAML document of a checked text: its kind, identity (school or district code) and range. */
export interface DocumentSummary {
  index: number;
  kind?: string;
  /** Human identity of the document: school code, district code. */
  identity?: string;
  /** The school's or district's name, as written (`school.name`, `district.name`). */
  name?: string;
  /** `school.level` of a SchoolBudget or Staffing document. */
  level?: string;
  /** `year` of a DistrictIndicators document. */
  year?: number;
  range: Range;
}

/** A norm's computed figure for one input, in scope of the norm, met or not (inlay hints, hover). */
export interface Measurement {
  ruleId: string;
  documentIndex: number;
  /** The input the figure belongs to, e.g. `budget.teacherTraining`. */
  path: string;
  range: Range;
  /** Short localized text, e.g. `3.75%(要求 ≥ 5%)`. */
  text: string;
  compliant: boolean;
  figures: Record<string, number | string | boolean | null>;
}

/** What {@link check} returns for one text. */
export interface CheckResult {
  /**
   * False when the text is not ours (neither a submission declaring `apiVersion: edunorm/…` nor
   * a rule file; a configuration file is not checked by `check` either): nothing was checked.
   */
  isEdunorm: boolean;
  /**
   * What the text is (see `classifyText`): a submission, or a rule file (checked as a rule
   * file: its problems are the findings); `config` and `other` come with `isEdunorm: false`.
   */
  fileKind: 'submission' | 'rule-file' | 'config' | 'other';
  findings: Finding[];
  documents: DocumentSummary[];
  /** Findings hidden by a `# edunorm-disable…` comment with a reason (SARIF keeps them as suppressed). */
  suppressed: (Finding & { suppression: { kind: 'inSource'; justification: string; directiveLine: number } })[];
  /** Present when asked for with `measurements: true`. */
  measurements?: Measurement[];
  /** Present when asked for with `workspace: true`: input to the norms across documents. */
  workspace?: { contributions: DocumentContribution[]; directives: Directive[] };
}
