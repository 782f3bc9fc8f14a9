/**
 * Seeds and mutations for fuzzing: every example file and every rule test document, mutated
 * the ways hand-typed and spreadsheet-exported YAML goes wrong (and some ways it never does).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { EXAMPLES, ROOT, RULES_DIR } from '../helpers/paths.js';

export interface Seed {
  name: string;
  text: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
    });
}

/** Every `examples/**\/*.yaml` and every `tests.valid/invalid[].document` of `rules/plan14`. */
export function seeds(): Seed[] {
  const out: Seed[] = yamlFiles(EXAMPLES).map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
  for (const f of yamlFiles(RULES_DIR)) {
    const rule = parse(readFileSync(f, 'utf8')) as { tests?: Record<'valid' | 'invalid', { name: string; document?: string; files?: Record<string, string> }[] | undefined> };
    for (const group of ['valid', 'invalid'] as const) {
      (rule.tests?.[group] ?? []).forEach((t, i) => {
        // A case of several files (rules across documents) seeds each of its files.
        const texts: [string, string][] = t.document !== undefined ? [['', t.document]] : Object.entries(t.files ?? {});
        for (const [file, text] of texts) out.push({ name: `${relative(ROOT, f)} ${group}[${i}]${file ? ` ${file}` : ''} ${t.name}`, text });
      });
    }
  }
  return out;
}

/** Total cases per run: `FUZZ_RUNS` (npm run fuzz sets 10,000), else 1,000. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1000));
/** `FUZZ_SEED` replays a run (fast-check prints the seed of a failure). */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Mutation = (text: string) => string;

const at = (text: string, r: number) => Math.floor(r * (text.length + 1));
const lines = (text: string) => text.split('\n');

/** Values typed into a field instead of a plain number or word. */
const ODD_VALUES = [
  '"4,800,000"', '4,800,000', '480万', '97.5%', '"0.975"', '1e309', '-1e309', '.inf', '-.inf', '.nan', '0x10', '0o17', '017', '-0', '+1',
  '9007199254740993', '1e-320', '123456789012345678901234567890', 'yes', 'no', 'on', 'off', 'Y', 'n', 'True', 'FALSE', '~', 'null', '',
  '""', "''", '[]', '{}', '[1, 2', '{a: 1', '&a 1', '*a', '*missing', '!!str 5', '!!binary aGk=', '!custom x', '|', '>-', '? x', '- x', ': x',
  '# comment', '"unterminated', "'it''s'", '2025-01-01', '12:30:00', '__proto__', 'constructor', '第八中学', '😀', '\u0000', '\u202e', '\uD800',
];
/** Whole lines that YAML treats specially. */
const ODD_LINES = ['---', '...', '%YAML 1.1', '%TAG ! tag:x,2000:', '? complex', ': value', '- item', '&anchor', '*alias', '!tag', '|', '>', '#', '\t', ' ', '<<: *a', 'a: &a [*a]', '"\\x"'];

/** Random text: ASCII, full Unicode (astral, lone surrogates) or YAML punctuation. */
const randomText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(...':-#{}[],&*!|>\'"%@`? \t\n\r\\'.split('')), maxLength: 8 }),
);

const number = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map((d) => (Number.isNaN(d) ? '.nan' : d === Infinity ? '.inf' : d === -Infinity ? '-.inf' : String(d))),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom('1e308', '1.7976931348623157e308', '5e-324', '0.1', '1', '0'),
);

/** A mutation: a function from text to text, generated with its random positions. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // character level
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), randomText).map(([r, s]): Mutation => (t) => t.slice(0, at(t, r)) + s + t.slice(at(t, r))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 })).map(([r, n]): Mutation => (t) => t.slice(0, at(t, r)) + t.slice(at(t, r) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), randomText).map(([r, s]): Mutation => (t) => t.slice(0, at(t, r)) + s + t.slice(at(t, r) + s.length)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 3 })).map(
    ([r, n, k]): Mutation => (t) => t.slice(0, at(t, r)) + t.slice(at(t, r), at(t, r) + n).repeat(k + 1) + t.slice(at(t, r) + n),
  ),
  // line level
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([i, k]): Mutation => (t) => {
    const l = lines(t);
    const j = i % l.length;
    l.splice(j, 0, ...Array<string>(k).fill(l[j]!));
    return l.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([i, n]): Mutation => (t) => {
    const l = lines(t);
    l.splice(i % l.length, n);
    return l.join('\n');
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (t) => {
    const l = lines(t);
    const a = i % l.length;
    const b = j % l.length;
    [l[a], l[b]] = [l[b]!, l[a]!];
    return l.join('\n');
  }),
  // indentation
  fc.tuple(fc.nat(), fc.integer({ min: -6, max: 6 }), fc.boolean()).map(([i, d, tab]): Mutation => (t) => {
    const l = lines(t);
    const j = i % l.length;
    l[j] = d >= 0 ? (tab ? '\t' : ' ').repeat(d) + l[j]! : l[j]!.replace(new RegExp(`^ {0,${-d}}`), '');
    return l.join('\n');
  }),
  // values swapped for strings, numbers, huge numbers and YAML oddities
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...ODD_VALUES), number, randomText, randomText.map((s) => JSON.stringify(s)))).map(
    ([i, v]): Mutation => (t) => {
      const values = [...t.matchAll(/(:[ \t]+)([^\s#{}[\],][^#\n,}\]]*)/g)];
      if (!values.length) return t;
      const m = values[i % values.length]!;
      const start = m.index + m[1]!.length;
      return t.slice(0, start) + v + t.slice(start + m[2]!.trimEnd().length);
    },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...ODD_LINES)).map(([i, s]): Mutation => (t) => {
    const l = lines(t);
    l.splice(i % (l.length + 1), 0, s);
    return l.join('\n');
  }),
  // whole-text changes
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/\n/g, '\r'),
    (t) => `\uFEFF${t}`,
    (t) => t.trimEnd(),
    (t) => `${t}---\n${t}`,
    (t) => t.replace(/^( +)/gm, (s) => s + s),
    (t) => t.replace(/: /g, ':'),
  ),
);

/** A seed and 1–4 mutations applied in turn. */
export function mutated(all: readonly Seed[]): fc.Arbitrary<{ seed: string; text: string }> {
  return fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, ms]) => ({
    seed: all[i]!.name,
    text: ms.reduce((t, m) => m(t), all[i]!.text),
  }));
}

/** 1–4 mutations of one given text. */
export function mutationsOf(text: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((t, m) => m(t), text));
}
