/**
 * The command line as `parseArgs` should read it, decided from the command's option table
 * before Node's parser sees it — where Node's own errors would say the wrong thing:
 *
 * - `--max-warnings -1`: Node takes `-1` for an option and says the value is missing. A value
 *   that looks like a negative number (no option of ours is a digit) is the option's value,
 *   passed on as `--max-warnings=-1`, and the command judges it (`--max-warnings 应为不小于 0 的整数,而不是“-1”`).
 * - `--color=maybe`: Node says "does not take an argument", which main.ts could only word as a
 *   missing value. A flag given a value is said as such, with its `--no-` counterpart if it has one.
 */
import type { OptionSpec } from './command-specs.js';
import { MESSAGES as M } from './messages.js';
import { UsageError } from './usage-error.js';

const NEGATIVE_NUMBER = /^-\.?\d/;

export function commandArgs(options: Readonly<Record<string, OptionSpec>>, args: readonly string[]): string[] {
  const byShort = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) if (o.short) byShort.set(o.short, name);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 2) {
      const name = arg.slice(2, eq);
      if (Object.hasOwn(options, name) && options[name]!.type === 'boolean') {
        const off = Object.hasOwn(options, `no-${name}`) ? `--no-${name}` : undefined;
        throw new UsageError(M.flagTakesNoValue(`--${name}`, off, options[name]!.turnsOn));
      }
    }
    const name = arg.startsWith('--') ? arg.slice(2) : /^-[^-]$/.test(arg) ? byShort.get(arg.slice(1)) : undefined;
    const next = args[i + 1];
    if (name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}
