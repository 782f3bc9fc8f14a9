/**
 * A rule file checked on its own (by `edunorm check` over a pack folder and by the editor):
 * every problem `loadRulePack` finds — schema, calculators, paths, parameters — as a
 * positioned finding on the rule file.
 */
import { RulePackError, type Problem } from '../errors.js';
import { TextPositions } from '../parse/text-positions.js';
import type { Finding, Locale } from '../types.js';
import { builtinPack } from '../builtin-pack.js';
import { loadRulePack } from './load-pack.js';

/**
 * A located problem (1-based line/column) as a finding on `positions`' text: the range runs
 * from the column to the end of the token there (or of the line).
 */
export function problemToFinding(problem: Problem, positions: TextPositions, prefix = ''): Finding {
  const start = Math.min(positions.lineStart(problem.line) + Math.max(0, problem.column - 1), positions.lineEnd(problem.line));
  const text = positions.text;
  let end = start;
  while (end < text.length && !' \t\r\n:,]}'.includes(text[end]!)) end++;
  if (end === start) end = positions.lineEnd(problem.line);
  return { ruleId: problem.code, severity: 'error', message: `${prefix}${problem.message}`, range: positions.range(start, end), documentIndex: 0, path: '' };
}

/** The pack a rule file belongs to: its folder's name. */
function packOf(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.length > 1 ? parts[parts.length - 2]! || 'rules' : 'rules';
}

/**
 * Validates one rule file's text. `file` names it in messages and is compared with the rule's
 * `id` (a rule `x` lives in `x.yaml`); problems of other files are not this file's.
 */
export function checkRuleFile(text: string, file: string, locale: Locale, positions = new TextPositions(text)): Finding[] {
  try {
    // One file of a pack: the built-in rules stand in for its siblings, which a norm across documents may take a parameter of.
    loadRulePack(packOf(file), [{ file, text }], builtinPack().rules);
    return [];
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    const prefix = locale === 'zh-CN' ? '规则文件错误:' : 'Rule file error: ';
    return error.problems.filter((p) => p.file === file).map((p) => problemToFinding(p, positions, prefix));
  }
}
