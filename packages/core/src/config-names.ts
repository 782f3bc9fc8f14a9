/**
 * The names a configuration is known by. A module of its own so that the light, Node-only
 * config-files.ts (the CLI's cache check) and config.ts (parsing, runs anywhere) share them
 * without one loading the other.
 */

/** File names of a configuration, looked for from a checked file's folder upward (first match wins). */
export const CONFIG_FILE_NAMES = ['edunorm.config.yaml', 'edunorm.config.yml'] as const;

/** The `extends:` entry that names the built-in pack. */
export const BUILTIN_PACK_REFERENCE = 'edunorm:plan14';
