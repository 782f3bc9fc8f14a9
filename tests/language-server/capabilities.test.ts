/**
 * The server answers each client in the shapes it declared (issue 10 item 17), and every
 * answer of a session conforms to the LSP 3.17 metaModel (tests/fixtures/lsp): a bare 3.17
 * client (no Markdown, no CodeAction literals, no hierarchical symbols) and a VS Code-like one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  HoverRequest,
  InlayHintRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type InlayHint,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { TestClient, example, exampleUri } from './lsp-client.js';
import { META_MODEL_VERSION, arrayOf, check, checkNotification, checkResult } from './meta-model.js';

const BUDGET = exampleUri('noncompliant/budget.yaml');
const STAFFING = exampleUri('noncompliant/staffing.yaml');
const HOVER_AT = { line: 10, character: 22 }; // `teacherTraining` in the budget
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** Sends a request, checks its result against the metaModel, returns it. */
async function ask<R>(client: TestClient, method: string, params: unknown): Promise<R> {
  const result = await client.connection.sendRequest<R>(method, params);
  expect(checkResult(method, result), `${method} conforms to LSP ${META_MODEL_VERSION}`).toEqual([]);
  return result;
}

const errorCodeOf = (promise: Promise<unknown>) => promise.then(() => 'answered', (e: { code?: number }) => e.code);

/** Every feature the server offers, once, on the two examples; answers checked against the model. */
async function session(client: TestClient, pull = false) {
  await client.open(BUDGET, example('noncompliant/budget.yaml'));
  await client.open(STAFFING, example('noncompliant/staffing.yaml'));
  const pulled = (uri: string) => ask<{ items: Diagnostic[] }>(client, DocumentDiagnosticRequest.method, { textDocument: { uri } }).then((r) => r.items);
  const diagnostics = pull ? await pulled(BUDGET) : await client.diagnosticsFor(BUDGET, 1);
  if (pull) await pulled(STAFFING);
  else await client.diagnosticsFor(STAFFING, 1);
  for (const [uri, published] of client.diagnostics) for (const p of published) expect(checkNotification('textDocument/publishDiagnostics', p), uri).toEqual([]);
  const hover = await ask<{ contents: MarkupContent } | null>(client, HoverRequest.method, { textDocument: { uri: BUDGET }, position: HOVER_AT });
  const completion = await ask<CompletionItem[]>(client, CompletionRequest.method, { textDocument: { uri: BUDGET }, position: { line: 6, character: 2 } });
  const actions = await ask<unknown[]>(client, CodeActionRequest.method, { textDocument: { uri: BUDGET }, range: diagnostics[0]!.range, context: { diagnostics } });
  const symbols = await ask<unknown[]>(client, DocumentSymbolRequest.method, { textDocument: { uri: STAFFING } });
  const hints = await ask<InlayHint[]>(client, InlayHintRequest.method, { textDocument: { uri: BUDGET }, range: WHOLE });
  await ask(client, CompletionRequest.method, { textDocument: { uri: BUDGET }, position: { line: 5, character: 9 } });
  return { diagnostics, hover, completion, actions, symbols, hints };
}

describe('a bare LSP 3.17 client: plain text, Command[], SymbolInformation[], the lifecycle', () => {
  const capabilities: ClientCapabilities = { workspace: { applyEdit: true } };
  let client: TestClient;
  let answers: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    client = await TestClient.start({ locale: 'zh-cn', skipInitialize: true });
  });
  afterAll(() => client.stop());

  it('refuses requests before initialize with -32002 (ServerNotInitialized), then initializes', async () => {
    expect(await errorCodeOf(client.connection.sendRequest(HoverRequest.method, { textDocument: { uri: BUDGET }, position: HOVER_AT }))).toBe(ErrorCodes.ServerNotInitialized);
    expect(await errorCodeOf(client.connection.sendRequest('edunorm/rules', {}))).toBe(ErrorCodes.ServerNotInitialized);
    expect(await errorCodeOf(client.connection.sendRequest('textDocument/definition', { textDocument: { uri: BUDGET }, position: HOVER_AT }))).toBe(ErrorCodes.ServerNotInitialized);
    const init = await client.initialize({ capabilities, locale: 'zh-cn' });
    expect(checkResult('initialize', init)).toEqual([]);
    answers = await session(client);
  });

  it('answers codeAction with Command[] and applies a fix through workspace/applyEdit', async () => {
    const commands = answers.actions as Command[];
    expect(check(commands, arrayOf('Command'))).toEqual([]);
    expect(commands.map((c) => c.title)).toEqual(['改为 200000(符合要求的值)', '在上一行添加忽略注释:teacher-training-funds(须写明原因)', '查看规则说明:teacher-training-funds']);
    await ask(client, ExecuteCommandRequest.method, { command: commands[0]!.command, arguments: commands[0]!.arguments });
    expect(client.appliedEdits).toEqual([{ edit: { changes: { [BUDGET]: [{ range: { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } }, newText: '200000' }] } } }]);
  });

  it('writes hover and completion documentation as plain text', async () => {
    expect(answers.hover?.contents.kind).toBe('plaintext');
    const text = answers.hover!.contents.value;
    expect(text).toContain('教师培训经费(元) · Teacher-training funds (yuan)');
    expect(text).toContain('teacher-training-funds <https://github.com/edunorm/edunorm/blob/main/docs/rules/teacher-training-funds.md>');
    expect(text).not.toMatch(/\*\*|`|\]\(/);
    expect(answers.hints.length).toBeGreaterThan(0);
    for (const hint of answers.hints) expect(typeof hint.tooltip === 'string' && !/\*\*|`/.test(hint.tooltip), JSON.stringify(hint.tooltip)).toBe(true);
    const documented = answers.completion.filter((i) => i.documentation !== undefined);
    expect(documented.length).toBeGreaterThan(0);
    for (const item of documented) {
      expect(typeof item.documentation).toBe('string');
      expect(item.documentation as string).not.toMatch(/\*\*|`/);
    }
  });

  it('lists symbols as SymbolInformation[] naming their container', async () => {
    const symbols = answers.symbols as SymbolInformation[];
    expect(check(symbols, arrayOf('SymbolInformation'))).toEqual([]);
    expect(symbols[0]).toMatchObject({ name: 'Staffing', location: { uri: STAFFING } });
    expect(symbols.find((s) => s.name === 'T001 张老师')).toMatchObject({ containerName: 'staff', location: { uri: STAFFING } });
  });

  it('refuses requests after shutdown with InvalidRequest', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    expect(await errorCodeOf(client.connection.sendRequest(HoverRequest.method, { textDocument: { uri: BUDGET }, position: HOVER_AT }))).toBe(ErrorCodes.InvalidRequest);
    expect(await errorCodeOf(client.connection.sendRequest(ShutdownRequest.method))).toBe(ErrorCodes.InvalidRequest);
    expect(await errorCodeOf(client.connection.sendRequest('textDocument/definition', { textDocument: { uri: BUDGET }, position: HOVER_AT }))).toBe(ErrorCodes.InvalidRequest);
  });
});

describe('a VS Code-like client: Markdown, CodeAction[], DocumentSymbol[], pull diagnostics', () => {
  let client: TestClient;
  let answers: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    client = await TestClient.start({
      locale: 'en',
      capabilities: {
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          diagnostic: { dynamicRegistration: false },
        },
      },
    });
    answers = await session(client, true);
  });
  afterAll(() => client.stop());

  it('answers in the rich shapes, each conforming to the 3.17 model', async () => {
    expect(check(answers.actions, arrayOf('CodeAction'))).toEqual([]);
    expect(answers.hover?.contents.kind).toBe('markdown');
    expect(answers.hover!.contents.value).toContain('**Teacher-training funds (yuan)**');
    expect(check(answers.symbols, arrayOf('DocumentSymbol'))).toEqual([]);
    expect(answers.diagnostics.map((d) => d.code)).toEqual(['teacher-training-funds']);
  });
});

describe('the metaModel check itself', () => {
  it('rejects what a 3.17 client cannot read: a 3.18 snippet edit, an unknown markup kind, a missing range', () => {
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    expect(check({ changes: { 'file:///a.yaml': [{ range: at, newText: 'x' }] } }, { kind: 'reference', name: 'WorkspaceEdit' })).toEqual([]);
    expect(check({ documentChanges: [{ textDocument: { uri: 'file:///a.yaml', version: 1 }, edits: [{ range: at, snippet: { kind: 'snippet', value: '$0' } }] }] }, { kind: 'reference', name: 'WorkspaceEdit' })).not.toEqual([]);
    expect(checkResult('textDocument/hover', { contents: { kind: 'html', value: '<b>' } })).not.toEqual([]);
    expect(checkResult('textDocument/documentSymbol', [{ name: 'x', kind: 5, location: { uri: 'file:///a.yaml' } }])).not.toEqual([]);
    expect(checkResult('textDocument/codeAction', [{ title: 'x', command: 'y' }])).toEqual([]);
  });
});
