/**
 * Finding configuration files, without loading anything heavy: the CLI's cache check uses
 * this before deciding whether the rule engine needs loading at all.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILTIN_PACK_HASH } from './generated/builtin-hash.js';

export const CONFIG_FILE_NAMES = ['edunorm.config.yaml', 'edunorm.config.yml'] as const;

/** Identity of the configuration used when no configuration file applies. */
export const DEFAULT_CONFIG_HASH = `builtin:${BUILTIN_PACK_HASH}`;
export { BUILTIN_PACK_HASH };

/** The nearest configuration file from `folder` upward, or undefined. */
export function findConfigFile(folder: string): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
