/**
 * Hostile inputs the YAML parse layer (packages/core/src/parse/) mishandles today. These tests
 * FAIL until the parse layer is fixed; they are the regression suite for its rewrite.
 * Not committed by the reliability work: handed over to the parse layer's owner.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';
import { brief, resultProblems } from '../helpers/findings.js';
import { budget, deepBlockSeq, deepFlowMap, deepFlowSeq } from './inputs.js';

describe('parse layer: deep nesting is reported as such, not as an exhausted call stack', () => {
  // Today `yaml` recurses per level, overflows the stack near depth 800 (less in a worker
  // thread with a small stack), catches the RangeError and reports
  // "YAML syntax error: Maximum call stack size exceeded" — a stack overflow, reported.
  for (const [name, text] of [
    ['flow sequences, 10,000 deep', deepFlowSeq()],
    ['flow mappings, 10,000 deep', deepFlowMap()],
    ['block sequences, 10,000 deep', deepBlockSeq()],
    ['flow sequences, 1,000 deep', deepFlowSeq(1_000)],
  ] as const) {
    it(name, async () => {
      const r = await check(text, { locale: 'en' });
      expect(resultProblems(text, r)).toEqual([]);
      const messages = r.findings.map((f) => `${f.ruleId}: ${f.message}`);
      expect(messages.join('\n')).not.toMatch(/call stack|stack size|RangeError/i);
      expect(messages.some((m) => /nest|deep|depth/i.test(m)), messages.join('\n')).toBe(true);
    });
  }
});

describe('parse layer: line breaks YAML allows', () => {
  it('CR-only line breaks (classic Mac, some spreadsheet exports): read as lines, finding on line 10', async () => {
    // YAML 1.2 §5.4: a line break is CRLF, CR or LF. Today every line after the first is a
    // syntax error, each reported on the line editors show.
    const text = budget(4800000, 1000).replace(/\n/g, '\r');
    const r = await check(text, { locale: 'en' });
    expect(r.findings.map(brief)).toEqual(['teacher-training-funds@10:20']);
  });
});
