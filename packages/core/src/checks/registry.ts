/**
 * Every structural id, collected from the family files of this folder. Adding an id to a family
 * is a change to that family's file only; a new family (say `plausibility.ts`) is one more entry
 * in FAMILIES. The type StructuralId is the union of all ids, so code that emits an id that is
 * not registered does not compile (emit with `structural(id)`).
 */
import { builtinPack } from '../builtin-pack.js';
import type { Severity } from '../types.js';
import { CONFIG_CHECKS } from './config.js';
import type { StructuralRule } from './define.js';
import { DIRECTIVE_CHECKS } from './directive.js';
import { ENGINE_CHECKS } from './engine.js';
import { FILE_CHECKS } from './file.js';
import { IMPORT_CHECKS } from './import.js';
import { SCHEMA_CHECKS } from './schema.js';
import { WORKSPACE_CHECKS } from './workspace.js';
import { YAML_CHECKS } from './yaml.js';

const FAMILIES = [YAML_CHECKS, SCHEMA_CHECKS, FILE_CHECKS, DIRECTIVE_CHECKS, ENGINE_CHECKS, CONFIG_CHECKS, IMPORT_CHECKS, WORKSPACE_CHECKS] as const;

/** Every id a structural check can report. */
export type StructuralId = KeysOf<(typeof FAMILIES)[number]> & string;
/** The keys of each member of a union (keyof a union would give only the keys all members share). */
type KeysOf<T> = T extends unknown ? keyof T : never;

/** Every structural id the checker can report, with its severity, title and docs. */
export const STRUCTURAL_RULES: readonly StructuralRule[] = FAMILIES.flatMap((f) => Object.values(f) as StructuralRule[]);

const BY_ID = new Map(STRUCTURAL_RULES.map((r) => [r.id, r]));

/** The structural rule with an id, or undefined (a norm's id, or no rule at all). */
export function structuralRule(id: string): StructuralRule | undefined {
  return BY_ID.get(id);
}

/** The id and default severity of a registered check, for the finding that reports it. */
export function structural<Id extends StructuralId>(id: Id): { ruleId: Id; severity: Severity } {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`structural id ${id} is not registered in packages/core/src/checks`);
  return { ruleId: id, severity: rule.severity };
}

/** Where the rule pages are published (SARIF helpUri, Markdown links, the editor's links). */
export const RULE_DOCS_BASE = 'https://github.com/edunorm/edunorm/blob/main/docs/rules/';

/** File name of a rule's page in docs/rules: slashes become dashes (`schema/type` → `schema-type.md`). */
export function rulePageName(id: string): string {
  return `${id.replace(/\//g, '-')}.md`;
}

const BUILTIN_NORMS = new Set(builtinPack().rules.map((r) => r.id));

/** Whether docs/rules has a page for an id: a structural id or a norm of the built-in pack (a county's own rules have none). */
export function hasRulePage(id: string): boolean {
  return BY_ID.has(id) || BUILTIN_NORMS.has(id);
}

/**
 * The published page of a rule id (a norm of the built-in pack or a structural id), or
 * undefined for an id with no page — a county's own rule — so that no link leads nowhere.
 */
export function ruleDocUrl(id: string): string | undefined {
  return hasRulePage(id) ? `${RULE_DOCS_BASE}${encodeURIComponent(rulePageName(id).slice(0, -3))}.md` : undefined;
}
