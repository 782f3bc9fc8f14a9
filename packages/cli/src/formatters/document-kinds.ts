import { readFileSync } from 'node:fs';
import { DOCUMENT_KINDS, type DocumentKind } from '@edunorm/core';
import { parseYaml } from '@edunorm/core/internal';
import type { FileReport } from '../check-files.js';

const KNOWN = new Set<string>(DOCUMENT_KINDS);

/**
 * The document kinds a checked file declares. A report carries findings only, yet a JUnit
 * report must list the rules a clean file passed too, so the file is read once more.
 * An unreadable or broken file declares no kind (its findings still show).
 */
export function documentKindsOf(report: FileReport): DocumentKind[] {
  let text: string;
  try {
    text = readFileSync(report.file.absolute, 'utf8');
  } catch {
    return [];
  }
  const kinds = new Set<DocumentKind>();
  for (const doc of parseYaml(text).documents) {
    const kind = (doc.value as { kind?: unknown } | null | undefined)?.kind;
    if (typeof kind === 'string' && KNOWN.has(kind)) kinds.add(kind as DocumentKind);
  }
  return [...kinds];
}
