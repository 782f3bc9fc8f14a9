import { resolve } from 'node:path';
import type { RuleSet } from '@edunorm/core';
import { configForFolder } from '../config/resolve.js';
import type { Io } from '../main.js';

/**
 * The rule set `rules` and `explain` describe: the configuration that applies in the working
 * folder (nearest edunorm.config.yaml upward, or `--config FILE`), so what they print is what
 * `edunorm check` would run there.
 */
export function ruleSetForCommand(io: Io, configFile: string | undefined): RuleSet {
  return configForFolder(io.cwd, configFile === undefined ? undefined : resolve(io.cwd, configFile)).ruleSet;
}
