/** Where a rule's documentation page lives (SARIF helpUri, markdown links, editor links). */
export const DOCS_BASE = 'https://github.com/edunorm/edunorm/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id.replace('/', '-')}.md`;
}
