import type { Locale, RuleSet } from '@edunorm/core';
import type { FileReport } from '../check-files.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  reports: readonly FileReport[];
  ruleSet: RuleSet;
  locale: Locale;
  version: string;
  color: boolean;
  /** Suppressed findings (kept only by formats that can say so, e.g. SARIF `suppressions`). */
  suppressed?: readonly FileReport[];
}

export type Formatter = (context: FormatContext) => string;

/** Output formats of `edunorm check`, by name. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: (c) => formatStylish(c.reports, { color: c.color, locale: c.locale }),
  json: (c) => formatJson(c.reports, c.version),
  sarif: (c) => formatSarif(c.reports, c.ruleSet, c.locale, c.version),
};
