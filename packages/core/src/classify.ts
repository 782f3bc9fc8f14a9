/**
 * Which texts are ours, decided by parsing — the one answer for the CLI, `report` and the
 * language server. A line regex skipped valid files (`apiVersion: !!str edunorm/v1`, an
 * anchor, the value on the next line, quoted or escaped keys, one-line flow or JSON
 * documents) and took rule files, whose test documents quote `apiVersion: edunorm/v1` inside
 * block text, for submissions.
 *
 * Cheap first: a text can only declare `edunorm/…` if it contains "edunorm" or a backslash
 * (a double-quoted escape); a rule file only if it contains "id" and "outcomes" or "tests".
 * Anything else is "other" without parsing. Exact second: the parsed top-level keys of each
 * `---` document.
 */
import { CONFIG_FILE_NAMES } from './config.js';
import { isEdunormText as declaresEdunormLine } from './file-limits.js';
import type { ParsedDocument, ParsedFile } from './parse/parse-yaml.js';
import { sourceFile } from './parse/source-file.js';

export { declaresEdunormLine };

/** What a text is to edunorm: a submission to check, a rule file, the configuration, or not ours. */
export type TextClass = 'submission' | 'rule-file' | 'config' | 'other';

/** Whether a file name is `edunorm.config.yaml` (or `.yml`), in any folder. */
export function isConfigFileName(path: string | undefined): boolean {
  if (!path) return false;
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(base);
}

function topLevel(doc: ParsedDocument): Readonly<Record<string, unknown>> | undefined {
  const v = doc.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  return doc.head;
}

/** `apiVersion: edunorm/…` at the very start of a line (as a top-level key is written). */
const DECLARATION_AT_LINE_START = /^\uFEFF?["']?apiVersion["']?[ \t]*:[ \t]*["']?edunorm\//m;

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * A document declaring `apiVersion: edunorm/…` — or the declaration quoted whole by mistake
 * (`"apiVersion: edunorm/v1"`, one string): a submission gone wrong, told as such
 * (`schema/not-a-mapping`) rather than skipped.
 */
export function isSubmissionDocument(doc: ParsedDocument): boolean {
  if (typeof doc.value === 'string') return declaresEdunormLine(doc.value);
  const head = topLevel(doc);
  const api = head && has(head, 'apiVersion') ? head.apiVersion : undefined;
  return typeof api === 'string' && api.startsWith('edunorm/');
}

/** A rule file's document: `id:` and `outcomes:` or `tests:` at the top level. */
function isRuleDocument(doc: ParsedDocument): boolean {
  const head = topLevel(doc);
  return head !== undefined && has(head, 'id') && (has(head, 'outcomes') || has(head, 'tests'));
}

/** Classifies an already parsed text (the check pipeline parses once and reuses it). */
export function classifyParsed(file: ParsedFile, path?: string): TextClass {
  if (isConfigFileName(path)) return 'config';
  if (file.documents.some(isSubmissionDocument)) return 'submission';
  if (file.documents.some((d) => d.problems.some((p) => p.code === 'file/too-large' || p.code === 'yaml/too-deep')) && declaresEdunormLine(file.text)) return 'submission';
  // A document so broken that even its root is unknown: the line test decides, so a user's
  // half-typed submission still gets its syntax errors.
  if (file.documents.some((d) => d.value === undefined && d.head === undefined && d.problems.length > 0) && declaresEdunormLine(file.text)) return 'submission';
  if (file.documents.length > 0 && isRuleDocument(file.documents[0]!)) return 'rule-file';
  // A syntax error can hide the declaration inside a key of its own: garbage glued onto the line
  // before it (`--- # x` with a no-break space instead of the space, a stray first line) makes
  // `yaml` read `<garbage> apiVersion` as one key. Skipping such a file as not ours would pass a
  // broken submission unseen; with the declaration on a line of its own it is ours, with its errors.
  // At the start of a line only: an indented one may be block text of another file.
  if (file.documents.some((d) => d.problems.length > 0) && DECLARATION_AT_LINE_START.test(file.text)) return 'submission';
  return 'other';
}

/** The cheap test: false means the text is certainly neither a submission nor a rule file. */
export function mightBeOurs(text: string): boolean {
  return text.includes('edunorm') || text.includes('\\') || (text.includes('id') && (text.includes('outcomes') || text.includes('tests')));
}

/**
 * What a text is: an edunorm submission (some `---` document declares `apiVersion: edunorm/…`),
 * a rule file (`rules/<pack>/<id>.yaml`: `id:` with `outcomes:`/`tests:`), the configuration
 * (`edunorm.config.yaml`, by its file name), or something else that is left alone.
 */
export function classifyText(text: string, path?: string): TextClass {
  if (isConfigFileName(path)) return 'config';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!mightBeOurs(body)) return 'other';
  return classifyParsed(sourceFile(body).parsed(), path);
}
