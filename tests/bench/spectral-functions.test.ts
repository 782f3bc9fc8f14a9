// The Spectral side of `npm run bench` is only a fair comparison if its four custom functions
// find what edunorm finds. Without installing Spectral (the bench does, from the registry),
// each function is run here on every test document of its norm's rule file — the boundary
// cases of rules/plan14/<id>.yaml — and on the bench corpus, and must report the violations,
// at the same paths, that @edunorm/core reports.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '@edunorm/core';
import { writeCorpus } from '../../bench/corpus.mjs';
import { ROOT } from '../helpers/paths.js';

const FUNCTIONS: Record<string, string> = {
  'teacher-training-funds': 'teacherTrainingFunds',
  'class-teacher-allowance': 'classTeacherAllowance',
  'special-education-subsidy': 'specialEducationSubsidy',
  'non-teaching-staff-share': 'nonTeachingStaffShare',
};

type SpectralFn = (doc: unknown) => { path: (string | number)[] }[];
const load = async (name: string): Promise<SpectralFn> => (await import(join(ROOT, 'bench', 'spectral', 'functions', `${name}.js`))).default as SpectralFn;
const spectralPath = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

/** edunorm's paths of one norm's findings and the Spectral function's, for one document (checked once). */
async function both(id: string, fn: SpectralFn, text: string, findings?: { ruleId: string; path: string }[]) {
  const edunorm = (findings ?? (await check(text)).findings).filter((f) => f.ruleId === id).map((f) => f.path).sort();
  const spectral = fn(parse(text)).map((r) => spectralPath(r.path)).sort();
  return { edunorm, spectral };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('bench/spectral/functions: the four norms as Spectral functions find what edunorm finds', () => {
  for (const [id, name] of Object.entries(FUNCTIONS)) {
    it(`${id}: every test document of its rule file`, async () => {
      const fn = await load(name);
      const rule = parse(readFileSync(join(ROOT, 'rules', 'plan14', `${id}.yaml`), 'utf8')) as { tests: Record<'valid' | 'invalid', { name: string; document: string; params?: unknown }[]> };
      let cases = 0;
      let violations = 0;
      for (const kind of ['valid', 'invalid'] as const) {
        for (const c of rule.tests[kind] ?? []) {
          // A case with its own params tests a county's setting; the Spectral ruleset has the plan's defaults.
          if (c.params) continue;
          const r = await both(id, fn, c.document);
          expect(r.spectral, `${id}: ${c.name}`).toEqual(r.edunorm);
          cases++;
          violations += r.edunorm.length;
        }
      }
      expect(cases).toBeGreaterThan(2);
      expect(violations).toBeGreaterThan(0);
    });
  }

  it('on the bench corpus, file by file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-spectral-fn-'));
    dirs.push(dir);
    const { city } = writeCorpus(dir, { schools: 30, large: false });
    const files = readdirSync(city, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const totals: Record<string, number> = {};
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { findings } = await check(text);
      for (const [id, name] of Object.entries(FUNCTIONS)) {
        const r = await both(id, await load(name), text, findings);
        expect(r.spectral, `${id} in ${file}`).toEqual(r.edunorm);
        totals[id] = (totals[id] ?? 0) + r.edunorm.length;
      }
    }
    // The corpus has violations of every one of the four norms, so the timing compares real work.
    for (const id of Object.keys(FUNCTIONS)) expect(totals[id], id).toBeGreaterThan(0);
  });
});
