// The read floor is the baseline of `npm run bench`: it must read exactly the files edunorm
// would read and count their lines right, or every ratio against it is wrong.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countLines, readFloor } from '../../bench/read-floor.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('bench/read-floor.mjs', () => {
  it('counts lines with and without a final newline, and an empty file as none', () => {
    expect(countLines(Buffer.from(''))).toBe(0);
    expect(countLines(Buffer.from('a'))).toBe(1);
    expect(countLines(Buffer.from('a\n'))).toBe(1);
    expect(countLines(Buffer.from('a\nb'))).toBe(2);
    expect(countLines(Buffer.from('a\r\nb\r\n\n'))).toBe(3);
  });

  it('reads every .yaml/.yml file under the folders, skips other files and symlinks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-floor-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'one.yaml'), 'x: 1\ny: 2\n');
    writeFileSync(join(dir, 'a', 'b', 'two.YML'), '名称: 第一小学');
    writeFileSync(join(dir, 'a', 'notes.txt'), 'l1\nl2\nl3\n');
    symlinkSync(join(dir, 'a', 'one.yaml'), join(dir, 'a', 'link.yaml'));
    expect(readFloor([dir])).toEqual({ files: 2, bytes: 10 + Buffer.byteLength('名称: 第一小学'), lines: 3 });
    // A file named on the command line is read whatever its name.
    expect(readFloor([join(dir, 'a', 'notes.txt')])).toEqual({ files: 1, bytes: 9, lines: 3 });
    const out = execFileSync(process.execPath, ['bench/read-floor.mjs', dir], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ files: 2, bytes: 10 + Buffer.byteLength('名称: 第一小学'), lines: 3 });
  });
});
