/**
 * The main thread's view of each open document, per version: its outline (hover, completion,
 * symbols) and whether it is a submission (which features answer). Both used to be derived
 * afresh for every version — classifyText parsed the whole text and buildOutline outlined it,
 * about 80 ms of a 5,000-staff file at the first hover after each keystroke, while that same
 * thread had the diagnostics to publish. Now a version is derived from the one before:
 *
 * - the outline is updated in place when the edit stays inside one record of a top-level
 *   list (core's updateOutline, the same outline buildOutline gives), else built afresh;
 * - the classification carries over such an edit when it comes after the document's
 *   `apiVersion:` (the submission's declaration and everything before the list are unchanged:
 *   the parse still finds them, or the line test does when the edit broke the YAML), and the
 *   validation worker's verdict for a version replaces it (`classified`). Anything else is
 *   classified by core's classifyText, as before.
 */
import { changedRange, buildOutline, documentAt, updateOutline, type OutlineFile } from '@edunorm/core/internal';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { enclosingRange, type TextChange } from './text-changes.js';

interface Model {
  version: number;
  text: string;
  outline?: OutlineFile;
  /** Whether this version is a submission, when known (undefined: ask classifyText). */
  edunorm?: boolean;
}

/** Whether an edit starting at `from` in `outline`'s text lies after its document's `apiVersion:` line. */
function afterDeclaration(outline: OutlineFile, from: number): boolean {
  const doc = documentAt(outline, from);
  const api = doc.isEdunorm ? doc.root.children.find((c) => c.key === 'apiVersion') : undefined;
  return api !== undefined && outline.positions.position(api.end).line < outline.positions.position(from).line;
}

export class DocumentModels {
  private readonly models = new Map<string, Model>();

  /** `changes`: the client's edits between two versions of a document, when known (text-changes.ts). */
  constructor(private readonly changes?: (uri: string, since: number, to: number) => readonly TextChange[] | undefined) {}

  /** Where the document's text changed since `known`: from the client's edits when they are known, else by comparing the texts. */
  private rangeSince(document: TextDocument, known: Model, text: string) {
    const edits = this.changes?.(document.uri, known.version, document.version);
    return edits ? enclosingRange(edits) : changedRange(known.text, text);
  }

  /** The model of the document's current version, derived from the previous one where it can be. */
  private model(document: TextDocument): Model {
    const known = this.models.get(document.uri);
    if (known && known.version === document.version) return known;
    const text = document.getText();
    const next: Model = { version: document.version, text };
    // Without an outline there is nothing to carry over (and no need to compare the texts).
    const range = known?.outline ? this.rangeSince(document, known, text) : undefined;
    if (known?.outline && !range) {
      // The same text under a new version (an undo back, a no-op change).
      if (known.outline) next.outline = known.outline;
      if (known.edunorm !== undefined) next.edunorm = known.edunorm;
    } else if (known?.outline && range) {
      const inherit = known.edunorm === true && afterDeclaration(known.outline, range.from);
      const outline = updateOutline(known.outline, text, range.from, range.oldTo, range.newTo);
      if (outline) {
        next.outline = outline;
        if (inherit) next.edunorm = true;
      }
    }
    this.models.set(document.uri, next);
    return next;
  }

  /** The outline of the document as it is now. */
  outline(document: TextDocument): OutlineFile {
    const model = this.model(document);
    model.outline ??= buildOutline(model.text);
    return model.outline;
  }

  /** Whether the document as it is now is a submission; `classify` (core's classifyText) decides when nothing known does. */
  isEdunorm(document: TextDocument, classify: (text: string) => boolean): boolean {
    const model = this.model(document);
    model.edunorm ??= classify(model.text);
    return model.edunorm;
  }

  /** The validation worker's verdict for the document's current version (it classified the very text). */
  classified(document: TextDocument, version: number, edunorm: boolean): void {
    if (document.version !== version) return;
    this.model(document).edunorm = edunorm;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
