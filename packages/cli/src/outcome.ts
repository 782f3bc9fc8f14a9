/**
 * What an executor hands back for one checked file: a few numbers the pipeline keeps in memory
 * (counts, the file's workspace input, cache bookkeeping) and the report itself as one JSON
 * line, which goes straight to the spool. One string per file is what crosses a thread
 * boundary (a structured clone of a string is a copy of its bytes, of a findings tree a walk
 * of every object), and the pipeline never holds the findings.
 */
import type { Finding } from '@edunorm/core';
import type { WorkspaceFileInput } from '@edunorm/core/internal';
import type { CheckedFile } from './file-report.js';

/** How many findings of one kind a file has: what a `pooling: county` retraction could withdraw. */
export interface RetractableCount {
  documentIndex: number;
  ruleId: string;
  outcome: string;
  severity: Finding['severity'];
  count: number;
}

export interface Outcome {
  index: number;
  isEdunorm: boolean;
  /** Findings by severity: error, warning, info. */
  counts: [number, number, number];
  /** Only for files with a workspace input (the files a district's retraction can reach). */
  retractable?: RetractableCount[];
  workspace?: WorkspaceFileInput;
  /** `JSON.stringify` of the report without target and workspace input (`SpooledReport`). */
  line: string;
  /** The configuration the file was checked with (absent for a file that was not checked: unreadable, too large). */
  config?: { file?: string; hash: string; dependencies: string[] };
  /** Content digest and stat at read time, when the result may be cached (no encoding finding). */
  cacheable?: { sha: string; size: number; mtimeMs: number; ctimeMs: number; ino: number; at?: number };
  /** The file's element of the JSON output, rendered where it was checked (CheckOptions.renderJson). */
  rendered?: string;
}

/** What a spool line holds. */
export type SpooledReport = Omit<CheckedFile, 'workspace'>;

/** Makes the outcome of one file's result (in the thread that checked it, or for a cache hit). */
export function toOutcome(index: number, checked: CheckedFile, extra: Pick<Outcome, 'config' | 'cacheable' | 'rendered'> = {}): Outcome {
  const { workspace, ...report } = checked;
  const counts: Outcome['counts'] = [0, 0, 0];
  for (const f of report.findings) counts[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
  const out: Outcome = { index, isEdunorm: report.isEdunorm, counts, line: JSON.stringify(report), ...extra };
  if (workspace && workspace.contributions.length > 0) {
    out.workspace = workspace;
    const byKey = new Map<string, RetractableCount>();
    for (const f of report.findings) {
      if (f.outcome === undefined) continue; // a retraction names outcomes: a finding without one is never withdrawn
      const key = `${f.documentIndex}\0${f.ruleId}\0${f.outcome}\0${f.severity}`;
      const c = byKey.get(key);
      if (c) c.count++;
      else byKey.set(key, { documentIndex: f.documentIndex, ruleId: f.ruleId, outcome: f.outcome, severity: f.severity, count: 1 });
    }
    if (byKey.size) out.retractable = [...byKey.values()];
  }
  return out;
}
