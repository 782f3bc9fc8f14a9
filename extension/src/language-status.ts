/**
 * The language status item shown for edunorm YAML: which rule pack applies and how many
 * errors and warnings the active file has (fed by the server's `edunorm/status`).
 */
import * as vscode from 'vscode';
import type { StatusParams } from './protocol.js';
import { say } from './ui-text.js';

export class LanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('edunorm.status', selector);
    this.item.name = 'edunorm';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  /** Latest counts for a document, if the server has checked it (used by tests and commands). */
  statusOf(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status || !status.edunorm) {
      this.item.text = 'edunorm';
      this.item.detail = say('不是 edunorm 数据文件', 'not an edunorm data file');
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    const packs = status.packs.join(' + ');
    this.item.text = `edunorm: ${packs}`;
    this.item.detail = say(`${status.errors} 个错误 · ${status.warnings} 个警告 · ${status.infos} 条提示`, `${status.errors} errors · ${status.warnings} warnings · ${status.infos} infos`);
    this.item.severity = status.errors > 0 ? vscode.LanguageStatusSeverity.Error : status.warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: say('问题', 'Problems'), command: 'workbench.actions.view.problems' };
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
