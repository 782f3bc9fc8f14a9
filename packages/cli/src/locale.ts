import type { Locale } from '@edunorm/core';

/** zh-CN when the environment's language is Chinese (LC_ALL > LC_MESSAGES > LANG > LANGUAGE), else en. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

export function parseLocale(value: string): Locale | undefined {
  const v = value.toLowerCase();
  if (v === 'zh-cn' || v === 'zh' || v === 'zh_cn' || v === 'zh-hans') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}
