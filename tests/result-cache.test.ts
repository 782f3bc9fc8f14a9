/**
 * The `--cache` store (packages/cli/src/result-cache.ts) on its own: the racy-stat rule, and a
 * save that copies the records it did not change as bytes and re-reads them intact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileResultCache, type FileStat } from '../packages/cli/src/result-cache.js';
import { Spool } from '../packages/cli/src/spool.js';

let dir: string;
/** The run's spool, which holds the records a run writes until the save copies them. */
let spool: Spool;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-result-cache-'));
  spool = new Spool(8);
});
afterEach(() => {
  spool.close();
  rmSync(dir, { recursive: true, force: true });
});

const SECRET = Buffer.alloc(32, 7);
const K = (c: string) => c.repeat(64);
const stat = (ago: number, ino = 1): FileStat => ({ size: 10, mtimeMs: Date.now() - ago, ctimeMs: Date.now() - ago, ino });
const result = (line: string) => ({ line, isEdunorm: true, counts: [1, 0, 0] as [number, number, number] });

describe('FileResultCache', () => {
  it('a stat taken within the racy window is not trusted; an older one is', () => {
    const location = join(dir, 'c');
    const cache = new FileResultCache(location, SECRET);
    const fresh = stat(100);
    const old = stat(60_000, 2);
    cache.set('/a.yaml', K('a'), result('{"a":1}'), { ...fresh, sha: K('1') }, spool, 0);
    cache.set('/b.yaml', K('b'), result('{"b":1}'), { ...old, sha: K('2') }, spool, 1);
    expect(cache.save()).toBeUndefined();
    const again = new FileResultCache(location, SECRET);
    expect(again.digestByStat('/a.yaml', fresh)).toBeUndefined();
    expect(again.digestByStat('/b.yaml', old)).toBe(K('2'));
    // Any one of size, mtime, ctime, inode changed: not trusted.
    for (const change of [{ size: 11 }, { mtimeMs: old.mtimeMs + 1 }, { ctimeMs: old.ctimeMs + 1 }, { ino: 3 }]) expect(again.digestByStat('/b.yaml', { ...old, ...change })).toBeUndefined();
  });

  it('a save keeps unchanged records byte for byte and replaces a changed one', () => {
    const location = join(dir, 'c');
    const first = new FileResultCache(location, SECRET);
    const lines = ['{"x":"第一"}', '{"x":"two"}', '{"x":"three\\n"}'];
    lines.forEach((line, i) => first.set(`/f${i}.yaml`, K(String(i)), result(line), { ...stat(60_000, i + 1), sha: K('e') }, spool, i));
    // Each file's report is its spool line, as the run reads it back.
    lines.forEach((line, i) => expect(spool.read(i)).toBe(line));
    expect(first.save()).toBeUndefined();
    const second = new FileResultCache(location, SECRET);
    second.set('/f1.yaml', K('9'), result('{"x":"new"}'), { ...stat(60_000, 2), sha: K('f') }, spool, 3);
    expect(second.save()).toBeUndefined();
    const third = new FileResultCache(location, SECRET);
    expect(third.get('/f0.yaml', K('0'))?.line.toString()).toBe(lines[0]);
    expect(third.get('/f2.yaml', K('2'))?.line.toString()).toBe(lines[2]);
    expect(third.get('/f1.yaml', K('1'))).toBeUndefined();
    expect(third.get('/f1.yaml', K('9'))?.line.toString()).toBe('{"x":"new"}');
    expect([third.hits, third.misses]).toEqual([3, 1]);
    // Another secret: nothing verifies.
    const other = new FileResultCache(location, Buffer.alloc(32, 8));
    expect(other.rejected).toBe('unsigned');
    expect(other.get('/f0.yaml', K('0'))).toBeUndefined();
  });

  it('records written this run are read back from the spool (a file named twice), with the rendered element after the line', () => {
    const location = join(dir, 'c');
    const cache = new FileResultCache(location, SECRET);
    cache.set('/r.yaml', K('r'), { ...result('{"r":"报告"}'), rendered: { relative: 'r.yaml', json: '{"filePath":"r.yaml"}' } }, { ...stat(60_000), sha: K('1') }, spool, 2);
    cache.set('/p.yaml', K('p'), result('{"p":1}'), { ...stat(60_000, 2), sha: K('2') }, spool, 4);
    // The spool line is the report, then its rendered element: what the output reads.
    expect(spool.read(2)).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(spool.read(4)).toBe('{"p":1}');
    const hit = cache.get('/r.yaml', K('r'));
    expect(hit?.line.toString()).toBe('{"r":"报告"}');
    expect(hit?.tail.toString()).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(hit?.rendered?.json.toString()).toBe('{"filePath":"r.yaml"}');
    expect(cache.save()).toBeUndefined();
    // Saved from the spool, byte for byte.
    const again = new FileResultCache(location, SECRET);
    expect(again.get('/r.yaml', K('r'))?.tail.toString()).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(again.get('/p.yaml', K('p'))?.line.toString()).toBe('{"p":1}');
  });
});
