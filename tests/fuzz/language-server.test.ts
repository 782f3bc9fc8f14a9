/**
 * Fuzzing the language server: a random stream of ≥ 500 incremental edits (typing, deleting,
 * pasting, random Unicode, values swapped) sent as fast as a client can, over stdio to the
 * built server. It must stay up, answer for the final version, and its final diagnostics must
 * equal those of a fresh open of the final text — and those of `check()` on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { check } from '../../packages/core/src/index.js';
import { TestClient, example } from '../language-server/lsp-client.js';
import { FUZZ_RUNS, FUZZ_SEED } from './mutations.js';

const EDITS = FUZZ_RUNS >= 10_000 ? 3_000 : 500;
const STREAMS = FUZZ_RUNS >= 10_000 ? 4 : 1;

interface Edit {
  range: Range;
  text: string;
}

/** LSP position (UTF-16 code units) → offset, as a client computes it. */
function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + character, end < 0 ? text.length : end);
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const insertText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789 .,-:'.split('')), maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n  ', '\n  - ', '  teacherTraining: 1\n', '"4,800,000"', '.inf', 'yes', '&a', '*a', '[', '{', '\t', '#', '\r\n', '---\n') },
);

/** One edit of the current text: a range (never the first two lines, so it stays ours) and new text. */
function edit(text: string, r1: number, r2: number, inserted: string): Edit {
  const protectedEnd = offsetAt(text, 2, 0);
  const span = text.length - protectedEnd;
  const start = protectedEnd + Math.floor(r1 * (span + 1));
  const end = Math.min(text.length, start + Math.floor(r2 * r2 * 30));
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: inserted };
}

const brief = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

let client: TestClient;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-fuzz-ls-'));
  client = await TestClient.start({ locale: 'en' });
});
afterAll(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`language server under ${STREAMS} random stream(s) of ${EDITS} edits`, () => {
  for (let stream = 0; stream < STREAMS; stream++) {
    it(`stream ${stream}: stays up; final diagnostics equal a fresh open and check()`, async () => {
      const seedText = example(stream % 2 === 0 ? 'noncompliant/staffing.yaml' : 'noncompliant/budget.yaml');
      const uri = pathToFileURL(join(dir, `doc${stream}.yaml`)).href;
      await client.open(uri, seedText);
      const steps = fc.sample(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), insertText, fc.nat(20)), {
        numRuns: EDITS,
        seed: (FUZZ_SEED ?? 6) + stream,
      });
      let text = seedText;
      let version = 1;
      for (const [r1, r2, inserted, pause] of steps) {
        const e = edit(text, r1, r2, inserted);
        text = text.slice(0, offsetAt(text, e.range.start.line, e.range.start.character)) + e.text + text.slice(offsetAt(text, e.range.end.line, e.range.end.character));
        version = await client.change(uri, e.text, e.range);
        // Mostly a burst, now and then a pause long enough for a validation to start.
        if (pause === 0) await new Promise((r) => setTimeout(r, 30));
      }
      expect(version).toBe(EDITS + 1);
      const final = await client.diagnosticsFor(uri, version, 30_000);
      expect(client.alive, client.logs.join('\n')).toBe(true);

      const freshUri = pathToFileURL(join(dir, `fresh${stream}.yaml`)).href;
      await client.open(freshUri, text);
      const fresh = await client.diagnosticsFor(freshUri, 1, 30_000);
      expect(final.map(brief)).toEqual(fresh.map(brief));

      const core = await check(text, { locale: 'en' });
      expect(final.map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual(
        core.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`),
      );
      expect(client.logs.join('\n')).not.toMatch(/\n\s+at \S+ \(.*:\d+:\d+\)/);
      await client.close(uri);
      await client.close(freshUri);
    }, 120_000);
  }
});
