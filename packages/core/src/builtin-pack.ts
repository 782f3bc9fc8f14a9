import { BUILTIN_PACK_NAME as GENERATED_NAME, BUILTIN_RULES } from './generated/builtin-rules.js';
import type { RulePack } from './rules/rule-types.js';

/**
 * The default pack (the plan's 33 norms), embedded at build time from `rules/plan14/` so the
 * core works without a file system (in a browser, in a bundled extension) and starts fast.
 */
export function builtinPack(): RulePack {
  return { name: BUILTIN_PACK_NAME, rules: BUILTIN_RULES as RulePack['rules'] };
}

/**
 * Frozen, all the way down: every caller gets the same definitions, and one that edited them
 * (`builtinPack().rules.splice(…)`, a rule's `severity` set — the type allows both) changed the
 * built-in pack for every later check in the process (outside review). Now such an edit throws
 * in strict mode and does nothing otherwise; a pack of one's own is made by copying.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
deepFreeze(BUILTIN_RULES);

/** Name of the built-in pack (`plan14`), as findings and `edunorm rules` show it. */
export const BUILTIN_PACK_NAME: string = GENERATED_NAME;
