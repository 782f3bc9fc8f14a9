import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigResolver } from '@edunorm/core/node';
import { configForFolder } from '../config/resolve.js';
import { EXIT_OK, type Io } from '../main.js';
import { collectReport } from '../report/report-data.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { outputPath, writeFileAtomic } from '../write-file.js';
import { MESSAGES as M } from '../messages.js';
import { COMMAND_SPECS, DEFAULT_REPORT_HTML, parseArgsOptions } from '../command-specs.js';
import { allReports, checkPaths } from './common.js';
import type { FileReport } from '../file-report.js';

/**
 * `edunorm report [paths] --output report.html`: checks the files and writes one page a bureau
 * can read — schools, norms, shortfalls, the plan's words. zh-CN unless `--locale en` (the
 * reader is the bureau, whatever the machine's language). Exit 0 whatever the findings: the
 * report informs, `edunorm check` gates; 2 on usage or configuration errors.
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.report.options),
  });
  if (values.format !== 'html' && values.format !== 'markdown') throw new UsageError(M.reportFormat(String(values.format)));
  const started = performance.now();
  // The reader is the bureau, whatever the machine's language: zh-CN unless --locale or the configuration says otherwise.
  const configured = configForFolder(io.cwd, values.config ? resolve(io.cwd, values.config) : undefined).locale;
  // Named to the pipeline as `check`'s output is (outside review E): an output that is one of the
  // checked files or the `--cache` file (by its name, a link or a hard link) is refused before
  // anything is checked — the page written over a submission would replace it, over the cache
  // it left every later `--cache` run without one.
  const named = values.format === 'markdown' && !values.output ? undefined : outputPath(io.cwd, values.output ?? DEFAULT_REPORT_HTML);
  const { run, locale, timer } = await checkPaths(positionals, { ...values, locale: values.locale ?? configured ?? 'zh-CN' }, io, named ? [{ path: named, flag: '--output' }] : []);
  // EDUNORM_TIMING=1 (timing.ts): the page or the Markdown written, the table on stderr.
  const timed = () => {
    if (!timer) return;
    timer.mark('output');
    io.stderr(timer.format(locale));
  };
  // The page shows every finding, so the report holds them all (read back from the pipeline's spool).
  let reports: FileReport[];
  try {
    reports = await allReports(run);
  } finally {
    run.close();
  }
  const districts = run.districts;
  const ruleSet = new ConfigResolver(values.config ? resolve(io.cwd, values.config) : undefined).forFolder(io.cwd).ruleSet;
  const data = collectReport(reports, ruleSet, districts);
  if (values.format === 'markdown') {
    const text = renderMarkdown(data, locale);
    if (values.output) writeFileAtomic(resolve(io.cwd, values.output), text, { createFolders: true });
    else io.stdout(text);
    timed();
    return EXIT_OK;
  }
  const output = values.output ?? DEFAULT_REPORT_HTML;
  writeFileAtomic(resolve(io.cwd, output), renderHtml(data, { locale, version: cliVersion() }), { createFolders: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const compliant = data.schools.filter((s) => !s.findings.some((f) => f.severity === 'error')).length;
  io.stdout(
    locale === 'zh-CN'
      ? `已生成 ${output}:${data.schools.length} 所学校,${compliant} 所合规;${data.districts.length ? `${data.districts.length} 个市县年度;` : ''}${data.filesChecked} 个文件,用时 ${seconds} 秒\n`
      : `Wrote ${output}: ${data.schools.length} school(s), ${compliant} compliant; ${data.districts.length ? `${data.districts.length} district-year(s); ` : ''}${data.filesChecked} file(s) in ${seconds} s\n`,
  );
  timed();
  return EXIT_OK;
}

