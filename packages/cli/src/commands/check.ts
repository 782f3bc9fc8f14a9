import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getDefaultRuleSet, type Locale } from '@edunorm/core';
import { checkFiles, summarize } from '../check-files.js';
import { findFiles } from '../find-files.js';
import { UsageError } from '../usage-error.js';
import { FORMATTERS } from '../formatters/index.js';
import { localeFromEnvironment, parseLocale } from '../locale.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../main.js';
import { cliVersion } from '../version.js';
import { writeFileAtomic } from '../write-file.js';

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      locale: { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  const formatter = FORMATTERS[values.format!];
  if (!formatter) throw new UsageError(`unknown format "${values.format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  let locale: Locale = localeFromEnvironment(io.env);
  if (values.locale !== undefined) {
    const parsed = parseLocale(values.locale);
    if (!parsed) throw new UsageError(`unknown locale "${values.locale}"; use zh-CN or en`);
    locale = parsed;
  }
  const targets = findFiles(positionals, io.cwd);
  const ruleSet = getDefaultRuleSet();
  const reports = await checkFiles(targets, ruleSet, locale);
  if (values.verbose) for (const r of reports) if (!r.isEdunorm) io.stderr(`edunorm: skipped ${r.file.relative} (no apiVersion: edunorm/...)\n`);

  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !values.output && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const text = formatter({ reports, ruleSet, locale, version: cliVersion(), color });
  if (values.output) writeFileAtomic(resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return summarize(reports).errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
