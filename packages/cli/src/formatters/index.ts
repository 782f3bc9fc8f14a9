import type { Locale, RuleSet } from '@edunorm/core';
import type { FileReport } from '../file-report.js';

export interface FormatContext {
  reports: readonly FileReport[];
  /** The active rules' metadata; present for formats that declare `needsRules`. */
  ruleSet?: RuleSet;
  locale: Locale;
  version: string;
  color: boolean;
  /** The working folder, which relative paths are relative to (SARIF's %SRCROOT%). */
  cwd?: string;
  /** Suppressed findings (kept only by formats that can say so, e.g. SARIF `suppressions`). */
  suppressed?: readonly FileReport[];
}

export type Formatter = (context: FormatContext) => string;

export interface FormatterEntry {
  /** Whether the format prints rule metadata (then the rule set is loaded even on a warm cache). */
  needsRules: boolean;
  load(): Promise<Formatter>;
}

/**
 * Output formats of `edunorm check`, by name. Each loads its module only when chosen, so a
 * run served entirely from the cache never loads the rule engine.
 */
export const FORMATTERS: Record<string, FormatterEntry> = {
  stylish: {
    needsRules: false,
    load: async () => {
      const { formatStylish } = await import('./stylish.js');
      return (c) => formatStylish(c.reports, { color: c.color, locale: c.locale });
    },
  },
  json: {
    needsRules: false,
    load: async () => {
      const { formatJson } = await import('./json.js');
      return (c) => formatJson(c.reports, c.version);
    },
  },
  sarif: {
    needsRules: true,
    load: async () => {
      const { formatSarif } = await import('./sarif.js');
      return (c) => formatSarif(c.reports, c.ruleSet!, c.locale, c.version, c.cwd);
    },
  },
  junit: {
    needsRules: true,
    load: async () => {
      const { formatJunit } = await import('./junit.js');
      return (c) => formatJunit(c.reports, c.ruleSet!, c.locale);
    },
  },
  github: {
    needsRules: false,
    load: async () => {
      const { formatGithub } = await import('./github.js');
      return (c) => formatGithub(c.reports, c.locale);
    },
  },
  markdown: {
    needsRules: false,
    load: async () => {
      const { formatMarkdown } = await import('./markdown.js');
      return (c) => formatMarkdown(c.reports, c.locale);
    },
  },
};
