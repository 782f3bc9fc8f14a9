/**
 * findFiles' relative paths (shown to users, in SARIF, the cache's rendered JSON elements) are
 * exactly path.relative's, with forward slashes — also for files outside the working folder and
 * names that begin with dots.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFiles } from '../packages/cli/src/find-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-rel-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findFiles relative paths', () => {
  it('are path.relative of the working folder, below it, beside it and above it', () => {
    for (const f of ['work/a.yaml', 'work/..b.yaml', 'work/.c/d.yaml', 'work/sub/e.yaml', 'other/f.yaml', 'g.yaml']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x: 1\n');
    }
    const cwd = join(dir, 'work');
    const found = findFiles(['.', '../other', '../g.yaml', './sub/../a.yaml'], cwd);
    expect(found.targets.length).toBe(6); // ./sub/../a.yaml is a.yaml, listed once
    for (const t of found.targets) expect(t.relative).toBe(relative(cwd, t.absolute).split(sep).join('/'));
    expect(found.targets.map((t) => t.relative)).toContain('../other/f.yaml');
    expect(found.targets.map((t) => t.relative)).toContain('..b.yaml');
  });
});
