import { DOCUMENT_KINDS, type ActiveRule } from '@edunorm/core';

/** Rules as users look for them: by document kind (budget, staffing, district), then by id. */
export function sortRules<T extends Pick<ActiveRule, 'definition'>>(rules: readonly T[]): T[] {
  const kindOrder = (r: T) => DOCUMENT_KINDS.indexOf(r.definition.kind);
  return [...rules].sort((a, b) => kindOrder(a) - kindOrder(b) || (a.definition.id < b.definition.id ? -1 : a.definition.id > b.definition.id ? 1 : 0));
}

/** `P14 三(三)1(2)`: the source document's short id and the section. */
export function sourceLabel(rule: Pick<ActiveRule, 'definition'>): string {
  return `${rule.definition.citation.source} ${rule.definition.citation.section}`;
}

export function effectiveSeverity(rule: ActiveRule) {
  return rule.severity ?? rule.definition.severity;
}
