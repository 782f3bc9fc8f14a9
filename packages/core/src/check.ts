import { assertCheckArguments } from './check-arguments.js';
import { FindingFactory } from './finding-factory.js';
import { SourceFile, sourceFile } from './parse/source-file.js';
import type { ParsedFile } from './parse/parse-yaml.js';
import type { Reuse } from './facts/incremental.js';
import { RuleSet, type RuleSettings } from './rules/rule-set.js';
import type { RulePack } from './rules/rule-types.js';
import { validateStructure } from './schema/validate-document.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FINDINGS, utf8Length } from './file-limits.js';
import { classifyParsed, declaresEdunormLine, isConfigFileName, mightBeOurs } from './classify.js';
import { checkRuleFile } from './rules/check-rule-file.js';
import type { CheckResult, DocumentSummary, Finding, Locale, LocalizedText, Measurement, Range } from './types.js';
import { builtinPack } from './builtin-pack.js';
import { getAt } from './path.js';
import { ruleFailedMessage } from './checks/engine.js';
import { fileTooLargeFinding, tooManyFindingsFinding } from './checks/file.js';
import { STRUCTURAL_RULES, structural } from './checks/registry.js';
import { yamlMistakeMessage, yamlProblemMessage } from './checks/yaml.js';
import { WORKSPACE_CHECKS } from './checks/workspace.js';
import { applyDirectives, parseDirectives } from './suppressions.js';
import { extractContribution, linksToDistrict, type DocumentContribution } from './workspace/contribution.js';

/** Ids of the rules across documents, and the structural ones they give. */
export function workspaceRuleIds(ruleSet: RuleSet): ReadonlySet<string> {
  return idsOf(ruleSet).workspace;
}

/**
 * The ids a rule set knows (its rules and the structural checks) and those it defers to the
 * checks across documents, made once per rule set rather than once per checked document.
 */
const IDS = new WeakMap<RuleSet, { known: ReadonlySet<string>; workspace: ReadonlySet<string> }>();
function idsOf(ruleSet: RuleSet): { known: ReadonlySet<string>; workspace: ReadonlySet<string> } {
  let ids = IDS.get(ruleSet);
  if (!ids) {
    ids = {
      known: new Set([...ruleSet.rules.map((r) => r.definition.id), ...STRUCTURAL_RULES.map((r) => r.id)]),
      workspace: new Set([...ruleSet.workspace.rules.map((r) => r.definition.id), ...Object.keys(WORKSPACE_CHECKS)]),
    };
    IDS.set(ruleSet, ids);
  }
  return ids;
}

/** Options of {@link check}; all optional. */
export interface CheckOptions {
  /** Language of messages; default zh-CN. */
  locale?: Locale;
  /**
   * The file's path or name, when there is one: `edunorm.config.yaml` is recognised by it, and
   * a rule file's `id` must match its file name. Not read from disk.
   */
  path?: string;
  /** Rules to check with; default: the built-in pack with default settings. */
  ruleSet?: RuleSet;
  /** Also compute each norm's figures for its inputs (editor inlay hints and hover). */
  measurements?: boolean;
  /**
   * Keep the text's source model for further questions about the same text (an editor's
   * hover, outline and symbols ask again); default true. A batch run asks once per file and
   * passes false: a kept model outlives its check by several files, so every file's parse was
   * promoted to the old generation and died there (the 2,000-school city's heap grew by about
   * 70 MB between full collections, for 16 MB of live data).
   */
  keepSource?: boolean;
  /** Report `# edunorm-disable…` directives that suppress nothing (`directive/unused`). */
  reportUnusedDirectives?: boolean;
  /**
   * Texts larger than this (UTF-8 bytes) are not parsed: one `file/too-large` finding instead.
   * Default {@link DEFAULT_MAX_FILE_BYTES}.
   */
  maxFileBytes?: number;
  /**
   * Texts that need the full YAML parser (not plain edunorm YAML) are refused above this many
   * characters (`file/too-large`); default 2 Mi. Plain files are bounded by maxFileBytes only.
   */
  maxFullParseLength?: number;
  /** At most this many findings per text; the rest are counted in one `file/too-many-findings`. */
  maxFindings?: number;
  /**
   * Also return what each document contributes to the norms across documents, and the
   * file's directives, so findings across files can be computed later without the text
   * (shared/spec/workspace.md).
   */
  workspace?: boolean;
}

/** Moves every offset of a result by `delta` (a byte-order mark before the checked text); lines and columns stay as shown. */
function shiftOffsets(result: CheckResult, delta: number): CheckResult {
  const shift = (r: Range): Range => ({ start: { ...r.start, offset: r.start.offset + delta }, end: { ...r.end, offset: r.end.offset + delta } });
  const finding = (f: Finding) => {
    f.range = shift(f.range);
    if (f.fix) f.fix = { ...f.fix, range: shift(f.fix.range) };
    if (f.related) f.related = f.related.map((x) => ({ ...x, range: shift(x.range) }));
  };
  result.findings.forEach(finding);
  result.suppressed.forEach(finding);
  result.documents.forEach((d) => (d.range = shift(d.range)));
  result.measurements?.forEach((m) => (m.range = shift(m.range)));
  return result;
}


let defaultRuleSet: RuleSet | undefined;

/** The built-in pack with default settings, compiled once per process. */
export function getDefaultRuleSet(): RuleSet {
  defaultRuleSet ??= new RuleSet([builtinPack()]);
  return defaultRuleSet;
}

/**
 * A rule set from packs and a configuration's `rules:` settings (default: the built-in pack).
 * Throws a located `ConfigurationError` for settings that name no rule or parameter.
 */
export function createRuleSet(packs: readonly RulePack[] = [builtinPack()], settings: RuleSettings = {}): RuleSet {
  return new RuleSet(packs, settings);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * Checks one YAML text: parse with positions → validate structure → evaluate the norms.
 * Never throws on user input: everything wrong with the text becomes a finding.
 */
export async function check(text: string, options: CheckOptions = {}): Promise<CheckResult> {
  assertCheckArguments(text, options);
  // A byte-order mark is not content (editors hide it): check what follows it, so columns on
  // line 1 are the ones the user sees, and move offsets back onto the text as given. Only one:
  // a second U+FEFF is a character of the text.
  if (text.charCodeAt(0) === 0xfeff) return shiftOffsets(await checkText(text.slice(1), options, true), 1);
  return checkText(text, options, false);
}

function notOurs(fileKind: CheckResult['fileKind']): CheckResult {
  return { isEdunorm: false, fileKind, findings: [], documents: [], suppressed: [] };
}

async function checkText(text: string, options: CheckOptions, bomCut: boolean): Promise<CheckResult> {
  const locale = options.locale ?? 'zh-CN';
  if (isConfigFileName(options.path)) return notOurs('config');
  if (!mightBeOurs(text)) return notOurs('other');
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (text.length * 3 > maxBytes) {
    const bytes = utf8Length(text);
    // Too large to parse: whether it is ours is judged by its lines alone.
    if (bytes > maxBytes) return declaresEdunormLine(text) ? { isEdunorm: true, fileKind: 'submission', findings: [fileTooLargeFinding(bytes, maxBytes, locale)], documents: [], suppressed: [] } : notOurs('other');
  }
  // After a cut byte-order mark, a second U+FEFF is a character of line 1 (not cached: rare).
  const source = bomCut && text.charCodeAt(0) === 0xfeff ? new SourceFile(text, false) : options.keepSource === false ? new SourceFile(text) : sourceFile(text);
  const file = source.parsed(options.maxFullParseLength !== undefined ? { maxFullParseLength: options.maxFullParseLength } : {});
  return checkParsed(text, file, options, null);
}

/**
 * The checks of a text already read (`file`), after the size and kind tests of {@link check}.
 * `reuse` (an incremental check, incremental-check.ts) lets the facts and findings of records
 * the document shares with the one it was edited from be reused.
 */
export async function checkParsed(text: string, file: ParsedFile, options: CheckOptions, reuse: Reuse | null): Promise<CheckResult> {
  const locale = options.locale ?? 'zh-CN';
  const fileKind = classifyParsed(file, options.path);
  if (fileKind === 'rule-file') {
    return { isEdunorm: true, fileKind, findings: checkRuleFile(text, options.path ?? '(rule file)', locale, file.positions), documents: [], suppressed: [] };
  }
  if (fileKind !== 'submission') return notOurs(fileKind);
  const maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  let omitted = 0;
  const ruleSet = options.ruleSet ?? getDefaultRuleSet();
  const findings: Finding[] = [];
  /** The findings the rule set made (norms and sense checks), as told from structure findings. */
  const fromRules = new Set<Finding>();
  const measurements: Measurement[] = [];
  const documents: DocumentSummary[] = [];
  const anchors = new Map<number, (path: string) => string>();
  /** Whether a document links to a district: only then can the file receive a finding across documents. */
  let linked = false;
  const contributions: DocumentContribution[] = [];
  for (const doc of file.documents) {
    const factory = new FindingFactory(file, doc, locale);
    // Read and checked despite its problems: a document whose only problems are duplicate keys.
    const valueRead = doc.value !== undefined && doc.problems.every((p) => p.code === 'yaml/duplicate-key');
    for (const problem of doc.problems) {
      if (findings.length >= maxFindings) {
        omitted++;
        continue;
      }
      if (problem.hint) findings.push(factory.make({ ...structural(problem.code), path: [], span: problem.span, ...yamlMistakeMessage(problem.hint, file, valueRead) }));
      else findings.push(factory.make({ ...structural(problem.code), message: yamlProblemMessage(problem.code, problem.detail, problem.parserCode), path: [], span: problem.span }));
    }
    if (doc.empty && doc.problems.length === 0) continue;
    const summary: DocumentSummary = { index: doc.index, range: file.positions.range(doc.span[0], doc.span[1]) };
    documents.push(summary);
    if (doc.value === undefined || doc.problems.some((p) => p.code !== 'yaml/duplicate-key')) continue;
    const structure = validateStructure(factory, doc.value, Math.max(0, maxFindings - findings.length), reuse);
    omitted += structure.omitted ?? 0;
    for (const f of structure.findings) findings.push(f); // no spread: a file may hold 100,000s of findings
    if (!structure.kind) continue;
    summary.kind = structure.kind;
    // Who the document is about, for consumers that group files (`edunorm report`): read here
    // from the value already parsed, so no consumer reads or parses the file a second time.
    const owner = structure.kind === 'DistrictIndicators' ? 'district' : 'school';
    const identity = getAt(doc.value, [owner, 'code']);
    if (typeof identity === 'string' || typeof identity === 'number') summary.identity = String(identity);
    const name = getAt(doc.value, [owner, 'name']);
    if (typeof name === 'string' || typeof name === 'number') summary.name = String(name);
    const level = owner === 'school' ? getAt(doc.value, ['school', 'level']) : undefined;
    if (typeof level === 'string') summary.level = level;
    const year = owner === 'district' ? getAt(doc.value, ['year']) : undefined;
    if (typeof year === 'number') summary.year = year;
    anchors.set(doc.index, anchorFor(structure.kind, summary.identity, doc.index, doc.value));
    if (linksToDistrict(structure.kind, doc.value)) linked = true;
    try {
      const evaluated = await ruleSet.evaluate(structure.kind, doc.value, factory, options.measurements === true, reuse);
      for (const f of evaluated.findings) {
        if (findings.length < maxFindings) {
          findings.push(f);
          fromRules.add(f);
        } else omitted++;
      }
      for (const m of evaluated.measurements) measurements.push(m);
      if (options.workspace) {
        // The reused rules' figures only for a document that contributes (a school document
        // without `school.district` links to no district): they cost an engine run per document.
        const contribution = extractContribution(file, doc, structure.kind, doc.value, {});
        if (contribution) {
          contribution.figures = await ruleSet.workspace.contribute(structure.kind, doc.value, reuse);
          contributions.push(contribution);
        }
      }
    } catch (error) {
      // A rule that throws is a bug in a rule pack, not in the user's file: report it on the
      // document and keep checking the others.
      findings.push(
        factory.make({ ...structural('engine/error'), path: [], message: ruleFailedMessage(error) }),
      );
    }
  }
  if (omitted > 0) findings.push(tooManyFindingsFinding(omitted, maxFindings, locale));
  // A finding kept from the last check of an edit (makeInRecord) has its anchor already: the same
  // head (so document identity) and the same record (so id) as when it was named.
  for (const f of findings) f.anchor ??= (anchors.get(f.documentIndex) ?? ((p: string) => `#${f.documentIndex}/${p}`))(f.path);
  findings.sort(byPosition);
  const directives = parseDirectives(file);
  const ids = idsOf(ruleSet);
  const { findings: kept, suppressed } = applyDirectives(directives, findings, {
    locale,
    reportUnused: options.reportUnusedDirectives === true,
    knownRuleIds: ids.known,
    // A directive naming a norm across documents is judged after the join, which knows their
    // findings — in a file that can receive one. A file none of whose documents links to a
    // district never can, and no join sees it: such a directive suppresses nothing, said now.
    ...(linked ? { deferredRuleIds: ids.workspace } : {}),
  });
  const result: CheckResult = { isEdunorm: true, fileKind, findings: withoutCascades(kept, fromRules), documents, suppressed };
  if (options.measurements) result.measurements = measurements;
  if (options.workspace) result.workspace = { contributions, directives };
  return result;
}

/** Structure errors that say a value is unusable: not of its type, or outside its range. */
const REJECTING = new Set(['schema/type', 'schema/range']);

/**
 * Without the rule findings computed from a value the structure check rejects (a negative
 * budget: "应不少于 -5 元", "占公用经费 0%"): the value's meaning is unknown, so figures made from
 * it say nothing — as a non-number already gives none. Only a rejection still shown, as an
 * error, after directives counts: the file fails either way, and a directive that hides the
 * structure error leaves the norm's finding in place (one directive never hides both).
 */
function withoutCascades(findings: Finding[], fromRules: ReadonlySet<Finding>): Finding[] {
  let rejected: Set<string> | undefined;
  for (const f of findings) if (f.severity === 'error' && REJECTING.has(f.ruleId)) (rejected ??= new Set()).add(`${f.documentIndex}:${f.path}`);
  if (!rejected) return findings;
  const uses = (f: Finding) => rejected!.has(`${f.documentIndex}:${f.path}`) || (f.related?.some((r) => r.file === undefined && rejected!.has(`${f.documentIndex}:${r.path}`)) ?? false);
  return findings.filter((f) => !fromRules.has(f) || !uses(f));
}

/**
 * Builds a line-independent name for a place in a document: the document by kind and code,
 * list items by their id (staff) or code (schools) instead of their index.
 */
function anchorFor(kind: string, identity: string | undefined, index: number, value: unknown): (path: string) => string {
  const doc = identity ? `${kind}:${identity}` : `${kind}#${index}`;
  return (path) =>
    `${doc}/${path.replace(/^(staff|schools)\[(\d+)\]/, (whole, list: string, i: string) => {
      const item = getAt(value, [list, Number(i)]);
      const key = list === 'staff' ? 'id' : 'code';
      const id = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      return typeof id === 'string' || typeof id === 'number' ? `${list}[${key}=${String(id)}]` : whole;
    })}`;
}
