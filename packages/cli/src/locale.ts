import type { Locale } from '@edunorm/core';

/**
 * The language the environment asks for (LC_ALL > LC_MESSAGES > LANG > LANGUAGE): zh-CN for
 * Chinese, en for any other language, undefined when it names none (`C`, `C.UTF-8`, `POSIX`,
 * unset — what CI runners have), so the default applies.
 */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Locale | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  if (/^zh/i.test(value)) return 'zh-CN';
  if (value === '' || /^(C|POSIX)([._@].*)?$/i.test(value)) return undefined;
  return 'en';
}

export function parseLocale(value: string): Locale | undefined {
  const v = value.toLowerCase();
  if (v === 'zh-cn' || v === 'zh' || v === 'zh_cn' || v === 'zh-hans') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}

/**
 * Which language the CLI speaks: `--locale` > the configuration's `locale:` (a repository fixes
 * its language for CI) > LC_ALL/LC_MESSAGES/LANG > zh-CN. Chinese is the default: the people
 * who submit these files read Chinese, and a runner's `LANG=C.UTF-8` names no language at all.
 */
export function chooseLocale(flag: Locale | undefined, configured: Locale | undefined, env: NodeJS.ProcessEnv): Locale {
  return flag ?? configured ?? localeFromEnvironment(env) ?? 'zh-CN';
}
