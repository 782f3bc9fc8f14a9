import type { LocalizedText, Severity } from '@edunorm/core';
import type { StructuralId } from '@edunorm/core/internal';

/** Something the importer could not take from the sheet as it stands, named by its cell. */
export interface ImportProblem {
  /** An `import/*` id of the registry (packages/core/src/checks/import.ts: title and docs). */
  ruleId: Extract<StructuralId, `import/${string}`>;
  severity: Severity;
  /** `sheet!C12`, or `sheet!3` style row reference when a whole row is meant. */
  cell: string;
  message: LocalizedText;
}
