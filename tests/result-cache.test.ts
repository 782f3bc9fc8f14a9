/**
 * The `--cache` store (packages/cli/src/result-cache.ts) on its own: the racy-stat rule, a
 * save that copies the records it did not change as bytes and re-reads them intact, and a save
 * that appends: cut short at any point it leaves the old cache or the new one, never a mix.
 */
import { linkSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileResultCache, type FileStat } from '../packages/cli/src/result-cache.js';
import { sign } from './helpers/cache-file.js';
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
    expect(third.get('/f0.yaml', K('e'), K('0'))?.line.toString()).toBe(lines[0]);
    expect(third.get('/f2.yaml', K('e'), K('2'))?.line.toString()).toBe(lines[2]);
    expect(third.get('/f1.yaml', K('e'), K('1'))).toBeUndefined();
    // The key of its configuration, but other content: a miss.
    expect(third.get('/f0.yaml', K('d'), K('0'))).toBeUndefined();
    expect(third.get('/f1.yaml', K('f'), K('9'))?.line.toString()).toBe('{"x":"new"}');
    expect([third.hits, third.misses]).toEqual([3, 2]);
    // Another secret: nothing verifies.
    const other = new FileResultCache(location, Buffer.alloc(32, 8));
    expect(other.rejected).toBe('unsigned');
    expect(other.get('/f0.yaml', K('e'), K('0'))).toBeUndefined();
  });

  it('records written this run are read back from the spool (a file named twice), with the rendered element after the line', () => {
    const location = join(dir, 'c');
    const cache = new FileResultCache(location, SECRET);
    cache.set('/r.yaml', K('r'), { ...result('{"r":"报告"}'), rendered: { relative: 'r.yaml', json: '{"filePath":"r.yaml"}' } }, { ...stat(60_000), sha: K('1') }, spool, 2);
    cache.set('/p.yaml', K('p'), result('{"p":1}'), { ...stat(60_000, 2), sha: K('2') }, spool, 4);
    // The spool line is the report, then its rendered element: what the output reads.
    expect(spool.read(2)).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(spool.read(4)).toBe('{"p":1}');
    const hit = cache.get('/r.yaml', K('1'), K('r'));
    expect(hit?.line.toString()).toBe('{"r":"报告"}');
    expect(hit?.tail.toString()).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(hit?.rendered?.json.toString()).toBe('{"filePath":"r.yaml"}');
    expect(cache.save()).toBeUndefined();
    // Saved from the spool, byte for byte.
    const again = new FileResultCache(location, SECRET);
    expect(again.get('/r.yaml', K('1'), K('r'))?.tail.toString()).toBe('{"r":"报告"}\n{"filePath":"r.yaml"}');
    expect(again.get('/p.yaml', K('2'), K('p'))?.line.toString()).toBe('{"p":1}');
  });

  describe('a save appends what changed, then points the header at it', () => {
    const HEADER = 256;
    /** A cache of `n` files, saved once (written whole). */
    const seed = (location: string, n: number) => {
      const cache = new FileResultCache(location, SECRET);
      for (let i = 0; i < n; i++) cache.set(`/s${i}.yaml`, K('a'), result(`{"s":${i},"pad":"${'x'.repeat(2000)}"}`), { ...stat(60_000, i + 1), sha: K(String(i % 10)) }, spool, 0);
      expect(cache.save()).toBeUndefined();
    };
    const changeOne = (location: string, i: number, line: string) => {
      const cache = new FileResultCache(location, SECRET);
      cache.set(`/s${i}.yaml`, K('a'), result(line), { ...stat(60_000, i + 1), sha: K('f') }, spool, 1);
      expect(cache.save()).toBeUndefined();
    };
    const line = (location: string, i: number, sha: string) => new FileResultCache(location, SECRET).get(`/s${i}.yaml`, sha, K('a'))?.line.toString();

    it('one changed record: the same file grows by the record and an index; every record still reads', () => {
      const location = join(dir, 'c');
      seed(location, 50);
      const before = statSync(location);
      changeOne(location, 7, '{"s":"new"}');
      const after = statSync(location);
      expect(after.ino).toBe(before.ino);
      expect(after.size).toBeGreaterThan(before.size);
      // Less than a second copy of the records: the old ones were not written again.
      expect(after.size - before.size).toBeLessThan(before.size / 2);
      expect(line(location, 7, K('f'))).toBe('{"s":"new"}');
      expect(line(location, 7, K('7'))).toBeUndefined();
      for (const i of [0, 6, 8, 49]) expect(line(location, i, K(String(i % 10)))).toMatch(new RegExp(`^\\{"s":${i},`));
    });

    it('a save cut short before its header is written leaves the old cache, whole; a torn header verifies as nothing', () => {
      const location = join(dir, 'c');
      seed(location, 20);
      const old = readFileSync(location);
      changeOne(location, 3, '{"s":"new"}');
      const appended = readFileSync(location);
      // Everything appended, the old header still in place: the old cache, as it was.
      writeFileSync(location, Buffer.concat([old.subarray(0, HEADER), appended.subarray(HEADER)]));
      expect(line(location, 3, K('3'))).toMatch(/^\{"s":3,/);
      expect(line(location, 3, K('f'))).toBeUndefined();
      expect(line(location, 4, K('4'))).toMatch(/^\{"s":4,/);
      // Cut anywhere in the append: still the old cache.
      for (const cut of [old.length + 1, Math.floor((old.length + appended.length) / 2), appended.length - 1]) {
        writeFileSync(location, Buffer.concat([old.subarray(0, HEADER), appended.subarray(HEADER, cut)]));
        expect(line(location, 3, K('3')), `cut at ${cut}`).toMatch(/^\{"s":3,/);
      }
      // Half of the new header over the old one: it does not verify, so nothing is served.
      for (const at of [1, 40, 100, HEADER - 2]) {
        writeFileSync(location, Buffer.concat([appended.subarray(0, at), old.subarray(at, HEADER), appended.subarray(HEADER)]));
        const torn = new FileResultCache(location, SECRET);
        expect(torn.get('/s3.yaml', K('f'), K('a')) ?? torn.get('/s3.yaml', K('3'), K('a')), `torn at ${at}`).toSatisfy((hit) => hit === undefined || /^\{"s":(3,|"new")/.test(hit.line.toString()));
      }
    });

    it('a file another run saved meanwhile is not appended to: this run writes its own, whole', () => {
      const location = join(dir, 'c');
      seed(location, 10);
      const mine = new FileResultCache(location, SECRET);
      // Another run replaces the file (its save renamed a new one over it).
      const other = join(dir, 'other');
      seed(other, 3);
      renameSync(other, location);
      mine.set('/s1.yaml', K('a'), result('{"s":"mine"}'), { ...stat(60_000, 2), sha: K('m') }, spool, 2);
      expect(mine.save()).toBeUndefined();
      // Our view, whole: our change and the records we had opened; nothing of the other file mixed in.
      expect(line(location, 1, K('m'))).toBe('{"s":"mine"}');
      for (const i of [0, 2, 9]) expect(line(location, i, K(String(i % 10)))).toMatch(new RegExp(`^\\{"s":${i},`));
    });

    it('a header or index edited to point elsewhere (into the header, past the end, at another record) serves nothing it should not', () => {
      const location = join(dir, 'c');
      seed(location, 4);
      const good = readFileSync(location);
      const header = JSON.parse(good.toString('utf8', 0, HEADER)) as { index: [number, number] };
      const withHeader = (index: unknown) => {
        const json = JSON.stringify({ ...header, index });
        return Buffer.concat([Buffer.from(`${json.padEnd(HEADER - 1)}\n`), good.subarray(HEADER)]);
      };
      // The index said to lie in the header, before it, past the end, or of no length: not a cache.
      for (const index of [[0, header.index[1]], [10, 20], [header.index[0], good.length], [good.length, 10], [header.index[0], 0], [-1, 5], ['x', 5]]) {
        writeFileSync(location, withHeader(index));
        const c = new FileResultCache(location, SECRET);
        expect(c.rejected, JSON.stringify(index)).toBe('shape');
      }
      // Signed again by the key's holder, one entry pointing into the header, past the end, or at
      // another file's record: a miss for that file, the others served.
      const index = JSON.parse(good.toString('utf8', header.index[0], header.index[0] + header.index[1])) as { entries: Record<string, { o: number; l: number }> };
      const s0 = index.entries['/s0.yaml']!;
      for (const [o, l] of [[0, 50], [HEADER - 10, 100], [good.length - 5, 100], [s0.o, s0.l]]) {
        const edited = Buffer.from(JSON.stringify({ ...index, entries: { ...index.entries, '/s1.yaml': { ...index.entries['/s1.yaml']!, o, l } } }));
        const json = JSON.stringify({ ...header, index: [good.length, edited.length], mac: sign(SECRET, edited) });
        writeFileSync(location, Buffer.concat([Buffer.from(`${json.padEnd(HEADER - 1)}\n`), good.subarray(HEADER), edited]));
        const c = new FileResultCache(location, SECRET);
        expect(c.rejected).toBeUndefined();
        expect(c.get('/s1.yaml', K('1'), K('a')), `${o},${l}`).toBeUndefined();
        expect(c.get('/s0.yaml', K('0'), K('a'))?.line.toString()).toMatch(/^\{"s":0,/);
      }
    });

    it('a cache file with a second name (a hard link) is written anew, never through: the other name keeps what it held', () => {
      const location = join(dir, 'c');
      seed(location, 10);
      const other = join(dir, 'backup');
      linkSync(location, other);
      const before = readFileSync(other);
      changeOne(location, 2, '{"s":"new"}');
      expect(readFileSync(other).equals(before)).toBe(true);
      expect(statSync(location).ino).not.toBe(statSync(other).ino);
      expect(line(location, 2, K('f'))).toBe('{"s":"new"}');
    });

    it('garbage stays bounded: after many saves the file is written anew, no larger than twice its live bytes and a little', () => {
      const location = join(dir, 'c');
      seed(location, 40);
      const first = statSync(location);
      let rewritten = false;
      for (let run = 0; run < 200; run++) {
        changeOne(location, run % 40, `{"s":"run ${run}"}`);
        const st = statSync(location);
        if (st.ino !== first.ino) rewritten = true;
        expect(st.size).toBeLessThan(2 * first.size + (1 << 20) + 4096);
      }
      expect(rewritten).toBe(true);
      expect(line(location, 199 % 40, K('f'))).toBe('{"s":"run 199"}');
    });
  });
});
