import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from '../messages/did-you-mean.js';
import { paramMessages, ruleFileMessages as RM } from '../checks/config.js';
import { yamlMistakeMessage, yamlProblemMessage } from '../checks/yaml.js';
import { showValue } from '../messages/show-value.js';
import type { LocalizedText } from '../types.js';
import { localizedProblem, RulePackError, type Problem } from '../errors.js';
import { CALCULATORS, calculatorNamed } from '../facts/calculators.js';
import { WORKSPACE_CALCULATORS } from '../workspace/calculators.js';
import { parseYaml, type ParsedFile } from '../parse/parse-yaml.js';
import { parsePath, type PathSegment } from '../path.js';
import { calculatorParamsValidator, ruleFileValidator } from '../schema/validators.js';
import { describeSchemaError, pointerToPath, schemaErrorParts } from '../schema/schema-errors.js';
import { schemaAt, type DocumentKind } from '../schema/document-schemas.js';
import { VOCABULARY } from '../vocabulary.js';
import type { ConditionSpec, ParamDefinition, RuleDefinition, RuleFileText, RulePack } from './rule-types.js';

/** Operators json-rules-engine ships with, plus the ones edunorm registers. */
export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export const EDUNORM_OPERATORS = ['hasItems'] as const;
const OPERATORS = new Set<string>([...BUILTIN_OPERATORS, ...EDUNORM_OPERATORS]);

/** The generated validators (schema/validators.ts): rule files and every calculator's params. */
function validators(): { rule: ValidateFunction; calculators: Map<string, ValidateFunction>; workspaceCalculators: Map<string, ValidateFunction> } {
  const byName = (names: string[], workspace: boolean) => new Map(names.map((name) => [name, calculatorParamsValidator(name, workspace)!]));
  cached ??= { rule: ruleFileValidator(), calculators: byName(Object.keys(CALCULATORS), false), workspaceCalculators: byName(Object.keys(WORKSPACE_CALCULATORS), true) };
  return cached;
}
let cached: ReturnType<typeof validators> | undefined;


class ProblemCollector {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly parsed: ParsedFile,
  ) {}

  at(path: readonly PathSegment[], code: string, text: LocalizedText, part: 'key' | 'value' = 'value'): void {
    const doc = this.parsed.documents[0];
    let offset = 0;
    if (doc) {
      const { location } = doc.locate(path);
      const span = part === 'key' ? (location.key ?? location.value) : (location.value ?? location.key);
      offset = span?.[0] ?? doc.span[0];
    }
    const pos = this.parsed.positions.position(offset);
    this.problems.push(localizedProblem({ file: this.file, line: pos.line, column: pos.column }, code, text));
  }
}

/** Replaces every `{param: name}` object with that parameter's value. */
/**
 * `{ param, rule }`: a parameter of another rule, in the facts of a norm across documents — the
 * county's pool of senior posts has "the same parameters as senior-post-share", the decline of
 * an indicator is judged against that indicator's own target. One setting then moves both: a
 * county that raised senior-post-share's junior cap was still failed by the pool's own copy of
 * 30% (outside review).
 */
export function otherRuleParam(value: unknown): { rule: string; param: string } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  return keys.length === 2 && typeof obj.param === 'string' && typeof obj.rule === 'string' ? { rule: obj.rule, param: obj.param } : undefined;
}

/** The effective value of another rule's parameter (`otherRuleParam`), or undefined when there is none. */
export type OtherRuleParams = (rule: string, param: string) => unknown;

export function substituteParams(value: unknown, params: Record<string, unknown>, others?: OtherRuleParams): unknown {
  if (Array.isArray(value)) return value.map((v) => substituteParams(v, params, others));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'param' && typeof obj.param === 'string') return Object.hasOwn(params, obj.param) ? params[obj.param] : undefined;
    const other = otherRuleParam(obj);
    if (other) return others?.(other.rule, other.param);
    const out: Record<string, unknown> = {};
    for (const k of keys) Object.defineProperty(out, k, { value: substituteParams(obj[k], params, others), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Every `{ param, rule }` reference in `value`, with where it is. */
export function collectOtherRuleRefs(value: unknown, at: PathSegment[], out: { rule: string; param: string; path: PathSegment[] }[]): void {
  const other = otherRuleParam(value);
  if (other) out.push({ ...other, path: at });
  else if (Array.isArray(value)) value.forEach((v, i) => collectOtherRuleRefs(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collectOtherRuleRefs(v, [...at, k], out);
}

function collectParamRefs(value: unknown, at: PathSegment[], out: { name: string; path: PathSegment[] }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => collectParamRefs(v, [...at, i], out));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'param') out.push({ name: String(obj.param), path: [...at, 'param'] });
    // Another rule's parameter: checked once the pack's rules are all known (loadRulePack).
    else if (!otherRuleParam(obj)) for (const k of keys) collectParamRefs(obj[k], [...at, k], out);
  }
}

/** The names a parameter may hold (`values`, or the codes of its `vocabulary`), if it says. */
function allowedNames(def: ParamDefinition): readonly string[] | undefined {
  return def.vocabulary ? VOCABULARY[def.vocabulary].codes : def.values;
}

/**
 * A name not among those allowed: `levels: [kindergarden]` matched no school, so the norm
 * silently checked none (outside review: a misspelt setting gave 全部符合要求).
 */
function unknownNames(def: ParamDefinition, names: readonly string[]): LocalizedText | undefined {
  const allowed = allowedNames(def);
  if (!allowed) return undefined;
  const wrong = names.find((n) => !allowed.includes(n));
  return wrong === undefined ? undefined : paramMessages.unknownName(wrong, didYouMean(wrong, allowed), allowed);
}

/** What is wrong with a parameter value, in both languages (undefined when it is right). */
export function paramProblem(def: ParamDefinition, value: unknown, written?: string): LocalizedText | undefined {
  const num = typeof value === 'number' && Number.isFinite(value);
  // A number past the finite ones (`.inf`, `1e400`) is quoted as written, not as JSON's null.
  const got = typeof value === 'number' && !num && written !== undefined ? written : showValue(value);
  switch (def.type) {
    case 'number':
    case 'yuan':
      if (!num) return paramMessages.number(got);
      break;
    case 'integer':
      if (!num || !Number.isInteger(value)) return paramMessages.integer(got);
      break;
    case 'fraction':
      if (!num || (value as number) < 0 || (value as number) > 1) return paramMessages.fraction(got);
      break;
    case 'string-list':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return paramMessages.stringList(got);
      return unknownNames(def, value as string[]);
    case 'choice':
      if (typeof value !== 'string' || !(def.values ?? []).includes(value)) return paramMessages.choice(def.values ?? [], got);
      return undefined;
    case 'number-map': {
      if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v))) return paramMessages.numberMap(got);
      const unknown = unknownNames(def, Object.keys(value));
      if (unknown) return unknown;
      // Each value as a parameter of the entries' type: `primary: 10` for 10% is not a fraction.
      for (const [name, v] of Object.entries(value as Record<string, number>)) {
        const wrong = paramProblem({ type: def.entries ?? 'number', default: v, description: def.description, ...(def.minimum !== undefined ? { minimum: def.minimum } : {}), ...(def.maximum !== undefined ? { maximum: def.maximum } : {}) }, v);
        if (wrong) return paramMessages.entry(name, wrong);
      }
      return undefined;
    }
  }
  if (def.minimum !== undefined && (value as number) < def.minimum) return paramMessages.atLeast(def.minimum, String(value));
  if (def.maximum !== undefined && (value as number) > def.maximum) return paramMessages.atMost(def.maximum, String(value));
  return undefined;
}

function checkDocumentPath(c: ProblemCollector, kind: DocumentKind, text: unknown, where: PathSegment[], base: PathSegment[] = []): void {
  if (typeof text !== 'string') return;
  const path = parsePath(text.replace(/\{index\}/g, '0'));
  if (!path) {
    c.at(where, 'rule-file/bad-path', RM.badPath(text));
    return;
  }
  if (!schemaAt(kind, [...base, ...path])) {
    c.at(where, 'rule-file/unknown-field', RM.unknownField(text, kind, base.length > 0));
  }
}

function checkConditions(c: ProblemCollector, rule: RuleDefinition, cond: ConditionSpec | undefined, at: PathSegment[]): void {
  if (!cond) return;
  if ('all' in cond) cond.all.forEach((x, i) => checkConditions(c, rule, x, [...at, 'all', i]));
  else if ('any' in cond) cond.any.forEach((x, i) => checkConditions(c, rule, x, [...at, 'any', i]));
  else if ('not' in cond) checkConditions(c, rule, cond.not, [...at, 'not']);
  else {
    if (!OPERATORS.has(cond.operator)) {
      c.at([...at, 'operator'], 'rule-file/unknown-operator', RM.unknownOperator(cond.operator, [...OPERATORS]));
    }
    if (!Object.prototype.hasOwnProperty.call(rule.facts, cond.fact)) {
      const path = parsePath(cond.fact);
      if (!path || !schemaAt(rule.kind, path)) {
        c.at([...at, 'fact'], 'rule-file/unknown-fact', RM.unknownFact(cond.fact, rule.kind));
      }
    }
  }
}

/** A rule file's schema error in both languages, located at the key or value it is about. */
function ruleSchemaProblem(e: ErrorObject): { path: PathSegment[]; part: 'key' | 'value'; text: LocalizedText } {
  const { path, where, extra, known, allowed } = schemaErrorParts(e);
  switch (e.keyword) {
    case 'additionalProperties':
      return { path: [...path, extra], part: 'key', text: RM.unknownKey(where, extra, didYouMean(extra, known)) };
    case 'required':
      return { path, part: 'key', text: RM.missing(where, String((e.params as { missingProperty: string }).missingProperty)) };
    case 'enum':
      return { path, part: 'value', text: RM.oneOf(where, allowed) };
    default:
      // ajv's own words (type, pattern, minimum …), framed in the user's language.
      return { path, part: 'value', text: RM.schema(describeSchemaError(e, 'property', '(rule)').message) };
  }
}

/** Loads and validates one rule file (`parsed`: its text as parseYaml read it); problems are collected, not thrown. */
function loadRuleFile(packName: string, input: RuleFileText, parsed: ParsedFile, problems: Problem[], pack: PackDefaults = new Map()): RuleDefinition | undefined {
  const c = new ProblemCollector(input.file, parsed);
  const doc = parsed.documents[0];
  if (!doc || parsed.documents.length !== 1) {
    problems.push(localizedProblem({ file: input.file, line: 1, column: 1 }, 'rule-file/yaml', RM.oneDocument()));
    return undefined;
  }
  if (doc.problems.length) {
    for (const p of doc.problems) {
      const pos = parsed.positions.position(p.span[0]);
      // The same words as a data file's or a configuration's YAML mistakes.
      const text = p.hint ? yamlMistakeMessage(p.hint, parsed).message : yamlProblemMessage(p.code, p.detail, p.parserCode);
      problems.push(localizedProblem({ file: input.file, line: pos.line, column: pos.column }, 'rule-file/yaml', text));
    }
    return undefined;
  }
  const { rule: validateRule, calculators } = validators();
  if (!validateRule(doc.value)) {
    // Report the deepest errors only: a oneOf failure drags in every branch's complaints.
    const errors = validateRule.errors ?? [];
    const depth = Math.max(...errors.map((e) => e.instancePath.split('/').length));
    const seen = new Set<string>();
    for (const e of errors) {
      if (e.keyword === 'oneOf' && errors.length > 1) continue;
      if (e.instancePath.split('/').length < depth - 1) continue;
      const { path, part, text } = ruleSchemaProblem(e);
      if (seen.has(text.en)) continue;
      seen.add(text.en);
      c.at(path, 'rule-file/schema', text, part);
    }
    problems.push(...c.problems);
    return undefined;
  }
  const raw = doc.value as Omit<RuleDefinition, 'source' | 'facts' | 'params'> & {
    facts?: RuleDefinition['facts'];
    params?: RuleDefinition['params'];
  };
  const rule: RuleDefinition = { ...raw, facts: raw.facts ?? {}, params: raw.params ?? {}, source: { pack: packName, file: input.file } };

  // rules/plan14/x.yaml holds rule x; rules/plausibility/x.yaml may hold the id plausibility/x:
  // the id then names the folder too, so the file is found from the id either way.
  const parts = input.file.split(/[\\/]/);
  const base = parts.pop()?.replace(/\.ya?ml$/, '');
  const expected = rule.id.includes('/') ? `${parts.pop() ?? ''}/${base}` : base;
  if (base && expected !== undefined && expected !== rule.id) c.at(['id'], 'rule-file/id-mismatch', RM.idMismatch(rule.id, expected));

  for (const [name, def] of Object.entries(rule.params)) {
    const problem = paramProblem(def, def.default);
    if (problem) c.at(['params', name, 'default'], 'rule-file/param-type', RM.paramDefault(name, problem));
  }
  const refs: { name: string; path: PathSegment[] }[] = [];
  collectParamRefs(rule.facts, ['facts'], refs);
  collectParamRefs(rule.applies, ['applies'], refs);
  rule.outcomes.forEach((o, i) => collectParamRefs(o.when, ['outcomes', i, 'when'], refs));
  for (const ref of refs) {
    if (!Object.prototype.hasOwnProperty.call(rule.params, ref.name)) {
      c.at(ref.path, 'rule-file/unknown-param', RM.unknownParam(ref.name));
    }
  }
  const defaults = Object.fromEntries(Object.entries(rule.params).map(([k, d]) => [k, d.default]));
  if (rule.scope === 'workspace') {
    checkWorkspaceRule(c, rule, defaults, pack);
    problems.push(...c.problems);
    return c.problems.length ? undefined : rule;
  }
  if (rule.contributions) c.at(['contributions'], 'rule-file/schema', RM.contributionsNeedWorkspace());
  for (const [name, fact] of Object.entries(rule.facts)) {
    const calc = calculatorNamed(fact.calculator);
    if (!calc) {
      c.at(['facts', name, 'calculator'], 'rule-file/unknown-calculator', RM.unknownCalculator(fact.calculator, Object.keys(CALCULATORS), false));
      continue;
    }
    const params = substituteParams(fact.params, defaults);
    const validate = calculators.get(fact.calculator)!;
    if (!validate(params)) {
      const e = validate.errors?.[0];
      c.at(['facts', name, 'params', ...pointerToPath(e?.instancePath ?? '')], 'rule-file/fact-params', RM.calculatorParams(fact.calculator, e?.instancePath || 'params', e?.message ?? 'invalid'));
      continue;
    }
    for (const p of calc.documentPaths(params as never)) checkDocumentPath(c, rule.kind, p, ['facts', name, 'params']);
    const rec = calc.recordPaths(params as never);
    if (rec) {
      const listPath = parsePath(rec.list);
      if (listPath) for (const p of rec.paths) checkDocumentPath(c, rule.kind, p, ['facts', name, 'params'], [...listPath, 0]);
    }
  }
  checkConditions(c, rule, rule.applies, ['applies']);
  const names = new Set<string>();
  rule.outcomes.forEach((o, i) => {
    if (names.has(o.name)) c.at(['outcomes', i, 'name'], 'rule-file/duplicate-outcome', RM.duplicateOutcome(o.name));
    names.add(o.name);
    checkConditions(c, rule, o.when, ['outcomes', i, 'when']);
    const r = o.report;
    if (r.from !== undefined && !Object.prototype.hasOwnProperty.call(rule.facts, r.from)) {
      c.at(['outcomes', i, 'report', 'from'], 'rule-file/unknown-fact', RM.fromUndeclared('report.from', r.from));
    }
    if (r.items !== undefined && r.from === undefined) c.at(['outcomes', i, 'report', 'items'], 'rule-file/schema', RM.needs('report.items', 'report.from'));
    if (r.itemsWhere !== undefined && r.items === undefined) c.at(['outcomes', i, 'report', 'itemsWhere'], 'rule-file/schema', RM.needs('report.itemsWhere', 'report.items'));
    checkDocumentPath(c, rule.kind, r.at, ['outcomes', i, 'report', 'at']);
    r.else?.forEach((p, j) => checkDocumentPath(c, rule.kind, p, ['outcomes', i, 'report', 'else', j]));
    r.related?.forEach((rel, j) => checkDocumentPath(c, rule.kind, rel.at, ['outcomes', i, 'report', 'related', j, 'at']));
  });
  if (rule.hint) {
    if (!Object.prototype.hasOwnProperty.call(rule.facts, rule.hint.from)) {
      c.at(['hint', 'from'], 'rule-file/unknown-fact', RM.fromUndeclared('hint.from', rule.hint.from));
    }
    checkDocumentPath(c, rule.kind, rule.hint.at, ['hint', 'at']);
  }
  problems.push(...c.problems);
  return c.problems.length ? undefined : rule;
}

/**
 * A workspace rule reads district views, not documents: its facts use workspace
 * calculators, its conditions test its facts only, and its findings and related locations
 * point at locations its facts provide.
 */
/** The default of every parameter of every rule of a pack, by rule id: what `{ param, rule }` references resolve to while a pack is checked. */
type PackDefaults = ReadonlyMap<string, Record<string, unknown>>;

function checkWorkspaceRule(c: ProblemCollector, rule: RuleDefinition, defaults: Record<string, unknown>, pack: PackDefaults): void {
  if (rule.kind !== 'DistrictIndicators') c.at(['kind'], 'rule-file/schema', RM.workspaceKind());
  if (rule.hint) c.at(['hint'], 'rule-file/schema', RM.workspaceNoHint());
  const { workspaceCalculators } = validators();
  const contributions = rule.contributions ?? {};
  const provided = new Map<string, string[]>();
  for (const [name, fact] of Object.entries(rule.facts)) {
    const calc = Object.hasOwn(WORKSPACE_CALCULATORS, fact.calculator) ? WORKSPACE_CALCULATORS[fact.calculator] : undefined;
    if (!calc) {
      c.at(['facts', name, 'calculator'], 'rule-file/unknown-calculator', RM.unknownCalculator(fact.calculator, Object.keys(WORKSPACE_CALCULATORS), true));
      continue;
    }
    const others: { rule: string; param: string; path: PathSegment[] }[] = [];
    collectOtherRuleRefs(fact.params, ['facts', name, 'params'], others);
    const missing = others.filter((r) => !Object.hasOwn(pack.get(r.rule) ?? {}, r.param));
    for (const r of missing) c.at(r.path, 'rule-file/unknown-param', RM.unknownOtherParam(r.rule, r.param));
    if (missing.length) continue;
    const params = substituteParams(fact.params, defaults, (id, param) => pack.get(id)?.[param]) as Record<string, unknown>;
    const validate = workspaceCalculators.get(fact.calculator)!;
    if (!validate(params)) {
      const e = validate.errors?.[0];
      c.at(['facts', name, 'params', ...pointerToPath(e?.instancePath ?? '')], 'rule-file/fact-params', RM.calculatorParams(fact.calculator, e?.instancePath || 'params', e?.message ?? 'invalid'));
      continue;
    }
    for (const p of calc.figureParams) {
      if (!Object.prototype.hasOwnProperty.call(contributions, String(params[p]))) {
        c.at(['facts', name, 'params', p], 'rule-file/unknown-fact', RM.notAContribution(p, String(params[p])));
      }
    }
    provided.set(name, calc.locations);
  }
  const checkFacts = (cond: ConditionSpec | undefined, at: PathSegment[]): void => {
    if (!cond) return;
    if ('all' in cond) cond.all.forEach((x, i) => checkFacts(x, [...at, 'all', i]));
    else if ('any' in cond) cond.any.forEach((x, i) => checkFacts(x, [...at, 'any', i]));
    else if ('not' in cond) checkFacts(cond.not, [...at, 'not']);
    else {
      if (!OPERATORS.has(cond.operator)) c.at([...at, 'operator'], 'rule-file/unknown-operator', RM.unknownOperator(cond.operator, [...OPERATORS]));
      if (!Object.prototype.hasOwnProperty.call(rule.facts, cond.fact)) c.at([...at, 'fact'], 'rule-file/unknown-fact', RM.unknownWorkspaceFact(cond.fact));
    }
  };
  checkFacts(rule.applies, ['applies']);
  rule.outcomes.forEach((o, i) => {
    checkFacts(o.when, ['outcomes', i, 'when']);
    const r = o.report;
    const locs = r.from !== undefined ? provided.get(r.from) : undefined;
    if (r.from === undefined || !Object.prototype.hasOwnProperty.call(rule.facts, r.from)) {
      c.at(['outcomes', i, 'report', 'from'], 'rule-file/unknown-fact', RM.workspaceReportFrom());
      return;
    }
    if (!locs) return;
    const known = (name: string, where: PathSegment[]) => {
      if (!locs.includes(name)) c.at(where, 'rule-file/unknown-location', RM.unknownLocation(name, rule.facts[r.from!]!.calculator, locs));
    };
    known(r.at, ['outcomes', i, 'report', 'at']);
    r.else?.forEach((p, j) => known(p, ['outcomes', i, 'report', 'else', j]));
    r.related?.forEach((rel, j) => known(rel.at, ['outcomes', i, 'report', 'related', j, 'at']));
    if (r.fix) c.at(['outcomes', i, 'report', 'fix'], 'rule-file/schema', RM.workspaceNoFix());
  });
}

/**
 * Loads a rule pack from rule-file texts. Throws a RulePackError listing every problem of
 * every file (file, line, column), so a rule author fixes them in one pass.
 */
export function loadRulePack(name: string, files: readonly RuleFileText[], alongside: readonly RuleDefinition[] = []): RulePack {
  const problems: Problem[] = [];
  const rules: RuleDefinition[] = [];
  const ids = new Map<string, string>();
  // Every rule's parameter defaults first: a norm across documents may use another rule's (`{ param, rule }`).
  // `alongside`: rules of other packs checked with this one (the editor checks one rule file of the built-in pack at a time).
  const pack = new Map<string, Record<string, unknown>>(alongside.map((r) => [r.id, Object.fromEntries(Object.entries(r.params).map(([k, d]) => [k, d.default]))]));
  // Each file is read once, here: the defaults pass and the load below share the reading.
  const parsedFiles = new Map<RuleFileText, ParsedFile>();
  for (const f of files) {
    const parsed = parseYaml(f.text);
    parsedFiles.set(f, parsed);
    const value = parsed.documents[0]?.value as { id?: unknown; params?: unknown } | undefined;
    if (!value || typeof value !== 'object' || typeof value.id !== 'string' || !value.params || typeof value.params !== 'object') continue;
    pack.set(value.id, Object.fromEntries(Object.entries(value.params as Record<string, unknown>).map(([k, d]) => [k, d && typeof d === 'object' ? (d as { default?: unknown }).default : undefined])));
  }
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const rule = loadRuleFile(name, f, parsedFiles.get(f)!, problems, pack);
    if (!rule) continue;
    const other = ids.get(rule.id);
    if (other) {
      problems.push(localizedProblem({ file: f.file, line: 1, column: 1 }, 'rule-file/duplicate-id', RM.duplicateId(rule.id, other)));
      continue;
    }
    ids.set(rule.id, f.file);
    rules.push(rule);
  }
  if (problems.length) throw new RulePackError(problems);
  return { name, rules };
}
