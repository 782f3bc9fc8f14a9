import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBaseline } from '../baseline.js';
import { EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { cliVersion } from '../version.js';
import { writeFileAtomic } from '../write-file.js';
import { CHECKING_OPTIONS, checkPaths } from './common.js';
import { MESSAGES as M } from '../messages.js';

/** `edunorm baseline [paths] --output edunorm-baseline.json`: record today's findings as accepted. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...CHECKING_OPTIONS, output: { type: 'string', short: 'o', default: 'edunorm-baseline.json' }, force: { type: 'boolean' } },
  });
  const out = resolve(io.cwd, values.output!);
  if (existsSync(out) && !values.force) throw new UsageError(M.exists(values.output!));
  const { reports, locale } = await checkPaths(positionals, values, io);
  const baseline = createBaseline(reports, cliVersion());
  writeFileAtomic(out, `${JSON.stringify(baseline, null, 2)}\n`);
  const n = baseline.entries.reduce((s, e) => s + e.count, 0);
  io.stdout(`${M.baselineWritten(n, values.output!)[locale]}\n`);
  return EXIT_OK;
}
