/**
 * Fuzzing `check()`: mutations of every example and every rule test document. Properties:
 * it never throws, every range lies inside the text with lines and columns that agree with
 * the offsets, every message is non-empty.
 *
 * `npm test`: FUZZ_RUNS cases in all (default 1,000); `npm run fuzz`: 10,000.
 * Replay a failure with FUZZ_SEED=<seed printed by fast-check>.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { check, type Locale } from '../../packages/core/src/index.js';
import { resultProblems } from '../helpers/findings.js';
import { FUZZ_RUNS, FUZZ_SEED, mutationsOf, seeds } from './mutations.js';

const ALL = seeds();
const perSeed = Math.ceil(FUZZ_RUNS / ALL.length);
let cases = 0;
let findings = 0;
const ruleIds = new Map<string, number>();

afterAll(() => {
  // The count is part of the closing note; vitest shows it with the test output.
  console.log(`fuzz check(): ${cases} cases over ${ALL.length} seeds, ${findings} findings, ${ruleIds.size} distinct rule ids`);
});

describe(`check() on mutated documents (${perSeed} cases per seed, ${ALL.length} seeds)`, () => {
  it('has seeds from the examples and from every rule file', () => {
    expect(ALL.filter((s) => s.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(5);
    expect(new Set(ALL.filter((s) => s.name.startsWith('rules/')).map((s) => s.name.split(' ')[0])).size).toBeGreaterThanOrEqual(10);
    expect(perSeed * ALL.length).toBeGreaterThanOrEqual(FUZZ_RUNS);
  });

  for (const seed of ALL) {
    it(seed.name, async () => {
      await fc.assert(
        fc.asyncProperty(mutationsOf(seed.text), fc.constantFrom<Locale>('zh-CN', 'en'), fc.boolean(), async (text, locale, measurements) => {
          cases++;
          let result;
          const t0 = performance.now();
          try {
            result = await check(text, { locale, measurements, reportUnusedDirectives: measurements });
          } catch (error) {
            throw new Error(`check threw on ${JSON.stringify(text)}: ${error instanceof Error ? error.stack : String(error)}`);
          }
          const ms = performance.now() - t0;
          if (ms > 5_000) throw new Error(`check took ${Math.round(ms)} ms on ${JSON.stringify(text)}`);
          const problems = resultProblems(text, result);
          if (problems.length) throw new Error(`${problems.slice(0, 5).join('\n')}\ntext: ${JSON.stringify(text)}`);
          findings += result.findings.length;
          for (const f of result.findings) ruleIds.set(f.ruleId, (ruleIds.get(f.ruleId) ?? 0) + 1);
        }),
        { numRuns: perSeed, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}), endOnFailure: true },
      );
    });
  }
});
