/**
 * Node-only helpers (file system). The rest of @edunorm/core runs anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadRulePack } from './rules/load-pack.js';
import type { RuleFileText, RulePack } from './rules/rule-types.js';

/** Reads every `*.yaml` rule file of a folder (not recursive) as texts. */
export function readRuleFiles(folder: string): RuleFileText[] {
  const dir = resolve(folder);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** Loads a rule pack from a folder of rule files; the pack is named after the folder. */
export function loadRulePackFromDirectory(folder: string, name = basename(resolve(folder))): RulePack {
  return loadRulePack(name, readRuleFiles(folder));
}
