import type { Finding, RelatedLocation } from '@edunorm/core';

/** `file:line:col` of a related location; the file is named when it is another one than the finding's. */
export function relatedWhere(r: RelatedLocation, ownFile: string): string {
  const pos = `${r.range.start.line}:${r.range.start.column}`;
  return r.file !== undefined && r.file !== ownFile ? `${r.file}:${pos}` : pos;
}

/**
 * Each related location as one plain line, `where  message` (formatters make them safe for
 * their medium). `otherFilesOnly`: only those in other files — the formats that show one
 * location per finding (github, junit, markdown) add what a reader cannot find otherwise.
 */
export function relatedLines(f: Finding, ownFile: string, otherFilesOnly = false): string[] {
  return (f.related ?? []).filter((r) => !otherFilesOnly || (r.file !== undefined && r.file !== ownFile)).map((r) => `${relatedWhere(r, ownFile)}  ${r.message}`);
}
