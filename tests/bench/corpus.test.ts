// The bench's corpora are seeded: two runs (two machines) measure the same bytes. (How long the
// 2,000-school corpus takes to write, `npm run bench` prints: a timing is no test on a shared CI machine.)
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function digest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const f of files) hash.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

describe('bench/corpus.mjs', () => {
  it('writes the same bytes for the same arguments, and different schools for more of them', () => {
    const [a, b, c] = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'edunorm-corpus-')));
    dirs.push(a!, b!, c!);
    writeCorpus(a!, { schools: 25, large: false });
    writeCorpus(b!, { schools: 25, large: false });
    writeCorpus(c!, { schools: 26, large: false });
    expect(digest(a!)).toBe(digest(b!));
    expect(digest(c!)).not.toBe(digest(a!));
    // 25 schools × (budget + staffing) + 5 district files; no large files with large: false.
    expect(readdirSync(join(a!, 'city'), { recursive: true }).filter((f) => String(f).endsWith('.yaml'))).toHaveLength(55);
    expect(readdirSync(a!)).toEqual(['city']);
  });
});
