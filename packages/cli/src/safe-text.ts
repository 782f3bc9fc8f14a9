/**
 * Text from a user's file (names, ids, file names, messages quoting values) printed to a
 * terminal or a CI log must stay text: a staff name "x\n::add-mask::…" would otherwise become
 * a GitHub workflow command, an ESC/OSC sequence would recolour, retitle or hide the terminal's
 * output, U+2028 or a bidi override would make a line read differently from what it holds.
 *
 * `safeText` is the one escaping function for such text: C0 and C1 controls, DEL, U+2028/2029
 * and the bidi embedding/override/isolate controls are written visibly (`\n`, `\x1b`,
 * `\u2028`), and text that would begin a line with `::` gets its first colon escaped.
 * `guardLines` is the last line of defence on whole outputs: no line edunorm did not mean as a
 * workflow command may start (after blanks — the runner trims them) with `::`. The controls are
 * core's list (visible-text.ts), which the browser checker shows the same way.
 */
import { visibleControls } from '@edunorm/core/internal/file-limits';

/** A colon written so that no runner reads it as the start of a command. */
const ESCAPED_COLON = '\\x3a';

/** One escaping function for user text in terminal and log output (see the module comment). */
export function safeText(s: string): string {
  const escaped = visibleControls(s);
  return escaped.replace(/^(\s*):(?=:)/, `$1${ESCAPED_COLON}`);
}

/** Escapes a leading `::` on every line of an output that carries no intended workflow command. */
export function guardLines(text: string): string {
  return text.replace(/^([^\S\r\n]*):(?=:)/gm, `$1${ESCAPED_COLON}`);
}

/** A command-line word as a POSIX shell reads it back: quoted when it holds anything but plain characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
