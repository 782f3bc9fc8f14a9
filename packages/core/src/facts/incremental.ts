/**
 * Facts recomputed from the records an edit changed. A list calculator's fact is a
 * combination of one part per record (Calculator.perRecord); after an incremental parse
 * (parse/incremental-parse.ts) the new document shares every unchanged record — the same
 * object — with the previous one, so only the parts of records that are new objects are
 * computed again, and the combination (sums in record order, the lists of failing records)
 * is redone from the parts: the same figures, bit for bit, as a computation from scratch.
 *
 * Parts are kept only when a check asks for it (the editor's incremental checks), keyed by
 * the list they were computed for, so the CLI keeps nothing and several open documents
 * sharing one rule set do not evict each other.
 */
import { getAt } from '../path.js';
import type { PerRecord } from './calculators.js';

/** More changed records than this: recompute every part (a full parse shares no record). */
export const MAX_CHANGED = 8;

/**
 * What an incremental check passes to the facts (json-rules-engine runtime fact
 * `edunorm:reuse`) and to the structure checks: the document it was edited from, and which
 * records of a list are new objects (found once per list, shared by every fact reading it).
 */
export class Reuse {
  private readonly diffs = new Map<readonly unknown[], { after: readonly unknown[]; changed: number[] | undefined }>();

  /** `previous`: the document value the checked one was edited from (none: keep parts, reuse nothing). */
  constructor(readonly previous?: unknown) {}

  /** Indices where `after` holds another object than `before` (same length), or undefined when more than MAX_CHANGED do. */
  changedIn(before: readonly unknown[], after: readonly unknown[]): number[] | undefined {
    if (before.length !== after.length) return undefined;
    const known = this.diffs.get(before);
    if (known && known.after === after) return known.changed;
    let changed: number[] | undefined = [];
    for (let i = 0; i < after.length; i++) {
      if (after[i] === before[i]) continue;
      if (changed.push(i) > MAX_CHANGED) {
        changed = undefined;
        break;
      }
    }
    this.diffs.set(before, { after, changed });
    return changed;
  }
}

/** The runtime fact carrying {@link Reuse} (null when a check keeps nothing). */
export const REUSE_FACT = 'edunorm:reuse';

interface Kept {
  context: unknown[];
  parts: unknown[];
  result: unknown;
  /** Per record, what its part read of the other records (PerRecord.dependsOn), when the calculator says. */
  depends?: unknown[];
}

export class PartsCache {
  private readonly kept = new WeakMap<readonly unknown[], Kept>();

  constructor(private readonly per: PerRecord) {}

  /**
   * The fact for `document`. With `reuse`, this document's parts are kept for the next edit,
   * and those of records it shares with `reuse.previous` (the document it was edited from) reused.
   */
  compute(document: unknown, reuse: Reuse | null): unknown {
    const per = this.per;
    const list = getAt(document, per.list);
    if (!Array.isArray(list)) return per.combine(undefined, document);
    const context = per.context?.map((p) => getAt(document, p));
    let parts: unknown[] | undefined;
    let result: unknown;
    /** Per record whose part is defined, what the part read of the other records (PerRecord.dependsOn) in this document. */
    let depends: unknown[] | undefined;
    if (reuse?.previous !== undefined && context) {
      const before = getAt(reuse.previous, per.list) as unknown[];
      const kept = Array.isArray(before) ? this.kept.get(before) : undefined;
      let changed = kept && sameValues(kept.context, context) ? reuse.changedIn(before, list) : undefined;
      if (changed && per.dependsOn) {
        // Also the records whose group changed (its mean moved with an edited salary), in record
        // order. A record whose part was undefined was left out by the filter, and still is (the
        // same record, the same context): it reads no group.
        const was = kept!.depends!;
        const edited = changed;
        changed = [];
        depends = new Array<unknown>(list.length);
        for (let i = 0, k = 0; i < list.length; i++) {
          if (edited[k] === i) {
            k++;
            changed.push(i);
          } else if (kept!.parts[i] !== undefined) {
            depends[i] = per.dependsOn(list[i], document);
            if (!Object.is(depends[i], was[i])) changed.push(i);
          }
        }
      }
      if (changed) {
        const fresh = changed.map((i) => per.part(list[i], i, document));
        if (fresh.every((part, k) => Object.is(part, kept!.parts[changed![k]!]))) {
          // The edited records are none of this fact's (its filter leaves them out): the parts and
          // the fact stay as they were — no copy of a 20,000-part array for each of 25 facts.
          parts = kept!.parts;
          result = kept!.result;
        } else {
          parts = kept!.parts.slice();
          for (let k = 0; k < changed.length; k++) parts[changed[k]!] = fresh[k];
          result = changed.length > MAX_CHANGED ? undefined : per.update?.(kept!.result, kept!.parts, parts, changed);
        }
        if (depends) for (const i of changed) depends[i] = parts[i] === undefined ? undefined : per.dependsOn!(list[i], document);
      }
    }
    if (!parts) {
      parts = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) parts[i] = per.part(list[i], i, document);
      if (per.dependsOn) depends = parts.map((part, i) => (part === undefined ? undefined : per.dependsOn!(list[i], document)));
    }
    result ??= per.combine(parts, document);
    if (reuse && context) this.kept.set(list, { context, parts, result, ...(depends ? { depends } : {}) });
    return result;
  }
}

/** The same values (the same objects for objects: the head of an edited document is shared, not copied). */
function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Two documents alike but for their lists: the same keys in the same order with the same
 * values (objects: the same objects, as an incremental parse shares them), lists aside.
 */
export function sameHead(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (va !== vb && !(Array.isArray(va) && Array.isArray(vb))) return false;
  }
  return true;
}
