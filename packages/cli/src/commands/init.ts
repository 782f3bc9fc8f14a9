import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { builtinPack, type Locale } from '@edunorm/core';
import { BUDGET_EXAMPLE, configTemplate, STAFFING_EXAMPLE } from '../init-templates.js';
import { EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../write-file.js';
import { chooseLocale } from '../locale.js';
import { resolveLocale } from './common.js';
import { MESSAGES as M } from '../messages.js';

/** `edunorm init [--force]`: a commented configuration and example files, never overwriting. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.init.options),
  });
  if (positionals.length) throw new UsageError(M.initNoPaths(positionals[0]!));
  // A broken configuration here is no reason not to write the examples: fall back to LANG.
  let locale: Locale;
  try {
    locale = resolveLocale(values.locale, io);
  } catch (error) {
    if ((error as Error).name === 'UsageError') throw error;
    locale = chooseLocale(undefined, undefined, io.env);
  }
  const known = new Set(builtinPack().rules.map((r) => r.id));
  const files: [string, string][] = [
    ['edunorm.config.yaml', configTemplate(known)],
    ['examples/budget.yaml', BUDGET_EXAMPLE],
    ['examples/staffing.yaml', STAFFING_EXAMPLE],
  ];
  const skipped: string[] = [];
  for (const [name, content] of files) {
    const path = join(io.cwd, name);
    const exists = existsSync(path);
    if (exists && !values.force) {
      skipped.push(name);
      io.stdout(locale === 'zh-CN' ? `  跳过  ${name}(已存在)\n` : `  skipped  ${name} (exists)\n`);
      continue;
    }
    writeFileAtomic(path, content, { createFolders: true });
    const verb = exists ? (locale === 'zh-CN' ? '覆盖' : 'overwrote') : locale === 'zh-CN' ? '写入' : 'wrote';
    io.stdout(`  ${verb}  ${name}\n`);
  }
  if (skipped.length) {
    io.stdout(locale === 'zh-CN' ? `未覆盖已有的 ${skipped.length} 个文件;要覆盖请加 --force。\n` : `Left ${skipped.length} existing file(s) as they were; add --force to overwrite.\n`);
  }
  io.stdout(locale === 'zh-CN' ? '下一步:edunorm check examples/\n' : 'Next: edunorm check examples/\n');
  return EXIT_OK;
}
