/**
 * Finding configuration files, without loading anything heavy: the CLI's cache check uses
 * this before deciding whether the rule engine needs loading at all. Node only
 * (`@edunorm/core/internal/config-files`); the names are in config.ts, which runs anywhere.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILTIN_PACK_HASH } from './generated/builtin-hash.js';

import { CONFIG_FILE_NAMES } from './config-names.js';
export { CONFIG_FILE_NAMES };

/** Identity of the configuration used when no configuration file applies. */
export const DEFAULT_CONFIG_HASH = `builtin:${BUILTIN_PACK_HASH}`;
export { BUILTIN_PACK_HASH };

/**
 * The nearest configuration file from `folder` upward, or undefined. `memo` (folder → answer)
 * lets a run over hundreds of sibling folders look at each ancestor once; `unconfigured`: folders
 * already listed (the CLI's walk) that hold no configuration file, so are not asked again.
 */
export function findConfigFile(folder: string, memo?: Map<string, string | undefined>, unconfigured?: ReadonlySet<string>): string | undefined {
  const visited: string[] = [];
  let dir = resolve(folder);
  let found: string | undefined;
  for (;;) {
    if (memo?.has(dir)) {
      found = memo.get(dir);
      break;
    }
    visited.push(dir);
    const hit = unconfigured?.has(dir) ? undefined : CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
    if (hit) {
      found = hit;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (memo) for (const v of visited) memo.set(v, found);
  return found;
}
