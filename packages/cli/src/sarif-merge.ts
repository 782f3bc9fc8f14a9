/**
 * Merging the SARIF files of a sharded run (`edunorm check --shard i/n --format sarif` in each
 * job of a CI matrix) into ONE run, for one upload: GitHub code scanning stopped combining
 * several runs of the same tool and category in one upload (changelog 2024-05-06, "Code
 * Scanning will stop combining runs from a single upload"), so the shards' runs must become
 * one run, not one file of n runs.
 *
 * What one unsharded run would have written: the rules once each (shards of one run describe
 * every rule alike; a rule described differently means the shards did not run alike, and is
 * refused), the artifacts once each with every `artifactLocation.index` and `ruleIndex`
 * pointing into the merged tables, the results unchanged otherwise — `partialFingerprints`
 * included, so alerts keep their identity across the switch to sharding.
 *
 * Pure: parsed logs in, one log out; reading, refusing and writing files is the command's
 * (commands/sarif-merge.ts). Every refusal is a UsageError naming the input and the place.
 */
import { MESSAGES as M } from './messages.js';
import { safeText } from './safe-text.js';
import { UsageError } from './usage-error.js';

type Json = Record<string, unknown>;

export interface SarifInput {
  /** The file's name as the user wrote it (for messages). */
  name: string;
  log: unknown;
}

export interface MergedSarif {
  log: Json;
  results: number;
  artifacts: number;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two descriptions of a rule are the same whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

function malformed(name: string, where: string): UsageError {
  return new UsageError(M.sarifMalformed(safeText(name), safeText(where)));
}

/** The parts of one run the merge reads, checked first: a hand-edited or foreign file is refused, never half-merged. */
function checkRun(name: string, run: unknown, r: number): { driver: Json; rules: Json[]; artifacts: Json[]; results: Json[]; run: Json } {
  const at = `runs[${r}]`;
  if (!isObject(run)) throw malformed(name, at);
  const tool = run.tool;
  const driver = isObject(tool) ? tool.driver : undefined;
  if (!isObject(driver) || typeof driver.name !== 'string') throw malformed(name, `${at}.tool.driver.name`);
  if (driver.name !== 'edunorm') throw new UsageError(M.sarifOtherTool(safeText(name), safeText(driver.name)));
  const list = (value: unknown, where: string): Json[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw malformed(name, where);
    value.forEach((item, i) => {
      if (!isObject(item)) throw malformed(name, `${where}[${i}]`);
    });
    return value as Json[];
  };
  const rules = list(driver.rules, `${at}.tool.driver.rules`);
  rules.forEach((rule, i) => {
    if (typeof rule.id !== 'string') throw malformed(name, `${at}.tool.driver.rules[${i}].id`);
  });
  const artifacts = list(run.artifacts, `${at}.artifacts`);
  artifacts.forEach((a, i) => {
    if (!isObject(a.location) || typeof a.location.uri !== 'string') throw malformed(name, `${at}.artifacts[${i}].location.uri`);
  });
  if (!Array.isArray(run.results)) throw malformed(name, `${at}.results`);
  const results = list(run.results, `${at}.results`);
  results.forEach((result, i) => {
    if (typeof result.ruleId !== 'string') throw malformed(name, `${at}.results[${i}].ruleId`);
  });
  return { driver, rules, artifacts, results, run };
}

/** uri + base: what names a file in SARIF (an artifact's index is only its place in one run's list). */
const artifactKey = (location: Json) => `${typeof location.uriBaseId === 'string' ? location.uriBaseId : ''}\u0000${String(location.uri)}`;

/** Merges the runs of every input into one run; see the module comment. */
export function mergeSarif(inputs: readonly SarifInput[]): MergedSarif {
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleText = new Map<string, string>();
  const artifacts: Json[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactOwner = new Map<string, string>();
  const results: Json[] = [];
  let first: { name: string; run: Json; driver: Json; category: string; version: unknown } | undefined;
  const shards: { name: string; shard: Shard | undefined }[] = [];

  for (const { name, log } of inputs) {
    if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new UsageError(M.notSarif(safeText(name)));
    const runs = log.runs.map((run, r) => checkRun(name, run, r));
    for (const [r, { run, driver, rules: runRules, artifacts: runArtifacts, results: runResults }] of runs.entries()) {
      const category = isObject(run.automationDetails) && typeof run.automationDetails.id === 'string' ? run.automationDetails.id : '';
      if (!first) first = { name, run, driver, category, version: driver.version };
      // One analysis is one tool version and one category: anything else is two analyses, uploaded apart.
      if (driver.version !== first.version) throw new UsageError(M.sarifVersions(safeText(first.name), safeText(String(first.version)), safeText(name), safeText(String(driver.version))));
      if (category !== first.category) throw new UsageError(M.sarifCategories(safeText(first.name), safeText(first.category), safeText(name), safeText(category)));
      shards.push({ name, shard: shardOf(name, run, r) });

      for (const rule of runRules) {
        const id = rule.id as string;
        const text = canonical(rule);
        const known = ruleText.get(id);
        if (known === undefined) {
          ruleIndex.set(id, rules.length);
          ruleText.set(id, text);
          rules.push(rule);
        } else if (known !== text) throw new UsageError(M.sarifRuleConflict(safeText(name), safeText(id)));
      }

      // This run's artifact list, by its own indices, for locations that give an index without a uri.
      const own = runArtifacts.map((a) => a.location as Json);
      for (const location of own) {
        const key = artifactKey(location);
        const owner = artifactOwner.get(key);
        // A file is checked by one shard only: the same file in two inputs is two runs over it (or one input twice).
        if (owner !== undefined) throw new UsageError(M.sarifSharedFile(safeText(String(location.uri)), safeText(owner), safeText(name)));
        artifactOwner.set(key, name);
        artifactIndex.set(key, artifacts.length);
        const { index: _ownIndex, ...plain } = location;
        artifacts.push({ location: plain });
      }
      runResults.forEach((result, i) => results.push(reindexResult(result, `runs[${r}].results[${i}]`, name, own, ruleIndex, artifactIndex)));
    }
  }
  // Every input read alike; now the set: each shard of one run, once.
  checkShards(shards);
  const base = withoutShard(first?.run ?? { tool: { driver: { name: 'edunorm' } } });
  const driver = { ...(first?.driver ?? { name: 'edunorm' }), rules };
  const run: Json = { ...base, tool: { ...(base.tool as Json), driver }, artifacts, results };
  return { log: { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, results: results.length, artifacts: artifacts.length };
}

type Shard = { index: number; count: number; run: string };

/** `properties.edunormShard` of a run written by `check --shard i/n` (formatters/writer.ts ShardIdentity), or undefined. */
function shardOf(name: string, run: Json, r: number): Shard | undefined {
  const props = run.properties;
  if (!isObject(props) || props.edunormShard === undefined) return undefined;
  const s = props.edunormShard;
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
  if (!isObject(s) || !whole(s.index) || !whole(s.count) || s.index > s.count || typeof s.run !== 'string') throw malformed(name, `runs[${r}].properties.edunormShard`);
  return { index: s.index, count: s.count, run: s.run };
}

/**
 * Shards of one run, each once, none missing: a merge of 3 of 4 shards is a valid log that,
 * uploaded, closes the alerts of the fourth shard's files as fixed. Logs without a shard
 * identity (an unsharded run, an older edunorm) merge as before, but not mixed with shards.
 */
function checkShards(shards: readonly { name: string; shard: Shard | undefined }[]): void {
  const sharded = shards.find((s) => s.shard);
  if (!sharded) return;
  const plain = shards.find((s) => !s.shard);
  if (plain) throw new UsageError(M.sarifShardMixed(safeText(sharded.name), safeText(plain.name)));
  const one = sharded.shard!;
  const seen = new Map<number, string>();
  for (const { name, shard } of shards) {
    if (shard!.run !== one.run || shard!.count !== one.count) throw new UsageError(M.sarifShardRuns(safeText(sharded.name), safeText(name)));
    const twice = seen.get(shard!.index);
    if (twice !== undefined) throw new UsageError(M.sarifShardTwice(`${shard!.index}/${shard!.count}`, safeText(twice), safeText(name)));
    seen.set(shard!.index, name);
  }
  // At most ten named (a hand-edited count of a billion is not a billion numbers).
  const missing: number[] = [];
  for (let i = 1; i <= one.count && missing.length < 10; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length) throw new UsageError(M.sarifShardMissing(`${missing.join(', ')}${missing.length === 10 && one.count - seen.size > 10 ? ', …' : ''}`, one.count));
}

/** The merged run is one unsharded run: no shard identity left on it. */
function withoutShard(run: Json): Json {
  if (!isObject(run.properties) || run.properties.edunormShard === undefined) return run;
  const { edunormShard: _shard, ...rest } = run.properties;
  const { properties: _props, ...plain } = run;
  return Object.keys(rest).length ? { ...plain, properties: rest } : plain;
}

/** A result with ruleIndex and every artifact index pointing into the merged tables. */
function reindexResult(result: Json, where: string, name: string, own: readonly Json[], ruleIndex: ReadonlyMap<string, number>, artifactIndex: ReadonlyMap<string, number>): Json {
  const out: Json = { ...result };
  const index = ruleIndex.get(result.ruleId as string);
  if (index === undefined) delete out.ruleIndex;
  else out.ruleIndex = index;
  const relocate = (location: unknown, at: string): unknown => {
    if (location === undefined) return undefined;
    if (!isObject(location)) throw malformed(name, at);
    let resolved: Json = location;
    if (typeof location.uri !== 'string') {
      // Only an index: the file is the one at that place of this input's own list.
      const i = location.index;
      const from = typeof i === 'number' && Number.isInteger(i) ? own[i] : undefined;
      if (!from) throw malformed(name, `${at}.uri`);
      resolved = { ...from, ...location, uri: from.uri };
    }
    const merged = artifactIndex.get(artifactKey(resolved));
    const copy: Json = { ...resolved };
    if (merged === undefined) delete copy.index;
    else copy.index = merged;
    return copy;
  };
  const physical = (p: unknown, at: string): unknown => {
    if (!isObject(p)) return p;
    return p.artifactLocation === undefined ? p : { ...p, artifactLocation: relocate(p.artifactLocation, `${at}.artifactLocation`) };
  };
  const mapList = (value: unknown, at: string, f: (item: Json, at: string) => Json): unknown => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw malformed(name, at);
    return value.map((item, i) => {
      if (!isObject(item)) throw malformed(name, `${at}[${i}]`);
      return f(item, `${at}[${i}]`);
    });
  };
  const withPhysical = (item: Json, at: string): Json => (item.physicalLocation === undefined ? item : { ...item, physicalLocation: physical(item.physicalLocation, `${at}.physicalLocation`) });
  if (result.locations !== undefined) out.locations = mapList(result.locations, `${where}.locations`, withPhysical);
  if (result.relatedLocations !== undefined) out.relatedLocations = mapList(result.relatedLocations, `${where}.relatedLocations`, withPhysical);
  if (result.fixes !== undefined) {
    out.fixes = mapList(result.fixes, `${where}.fixes`, (fix, at) =>
      fix.artifactChanges === undefined ? fix : { ...fix, artifactChanges: mapList(fix.artifactChanges, `${at}.artifactChanges`, (change, c) => ({ ...change, artifactLocation: relocate(change.artifactLocation, `${c}.artifactLocation`) })) },
    );
  }
  return out;
}
