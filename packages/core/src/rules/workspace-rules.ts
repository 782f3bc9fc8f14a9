/**
 * The rules of `scope: workspace` (shared/spec/workspace.md) as they run: per school
 * document, the contributions they reuse from other rules; per district view, their
 * outcomes. Each has its own json-rules-engine Engine, run one document (or view) at a time.
 */
import type { Almanac, Engine as EngineType } from 'json-rules-engine';
import { ruleFileMessages } from '../checks/config.js';
import { ConfigurationError, localizedProblem } from '../errors.js';
import { CALCULATORS } from '../facts/calculators.js';
import { fillTemplate } from '../messages/format.js';
import { getAt, parsePath } from '../path.js';
import type { DocumentKind } from '../schema/document-schemas.js';
import type { Finding, Locale, LocalizedText, RelatedLocation, Severity } from '../types.js';
import type { ContributedFigure } from '../workspace/contribution.js';
import { WORKSPACE_CALCULATORS, type DistrictView, type WorkspaceLocation } from '../workspace/calculators.js';
import { substituteParams } from './load-pack.js';
import type { ConditionSpec, OutcomeSpec, RuleDefinition } from './rule-types.js';
import { BranchRule, documentFact, factOf, figuresOf, newEngine, ruleConditions, runtimeFacts, YEAR_FIELD, type ActiveRule } from './rule-set.js';
import { REUSE_FACT, type Reuse } from '../facts/incremental.js';

/** A finding across documents: it carries the file it is in. */
export interface WorkspaceFinding extends Finding {
  file: string;
}

/** The key a reused figure is stored under in a contribution: what it counts, not who asks. */
export const figureKey = (reuse: { rule: string; calculator: string }) => `${reuse.rule}/${reuse.calculator}`;

/** Runs jobs on one Engine one after another (json-rules-engine must not run concurrently). */
class Serial {
  private queue: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Drops the leaf conditions on `fact` (the reused rule's threshold test); undefined = always true. */
function withoutFact(cond: ConditionSpec, fact: string): ConditionSpec | undefined {
  if ('all' in cond) {
    const kept = cond.all.map((c) => withoutFact(c, fact)).filter((c): c is ConditionSpec => c !== undefined);
    return kept.length ? { all: kept } : undefined;
  }
  if ('any' in cond) {
    const kept = cond.any.map((c) => withoutFact(c, fact));
    return kept.some((c) => c === undefined) ? undefined : { any: kept as ConditionSpec[] };
  }
  if ('not' in cond) {
    const inner = withoutFact(cond.not, fact);
    return inner ? { not: inner } : undefined;
  }
  return cond.fact === fact ? undefined : cond;
}

/** Removes the thresholds of a calculator's params: a contribution counts, it does not judge. */
function withoutBounds(params: unknown): unknown {
  if (!params || typeof params !== 'object') return params;
  const { min: _min, max: _max, ...rest } = params as Record<string, unknown>;
  return rest;
}

interface ReusedOutcome {
  key: string;
  factId: string;
  outcome: string;
  order: number;
}

/** Per document kind: which outcome of a reused rule is in scope, and its fact's figures. */
class ContributionEngine {
  readonly engine: EngineType = newEngine();
  readonly serial = new Serial();
  readonly outcomes = new Map<string, ReusedOutcome>();
  private readonly facts = new Set<string>();
  /** The reused outcomes as branches of one engine rule (one rule evaluation per document). */
  private readonly branches = new BranchRule(this.engine, 'edunorm:contributions');

  add(key: string, def: RuleDefinition, params: Record<string, unknown>, calculator: string): void {
    const shared: ConditionSpec[] = [];
    if (def.applies) shared.push(substituteParams(def.applies, params) as ConditionSpec);
    if (def.effective?.from !== undefined) shared.push({ fact: YEAR_FIELD[def.kind], operator: 'greaterThanInclusive', value: def.effective.from });
    if (def.effective?.to !== undefined) shared.push({ fact: YEAR_FIELD[def.kind], operator: 'lessThanInclusive', value: def.effective.to });
    const localFacts = new Map<string, string>();
    for (const name of Object.keys(def.facts)) localFacts.set(name, `reuse:${def.id}:${name}`);
    const pathFacts = new Set<string>();
    def.outcomes.forEach((outcome, order) => {
      const from = outcome.report.from;
      const spec = from ? def.facts[from] : undefined;
      if (!from || !spec || spec.calculator !== calculator) return;
      const factId = localFacts.get(from)!;
      // Every fact of the reused rule, as it computes it (its scope may test other facts).
      for (const [name, f] of Object.entries(def.facts)) {
        const id = localFacts.get(name)!;
        if (this.facts.has(id)) continue;
        this.facts.add(id);
        this.engine.addFact(id, ...factOf(CALCULATORS[f.calculator]!, withoutBounds(substituteParams(f.params, params))));
      }
      const when = withoutFact(substituteParams(outcome.when, params) as ConditionSpec, from);
      const name = `${key}#${outcome.name}`;
      // An empty `all` is true in json-rules-engine: an outcome with no scope of its own applies.
      this.branches.add(name, ruleConditions(shared, when, localFacts, pathFacts));
      this.outcomes.set(name, { key, factId, outcome: outcome.name, order });
    });
    for (const field of pathFacts) {
      const id = `field:${field}`;
      if (this.facts.has(id)) continue;
      this.facts.add(id);
      const path = parsePath(field) ?? [];
      this.engine.addFact(id, ...documentFact((document) => getAt(document, path)));
    }
  }

  contribute(document: unknown, reuse: Reuse | null = null): Promise<Record<string, ContributedFigure>> {
    return this.serial.run(async () => {
      this.branches.seal();
      const run = await this.engine.run(runtimeFacts({ document, [REUSE_FACT]: reuse }));
      const almanac = run.almanac;
      const chosen = new Map<string, ReusedOutcome>();
      for (const name of this.branches.held(run)) {
        const o = this.outcomes.get(name);
        if (!o) continue;
        const prev = chosen.get(o.key);
        if (!prev || o.order < prev.order) chosen.set(o.key, o);
      }
      const out: Record<string, ContributedFigure> = {};
      for (const [key, o] of chosen) {
        const v = (await almanac.factValue(o.factId)) as { total?: number; numerator?: number; actual?: number } | undefined;
        if (!v || typeof v.total !== 'number') continue;
        const figure: ContributedFigure = { total: v.total, outcome: o.outcome };
        if (typeof v.numerator === 'number') figure.numerator = v.numerator;
        if (typeof v.actual === 'number' && Number.isFinite(v.actual)) figure.actual = v.actual;
        out[key] = figure;
      }
      return out;
    });
  }
}

interface CompiledWorkspaceOutcome {
  rule: ActiveRule;
  outcome: OutcomeSpec;
  fromFact?: string;
}

/** Reused rule outcomes not reported for linked schools (`pooling: county`). */
export interface PooledOutcomes {
  kind: DocumentKind;
  ruleId: string;
  outcomes: string[];
}

export class WorkspaceRules {
  private readonly contributions = new Map<DocumentKind, ContributionEngine>();
  private readonly engine: EngineType = newEngine();
  private readonly serial = new Serial();
  private readonly outcomes = new Map<string, CompiledWorkspaceOutcome>();
  readonly pooled: PooledOutcomes[] = [];

  constructor(
    readonly rules: readonly ActiveRule[],
    /** Any rule of the packs (active or off) with its effective parameters. */
    lookup: (id: string) => { definition: RuleDefinition; params: Record<string, unknown> } | undefined,
  ) {
    const reused = new Set<string>();
    for (const active of rules) {
      const def = active.definition;
      const keys = new Map<string, string>();
      for (const [name, spec] of Object.entries(def.contributions ?? {})) {
        const key = figureKey(spec.reuse);
        keys.set(name, key);
        if (reused.has(`${spec.kind}|${key}`)) continue;
        reused.add(`${spec.kind}|${key}`);
        const target = lookup(spec.reuse.rule);
        if (!target) {
          throw new ConfigurationError('config/invalid', `rule ${def.id} reuses rule ${spec.reuse.rule}, which is not in the packs`, [
            localizedProblem({ file: def.source.file, line: 1, column: 1 }, 'rule-file/unknown-rule', ruleFileMessages.unknownReusedRule(name, spec.reuse.rule)),
          ]);
        }
        let engine = this.contributions.get(spec.kind);
        if (!engine) this.contributions.set(spec.kind, (engine = new ContributionEngine()));
        engine.add(key, target.definition, target.params, spec.reuse.calculator);
        if (target.params.pooling === 'county') {
          const outcomes = target.definition.outcomes.filter((o) => o.report.from && target.definition.facts[o.report.from]?.calculator === spec.reuse.calculator).map((o) => o.name);
          this.pooled.push({ kind: spec.kind, ruleId: target.definition.id, outcomes });
        }
      }
      this.addRule(active, keys, lookup);
    }
  }

  private addRule(active: ActiveRule, figureKeys: Map<string, string>, lookup: (id: string) => { params: Record<string, unknown> } | undefined): void {
    const def = active.definition;
    const localFacts = new Map<string, string>();
    for (const [name, spec] of Object.entries(def.facts)) {
      const id = `${def.id}:${name}`;
      localFacts.set(name, id);
      const calc = WORKSPACE_CALCULATORS[spec.calculator]!;
      // `{ param, rule }`: that rule's effective parameter — its setting in this configuration, not its default.
      const params = substituteParams(spec.params, active.params, (rule, param) => lookup(rule)?.params[param]) as Record<string, unknown>;
      for (const p of calc.figureParams) if (typeof params[p] === 'string') params[p] = figureKeys.get(params[p] as string) ?? params[p];
      const compute = calc.compile(params as never);
      this.engine.addFact(id, async (_p: unknown, almanac: Almanac) => compute((await almanac.factValue('view')) as DistrictView));
    }
    const pathFacts = new Set<string>();
    const shared: ConditionSpec[] = def.applies ? [substituteParams(def.applies, active.params) as ConditionSpec] : [];
    for (const outcome of def.outcomes) {
      const when = substituteParams(outcome.when, active.params) as ConditionSpec;
      const name = `${def.id}#${outcome.name}`;
      this.engine.addRule({ name, conditions: ruleConditions(shared, when, localFacts, pathFacts), event: { type: 'edunorm.finding' } });
      const compiled: CompiledWorkspaceOutcome = { rule: active, outcome };
      if (outcome.report.from) compiled.fromFact = localFacts.get(outcome.report.from)!;
      this.outcomes.set(name, compiled);
    }
  }

  /** The figures a school document contributes (empty for kinds no workspace rule reads). */
  async contribute(kind: DocumentKind, document: unknown, reuse: Reuse | null = null): Promise<Record<string, ContributedFigure>> {
    const engine = this.contributions.get(kind);
    return engine ? engine.contribute(document, reuse) : {};
  }

  /** Evaluates every workspace rule on one district view; findings in whichever files they land. */
  evaluate(view: DistrictView, locale: Locale): Promise<{ findings: WorkspaceFinding[]; facts: Record<string, Record<string, unknown>> }> {
    if (this.outcomes.size === 0) return Promise.resolve({ findings: [], facts: {} });
    return this.serial.run(async () => {
      const { results, almanac } = await this.engine.run(runtimeFacts({ view }));
      const findings: WorkspaceFinding[] = [];
      for (const r of results) {
        const compiled = this.outcomes.get(r.name as string);
        if (!compiled) continue;
        const eff = compiled.rule.definition.effective;
        const year = view.district.year;
        if (eff && (year === undefined || (eff.from !== undefined && year < eff.from) || (eff.to !== undefined && year > eff.to))) continue;
        const value = compiled.fromFact ? await almanac.factValue(compiled.fromFact) : undefined;
        for (const f of reportWorkspaceOutcome(compiled, value, view, locale)) findings.push(f);
      }
      // The figures of every rule, met or not (report rows, hover on the district).
      const facts: Record<string, Record<string, unknown>> = {};
      for (const active of this.rules) {
        const own: Record<string, unknown> = {};
        for (const name of Object.keys(active.definition.facts)) {
          const v: unknown = await almanac.factValue(`${active.definition.id}:${name}`);
          if (v !== undefined) own[name] = v;
        }
        facts[active.definition.id] = own;
      }
      return { findings, facts };
    });
  }
}

type Subject = Record<string, unknown> & { at?: Record<string, WorkspaceLocation> };

const fill = (text: LocalizedText, context: Record<string, unknown>, locale: Locale) => fillTemplate(text[locale], context, locale);

function reportWorkspaceOutcome(compiled: CompiledWorkspaceOutcome, value: unknown, view: DistrictView, locale: Locale): WorkspaceFinding[] {
  const { rule, outcome } = compiled;
  const def = rule.definition;
  const report = outcome.report;
  const severity: Severity = rule.severity ?? outcome.severity ?? def.severity;
  const d = view.district;
  const base: Record<string, unknown> = { ...rule.params, district: { code: d.code, name: d.name ?? d.code, type: d.level, year: d.year } };
  const top = (value && typeof value === 'object' ? value : {}) as Subject;
  const subjects: Subject[] = [];
  if (report.items) {
    const items = top[report.items];
    if (!Array.isArray(items)) return [];
    subjects.push(...(items as Subject[]));
  } else subjects.push(top);
  const out: WorkspaceFinding[] = [];
  for (const item of subjects) {
    const at = (name: string) => item.at?.[name] ?? top.at?.[name];
    const loc = [report.at, ...(report.else ?? [])].map(at).find((l) => l !== undefined);
    if (!loc) continue;
    const context = { ...base, ...(item === top ? top : { ...top, ...item }) };
    const related: RelatedLocation[] = [];
    for (const r of report.related ?? []) {
      const entries = r.each ? item[r.each] : [item];
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as Subject[]) {
        const rel = entry.at?.[r.at] ?? (r.each ? undefined : at(r.at));
        if (!rel) continue;
        related.push({ file: rel.file, documentIndex: rel.documentIndex, path: rel.path, range: rel.range, message: fill(r.message, { ...context, ...entry }, locale) });
      }
    }
    const finding: WorkspaceFinding = {
      file: loc.file,
      ruleId: def.id,
      severity,
      message: fill(outcome.message, context, locale),
      range: loc.range,
      documentIndex: loc.documentIndex,
      path: loc.path,
      citation: def.citation,
      outcome: outcome.name,
      figures: figuresOf(item) ?? {},
      anchor: `workspace:${d.code}@${d.year ?? ''}/${def.id}#${outcome.name}/${String(item.group ?? item.code ?? item.indicator ?? '')}`,
    };
    if (related.length) finding.related = related;
    out.push(finding);
  }
  return out;
}
