#!/usr/bin/env node
// Screenshot Storybook stories in headless Chromium, for looking at what we built.
// Usage: node scripts/shoot.mjs <story-id> [--width 1200] [--theme light|dark] [--dir storybook-static] [--out shots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome, chromeArgs } from './chrome.mjs';
import { serveStatic } from './serve-static.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : def;
};
const widths = opt('width', '400,1200').split(',').map(Number);
const themes = opt('theme', 'light,dark').split(',');
const dir = opt('dir', 'storybook-static');
const out = opt('out', 'shots');
const ids = args;
mkdirSync(out, { recursive: true });
const server = await serveStatic(dir);
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
try {
  for (const id of ids) {
    for (const theme of themes) {
      for (const width of widths) {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`, { waitUntil: 'networkidle0' });
        await new Promise((r) => setTimeout(r, 900));
        const file = join(out, `${id}-${theme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
