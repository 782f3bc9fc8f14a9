import { DOCUMENT_KINDS, type DocumentKind } from '@edunorm/core';
import type { FileReport } from '../file-report.js';

const KNOWN = new Set<string>(DOCUMENT_KINDS);

/**
 * The document kinds a checked file declares, as the check read them (`report.documents`):
 * a JUnit report lists the rules a clean file passed too. The file is never read again, so
 * its encoding, size limits and parse are those of the check. An unreadable or broken file
 * declares no kind (its findings still show).
 */
export function documentKindsOf(report: FileReport): DocumentKind[] {
  const kinds = new Set<DocumentKind>();
  for (const doc of report.documents ?? []) if (doc.kind !== undefined && KNOWN.has(doc.kind)) kinds.add(doc.kind as DocumentKind);
  return [...kinds];
}
