import type { LocalizedText, Severity } from '@edunorm/core';

/** Something the importer could not take from the sheet as it stands, named by its cell. */
export interface ImportProblem {
  ruleId:
    | 'import/unconvertible'
    | 'import/excel-error'
    | 'import/formula-without-value'
    | 'import/unknown-column'
    | 'import/unknown-label'
    | 'import/duplicate-field'
    | 'import/missing-column'
    | 'import/skipped-row';
  severity: Severity;
  /** `sheet!C12`, or `sheet!3` style row reference when a whole row is meant. */
  cell: string;
  message: LocalizedText;
}
