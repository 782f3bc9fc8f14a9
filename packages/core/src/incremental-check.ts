/**
 * Checks of one document as it is edited (the editor, the web page): each check after the
 * first starts from the previous one. When the edit stays inside one record of a long list
 * (a staff member, a school), only that record is read again (parse/incremental-parse.ts), and
 * the facts and findings of every record the new document shares with the previous one are
 * reused (facts/incremental.ts, RuleSet.evaluate); aggregates are combined again from the
 * parts per record. Anything the incremental path is not sure of — an edit across records, in
 * the head, in a comment, a second document, a byte-order mark, a text that the fast parser
 * does not read — is checked from scratch. Either way the result is what `check` gives for the
 * same text and options (tests/incremental-check.test.ts compares them edit after edit).
 */
import { checkParsed, check, type CheckOptions } from './check.js';
import { isConfigFileName, mightBeOurs } from './classify.js';
import { DEFAULT_MAX_FILE_BYTES } from './file-limits.js';
import { Reuse } from './facts/incremental.js';
import { changedRange, listLayout, spliceRecord, type ChangedRange } from './parse/incremental-parse.js';
import type { ParsedFile } from './parse/parse-yaml.js';
import { SourceFile } from './parse/source-file.js';
import type { CheckResult } from './types.js';

/** How the last check was made (for tests and the editor's log). */
export type CheckPath = 'record' | 'full';

interface State {
  text: string;
  /** The reading of `text` when a later edit can re-read one of its records. */
  file?: ParsedFile;
  result: CheckResult;
}

/**
 * A copy a caller may change (the editor adds findings) without changing what the next edit
 * starts from. The lists are copies; a finding in them may be the very object of the last result
 * (a record that did not move keeps its finding), so findings are read, never changed.
 */
function copy(result: CheckResult): CheckResult {
  return { ...result, findings: [...result.findings], suppressed: [...result.suppressed], documents: [...result.documents], ...(result.measurements ? { measurements: [...result.measurements] } : {}) };
}

/**
 * Where a text differs from the one checked before, as the caller knows it (the editor knows
 * each edit): [from, oldTo) of `previous` became [from, newTo) of the text. Used only when
 * `previous` is the text this checker checked last; otherwise the texts are compared.
 */
export interface KnownEdit extends ChangedRange {
  previous: string;
}

/** An edit whose range fits both texts (a wrong one is never trusted). */
function validEdit(edit: KnownEdit, before: number, after: number): boolean {
  const { from, oldTo, newTo } = edit;
  return Number.isInteger(from) && Number.isInteger(oldTo) && Number.isInteger(newTo) && from >= 0 && oldTo >= from && newTo >= from && oldTo <= before && newTo <= after && before - oldTo === after - newTo;
}

/** One document's checks, each from the one before (one checker per open document). */
export class IncrementalChecker {
  private state: State | undefined;
  /** Whether the last check re-read one record ('record') or the whole text ('full'). */
  lastPath: CheckPath = 'full';

  /** `options` hold for every check of this checker (a new rule set or locale: a new checker). */
  constructor(private readonly options: CheckOptions = {}) {}

  /**
   * Checks `text`; the same result as `check(text, options)`. `edit`, when given, says where
   * `text` differs from the text checked last (so the two need not be compared).
   */
  async check(text: string, edit?: KnownEdit): Promise<CheckResult> {
    const previous = this.state;
    this.state = undefined; // a check that throws leaves nothing half-updated to start from
    // Where the texts differ (one pass, which also tells an unchanged text), unless the caller knows.
    const known = previous && edit && edit.previous === previous.text && validEdit(edit, previous.text.length, text.length) ? edit : undefined;
    const range: ChangedRange | undefined = known ?? (previous ? changedRange(previous.text, text) : undefined);
    if (previous && !range) {
      this.state = previous;
      return copy(previous.result);
    }
    const spliced = previous?.file && range && this.readable(text) ? spliceRecord(previous.file, text, range.from, range.oldTo, range.newTo) : undefined;
    let result: CheckResult;
    let file: ParsedFile | undefined;
    if (spliced) {
      file = spliced;
      result = await checkParsed(text, spliced, this.options, new Reuse(previous!.file!.documents[0]!.value));
      this.lastPath = 'record';
    } else {
      this.lastPath = 'full';
      if (!this.readable(text)) result = await check(text, this.options);
      else {
        file = new SourceFile(text).parsed(this.options.maxFullParseLength !== undefined ? { maxFullParseLength: this.options.maxFullParseLength } : {});
        result = await checkParsed(text, file, this.options, new Reuse());
      }
    }
    this.state = { text, result, ...(file && result.fileKind === 'submission' && listLayout(file) ? { file } : {}) };
    return copy(result);
  }

  /** A text `check` would parse as it is (no mark to cut, not too large, possibly ours). */
  private readable(text: string): boolean {
    const maxBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    return text.charCodeAt(0) !== 0xfeff && text.length * 3 <= maxBytes && !isConfigFileName(this.options.path) && mightBeOurs(text);
  }
}
