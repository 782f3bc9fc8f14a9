import { BUILTIN_PACK_NAME as GENERATED_NAME, BUILTIN_RULES } from './generated/builtin-rules.js';
import type { RulePack } from './rules/rule-types.js';

/**
 * The default pack (the plan's 33 norms), embedded at build time from `rules/plan14/` so the
 * core works without a file system (in a browser, in a bundled extension) and starts fast.
 */
export function builtinPack(): RulePack {
  return { name: BUILTIN_PACK_NAME, rules: BUILTIN_RULES as RulePack['rules'] };
}

/** Name of the built-in pack (`plan14`), as findings and `edunorm rules` show it. */
export const BUILTIN_PACK_NAME: string = GENERATED_NAME;
