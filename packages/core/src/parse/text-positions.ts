import type { Position, Range } from '../types.js';

/**
 * Maps UTF-16 offsets to 1-based line/column and back — the one implementation for the CLI,
 * `report` and the editor. Built once per text; lookups are a binary search so locating a
 * finding costs O(log lines), whatever the file size.
 *
 * Line breaks are LF, CRLF and a lone CR (YAML's line breaks; editors start a line at each).
 * A leading byte-order mark is not a character the user sees: line 1, column 1 is just after
 * it, as `check` reports it and as editors (which hide the mark) show it.
 */
export class TextPositions {
  /**
   * Offsets where lines start (a typed array once spliced: copying it for an edit is a memcpy),
   * found on first use — or handed over by the fast parser, which visits every line anyway
   * (adoptLineStarts).
   */
  private starts: ArrayLike<number> | undefined;

  /** `leadingBom: false` for a text whose mark was already cut (a second U+FEFF is a character). */
  constructor(
    readonly text: string,
    private readonly leadingBom = true,
  ) {}

  private get lineStarts(): ArrayLike<number> {
    return (this.starts ??= lineStartsOf(this.text, this.leadingBom));
  }

  /**
   * The line starts of this text as a reader found them: 0, then the offset after every LF.
   * That is this index exactly for a text without a byte-order mark in which every CR is
   * followed by LF (or was read as one: a lone CR starts a line too); the fast parser reads no
   * other text. Ignored once the index is built.
   */
  adoptLineStarts(starts: number[]): void {
    this.starts ??= starts;
  }

  /**
   * The line index of `text`, which is `previous.text` with [from, oldTo) replaced by the
   * characters now at [from, newTo): lines before the edit are kept, those after it moved, only
   * the edited part is scanned (an editor keystroke in a 4 MB file). `from` must be a line start
   * and `oldTo` one or the text's end, so no line break pairs across the edit's ends.
   */
  static spliced(previous: TextPositions, text: string, from: number, oldTo: number, newTo: number): TextPositions {
    const next = Object.create(TextPositions.prototype) as { text: string; starts: ArrayLike<number> };
    const old = previous.lineStarts;
    const delta = newTo - oldTo;
    // Lines starting at or before `from` stay; those starting after `oldTo` move by delta.
    const firstAfter = (offset: number) => {
      let lo = 0;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (old[mid]! <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const kept = firstAfter(from);
    const tail = firstAfter(oldTo);
    const inside: number[] = [];
    for (let k = from; k < newTo; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) inside.push(k + 1);
      else if (c === 13 && text.charCodeAt(k + 1) !== 10) inside.push(k + 1);
    }
    const starts = new Float64Array(kept + inside.length + old.length - tail);
    if (old instanceof Float64Array) starts.set(old.subarray(0, kept));
    else for (let k = 0; k < kept; k++) starts[k] = old[k]!;
    starts.set(inside, kept);
    let at = kept + inside.length;
    for (let k = tail; k < old.length; k++) starts[at++] = old[k]! + delta;
    next.text = text;
    next.starts = starts;
    return next as unknown as TextPositions;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, clamped - this.lineStarts[lo]! + 1), offset: clamped };
  }

  /**
   * Offset of a 1-based line and column, clamped to the text and to that line (a column past
   * the line's end is its end: a client's position at column 1e9 costs nothing).
   */
  offset(line: number, column: number): number {
    if (line > this.lineStarts.length) return this.text.length;
    const start = this.lineStart(line);
    return Math.min(start + Math.max(0, Math.floor(column) - 1), this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset of the first character of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** Offset just past the last visible character of a 1-based line (before its line break). */
  lineEnd(line: number): number {
    const next = line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
    let end = next;
    while (end > this.lineStart(line) && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }
}

function lineStartsOf(text: string, leadingBom: boolean): number[] {
  const starts = [leadingBom && text.charCodeAt(0) === 0xfeff ? 1 : 0];
  if (text.indexOf('\r') < 0) {
    // No CR (most files): the line breaks are the LFs, found by the native search rather
    // than a loop over every character (the 200-school corpus is 20 M characters).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
  return starts;
}
