import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../packages/core/src/parse/fast-parse.js';
import { parseWithYaml, parseYaml } from '../packages/core/src/parse/parse-yaml.js';
import type { PathSegment } from '../packages/core/src/path.js';
import { TextPositions } from '../packages/core/src/parse/text-positions.js';
import { loadRulePackFromDirectory } from '../packages/core/src/node.js';
import { EXAMPLES, RULES_DIR } from './helpers/paths.js';

/** Every path to every node of a plain value. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/**
 * The fast path must either give up or agree with `yaml` exactly: same documents, same
 * values (NaN and ±Infinity included), same key and value spans for every node.
 */
function agreesWithYaml(text: string): 'fast' | 'fallback' {
  const fast = fastParse(text);
  if (!fast) return 'fallback';
  const full = parseWithYaml(text);
  expect(full.documents.flatMap((d) => d.problems), `yaml finds problems in a text the fast path accepted:\n${text}`).toEqual([]);
  const mine = parseYaml(text);
  expect(mine.documents.length, text).toBe(full.documents.length);
  // Suppression directives are read from comment tokens: both parsers must find the same ones.
  expect(mine.comments, `comment tokens of\n${text}`).toEqual(full.comments);
  mine.documents.forEach((doc, i) => {
    const other = full.documents[i]!;
    expect(doc.value, text).toStrictEqual(other.value);
    expect(doc.empty, text).toBe(other.empty);
    for (const p of paths(doc.value).slice(1)) {
      const a = doc.locate(p);
      const b = other.locate(p);
      expect(a.path).toEqual(p);
      expect(a.location.key, `key span of ${JSON.stringify(p)} in\n${text}`).toEqual(b.location.key);
      // yaml ranges for block collections end after trailing comments/newlines; compare starts there.
      const va = a.location.value;
      const vb = b.location.value;
      if (va && vb && (typeof doc.value === 'object') && (Array.isArray(getAt(doc.value, p)) || isObject(getAt(doc.value, p)))) expect(va[0]).toBe(vb[0]);
      else expect(va, `value span of ${JSON.stringify(p)} in\n${text}`).toEqual(vb);
    }
  });
  return 'fast';
}

/** The parse's line index (handed over by the fast parser) is the one TextPositions computes itself. */
function sameLineIndex(text: string): void {
  const parsed = parseYaml(text);
  const fresh = new TextPositions(text);
  expect(parsed.positions.lineCount).toBe(fresh.lineCount);
  for (let line = 1; line <= fresh.lineCount + 1; line++) expect(parsed.positions.lineStart(line), `line ${line} of\n${text}`).toBe(fresh.lineStart(line));
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function getAt(v: unknown, p: PathSegment[]): unknown {
  return p.reduce<unknown>((x, s) => (x as Record<string, unknown>)?.[s as string], v);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

const corpus = [
  ...walk(EXAMPLES).map((f) => readFileSync(f, 'utf8')),
  ...loadRulePackFromDirectory(RULES_DIR).rules.flatMap((r) => [...r.tests.valid, ...r.tests.invalid].flatMap((t) => (t.document !== undefined ? [t.document] : Object.values(t.files ?? {})))),
];

describe('fast YAML path', () => {
  it('takes the fast path for every example and rule test document, agreeing with yaml', () => {
    for (const text of corpus) expect(agreesWithYaml(text)).toBe('fast');
  });

  it.each([
    ['empty', ''],
    ['comments only', '# a\n\n# b\n'],
    ['explicit start', '---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: [x, y]\n'],
    ['trailing empty document', 'a: 1\n---\n'],
    ['CRLF', 'a: 1\r\nb:\r\n  c: "x"\r\n'],
    ['scalars of the core schema', 'a: 0x10\nb: 0o17\nc: 1e309\nd: .nan\ne: -.inf\nf: yes\ng: ~\nh: NULL\ni: True\nj: "1"\nk: \'it\'\'s\'\nl: 1.\nm: .5\nn: +3\n'],
    ['compact sequences', 'a:\n- x\n- y: 1\n  z: 2\nb: 3\n'],
    ['nested flow', 'a: { b: [1, { c: d }], e: "f" }\n'],
    ['empty values', 'a:\nb:\n  c:\nd: []\ne: {}\n'],
    ['__proto__ key', '__proto__: { polluted: true }\nconstructor: 1\n'],
    ['comments after values', 'a: 1 # one\nb: "x" # two\nc: [1, 2] # three\n'],
    // The block key's search for ` #` is reused by its value: a comment right after the key, a
    // `#` inside the value, two comments, and list items (no key) with comments.
    ['comments after keys, # inside values', 'a: # none\nb: x#y # z # w\nc:   v  #  w\nd: e#f\nl:\n  - p # q\n  - r#s\n  - k: v # c\n'],
    ['CJK text and colons in values', 'name: 第八中学\nurl: http://example.com/a\n'],
  ])('agrees with yaml on %s', (_name, text) => {
    agreesWithYaml(text);
  });

  // Keys and short values are reused from a cache by first and last character and length:
  // texts that share all three must still read as themselves, whichever came first.
  it.each([
    ['keys alike at both ends', '- abcd: 1\n  axxd: 2\n- axxd: 3\n  abcd: 4\n'],
    ['values alike at both ends', 'a: true\nb: tree\nc: true\nd: tXue\ne: 1234\nf: 1x34\ng: 1234\n'],
    ['a value that is a key elsewhere', 'true: x\n'],
    ['a key after the same text as a value', 'a: nulls\nnulls: 1\nb: nulls\n'],
    ['long keys (kept as copies)', 'classTeacherAllowance: 1\nlist:\n  - classTeacherAllowance: 2\n    classTeacherAllowanxe: 3\n'],
  ])('agrees with yaml on %s', (_name, text) => {
    const doc = parseYaml(text);
    agreesWithYaml(text);
    expect(agreesWithYaml(text)).toBe(text.startsWith('true:') ? 'fallback' : 'fast');
    expect(parseYaml(text).documents[0]!.value).toStrictEqual(doc.documents[0]!.value);
  });

  // The fast parser hands its line starts to the text's line index (TextPositions.adoptLineStarts).
  it.each([
    ['LF', 'a: 1\nb:\n  c: 2\n'],
    ['CRLF', 'a: 1\r\nb:\r\n  c: "x"\r\n'],
    ['lone CR (read as LF)', 'a: 1\rb: 2\r\nc: 3\n'],
    ['no final line break', 'a: 1\nb: 2'],
    ['blank and comment lines, two documents', '\n# c\n\na: 1\n---\n\nb: [x]\n\n'],
    ['empty', ''],
    ['a lone line break', '\n'],
  ])('gives the line index a fresh one would on %s', (_name, text) => {
    const parsed = parseYaml(text);
    expect(parsed.documents.every((d) => d.fast !== undefined)).toBe(true);
    sameLineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) expect(parsed.positions.position(offset)).toEqual(new TextPositions(text).position(offset));
  });

  it('gives the line index of every example and rule test document a fresh one would', () => {
    for (const text of corpus) sameLineIndex(text);
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['tabs', 'a:\t1\n'],
    ['BOM', '\ufeffa: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['syntax errors', 'a: [1, 2\n'],
    ['nested mapping on one line', 'a: b: c\n'],
    ['escapes', 'a: "x\\ty"\n'],
    ['a lone scalar', 'hello\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(agreesWithYaml(text)).toBe('fallback');
  });

  it('agrees with yaml on random documents of the subset and their mutations', () => {
    const key = fc.constantFrom('a', 'code', 'name', 'staff', 'level', '学校', 'b-c', '"q k"', "'s'", '__proto__');
    const scalar = fc.constantFrom('1', '-2', '3.5', '0x1F', '.inf', 'true', 'no', '~', 'x y', '"quoted"', "'it''s'", '第八中学', '2025', '"4,800,000"', '[1, 2]', '{ a: 1, b: [x] }', '[]', '{}', 'a#b', 'x # note');
    type Tree = { t: 'leaf'; v: string } | { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] };
    const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; map: Tree; seq: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('map'), tie('seq')),
      leaf: scalar.map((v) => ({ t: 'leaf' as const, v })),
      map: fc.uniqueArray(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4, selector: ([k]) => k.replace(/["']/g, '') }).map((entries) => ({ t: 'map' as const, entries })),
      seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ t: 'seq' as const, items })),
    }));
    // Block YAML as people write it: nested blocks indented by two, sequences under a key
    // either indented or compact, a mapping item starting on the dash line.
    const emit = (node: Tree, indent: number, compact: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (node.t === 'leaf') return [`${pad}${node.v}`];
      if (node.t === 'map')
        return node.entries.flatMap(([k, v]) => {
          if (v.t === 'leaf') return [`${pad}${k}: ${v.v}`];
          const childIndent = v.t === 'seq' && compact ? indent : indent + 2;
          return [`${pad}${k}:`, ...emit(v, childIndent, !compact)];
        });
      return node.items.flatMap((item) => {
        if (item.t === 'leaf') return [`${pad}- ${item.v}`];
        const inner = emit(item, indent + 2, compact);
        if (item.t === 'map') return [`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
        return [`${pad}-`, ...inner];
      });
    };
    const doc = fc.tuple(fc.constantFrom<Tree['t']>('map', 'seq'), tree, fc.boolean()).map(([, t, compact]) => {
      const root: Tree = t.t === 'leaf' ? { t: 'map', entries: [['k', t]] } : t;
      return `${emit(root, 0, compact).join('\n')}\n`;
    });
    const mutated = fc.tuple(doc, fc.integer({ min: 0, max: 300 }), fc.constantFrom('', ' ', '-', ':', '#', '\n', '---\n', '  ', '[', '"', '\r\n', 'x: 1\n')).map(([text, at, ins]) => text.slice(0, at) + ins + text.slice(at));
    const taken = { fast: 0, fallback: 0 };
    fc.assert(
      fc.property(fc.oneof(doc, doc, mutated), (text) => {
        taken[agreesWithYaml(text)]++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: 20251123 },
    );
    // The property only means something if many cases exercise the fast path.
    expect(taken.fast / (taken.fast + taken.fallback)).toBeGreaterThan(0.3);
  });
});
