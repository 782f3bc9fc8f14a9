/** Outside review G: the setting `edunorm.locale` changed: the closed district file's county findings in the new language, as `edunorm check --locale`. */
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { expect, it } from 'vitest';
import { County } from './harness.js';

it('locale zh-CN → en with the district file closed (a school open)', async () => {
  const c = new County();
  try {
    await c.start();
    await c.openFile('schools/dongzhuang-primary/staffing-2025.yaml');
    await c.settle();
    await c.client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { edunorm: { locale: 'en' } } });
    c.cliLocale = 'en';
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);
