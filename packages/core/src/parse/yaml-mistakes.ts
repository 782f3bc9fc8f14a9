/**
 * The YAML mistakes people who type Chinese make, found on their real line and column: a
 * full-width colon `name：李庄小学`, indentation with a tab or the full-width space U+3000, a
 * quote that is never closed. `yaml` reports these as generic syntax errors, often lines below
 * the mistake (or, for U+3000, not at all: it is read as part of a key); each becomes one
 * problem at the mistake with a hint (and a fix where one is safe). Linear in the text.
 */
import type { TextPositions } from './text-positions.js';

type Span = readonly [number, number];

/** The mistakes found in the text itself (this file) … */
export type TextMistake = 'full-width-colon' | 'tab-indent' | 'ideographic-space-indent' | 'unclosed-quote';
/** … and those found on the `yaml` package's nodes (yaml-node-mistakes.ts). */
export type YamlMistake = TextMistake | 'unclosed-flow' | 'unresolved-alias' | 'duplicate-key';

interface HintBase {
  /** 1-based line of the mistake (for the message). */
  line: number;
  /** A safe replacement of `span`, when there is one. */
  fix?: { span: Span; newText: string };
}

export interface TextHint extends HintBase {
  mistake: TextMistake;
}

/** A `{` or `[` never closed; `line` is the bracket's. */
export interface UnclosedFlowHint extends HintBase {
  mistake: 'unclosed-flow';
  bracket: '{' | '[';
  /**
   * Where the closing bracket belongs: at the end of line `end` (after the last entry, which
   * ends that line), after the last entry `after` (when text follows it on its line), or in
   * place of the wrong bracket `wrong` that ends it.
   */
  close: { end: number } | { after: string } | { wrong: string };
}

/** `*name` with no `&name` before it; `anchorLine`: the line of an `&name` after it, if any. */
export interface UnresolvedAliasHint extends HintBase {
  mistake: 'unresolved-alias';
  name: string;
  anchorLine?: number;
}

/** A key written again in one mapping; `line` is this (a later) occurrence's. */
export interface DuplicateKeyHint extends HintBase {
  mistake: 'duplicate-key';
  key: string;
  /** The line of its first occurrence, and how many come before this one. */
  firstLine: number;
  earlier: number;
  /** The line of its last occurrence: the value a read document keeps (the `yaml` package's toJS: the last wins). */
  lastLine: number;
  /** Whether the last occurrence is the only one on its line (so "line N" names it). */
  lastAlone: boolean;
  /** How the entries are written: in a flow map `{ … }`, each on one line, or with a value over several lines. */
  layout: 'flow' | 'line' | 'block';
}

export type YamlHint = TextHint | UnclosedFlowHint | UnresolvedAliasHint | DuplicateKeyHint;

export interface ExplainedProblem {
  span: Span;
  hint: TextHint;
}

/** Whether some line's indentation holds U+3000: such a text must go to the full parser and this explanation. */
export function hasIdeographicIndent(text: string): boolean {
  // Most texts hold no U+3000 at all: a plain search says so faster than the line-anchored expression.
  return text.includes('\u3000') && /^[ \t]*\u3000/m.test(text);
}

/** The position just past the closing quote of a quoted scalar starting at `q`, or -1 when the line ends first. */
function closingQuote(text: string, q: number, le: number): number {
  const quote = text.charCodeAt(q);
  for (let i = q + 1; i < le; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92) {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/**
 * The mistakes in `span` (a document). `syntaxBroken`: the parser found syntax errors there —
 * only then is a full-width colon or an open quote a mistake (in a valid value it is text).
 * Indentation with a tab or U+3000 is always one.
 */
export function explainMistakes(text: string, positions: TextPositions, span: Span, syntaxBroken: boolean, quoteProblem: boolean): ExplainedProblem[] {
  const out: ExplainedProblem[] = [];
  const first = positions.position(span[0]).line;
  const last = positions.position(span[1]).line;
  for (let line = first; line <= last; line++) {
    const ls = positions.lineStart(line);
    const le = positions.lineEnd(line);
    let i = ls;
    let bad = -1;
    while (i < le) {
      const c = text.charCodeAt(i);
      if (c === 32) i++;
      else if (c === 9 || c === 0x3000) {
        if (bad < 0) bad = i;
        i++;
      } else break;
    }
    if (i >= le || text.charCodeAt(i) === 35) continue;
    if (bad >= 0) {
      out.push({ span: [bad, bad + 1], hint: { mistake: text.charCodeAt(bad) === 9 ? 'tab-indent' : 'ideographic-space-indent', line } });
      continue;
    }
    if (!syntaxBroken) continue;
    // Past list dashes to the entry itself.
    while (text.charCodeAt(i) === 45 && (i + 1 === le || text.charCodeAt(i + 1) === 32)) {
      i++;
      while (i < le && text.charCodeAt(i) === 32) i++;
    }
    // The entry's key separator: the first `:` + blank outside quotes, or a full-width colon before it.
    let j = i;
    let value = -1;
    for (; j < le; j++) {
      const c = text.charCodeAt(j);
      if (c === 34 || c === 39) {
        const end = closingQuote(text, j, le);
        if (end < 0) break;
        j = end - 1;
        continue;
      }
      if (c === 35 && j > ls && text.charCodeAt(j - 1) === 32) break;
      if (c === 58 && (j + 1 === le || text.charCodeAt(j + 1) === 32)) {
        value = j + 1;
        break;
      }
      if (c === 0xff1a && j > i) {
        let end = j + 1;
        while (end < le && text.charCodeAt(end) === 32) end++;
        out.push({ span: [j, j + 1], hint: { mistake: 'full-width-colon', line, fix: { span: [j, end], newText: ': ' } } });
        break;
      }
    }
    if (!quoteProblem) continue;
    let q = value >= 0 ? value : i;
    while (q < le && text.charCodeAt(q) === 32) q++;
    const c = text.charCodeAt(q);
    if ((c === 34 || c === 39) && q < le && closingQuote(text, q, le) < 0) {
      out.push({ span: [q, q + 1], hint: { mistake: 'unclosed-quote', line, fix: { span: [le, le], newText: String.fromCharCode(c) } } });
    }
  }
  return out;
}
