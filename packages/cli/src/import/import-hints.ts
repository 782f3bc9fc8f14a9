/**
 * What the importer's messages tell a user to do depends on where they are: at the command line
 * the header words are in docs/import-mapping.md, a mapping file adds more (`--mapping`), and a
 * missing school code is given with `--school-code`; in the browser checker, a clerk has no docs
 * folder and no flags, but a table of the header words and a form on the same page. The words
 * of a problem stay the importer's; only these pointers change with the front end.
 */
import type { LocalizedText } from '@edunorm/core';

export interface ImportHints {
  /** Where the recognised header words are listed (said in parentheses after an unknown word). */
  headers: LocalizedText;
  /** How a user adds words of their own, if they can (joined after `headers`). */
  addWords?: LocalizedText;
  /** How a required document field is given besides a row of the sheet (`flag`: the CLI's option for it, if any). */
  giveField: (flag: string | undefined) => LocalizedText | undefined;
}

export const CLI_HINTS: ImportHints = {
  headers: { 'zh-CN': '见 docs/import-mapping.md', en: 'see docs/import-mapping.md' },
  addWords: { 'zh-CN': '或用 --mapping 指定', en: 'or give --mapping' },
  giveField: (flag) => (flag ? { 'zh-CN': `用 ${flag} 给出`, en: flag } : undefined),
};

/** The browser checker's: its "sheet options" hold the table of header words and the school's fields. */
export const PAGE_HINTS: ImportHints = {
  headers: { 'zh-CN': '见本页“表格选项”中的列名对照表', en: 'see the table of header words under “Sheet options” on this page' },
  giveField: (flag) => (flag ? { 'zh-CN': '在本页“表格选项”中填写', en: 'fill it in under “Sheet options” on this page' } : undefined),
};

/** `(列名见 …,或用 --mapping 指定)`: the parenthesis after an unknown header word. */
export function headerHint(hints: ImportHints, noun: { 'zh-CN': string; en: string } | undefined): LocalizedText {
  const zh = `${noun ? noun['zh-CN'] : ''}${hints.headers['zh-CN']}${hints.addWords ? `,${hints.addWords['zh-CN']}` : ''}`;
  const en = `${hints.headers.en}${hints.addWords ? `, ${hints.addWords.en}` : ''}`;
  return { 'zh-CN': `(${zh})`, en: `(${en})` };
}
