#!/usr/bin/env node
// Draws the extension's icon (images/icon.png, 256×256, the Marketplace wants ≥ 128×128) from
// the SVG below with headless Chromium (playwright-core, as the e2e harness uses it). Run once
// when the design changes; the PNG is committed. `node extension/scripts/make-icon.mjs`
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
// A budget sheet with a check mark on the project's green: "checked against the norms".
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="44" fill="#1b6b4a"/>
  <path d="M70 40h84l40 40v136a8 8 0 0 1-8 8H70a8 8 0 0 1-8-8V48a8 8 0 0 1 8-8z" fill="#ffffff"/>
  <path d="M154 40v32a8 8 0 0 0 8 8h32z" fill="#cfe8dc"/>
  <rect x="84" y="96" width="88" height="10" rx="5" fill="#9cc9b3"/>
  <rect x="84" y="120" width="64" height="10" rx="5" fill="#9cc9b3"/>
  <path d="M92 170l24 24 48-52" fill="none" stroke="#1b6b4a" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`icon: ${out}`);
} finally {
  await browser.close();
}
