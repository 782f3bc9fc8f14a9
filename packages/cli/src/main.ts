import type { Locale } from '@edunorm/core';
import { chooseLocale, parseLocale } from './locale.js';
import { MESSAGES as M } from './messages.js';
import { guardLines, safeText } from './safe-text.js';
import { cliVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface Io {
  /**
   * Standard output, a chunk at a time. A returned promise asks the caller to wait before the
   * next chunk (the pipe is full: `check` streams its report with backpressure); tests may
   * return nothing.
   */
  stdout: (s: string) => void | Promise<void>;
  /** Standard output for UTF-8 bytes (a report's pre-rendered parts), when the Io can take them; else `stdout` gets them decoded. */
  stdoutBytes?: (b: Uint8Array) => void | Promise<void>;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * A standard stream that a closed pipe (`edunorm check … | head -1`) silences instead of
 * crashing: the rest of the output is dropped, the run ends with its own exit code. When the
 * stream's buffer is full the write returns a promise that settles on 'drain' — or when the
 * stream closes or fails, so a reader that went away never leaves the run waiting.
 */
function pipeSafe<T extends string | Uint8Array>(stream: NodeJS.WriteStream, transform: (s: T) => T = (s) => s): (s: T) => void | Promise<void> {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (s) => {
    if (closed || stream.write(transform(s))) return;
    return new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  };
}

const defaultIo = (): Io => {
  // One guard for the stream, whether text or bytes are written to it.
  const stdout = pipeSafe<string | Uint8Array>(process.stdout);
  return {
    stdout,
    stdoutBytes: stdout,
    // Nothing edunorm writes to stderr is a workflow command: the last guard against one.
    stderr: pipeSafe(process.stderr, guardLines),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
};

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
  'sarif-merge': () => import('./commands/sarif-merge.js'),
};

/** Entry point: returns the exit code. Heavy modules load only for commands that need them. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(await helpFor(undefined, rest, io));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === 'help') {
    // `edunorm help check` is `edunorm check --help`; `edunorm help` alone is the main help.
    const [topic, ...more] = rest;
    if (topic !== undefined && !topic.startsWith('-')) return unknownOr(topic, more, io, (name) => helpFor(name, more, io));
    io.stdout(await helpFor(undefined, rest, io));
    return EXIT_OK;
  }
  // Own keys only: `edunorm constructor` is an unknown command, not Object's constructor.
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!load) return unknownOr(first, rest, io);
  // As in ESLint, --help wins over every other option (even one that would fail to parse).
  if (wantsHelp(rest)) {
    io.stdout(await helpFor(first, rest, io));
    return EXIT_OK;
  }
  try {
    const [command, { COMMAND_SPECS }, { commandArgs }] = await Promise.all([load(), import('./command-specs.js'), import('./command-args.js')]);
    return await command.run(commandArgs(COMMAND_SPECS[first as keyof typeof COMMAND_SPECS].options, rest), io);
  } catch (error) {
    return reportError(await withSuggestion(error, first), io, await localeOf(rest, io), first);
  }
}

/**
 * An unknown option gets the nearest option of its command (`--colour` → `--color`), by the
 * same distance as every other "did you mean" (core's didYouMean).
 */
async function withSuggestion(error: unknown, command: string): Promise<unknown> {
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error;
  const option = /'(-{1,2}[^' ]+)/.exec(String(e.message))?.[1];
  const [{ didYouMean }, { COMMAND_SPECS }, { isCommandName }] = await Promise.all([import('@edunorm/core/internal'), import('./command-specs.js'), import('./help.js')]);
  if (!option?.startsWith('--') || !isCommandName(command)) return error;
  const meant = didYouMean(option.slice(2), Object.keys(COMMAND_SPECS[command].options));
  return meant ? Object.assign(error as object, { suggestion: `--${meant}` }) : error;
}

/** `-h` or `--help` among a command's arguments (before a `--` that ends the options). */
function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

async function helpFor(command: string | undefined, args: readonly string[], io: Io): Promise<string> {
  const [{ helpText, isCommandName }, locale] = await Promise.all([import('./help.js'), localeOf(args, io)]);
  return helpText(command !== undefined && isCommandName(command) ? command : undefined, locale);
}

/** An unknown command is a usage error followed by the list of commands; a known one gets `then`. */
async function unknownOr(name: string, args: readonly string[], io: Io, then?: (name: string) => Promise<string>): Promise<number> {
  if (Object.hasOwn(COMMANDS, name) && then) {
    io.stdout(await then(name));
    return EXIT_OK;
  }
  const locale = await localeOf(args, io);
  const { didYouMean } = await import('@edunorm/core/internal');
  const meant = didYouMean(name, Object.keys(COMMANDS));
  io.stderr(`edunorm: ${M.unknownCommand(safeText(name), meant)[locale]}\n\n${await helpFor(undefined, args, io)}`);
  return EXIT_USAGE;
}

/**
 * The language for help and errors, decided without the command's own parsing (which may be
 * what failed): `--locale` on the command line, the configuration's `locale:`, LANG/LC_ALL,
 * zh-CN. A configuration that cannot be read says nothing here (its error may be the one
 * being reported).
 */
async function localeOf(args: readonly string[], io: Io): Promise<Locale> {
  const valueOf = (names: readonly string[]) => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      for (const n of names) {
        if (a === n) return args[i + 1];
        if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      }
    }
    return undefined;
  };
  const flag = valueOf(['--locale']);
  const parsed = flag === undefined ? undefined : parseLocale(flag);
  if (parsed) return parsed;
  let configured: Locale | undefined;
  try {
    const [{ configForFolder }, { resolve }] = await Promise.all([import('./config/resolve.js'), import('node:path')]);
    const file = valueOf(['--config', '-c']);
    configured = configForFolder(io.cwd, file === undefined ? undefined : resolve(io.cwd, file)).locale;
  } catch {
    configured = undefined;
  }
  return chooseLocale(undefined, configured, io.env);
}


type ProblemLike = { file: string; line: number; column: number; message: string; code: string; text?: Record<Locale, string>; noPosition?: boolean };
/** `file:line:column`, or the file alone when no line of it is meant (a file that does not exist: core's problemPlace). */
const place = (p: ProblemLike, file = p.file) => (p.noPosition ? file : `${file}:${p.line}:${p.column}`);
const problemLine = (p: ProblemLike) => `${place(p)}: ${p.message} (${p.code})`;

/**
 * The text of a user error, every part that may come from a user's file or command line
 * neutralised (safe-text.ts). Located problems (configuration, rule packs) are written one a
 * line from their fields, so a value quoted in a problem cannot start a line of its own.
 */
function errorText(e: { message?: string; problems?: unknown }, cwd: string): string {
  const relative = (s: string) => s.split(`${cwd}/`).join('');
  const message = String(e.message);
  const problems = Array.isArray(e.problems) ? (e.problems as ProblemLike[]) : [];
  const listed = problems.map(problemLine).join('\n');
  if (problems.length && message.endsWith(listed)) {
    const head = message.slice(0, message.length - listed.length).replace(/\n$/, '');
    const lines = problems.map((p) => `${place(p, safeText(relative(p.file)))}: ${safeText(p.message)} (${safeText(p.code)})`);
    return (head ? [safeText(relative(head)), ...lines] : lines).join('\n');
  }
  // Our own messages may hold line breaks on purpose; each line is made safe on its own.
  return message.split('\n').map((l) => safeText(relative(l))).join('\n');
}

/** Node's messages for command-line mistakes (`Unknown option '--x'. To specify …`), in the user's language. */
function parseArgsMessage(e: { code?: string; message?: string; suggestion?: string }, locale: Locale): string {
  const message = String(e.message ?? '');
  // `Option '-f, --format <value>' argument missing`: the long name (a short one alone if that is all).
  const option = /'(?:-\w, )?(-{1,2}[^' ,]+)/.exec(message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return M.unknownOption(option, e.suggestion)[locale];
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return M.optionNeedsValue(option)[locale];
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return M.unexpectedArgument(/'([^']+)'/.exec(message)?.[1] ?? '')[locale];
    default:
      return M.badArguments(message)[locale];
  }
}

/**
 * Usage and configuration errors exit 2 with a located, readable message in the user's
 * language — never a stack. A configuration's or rule pack's located problems
 * (`file:line:col: detail (code)`) follow a heading that says what failed.
 */
/** The calls of Node's fs that write (their errors are "cannot write"). */
const WRITING = new Set(['write', 'rename', 'mkdir', 'link', 'unlink', 'fsync', 'close', 'copyfile', 'symlink', 'rmdir', 'ftruncate']);

/** An error of a system call on a file, as Node's fs throws it (`code` ENOENT…, `syscall`, `path`). */
function isSystemError(e: { code?: unknown; syscall?: unknown; path?: unknown }): e is { code: string; syscall: string; path?: string } {
  return typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string' && (e.path === undefined || typeof e.path === 'string');
}

export function reportError(error: unknown, io: Io, locale: Locale = chooseLocale(undefined, undefined, io.env), command?: string): number {
  const e = error as { name?: string; message?: string; code?: string; problems?: unknown; text?: Record<Locale, string> } | undefined;
  if (!e) throw error;
  const relative = (s: string) => s.split(`${io.cwd}/`).join('');
  if (String(e.code ?? '').startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`edunorm: ${safeText(relative(parseArgsMessage(e, locale)))}\n${M.seeHelp(command)[locale]}\n`);
    return EXIT_USAGE;
  }
  if (e.name === 'UsageError') {
    io.stderr(`edunorm: ${errorText({ message: e.text?.[locale] ?? e.message }, io.cwd)}\n`);
    return EXIT_USAGE;
  }
  if (isSystemError(e)) {
    // A file that cannot be read or written (a folder where a report goes, a full disk, no
    // permission): the user's to fix, said as such — never "internal error" and a stack.
    const path = safeText(relative(e.path ?? ''));
    const reason = M.systemError(e.code);
    const text = WRITING.has(e.syscall) ? M.writeFailed(path, reason) : e.syscall === 'open' ? M.openFailed(path, reason) : M.readFailed(path, reason);
    io.stderr(`edunorm: ${text[locale]}\n`);
    return EXIT_USAGE;
  }
  if (e.name === 'ConfigurationError' || e.name === 'RulePackError') {
    const problems = Array.isArray(e.problems) ? e.problems : [];
    const heading = (e.name === 'ConfigurationError' ? M.configInvalid() : M.rulePackInvalid())[locale];
    // With located problems the core's English first line ("invalid configuration F") is the
    // heading's, and each problem is said in the user's language (core gives both).
    const said = (problems as ProblemLike[]).map((p) => ({ ...p, message: p.text?.[locale] ?? p.message }));
    const body = said.length ? errorText({ message: said.map(problemLine).join('\n'), problems: said }, io.cwd) : errorText(e, io.cwd);
    io.stderr(`edunorm: ${heading}\n${body.split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    return EXIT_USAGE;
  }
  throw error;
}
