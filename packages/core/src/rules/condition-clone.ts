/**
 * What json-rules-engine's `clone` dependency is replaced with in its pre-bundled copy
 * (scripts/prebundle.mjs): json-rules-engine deep-copies a rule's conditions, event, priority
 * and name for every rule result (RuleResult), so that a run can write each condition's result
 * on its own copy.
 *
 * `clone` 2.1 guards against circular structures by default: it looks every object it meets up
 * in a list of all the objects copied so far, which is quadratic in the size of the tree. A
 * kind's rule holds every outcome of the pack as a branch (rule-set.ts, BranchRule) — hundreds
 * of condition objects — and that lookup was 4–5% of a 200-school check (`node --cpu-prof`:
 * `_clone` 84 ms inclusive of 1,787). What json-rules-engine copies here never has a cycle:
 * conditions are built from rule files (YAML read into JSON values, validated by the rule-file
 * schema, rewritten object by object in rule-set.ts) and json-rules-engine's own Condition
 * constructor, which would not finish on a cyclic tree either.
 *
 * The copy is otherwise `clone`'s, case by case (tests/condition-clone.test.ts compares the
 * two): the same prototype; every enumerable property `for…in` meets, own or inherited, except
 * one the prototype holds as its own without a setter; own enumerable symbols. A structure
 * shared by two branches is copied twice — the same verdict, each branch's results on its own
 * copy. Values other than arrays and plain or class objects (dates, maps, buffers…), which no
 * condition holds, are copied as `clone` would only where that is cheap; others are an error,
 * never a silent share.
 */
export default function cloneTree<T>(value: T): T {
  return copy(value, 0) as T;
}

/** Deeper than any condition tree a rule file can express; a cycle fails here, plainly. */
const MAX_DEPTH = 1000;

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) throw new RangeError('condition-clone: a structure nested deeper than 1000 levels (a cycle?)');
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    // for…in, as clone: every index that holds a value (and any other enumerable key).
    for (const k in value) (out as unknown as Record<string, unknown>)[k] = copy((value as unknown as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) {
    const r = new RegExp(value.source, value.flags);
    r.lastIndex = value.lastIndex;
    return r;
  }
  if (value instanceof Map || value instanceof Set || value instanceof Promise || ArrayBuffer.isView(value) || value instanceof Error) {
    throw new TypeError(`condition-clone: cannot copy a ${Object.prototype.toString.call(value)} in a rule's conditions`);
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  const out = Object.create(proto) as Record<string, unknown>;
  const source = value as Record<string, unknown>;
  for (const k in source) {
    if (proto !== null && Object.prototype.hasOwnProperty.call(proto, k) && Object.getOwnPropertyDescriptor(proto, k)!.set == null) continue;
    out[k] = copy(source[k], depth + 1);
  }
  for (const s of Object.getOwnPropertySymbols(source)) {
    if (Object.getOwnPropertyDescriptor(source, s)!.enumerable) out[s as unknown as string] = copy(source[s as unknown as string], depth + 1);
  }
  return out;
}
