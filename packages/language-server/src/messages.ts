import type { Locale } from '@edunorm/core';

/** Picks the server's own words (titles, labels) in the user's language. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}
