/**
 * JsonArrayWriter (formatters/json.ts) writes array elements one at a time with exactly the bytes
 * `JSON.stringify(whole, null, 2)` gives, at every depth the JSON and SARIF writers use.
 */
import { describe, expect, it } from 'vitest';
import { JsonArrayWriter } from '../packages/cli/src/formatters/json.js';

const SAMPLES: unknown[] = [{}, [], { a: [] }, { a: { b: [1, 2.5, { c: 'x\ny', d: null }] }, s: 'é\u2028"\\' }, 'text', 5, null, [[[]]], { k: {} }, { long: 'x'.repeat(1000) }];

describe('JsonArrayWriter', () => {
  it.each([2, 4, 6, 8])('elements at depth %i are what JSON.stringify of the whole document writes', (indent) => {
    // The array at `indent - 2` spaces: the document itself (2), or under `items` in objects nested one key deep.
    let doc: unknown = indent === 2 ? SAMPLES : { items: SAMPLES };
    for (let d = 4; d < indent; d += 2) doc = { x: doc };
    const whole = JSON.stringify(doc, null, 2);
    const w = new JsonArrayWriter(indent);
    const written = `[${SAMPLES.map((v) => w.element(v)).join('')}${w.close()}`;
    const at = indent === 2 ? 0 : whole.indexOf('"items": ') + '"items": '.length;
    expect(written).toBe(whole.slice(at, at + written.length));
    expect(whole.slice(at + written.length).replace(/[\s}]/g, '')).toBe('');
  });

  it('no elements: the brackets touch', () => {
    const w = new JsonArrayWriter(4);
    expect(`[${w.close()}`).toBe('[]');
  });

  it('an odd depth is refused (two-space indentation has none)', () => {
    expect(() => new JsonArrayWriter(3)).toThrow(/indent 3/);
  });
});
