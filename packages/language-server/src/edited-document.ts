/**
 * An open document that does not copy its text on every keystroke. vscode-languageserver-
 * textdocument's document rebuilds its text with `substring(...) + insert + substring(...)` at
 * each edit and reads a character of the result at once, which makes V8 copy the whole text
 * into a new flat string: 7.5 ms (median, measured alone) per keystroke of a 3.7-million-
 * character staffing file, on the thread that answers the editor. Here the text is a short
 * list of pieces — slices of the text as opened and the inserted strings, which V8 keeps as
 * views without copying — joined into one string only when someone asks for the text, and
 * compacted into one piece after many edits.
 *
 * Every position, offset and line behaves as in vscode-languageserver-textdocument 1.0.16 (the
 * same clamping, the same CRLF rules), except after a range past the last line, where that
 * library's line offsets get holes (NaN offsets after it) and these are counted again;
 * tests/language-server/edit-sync.test.ts compares the two edit after edit.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

/** Past this many pieces the text is joined into one (each lookup walks them). */
const MAX_PIECES = 64;

const isEOL = (c: number) => c === 13 || c === 10;

function lineOffsetsOf(text: string, atLineStart: boolean, textOffset = 0): number[] {
  const result = atLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isEOL(c)) {
      if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class EditedDocument implements TextDocument {
  private pieces: string[];
  /** Where each piece starts in the text. */
  private starts: number[];
  private length: number;
  private text: string | undefined;
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.pieces = [content];
    this.starts = [0];
    this.length = content.length;
    this.text = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.offsets().length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    // Concatenation makes a rope V8 copies flat only when its characters are read.
    this.text ??= this.pieces.reduce((all, piece) => all + piece, '');
    return this.text;
  }

  /** The piece holding `offset` (the last one for the text's end). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.starts[k]!);
  }

  /** The text's `substring(start, end)` (which swaps a reversed pair). */
  private slice(start: number, end: number): string {
    const clamp = (n: number) => (Number.isNaN(n) ? 0 : Math.max(0, Math.min(n, this.length)));
    start = clamp(start);
    end = clamp(end);
    if (end < start) [start, end] = [end, start];
    if (end === start) return '';
    let out = '';
    for (let k = this.pieceAt(start); k < this.pieces.length && this.starts[k]! < end; k++) {
      const at = this.starts[k]!;
      out += this.pieces[k]!.slice(Math.max(0, start - at), end - at);
    }
    return out;
  }

  /** [start, end) replaced by `insert`, by cutting pieces (never the text). */
  private replace(start: number, end: number, insert: string): void {
    const before: string[] = [];
    const after: string[] = [];
    for (let k = 0; k < this.pieces.length; k++) {
      const piece = this.pieces[k]!;
      const at = this.starts[k]!;
      const pieceEnd = at + piece.length;
      if (pieceEnd <= start) before.push(piece);
      else if (at < start) before.push(piece.slice(0, start - at));
      if (at >= end) after.push(piece);
      else if (pieceEnd > end) after.push(piece.slice(end - at));
    }
    const pieces = [...before, insert, ...after].filter((p) => p !== '');
    this.setPieces(pieces.length > MAX_PIECES ? [pieces.join('')] : pieces.length ? pieces : ['']);
  }

  private setPieces(pieces: string[]): void {
    this.pieces = pieces;
    this.starts = new Array<number>(pieces.length);
    let at = 0;
    for (let k = 0; k < pieces.length; k++) {
      this.starts[k] = at;
      at += pieces[k]!.length;
    }
    this.length = at;
    this.text = undefined;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) {
        const range = wellFormed(change.range);
        const startOffset = this.offsetAt(range.start);
        const endOffset = this.offsetAt(range.end);
        this.replace(startOffset, endOffset, change.text);
        const insertedEnd = startOffset + change.text.length;
        const crlfAtStart = this.charCodeAt(startOffset - 1) === 13 && this.charCodeAt(startOffset) === 10;
        const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10;
        // A CRLF pair across an edit's edge is not in the inserted text's line offsets; a range
        // past the last line (clamped to the end) would leave holes in them: count them again.
        if (crlfAtStart || crlfAtEnd || this.lineOffsets === undefined || range.end.line >= this.lineOffsets.length) {
          this.lineOffsets = undefined;
          continue;
        }
        const startLine = Math.max(range.start.line, 0);
        const endLine = Math.max(range.end.line, 0);
        let lineOffsets = this.lineOffsets;
        const added = lineOffsetsOf(change.text, false, startOffset);
        if (endLine - startLine === added.length) {
          for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i]!;
        } else if (added.length < 10000) lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
        else this.lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] = lineOffsets[i]! + diff;
      } else if (typeof change.text === 'string') {
        this.setPieces([change.text]);
        this.text = change.text;
        this.lineOffsets = undefined;
      } else throw new Error('Unknown change event received');
    }
    this.currentVersion = version;
  }

  private offsets(): number[] {
    this.lineOffsets ??= lineOffsetsOf(this.getText(), true);
    return this.lineOffsets;
  }

  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.offsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, lineOffsets[line]!);
    return { line, character: offset - lineOffsets[line]! };
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.offsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line]!;
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.offsets();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.length;
    return this.slice(this.beforeEOL(next, lineOffsets[line]!), next);
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.offsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.length;
    return this.beforeEOL(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }
}
