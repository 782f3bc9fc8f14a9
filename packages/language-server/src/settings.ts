/**
 * The server's settings (`edunorm.*`), from initializationOptions, pulled with
 * workspace/configuration, or pushed with didChangeConfiguration, whichever the client does.
 */
import type { Locale } from '@edunorm/core';

export type LocaleSetting = 'auto' | Locale;

export interface ServerSettings {
  locale: LocaleSetting;
  inlayHints: { enabled: boolean };
  /**
   * `# edunorm-disable…` comments that hide nothing are `directive/unused` warnings, as
   * `edunorm check --report-unused-disable-directives` says them (those naming a norm across
   * documents once the county's findings are known).
   */
  reportUnusedDisableDirectives: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { locale: 'auto', inlayHints: { enabled: true }, reportUnusedDisableDirectives: false };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads settings leniently: `{ locale, inlayHints: { enabled }, reportUnusedDisableDirectives }`,
 * the same under an `edunorm` key, or dotted keys (`"inlayHints.enabled": false`). Unknown
 * values keep defaults.
 */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const out: ServerSettings = { locale: base.locale, inlayHints: { ...base.inlayHints }, reportUnusedDisableDirectives: base.reportUnusedDisableDirectives };
  if (!isRecord(raw)) return out;
  const source = isRecord(raw.edunorm) ? raw.edunorm : raw;
  const locale = source.locale;
  if (locale === 'auto' || locale === 'zh-CN' || locale === 'en') out.locale = locale;
  const hints = isRecord(source.inlayHints) ? source.inlayHints.enabled : source['inlayHints.enabled'];
  if (typeof hints === 'boolean') out.inlayHints.enabled = hints;
  if (typeof source.reportUnusedDisableDirectives === 'boolean') out.reportUnusedDisableDirectives = source.reportUnusedDisableDirectives;
  return out;
}

/**
 * `auto` follows the editor's display language (`initialize.locale`): Chinese → zh-CN, any
 * other language → en. Without a locale from the client (Neovim), zh-CN: the people who
 * edit these files are Chinese school finance staff.
 */
export function resolveLocale(setting: LocaleSetting, clientLocale: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  if (!clientLocale) return 'zh-CN';
  return /^zh/i.test(clientLocale) ? 'zh-CN' : 'en';
}
