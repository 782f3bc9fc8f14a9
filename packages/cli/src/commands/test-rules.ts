import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { builtinPack, testRulePack, type Locale, type RulePack, type RuleTestFailure } from '@edunorm/core';
import { loadRulePackFromDirectory } from '@edunorm/core/node';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { safeText } from '../safe-text.js';
import { diffValues } from '../value-diff.js';
import { resolveLocale } from './common.js';
import { MESSAGES as M } from '../messages.js';

/** The repository this CLI was built in, when it runs from a clone (packages/cli/dist/commands → root). */
const CLONE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLONE_PACK_FOLDER = join(CLONE_ROOT, 'rules', 'plan14');
const CLONE_SENSE_FOLDER = join(CLONE_ROOT, 'rules', 'plausibility');
const runsFromClone = () => existsSync(join(CLONE_ROOT, 'packages', 'core', 'package.json')) && existsSync(CLONE_PACK_FOLDER);

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * The pack to test: the folder given; else the built-in pack's folder when run from a clone
 * (where someone edits it); else the pack embedded in the installed core.
 */
function loadPack(folder: string | undefined, io: Io): { pack: RulePack; label: string } {
  if (folder !== undefined) {
    const dir = resolve(io.cwd, folder);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(M.packFolderMissing(folder));
    const pack = loadRulePackFromDirectory(dir);
    if (pack.rules.length === 0) throw new UsageError(M.packFolderEmpty(folder));
    return { pack, label: folder };
  }
  if (runsFromClone()) {
    // The built-in pack is the norms and the sense checks (rules/plausibility), as embedded.
    const norms = loadRulePackFromDirectory(CLONE_PACK_FOLDER);
    const senseChecks = existsSync(CLONE_SENSE_FOLDER) ? loadRulePackFromDirectory(CLONE_SENSE_FOLDER).rules : [];
    const label = [CLONE_PACK_FOLDER, ...(senseChecks.length ? [CLONE_SENSE_FOLDER] : [])].map((f) => relative(io.cwd, f) || '.').join(', ');
    return { pack: { name: norms.name, rules: [...norms.rules, ...senseChecks] }, label };
  }
  return { pack: builtinPack(), label: 'edunorm:plan14' };
}

function failureLines(f: RuleTestFailure, red: (s: string) => string, green: (s: string) => string, locale: Locale): string[] {
  const body = diffValues(f.expected, f.actual).map((l) => (/^\s*- /.test(l) ? red(l) : /^\s*\+ /.test(l) ? green(l) : l));
  return [`      ${f.message}`, `      ${red(M.expectedActual()[locale])}  ${green(M.actual()[locale])}`, ...body.map((l) => `      ${l}`)];
}

/** `edunorm test-rules [pack-folder]`: runs every rule's own valid and invalid cases. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS['test-rules'].options),
  });
  if (positionals.length > 1) throw new UsageError(M.testRulesUsage());
  const locale = resolveLocale(values.locale, io);
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const red = paint(color, '31');
  const green = paint(color, '32');
  // A broken rule file throws RulePackError (file:line:col), which main reports with exit 2.
  const { pack, label } = loadPack(positionals[0], io);
  io.stdout(`${label}\n`);

  let cases = 0;
  let failed = 0;
  for (const rule of pack.rules) {
    const report = await testRulePack({ name: pack.name, rules: [rule] }, { locale });
    cases += report.cases;
    failed += report.failures.length;
    const pending = [...report.failures];
    io.stdout(`\n${rule.id}\n`);
    for (const kind of ['valid', 'invalid'] as const) {
      for (const tc of rule.tests[kind]) {
        const at = pending.findIndex((f) => f.kind === kind && f.caseName === tc.name);
        const failure = at >= 0 ? pending.splice(at, 1)[0] : undefined;
        io.stdout(`  ${failure ? red('✗') : green('✓')} ${M.caseKind(kind)[locale]}: ${safeText(locale === 'zh-CN' ? (tc.nameZh ?? tc.name) : tc.name)}\n`);
        if (failure) io.stdout(`${failureLines(failure, red, green, locale).join('\n')}\n`);
      }
    }
  }
  const passed = cases - failed;
  io.stdout(
    M.testRulesSummary(pack.rules.length, cases, passed, failed)[locale],
  );
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
