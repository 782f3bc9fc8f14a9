/**
 * json-rules-engine's `clone` dependency, replaced in its pre-bundled copy by a linear copy of
 * condition trees (packages/core/src/rules/condition-clone.ts): the same copies as clone 2.1
 * makes of what json-rules-engine copies (its Condition trees, events, priorities, names), no
 * object shared with the original, and the bundle really uses it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const jreRequire = createRequire(createRequire(join(ROOT, 'packages', 'core', 'package.json')).resolve('json-rules-engine'));
const clone = jreRequire('clone') as (v: unknown) => unknown;
const { default: cloneTree } = (await import(pathToFileURL(join(ROOT, 'packages/core/dist/rules/condition-clone.js')).href)) as { default: (v: unknown) => unknown };
const { Engine, Rule } = (await import(pathToFileURL(join(ROOT, 'packages/core/dist/rules/json-rules-engine-prebundled.js')).href)) as typeof import('json-rules-engine');

/** Every object of a tree, by path, with its prototype: what two copies must agree on. */
function shape(v: unknown, path = '$', out: [string, unknown, string][] = []): [string, unknown, string][] {
  if (v === null || typeof v !== 'object') {
    out.push([path, v, typeof v]);
    return out;
  }
  out.push([path, Array.isArray(v) ? 'array' : Object.getPrototypeOf(v)?.constructor?.name ?? 'null-prototype', 'object']);
  for (const k in v as Record<string, unknown>) shape((v as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

function objects(v: unknown, out = new Set<object>()): Set<object> {
  if (v !== null && typeof v === 'object') {
    out.add(v);
    for (const k in v as Record<string, unknown>) objects((v as Record<string, unknown>)[k], out);
  }
  return out;
}

const shared = { fact: 'x', operator: 'equal', value: { nested: [1, 2] } };
const CASES: [string, unknown][] = [
  ['primitives', [1, 'a', true, null, undefined, 1.5e300]],
  ['a condition tree as rule files give it', { any: [{ all: [{ fact: 'staff', path: '$.a', operator: 'greaterThan', value: 0, priority: 2 }, { not: { fact: 'y', operator: 'in', value: ['a', 'b'] } }] }, { fact: 'z', operator: 'equal', value: { fact: 'w' } }] }],
  ['a structure shared by two branches (copied twice)', { any: [shared, shared] }],
  ['an event and a name', { type: 'edunorm:outcomes', params: { a: [1, { b: 2 }] } }],
  ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ['a null-prototype object', Object.assign(Object.create(null) as object, { a: 1, b: { c: [2] } })],
  ['a date', { when: new Date(Date.UTC(2026, 0, 1)) }],
];

describe('condition-clone: the copy json-rules-engine makes of each rule result', () => {
  for (const [name, value] of CASES) {
    it(`${name}: the same copy as clone 2.1, sharing no object with the original`, () => {
      const ours = cloneTree(value);
      expect(shape(ours)).toEqual(shape(clone(value)));
      const originals = objects(value);
      for (const o of objects(ours)) expect(originals.has(o)).toBe(false);
    });
  }

  it("json-rules-engine's own Condition trees: the same prototypes and properties as clone's copy", () => {
    const rule = new Rule({ name: 'r', conditions: { any: [{ all: [{ fact: 'a', operator: 'equal', value: 1, priority: 2 }] }, { not: { fact: 'b', operator: 'in', value: [1, 2] } }] }, event: { type: 't' } });
    const conditions = (rule as unknown as { conditions: unknown }).conditions;
    expect(Object.getPrototypeOf(conditions)?.constructor?.name).not.toBe('Object');
    expect(shape(cloneTree(conditions))).toEqual(shape(clone(conditions)));
  });

  it('a property the prototype holds without a setter is skipped, as clone skips it', () => {
    class WithGetter {
      get computed(): number {
        return 1;
      }
    }
    const v = new WithGetter() as unknown as Record<string, unknown>;
    Object.defineProperty(v, 'computed', { value: 5, enumerable: true });
    v.own = 2;
    expect(shape(cloneTree(v))).toEqual(shape(clone(v)));
    expect(Object.keys(cloneTree(v) as object)).toEqual(['own']);
  });

  it('a cycle is an error, not a hang or a silent share', () => {
    const a: Record<string, unknown> = { fact: 'x' };
    a.self = a;
    expect(() => cloneTree(a)).toThrow(/deeper than 1000 levels/);
    expect(() => cloneTree({ value: new Map() })).toThrow(/cannot copy a \[object Map\]/);
  });

  it('the pre-bundled json-rules-engine copies with it, and its verdicts are json-rules-engine\'s', async () => {
    const code = readFileSync(join(ROOT, 'packages/core/dist/rules/json-rules-engine-prebundled.js'), 'utf8');
    expect(code).toContain('condition-clone: a structure nested deeper than 1000 levels');
    expect(code).not.toContain('allParents');
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ name: 'r', conditions: { any: [{ fact: 'a', operator: 'greaterThan', value: 1 }, { fact: 'b', operator: 'equal', value: 'x' }] }, event: { type: 't' } });
    const run = await engine.run({ a: 2, b: 'y' });
    const evaluated = (run.results[0] as unknown as { conditions: { any: { result: boolean }[] } }).conditions.any.map((c) => c.result);
    expect(evaluated).toEqual([true, false]);
    // The rule's own conditions are untouched by the run: results are written on the copy.
    const again = await engine.run({ a: 0, b: 'x' });
    expect((again.results[0] as unknown as { conditions: { any: { result: boolean }[] } }).conditions.any.map((c) => c.result)).toEqual([false, true]);
  });
});
