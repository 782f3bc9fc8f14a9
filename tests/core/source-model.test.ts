/**
 * Issue 11 item 1 (and the outline part of issue 10 item 14): one source model in core. The
 * language server's hover, completion and symbols read core's outline and line index, and agree
 * with `check` on every range for LF, CRLF, lone-CR and BOM texts; no YAML reading or
 * offset→line computation lives outside core's parse layer; the outline is linear.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, getDefaultRuleSet, type PathSegment } from '../../packages/core/src/index.js';
import { buildOutline, parseYaml, sourceFile, type OutlineNode } from '../../packages/core/src/internal.js';
import { completionsAt } from '../../packages/language-server/src/completion.js';
import { documentSymbols } from '../../packages/language-server/src/document-symbols.js';
import { hoverAt } from '../../packages/language-server/src/hover.js';
import { lspRangeOf, offsetOf, toLspRange } from '../../packages/language-server/src/to-lsp.js';
import { EXAMPLES, ROOT } from '../helpers/paths.js';

const FIXTURES = ['noncompliant/budget.yaml', 'noncompliant/staffing.yaml', 'district/county-2025.yaml'].map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
const VARIANTS: [string, (t: string) => string][] = [
  ['LF', (t) => t],
  ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
  ['lone CR', (t) => t.replace(/\n/g, '\r')],
  ['BOM', (t) => `\ufeff${t}`],
  ['BOM + CRLF', (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`],
];

/** Every keyed node of an outline with its data path. */
function keyed(nodes: readonly OutlineNode[], prefix: PathSegment[] = [], out: { path: PathSegment[]; node: OutlineNode }[] = []) {
  for (const n of nodes) {
    const path = [...prefix, n.key ?? n.index!];
    if (n.key !== undefined) out.push({ path, node: n });
    keyed(n.children, path, out);
  }
  return out;
}

describe('the language server and check agree on every range', () => {
  for (const [name, variant] of VARIANTS) {
    it(`${name}: hover on each finding covers exactly the finding's range`, async () => {
      for (const fixture of FIXTURES) {
        const text = variant(fixture);
        const result = await check(text, { locale: 'en' });
        const outline = sourceFile(text).outline;
        let compared = 0;
        for (const f of result.findings) {
          if (!f.path || f.range.start.line !== f.range.end.line || f.range.start.offset === f.range.end.offset) continue;
          const start = toLspRange(f.range).start;
          const hover = hoverAt(outline, offsetOf(outline, start), 'en', getDefaultRuleSet(), undefined);
          expect(hover?.range, `${name}: ${f.ruleId} at ${f.range.start.line}:${f.range.start.column}`).toEqual(toLspRange(f.range));
          compared++;
        }
        expect(compared).toBeGreaterThan(0);
      }
    });

    it(`${name}: document symbols and completion containers sit on the parser's key ranges`, () => {
      for (const fixture of FIXTURES) {
        const text = variant(fixture);
        const parsed = parseYaml(text.charCodeAt(0) === 0xfeff ? text : text);
        const outline = buildOutline(text);
        const symbols = documentSymbols(outline);
        const doc = parsed.documents[0]!;
        for (const { path, node } of keyed(outline.documents[0]!.root.children)) {
          const { location, path: found } = doc.locate(path);
          expect(found, JSON.stringify(path)).toEqual(path);
          const key = location.key!;
          expect(lspRangeOf(outline, node.keyStart, node.keyEnd), `${name}: key ${JSON.stringify(path)}`).toEqual(toLspRange(parsed.positions.range(key[0], key[1])));
          // Completion at the key's own start belongs to the key's parent container.
          const lsp = toLspRange(parsed.positions.range(key[0], key[0])).start;
          const lineText = text.slice(parsed.positions.lineStart(lsp.line + 1), parsed.positions.lineEnd(lsp.line + 1));
          expect(() => completionsAt(outline, lineText, lsp, 'en')).not.toThrow();
        }
        // Top-level sections of the first document, as symbols, at the parser's key ranges.
        for (const child of symbols[0]!.children ?? []) {
          const key = doc.locate([child.name]).location.key!;
          expect(child.selectionRange, `${name}: symbol ${child.name}`).toEqual(toLspRange(parsed.positions.range(key[0], key[1])));
        }
      }
    });
  }
});

describe('the outline is linear: no backtracking over user text (issue 10 item 14)', () => {
  const SIZE = 100_000;
  const hostile = [
    `a${' '.repeat(SIZE)}`,
    `a${' '.repeat(SIZE)}b`,
    `key${' '.repeat(SIZE)}x: 1`,
    `"${'x'.repeat(SIZE)}`,
    `-${'x'.repeat(SIZE)}`,
    `- a${' '.repeat(SIZE)}`,
    `k: {${' a,'.repeat(SIZE / 3)}`,
  ].map((line) => `apiVersion: edunorm/v1\nkind: SchoolBudget\n${line}\n`);
  const time = (text: string) => {
    const t0 = performance.now();
    const outline = buildOutline(text);
    documentSymbols(outline);
    hoverAt(outline, text.length - 2, 'en', getDefaultRuleSet(), undefined);
    return performance.now() - t0;
  };

  it('a 100 KB line of spaces (and other one-line shapes) is outlined, hovered and listed as fast as a normal file of that size', () => {
    const normal = `apiVersion: edunorm/v1\nkind: SchoolBudget\n${Array.from({ length: SIZE / 20 }, (_, i) => `  k${i}: value${i}`).join('\n')}\n`;
    time(normal);
    const baseline = Math.min(time(normal), time(normal), time(normal));
    for (const text of hostile) {
      const ms = Math.min(time(text), time(text));
      // The quadratic key pattern took ~8 s here; linear code takes about the baseline.
      expect(ms, `${JSON.stringify(text.slice(40, 60))}…: ${ms.toFixed(1)} ms vs ${baseline.toFixed(1)} ms`).toBeLessThan(baseline * 10 + 50);
    }
  });
});

describe('one YAML reading, one line index', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
      return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
    });
  const files = ['packages', 'extension/src'].flatMap((d) => sources(join(ROOT, d)));

  it('the yaml package is imported only under packages/core/src/parse/', () => {
    const importers = files.filter((f) => /from ['"]yaml['"]|import\(['"]yaml['"]\)|require\(['"]yaml['"]\)/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f).replace(/\\/g, '/'));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => !f.startsWith('packages/core/src/parse/'))).toEqual([]);
  });

  it('no offset→line computation outside core’s source model (parse/text-positions.ts)', () => {
    // Counting line breaks by character code, or keeping a table of line starts, is a line index.
    const lineIndex = /lineStarts|charCodeAt\([^)]*\)\s*===\s*(10|13)\b|===\s*['"]\\n['"]\s*\)\s*(line|row)/;
    // The one exception: the server's open document (edited-document.ts), which replaced
    // vscode-languageserver-textdocument's and keeps, as that did, the client's 0-based line
    // offsets of the text being typed — a protocol's coordinates, not a finding's (those come
    // from core's index, to-lsp.ts); tests/language-server/edit-sync.test.ts holds it to the library.
    const exempt = ['packages/language-server/src/edited-document.ts'];
    const offenders = files
      .filter((f) => !/packages\/core\/src\/parse\//.test(f.replace(/\\/g, '/')))
      .filter((f) => !exempt.includes(relative(ROOT, f).replace(/\\/g, '/')))
      .filter((f) => lineIndex.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
