import type { LocalizedText } from './types.js';
/**
 * Typed errors with stable codes. Anything the user can fix (a broken rule file, a bad
 * configuration) carries a file, line and column.
 */

export interface ProblemLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A located problem of a rule file or configuration, with a stable code (`config/unknown-rule`). */
export interface Problem extends ProblemLocation {
  code: string;
  /** In English (logs, `formatProblem`); `text` has both languages when the problem has been translated. */
  message: string;
  /** The message in zh-CN and en: what the CLI and the editor show, in the user's language. */
  text?: LocalizedText;
  /**
   * No line of the file is meant (it does not exist: `-c nofile.yaml`): line and column are 1
   * only for an editor to place the problem somewhere; text output names the file alone
   * (`problemPlace`), not a `1:1` that is not there.
   */
  noPosition?: boolean;
}

/** Where a problem is, as compilers print it: `file:line:column`, or the file alone for one with no position. */
export function problemPlace(p: ProblemLocation & { noPosition?: boolean }): string {
  return p.noPosition ? p.file : `${p.file}:${p.line}:${p.column}`;
}

/** A located problem with its words in both languages (`message` is the English). */
export function localizedProblem(location: ProblemLocation, code: string, text: LocalizedText): Problem {
  return { ...location, code, message: text.en, text };
}

/** `file:line:column: message (code)`, as compilers print it (terminals and editors link it). */
export function formatProblem(p: Problem): string {
  return `${problemPlace(p)}: ${p.message} (${p.code})`;
}

/**
 * Base of the errors the core throws on purpose; `code` is stable (`config/invalid`, `rule-file/invalid`).
 * Each class spells its `name` out: callers tell the errors apart by it (the CLI's exit code 2 and
 * message), and a minifying bundle renames classes — `new.target.name` was `Jr` in
 * packages/cli/dist/edunorm.mjs, which then reported a broken configuration as an internal error.
 */
export class EdunormError extends Error {
  override name = 'EdunormError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A rule pack that cannot be loaded: every problem found, each located. */
export class RulePackError extends EdunormError {
  override name = 'RulePackError';
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.code ?? 'rule-file/invalid', problems.map(formatProblem).join('\n'));
  }
}

/** Bad options or configuration given to the checker (CLI exit code 2). */
export class ConfigurationError extends EdunormError {
  override name = 'ConfigurationError';
  constructor(
    code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(code, problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
  }
}
