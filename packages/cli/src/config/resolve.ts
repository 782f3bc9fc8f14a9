import { ConfigResolver, type ResolvedConfig } from '@edunorm/core/node';

export { ConfigResolver, type ResolvedConfig };

/**
 * The rule set that applies in a folder: `--config FILE` when given, else the nearest
 * `edunorm.config.yaml` from the folder upward, else the built-in pack with defaults.
 * Throws ConfigurationError / RulePackError (exit code 2, located) when it is broken.
 */
export function configForFolder(folder: string, configFile?: string): ResolvedConfig {
  return new ConfigResolver(configFile).forFolder(folder);
}
