import { localeFromEnvironment } from './locale.js';
import { guardLines, safeText } from './safe-text.js';
import { cliVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `edunorm — 教育经费与编制数据合规检查 / compliance checker for education finance and staffing data

Usage:
  edunorm check [paths or globs...] [options]   check edunorm/v1 YAML files (folders: *.yaml, *.yml)
  edunorm baseline [paths...] [--output edunorm-baseline.json] [--force]
                                                record today's findings as accepted
  edunorm import FILE.xlsx|.csv --kind <kind>   spreadsheet → checked edunorm/v1 YAML (edunorm import --help)
  edunorm report [paths...] [-o report.html]    compliance report of many schools: HTML, or --format markdown
  edunorm rules [--format table|json]           list the active rules (id, kind, severity, title, source)
  edunorm explain <rule-id>                     a rule's norm, citation, parameters and examples
  edunorm test-rules [pack-folder]              run a rule pack's own valid/invalid test cases
  edunorm init [--force]                        write edunorm.config.yaml and example files here
  edunorm --version

Options for check:
  -f, --format <name>                 stylish (default), json, sarif, junit, github (workflow
                                      annotations) or markdown (a table for a PR comment)
  -o, --output <file>                 write the report to a file instead of standard output
  -c, --config <file>                 use this configuration for every file (default: the nearest
                                      edunorm.config.yaml from each file's folder upward)
      --locale <zh-CN|en>             language of messages (default: from LANG; zh-CN when Chinese)
      --baseline <file>               report only findings not recorded in this baseline
      --max-warnings <n>              exit 1 when there are more than n warnings
  -q, --quiet                         report errors only
      --report-unused-disable-directives
                                      report # edunorm-disable comments that suppress nothing
      --cache                         reuse results of unchanged files (--cache-location, default
                                      .edunormcache)
      --concurrency <n|auto>          check files in n worker threads
      --shard <i/n>                   check only the i-th of n slices of the files (CI matrices)
      --max-file-size <bytes>         larger files are not read: one file/too-large finding each
                                      (default 2MiB; units k, M, G: --max-file-size 20MiB)
      --color / --no-color            force colours on or off (default: on for a terminal)
      --verbose                       list skipped (non-edunorm) files and cache use on stderr
  -h, --help                          show this help

rules and explain also take --locale and --config <file>.

Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  // Nothing edunorm writes to stderr is a workflow command: the last guard against one.
  stderr: (s) => process.stderr.write(guardLines(s)),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

export interface Command {
  run(args: readonly string[], io: Io): Promise<number>;
}

/** Each command lives in its own module, loaded only when used (fast `--version`). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => import('./commands/check.js'),
  baseline: () => import('./commands/baseline.js'),
  import: () => import('./commands/import.js'),
  report: () => import('./commands/report.js'),
  rules: () => import('./commands/rules.js'),
  explain: () => import('./commands/explain.js'),
  'test-rules': () => import('./commands/test-rules.js'),
  init: () => import('./commands/init.js'),
};

/** Entry point: returns the exit code. Heavy modules load only for commands that need them. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = COMMANDS[first];
  if (!load) {
    io.stderr(
      localeFromEnvironment(io.env) === 'zh-CN' ? `edunorm: 没有 "${safeText(first)}" 这个命令\n\n${HELP}` : `edunorm: unknown command "${safeText(first)}"\n\n${HELP}`,
    );
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** Errors the user can fix by changing the command line, a configuration or a rule pack. */
const USER_ERRORS = new Set(['UsageError', 'RulePackError', 'ConfigurationError']);

type ProblemLike = { file: string; line: number; column: number; message: string; code: string };

/**
 * The text of a user error, every part that may come from a user's file or command line
 * neutralised (safe-text.ts). Located problems (configuration, rule packs) are written one a
 * line from their fields, so a value quoted in a problem cannot start a line of its own.
 */
function errorText(e: { message?: string; problems?: unknown }, cwd: string): string {
  const relative = (s: string) => s.split(`${cwd}/`).join('');
  const message = String(e.message);
  const problems = Array.isArray(e.problems) ? (e.problems as ProblemLike[]) : [];
  const problemLine = (p: ProblemLike) => `${p.file}:${p.line}:${p.column}: ${p.message} (${p.code})`;
  const listed = problems.map(problemLine).join('\n');
  if (problems.length && message.endsWith(listed)) {
    const head = message.slice(0, message.length - listed.length).replace(/\n$/, '');
    const lines = problems.map((p) => `${safeText(relative(p.file))}:${p.line}:${p.column}: ${safeText(p.message)} (${safeText(p.code)})`);
    return (head ? [safeText(relative(head)), ...lines] : lines).join('\n');
  }
  // Our own messages may hold line breaks on purpose; each line is made safe on its own.
  return message.split('\n').map((l) => safeText(relative(l))).join('\n');
}

/** Usage and configuration errors exit 2 with a located, readable message — never a stack. */
export function reportError(error: unknown, io: Io): number {
  const e = error as { name?: string; message?: string; code?: string; problems?: unknown } | undefined;
  if (e && (USER_ERRORS.has(e.name ?? '') || String(e.code ?? '').startsWith('ERR_PARSE_ARGS'))) {
    // Paths under the working folder are shown relative to it, as in every other output.
    io.stderr(`edunorm: ${errorText(e, io.cwd)}\n`);
    if (String(e.code ?? '').startsWith('ERR_PARSE_ARGS')) {
      io.stderr(localeFromEnvironment(io.env) === 'zh-CN' ? '运行 "edunorm --help" 查看用法。\n' : 'Run "edunorm --help" for usage.\n');
    }
    return EXIT_USAGE;
  }
  throw error;
}
