/**
 * User text shown to a person must read as it is written. A bidi override in a staff name
 * (`张老师\u202e`) turns the figures after it around on screen — "3,200" reads "002,3" — and a
 * line or paragraph separator or a control character breaks a line where none is. Both the
 * command line (safe-text.ts, which adds its own rule for workflow commands) and the browser
 * checker show such characters as visible escapes instead: one list, here.
 */

/** C0 controls, DEL, C1; line and paragraph separators; bidi embeddings, overrides (U+202A–E) and isolates (U+2066–9). */
export const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every character of INVISIBLE_CONTROLS written as an escape (`\n`, `\x1b`, `\u202e`). */
export function visibleControls(s: string): string {
  return s.replace(INVISIBLE_CONTROLS, escapeOne);
}
