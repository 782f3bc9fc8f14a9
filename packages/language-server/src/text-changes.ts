/**
 * What the client's edits changed, kept as offsets: the client already says where each edit
 * is (incremental sync), so nobody downstream has to find it again by comparing a 3.7-million-
 * character text with the one before (`changedRange`, 2–9 ms on the main thread and as much in
 * the worker per keystroke of a 20,000-staff file). The validation worker is sent these edits
 * instead of the whole text (a 7 MB copy between threads, 8–16 ms), and the document models
 * and the incremental check start from the range they enclose.
 */
import type { ChangedRange } from '@edunorm/core/internal';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { EditedDocument } from './edited-document.js';

/** One edit, in offsets of the text just before it: [start, end) replaced by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}


/** Versions kept per document: a consumer further behind than this gets the whole text. */
const MAX_VERSIONS = 256;
/** Characters of inserted text kept per document: past this, the whole text is cheaper to send. */
const MAX_CHARACTERS = 1 << 20;

interface Step {
  version: number;
  /** The version these edits start from; undefined: the text was replaced whole. */
  after: number | undefined;
  changes: TextChange[];
  characters: number;
}

/** The recent edits of each open document, by version. */
export class ChangeHistory {
  private readonly steps = new Map<string, Step[]>();

  /** Records the edits that made `version` of `uri` from its last recorded version (undefined: the text was replaced whole). */
  record(uri: string, version: number, changes: TextChange[] | undefined): void {
    let list = this.steps.get(uri);
    const last = list?.[list.length - 1]?.version;
    // Versions only grow; one that does not starts the history afresh, never a sequence out of order.
    if (!list || (last !== undefined && last >= version)) this.steps.set(uri, (list = []));
    const after = changes && last !== undefined && last < version ? last : undefined;
    list.push({ version, after, changes: changes ?? [], characters: changes?.reduce((n, c) => n + c.text.length, 0) ?? 0 });
    let characters = list.reduce((n, s) => n + s.characters, 0);
    while (list.length > MAX_VERSIONS || (characters > MAX_CHARACTERS && list.length > 1)) characters -= list.shift()!.characters;
  }

  /**
   * The edits, in order, that turn version `since` of `uri` into version `to`; undefined when
   * they are not all known (a version never recorded, one replaced whole, one forgotten).
   */
  since(uri: string, since: number, to: number): TextChange[] | undefined {
    if (since === to) return [];
    const list = this.steps.get(uri);
    const first = list?.findIndex((s) => s.after === since) ?? -1;
    if (!list || first < 0) return undefined;
    const out: TextChange[] = [];
    for (let i = first; i < list.length; i++) {
      const step = list[i]!;
      // Each step must start from the version the one before it made.
      if (i > first && step.after !== list[i - 1]!.version) return undefined;
      out.push(...step.changes);
      if (step.version === to) return out;
    }
    return undefined;
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }

  /**
   * The configuration for `TextDocuments` that records each didChange's edits in offsets before
   * applying them. Each range is taken against the text as the edits before it left it, as the
   * protocol orders them, with the document's own `offsetAt` (the clamping the update itself uses).
   * The first version of a document starts its history (`create`).
   */
  documents() {
    return {
      create: (uri: string, languageId: string, version: number, content: string): EditedDocument => {
        this.forget(uri);
        this.record(uri, version, undefined);
        return new EditedDocument(uri, languageId, version, content);
      },
      update: (document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument => {
        const offsets: TextChange[] = [];
        let whole = false;
        for (const change of changes) {
          if ('range' in change) offsets.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text });
          else whole = true;
          // One at a time: the next change's range is in the text this one leaves.
          document.update([change], version);
        }
        if (changes.length === 0) document.update([], version);
        this.record(document.uri, version, whole ? undefined : offsets);
        return document;
      },
    };
  }
}

/** `text` with `changes` applied in order. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of changes) {
    if (c.start < 0 || c.end < c.start || c.end > out.length) throw new RangeError(`edit [${c.start}, ${c.end}) outside a text of ${out.length} characters`);
    out = out.slice(0, c.start) + c.text + out.slice(c.end);
  }
  return out;
}

/**
 * One range enclosing every change, in the coordinates of the text before them (`oldTo`) and
 * after them (`newTo`): outside it, the two texts are the same. Not the smallest such range (a
 * digit typed over the same digit still counts), which is all its users need. Undefined for no
 * changes.
 */
export function enclosingRange(changes: readonly TextChange[]): ChangedRange | undefined {
  let range: ChangedRange | undefined;
  for (const { start, end, text } of changes) {
    if (!range) {
      range = { from: start, oldTo: end, newTo: start + text.length };
      continue;
    }
    // Past `newTo` the current text is the old one moved by (newTo - oldTo); before `from`, it is the old one.
    const reach = Math.max(range.newTo, end);
    range = {
      from: Math.min(range.from, start),
      oldTo: reach + (range.oldTo - range.newTo),
      newTo: reach + text.length - (end - start),
    };
  }
  return range;
}
