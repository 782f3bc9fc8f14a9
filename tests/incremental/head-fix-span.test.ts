/**
 * Outside review D: a misspelled root key after the staff list (`fiscalYaer:` at the end of the
 * file) has a quick fix that renames the key in place. After an edit in a record that changes
 * the record's length, the incremental check kept the head's finding inputs as they were —
 * with the fix's span at the key's old offset — so the quick fix replaced the wrong characters
 * (the end of the line before the key and part of the key) while the finding itself was right.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/check.js';
import { IncrementalChecker } from '../../packages/core/src/incremental-check.js';
import { rng, staffingText } from '../../bench/corpus.mjs';

const OPTIONS = { measurements: true, workspace: true } as const;

describe('a head finding whose fix has a span, after the list', () => {
  it('moves with the text when a record before it grows or shrinks', async () => {
    let text = staffingText(rng(3), '99003', '测试学校', 'senior', 30) + 'fiscalYaer: 2025\n';
    const checker = new IncrementalChecker(OPTIONS);
    await checker.check(text);
    for (const [from, to] of [['annualSalary: ', 'annualSalary: 77'], ['- id: T00004\n    name: ', '- id: T00004\n    name: 𠀀王'], ['annualSalary: 77', 'annualSalary: ']] as const) {
      text = text.replace(from, to);
      const result = await checker.check(text);
      expect(checker.lastPath).toBe('record');
      expect(result).toStrictEqual(await check(text, OPTIONS));
      const unknown = result.findings.find((f) => f.ruleId === 'schema/unknown-key')!;
      // The fix renames exactly the key the finding is on.
      expect(unknown.fix!.range).toEqual(unknown.range);
      expect(text.slice(unknown.fix!.range.start.offset, unknown.fix!.range.end.offset)).toBe('fiscalYaer');
    }
  });
});
