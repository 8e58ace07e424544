#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in's icons (a table with a check mark) at the sizes Office asks for, by rendering an
 * SVG in Debian's Chromium. Run once; the PNGs are committed in assets/.
 */
const path = require('node:path');
const { chromium } = require('playwright-core');

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect x="2" y="2" width="60" height="60" rx="10" fill="#107C41"/>
  <rect x="11" y="13" width="42" height="38" rx="3" fill="#fff"/>
  <path d="M11 25h42M11 37h42M25 13v38M39 13v38" stroke="#107C41" stroke-width="2.5"/>
  <circle cx="46" cy="46" r="13" fill="#fff"/>
  <circle cx="46" cy="46" r="10.5" fill="#C50F1F"/>
  <path d="M40.5 46.5l4 4 7-8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Playwright gives every launch a fresh, empty profile (user data dir) of its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  for (const size of [16, 32, 64, 80, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: path.join(__dirname, '..', 'assets', `icon-${size}.png`), omitBackground: true });
  }
  await browser.close();
  console.log('icons written to assets/');
})();
