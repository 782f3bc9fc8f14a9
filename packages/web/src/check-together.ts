/**
 * The files of one drop checked together, as `edunorm check` checks a folder (shared/spec/
 * workspace.md, "the county as the unit"): each file is checked on its own first (checkInput,
 * which keeps its contribution to the norms across documents), then the county norms run over
 * the contributions of every file dropped — a district's indicators with its schools' budgets
 * and staff lists — and their findings land in the files they are about. The page has no
 * folder and no configuration: the built-in rules, and the files' names as their names.
 */
import { getDefaultRuleSet, type Locale } from '@edunorm/core';
import { evaluateWorkspace, mergeWorkspaceResult, WorkspaceIndex } from '@edunorm/core/internal';
import type { Outcome } from './check-input.js';

/** Names that tell the files apart: three dropped `staffing-2025.yaml` are `staffing-2025.yaml`, `… (2)`, `… (3)`. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    let k = n;
    while (taken.has(`${name} (${k})`)) k++;
    taken.add(`${name} (${k})`);
    return `${name} (${k})`;
  });
}

/**
 * The outcomes with the findings across documents merged in (and the per-school findings a
 * county-pooled norm withdraws, taken out), each under its distinct name (`key`).
 */
export async function checkTogether(outcomes: readonly Outcome[], locale: Locale): Promise<Outcome[]> {
  const keys = distinctNames(outcomes.map((o) => o.name));
  const index = new WorkspaceIndex();
  outcomes.forEach((o, i) => {
    if (o.result?.workspace?.contributions.length) index.set(keys[i]!, o.result.workspace);
  });
  const workspace = index.size > 0 ? await evaluateWorkspace(index, getDefaultRuleSet(), locale) : undefined;
  return outcomes.map((o, i) => {
    const key = keys[i]!;
    if (!o.result) return { ...o, key };
    if (!workspace) {
      const { workspace: _w, ...own } = o.result;
      return { ...o, key, result: own };
    }
    return { ...o, key, result: mergeWorkspaceResult(key, o.result, workspace) };
  });
}
