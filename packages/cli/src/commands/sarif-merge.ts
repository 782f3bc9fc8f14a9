import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import type { Locale } from '@edunorm/core';
import { failureReason } from '@edunorm/core/internal/system-errors';
import { lineColumn } from '../baseline.js';
import { jsonErrorOffset } from '../json-error-offset.js';
import { EXIT_OK, type Io } from '../main.js';
import { MESSAGES as M } from '../messages.js';
import { mergeSarif, type SarifInput } from '../sarif-merge.js';
import { safeText } from '../safe-text.js';
import { UsageError } from '../usage-error.js';
import { outputPath, writeFileAtomic } from '../write-file.js';
import { resolveLocale } from './common.js';

/** GitHub code scanning's hard limit of results per run (docs: "SARIF results exceed limit"). */
const GITHUB_RESULTS_PER_RUN = 25_000;


/**
 * Reads one input without waiting on it: a FIFO or device is refused before any read (opening
 * with O_NONBLOCK so a pipe without a writer does not hang the command), and the file's
 * identity is kept to refuse an output pointed at it.
 */
function readInput(name: string, cwd: string): { input: SarifInput; stat: Stats } {
  const path = resolve(cwd, name);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(M.sarifUnreadable(safeText(name), failureReason(error)));
  }
  let text: string;
  let stat: Stats;
  try {
    stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(M.sarifNotRegular(safeText(name)));
    try {
      text = readFileSync(fd, 'utf8');
    } catch (error) {
      // ERR_STRING_TOO_LONG (a file beyond V8's longest string) lands here too.
      throw new UsageError(M.sarifUnreadable(safeText(name), failureReason(error)));
    }
  } finally {
    closeSync(fd);
  }
  let log: unknown;
  try {
    log = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new UsageError(M.sarifNotJson(`${safeText(name)}:${lineColumn(text, jsonErrorOffset(text))}`));
  }
  return { input: { name, log }, stat };
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * `edunorm sarif-merge shard-*.sarif -o edunorm.sarif`: the shards of one run, one run out
 * (sarif-merge.ts). Exit 0 when merged whatever the results (merging reports, `check` gates);
 * 2 for usage errors and inputs that are not shards of one edunorm run.
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS['sarif-merge'].options),
  });
  const locale: Locale = resolveLocale(values.locale, io);
  if (positionals.length === 0) throw new UsageError(M.sarifMergeInputs());
  const output = values.output === undefined ? undefined : outputPath(io.cwd, values.output);
  const existing = output === undefined ? undefined : statSync(output, { throwIfNoEntry: false });

  const inputs: SarifInput[] = [];
  for (const name of positionals) {
    // Refused before anything is read when the output is an input by name (the file may be unreadable, or a FIFO).
    if (output !== undefined && resolve(io.cwd, name) === output) throw new UsageError(M.sarifOutputIsInput(safeText(values.output!)));
    const { input, stat } = readInput(name, io.cwd);
    // …and by identity: a hard link or a symlink to an input is that input.
    if (existing && sameFile(existing, stat)) throw new UsageError(M.sarifOutputIsInput(safeText(values.output!)));
    inputs.push(input);
  }
  const merged = mergeSarif(inputs);
  if (merged.results > GITHUB_RESULTS_PER_RUN) io.stderr(`edunorm: ${M.sarifTooManyResults(merged.results)[locale]}\n`);
  const text = `${JSON.stringify(merged.log, null, 2)}\n`;
  if (output === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    writeFileAtomic(output, text, { createFolders: true });
  } catch (error) {
    throw new UsageError(M.writeFailed(safeText(values.output!), failureReason(error)));
  }
  io.stderr(`edunorm: ${M.sarifMerged(inputs.length, merged.results, merged.artifacts, safeText(values.output!))[locale]}\n`);
  return EXIT_OK;
}
