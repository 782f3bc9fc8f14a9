/**
 * Hover, quick fixes, completion, inlay hints and symbols over the wire, on the examples.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TestClient, example, exampleUri } from './lsp-client.js';

const BUDGET = exampleUri('noncompliant/budget.yaml');
const STAFFING = exampleUri('noncompliant/staffing.yaml');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

let client: TestClient;
let budgetDiagnostics: Diagnostic[];

beforeAll(async () => {
  client = await TestClient.start({
    locale: 'zh-cn',
    // What VS Code declares (the answers for a bare 3.17 client are in capabilities.test.ts).
    capabilities: {
      workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await client.open(BUDGET, example('noncompliant/budget.yaml'));
  await client.open(STAFFING, example('noncompliant/staffing.yaml'));
  budgetDiagnostics = await client.diagnosticsFor(BUDGET, 1);
  await client.diagnosticsFor(STAFFING, 1);
});
afterAll(() => client.stop());

const hover = async (uri: string, line: number, character: number) => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
};

const complete = async (uri: string, line: number, character: number) => {
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return (Array.isArray(r) ? r : (r?.items ?? [])) as CompletionItem[];
};

describe('hover', () => {
  it('explains teacherTraining: meaning in both languages, figures, the norm and its sentence', async () => {
    const text = await hover(BUDGET, 10, 22);
    expect(text).toContain('教师培训经费(元)');
    expect(text).toContain('Teacher-training funds (yuan)');
    expect(text).toContain('150,000 元:占公用经费 3.75%(要求 ≥ 5%)');
    expect(text).toContain('teacher-training-funds');
    expect(text).toContain('中小学校按照年度公用经费预算总额的 5%安排教师培训经费');
    expect(text).toContain('三(三)1(2)');
  });

  it('explains an enum value and a staff field by its record', async () => {
    expect(await hover(BUDGET, 6, 10)).toContain('`primary`: 小学');
    // line 22 (0-based 21): `    classTeacherAllowance: 600` in T001
    const allowance = await hover(STAFFING, 21, 8);
    expect(allowance).toContain('班主任津贴(元/月)');
    expect(allowance).toContain('`staff[0].classTeacherAllowance`');
    // a one-line record: `  - { id: T006, name: 孙老师, … }` (line 58)
    expect(await hover(STAFFING, 57, 18)).toContain('`staff[5].name`');
  });

  it('follows each version as typed, before its validation: a record edit moves the fields, an edit of the declaration ends the hover', async () => {
    const uri = 'untitled:typing.yaml';
    const text = example('noncompliant/staffing.yaml');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const lines = text.split('\n');
    const items = (before: number) => lines.slice(0, before).filter((x) => x.startsWith('  - ')).length;
    const nameLine = lines.findIndex((l, i) => l.startsWith('    name:') && items(i) === 3);
    expect(await hover(uri, nameLine, 6)).toContain('`staff[2].name`');
    // A line typed into the first record (a comment and a field): the third record is two lines lower, still staff[2].
    const firstRecordField = lines.findIndex((l, i) => l.startsWith('    ') && items(i) === 1);
    await client.change(uri, '    # 注释 𠀀\n    hiredYear: 2010\n', { start: { line: firstRecordField, character: 0 }, end: { line: firstRecordField, character: 0 } });
    expect(await hover(uri, nameLine + 2, 6)).toContain('`staff[2].name`');
    expect(await hover(uri, firstRecordField + 1, 6)).toContain('`staff[0].hiredYear`');
    // No longer a submission: nothing to explain, at once.
    const api = lines.findIndex((l) => l.startsWith('apiVersion:'));
    await client.change(uri, 'apiVersion: other/v1', { start: { line: api, character: 0 }, end: { line: api, character: lines[api]!.length } });
    expect(await hover(uri, nameLine + 2, 6)).toBe('');
    await client.close(uri);
  });
});

describe('code actions', () => {
  const actionsFor = async (uri: string, diagnostics: Diagnostic[]) =>
    (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];

  it('sets the compliant value, offers a reasoned suppression comment and the documentation', async () => {
    const actions = await actionsFor(BUDGET, budgetDiagnostics);
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toBe('改为 200000(符合要求的值)');
    expect(fix.edit?.changes?.[BUDGET]).toEqual([{ range: { start: { line: 10, character: 19 }, end: { line: 10, character: 25 } }, newText: '200000' }]);

    const disable = actions.find((a) => a.title.includes('忽略'))!;
    const change = disable.edit?.documentChanges?.[0] as { edits: { range: unknown; snippet: { value: string } }[] };
    expect(change.edits[0]!.range).toEqual({ start: { line: 10, character: 0 }, end: { line: 10, character: 0 } });
    // Indented like the line, cursor ($0) where the reason goes.
    expect(change.edits[0]!.snippet.value).toBe('  # edunorm-disable-next-line teacher-training-funds -- $0\n');

    const docs = actions.find((a) => a.command)!;
    expect(docs.command).toMatchObject({ command: 'edunorm.server.openRuleDocumentation', arguments: ['teacher-training-funds'] });
  });

  it('fixes a near-miss enum value and key, and a share written as a percentage', async () => {
    const uri = 'untitled:district.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "1", name: x, type: citty }\nyear: 2025\nindicators:\n  compulsoryRetentionRate: 97.5\n  standardizedSchoolRat: 0.95\n');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const fixes: [string | number | undefined, string | undefined][] = [];
    for (const d of diagnostics) {
      const actions = await actionsFor(uri, [d]);
      fixes.push([d.code, (actions.find((a) => a.isPreferred)?.edit?.changes?.[uri] as TextEdit[] | undefined)?.[0]?.newText]);
    }
    expect(fixes).toEqual([
      ['schema/enum', 'city'],
      ['schema/range', '0.975'],
      ['schema/unknown-key', 'standardizedSchoolRate'],
    ]);
  });

  it('fixes a key with two letters swapped (levle → level) and a misspelt rule id in a disable comment', async () => {
    const uri = 'untitled:near-miss.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 小学, levle: primary }\nfiscalYear: 2025\nbudget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line teacher-trainig-funds -- 县教育局批准\n  teacherTraining: 150000\n');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const fixes: [string | number | undefined, string | undefined, TextEdit | undefined][] = [];
    for (const d of diagnostics.filter((x) => x.code === 'schema/unknown-key' || x.code === 'directive/unknown-rule')) {
      const fix = (await actionsFor(uri, [d])).find((a) => a.isPreferred);
      fixes.push([d.code, fix?.title, (fix?.edit?.changes?.[uri] as TextEdit[] | undefined)?.[0]]);
    }
    expect(fixes).toEqual([
      ['schema/unknown-key', '改为 level', { range: { start: { line: 2, character: 31 }, end: { line: 2, character: 36 } }, newText: 'level' }],
      ['directive/unknown-rule', '改为 teacher-training-funds', { range: { start: { line: 6, character: 30 }, end: { line: 6, character: 51 } }, newText: 'teacher-training-funds' }],
    ]);
  });

  it('turns "4,200" into 4200', async () => {
    const diagnostics = (await client.diagnosticsFor(STAFFING, 1)).filter((d) => d.code === 'schema/type');
    const actions = await actionsFor(STAFFING, diagnostics);
    const edit = actions.find((a) => a.isPreferred)?.edit?.changes?.[STAFFING] as TextEdit[];
    expect(edit).toEqual([{ range: { start: { line: 40, character: 16 }, end: { line: 40, character: 23 } }, newText: '4200' }]);
  });
});

describe('completion', () => {
  it('completes school keys with their meaning, without the ones already there', async () => {
    const uri = 'untitled:new-budget.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  code: "1"\n  \n');
    const items = await complete(uri, 4, 2);
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['name', 'level', 'provincialModel']));
    expect(labels).not.toContain('code');
    expect(labels).not.toContain('teacherTraining');
    expect(items.find((i) => i.label === 'level')?.detail).toBe('学段');
    expect((items.find((i) => i.label === 'level')?.documentation as MarkupContent).value).toContain('School level');
  });

  it('does not pop up keys while indenting with spaces, but offers values after `key: `', async () => {
    const uri = 'untitled:spaces.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  \n  level: \n');
    const bySpace = (line: number, character: number) =>
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: ' ' } });
    expect(await bySpace(3, 2)).toEqual([]);
    const values = (await bySpace(4, 9)) as CompletionItem[];
    expect(values.map((i) => i.label)).toContain('primary');
  });

  it('completes enum values with their Chinese meaning', async () => {
    const uri = 'untitled:level.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  level: ju\n');
    const items = await complete(uri, 3, 11);
    const junior = items.find((i) => i.label === 'junior');
    expect(junior?.detail).toBe('初中');
    expect(junior?.textEdit).toEqual({ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 11 } }, newText: 'junior' });
  });

  it('offers a new staff record in a staff list and a skeleton for a new document', async () => {
    const uri = 'untitled:staff.yaml';
    await client.open(uri, `${example('noncompliant/staffing.yaml')}  \n---\n\n`);
    const staff = await complete(uri, 63, 2);
    const record = staff.find((i) => i.label === '新教职工记录');
    expect(record?.textEdit && 'newText' in record.textEdit && record.textEdit.newText).toMatch(/^- id: \$\{1:T001\}\n {2}name:/);
    const skeletons = (await complete(uri, 65, 0)).map((i) => i.label);
    expect(skeletons).toEqual(['SchoolBudget: 新建学校年度预算', 'Staffing: 新建教职工与薪酬', 'DistrictIndicators: 新建市/县教育发展指标']);
  });
});

describe('inlay hints and symbols', () => {
  it('shows the training share beside teacherTraining, and none when switched off', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: BUDGET }, range: WHOLE });
    expect(hints?.map((h) => [h.position, h.label])).toEqual([[{ line: 10, character: 25 }, '⚠ 占公用经费 3.75%(要求 ≥ 5%)']]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { edunorm: { inlayHints: { enabled: false } } } });
    expect(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: BUDGET }, range: WHOLE })).toEqual([]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { edunorm: { inlayHints: { enabled: true } } } });
  });

  it('shows the non-teaching share after `staff:` and the teachers\' average pay', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: STAFFING }, range: WHOLE });
    const labels = hints?.map((h) => [h.position.line, h.position.character, h.label]);
    expect(labels).toContainEqual([11, 6, '⚠ 管理、教辅及后勤人员 3/11 人 = 27.27%(上限 8%)']);
  });

  it('lists documents, the school and staff by id and name', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: STAFFING } })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([['Staffing', '130902101 李庄小学']]);
    const top = symbols[0]!.children!;
    expect(top.find((s) => s.name === 'school')?.children?.map((c) => c.name)).toEqual(['code', 'name', 'level']);
    const staff = top.find((s) => s.name === 'staff')!.children!.map((c) => c.name);
    expect(staff).toEqual(['T001 张老师', 'T002 李老师', 'T003 王老师', 'T004 赵老师', 'T005 钱老师', 'T006 孙老师', 'T007 周老师', 'T008 吴老师', 'M001 郑主任', 'A001 冯会计', 'L001 陈师傅']);
  });
});

describe('configuration files', () => {
  it('reports a misspelt rule id in edunorm.config.yaml on its line, and applies the config to data files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-ls-'));
    mkdirSync(join(dir, 'school'));
    const configText = 'rules:\n  teacher-training-fund: off\n';
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: warning\n');
    const configUri = pathToFileURL(join(dir, 'edunorm.config.yaml')).href;
    await client.open(configUri, configText);
    const problems = await client.diagnosticsFor(configUri, 1);
    expect(problems.map((d) => [d.code, d.range.start.line])).toEqual([['config/unknown-rule', 1]]);
    expect(problems[0]!.message).toContain('teacher-training-funds');

    const dataUri = pathToFileURL(join(dir, 'school', 'budget.yaml')).href;
    await client.open(dataUri, example('noncompliant/budget.yaml'));
    const data = await client.diagnosticsFor(dataUri, 1);
    expect(data.map((d) => [d.code, d.severity])).toEqual([['teacher-training-funds', 2]]);

    // The configuration changes on disk: open documents are checked again with it.
    const before = client.diagnostics.get(dataUri)!.length;
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  teacher-training-funds: off\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    const rechecked = await client.waitForDiagnostics(dataUri, (p) => client.diagnostics.get(dataUri)!.indexOf(p) >= before);
    expect(rechecked.diagnostics).toEqual([]);
  });
});

describe('templates for "New edunorm file"', () => {
  it('answers edunorm/template with the example of each kind, the text edunorm init writes', async () => {
    const { DOCUMENT_TEMPLATES } = await import('@edunorm/core/internal');
    for (const kind of ['SchoolBudget', 'Staffing', 'DistrictIndicators'] as const) {
      expect(await client.connection.sendRequest('edunorm/template', { kind })).toBe(DOCUMENT_TEMPLATES[kind]);
    }
  });
});
