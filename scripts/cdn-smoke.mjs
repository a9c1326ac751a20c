#!/usr/bin/env node
// After `npm run build`: open examples/plain.html — a plain page with only dist/cdn/le-systems.js — in
// headless Chromium and use it as a reader would: every configuration route renders, the bad one shows a
// located error, the keyboard works, axe is clean and nothing is logged as an error. Then
// examples/gallery.html: every visualization from the same bundle, working and with a typo.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChrome, chromeArgs } from './chrome.mjs';
import { serveStatic } from './serve-static.mjs';

const require = createRequire(import.meta.url);
if (!existsSync('dist/cdn/le-systems.js')) {
  console.error('dist/cdn/le-systems.js is missing: run `npm run build` first.');
  process.exit(1);
}
const server = await serveStatic('.');
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  ok ? passed++ : failed++;
};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 400, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${server.url}/examples/plain.html`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('#src')?.shadowRoot?.querySelector('svg'), { timeout: 10_000 });

  const info = await page.evaluate(() =>
    ['attr', 'inline', 'src', 'prop', 'bad'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return {
        id,
        chips: [...root.querySelectorAll('.chip')].map((c) => c.dataset.id),
        alert: root.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        width: document.getElementById(id).getBoundingClientRect().width,
      };
    }),
  );
  const by = Object.fromEntries(info.map((i) => [i.id, i]));
  check(by.attr.chips.join() === 'A,B,C,D', `attributes render 4 nodes (${by.attr.chips})`);
  check(by.inline.chips.join() === 'A,B,C', `inline JSON renders 3 nodes (${by.inline.chips})`);
  check(by.src.chips.length === 5, `src renders 5 nodes (${by.src.chips})`);
  check(by.prop.chips.join() === 'x,y,z', `config property renders x,y,z (${by.prop.chips})`);
  check(by.bad.alert.includes('nodes[2]: duplicate node id "A"') && by.bad.alert.includes('vnodes: expected an integer'), `bad config shows located errors: "${by.bad.alert}"`);
  check(info.every((i) => i.width <= 400), 'every element fits a 400 px column');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 400, `no horizontal scrolling at 400 px (scrollWidth ${overflow})`);

  // Keyboard: focus the ring, press + to add a node, ← to step back.
  await page.evaluate(() => document.getElementById('attr').shadowRoot.querySelector('svg[role="img"]').focus());
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  const after = await page.evaluate(() => {
    const el = document.getElementById('attr');
    return { chips: el.shadowRoot.querySelectorAll('.chip').length, live: el.shadowRoot.querySelector('[aria-live]').textContent };
  });
  check(after.chips === 5, `"+" added a node (${after.chips} chips)`);
  check(/Node E joined: \d+ of 200 keys/.test(after.live), `the change is announced: "${after.live.trim()}"`);

  // The quiz from src: answer by keyboard, Check, and see the completion event at Finish.
  await page.waitForFunction(() => document.querySelector('#quiz')?.shadowRoot?.querySelector('input'), { timeout: 10_000 });
  const quizEvents = await page.evaluate(() => {
    window.__events = [];
    for (const t of ['ls-quiz-answered', 'ls-quiz-completed']) document.addEventListener(t, (e) => window.__events.push([t, e.detail]));
    document.querySelector('#quiz').shadowRoot.querySelector('input[type=radio]').focus();
    return true;
  });
  await page.keyboard.press('ArrowDown');
  await page.evaluate(() => [...document.querySelector('#quiz').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Check').focus());
  await page.keyboard.press('Enter');
  const afterCheck = await page.evaluate(() => ({ events: window.__events, feedback: document.querySelector('#quiz').shadowRoot.querySelector('.feedback').textContent }));
  check(quizEvents && afterCheck.events.length === 1 && afterCheck.events[0][1].questionId === 'rw-overlap', `quiz: Check fires ls-quiz-answered (${JSON.stringify(afterCheck.events[0]?.[1])})`);
  check(/Correct\.|Not quite\./.test(afterCheck.feedback), 'quiz: feedback is shown after Check');
  const daily = await page.evaluate(() => document.querySelector('#daily').shadowRoot.querySelector('time')?.getAttribute('datetime'));
  check(daily === '2026-11-25', `daily challenge renders the pinned day (${daily})`);

  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.html.slice(0, 120)}`));
  check(violations.length === 0, `axe finds no violation${violations.length ? ':\n  ' + violations.join('\n  ') : ''}`);
  check(problems.length === 0, `no console errors${problems.length ? ':\n  ' + problems.join('\n  ') : ''}`);

  // examples/gallery.html: every visualization from the same bundle — a working inline config (renders, fits 400 px,
  // a player key steps it and the step is announced) and a typo (a located error naming the field).
  const g = await browser.newPage();
  await g.setViewport({ width: 400, height: 900 });
  const gProblems = [];
  g.on('pageerror', (e) => gProblems.push(`pageerror: ${e.message}`));
  g.on('console', (m) => m.type() === 'error' && gProblems.push(`console: ${m.text()}`));
  await g.goto(`${server.url}/examples/gallery.html`, { waitUntil: 'networkidle0' });
  const tags = await g.evaluate(() => [...document.querySelectorAll('.good')].map((el) => el.localName));
  check(tags.length === 10, `gallery: ${tags.length} visualizations on the page`);
  await g.waitForFunction(() => [...document.querySelectorAll('.good, .bad')].every((el) => el.shadowRoot?.querySelector('.frame, [role="alert"]')), { timeout: 15_000 });
  for (const tag of tags) {
    const r = await g.evaluate((tag) => {
      const good = document.querySelector(`${tag}.good`);
      const bad = document.querySelector(`${tag}.bad`);
      return {
        rendered: !!good.shadowRoot.querySelector('.frame') && !good.shadowRoot.querySelector('[role="alert"]'),
        width: good.getBoundingClientRect().width,
        error: bad.shadowRoot.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        player: !!good.shadowRoot.querySelector('ls-player-controls'),
      };
    }, tag);
    check(r.rendered && r.width <= 400, `${tag}: renders from inline JSON within 400 px (${Math.round(r.width)} px)`);
    check(r.error.includes('titel') && r.error.includes('did you mean "title"'), `${tag}: a typo shows a located error ("${r.error.slice(0, 90)}…")`);
    if (!r.player) continue;
    // Keyboard: focus the first button of the frame (the player's keys work anywhere in it), Home, then step.
    await g.evaluate((tag) => {
      const root = document.querySelector(`${tag}.good`).shadowRoot;
      root.querySelector('.frame').querySelector('button, [tabindex="0"]')?.focus();
    }, tag);
    await g.keyboard.press('Home');
    await g.keyboard.press('ArrowRight');
    await new Promise((r) => setTimeout(r, 100));
    const live = await g.evaluate((tag) => document.querySelector(`${tag}.good`).shadowRoot.querySelector('[aria-live]')?.textContent.trim() ?? '', tag);
    check(live.length > 0, `${tag}: → steps and is announced ("${live.slice(0, 70)}")`);
  }
  await g.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const gViolations = await g.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.html.slice(0, 120)}`));
  check(gViolations.length === 0, `gallery: axe finds no violation${gViolations.length ? ':\n  ' + gViolations.join('\n  ') : ''}`);
  const gOverflow = await g.evaluate(() => document.documentElement.scrollWidth);
  check(gOverflow <= 400, `gallery: no horizontal scrolling at 400 px (scrollWidth ${gOverflow})`);
  check(gProblems.length === 0, `gallery: no console errors${gProblems.length ? ':\n  ' + gProblems.join('\n  ') : ''}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`cdn: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
