/** Where each rule's documentation lives (one Markdown page per rule id). */
export const RULE_DOCS_BASE = 'https://github.com/edunorm/edunorm/blob/main/docs/rules/';

/** `schema/type` → `…/docs/rules/schema-type.md`: ids with a slash become one file name. */
export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId.replace(/\//g, '-'))}.md`;
}
