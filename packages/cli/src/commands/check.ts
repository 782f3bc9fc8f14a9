import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaselineFilter, readBaseline } from '../baseline.js';
import { countReport, emptySummary, type FileReport } from '../file-report.js';
import { FORMATTERS, type FormatterEntry, type RunOutline } from '../formatters/index.js';
import { OutlineBuilder, writeRun, type ShardIdentity } from '../formatters/writer.js';
import { safeText, shellWord } from '../safe-text.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { AtomicFile, namesSameFile as sameFile, outputPath as outputPathOf } from '../write-file.js';
import { MESSAGES as M } from '../messages.js';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { checkPaths, parseShard } from './common.js';
import type { CheckRun } from '../run-check.js';
import type { Locale, RuleSet } from '@edunorm/core';

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.check.options),
  });
  const format = FORMATTERS[values.format!];
  if (!format) throw new UsageError(M.unknownFormat(String(values.format), Object.keys(FORMATTERS).join(', ')));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    // Digits only, as --concurrency: Number('') is 0 and Number('0x10') 16, which nobody meant.
    maxWarnings = /^\d+$/.test(values['max-warnings']) ? Number(values['max-warnings']) : NaN;
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(M.maxWarnings(values['max-warnings']));
  }
  const baseline = values.baseline ? readBaseline(resolve(io.cwd, values.baseline), values.baseline) : undefined;
  const outputPath = values.output === undefined ? undefined : outputPathOf(io.cwd, values.output);
  // Outside review E: `--baseline b.json --output b.json` (meant as "update the baseline") wrote
  // the report over the accepted findings. The same file by its name, a link or a hard link.
  if (baseline && outputPath && sameFile(resolve(io.cwd, values.baseline!), outputPath)) throw new UsageError(M.outputIsBaseline(safeText(values.output!)));

  // Judged before any file is read: an output that cannot be written (a folder, a read-only
  // disk, a folder that cannot be made) is said at once, not after the whole corpus was checked;
  // opened only when the report is written (openAtFirstWrite: no temporary file on disk while
  // the files are checked). Streamed into a temporary file beside the target, renamed over it only when complete; not
  // flushed to disk first: a report is what running again makes, and on the 2,000-school city
  // the flush of its 15 MB was a twelfth of a warm --cache run (write-file.ts, `durable`).
  const file = outputPath ? new AtomicFile(outputPath, { createFolders: true, durable: false, openAtFirstWrite: true }) : undefined;
  try {
    const { run, locale, targets, timer } = await checkPaths(positionals, values, io, outputPath ? [{ path: outputPath, flag: '--output' }] : []);
    try {
      return await output(run, locale, format, targets.map((t) => t.relative));
    } finally {
      run.close();
      // EDUNORM_TIMING=1 (timing.ts): the report written (or given up), the table on stderr.
      if (timer) {
        timer.mark('output');
        io.stderr(timer.format(locale));
      }
    }
  } finally {
    // Whatever ended the run before the report was complete (a usage error, a crash): the target stays as it was.
    file?.abort();
  }

  /**
   * Writes the run's reports and returns the exit code. The reports are read back from the
   * pipeline's spool one at a time: to write, and before that for the outline and the counts
   * when the run's own counts are not what is shown (a baseline, --quiet) or the format lists
   * the rules that fired (SARIF) or its test cases (JUnit).
   */
  async function output(run: CheckRun, locale: Locale, format: FormatterEntry, found: readonly string[]): Promise<number> {
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !values.output && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
    const open = await format.load();
    // Rule metadata (SARIF, junit) comes from the configuration of the working folder.
    const ruleSet = format.needsRules
      ? new (await import('@edunorm/core/node')).ConfigResolver(values.config ? resolve(io.cwd, values.config) : undefined).forFolder(io.cwd).ruleSet
      : undefined;

    // What each file shows, decided a file at a time (so it can be done as reports stream):
    // the baseline absorbs what it records, then --quiet keeps errors only. Both are the same
    // however often they are asked for a file (BaselineFilter.apply is idempotent).
    const filter = baseline ? new BaselineFilter(baseline) : undefined;
    const kept = (report: FileReport): FileReport => (filter ? filter.apply(report) : report);
    const shown = (report: FileReport): FileReport => (values.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') } : report);
    // First pass: the counts for the exit code, and the outline the writer needs before the first
    // file. Without a baseline or --quiet the reports are shown as the run counted them, and a
    // format without rule metadata needs no more than the counts and the checked files' names:
    // the run has both, and the spool is read once (on the 2,000-school city, the second read
    // of 4,005 reports was a fifth of the time after the last file was checked).
    const totals = emptySummary();
    let outline: RunOutline;
    if (!filter && !values.quiet && !format.needsRules) {
      Object.assign(totals, run.summary);
      outline = { summary: { ...run.summary }, checkedFiles: run.targets.filter((_, i) => run.isEdunorm(i)).map((t) => t.relative), firedRules: [] };
    } else {
      const builder = new OutlineBuilder(ruleSet);
      for await (const report of run.reports()) {
        const k = kept(report);
        countReport(totals, k);
        builder.add(shown(k));
      }
      outline = builder.outline();
    }
    // Second pass: the output, a file at a time.
    async function* toWrite() {
      for await (const report of run.reports()) yield shown(kept(report));
    }
    // What --quiet left out: a summary must not call such a run "all clear".
    const hidden = values.quiet ? { warnings: totals.warnings, infos: totals.infos } : undefined;
    const shard = values.shard !== undefined && ruleSet ? shardIdentity(values.shard, found, ruleSet) : undefined;
    const writer = open({ locale, version: cliVersion(), color, cwd: io.cwd, outline, ...(ruleSet ? { ruleSet } : {}), ...(hidden ? { hidden } : {}), ...(shard ? { shard } : {}) });
    if (file) {
      await writeRun(writer, toWrite(), (chunk) => file.write(chunk));
      file.commit();
    } else await writeRun(writer, toWrite(), (chunk) => (typeof chunk === 'string' ? io.stdout(chunk) : io.stdoutBytes ? io.stdoutBytes(chunk) : io.stdout(Buffer.from(chunk).toString('utf8'))));

    const stale = filter?.stale() ?? [];
    if (stale.length) {
      // The exact command that rewrites the baseline: `baseline` never replaces a file without --force.
      const regenerate = safeText(['edunorm', 'baseline', ...positionals, '--output', values.baseline!, '--force'].map(shellWord).join(' '));
      io.stderr(
        locale === 'zh-CN'
          ? `edunorm: 基线中有 ${stale.length} 条记录已不再出现(问题已修正);重新生成基线:${regenerate}\n`
          : `edunorm: ${stale.length} baseline entr${stale.length === 1 ? 'y no longer matches' : 'ies no longer match'} (fixed since); regenerate the baseline with: ${regenerate}\n`,
      );
      for (const e of stale) io.stderr(`  ${safeText(e.file)}  ${safeText(e.ruleId)}  ${safeText(e.anchor)}\n`);
    }

    if (totals.errors > 0) return EXIT_FINDINGS;
    // As in ESLint, warnings --quiet did not show still count (command-specs.ts says so in --help):
    // the line says they were hidden, so exit 1 never follows a summary that looks clean.
    if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
      io.stderr(`edunorm: ${M.tooManyWarnings(totals.warnings, maxWarnings, values.quiet === true)[locale]}\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  }
}

/**
 * `--shard i/n` (already judged well-formed by checkPaths) and what identifies the whole run:
 * every file found before slicing and the rule settings of the working folder. Shards of one
 * run agree on it; a job that checked other paths, or ran with another configuration, does not.
 */
function shardIdentity(shard: string, found: readonly string[], ruleSet: RuleSet): ShardIdentity {
  const { index, count } = parseShard(shard);
  const hash = createHash('sha256');
  // Sorted: the walk's order is not what identifies the run.
  for (const file of [...found].sort()) hash.update(`${file}\0`);
  hash.update('\u0001');
  for (const r of ruleSet.rules) hash.update(`${JSON.stringify([r.definition.id, r.severity ?? r.definition.severity, r.params])}\0`);
  return { index, count, run: hash.digest('hex').slice(0, 32) };
}
