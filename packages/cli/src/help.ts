/**
 * `edunorm --help`, `edunorm <command> --help` (or `-h`) and `edunorm help <command>`, in zh-CN
 * and en, rendered from the option tables in command-specs.ts — the same tables parseArgs and
 * the README's CLI reference are made from, so help lists exactly the flags a command takes.
 */
import type { Locale } from '@edunorm/core';
import { COMMAND_SPECS, type CommandName, type CommandSpec, type OptionSpec } from './command-specs.js';
import { displayWidth, padEnd } from './text-width.js';

const WORDS = {
  'zh-CN': {
    title: 'edunorm — 教育经费与编制数据合规检查',
    usage: '用法:',
    options: '选项:',
    defaultIs: (v: string) => `(默认 ${v})`,
    version: '显示版本',
    perCommand: '每个命令都有自己的帮助:edunorm <命令> --help,或 edunorm help <命令>。',
    exit: '退出码:0 无错误,1 发现错误(或警告超过 --max-warnings),2 用法或配置错误,或没有检查任何文件。',
  },
  en: {
    title: 'edunorm — compliance checker for education finance and staffing data',
    usage: 'Usage:',
    options: 'Options:',
    defaultIs: (v: string) => ` (default ${v})`,
    version: 'print the version',
    perCommand: 'Each command has its own help: edunorm <command> --help, or edunorm help <command>.',
    exit: 'Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or configuration error, or nothing checked.',
  },
} as const;

/** `-f, --format <name>` as help and the README write an option. */
export function optionLabel(name: string, o: OptionSpec, locale: Locale): string {
  const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}`;
  return o.arg ? `${flag} <${o.arg[locale]}>` : flag;
}

/** An option's description with its default, when parseArgs has one (the code's own value). */
export function optionHelp(o: OptionSpec, locale: Locale): string {
  return `${o.help[locale]}${o.default !== undefined ? WORDS[locale].defaultIs(o.default) : ''}`;
}

/** Help lines fit a terminal of this many columns. */
const COLUMNS = 100;

/**
 * Breaks text into lines of at most `width` columns: between words, or between two CJK
 * characters (Chinese has no spaces), never inside a word, a flag or a number.
 */
export function wrap(text: string, width: number): string[] {
  const pieces = text.match(/[\u2e80-\ua4cf\uff00-\uffef][\u3000-\u303f\uff00-\uffef]*|[^\s\u2e80-\ua4cf\uff00-\uffef]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && displayWidth(line + piece.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function commandHelp(name: CommandName, spec: CommandSpec, locale: Locale): string {
  const w = WORDS[locale];
  const rows = Object.entries(spec.options).map(([option, o]) => [optionLabel(option, o, locale), optionHelp(o, locale)] as const);
  const width = Math.min(40, rows.reduce((m, [label]) => Math.max(m, displayWidth(label)), 0) + 2);
  const indent = ' '.repeat(width + 2);
  const lines = rows.map(([label, help]) => {
    const [first = '', ...more] = wrap(help, COLUMNS - width - 2);
    const head = displayWidth(label) + 2 > width ? `  ${label}\n${indent}${first}` : `  ${padEnd(label, width)}${first}`;
    return [head, ...more.map((l) => indent + l)].join('\n');
  });
  return [`edunorm ${spec.usage[locale]}`, '', `  ${spec.summary[locale]}`, '', w.options, ...lines, '', ...wrap(spec.notes[locale], COLUMNS), ''].join('\n');
}

function mainHelp(locale: Locale): string {
  const w = WORDS[locale];
  const entries = Object.entries(COMMAND_SPECS) as [CommandName, CommandSpec][];
  const rows = entries.map(([, spec]) => [`edunorm ${spec.usage[locale]}`, spec.summary[locale]] as const);
  const lines = rows.map(([usage, summary]) => `  ${usage}\n      ${summary}`);
  return [w.title, '', w.usage, ...lines, `  edunorm --version\n      ${w.version}`, '', w.perCommand, '', ...wrap(w.exit, COLUMNS), ''].join('\n');
}

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMAND_SPECS, name);

/** The help of `command`, or edunorm's own when undefined. */
export function helpText(command: CommandName | undefined, locale: Locale): string {
  return command === undefined ? mainHelp(locale) : commandHelp(command, COMMAND_SPECS[command], locale);
}

/** A Markdown table cell: `|` would end the cell (GFM reads `\|` as a literal bar, in code too). */
const cell = (s: string) => s.replace(/\|/g, '\\|');
/** Prose in a cell: `*.yaml, *.yml` must not turn into emphasis. */
const prose = (s: string) => cell(s).replace(/[*_]/g, (c) => `\\${c}`);

/**
 * The README's CLI reference (between `<!-- cli-reference:start -->` and `:end`, written by
 * `npm run docs`): every command with every option, its default and meaning — the text of
 * `--help`, from the same tables, so the README and help cannot disagree.
 */
export function renderCliReference(locale: Locale = 'en'): string {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(COMMAND_SPECS) as [CommandName, CommandSpec][]) {
    out.push(`#### \`edunorm ${name}\``, '', `\`edunorm ${cell(spec.usage[locale])}\` — ${prose(spec.summary[locale])}`, '', '| option | default | effect |', '| --- | --- | --- |');
    for (const [option, o] of Object.entries(spec.options)) {
      const label = optionLabel(option, o, locale).trim();
      out.push(`| \`${cell(label)}\` | ${o.default !== undefined ? `\`${cell(o.default)}\`` : ''} | ${prose(o.help[locale])} |`);
    }
    out.push('', prose(spec.notes[locale]), '');
  }
  return out.join('\n').trimEnd();
}
