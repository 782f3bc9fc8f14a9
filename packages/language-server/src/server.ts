/**
 * The edunorm language server: wires LSP requests to the core through small feature
 * modules. Rule logic lives in @edunorm/core only; here are positions, timing and protocol.
 */
import { BUILTIN_PACK_NAME, DEFAULT_MAX_FILE_BYTES, STRUCTURAL_RULES, classifyText, getDefaultRuleSet, type Finding, type Locale, type RuleSet } from '@edunorm/core';
import { DOCUMENT_TEMPLATES, figuresOfText, fileTooLargeFinding, fileUnreadableFinding, isEdunormText, type OutlineFile } from '@edunorm/core/internal';
import { CHECK_FILES_REQUEST, RULES_REQUEST, SKELETON_REQUEST, STATUS_NOTIFICATION, TEMPLATE_REQUEST, type CheckFilesResult, type RuleInfo, type StatusParams } from './protocol.js';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { APPLY_EDIT_COMMAND, OPEN_RULE_DOC_COMMAND, asCommands, codeActionsFor } from './code-actions.js';
import { clientShape, shapeCompletion, shapeHover, shapeInlayHints, toSymbolInformation, type ClientShape } from './client-shaping.js';
import { DOCUMENT_SKELETONS, completionsAt } from './completion.js';
import { DocumentModels } from './document-models.js';
import { documentSymbols } from './document-symbols.js';
import { hoverAt } from './hover.js';
import { inlayHintsFor } from './inlay-hints.js';
import { say } from './messages.js';
import { ruleDocUrl } from '@edunorm/core/internal';
import { isDocumentKind } from './schema-info.js';
import { DEFAULT_SETTINGS, readSettings, resolveLocale, type ServerSettings } from './settings.js';
import { readWorkspaceFile } from './read-file.js';
import { offsetOf, toDiagnostic } from './to-lsp.js';
import { uncheckedResult } from './validation-failure.js';
import type { ValidationService } from './validation-service.js';
import { ValidationScheduler } from './validation-scheduler.js';
import { ChangeHistory } from './text-changes.js';
import { LsWorkspace } from './workspace-index.js';
import { withCountyFigures } from './workspace-hover.js';
import { fileUri, yamlFilesUnder } from './workspace-scan.js';
import { Validator, isConfigFile, isRuleFileText, type ValidationResult } from './validator.js';

/** Pause in typing before a changed document is validated. */
export const DEBOUNCE_MS = 150;

export interface ServerOptions {
  /** Where validations run (a worker thread in production). */
  service: ValidationService;
}

export { CHECK_FILES_REQUEST, RULES_REQUEST, SKELETON_REQUEST, STATUS_NOTIFICATION, type CheckFilesResult, type RuleInfo, type StatusParams } from './protocol.js';

/** `{ url }` for a rule with a documentation page, `{}` for one without. */
function optionalUrl(id: string): { url?: string } {
  const url = ruleDocUrl(id);
  return url ? { url } : {};
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function counts(result: ValidationResult) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of result.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function startServer(connection: Connection, options: ServerOptions): void {
  /** Each open document's recent edits in offsets (what the worker is sent, where the models start from). */
  const history = new ChangeHistory();
  const documents = new TextDocuments(history.documents());
  const { service } = options;
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let clientLocale: string | undefined;
  let capabilities: ClientCapabilities = {};
  let shape: ClientShape = clientShape({});
  /** LSP lifecycle: requests before `initialize` get -32002, after `shutdown` InvalidRequest. */
  let phase: 'uninitialized' | 'running' | 'shut down' = 'uninitialized';
  let pullDiagnostics = false;
  let sendStatus = false;
  let configurationPull = false;
  let locale: Locale = 'zh-CN';
  /** Folders whose edunorm files are indexed in the background (the client's workspace folders). */
  let workspaceFolders: string[] = [];
  // The main thread keeps its own (cheap) view of configurations for hover and hints.
  let ruleSets = new Validator();
  /** URIs given push diagnostics by "check workspace" while not open (pull clients). */
  const pushedWhileClosed = new Set<string>();
  /** didOpen is followed by a didChangeContent event for the same text: skip that one. */
  const justOpened = new Set<string>();

  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // The connection is gone; nothing left to tell.
    }
  };

  /** The lifecycle error for a request that comes too early or too late, if it does. */
  const lifecycleError = (): ResponseError<void> | undefined => {
    if (phase === 'uninitialized') return new ResponseError(ErrorCodes.ServerNotInitialized, 'edunorm: the server is not initialized yet (send initialize first)');
    if (phase === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, 'edunorm: the server is shut down (only exit is accepted)');
    return undefined;
  };

  /**
   * Handlers never throw to the client: a bug answers "nothing" and is logged. Requests
   * outside the running phase are refused with the lifecycle error; notifications then are
   * dropped (the protocol's rule for notifications before initialize).
   */
  function safe<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>, notification = false): (...args: P) => Promise<R> {
    return async (...args: P) => {
      const refused = lifecycleError();
      if (refused && !notification) throw refused;
      if (refused) return fallback;
      try {
        return await handler(...args);
      } catch (error) {
        log(`edunorm: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  const safeNotification = <P extends unknown[]>(name: string, handler: (...args: P) => void | Promise<void>) => safe<P, void>(name, undefined, handler, true);

  /** Per open document and version: its outline and whether it is a submission, each derived from the previous version (document-models.ts). */
  const models = new DocumentModels((uri, since, to) => history.since(uri, since, to));
  const outlineOf = (document: TextDocument): OutlineFile => models.outline(document);
  const isEdunormDocument = (document: TextDocument): boolean => models.isEdunorm(document, (text) => classifyText(text, filePathOf(document.uri)) === 'submission');

  const ruleSetFor = (uri: string): RuleSet => {
    try {
      return ruleSets.ruleSetFor(filePathOf(uri)).ruleSet;
    } catch {
      return getDefaultRuleSet();
    }
  };

  /**
   * A file's diagnostics: its own findings (each with its index, for code actions) without
   * those `pooling: county` withdraws, then the findings across documents that land in it.
   */
  const diagnosticsOf = (uri: string, findings: readonly Finding[], version?: number) => {
    const kept = new Set(workspace.merge(uri, findings));
    const own = findings.flatMap((f, i) => (kept.has(f) ? [toDiagnostic(f, uri, version !== undefined ? { finding: i, version } : undefined)] : []));
    const across = (workspace.findingsOf(uri)?.findings ?? []).map((f) => toDiagnostic(f, uri));
    return [...own, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  };

  /** Own findings of indexed files that are not open (pushed with their findings across documents). */
  const closedFindings = new Map<string, Finding[]>();
  /** Closed files given diagnostics because of findings across documents. */
  const pushedForWorkspace = new Set<string>();
  /** Closed files whose own findings "Check workspace" pushed: kept when their findings across documents change. */
  const checkedWhileClosed = new Set<string>();

  const workspace = new LsWorkspace(
    (uri) => ruleSetFor(uri),
    () => locale,
    (uris) => {
      for (const uri of uris) {
        const open = documents.get(uri);
        const latest = open ? scheduler.latest(uri) : undefined;
        if (open && latest) {
          if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version: latest.version, diagnostics: diagnosticsOf(uri, latest.findings, latest.version) });
          continue;
        }
        if (open) continue;
        // A closed file (a district file while a school's is edited): its diagnostics change too.
        const has = (workspace.findingsOf(uri)?.findings.length ?? 0) > 0;
        const checked = checkedWhileClosed.has(uri);
        if (has || checked || pushedForWorkspace.has(uri)) {
          void connection.sendDiagnostics({ uri, diagnostics: has || checked ? diagnosticsOf(uri, closedFindings.get(uri) ?? []) : [] });
          if (has) pushedForWorkspace.add(uri);
          else pushedForWorkspace.delete(uri);
        }
      }
      if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport && uris.some((u) => documents.get(u))) void connection.languages.diagnostics.refresh();
    },
    async (uri, ruleSet) => {
      // The open text if the file is open, else the file on disk, as the index read it.
      const open = documents.get(uri)?.getText();
      const path = filePathOf(uri);
      const read = open !== undefined ? { text: open } : path !== undefined ? await readWorkspaceFile(path) : undefined;
      if (!read || !('text' in read)) return undefined;
      return figuresOfText(read.text, { ...(path !== undefined ? { path } : {}), locale, ruleSet });
    },
    () => settings.reportUnusedDisableDirectives,
  );
  /** What every validation request carries of the settings besides the locale. */
  const directiveOption = (): { reportUnusedDirectives?: true } => (settings.reportUnusedDisableDirectives ? { reportUnusedDirectives: true } : {});

  const publish = (result: ValidationResult) => {
    const uri = result.uri;
    // The worker classified this very version: the main thread need not parse it to know.
    const document = documents.get(uri);
    if (document) models.classified(document, result.version, result.kind === 'data');
    workspace.update(uri, result.workspace);
    const diagnostics = diagnosticsOf(uri, result.findings, result.version);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version: result.version, diagnostics });
    if (sendStatus) {
      const status: StatusParams = { uri, version: result.version, edunorm: result.kind === 'data', packs: result.packs, ...counts(result) };
      if (result.configFile) status.configFile = result.configFile;
      void connection.sendNotification(STATUS_NOTIFICATION, status);
    }
  };

  const scheduler = new ValidationScheduler({
    documents,
    service,
    requestFor: (document) => {
      const filePath = filePathOf(document.uri);
      const { uri, version } = document;
      return { uri, version, text: document.getText(), locale, ...directiveOption(), changesSince: (since) => history.since(uri, since, version), ...(filePath ? { filePath } : {}) };
    },
    onResult: publish,
    log,
  });

  const isOurs = (document: TextDocument) => {
    return isEdunormDocument(document) || isConfigFile(filePathOf(document.uri)) || isRuleFileText(document.getText());
  };

  const applySettings = (next: ServerSettings) => {
    const before = { locale, hints: settings.inlayHints.enabled, unused: settings.reportUnusedDisableDirectives };
    settings = next;
    locale = resolveLocale(settings.locale, clientLocale);
    if (before.locale !== locale || before.unused !== settings.reportUnusedDisableDirectives) {
      // Outside review G: the locale too. The findings across documents are made in the locale of
      // their evaluation, which ran only when a file's contributions changed: after switching to
      // English a closed district file kept its county findings (and its own, pushed beside them)
      // in Chinese. Evaluate every district again and read the closed files again.
      workspace.reset();
      if (before.locale !== locale) void reindexWorkspaceFolders();
      revalidateAll();
    }
    if (before.hints !== settings.inlayHints.enabled && capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  };

  const revalidateAll = () => {
    scheduler.revalidate(documents.all().filter(isOurs).map((d) => d.uri));
    if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  };

  /**
   * A configuration or rule file changed: every rule set is loaded again and the open documents
   * checked again. The norms across documents too (outside review G): the workspace's memo of
   * each district's evaluation is keyed by what the files contribute, not by the rule set, so
   * without `workspace.reset()` a closed district file kept the findings of the old configuration
   * (a `county-senior-post-pool: off` in its folder never cleared it); and closed files are read
   * again, since what they contribute is made under their configuration.
   */
  const rulesChanged = () => {
    service.reset();
    ruleSets = new Validator();
    workspace.reset();
    revalidateAll();
    void reindexWorkspaceFolders();
  };

  const fetchSettings = async () => {
    if (!configurationPull) return;
    const [raw] = (await connection.workspace.getConfiguration([{ section: 'edunorm' }])) as unknown[];
    applySettings(readSettings(raw, settings));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    clientLocale = params.locale;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined);
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    settings = readSettings(init);
    locale = resolveLocale(settings.locale, clientLocale);
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    sendStatus = init.statusNotifications === true;
    configurationPull = capabilities.workspace?.configuration === true;
    shape = clientShape(capabilities);
    phase = 'running';
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [OPEN_RULE_DOC_COMMAND, APPLY_EDIT_COMMAND] },
        // A school's file changes the diagnostics of its district's file (workspace.md).
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'edunorm-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    safeNotification('initialized', async () => {
      if (configurationPull && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'edunorm' });
      }
      await fetchSettings();
      // Read once in the background; requests are answered meanwhile (indexClosedFile awaits each file).
      void indexWorkspaceFolders();
    }),
  );

  connection.onDidChangeConfiguration(
    safeNotification('didChangeConfiguration', async (params) => {
      if (configurationPull) await fetchSettings();
      else applySettings(readSettings((params.settings ?? {}) as unknown, settings));
    }),
  );

  connection.onDidChangeWatchedFiles(
    safeNotification('didChangeWatchedFiles', async (params) => {
      let relevant = false;
      for (const change of params.changes) {
        const path = filePathOf(change.uri);
        // The workspace index follows files changed outside the editor (open documents are the editor's).
        if (path && /\.ya?ml$/i.test(path) && !documents.get(change.uri)) {
          if (change.type === FileChangeType.Deleted) forgetFile(change.uri);
          else void indexClosedFile(change.uri, path);
        }
        if (isConfigFile(path)) relevant = true;
        else if (path && /\.ya?ml$/i.test(path)) {
          const open = documents.get(change.uri)?.getText();
          // Never a blocking read: a FIFO or device named *.yaml is not a rule file.
          const read = open !== undefined ? { text: open } : await readWorkspaceFile(path);
          if ('text' in read ? read.text === '' || isRuleFileText(read.text) : read.code === 'ENOENT') relevant = true;
        }
      }
      if (!relevant) return;
      // A configuration or rule file changed: forget every loaded rule set, check again.
      rulesChanged();
    }),
  );

  documents.onDidOpen(
    safeNotification('didOpen', ({ document }) => {
      if (pullDiagnostics && pushedWhileClosed.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      checkedWhileClosed.delete(document.uri);
      justOpened.add(document.uri);
      if (isOurs(document)) scheduler.schedule(document.uri, 0);
    }),
  );

  documents.onDidChangeContent(
    safeNotification('didChange', ({ document }) => {
      // Opening fires this too; the open handler already asked for an immediate run.
      if (justOpened.delete(document.uri)) return;
      // A document validated before is validated again without classifying it here: that
      // would parse the whole text on this thread at every keystroke (the worker decides).
      if (scheduler.latest(document.uri) || isOurs(document)) scheduler.schedule(document.uri, DEBOUNCE_MS);
    }),
  );

  documents.onDidSave(
    safeNotification('didSave', ({ document }) => {
      // Saving a configuration or rule file changes what other documents are checked with.
      if (isConfigFile(filePathOf(document.uri)) || isRuleFileText(document.getText())) rulesChanged();
    }),
  );

  documents.onDidClose(
    safeNotification('didClose', ({ document }) => {
      scheduler.forget(document.uri);
      models.forget(document.uri);
      history.forget(document.uri);
      service.forget(document.uri);
      // Closed without saving: the file on disk is what the workspace holds again.
      const closedPath = filePathOf(document.uri);
      const uri = document.uri;
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
      // Outside review G: the index is read again whenever there is a workspace folder, not only
      // when it already holds files (two district files edited out of edunorm and closed unsaved
      // left the index empty, and the second close never read its file on disk back). And a
      // closed file keeps the findings across documents landing in it (a district file's county
      // findings, as after the background index): the clearing above removed them, and when the
      // file's findings across documents are the same as while it was open, the workspace sees
      // no change and never pushes them again — they vanished until the next school edit.
      if (closedPath && (workspace.size || workspaceFolders.length))
        void indexClosedFile(uri, closedPath)
          .then(() => workspace.settled())
          .then(() => {
            if (documents.get(uri) || !(workspace.findingsOf(uri)?.findings.length ?? 0)) return;
            void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(uri, closedFindings.get(uri) ?? []) });
            pushedForWorkspace.add(uri);
          });
    }),
  );

  connection.languages.diagnostics.on(
    safe('diagnostic', { kind: 'full' as const, items: [] }, async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isOurs(document)) return { kind: 'full' as const, items: [] };
      const result = await scheduler.whenValidated(document.uri, document.version, token);
      if (!result) return { kind: 'full' as const, items: [] };
      return { kind: 'full' as const, items: diagnosticsOf(document.uri, result.findings, result.version) };
    }),
  );

  connection.onHover(
    safe('hover', null, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isEdunormDocument(document)) return null;
      // The figures and findings shown are found by path (staff[3]): those of another version
      // are another person's after a record was added or removed above (outside review D: the
      // deleted first person's finding on the new first person). A result of another version is
      // not shown: the hover answers at once with the field's meaning, which the outline of this
      // version gives, and the findings once this version is validated — a hover never waits for
      // a large file's validation (issue 14: big files stay interactive).
      const result = scheduler.latest(document.uri);
      const latest = result && result.version === document.version ? result : undefined;
      const uri = document.uri;
      // Core's line index (the one of every finding) clamps a position past the end (line 1e9) to the text's end.
      const outline = outlineOf(document);
      const offset = offsetOf(outline, params.position);
      const hover = hoverAt(outline, offset, locale, ruleSetFor(uri), latest);
      return shapeHover(withCountyFigures(hover, outline, offset, (index) => workspace.districtAt(uri, index), locale), shape);
    }),
  );

  connection.onCompletion(
    safe('completion', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isEdunormDocument(document)) return [];
      // A position past the end of its line or of the text (line or column 1e9) is clamped to
      // a real one first: everything below may then walk the line without bounds checks.
      const position = document.positionAt(document.offsetAt(params.position));
      const line = position.line;
      const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$/, '');
      return shapeCompletion(completionsAt(outlineOf(document), lineText, position, locale, params.context?.triggerCharacter), shape);
    }),
  );

  connection.onCodeAction(
    safe('codeAction', [], async (params, token) => {
      let document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const snippetEdits = shape.codeActionLiterals && capabilities.workspace?.workspaceEdit?.snippetEditSupport === true && capabilities.workspace.workspaceEdit.documentChanges === true;
      // Asked right after an edit (before the debounced validation ran): a fix's range is in the
      // text its result was made from, so wait for this version's result rather than answer with
      // the last one (outside review D: a rename fix replaced text on the line above the key).
      let result = scheduler.latest(document.uri);
      if (result && result.version !== document.version && isOurs(document)) {
        result = (await scheduler.whenValidated(document.uri, document.version, token)) ?? result;
        document = documents.get(params.textDocument.uri);
        if (!document) return [];
      }
      const actions = codeActionsFor(document, params.context.diagnostics, result, locale, {
        snippetEdits,
        documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      });
      return shape.codeActionLiterals ? actions : asCommands(actions, shape.applyEdit);
    }),
  );

  connection.onExecuteCommand(
    safe('executeCommand', undefined, async (params) => {
      if (params.command === APPLY_EDIT_COMMAND) {
        // The edit is one this server made for a Command-only client (asCommands).
        const edit = params.arguments?.[0] as WorkspaceEdit | undefined;
        if (shape.applyEdit && edit && typeof edit === 'object') await connection.workspace.applyEdit(edit);
        return;
      }
      if (params.command !== OPEN_RULE_DOC_COMMAND) return;
      const ruleId = String(params.arguments?.[0] ?? '');
      if (!ruleId) return;
      const url = ruleDocUrl(ruleId);
      if (!url) {
        void connection.window.showInformationMessage(say(locale, `规则 ${ruleId} 没有在线说明页:它来自本地规则包,说明见其规则文件。`, `${ruleId} has no documentation page: it comes from a local rule pack; its rule file describes it.`));
        return;
      }
      if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: url, external: true });
      else void connection.window.showInformationMessage(say(locale, `规则 ${ruleId} 的说明:${url}`, `Documentation of ${ruleId}: ${url}`));
    }),
  );

  connection.languages.inlayHint.on(
    safe('inlayHint', [], async (params, token) => {
      if (!settings.inlayHints.enabled) return [];
      const document = documents.get(params.textDocument.uri);
      if (!document || !isEdunormDocument(document)) return [];
      // Hints sit at exact positions: they need the result for this very version.
      const result = await scheduler.whenValidated(document.uri, document.version, token);
      if (!result || result.version !== document.version) return [];
      return shapeInlayHints(inlayHintsFor(document, result, params.range, locale, ruleSetFor(document.uri)), shape);
    }),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isEdunormDocument(document)) return [];
      const symbols = documentSymbols(outlineOf(document));
      return shape.hierarchicalSymbols ? symbols : toSymbolInformation(document.uri, symbols);
    }),
  );

  /**
   * Per file: bumped by each reading of it and when it is forgotten. Outside review G: a reading
   * awaits the disk and the worker; a file deleted meanwhile (an editor's atomic save, a checkout,
   * a temporary copy) was forgotten first and then put back by the older reading when its
   * validation returned — a ghost in the index: a deleted copy of the district file made the real
   * one a `workspace/duplicate-district` and took its county findings, until the server restarted.
   * Only the latest reading of a file may set what it contributes.
   */
  const readings = new Map<string, number>();
  const nextReading = (uri: string) => {
    const n = (readings.get(uri) ?? 0) + 1;
    readings.set(uri, n);
    return n;
  };

  const forgetFile = (uri: string) => {
    nextReading(uri);
    closedFindings.delete(uri);
    checkedWhileClosed.delete(uri);
    workspace.remove(uri);
  };

  /** Reads and validates one file that is not open, for the workspace index only (no diagnostics of its own). */
  const indexClosedFile = async (uri: string, path: string): Promise<void> => {
    const reading = nextReading(uri);
    const read = await readWorkspaceFile(path);
    if (documents.get(uri) || readings.get(uri) !== reading) return; // opened meanwhile (the editor's text counts), or read again / forgotten since
    if ('skipped' in read || !isEdunormText(read.text)) return forgetFile(uri);
    const result = await service.validate({ uri, version: 0, text: read.text, locale, ...directiveOption(), filePath: path }).catch(() => undefined);
    if (!result || documents.get(uri) || readings.get(uri) !== reading) return;
    if (result.workspace) closedFindings.set(uri, result.findings);
    else closedFindings.delete(uri);
    workspace.update(uri, result.workspace);
  };

  let indexing: Promise<void> | undefined;
  /** Bumped when the index is read again from the start: an older reading stops. */
  let indexGeneration = 0;
  const indexWorkspaceFolders = (): Promise<void> => {
    const generation = indexGeneration;
    indexing ??= (async () => {
      for (const folder of workspaceFolders) {
        for await (const path of yamlFilesUnder(folder)) {
          if (phase !== 'running' || generation !== indexGeneration) return;
          const uri = fileUri(path);
          if (!documents.get(uri)) await indexClosedFile(uri, path);
        }
      }
      log(`edunorm: workspace index: ${workspace.size} file(s) with district links`);
    })().catch((error: unknown) => log(`edunorm: workspace index failed: ${error instanceof Error ? error.message : String(error)}`));
    return indexing;
  };
  /** Reads every closed file of the workspace folders again (their configuration changed). */
  const reindexWorkspaceFolders = (): Promise<void> => {
    indexGeneration++;
    indexing = undefined;
    return indexWorkspaceFolders();
  };

  /** Checks one file that is not open; a file that cannot be read or validated counts as unchecked. */
  const checkClosedFile = async (uri: string): Promise<ValidationResult | 'unchecked' | undefined> => {
    const filePath = filePathOf(uri);
    if (!filePath) return undefined;
    const read = await readWorkspaceFile(filePath);
    const push = (findings: Finding[]) => {
      // Closed files get pushed diagnostics, so the Problems view lists them: their own findings
      // (without those `pooling: county` withdraws) and the findings across documents landing in
      // them, as an open file's — a district file's county-wide findings stay in the list.
      void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(uri, findings) });
      if (pullDiagnostics) pushedWhileClosed.add(uri);
    };
    if ('skipped' in read) {
      if (read.code === 'ENOENT') return undefined; // deleted since it was listed
      if (read.skipped === 'too-large') {
        if (!isEdunormText(read.head ?? '')) return undefined;
        push([fileTooLargeFinding(read.size ?? 0, DEFAULT_MAX_FILE_BYTES, locale)]);
      } else push([fileUnreadableFinding(read.code, locale)]);
      return 'unchecked';
    }
    if (classifyText(read.text, filePath) === 'other') return undefined;
    const request = { uri, version: 0, text: read.text, locale, ...directiveOption(), filePath };
    const result = await service.validate(request).catch((error: unknown) => {
      log(`edunorm: validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return uncheckedResult(request, error);
    });
    if (documents.get(uri)) return result; // opened meanwhile: the editor's text counts
    // What the check read is what the workspace index holds for the file now.
    if (result.workspace) closedFindings.set(uri, result.findings);
    else closedFindings.delete(uri);
    workspace.update(uri, result.workspace);
    checkedWhileClosed.add(uri);
    push(result.findings);
    return result;
  };

  connection.onRequest(
    CHECK_FILES_REQUEST,
    safe('checkFiles', { files: 0, checked: 0, unchecked: 0, errors: 0, warnings: 0, infos: 0 } as CheckFilesResult, async (params: { uris?: string[] }) => {
      const total: CheckFilesResult = { files: 0, checked: 0, unchecked: 0, errors: 0, warnings: 0, infos: 0 };
      for (const uri of params.uris ?? []) {
        total.files++;
        const open = documents.get(uri);
        const result = open ? (isOurs(open) ? await scheduler.whenValidated(uri, open.version) : undefined) : await checkClosedFile(uri);
        if (result === 'unchecked') total.unchecked++;
        if (!result || result === 'unchecked' || result.kind !== 'data') continue;
        if (result.unchecked) total.unchecked++;
        else total.checked++;
        const c = counts(result);
        total.errors += c.errors;
        total.warnings += c.warnings;
        total.infos += c.infos;
      }
      return total;
    }),
  );

  connection.onRequest(
    RULES_REQUEST,
    safe('rules', [] as RuleInfo[], (params: { uri?: string }) => {
      const ruleSet = params.uri ? ruleSetFor(params.uri) : getDefaultRuleSet();
      const norms = ruleSet.rules.map((r) => ({ id: r.definition.id, title: r.definition.title[locale], ...optionalUrl(r.definition.id), pack: ruleSet.packs.find((p) => p.rules.includes(r.definition))?.name ?? BUILTIN_PACK_NAME }));
      const structural = STRUCTURAL_RULES.map((r) => ({ id: r.id, title: r.title[locale], ...optionalUrl(r.id), pack: 'edunorm' }));
      return [...norms, ...structural];
    }),
  );

  connection.onRequest(
    SKELETON_REQUEST,
    safe('skeleton', '', (params: { kind?: string }) => (isDocumentKind(params.kind) ? DOCUMENT_SKELETONS[params.kind] : DOCUMENT_SKELETONS.SchoolBudget)),
  );

  connection.onRequest(
    TEMPLATE_REQUEST,
    safe('template', '', (params: { kind?: string }) => (isDocumentKind(params.kind) ? DOCUMENT_TEMPLATES[params.kind] : DOCUMENT_TEMPLATES.SchoolBudget)),
  );

  connection.onShutdown(() => {
    const refused = lifecycleError();
    if (refused) throw refused;
    phase = 'shut down';
    service.dispose();
  });
  // Requests this server has no handler for: still the lifecycle errors first.
  connection.onRequest((method) => {
    throw lifecycleError() ?? new ResponseError(ErrorCodes.MethodNotFound, `edunorm: unhandled method ${method}`);
  });
  documents.listen(connection);
  connection.listen();
}
