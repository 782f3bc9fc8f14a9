/**
 * Diagnostics over the wire, as a Neovim-like client (push) and a VS Code-like client (pull)
 * get them from the built `edunorm-language-server --stdio`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentDiagnosticRequest, HoverRequest, InlayHintRequest, DocumentSymbolRequest, CompletionRequest } from 'vscode-languageserver-protocol';
import { TestClient, example, exampleUri } from './lsp-client.js';

const BUDGET = exampleUri('noncompliant/budget.yaml');
const STAFFING = exampleUri('noncompliant/staffing.yaml');
const DOC_BASE = 'https://github.com/edunorm/edunorm/blob/main/docs/rules/';

describe('push diagnostics (client without pull support, e.g. Neovim 0.7)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'zh-cn' });
  });
  afterAll(() => client.stop());

  it('reports the training-funds shortfall on line 11 with code, range, severity, source and doc link', async () => {
    await client.open(BUDGET, example('noncompliant/budget.yaml'));
    const diagnostics = await client.diagnosticsFor(BUDGET, 1);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('teacher-training-funds');
    expect(d.source).toBe('edunorm');
    expect(d.severity).toBe(1);
    // `  teacherTraining: 150000`: the value 150000 is at 0-based line 10, characters 19–25.
    expect(d.range).toEqual({ start: { line: 10, character: 19 }, end: { line: 10, character: 25 } });
    expect(d.codeDescription?.href).toBe(`${DOC_BASE}teacher-training-funds.md`);
    expect(d.message).toContain('3.75%');
    expect(d.message).toContain('200,000');
    expect(d.relatedInformation?.[0]?.location.range.start).toEqual({ line: 9, character: 15 });
    expect(d.relatedInformation?.[0]?.message).toContain('4,000,000');
  });

  it('clears exactly that diagnostic when the value becomes compliant, and brings it back', async () => {
    const fixed = await client.change(BUDGET, '200000', { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } });
    expect(await client.diagnosticsFor(BUDGET, fixed)).toEqual([]);
    const broken = await client.change(BUDGET, '199000', { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } });
    const again = await client.diagnosticsFor(BUDGET, broken);
    expect(again.map((d) => d.code)).toEqual(['teacher-training-funds']);
    expect(again[0]!.message).toContain('1,000');
  });

  it('debounces a burst of keystrokes: the last version is validated, stale ones never shown', async () => {
    const before = client.diagnostics.get(BUDGET)!.length;
    const text = example('noncompliant/budget.yaml');
    let version = 0;
    // Typing 2, 20, 200, … 200000 within a few milliseconds.
    for (const typed of ['2', '20', '200', '2000', '20000', '200000']) {
      version = await client.change(BUDGET, text.replace('150000', typed));
    }
    expect(await client.diagnosticsFor(BUDGET, version)).toEqual([]);
    const published = client.diagnostics.get(BUDGET)!.slice(before);
    expect(published.map((p) => p.version)).toEqual([version]);
  });

  it('reports "4,200" written as text in a staff record, with a fix in the message', async () => {
    await client.open(STAFFING, example('noncompliant/staffing.yaml'));
    const diagnostics = await client.diagnosticsFor(STAFFING, 1);
    const type = diagnostics.find((d) => d.code === 'schema/type');
    expect(type?.range.start).toEqual({ line: 40, character: 16 });
    expect(type?.codeDescription?.href).toBe(`${DOC_BASE}schema-type.md`);
    expect(type?.message).toContain('4200');
  });

  it('stays silent on YAML that is not an edunorm file', async () => {
    const uri = exampleUri('not-edunorm.yaml');
    await client.open(uri, example('not-edunorm.yaml'));
    const position = { line: 0, character: 2 };
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })).toBeNull();
    expect(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })).toEqual([]);
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).toEqual([]);
    expect(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: position, end: { line: 99, character: 0 } } })).toEqual([]);
    // Give a validation every chance to (wrongly) publish something.
    await new Promise((r) => setTimeout(r, 400));
    expect(client.diagnostics.get(uri)).toBeUndefined();
  });

  it('survives garbage: binary, broken YAML, alias bombs, deep nesting, and keeps answering', async () => {
    const garbage = [
      'apiVersion: edunorm/v1\n\u0000\u0001\uFFFF: [\n{{{',
      'apiVersion: edunorm/v1\nkind: Staffing\nstaff:\n' + '  - '.repeat(2000) + 'x\n',
      'apiVersion: edunorm/v1\nkind: SchoolBudget\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      'apiVersion: edunorm/v1\n' + '['.repeat(5000),
      'apiVersion: edunorm/v1\nkind: SchoolBudget\n---\n---\napiVersion: edunorm/v1\nkind: [1, 2]\nschool: "x\n',
      'apiVersion: "edunorm/v1\n\t\tkind:\n  - - - : : :\n',
    ];
    for (const [i, text] of garbage.entries()) {
      const uri = `untitled:garbage-${i}.yaml`;
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1, 20_000);
      expect(Array.isArray(diagnostics)).toBe(true);
      // Every other feature answers on garbage too.
      const position = { line: 1, character: 3 };
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
      await client.close(uri);
    }
    expect(client.alive).toBe(true);
    // The server still validates real documents afterwards.
    const v = await client.change(BUDGET, '100000', { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } });
    expect((await client.diagnosticsFor(BUDGET, v)).map((d) => d.code)).toEqual(['teacher-training-funds']);
  });
});

describe('pull diagnostics (client with textDocument/diagnostic, e.g. VS Code) and English', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'en', capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  });
  afterAll(() => client.stop());

  it('serves diagnostics on request in the display language and does not push them', async () => {
    await client.open(BUDGET, example('noncompliant/budget.yaml'));
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: BUDGET } });
    expect(report.kind).toBe('full');
    const items = report.kind === 'full' ? report.items : [];
    expect(items.map((d) => [d.code, d.range.start.line, d.severity])).toEqual([['teacher-training-funds', 10, 1]]);
    expect(items[0]!.message).toMatch(/^Teacher-training funds of 150,000 yuan are 3.75% of public funds/);
    await client.change(BUDGET, '200000', { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } });
    const after = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: BUDGET } });
    expect(after.kind === 'full' && after.items).toEqual([]);
    expect(client.diagnostics.get(BUDGET)).toBeUndefined();
  });
});
