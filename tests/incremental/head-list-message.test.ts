/**
 * Outside review D: a field the schema wants as fields written as a list (`school:` with `- `
 * items, a file being started with one staff member) is the longest list of the document, so
 * the editor re-reads one of its items alone. The structure check then kept the head's finding
 * as it was — "`school` must contain nested fields …; it is [{…"李庄小学"…}]" — after the name
 * was changed to 张庄小学: the message quoted text that was no longer in the file.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/check.js';
import { IncrementalChecker } from '../../packages/core/src/incremental-check.js';

describe('a list the schema does not judge record by record, edited in one item', () => {
  it('is validated again: its finding quotes the value as it is now', async () => {
    let text = 'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  - code: "130925101"\n  - name: 李庄小学\n  - level: primary\nfiscalYear: 2025\nstaff:\n  - id: T001\n    name: 王芳\n    role: teacher\n';
    for (const locale of ['en', 'zh-CN'] as const) {
      const checker = new IncrementalChecker({ locale });
      await checker.check(text);
      for (const [from, to] of [['李庄小学', '张庄小学'], ['level: primary', 'level: junior'], ['张庄小学', '李庄小学']] as const) {
        text = text.replace(from, to);
        const result = await checker.check(text);
        expect(result).toStrictEqual(await check(text, { locale }));
        const type = result.findings.find((f) => f.ruleId === 'schema/type' && f.path === 'school')!;
        expect(type.message).toContain(to.replace('level: ', ''));
      }
    }
  });
});
