/**
 * The run's spool (packages/cli/src/spool.ts): lines written through its buffer, in any order
 * and of any size, read back as written — a line read with its neighbours in one window, a
 * line bigger than the buffer, a cache record's bytes around a line — and a view handed out
 * earlier never changes when later lines are read or written.
 */
import { describe, expect, it } from 'vitest';
import { Spool } from '../packages/cli/src/spool.js';

/** A deterministic generator (the same cases every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const text = (n: number, c: string) => c.repeat(n);

describe('Spool', () => {
  it('reads back every line as written, whatever the order, sizes and bytes around them, and earlier views stay intact', () => {
    const next = random(14);
    for (let round = 0; round < 6; round++) {
      const count = 300;
      const spool = new Spool(count);
      try {
        const order = [...Array(count).keys()].sort(() => next() - 0.5);
        const lines: string[] = [];
        const parts: ([report: string, element: string] | undefined)[] = [];
        const records: { at: number; bytes: string }[] = [];
        for (const index of order) {
          // Mostly small lines (a school's report), some of hundreds of KiB, one or two past the 1 MiB buffer.
          const r = next();
          const size = r < 0.01 ? (1 << 20) + Math.floor(next() * 70_000) : r < 0.1 ? Math.floor(next() * 300_000) + 1 : Math.floor(next() * 900) + 1;
          const report = `${index}:${text(size, String.fromCharCode(0x4e00 + (index % 50)))}`;
          // Half of the lines hold a rendered element after their report (a cache hit for --format json).
          const element = next() < 0.5 ? `{"filePath":"${index}.yaml","pad":"${text(Math.floor(next() * 5000), 'é')}"}` : undefined;
          const line = element === undefined ? report : `${report}\n${element}`;
          lines[index] = line;
          parts[index] = element === undefined ? undefined : [report, element];
          const before = next() < 0.5 ? `{"meta":${index}}\n` : undefined;
          const after = before && next() < 0.5 ? '\n' : undefined;
          const at = spool.write(index, next() < 0.5 ? line : Buffer.from(line, 'utf8'), {
            ...(before ? { before: Buffer.from(before) } : {}),
            ...(after ? { after: Buffer.from(after) } : {}),
            ...(element !== undefined ? { report: Buffer.byteLength(report, 'utf8') } : {}),
          });
          records.push({ at, bytes: `${before ?? ''}${line}${after ?? ''}` });
          // Reads in the middle of writing (a cache hit read back while the run goes on).
          if (next() < 0.05) {
            const seen = order.slice(0, order.indexOf(index) + 1);
            const i = seen[Math.floor(next() * seen.length)]!;
            expect(spool.read(i)).toBe(lines[i]);
          }
        }
        const views: [number, Buffer][] = [];
        for (let index = 0; index < count; index++) {
          const bytes = spool.readBytes(index);
          views.push([index, bytes]);
          expect(bytes.toString('utf8')).toBe(lines[index]);
        }
        // The rendered elements alone, read in order as the JSON output reads them, and each report alone.
        const elements: [number, Buffer][] = [];
        for (let index = 0; index < count; index++) {
          expect(spool.hasRendered(index)).toBe(parts[index] !== undefined);
          if (!parts[index]) continue;
          const element = spool.readRendered(index);
          elements.push([index, element]);
          expect(element.toString('utf8')).toBe(parts[index]![1]);
          if (index % 3 === 0) expect(spool.readReport(index).toString('utf8')).toBe(parts[index]![0]);
        }
        for (const [index, view] of elements) expect(view.toString('utf8')).toBe(parts[index]![1]);
        // Read again in another order: the same lines, and the first views did not change.
        for (let index = count - 1; index >= 0; index -= 7) expect(spool.read(index)).toBe(lines[index]);
        for (const [index, view] of views) expect(view.toString('utf8')).toBe(lines[index]);
        // What a cache save copies: the record as written, around its line.
        for (const r of records.slice(0, 40)) {
          const parts: Buffer[] = [];
          const length = Buffer.byteLength(r.bytes, 'utf8');
          spool.copyRange(r.at, length, (b) => parts.push(Buffer.from(b)));
          expect(Buffer.concat(parts).toString('utf8')).toBe(r.bytes);
        }
        expect(spool.bytes).toBe(records.reduce((n, r) => n + Buffer.byteLength(r.bytes, 'utf8'), 0));
      } finally {
        spool.close();
      }
    }
  });

  it('says which target has no report, and a line never written is not read', () => {
    const spool = new Spool(2);
    try {
      spool.write(0, '{"a":1}');
      expect(spool.has(0)).toBe(true);
      expect(spool.has(1)).toBe(false);
      expect(() => spool.readBytes(1)).toThrow(/no report for target 1/);
    } finally {
      spool.close();
    }
  });
});
