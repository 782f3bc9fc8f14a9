import * as vscode from 'vscode';

/** The extension's own runtime words follow `edunorm.locale` (auto = VS Code's display language). */
export function isChinese(): boolean {
  const setting = vscode.workspace.getConfiguration('edunorm').get<string>('locale', 'auto');
  if (setting === 'zh-CN') return true;
  if (setting === 'en') return false;
  return /^zh/i.test(vscode.env.language);
}

export function say(zh: string, en: string): string {
  return isChinese() ? zh : en;
}
