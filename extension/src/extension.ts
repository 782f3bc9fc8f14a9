/**
 * The edunorm VS Code extension: starts the bundled edunorm language server for YAML files
 * that declare `apiVersion: edunorm/…` (and for edunorm.config.yaml), adds the commands and
 * the language status item. All checking happens in the server; this is the glue.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LanguageStatus } from './language-status.js';
import { CHECK_FILES_REQUEST, RULES_REQUEST, SKELETON_REQUEST, STATUS_NOTIFICATION, TEMPLATE_REQUEST, type CheckFilesResult, type RuleInfo, type StatusParams } from './protocol.js';
import { say } from './ui-text.js';

const SELECTOR: { language: string; scheme: string }[] = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
];

const EDUNORM_MARK = /^[ \t]*["']?apiVersion["']?[ \t]*:[ \t]*["']?edunorm\//m;
const CONFIG_NAME = /(^|[\\/])edunorm\.config\.ya?ml$/;

/** Whether a document is one the server has something to say about. */
function isEdunormDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml') return false;
  if (CONFIG_NAME.test(document.fileName)) return true;
  // Reading the whole text of a huge file is what the server does anyway; the mark is near the top.
  return EDUNORM_MARK.test(document.getText());
}

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;
let status: LanguageStatus | undefined;

/** API for tests: wait until the server runs, read the latest status of a document. */
export interface EdunormExtensionApi {
  ready(): Promise<void>;
  statusOf(uri: vscode.Uri): StatusParams | undefined;
}

function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  if (starting) return starting;
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const settings = vscode.workspace.getConfiguration('edunorm');
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    // Rule files and configurations anywhere in the workspace change what files are checked with.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
    initializationOptions: {
      locale: settings.get('locale', 'auto'),
      inlayHints: { enabled: settings.get('inlayHints.enabled', true) },
      reportUnusedDisableDirectives: settings.get('reportUnusedDisableDirectives', false),
      statusNotifications: true,
    },
    outputChannelName: 'edunorm',
  };
  const c = new LanguageClient('edunorm', 'edunorm', serverOptions, clientOptions);
  client = c;
  context.subscriptions.push(c.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status?.update(p)));
  starting = c.start().then(() => c);
  return starting;
}

async function checkWorkspace(context: vscode.ExtensionContext): Promise<CheckFilesResult | undefined> {
  const c = await startClient(context);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: say('edunorm:正在检查工作区……', 'edunorm: checking the workspace…') },
    async () => {
      const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/{node_modules,.git}/**');
      const result = await c.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: files.map((f) => f.toString()) });
      const unchecked = result.unchecked > 0 ? say(`另有 ${result.unchecked} 个文件未能检查(见“问题”面板)。`, ` ${result.unchecked} files could not be checked (see Problems).`) : '';
      const message = say(
        `edunorm:检查了 ${result.checked} 个数据文件,${result.errors} 个错误,${result.warnings} 个警告,${result.infos} 条提示。${unchecked}`,
        `edunorm: checked ${result.checked} data files: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos.${unchecked}`,
      );
      const open = say('打开“问题”面板', 'Open Problems');
      void vscode.window.showInformationMessage(message, open).then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    },
  );
}

async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  const editor = vscode.window.activeTextEditor;
  if (!id && editor) {
    // The rule of the edunorm problem under the cursor, if there is one.
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .find((d) => d.source === 'edunorm' && d.range.contains(editor.selection.active));
    const code = here?.code;
    id = typeof code === 'object' ? String(code.value) : code !== undefined ? String(code) : undefined;
  }
  const c = await startClient(context);
  const rules = await c.sendRequest<RuleInfo[]>(RULES_REQUEST, { uri: editor?.document.uri.toString() });
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, detail: r.pack, rule: r })),
      { placeHolder: say('选择要查看说明的规则', 'Choose a rule to read about'), matchOnDescription: true },
    );
    id = picked?.rule.id;
  }
  if (!id) return;
  // The server gives the url of every rule with a page (core's ruleDocUrl); a local pack's rule has none.
  const url = rules.find((r) => r.id === id)?.url;
  if (!url) {
    void vscode.window.showInformationMessage(say(`规则 ${id} 没有在线说明页:它来自本地规则包,说明见其规则文件。`, `${id} has no documentation page: it comes from a local rule pack; its rule file describes it.`));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}

async function newSchoolBudget(context: vscode.ExtensionContext): Promise<void> {
  const c = await startClient(context);
  const snippet = await c.sendRequest<string>(SKELETON_REQUEST, { kind: 'SchoolBudget' });
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippet));
}

/** The three document kinds, as the "New edunorm file" picker names them. */
const NEW_FILE_KINDS = [
  { kind: 'SchoolBudget', zh: '学校年度预算', en: 'School budget', zhDetail: '公用经费、教师培训经费……', enDetail: 'public funds, teacher training, …' },
  { kind: 'Staffing', zh: '教职工与薪酬', en: 'Staffing and pay', zhDetail: '教职工名单、职称、工资、培训学时……', enDetail: 'staff list, titles, pay, training hours, …' },
  { kind: 'DistrictIndicators', zh: '市县教育发展指标', en: 'District indicators', zhDetail: '巩固率、标准化率、学校名单……', enDetail: 'retention, standardization, school list, …' },
] as const;

/**
 * "New edunorm file": an untitled YAML document holding the example of the chosen kind —
 * the same text `edunorm init` writes (the server sends it from @edunorm/core). A kind given
 * as argument (walkthrough links, tests) skips the picker. Returns the new document.
 */
async function newEdunormFile(context: vscode.ExtensionContext, kindArg?: unknown): Promise<vscode.TextDocument | undefined> {
  let kind = NEW_FILE_KINDS.find((k) => k.kind === kindArg)?.kind;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      NEW_FILE_KINDS.map((k) => ({ label: say(k.zh, k.en), description: k.kind, detail: say(k.zhDetail, k.enDetail), documentKind: k.kind })),
      { placeHolder: say('选择要新建的文件类型', 'Choose the kind of file to create') },
    );
    kind = picked?.documentKind;
  }
  if (!kind) return undefined;
  const c = await startClient(context);
  const content = await c.sendRequest<string>(TEMPLATE_REQUEST, { kind });
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(document);
  return document;
}

export function activate(context: vscode.ExtensionContext): EdunormExtensionApi {
  status = new LanguageStatus(SELECTOR);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('edunorm.checkWorkspace', () => checkWorkspace(context)),
    vscode.commands.registerCommand('edunorm.showRuleDocumentation', (ruleId?: unknown) => showRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand('edunorm.newSchoolBudget', () => newSchoolBudget(context)),
    vscode.commands.registerCommand('edunorm.newFile', (kind?: unknown) => newEdunormFile(context, kind)),
  );

  // `onLanguage:yaml` wakes us for every YAML file; the server only starts once an edunorm
  // file (or configuration) is seen, so other YAML work pays nothing.
  const maybeStart = (document: vscode.TextDocument) => {
    if (!starting && isEdunormDocument(document)) void startClient(context);
  };
  vscode.workspace.textDocuments.forEach(maybeStart);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    vscode.workspace.onDidChangeTextDocument((e) => maybeStart(e.document)),
  );

  return {
    ready: async () => {
      await startClient(context);
    },
    statusOf: (uri) => status?.statusOf(uri),
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  starting = undefined;
  if (c) await c.stop();
}
