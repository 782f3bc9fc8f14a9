/**
 * Outside review E: what lies at `--cache-location` is replaced only when it is a cache edunorm
 * wrote (perhaps torn, old or edited); anything else is someone's file, left as it is (the run
 * goes without the cache). "Ours" was told by the first ten bytes, `{"format":` — which a
 * baseline written without indentation (JSON.stringify in a script, `jq -c`) also begins with:
 * `check --baseline b.json --cache --cache-location b.json` replaced the user's baseline by a
 * cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/sandbox.js';

const box = sandbox('location');
const run = box.run;

describe('--cache-location at a file that is not a cache', { timeout: 60_000 }, () => {
  it('a baseline without indentation is left as it is, and still absorbs its findings', () => {
    expect(run(['baseline', '.', '--output', 'pretty.json']).code).toBe(0);
    const compact = JSON.stringify(JSON.parse(readFileSync(join(box.dir, 'pretty.json'), 'utf8')));
    expect(compact.startsWith('{"format":')).toBe(true);
    writeFileSync(join(box.dir, 'b.json'), compact);
    const r = run(['check', '.', '--baseline', 'b.json', '--cache', '--cache-location', 'b.json', '--locale', 'en']);
    expect(r.stderr).toContain('is not an edunorm cache');
    expect(r.code).toBe(0);
    expect(readFileSync(join(box.dir, 'b.json'), 'utf8')).toBe(compact);
    expect(run(['check', '.', '--baseline', 'b.json']).code).toBe(0);
  });

  it('another JSON file that begins {"format": is left as it is', () => {
    const text = '{"format":"xlsx","sheets":[]}\n';
    writeFileSync(join(box.dir, 'data.json'), text);
    const r = run(['check', '.', '--cache', '--cache-location', 'data.json', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not an edunorm cache');
    expect(readFileSync(join(box.dir, 'data.json'), 'utf8')).toBe(text);
  });

  it('a cache of an older format, or a torn one, is still ours to replace', () => {
    const old = [
      '{"format":7,"tool":"edunorm","mac":"00","body":"{}"}',
      '{"format":7,"tool":"edunorm","index":12,"mac":"00"}\n{}',
      '{"format":3,"entries":{},"configs":{},"citations":{}}',
      '{"format":8,"tool":"edunorm","index":[256,',
      '{"format":8,"to',
      '{"for',
    ];
    for (const text of old) {
      writeFileSync(join(box.dir, 'c'), text);
      const r = run(['check', '.', '--cache', '--cache-location', 'c', '--locale', 'en']);
      expect(r.code, text).toBe(1);
      expect(r.stderr, text).not.toContain('is not an edunorm cache');
      expect(readFileSync(join(box.dir, 'c'), 'utf8').startsWith('{"format":8,"tool":"edunorm","index":['), text).toBe(true);
    }
  });
});
