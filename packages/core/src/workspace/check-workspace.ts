import { check, getDefaultRuleSet, type CheckOptions } from '../check.js';
import type { CheckResult, Finding } from '../types.js';
import { evaluateWorkspace, WorkspaceIndex, withoutRetracted, type FiguresByDocument, type WorkspaceResult } from './evaluate.js';

const byOffset = (a: Finding, b: Finding) => a.range.start.offset - b.range.start.offset;

/** Merges a file's own result with what the workspace found in it (and withdrew from it). */
export function mergeWorkspaceResult(file: string, own: CheckResult, workspace: WorkspaceResult): CheckResult {
  const extra = workspace.files.get(file);
  const findings = withoutRetracted(file, own.findings, workspace.retracted);
  const suppressed = withoutRetracted(file, own.suppressed, workspace.retracted);
  if (extra) {
    findings.push(...extra.findings);
    suppressed.push(...extra.suppressed);
  }
  const { workspace: _w, ...rest } = own;
  return { ...rest, findings: findings.sort(byOffset), suppressed: suppressed.sort(byOffset) };
}

/** A text's figures for the norms across documents, per document, as `ruleSet` computes them (see `refigureSchools`). */
export async function figuresOfText(text: string, options: Pick<CheckOptions, 'ruleSet' | 'locale' | 'path' | 'maxFileBytes'>): Promise<FiguresByDocument> {
  const result = await check(text, { ...options, workspace: true, keepSource: false });
  return new Map((result.workspace?.contributions ?? []).map((c) => [c.documentIndex, c.figures]));
}

/**
 * Checks texts together, in memory: each on its own, then the norms across documents.
 * For tools and tests that hold the texts anyway; the CLI and the language server keep
 * only the contributions (WorkspaceIndex).
 */
export async function checkWorkspace(files: readonly { file: string; text: string }[], options: CheckOptions = {}): Promise<{ results: Map<string, CheckResult>; workspace: WorkspaceResult }> {
  const index = new WorkspaceIndex();
  const own = new Map<string, CheckResult>();
  for (const { file, text } of files) {
    const result = await check(text, { ...options, workspace: true });
    own.set(file, result);
    if (result.workspace) index.set(file, result.workspace);
  }
  const workspace = await evaluateWorkspace(index, options.ruleSet ?? getDefaultRuleSet(), options.locale ?? 'zh-CN');
  const results = new Map<string, CheckResult>();
  for (const [file, result] of own) results.set(file, mergeWorkspaceResult(file, result, workspace));
  return { results, workspace };
}
