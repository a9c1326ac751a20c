#!/usr/bin/env node
// After `npm run build-storybook`: the learning site must work from any static host and from a
// sub-path. Serves the build at /some/sub/path/ (a parent folder with the build linked inside) and
// opens the manager on the welcome page and on a lesson, checking the stories render inside the
// manager's iframe with no failed request.
import { mkdtempSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome, chromeArgs } from './chrome.mjs';
import { serveStatic } from './serve-static.mjs';

const build = resolve(process.argv[2] ?? 'storybook-static');
if (!existsSync(join(build, 'index.html'))) {
  console.error(`${build} is not a Storybook build: run npm run build-storybook first.`);
  process.exit(1);
}
const root = mkdtempSync(join(tmpdir(), 'ls-site-'));
symlinkSync(build, join(root, 'docs-site'));
const server = await serveStatic(root);
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
let passed = 0;
let failed = 0;
const check = (ok, what) => (console.log(`${ok ? '✓' : '✗'} ${what}`), ok ? passed++ : failed++);
try {
  for (const [path, probe, what] of [
    ['welcome--catalog', 'ls-topic-catalog', 'the welcome page shows the catalog'],
    ['learn-consistent-hashing--lesson', 'ls-topic', 'a lesson page renders'],
    ['components-consistent-hash-ring--default', 'ls-consistent-hash-ring', 'a component story renders'],
  ]) {
    const page = await browser.newPage();
    const bad = [];
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('favicon.ico') && bad.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => bad.push(`pageerror ${e.message}`));
    await page.goto(`${server.url}/docs-site/?path=/story/${path}`, { waitUntil: 'networkidle0' });
    const frame = await (await page.waitForSelector('#storybook-preview-iframe')).contentFrame();
    const ok = await frame
      .waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.childElementCount > 0, { timeout: 15_000 }, probe)
      .then(() => true)
      .catch(() => false);
    check(ok && bad.length === 0, `${what} from a sub-path (/docs-site/?path=/story/${path})${bad.length ? `: ${bad.join('; ')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`site: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
