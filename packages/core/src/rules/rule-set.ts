import * as jsonRulesEngine from './json-rules-engine-prebundled.js';
import type { Almanac, Engine as EngineType, Fact as FactType, TopLevelCondition } from 'json-rules-engine';
import { configShapeProblems, ruleSettingProblems } from '../config.js';
import { ConfigurationError } from '../errors.js';
import { calculatorNamed, type Calculator, type FactUse } from '../facts/calculators.js';
import { PartsCache, REUSE_FACT, sameHead, type Reuse } from '../facts/incremental.js';
import { templatePlaceholders } from '../messages/format.js';
import { compileFilter } from '../facts/record-filter.js';
import type { FindingFactory, FindingInput, RecordFinding } from '../finding-factory.js';
import { fillTemplate } from '../messages/format.js';
import { getAt, parsePath, type PathSegment } from '../path.js';
import type { DocumentKind } from '../schema/document-schemas.js';
import type { Finding, Locale, LocalizedText, Measurement, Severity } from '../types.js';
import { substituteParams } from './load-pack.js';
import type { ConditionSpec, OutcomeSpec, RuleDefinition, RulePack } from './rule-types.js';
import { WorkspaceRules } from './workspace-rules.js';

// json-rules-engine is CommonJS: Node exposes its exports as named exports, bundlers and
// vitest sometimes only as `default`.
type EngineModule = { Engine?: typeof EngineType; Fact?: typeof FactType; default?: { Engine: typeof EngineType; Fact: typeof FactType } };
export const Engine = ((jsonRulesEngine as EngineModule).Engine ?? (jsonRulesEngine as EngineModule).default!.Engine) as typeof EngineType;
const Fact = ((jsonRulesEngine as EngineModule).Fact ?? (jsonRulesEngine as EngineModule).default!.Fact) as typeof FactType;

/**
 * A run's facts known up front (the document, the reuse of an incremental check), as
 * json-rules-engine Facts that it does not cache: a plain value given to `run` becomes a fact
 * whose value the almanac stores under a hash-it key of `{id, params}`, computed for every fact
 * of every run (1.5% of the 200-school run's profile), and a constant fact is never looked up
 * in that cache anyway.
 */
export function runtimeFacts(values: Record<string, unknown>): Record<string, FactType> {
  const facts: Record<string, FactType> = {};
  for (const id of Object.keys(values)) facts[id] = new Fact(id, values[id], { cache: false });
  return facts;
}

/** What a configuration may say about one rule. */
export interface RuleSetting {
  severity?: Severity | 'off';
  params?: Record<string, unknown>;
}

/** A configuration's `rules:`: per rule id a severity, `off`, or `{ severity, params }`. */
export type RuleSettings = Record<string, Severity | 'off' | RuleSetting>;

/** A rule as it will run: its definition with effective severity and parameters. */
export interface ActiveRule {
  definition: RuleDefinition;
  /** Overrides every outcome's severity when set by configuration. */
  severity?: Severity;
  params: Record<string, unknown>;
}

interface CompiledOutcome {
  rule: ActiveRule;
  outcome: OutcomeSpec;
  /** Namespaced id of the fact named by `report.from`. */
  fromFact?: string;
  /** `report.itemsWhere`, compiled. */
  itemFilter?: (item: unknown, document: unknown) => boolean;
  /** Names the outcome's messages and fix read from the context (whether a record's finding can be kept). */
  reads?: string[];
  /**
   * Per record item: the finding input made for it, kept across the checks of an edited document.
   * Its message is in one language (fillIn), so it is kept with that language and reused only in it.
   */
  kept?: WeakMap<object, { locale: Locale; input: FindingInput; made?: RecordFinding }>;
}

/** The conditions an `all` holds (itself for any other condition): what may be spread into an enclosing `all`. */
const allOf = (c: ConditionSpec): ConditionSpec[] => ('all' in c ? c.all : [c]);

/**
 * A rule's conditions as json-rules-engine runs them: its scope (applies, effective years) and
 * an outcome's own conditions.
 *
 * - The scope is decided first: at a higher priority, json-rules-engine evaluates it before the
 *   rest and stops when it fails, so a document out of a norm's scope never computes the norm's
 *   facts (at one priority it evaluates every condition of an `all` at once).
 * - The tree is flat — one `all`, an `all` inside the scope or the outcome spread into it (the
 *   same verdict): json-rules-engine deep-copies a rule's conditions on every evaluation
 *   (RuleResult), a third of the time of checking a small document in its profile.
 */
export function ruleConditions(scope: readonly ConditionSpec[], own: ConditionSpec | undefined, localFacts: Map<string, string>, pathFacts: Set<string>): TopLevelCondition {
  return {
    all: [
      ...scope.flatMap(allOf).map((c) => ({ ...rewriteCondition(c, localFacts, pathFacts), priority: SCOPE_PRIORITY })),
      ...(own ? allOf(own) : []).map((c) => rewriteCondition(c, localFacts, pathFacts)),
    ],
  } as TopLevelCondition;
}

/** json-rules-engine priority of a rule's scope conditions (the default priority is 1): evaluated first. */
const SCOPE_PRIORITY = 2;

export const YEAR_FIELD: Record<DocumentKind, string> = { SchoolBudget: 'fiscalYear', Staffing: 'fiscalYear', DistrictIndicators: 'year' };

/** json-rules-engine `path` on a condition: we only allow `$.a.b` and resolve it ourselves. */
export function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function rewriteCondition(cond: ConditionSpec, localFacts: Map<string, string>, pathFacts: Set<string>): TopLevelCondition | Record<string, unknown> {
  if ('all' in cond) return { all: cond.all.map((c) => rewriteCondition(c, localFacts, pathFacts)) } as TopLevelCondition;
  if ('any' in cond) return { any: cond.any.map((c) => rewriteCondition(c, localFacts, pathFacts)) } as TopLevelCondition;
  if ('not' in cond) return { not: rewriteCondition(cond.not, localFacts, pathFacts) } as TopLevelCondition;
  const local = localFacts.get(cond.fact);
  if (!local) pathFacts.add(cond.fact);
  const out: Record<string, unknown> = { fact: local ?? `field:${cond.fact}`, operator: cond.operator, value: cond.value };
  if (cond.path) out.path = cond.path;
  return out;
}

/**
 * An outcome's conditions as a branch of its kind's rule: an `all` of one condition is that
 * condition (the same verdict, two objects fewer for json-rules-engine to copy per document),
 * unless it has a priority of its own — the `any`'s branches must all be of one priority, or
 * json-rules-engine would stop after the first priority's branches that hold.
 */
function branchOf(conditions: TopLevelCondition): TopLevelCondition {
  const all = 'all' in conditions ? conditions.all : undefined;
  const only = all?.length === 1 ? (all[0] as Record<string, unknown>) : undefined;
  return only && !('priority' in only) && !('all' in only) && !('any' in only) && !('not' in only) ? (only as unknown as TopLevelCondition) : conditions;
}

/**
 * Outcomes as the branches of one json-rules-engine rule, `{any: [outcome 1, outcome 2, …]}`:
 * the run's rule result says which branches held — json-rules-engine sets `result` on every
 * condition it evaluates, and an `any` of one priority evaluates all its branches (it
 * short-circuits between priority sets only; each branch is an `all` of priority 1, with its
 * scope at a higher priority inside it, decided first as before). Each outcome's verdict is
 * json-rules-engine's as when it was a rule of its own, but a document costs one rule
 * evaluation instead of one per outcome: json-rules-engine deep-copies a rule's conditions,
 * builds its result and emits its events per rule and document — half of a small document's
 * engine time (27 outcomes on a staffing file), more than its facts.
 */
export class BranchRule {
  private readonly branches: { name: string; conditions: TopLevelCondition }[] = [];
  private sealed = false;

  constructor(
    private readonly engine: EngineType,
    private readonly ruleName: string,
  ) {}

  /** An outcome as a branch (before the first run). */
  add(name: string, conditions: TopLevelCondition): void {
    if (this.sealed) throw new Error(`outcome ${name} added after the first run`);
    this.branches.push({ name, conditions });
  }

  /** Adds the rule to the engine, once, before its first run. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    if (this.branches.length) this.engine.addRule({ name: this.ruleName, conditions: { any: this.branches.map((b) => branchOf(b.conditions)) }, event: { type: this.ruleName } });
  }

  /** The names of the branches that held, in branch order, from a run of the engine. */
  held(run: { results: { name?: unknown; conditions?: unknown }[]; failureResults: { name?: unknown; conditions?: unknown }[] }): string[] {
    const rule = run.results.find((r) => r.name === this.ruleName) ?? run.failureResults.find((r) => r.name === this.ruleName);
    const evaluated = (rule?.conditions as { any?: { result?: boolean }[] } | undefined)?.any ?? [];
    const names: string[] = [];
    for (let i = 0; i < evaluated.length; i++) if (evaluated[i]!.result === true) names.push(this.branches[i]!.name);
    return names;
  }
}

/**
 * One json-rules-engine Engine per document kind, holding every active rule's outcomes as the
 * branches of one rule (BranchRule). json-rules-engine silently skips rules when one Engine
 * runs concurrently, so runs on an Engine are queued one after another.
 */
export class KindEngine {
  private queue: Promise<unknown> = Promise.resolve();
  readonly outcomes = new Map<string, CompiledOutcome>();
  /** Engine rule name → the rule whose scope (applies + effective years) it tests, for hints. */
  readonly scopes = new Map<string, { rule: ActiveRule; fromFact: string }>();
  /** Rules with a hint and no scope conditions: always in scope. */
  readonly unscopedHints: { rule: ActiveRule; fromFact: string }[] = [];
  private readonly branches: BranchRule;

  /**
   * `engine` holds the outcomes; `hintEngine` the scope rules of hints, run only when an
   * editor asks for measurements, on the same almanac (facts already computed are reused).
   */
  constructor(
    readonly engine: EngineType,
    readonly hintEngine: EngineType,
  ) {
    this.branches = new BranchRule(engine, 'edunorm:outcomes');
  }

  /** An outcome as a branch of the kind's engine rule (added before the first run). */
  addOutcome(name: string, conditions: TopLevelCondition): void {
    this.branches.add(name, conditions);
  }

  run(document: unknown, withHints: boolean, reuse: Reuse | null = null): Promise<{ names: string[]; almanac: Almanac }> {
    this.branches.seal();
    const next = this.queue.then(async () => {
      const run = await this.engine.run(runtimeFacts({ document, [REUSE_FACT]: reuse }));
      const almanac = run.almanac;
      const names = this.branches.held(run);
      if (withHints && this.scopes.size) {
        // The almanac keeps every result: take only the scope rules' from this second run.
        const hints = await this.hintEngine.run(runtimeFacts({ document }), { almanac });
        for (const r of hints.results) if (this.scopes.has(r.name as string) && !names.includes(r.name as string)) names.push(r.name as string);
      }
      return { names, almanac };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * A fact function computed once per engine run. json-rules-engine's own fact cache hashes
 * `{id, params}` with hash-it on every lookup (a sixth of a check's time in the profile of a
 * 200-school run); our facts take no params, so the run's almanac alone keys the value. Like
 * the engine's cache it keeps the promise, so every condition of the run sees one value, and
 * the hint engine's second run on the same almanac reuses it.
 */
function perRun(compute: (almanac: Almanac) => Promise<unknown>): [(params: unknown, almanac: Almanac) => Promise<unknown>, { cache: false }] {
  const values = new WeakMap<Almanac, Promise<unknown>>();
  const fact = (_params: unknown, almanac: Almanac): Promise<unknown> => {
    let value = values.get(almanac);
    if (!value) {
      value = compute(almanac);
      values.set(almanac, value);
    }
    return value;
  };
  return [fact, { cache: false }];
}

/** A fact computed from the document, once per engine run (see perRun). */
export function documentFact(compute: (document: unknown) => unknown): [(params: unknown, almanac: Almanac) => Promise<unknown>, { cache: false }] {
  return perRun((almanac) => almanac.factValue('document').then(compute));
}

/**
 * The fact function of a calculator: a list calculator's parts per record are kept between
 * the checks of an edited document when the check passes {@link REUSE_FACT} (facts/incremental.ts).
 */
export function factOf(calc: Calculator, params: unknown, use?: FactUse): [(params: unknown, almanac: Almanac) => Promise<unknown>, { cache: false }] {
  const per = calc.perRecord?.(params as never, use);
  if (per) {
    const cache = new PartsCache(per);
    return perRun(async (almanac) => cache.compute(await almanac.factValue('document'), (await almanac.factValue(REUSE_FACT)) as Reuse | null));
  }
  return documentFact(calc.compile(params as never));
}

/** Whether a rule's text mentions `matched` anywhere, by rule: asked once per fact of a rule, and the text is large. */
const mentioningMatched = new WeakMap<RuleDefinition, boolean>();
function mentionsMatched(def: RuleDefinition): boolean {
  let mentions = mentioningMatched.get(def);
  if (mentions === undefined) mentioningMatched.set(def, (mentions = JSON.stringify([def.outcomes, def.hint ?? null, def.applies ?? null]).includes('matched')));
  return mentions;
}

/**
 * What a rule reads of its fact `name` (FactUse): whether anything of the rule may read a
 * `records` fact's `matched` list — judged from the rule's text, erring on reading: any
 * mention of `matched` in its outcomes (conditions, reports, messages, fixes), hint or scope,
 * or a condition on the fact's whole value (no `path`).
 */
function useOf(def: RuleDefinition, name: string): FactUse {
  if (mentionsMatched(def)) return {};
  const whole = (c: ConditionSpec): boolean =>
    'all' in c ? c.all.some(whole) : 'any' in c ? c.any.some(whole) : 'not' in c ? whole(c.not) : c.fact === name && !c.path;
  if (def.outcomes.some((o) => whole(o.when)) || (def.applies !== undefined && whole(def.applies))) return {};
  return { matched: false };
}

/** An Engine with edunorm's path resolver and operators. */
export function newEngine(): EngineType {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
  engine.addOperator('hasItems', (factValue: unknown, expected: unknown) => Array.isArray(factValue) && (factValue.length > 0) === expected);
  return engine;
}

function normalizeSetting(s: Severity | 'off' | RuleSetting): RuleSetting {
  return typeof s === 'string' ? { severity: s } : s;
}

/**
 * The compiled form of one or more rule packs plus settings: build it once, then check any
 * number of documents with it.
 */
export class RuleSet {
  readonly rules: ActiveRule[] = [];
  private readonly engines = new Map<DocumentKind, KindEngine>();

  constructor(
    readonly packs: readonly RulePack[],
    settings: RuleSettings = {},
    options: { validated?: boolean } = {},
  ) {
    const byId = new Map<string, RuleDefinition>();
    for (const pack of packs) for (const rule of pack.rules) byId.set(rule.id, rule);
    // Settings from a configuration file were validated, located, when it was resolved; settings
    // given in code get the same check (same codes and words), located at `(settings)`.
    if (!options.validated) {
      // Their shape first, as the configuration schema has it: a severity `'fatal'` or `'Error'`
      // would otherwise reach findings, and a misspelt `serverity` be ignored (outside review).
      const at = () => ({ line: 1, column: 1 });
      const shape = configShapeProblems({ rules: settings }, '(settings)', at);
      const problems = shape.length ? shape : ruleSettingProblems(settings, packs, '(settings)', at);
      if (problems.length) throw new ConfigurationError('config/invalid', 'invalid rule settings', problems);
    }

    const paramsOf = (def: RuleDefinition) => {
      // Own names only: a setting or parameter named `__proto__` or `constructor` is not Object's.
      const setting = normalizeSetting(Object.hasOwn(settings, def.id) ? settings[def.id]! : {});
      return Object.fromEntries(Object.entries(def.params).map(([k, d]) => [k, setting.params && Object.hasOwn(setting.params, k) ? setting.params[k] : d.default]));
    };
    const workspaceRules: ActiveRule[] = [];
    for (const def of byId.values()) {
      const setting = normalizeSetting(Object.hasOwn(settings, def.id) ? settings[def.id]! : {});
      if (setting.severity === 'off') continue;
      const active: ActiveRule = { definition: def, params: paramsOf(def) };
      if (setting.severity) active.severity = setting.severity;
      this.rules.push(active);
      if (def.scope === 'workspace') workspaceRules.push(active);
      else this.add(active);
    }
    this.workspace = new WorkspaceRules(workspaceRules, (id) => {
      const definition = byId.get(id);
      return definition ? { definition, params: paramsOf(definition) } : undefined;
    });
  }

  /** The rules across documents (shared/spec/workspace.md) and what they reuse. */
  readonly workspace: WorkspaceRules;

  private engineFor(kind: DocumentKind): KindEngine {
    let k = this.engines.get(kind);
    if (!k) {
      k = new KindEngine(newEngine(), newEngine());
      this.engines.set(kind, k);
    }
    return k;
  }

  private add(active: ActiveRule): void {
    const def = active.definition;
    const kindEngine = this.engineFor(def.kind);
    const { engine, hintEngine } = kindEngine;
    const addFact = (id: string, [fn, options]: ReturnType<typeof documentFact>) => {
      engine.addFact(id, fn, options);
      hintEngine.addFact(id, fn, options);
    };
    const localFacts = new Map<string, string>();
    for (const [name, spec] of Object.entries(def.facts)) {
      const id = `${def.id}:${name}`;
      localFacts.set(name, id);
      const calc = calculatorNamed(spec.calculator);
      if (!calc) throw new ConfigurationError('rule-file/unknown-calculator', `rule ${def.id}: unknown calculator "${spec.calculator}"`);
      addFact(id, factOf(calc, substituteParams(spec.params, active.params), useOf(def, name)));
    }
    const pathFacts = new Set<string>();
    const shared: ConditionSpec[] = [];
    if (def.applies) shared.push(substituteParams(def.applies, active.params) as ConditionSpec);
    if (def.effective?.from !== undefined) shared.push({ fact: YEAR_FIELD[def.kind], operator: 'greaterThanInclusive', value: def.effective.from });
    if (def.effective?.to !== undefined) shared.push({ fact: YEAR_FIELD[def.kind], operator: 'lessThanInclusive', value: def.effective.to });
    for (const outcome of def.outcomes) {
      const when = substituteParams(outcome.when, active.params) as ConditionSpec;
      const name = `${def.id}#${outcome.name}`;
      // The outcome is known by its branch of the kind's engine rule (KindEngine).
      kindEngine.addOutcome(name, ruleConditions(shared, when, localFacts, pathFacts));
      const compiled: CompiledOutcome = { rule: active, outcome };
      if (outcome.report.from) compiled.fromFact = localFacts.get(outcome.report.from)!;
      if (outcome.report.itemsWhere) compiled.itemFilter = compileFilter(outcome.report.itemsWhere);
      kindEngine.outcomes.set(name, compiled);
    }
    if (def.hint) {
      const fromFact = localFacts.get(def.hint.from)!;
      if (shared.length) {
        const name = `${def.id}@scope`;
        hintEngine.addRule({ name, conditions: ruleConditions(shared, undefined, localFacts, pathFacts), event: { type: 'edunorm.scope' } });
        kindEngine.scopes.set(name, { rule: active, fromFact });
      } else kindEngine.unscopedHints.push({ rule: active, fromFact });
    }
    this.recordReferences(active);
    for (const field of pathFacts) {
      const id = `field:${field}`;
      const path = parsePath(field) ?? [];
      // Several rules read the same field; json-rules-engine keeps one fact per id.
      addFact(id, documentFact((document) => getAt(document, path)));
    }
  }

  private readonly references = new Map<DocumentKind, { pattern: string; rule: ActiveRule }[]>();

  /** Remembers which document fields a rule reads or reports on (hover: "norms reading this field"). */
  private recordReferences(active: ActiveRule): void {
    const def = active.definition;
    const patterns = new Set<string>();
    const norm = (p: string) => p.replace(/\[(\{index\}|\d+)\]/g, '[]');
    for (const spec of Object.values(def.facts)) {
      const calc = calculatorNamed(spec.calculator);
      if (!calc) continue;
      const params = substituteParams(spec.params, active.params) as never;
      for (const p of calc.documentPaths(params)) patterns.add(norm(p));
      const rec = calc.recordPaths(params);
      if (rec) for (const p of rec.paths) patterns.add(`${norm(rec.list)}[].${p}`);
    }
    for (const o of def.outcomes) patterns.add(norm(o.report.at));
    const list = this.references.get(def.kind) ?? [];
    for (const pattern of patterns) list.push({ pattern, rule: active });
    this.references.set(def.kind, list);
  }

  /** Active rules that read or report on the field at `path` (indices ignored). */
  rulesReading(kind: DocumentKind, path: string): ActiveRule[] {
    const wanted = path.replace(/\[\d+\]/g, '[]');
    const out: ActiveRule[] = [];
    for (const ref of this.references.get(kind) ?? []) {
      if (ref.pattern === wanted && !out.includes(ref.rule)) out.push(ref.rule);
    }
    return out;
  }

  ruleById(id: string): ActiveRule | undefined {
    return this.rules.find((r) => r.definition.id === id);
  }

  /** Evaluates every active rule of the document's kind in one engine run. */
  async evaluate(kind: DocumentKind, document: unknown, factory: FindingFactory, wantMeasurements = false, reuse: Reuse | null = null): Promise<{ findings: Finding[]; measurements: Measurement[] }> {
    const kindEngine = this.engines.get(kind);
    if (!kindEngine) return { findings: [], measurements: [] };
    const { names, almanac } = await kindEngine.run(document, wantMeasurements, reuse);
    // Findings about records are kept for the next check of an edit only while everything but the lists is the same.
    const keep = reuse ? (reuse.previous === undefined || sameHead(document, reuse.previous) ? reuse : null) : null;
    const findings: Finding[] = [];
    const measurements: Measurement[] = [];
    const hinted = wantMeasurements ? [...kindEngine.unscopedHints] : [];
    for (const name of names) {
      const scope = kindEngine.scopes.get(name);
      if (scope) {
        if (wantMeasurements) hinted.push(scope);
        continue;
      }
      const compiled = kindEngine.outcomes.get(name);
      if (!compiled) continue;
      const value = compiled.fromFact ? await almanac.factValue(compiled.fromFact) : undefined;
      for (const f of reportOutcome(compiled, document, value, factory, keep)) findings.push(f);
    }
    for (const { rule, fromFact } of hinted) {
      const value = await almanac.factValue(fromFact);
      const m = measure(rule, value, document, factory);
      if (m) measurements.push(m);
    }
    return { findings, measurements };
  }
}

function measure(rule: ActiveRule, value: unknown, document: unknown, factory: FindingFactory): Measurement | undefined {
  const hint = rule.definition.hint!;
  if (!value || typeof value !== 'object') return undefined;
  const path = parsePath(hint.at) ?? [];
  if (!exists(document, path)) return undefined;
  const context = { ...rule.params, doc: document, ...(value as object) };
  const direction = (value as { direction?: string }).direction;
  const shortTotal = (value as { shortTotal?: number }).shortTotal;
  const text = fillIn(hint.text, context, factory.locale);
  const located = factory.make({ ruleId: rule.definition.id, severity: 'info', message: text, path, part: hint.part ?? 'value' });
  return {
    ruleId: rule.definition.id,
    documentIndex: located.documentIndex,
    path: located.path,
    range: located.range,
    text: located.message,
    compliant: direction !== undefined ? direction === 'within' : shortTotal === undefined || shortTotal === 0,
    figures: figuresOf(value) ?? {},
  };
}

function expand(template: string, index: number | undefined): PathSegment[] | undefined {
  return parsePath(index === undefined ? template : template.replace(/\{index\}/g, String(index)));
}

/**
 * A rule's message in the language findings are made in (as `pick` chooses it), with its
 * figures filled. Only that language: a finding shows one, and filling both doubled the
 * message formatting of every finding.
 */
export function fillIn(text: LocalizedText, context: Record<string, unknown>, locale: Locale): string {
  return text[locale] != null ? fillTemplate(text[locale], context, locale) : fillTemplate(text.en, context, 'en');
}

export function figuresOf(value: unknown): Finding['figures'] {
  const out: NonNullable<Finding['figures']> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}


/**
 * Whether the findings of one record's item depend on that record alone: no message or fix
 * reads a figure of the whole fact (its lists of records) or a list of the document.
 */
function itemLocal(compiled: CompiledOutcome, document: unknown, value: unknown): boolean {
  if (!compiled.reads) {
    const { outcome } = compiled;
    const texts = [outcome.message['zh-CN'], outcome.message.en, ...(outcome.report.related ?? []).flatMap((r) => [r.message['zh-CN'], r.message.en])];
    compiled.reads = [...texts.flatMap(templatePlaceholders), ...(outcome.report.fix ? [outcome.report.fix.figure] : [])];
  }
  const own = (o: unknown, k: string) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);
  for (const name of compiled.reads) {
    const [root, next] = name.split('.');
    if (own(value, name) || own(value, root!)) return false;
    if (root === 'doc' && next !== undefined && Array.isArray(own(document, next) ? (document as Record<string, unknown>)[next] : undefined)) return false;
  }
  return true;
}

function reportOutcome(compiled: CompiledOutcome, document: unknown, value: unknown, factory: FindingFactory, reuse: Reuse | null = null): Finding[] {
  const { rule, outcome } = compiled;
  const report = outcome.report;
  const base: Record<string, unknown> = { ...rule.params, doc: document };
  if (report.items) {
    const items = value && typeof value === 'object' ? (value as Record<string, unknown>)[report.items] : undefined;
    if (!Array.isArray(items)) return [];
    const wanted = compiled.itemFilter;
    const kept = reuse && itemLocal(compiled, document, value) ? (compiled.kept ??= new WeakMap()) : undefined;
    const findings: Finding[] = [];
    for (const item of items as Record<string, unknown>[]) {
      if (wanted && !wanted(item, document)) continue;
      // The same item object had the same record and figures: only where it is may have moved
      // (the factory's makeInRecord moves its finding, or locates it afresh).
      const previous = kept?.get(item);
      const same = previous?.locale === factory.locale ? previous : undefined;
      const input = same?.input ?? inputFor(compiled, document, { context: { ...base, ...(value as object), ...item }, index: item.index as number, figures: item }, factory.locale);
      if (!kept) {
        findings.push(factory.make(input));
        continue;
      }
      // Kept: the finding itself too, moved with its record where that is all that changed.
      const made = factory.makeInRecord(input, same?.made);
      const record = 'finding' in made ? made : undefined;
      // Written only when it changed: an unmoved record's entry stays as it is (1,360 per keystroke).
      if (!same || same.made !== record) kept.set(item, record ? { locale: factory.locale, input, made: record } : { locale: factory.locale, input });
      findings.push(record ? record.finding : (made as Finding));
    }
    return findings;
  }
  return [factory.make(inputFor(compiled, document, { context: { ...base, ...(value && typeof value === 'object' ? value : { value }) }, figures: value }, factory.locale))];
}

/** What a finding of the outcome says about one subject (a record's item, or the document). */
function inputFor(compiled: CompiledOutcome, document: unknown, { context, index, figures }: { context: Record<string, unknown>; index?: number; figures: unknown }, locale: Locale): FindingInput {
  const { rule, outcome } = compiled;
  const def = rule.definition;
  const report = outcome.report;
  const severity = rule.severity ?? outcome.severity ?? def.severity;
  let path = expand(report.at, index) ?? [];
  let fellBack = false;
  if (report.else?.length && !exists(document, path)) {
    for (const alt of report.else) {
      const p = expand(alt, index);
      if (p && exists(document, p)) {
        path = p;
        fellBack = true;
        break;
      }
    }
  }
  const message = fillIn(outcome.message, context, locale);
  // The fix sets the reported node to a figure: only meaningful on the node the figure is
  // about, never on a fallback (it would turn `classTeacher: true` into `800`).
  const fix = report.fix && !fellBack ? fixFor(report.fix, context, path, document) : undefined;
  return {
    ruleId: def.id,
    severity,
    message,
    path,
    part: report.part ?? 'value',
    citation: def.citation,
    outcome: outcome.name,
    figures: figuresOf(figures),
    ...(fix ? { fix } : {}),
    ...(report.related
      ? {
          related: report.related
            .map((r) => ({ path: expand(r.at, index) ?? [], message: fillIn(r.message, context, locale) }))
            .filter((r) => exists(document, r.path)),
        }
      : {}),
  };
}

function exists(document: unknown, path: readonly PathSegment[]): boolean {
  return getAt(document, path) !== undefined;
}

function fixFor(spec: NonNullable<OutcomeSpec['report']['fix']>, context: Record<string, unknown>, path: PathSegment[], document: unknown) {
  const raw = context[spec.figure];
  if (!exists(document, path)) return undefined;
  let text: string;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    const v = spec.round === 'up' ? Math.ceil(raw - 1e-9) : spec.round === 'down' ? Math.floor(raw + 1e-9) : Math.round(raw * 10000) / 10000;
    text = String(v);
  } else if (typeof raw === 'boolean') text = String(raw);
  else return undefined;
  return { title: { 'zh-CN': `改为 ${text}(符合要求的值)`, en: `Change to ${text} (the compliant value)` }, newText: text };
}
