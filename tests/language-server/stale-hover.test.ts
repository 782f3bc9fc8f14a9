/**
 * Outside review D: hover right after an edit, before the edited version is validated. Hover
 * shows the findings and figures of the field under the cursor, found by path (`staff[0]…`);
 * it took them from the last result, made before the edit — after the first staff record was
 * deleted, hovering over the new first person's allowance showed the deleted person's finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const HEAD = 'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  code: "130925101"\n  name: 李庄小学\n  level: primary\nfiscalYear: 2025\nreference:\n  localAvgMonthlyPerformancePay: 3200\nstaff:\n';
const person = (id: string, allowance: number) => `  - id: ${id}\n    name: 教师${id}\n    role: teacher\n    title: second\n    certified: true\n    classTeacher: true\n    classTeacherAllowance: ${allowance}\n`;
const TEXT = HEAD + person('T001', 100) + person('T002', 900);

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.start({ capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
});
afterAll(() => client.stop());

const hover = async (uri: string, line: number, character: number) => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
};

describe('hover asked for before the edited version is validated', () => {
  it('shows no finding of the text before the edit at once, and those of the text as it is once it is validated', async () => {
    const uri = 'file:///tmp/reviewD-stale-hover.yaml';
    await client.open(uri, TEXT);
    await client.diagnosticsFor(uri, 1);
    const lines = TEXT.split('\n');
    const first = lines.indexOf('  - id: T001');
    // T001's record deleted: T002 is staff[0] now; hover at once over its allowance.
    await client.change(uri, '', { start: { line: first, character: 0 }, end: { line: first + 7, character: 0 } });
    const allowanceLine = first + 6;
    // At once: the field's meaning, never the deleted person's finding (班主任教师T001 … 100 元).
    const now = await hover(uri, allowanceLine, 28);
    expect(now).toContain('classTeacherAllowance');
    expect(now).not.toContain('T001');
    expect(now).not.toContain('100 元');
    const fresh = 'file:///tmp/reviewD-stale-hover-fresh.yaml';
    await client.open(fresh, TEXT.replace(person('T001', 100), ''));
    await client.diagnosticsFor(fresh, 1);
    const want = await hover(fresh, allowanceLine, 28);
    // Once this version is validated: what a fresh open of the same text shows.
    await client.diagnosticsFor(uri, 2);
    expect(await hover(uri, allowanceLine, 28)).toBe(want);
    await client.close(fresh);
    await client.close(uri);
  });
});
