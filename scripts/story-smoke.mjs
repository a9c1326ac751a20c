#!/usr/bin/env node
// Smoke test of EVERY Storybook story in headless Chromium (puppeteer-core,
// system Chromium): each story must render something, define its custom
// elements, finish its Lit updates, log no console error, throw no page
// error, fail no request of its own origin, and have no axe violation.
//
//   node scripts/story-smoke.mjs                  build Storybook into .tmp/storybook-smoke, then test
//   node scripts/story-smoke.mjs --no-build       test the existing .tmp/storybook-smoke
//   node scripts/story-smoke.mjs --dir <path>     test an existing static build (implies --no-build)
//   node scripts/story-smoke.mjs --filter <text>  only stories whose id contains <text>
//
// A story tagged `skip-smoke` (tags: ['skip-smoke']) is skipped and listed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChrome, chromeArgs } from './chrome.mjs';
import { serveStatic } from './serve-static.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const RENDER_TIMEOUT_MS = 10_000;
const SETTLE_MS = 300;
const PARALLEL_PAGES = 2;

/**
 * Run a command in the project root. Output is streamed, or with `quiet`
 * captured and printed only if the command fails. Rejects on non-zero exit.
 */
export function run(cmd, args, { env, quiet = false } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code === 0) return ok();
      if (quiet) process.stderr.write(Buffer.concat(out));
      fail(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

/**
 * Static Storybook build into `outDir`, the way `npm run build-storybook`
 * does it (custom-elements.json first via `npm run manifest`, which the docs
 * read), but into a scratch directory.
 */
export async function buildStorybook(outDir) {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const t0 = performance.now();
  if (pkg.scripts?.manifest) await run('npm', ['run', '--silent', 'manifest'], { quiet: true });
  if (pkg.scripts?.['stories:gen']) await run('npm', ['run', '--silent', 'stories:gen'], { quiet: true });
  // Storybook's --quiet still lists every asset: capture, show only on failure.
  await run('npx', ['storybook', 'build', '-o', outDir, '--quiet', '--disable-telemetry'], {
    env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
    quiet: true,
  });
  console.log(`Storybook built into ${relative(ROOT, outDir) || outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Entries of `<dir>/index.json` with type "story". */
export async function readStories(dir) {
  const file = resolve(dir, 'index.json');
  if (!existsSync(file)) throw new Error(`${relative(ROOT, file) || file} not found: is ${dir} a Storybook static build?`);
  const index = JSON.parse(await readFile(file, 'utf8'));
  return Object.values(index.entries ?? index.stories ?? {}).filter((e) => (e.type ?? 'story') === 'story');
}

/**
 * Runs IN THE PAGE before any of its scripts (page.evaluateOnNewDocument):
 * sets `window.__leStoryReady` to a promise that resolves once the story's
 * root has element children, every custom element in it (shadow roots
 * walked) is defined and its `updateComplete` has resolved. Resolves to
 * { ok, t (performance.now() at that moment, ms since navigation start),
 * elements, reason? }.
 */
export function installStoryProbe(timeoutMs) {
  if (window !== window.top) return;
  const t0 = performance.now();
  const remaining = () => timeoutMs - (performance.now() - t0);
  const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  // Storybook 10 renders a story into #storybook-root > #root-inner.
  const findRoot = () => document.querySelector('#root-inner') ?? document.querySelector('#storybook-root');
  const collect = (node, out = []) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.includes('-')) out.push(el);
      if (el.shadowRoot) collect(el.shadowRoot, out);
    }
    return out;
  };
  // Wake up on any DOM change (or after 50 ms for changes inside shadow roots).
  const tick = () =>
    new Promise((r) => {
      const done = () => {
        mo.disconnect();
        clearTimeout(id);
        r();
      };
      const mo = new MutationObserver(done);
      mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
      const id = setTimeout(done, 50);
    });
  const errorText = () =>
    ['#error-message', '#error-stack']
      .map((s) => document.querySelector(s)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' | ')
      .replace(/\s+/g, ' ')
      .slice(0, 300);
  const isBlank = (root) => root.childElementCount === 0 && !(root.textContent ?? '').trim();

  window.__leStoryReady = (async () => {
    let root;
    let shownAt;
    for (;;) {
      const cls = document.body?.classList;
      if (cls?.contains('sb-show-errordisplay')) {
        return { ok: false, t: performance.now(), reason: `Storybook error display: ${errorText() || '(no message)'}` };
      }
      root = findRoot();
      if (root && !isBlank(root)) break;
      // Storybook adds sb-show-main once the story's render function ran; a
      // root still blank a second later means the story renders nothing.
      if (cls?.contains('sb-show-main')) shownAt ??= performance.now();
      if (remaining() <= 0 || (shownAt !== undefined && performance.now() - shownAt > 1000)) {
        return { ok: false, t: performance.now(), reason: root ? 'story rendered nothing (empty #storybook-root)' : 'no #storybook-root in the page' };
      }
      await tick();
    }
    let count = -1;
    for (;;) {
      const els = collect(root);
      const undefinedTags = [...new Set(els.filter((e) => !customElements.get(e.localName)).map((e) => e.localName))];
      if (undefinedTags.length) {
        await Promise.race([Promise.all(undefinedTags.map((t) => customElements.whenDefined(t))), sleep(remaining())]);
        if (remaining() <= 0) {
          return { ok: false, t: performance.now(), reason: `custom element(s) never defined: <${undefinedTags.join('>, <')}> (module not loaded, or dropped by a "sideEffects" setting?)` };
        }
        continue;
      }
      const pending = els.map((e) => e.updateComplete).filter((p) => p && typeof p.then === 'function');
      const settled = await Promise.race([Promise.all(pending).then(() => true), sleep(remaining()).then(() => false)]);
      if (!settled) return { ok: false, t: performance.now(), reason: `updateComplete did not resolve within ${timeoutMs} ms` };
      const now = collect(root).length;
      if (now === els.length && now === count) break; // two stable passes
      count = now;
    }
    if (isBlank(root)) return { ok: false, t: performance.now(), reason: 'story rendered nothing (empty #storybook-root)' };
    return { ok: true, t: performance.now(), elements: count };
  })();
}

/** Launch the system Chromium through puppeteer-core. */
export async function launchBrowser() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
}

export const storyUrl = (base, id) => `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;

const shorten = (s, n = 160) => {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

async function runAxe(page) {
  // Storybook's a11y addon may be running its own axe pass on the same page
  // right after render: retry while axe says it is already running.
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.evaluate(async () => {
        const root = document.querySelector('#storybook-root') ?? document.querySelector('#root-inner');
        const result = await window.axe.run(root, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.length,
          target: JSON.stringify(v.nodes[0]?.target ?? []),
          html: v.nodes[0]?.html ?? '',
        }));
      });
    } catch (err) {
      if (attempt < 20 && /already running/i.test(String(err?.message))) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      throw err;
    }
  }
}

/** Smoke one story in a fresh page; returns a list of problems (empty = pass). */
async function smokeStory(browser, base, story, axePath) {
  const problems = [];
  const origin = new URL(base).origin;
  const page = await browser.newPage();
  try {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location()?.url ?? '';
      // "Failed to load resource" for own-origin URLs is reported (with the
      // favicon ignored) by the response/requestfailed handlers below.
      if (msg.text().startsWith('Failed to load resource') && url.startsWith(origin)) return;
      const loc = url ? ` (${url.replace(origin, '')})` : '';
      problems.push(`console error: ${shorten(msg.text(), 300)}${loc}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${shorten(err?.message ?? err, 300)}`));
    const own = (url) => url.startsWith(origin) && !/\/favicon\.(ico|svg|png)(\?|$)/.test(url);
    page.on('requestfailed', (req) => {
      if (own(req.url())) problems.push(`request failed: ${req.url().replace(origin, '')} ${req.failure()?.errorText ?? ''}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && own(res.url())) problems.push(`HTTP ${res.status()}: ${res.url().replace(origin, '')}`);
    });

    await page.evaluateOnNewDocument(installStoryProbe, RENDER_TIMEOUT_MS);
    await page.goto(storyUrl(base, story.id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const ready = await page.evaluate(() => window.__leStoryReady);
    if (!ready) {
      problems.push('story probe did not run (no document?)');
      return problems;
    }
    if (!ready.ok) {
      problems.push(ready.reason);
      return problems;
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));

    await page.addScriptTag({ path: axePath });
    const violations = await runAxe(page);
    for (const v of violations) {
      problems.push(
        `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes} node(s); first: ${shorten(v.target, 120)} ${shorten(v.html, 160)}`,
      );
    }
  } catch (err) {
    problems.push(`error: ${shorten(err?.message ?? err, 300)}`);
  } finally {
    await page.close().catch(() => {});
  }
  return problems;
}

function parseArgs(argv) {
  const opts = { build: true, dir: null, filter: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--dir') opts.dir = argv[++i];
    else if (a.startsWith('--dir=')) opts.dir = a.slice(6);
    else if (a === '--filter') opts.filter = argv[++i];
    else if (a.startsWith('--filter=')) opts.filter = a.slice(9);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/story-smoke.mjs [--no-build] [--dir <storybook-static dir>] [--filter <substring of story id>]');
      process.exit(0);
    } else {
      console.error(`story-smoke: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if ((opts.dir === undefined) || (opts.filter === undefined)) {
    console.error('story-smoke: --dir and --filter need a value');
    process.exit(2);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  findChrome(); // fail fast with its one-line message
  const dir = resolve(ROOT, opts.dir ?? '.tmp/storybook-smoke');
  if (!opts.dir && opts.build) {
    console.log(`story-smoke: building Storybook into ${relative(ROOT, dir)} …`);
    await buildStorybook(dir);
  }
  let stories = await readStories(dir);
  if (opts.filter) stories = stories.filter((s) => s.id.includes(opts.filter));
  const skipped = stories.filter((s) => s.tags?.includes('skip-smoke'));
  stories = stories.filter((s) => !s.tags?.includes('skip-smoke'));
  if (stories.length === 0) {
    console.error(`story-smoke: no stories found in ${dir}${opts.filter ? ` matching "${opts.filter}"` : ''}`);
    console.log('stories: 0 passed, 0 failed');
    process.exit(1);
  }

  const axePath = require.resolve('axe-core/axe.min.js');
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  try {
    const queue = [...stories];
    const worker = async () => {
      for (let story = queue.shift(); story; story = queue.shift()) {
        const problems = await smokeStory(browser, server.url, story, axePath);
        if (problems.length === 0) {
          passed++;
          console.log(`✓ ${story.id}`);
        } else {
          failed++;
          console.log(`✗ ${story.id}`);
          for (const p of [...new Set(problems)]) console.log(`    ${p}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, stories.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  for (const s of skipped) console.log(`- ${s.id} (skipped: tagged skip-smoke)`);
  console.log(`stories: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`story-smoke: ${err?.message ?? err}`);
    console.log('stories: 0 passed, 1 failed');
    process.exit(1);
  });
}
