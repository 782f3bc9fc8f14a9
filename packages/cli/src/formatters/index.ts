import type { OpenWriter } from './writer.js';

export type { OpenWriter, ReportWriter, RunOutline, WriteContext } from './writer.js';

export interface FormatterEntry {
  /** Whether the format prints rule metadata (then the rule set is loaded even on a warm cache). */
  needsRules: boolean;
  /** The format's streaming writer (writer.ts). */
  load(): Promise<OpenWriter>;
}

/**
 * Output formats of `edunorm check`, by name. Each loads its module only when chosen, so a
 * run served entirely from the cache never loads the rule engine.
 */
export const FORMATTERS: Record<string, FormatterEntry> = {
  stylish: { needsRules: false, load: async () => (await import('./stylish.js')).openStylish },
  json: { needsRules: false, load: async () => (await import('./json.js')).openJson },
  sarif: { needsRules: true, load: async () => (await import('./sarif.js')).openSarif },
  junit: { needsRules: true, load: async () => (await import('./junit.js')).openJunit },
  github: { needsRules: false, load: async () => (await import('./github.js')).openGithub },
  markdown: { needsRules: false, load: async () => (await import('./markdown.js')).openMarkdown },
};
