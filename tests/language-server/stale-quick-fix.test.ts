/**
 * Outside review D: a quick fix asked for right after an edit, before the edited version was
 * validated (the server waits 150 ms of quiet, and a large file takes longer to check). The
 * client sends the diagnostics it shows, their ranges already moved with the edit; the server
 * answered with the fix of its last result, whose range is in the text before the edit — so
 * "Rename to fiscalYear" replaced characters on the line above the misspelled key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { rng, staffingText } from '../../bench/corpus.mjs';
import { TestClient } from './lsp-client.js';

const TEXT = staffingText(rng(5), '99005', '修复学校', 'senior', 20) + 'fiscalYaer: 2025\n';

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.start({ capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } } });
});
afterAll(() => client.stop());

describe('a quick fix asked for before the edited version is validated', () => {
  it('edits the text as it is now, not as it was at the last validation', async () => {
    const uri = 'file:///tmp/reviewD-stale-fix.yaml';
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const unknown = diagnostics.find((d) => d.code === 'schema/unknown-key')!;
    const keyLine = TEXT.split('\n').indexOf('fiscalYaer: 2025');
    expect(unknown.range.start).toEqual({ line: keyLine, character: 0 });
    // A comment line typed at the top, and at once the quick fix on the key (moved a line down, as the client shows it).
    await client.change(uri, '# 备注\n', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const shown: Diagnostic = { ...unknown, range: { start: { line: keyLine + 1, character: 0 }, end: { line: keyLine + 1, character: 10 } } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: shown.range, context: { diagnostics: [shown] } })) as CodeAction[];
    // The rename replaces the key where it is now.
    const rename = actions.find((a) => a.isPreferred)!;
    expect(rename.title).toBe('改为 fiscalYear');
    expect(rename.edit!.changes![uri]).toEqual([{ range: { start: { line: keyLine + 1, character: 0 }, end: { line: keyLine + 1, character: 10 } }, newText: 'fiscalYear' }]);
    // The suppression comment goes above the line the client shows the finding on.
    const disable = actions.find((a) => a.title.includes('忽略'))!;
    expect(disable.edit!.changes![uri]![0]!.range.start).toEqual({ line: keyLine + 1, character: 0 });
    await client.close(uri);
  });
});
