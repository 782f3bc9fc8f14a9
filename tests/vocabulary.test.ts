/**
 * One vocabulary table (packages/core/src/vocabulary.ts) behind the schemas' enums, the messages'
 * `{x|label}`, the editor's hover and completion, and the import word lists — and no second copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertCell } from '../packages/cli/src/import/convert-value.js';
import { layoutFor } from '../packages/cli/src/import/field-mapping.js';
import { DOCUMENT_KINDS, documentSchemas, schemaAt, VOCABULARY, type JsonSchema, type VocabularyName } from '../packages/core/src/index.js';
import { fillTemplate, findTerm, parseHumanBoolean } from '../packages/core/src/internal.js';
import { enumMeaning, unitText } from '../packages/language-server/src/schema-info.js';
import { ROOT } from './helpers/paths.js';

/** Every field of every document schema with fixed values, with its path. */
function enumFields(): { kind: string; path: (string | number)[]; schema: JsonSchema }[] {
  const out: { kind: string; path: (string | number)[]; schema: JsonSchema }[] = [];
  const walk = (kind: string, s: JsonSchema | undefined, path: (string | number)[]) => {
    if (!s) return;
    if (Array.isArray(s.enum)) out.push({ kind, path, schema: s });
    for (const [k, child] of Object.entries((s.properties as Record<string, JsonSchema>) ?? {})) walk(kind, child, [...path, k]);
    if (s.items) walk(kind, s.items as JsonSchema, [...path, 0]);
  };
  for (const kind of DOCUMENT_KINDS) walk(kind, documentSchemas[kind], []);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('the vocabulary table', () => {
  it('every enum of the JSON Schemas is generated from a vocabulary it names in x-vocabulary', () => {
    const fields = enumFields();
    expect(fields.length).toBeGreaterThanOrEqual(6);
    for (const { kind, path, schema } of fields) {
      const name = schema['x-vocabulary'] as VocabularyName;
      expect(VOCABULARY[name], `${kind} ${path.join('.')}`).toBeDefined();
      expect(schema.enum).toEqual([...VOCABULARY[name].codes]);
    }
  });

  it('each term has both labels; no word of a vocabulary means two codes', () => {
    for (const [name, vocabulary] of Object.entries(VOCABULARY)) {
      expect(vocabulary.name['zh-CN'] && vocabulary.name.en, name).toBeTruthy();
      expect(new Set(vocabulary.codes).size, name).toBe(vocabulary.codes.length);
      for (const term of vocabulary.terms) {
        expect(term.label['zh-CN'].length * term.label.en.length, `${name}.${term.code}`).toBeGreaterThan(0);
        for (const word of [term.code, term.label['zh-CN'], term.label.en, ...(term.words ?? [])]) expect(findTerm(vocabulary, word)?.code, `${name}: ${word}`).toBe(term.code);
      }
    }
  });

  it('school-level labels exist once: in vocabulary.ts, nowhere else in the sources', () => {
    const files = ['packages/core/src', 'packages/cli/src', 'packages/language-server/src'].flatMap((d) => sources(join(ROOT, d)));
    const labels = VOCABULARY.level.terms.flatMap((t) => [t.label.en, ...(t.short ? [t.short.en] : [])]).filter((l) => l.includes(' ') || l.length > 8);
    const copies = files.filter((f) => !f.endsWith('vocabulary.ts')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return labels.filter((l) => text.includes(`'${l}'`)).map((l) => `${relative(ROOT, f)}: ${l}`);
    });
    expect(labels.length).toBeGreaterThan(8);
    expect(copies).toEqual([]);
  });

  it('messages label a code by its field: {doc.school.level|label} a level, {title|label} a title (senior is both)', () => {
    expect(fillTemplate('{doc.school.level|label}', { doc: { school: { level: 'senior' } } }, 'zh-CN')).toBe('普通高中');
    expect(fillTemplate('{title|label}', { title: 'senior' }, 'zh-CN')).toBe('高级');
    expect(fillTemplate('{title|label}', { title: 'senior' }, 'en')).toBe('senior teacher');
    expect(fillTemplate('{designation|label}', { designation: 'quality-senior' }, 'zh-CN')).toBe('优质高中');
    expect(fillTemplate('{x|label}', { x: 'county' }, 'zh-CN')).toBe('县');
    expect(fillTemplate('{x|label}', { x: 'no-such-code' }, 'zh-CN')).toBe('no-such-code');
  });

  it('the editor reads what a value means from the table, in both languages, for every field with fixed values', () => {
    for (const { schema } of enumFields()) {
      const vocabulary = VOCABULARY[schema['x-vocabulary'] as VocabularyName];
      for (const term of vocabulary.terms) {
        expect(enumMeaning(schema, term.code, 'zh-CN')).toBe(term.label['zh-CN']);
        expect(enumMeaning(schema, term.code, 'en')).toBe(term.label.en);
      }
    }
    // Before the table the server parsed help prose and gave the bare code in English.
    expect(enumMeaning(schemaAt('Staffing', ['staff', 0, 'title']), 'senior', 'en')).toBe('senior teacher');
    expect(unitText(schemaAt('SchoolBudget', ['budget', 'publicFunds']), 'zh-CN')).toBe('元');
  });

  it('the import word lists are the table\'s labels and words, field by field', () => {
    const staff = layoutFor('Staffing').table!.columns;
    const field = (key: string) => staff.find((f) => f.key === key)!;
    expect(convertCell('专任教师', field('role'))).toEqual({ value: 'teacher' });
    expect(convertCell('正高级', field('title'))).toEqual({ value: 'professor' });
    expect(convertCell('中小学高级教师', field('title'))).toEqual({ value: 'senior' });
    const level = layoutFor('SchoolBudget').block.find((f) => f.key === 'school.level')!;
    for (const term of VOCABULARY.level.terms) {
      for (const word of [term.label['zh-CN'], ...(term.words ?? [])]) expect(convertCell(word, level), word).toEqual({ value: term.code });
    }
    const designation = layoutFor('DistrictIndicators').table!.columns.find((f) => f.key === 'designation')!;
    expect(convertCell('标准化乡镇初中', designation)).toEqual({ value: 'standardized-township-junior' });
  });

  it('yes/no words are one list for import and for the fix of a schema/type finding', () => {
    const certified = layoutFor('Staffing').table!.columns.find((f) => f.key === 'certified')!;
    for (const term of VOCABULARY.boolean.terms) {
      for (const word of [term.label['zh-CN'], ...(term.words ?? [])]) {
        expect(parseHumanBoolean(word), word).toBe(term.code === 'true');
        expect(convertCell(word, certified), word).toEqual({ value: term.code === 'true' });
      }
    }
  });
});
