import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaselineRecorder } from '../baseline.js';
import { EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { outputPath, writeFileAtomic } from '../write-file.js';
import { MESSAGES as M } from '../messages.js';
import { safeText } from '../safe-text.js';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { checkPaths } from './common.js';

/** `edunorm baseline [paths] --output edunorm-baseline.json`: record today's findings as accepted. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.baseline.options),
  });
  const out = outputPath(io.cwd, values.output!);
  const exists = () => new UsageError(M.exists(safeText(values.output!)));
  if (existsSync(out) && !values.force) throw exists();
  const { run, locale, timer } = await checkPaths(positionals, values, io, [{ path: out, flag: '--output' }]);
  const recorder = new BaselineRecorder();
  try {
    // Only the entries are held, never the reports.
    for await (const r of run.reports()) recorder.add(r);
  } finally {
    run.close();
  }
  const baseline = recorder.baseline(cliVersion());
  try {
    // Without --force the file is created exclusively: of two runs started together, one
    // writes it and the other is told, instead of both "succeeding" and one being lost.
    writeFileAtomic(out, `${JSON.stringify(baseline, null, 2)}\n`, { createFolders: true, exclusive: !values.force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    throw error;
  }
  const n = baseline.entries.reduce((s, e) => s + e.count, 0);
  timer?.mark('output');
  io.stdout(`${M.baselineWritten(n, values.output!)[locale]}\n`);
  if (timer) io.stderr(timer.format(locale));
  return EXIT_OK;
}
