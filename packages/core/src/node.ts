/**
 * Node-only helpers (file system). The rest of @edunorm/core runs anywhere.
 */

import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { loadRulePack } from './rules/load-pack.js';
import type { RuleFileText, RulePack } from './rules/rule-types.js';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { builtinPack } from './builtin-pack.js';
import { BUILTIN_PACK_REFERENCE, parseConfig, validateRuleSettings, type ParsedConfig } from './config.js';
import { DEFAULT_CONFIG_HASH, findConfigFile } from './config-files.js';
import { configMessages as CM, ruleFileMessages as RM } from './checks/config.js';
import { ConfigurationError, localizedProblem, RulePackError, type Problem, type ProblemLocation } from './errors.js';
import { DEFAULT_MAX_FILE_BYTES } from './file-limits.js';
import { failureReason } from './messages/system-errors.js';
import { RuleSet } from './rules/rule-set.js';
import type { Locale, LocalizedText } from './types.js';

/**
 * Reads a configuration or rule file as text. Never blocks (a FIFO named `*.yaml`) and never
 * reads a huge file; what cannot be read throws an error whose `code` says why.
 */
function readDataFile(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    const fail = (code: string, text?: LocalizedText) => Object.assign(new Error(code), { code, ...(text ? { text } : {}) });
    if (stat.isDirectory()) throw fail('EISDIR');
    if (!stat.isFile()) throw fail('not a regular file', RM.notRegularFile());
    if (stat.size > DEFAULT_MAX_FILE_BYTES) throw fail(`larger than ${DEFAULT_MAX_FILE_BYTES} bytes`, RM.tooLarge(DEFAULT_MAX_FILE_BYTES));
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Nothing at the path: it, or a folder on the way, does not exist. */
const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes(String((error as NodeJS.ErrnoException).code));

/**
 * Reads every `*.yaml` rule file of a folder (not recursive) as texts; unreadable ones, and
 * names that look like rule files in the wrong case (`Rule.YAML`, which would be skipped
 * unseen), are a located RulePackError. May return no files: callers say where that matters.
 */
export function readRuleFiles(folder: string): RuleFileText[] {
  const dir = resolve(folder);
  const problems: Problem[] = [];
  const names = readdirSync(dir);
  for (const name of names) {
    if (/\.ya?ml$/i.test(name) && !/\.ya?ml$/.test(name)) {
      const fixed = name.replace(/\.(ya?ml)$/i, (_m, ext: string) => `.${ext.toLowerCase()}`);
      problems.push(localizedProblem({ file: join(dir, name), line: 1, column: 1 }, 'rule-file/name', RM.fileName(name, fixed)));
    }
  }
  const files = names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      try {
        return [{ file, text: readDataFile(file) }];
      } catch (error) {
        problems.push(localizedProblem({ file, line: 1, column: 1 }, 'rule-file/unreadable', RM.unreadable(failureReason(error))));
        return [];
      }
    });
  if (problems.length) throw new RulePackError(problems);
  return files;
}

/** What a folder with no rule file in it is told (an empty folder, `/etc`, a typo in a path). */
export const NO_RULE_FILES = (folder: string) => CM.noRuleFiles(folder).en;

/** Loads a rule pack from a folder of rule files; the pack is named after the folder. A folder without rule files is an error, not an empty pack. */
export function loadRulePackFromDirectory(folder: string, name = basename(resolve(folder))): RulePack {
  const files = readRuleFiles(folder);
  if (files.length === 0) throw new RulePackError([localizedProblem({ file: resolve(folder), line: 1, column: 1 }, 'rule-file/empty-pack', CM.noRuleFiles(resolve(folder)))]);
  // Beside the built-in rules: a norm of the pack may take a parameter of one of them (`{ param, rule }`).
  return loadRulePack(name, files, builtinPack().rules);
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
  /** The configuration's `locale:`, when it fixes the language of messages. */
  locale?: Locale;
  /**
   * Paths the configuration depends on: the config file, each pack's rule files, each pack
   * folder (its listing: a rule file added or removed changes the pack), an npm pack's
   * package.json, and the nearer `node_modules/<name>/package.json` paths that must stay absent
   * (one appearing would shadow the resolved pack).
   */
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

function packFolderOfPackage(name: string, fromDir: string, parsed: ParsedConfig, index: number, dependencies: string[]): string {
  const require = createRequire(join(fromDir, 'edunorm.config.yaml'));
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    const pos = parsed.locate(['extends', index]);
    throw new ConfigurationError('config/unknown-pack', `cannot load pack`, [
      localizedProblem({ file: parsed.file, ...pos }, 'config/unknown-pack', CM.unknownPackage(name)),
    ]);
  }
  let pkg: { edunorm?: { rules?: string } };
  try {
    pkg = JSON.parse(readDataFile(pkgJson)) as { edunorm?: { rules?: string } };
  } catch (error) {
    throw new ConfigurationError('config/unknown-pack', 'cannot load pack', [
      localizedProblem({ file: parsed.file, ...parsed.locate(['extends', index]) }, 'config/unknown-pack', CM.unreadablePackageJson(pkgJson, failureReason(error))),
    ]);
  }
  // Node looks in node_modules of each folder upward: the places before the one found must stay
  // empty, the one found must keep its content (recorded up to and including the first that exists).
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    dependencies.push(candidate);
    if (existsSync(candidate) || dirname(dir) === dir) break;
  }
  dependencies.push(pkgJson);
  return join(dirname(pkgJson), pkg.edunorm?.rules ?? 'rules');
}

/** A located problem of a configuration; one in a pack's rule file also names the `extends:` entry that brought it in. */
export interface ConfigProblem extends Problem {
  /** Where in the configuration file the problem comes from (the `extends:` entry), when it lies in another file. */
  via?: ProblemLocation;
}

/** A configuration resolved, or the located problems that keep it from being used. */
export interface ConfigResolution {
  file: string;
  /** Every problem found (of the file itself, its packs, its rule settings); empty when usable. */
  problems: ConfigProblem[];
  /** The configuration, when there are no problems. */
  config?: ResolvedConfig;
}

const problemsOf = (error: unknown): Problem[] | undefined => (error instanceof ConfigurationError || error instanceof RulePackError ? error.problems : undefined);

/**
 * The one configuration resolver (the CLI and the language server both use it): a
 * configuration file's text — as saved, or as typed in the editor (`text`) — to its packs
 * (built-in, folders, npm packages, resolved from the file's folder as Node resolves them)
 * and validated rule settings. Problems are returned as data, each located; the CLI makes them
 * exit 2, the editor diagnostics on the configuration file.
 */
export function resolveConfig(file: string, text?: string): ConfigResolution {
  if (text === undefined) {
    try {
      text = readDataFile(file);
    } catch (error) {
      const problem = localizedProblem({ file, line: 1, column: 1 }, 'config/unreadable', CM.unreadable(failureReason(error)));
      // A file that is not there (`-c nofile.yaml`) has no line 1 to point at.
      return { file, problems: [isMissing(error) ? { ...problem, noPosition: true } : problem] };
    }
  }
  let parsed: ParsedConfig;
  try {
    parsed = parseConfig(text, file);
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    return { file, problems };
  }
  const dir = dirname(file);
  const hash = createHash('sha256').update(text);
  const dependencies = [file];
  const problems: ConfigProblem[] = [];
  const packs: RulePack[] = [];
  (parsed.config.extends ?? [BUILTIN_PACK_REFERENCE]).forEach((ref, index) => {
    try {
      packs.push(loadPackEntry(ref, index, parsed, dir, hash, dependencies));
    } catch (error) {
      const found = problemsOf(error);
      if (!found) throw error;
      const via = { file, ...parsed.locate(['extends', index]) };
      for (const p of found) problems.push(p.file === file ? p : { ...p, via });
    }
  });
  // Rule settings are judged against the packs: only when every pack loaded.
  if (problems.length === 0) {
    try {
      validateRuleSettings(parsed, packs);
    } catch (error) {
      const found = problemsOf(error);
      if (!found) throw error;
      problems.push(...found);
    }
  }
  if (problems.length) return { file, problems };
  const settings = parsed.config.rules ?? {};
  const locale = parsed.config.locale;
  return { file, problems, config: withLazyRuleSet({ file, hash: hash.digest('hex'), dependencies, ...(locale ? { locale } : {}) }, () => new RuleSet(packs, settings, { validated: true })) };
}

/** One `extends:` entry to its pack; throws a located ConfigurationError or RulePackError. */
function loadPackEntry(ref: string, index: number, parsed: ParsedConfig, dir: string, hash: ReturnType<typeof createHash>, dependencies: string[]): RulePack {
  const file = parsed.file;
  if (ref === BUILTIN_PACK_REFERENCE) {
    hash.update(DEFAULT_CONFIG_HASH);
    return builtinPack();
  }
  const folder = ref.startsWith('.') || isAbsolute(ref) ? resolve(dir, ref) : packFolderOfPackage(ref, dir, parsed, index, dependencies);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ConfigurationError('config/unknown-pack', 'cannot load pack', [
      localizedProblem({ file, ...parsed.locate(['extends', index]) }, 'config/unknown-pack', CM.packFolderMissing(folder)),
    ]);
  }
  const files = readRuleFiles(folder);
  if (files.length === 0) {
    throw new ConfigurationError('config/empty-pack', 'cannot load pack', [localizedProblem({ file, ...parsed.locate(['extends', index]) }, 'config/empty-pack', CM.noRuleFiles(folder))]);
  }
  hash.update(folder);
  dependencies.push(folder);
  for (const f of files) {
    hash.update(f.file).update(f.text);
    dependencies.push(f.file);
  }
  return loadRulePack(basename(folder), files, builtinPack().rules);
}

/**
 * Loads one configuration file (see resolveConfig); its problems are thrown as one located
 * ConfigurationError, `config/invalid` as from parseConfig and createRuleSet — the problems
 * carry their own codes (it took the first problem's code, so one broken file gave another
 * code here than through parseConfig).
 */
export function loadConfigFile(file: string): ResolvedConfig {
  const resolution = resolveConfig(file);
  if (!resolution.config) throw new ConfigurationError('config/invalid', `invalid configuration ${file}`, resolution.problems);
  return resolution.config;
}

/**
 * Finds and loads the configuration for each checked file's folder, once per configuration
 * file (a CI run over thousands of files in hundreds of folders loads each config once).
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, string | undefined>();
  /** Every folder looked at on the way up (findConfigFile's memo): sibling folders share their ancestors' answers. */
  private readonly ancestors = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  private defaults?: ResolvedConfig;

  /** `override`: a `--config FILE` that applies to every file. */
  constructor(private readonly override?: string) {}

  forFile(path: string): ResolvedConfig {
    return this.forFolder(dirname(resolve(path)));
  }

  forFolder(folder: string): ResolvedConfig {
    // With --config nothing is searched: forConfigFile takes the override.
    if (!this.override && !this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder, this.ancestors));
    return this.forConfigFile(this.byFolder.get(folder));
  }

  /**
   * The configuration of a file already found (findConfigFile: what applies to a folder), or
   * the built-in defaults for none; `--config` still overrides it.
   */
  forConfigFile(found: string | undefined): ResolvedConfig {
    const file = this.override ? resolve(this.override) : found;
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
