/**
 * Node-only helpers (file system). The rest of @edunorm/core runs anywhere.
 */

import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { loadRulePack } from './rules/load-pack.js';
import type { RuleFileText, RulePack } from './rules/rule-types.js';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { builtinPack } from './builtin-pack.js';
import { BUILTIN_PACK_REFERENCE, parseConfig, validateRuleSettings, type ParsedConfig } from './config.js';
import { DEFAULT_CONFIG_HASH, findConfigFile } from './config-files.js';
import { ConfigurationError } from './errors.js';
import { RuleSet } from './rules/rule-set.js';

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

// ------------------------------------------------------------------ configuration


export { findConfigFile };

export interface ResolvedConfig {
  /** The configuration file, or undefined for the defaults (built-in pack, default settings). */
  file?: string;
  /** Built on first use: a caller that only needs the hash (a cache check) never pays for it. */
  readonly ruleSet: RuleSet;
  /** Changes when the configuration or any pack's rule files change (cache keys). */
  hash: string;
  /** Files whose content the configuration depends on (the config file, local pack rule files). */
  dependencies: string[];
}

/** Adds a `ruleSet` built on first access (a spread would build it at once: it reads getters). */
function withLazyRuleSet(base: Omit<ResolvedConfig, 'ruleSet'>, create: () => RuleSet): ResolvedConfig {
  let value: RuleSet | undefined;
  return Object.defineProperty(base, 'ruleSet', {
    enumerable: true,
    get() {
      value ??= create();
      return value;
    },
  }) as ResolvedConfig;
}

function packFolderOfPackage(name: string, fromDir: string, parsed: ParsedConfig, index: number): string {
  const require = createRequire(join(fromDir, 'edunorm.config.yaml'));
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    const pos = parsed.locate(['extends', index]);
    throw new ConfigurationError('config/unknown-pack', `cannot load pack`, [
      { file: parsed.file, ...pos, code: 'config/unknown-pack', message: `"${name}" is neither edunorm:plan14, a folder (start it with ./) nor an installed npm package` },
    ]);
  }
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { edunorm?: { rules?: string } };
  return join(dirname(pkgJson), pkg.edunorm?.rules ?? 'rules');
}

/** Loads one configuration file: its packs (built-in, folders, npm packages) and settings. */
export function loadConfigFile(file: string): ResolvedConfig {
  const text = readFileSync(file, 'utf8');
  const parsed = parseConfig(text, file);
  const dir = dirname(file);
  const hash = createHash('sha256').update(text);
  const dependencies = [file];
  const packs = (parsed.config.extends ?? [BUILTIN_PACK_REFERENCE]).map((ref, index) => {
    if (ref === BUILTIN_PACK_REFERENCE) {
      hash.update(DEFAULT_CONFIG_HASH);
      return builtinPack();
    }
    const folder = ref.startsWith('.') || isAbsolute(ref) ? resolve(dir, ref) : packFolderOfPackage(ref, dir, parsed, index);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new ConfigurationError('config/unknown-pack', 'cannot load pack', [
        { file, ...parsed.locate(['extends', index]), code: 'config/unknown-pack', message: `rule pack folder not found: ${folder}` },
      ]);
    }
    const files = readRuleFiles(folder);
    for (const f of files) {
      hash.update(f.file).update(f.text);
      dependencies.push(f.file);
    }
    return loadRulePack(basename(folder), files);
  });
  validateRuleSettings(parsed, packs);
  return withLazyRuleSet({ file, hash: hash.digest('hex'), dependencies }, () => new RuleSet(packs, parsed.config.rules ?? {}));
}

/**
 * Finds and loads the configuration for each checked file's folder, once per configuration
 * file (a CI run over thousands of files in hundreds of folders loads each config once).
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  private defaults?: ResolvedConfig;

  /** `override`: a `--config FILE` that applies to every file. */
  constructor(private readonly override?: string) {}

  forFile(path: string): ResolvedConfig {
    return this.forFolder(dirname(resolve(path)));
  }

  forFolder(folder: string): ResolvedConfig {
    let file: string | undefined = this.override ? resolve(this.override) : undefined;
    if (!file) {
      if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
      file = this.byFolder.get(folder);
    }
    if (!file) {
      this.defaults ??= withLazyRuleSet({ hash: DEFAULT_CONFIG_HASH, dependencies: [] }, () => new RuleSet([builtinPack()]));
      return this.defaults;
    }
    let config = this.byFile.get(file);
    if (!config) {
      config = loadConfigFile(file);
      this.byFile.set(file, config);
    }
    return config;
  }
}
