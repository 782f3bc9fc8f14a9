import { FindingFactory } from './finding-factory.js';
import { parseYaml, type YamlProblemCode } from './parse/parse-yaml.js';
import { RuleSet, type RuleSettings } from './rules/rule-set.js';
import type { RulePack } from './rules/rule-types.js';
import { validateStructure } from './schema/validate-document.js';
import type { CheckResult, DocumentSummary, Finding, Locale, LocalizedText, Measurement } from './types.js';
import { builtinPack } from './builtin-pack.js';
import { getAt } from './path.js';
import { STRUCTURAL_RULES } from './structural-rules.js';
import { applySuppressions } from './suppressions.js';

export interface CheckOptions {
  /** Language of messages; default zh-CN. */
  locale?: Locale;
  /** Rules to check with; default: the built-in pack with default settings. */
  ruleSet?: RuleSet;
  /** Also compute each norm's figures for its inputs (editor inlay hints and hover). */
  measurements?: boolean;
  /** Report `# edunorm-disable…` directives that suppress nothing (`directive/unused`). */
  reportUnusedDirectives?: boolean;
}

/** True when a text declares itself an edunorm file (`apiVersion: edunorm/...` on some line). */
export function isEdunormText(text: string): boolean {
  return /^[ \t]*["']?apiVersion["']?[ \t]*:[ \t]*["']?edunorm\//m.test(text);
}

const YAML_MESSAGES: Record<YamlProblemCode, (detail: string) => LocalizedText> = {
  'yaml/syntax': (d) => ({ 'zh-CN': `YAML 格式错误:${d}。请检查缩进、冒号和引号。`, en: `YAML syntax error: ${d}. Check indentation, colons and quotes.` }),
  'yaml/duplicate-key': () => ({ 'zh-CN': '同一层级出现了重复的字段名,只能保留一个。', en: 'The same key appears twice at this level; keep only one.' }),
  'yaml/alias-limit': () => ({
    'zh-CN': 'YAML 别名(*引用)展开过多,已停止读取此文档(可能是恶意的“别名炸弹”)。请直接写出数值。',
    en: 'Too many YAML alias expansions; this document was not read (possibly an alias bomb). Write the values out.',
  }),
  'yaml/unsupported': (d) => ({ 'zh-CN': `无法读取此文档:${d}`, en: `This document cannot be read: ${d}` }),
};

let defaultRuleSet: RuleSet | undefined;

/** The built-in pack with default settings, compiled once per process. */
export function getDefaultRuleSet(): RuleSet {
  defaultRuleSet ??= new RuleSet([builtinPack()]);
  return defaultRuleSet;
}

export function createRuleSet(packs: readonly RulePack[] = [builtinPack()], settings: RuleSettings = {}): RuleSet {
  return new RuleSet(packs, settings);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * Checks one YAML text: parse with positions → validate structure → evaluate the norms.
 * Never throws on user input: everything wrong with the text becomes a finding.
 */
export async function check(text: string, options: CheckOptions = {}): Promise<CheckResult> {
  const locale = options.locale ?? 'zh-CN';
  if (!isEdunormText(text)) return { isEdunorm: false, findings: [], documents: [], suppressed: [] };
  const ruleSet = options.ruleSet ?? getDefaultRuleSet();
  const file = parseYaml(text);
  const findings: Finding[] = [];
  const measurements: Measurement[] = [];
  const documents: DocumentSummary[] = [];
  const anchors = new Map<number, (path: string) => string>();
  for (const doc of file.documents) {
    const factory = new FindingFactory(file, doc, locale);
    for (const problem of doc.problems) {
      findings.push(factory.make({ ruleId: problem.code, severity: 'error', message: YAML_MESSAGES[problem.code](problem.detail), path: [], span: problem.span }));
    }
    if (doc.empty && doc.problems.length === 0) continue;
    const summary: DocumentSummary = { index: doc.index, range: file.positions.range(doc.span[0], doc.span[1]) };
    documents.push(summary);
    if (doc.value === undefined || doc.problems.some((p) => p.code !== 'yaml/duplicate-key')) continue;
    const structure = validateStructure(factory, doc.value);
    findings.push(...structure.findings);
    if (!structure.kind) continue;
    summary.kind = structure.kind;
    const identity = getAt(doc.value, structure.kind === 'DistrictIndicators' ? ['district', 'code'] : ['school', 'code']);
    if (typeof identity === 'string' || typeof identity === 'number') summary.identity = String(identity);
    anchors.set(doc.index, anchorFor(structure.kind, summary.identity, doc.index, doc.value));
    try {
      const evaluated = await ruleSet.evaluate(structure.kind, doc.value, factory, options.measurements === true);
      findings.push(...evaluated.findings);
      measurements.push(...evaluated.measurements);
    } catch (error) {
      // A rule that throws is a bug in a rule pack, not in the user's file: report it on the
      // document and keep checking the others.
      findings.push(
        factory.make({
          ruleId: 'engine/error',
          severity: 'error',
          path: [],
          message: {
            'zh-CN': `规则执行出错,此文档未完成检查:${error instanceof Error ? error.message : String(error)}`,
            en: `A rule failed while checking this document: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
      );
    }
  }
  for (const f of findings) f.anchor = (anchors.get(f.documentIndex) ?? ((p: string) => `#${f.documentIndex}/${p}`))(f.path);
  findings.sort(byPosition);
  const ruleIds = new Set([...ruleSet.rules.map((r) => r.definition.id), ...STRUCTURAL_RULES.map((r) => r.id)]);
  const { findings: kept, suppressed } = applySuppressions(text, findings, {
    locale,
    reportUnused: options.reportUnusedDirectives === true,
    knownRuleIds: ruleIds,
    positions: file.positions,
  });
  const result: CheckResult = { isEdunorm: true, findings: kept, documents, suppressed };
  if (options.measurements) result.measurements = measurements;
  return result;
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
