import { BUILTIN_PACK_NAME, BUILTIN_RULE_FILES } from './generated/builtin-rules.js';
import { loadRulePack } from './rules/load-pack.js';
import type { RulePack } from './rules/rule-types.js';

let cached: RulePack | undefined;

/**
 * The default pack (the plan's 19 norms), embedded at build time from `rules/plan14/` so
 * the core works without a file system (in a browser, in a bundled extension).
 */
export function builtinPack(): RulePack {
  cached ??= loadRulePack(BUILTIN_PACK_NAME, BUILTIN_RULE_FILES);
  return cached;
}

export { BUILTIN_PACK_NAME };
