import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaselineFilter, readBaseline } from '../baseline.js';
import { summarize, type FileReport } from '../file-report.js';
import { FORMATTERS } from '../formatters/index.js';
import { safeText, shellWord } from '../safe-text.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { writeFileAtomic } from '../write-file.js';
import { MESSAGES as M } from '../messages.js';
import { allReports, CHECKING_OPTIONS, checkPaths, refuseInputAsOutput } from './common.js';

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...CHECKING_OPTIONS,
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      baseline: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const format = FORMATTERS[values.format!];
  if (!format) throw new UsageError(M.unknownFormat(String(values.format), Object.keys(FORMATTERS).join(', ')));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(M.maxWarnings(values['max-warnings']));
  }
  const baseline = values.baseline ? readBaseline(resolve(io.cwd, values.baseline), values.baseline) : undefined;
  const outputPath = values.output === undefined ? undefined : resolve(io.cwd, values.output);

  const { run, locale, targets } = await checkPaths(positionals, values, io);
  // Until the formatters stream, the reports are read back from the pipeline's spool into one array.
  let reports: FileReport[];
  try {
    reports = await allReports(run);
  } finally {
    run.close();
  }
  if (outputPath) refuseInputAsOutput(outputPath, targets, '--output', locale);
  if (baseline) {
    const filter = new BaselineFilter(baseline);
    reports = reports.map((r) => filter.apply(r));
    const applied = { stale: filter.stale() };
    if (applied.stale.length) {
      // The exact command that rewrites the baseline: `baseline` never replaces a file without --force.
      const regenerate = safeText(['edunorm', 'baseline', ...positionals, '--output', values.baseline!, '--force'].map(shellWord).join(' '));
      io.stderr(
        locale === 'zh-CN'
          ? `edunorm: 基线中有 ${applied.stale.length} 条记录已不再出现(问题已修正);重新生成基线:${regenerate}\n`
          : `edunorm: ${applied.stale.length} baseline entr${applied.stale.length === 1 ? 'y no longer matches' : 'ies no longer match'} (fixed since); regenerate the baseline with: ${regenerate}\n`,
      );
      for (const e of applied.stale) io.stderr(`  ${safeText(e.file)}  ${safeText(e.ruleId)}  ${safeText(e.anchor)}\n`);
    }
  }
  const counted = summarize(reports);
  const shown: FileReport[] = values.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;

  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !values.output && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const formatter = await format.load();
  // Rule metadata (SARIF, junit) comes from the configuration of the working folder.
  const ruleSet = format.needsRules
    ? new (await import('@edunorm/core/node')).ConfigResolver(values.config ? resolve(io.cwd, values.config) : undefined).forFolder(io.cwd).ruleSet
    : undefined;
  const text = formatter({ reports: shown, locale, version: cliVersion(), color, cwd: io.cwd, ...(ruleSet ? { ruleSet } : {}) });
  if (outputPath) writeFileAtomic(outputPath, text, { createFolders: true });
  else io.stdout(text);

  if (counted.errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && counted.warnings > maxWarnings) {
    io.stderr(
      locale === 'zh-CN'
        ? `edunorm: 警告 ${counted.warnings} 个,超过 --max-warnings ${maxWarnings}\n`
        : `edunorm: ${counted.warnings} warnings exceed --max-warnings ${maxWarnings}\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
