/**
 * Quick fixes for edunorm diagnostics: the core's suggested replacement (compliant value,
 * near-miss key or enum, `"4,800,000"` → `4800000`, `97.5` → `0.975`), a suppression
 * comment with the cursor where the reason goes, and the rule's documentation.
 */
import type { Finding, Locale } from '@edunorm/core';
import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { say } from './messages.js';
import { DIAGNOSTIC_SOURCE, toLspRange, type DiagnosticData } from './to-lsp.js';
import type { ValidationResult } from './validator.js';

export const OPEN_RULE_DOC_COMMAND = 'edunorm.server.openRuleDocumentation';
/** Applies the WorkspaceEdit given as its argument (quick fixes for clients without CodeAction literals). */
export const APPLY_EDIT_COMMAND = 'edunorm.server.applyEdit';

export interface CodeActionSupport {
  /** The client applies snippet edits (LSP 3.18 `SnippetTextEdit`): cursor lands on the reason. */
  snippetEdits: boolean;
  /** The client understands versioned `documentChanges`. */
  documentChanges: boolean;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The finding a diagnostic was made from: by index when versions match, else by id and range. */
function findingFor(diagnostic: Diagnostic, result: ValidationResult | undefined): Finding | undefined {
  if (!result) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data && data.version === result.version) {
    const f = result.findings[data.finding];
    if (f && f.ruleId === diagnostic.code) return f;
  }
  return result.findings.find((f) => f.ruleId === diagnostic.code && sameRange(toLspRange(f.range), diagnostic.range));
}

/** Suppressing a broken directive or a syntax error with a directive makes no sense. */
function canSuppress(ruleId: string): boolean {
  return !ruleId.startsWith('directive/') && !ruleId.startsWith('yaml/') && !ruleId.startsWith('config/') && !ruleId.startsWith('rule-file/');
}

function suppressionEdit(document: TextDocument, diagnostic: Diagnostic, ruleId: string, support: CodeActionSupport): WorkspaceEdit {
  const line = diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const at = { start: { line, character: 0 }, end: { line, character: 0 } };
  const comment = `${indent}# edunorm-disable-next-line ${ruleId} -- `;
  if (support.snippetEdits) {
    const escaped = comment.replace(/[$}\\]/g, '\\$&');
    return {
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range: at, snippet: { kind: 'snippet', value: `${escaped}$0\n` } }] }],
    };
  }
  return { changes: { [document.uri]: [{ range: at, newText: `${comment}\n` }] } };
}

export function codeActionsFor(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
  result: ValidationResult | undefined,
  locale: Locale,
  support: CodeActionSupport,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const documented = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const ruleId = diagnostic.code;
    const finding = findingFor(diagnostic, result);
    // A fix's range is in the text of the result's version: never applied to another text
    // (the document changed again while it was validated). Outside review D.
    if (finding?.fix && result?.version === document.version) {
      actions.push({
        title: finding.fix.title[locale],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: toLspRange(finding.fix.range), newText: finding.fix.newText }] } },
      });
    }
    if (canSuppress(ruleId) && result?.kind === 'data') {
      actions.push({
        title: say(locale, `在上一行添加忽略注释:${ruleId}(须写明原因)`, `Disable ${ruleId} for this line with a comment (give a reason)`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: suppressionEdit(document, diagnostic, ruleId, support),
      });
    }
    if (!documented.has(ruleId)) {
      documented.add(ruleId);
      const title = say(locale, `查看规则说明:${ruleId}`, `Show documentation for ${ruleId}`);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_RULE_DOC_COMMAND, arguments: [ruleId] } });
    }
  }
  return actions;
}

/**
 * The same actions for a client without `codeActionLiteralSupport`, which reads only
 * `Command[]`: an action with an edit becomes {@link APPLY_EDIT_COMMAND} carrying that edit
 * (the server then asks the client to apply it, so only where the client supports
 * `workspace/applyEdit`); an action that is a command already stays one.
 */
export function asCommands(actions: readonly CodeAction[], applyEdit: boolean): Command[] {
  const commands: Command[] = [];
  for (const action of actions) {
    if (action.edit) {
      if (applyEdit) commands.push({ title: action.title, command: APPLY_EDIT_COMMAND, arguments: [action.edit] });
    } else if (action.command) commands.push(action.command);
  }
  return commands;
}
