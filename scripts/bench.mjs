#!/usr/bin/env node
// Benchmarks (`npm run bench`). Prints only; no pass/fail.
//   (a) bundle sizes of budgets.json entries (scripts/size.mjs)
//   (b) model benchmarks from bench/index.bench.ts, if present
//   (c) first-render time in headless Chromium of every story named "Default"
//
//   node scripts/bench.mjs              build Storybook into .tmp/storybook-bench first
//   node scripts/bench.mjs --no-build   reuse .tmp/storybook-bench
//   node scripts/bench.mjs --dir <path> use an existing Storybook static build
//   node scripts/bench.mjs --runs <n>   timed first-render runs per story (default 10)
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, formatTable } from './size.mjs';
import { buildStorybook, readStories, installStoryProbe, launchBrowser, storyUrl } from './story-smoke.mjs';
import { serveStatic } from './serve-static.mjs';
import { findChrome } from './chrome.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = resolve(ROOT, '.tmp');

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const ms = (n) => n.toFixed(n < 10 ? 3 : 1);

function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function parseArgs(argv) {
  const opts = { build: true, dir: null, runs: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--dir') opts.dir = argv[++i];
    else if (a === '--runs') opts.runs = Math.max(10, Number(argv[++i]) || 10);
    else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

// (a) ------------------------------------------------------------------------
async function sizes() {
  console.log('\n== Bundle sizes (Lit and deps included, minified ESM; gzip level 9; 1 KiB = 1024 bytes)');
  console.log(formatTable(await measure()));
}

// (b) ------------------------------------------------------------------------
async function modelBenches() {
  console.log('\n== Model benchmarks (bench/index.bench.ts)');
  const src = resolve(ROOT, 'bench/index.bench.ts');
  if (!existsSync(src)) {
    console.log('no model benches');
    return;
  }
  // Bundle the TS bench (and the models it imports) for Node with esbuild:
  // no TS loader needed at run time.
  const { build } = await import('esbuild');
  const outfile = resolve(TMP, 'bench', 'index.bench.mjs');
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [src],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
  });
  const { benches } = await import(pathToFileURL(outfile).href);
  if (!Array.isArray(benches) || benches.length === 0) {
    console.log('no model benches (bench/index.bench.ts exports no `benches`)');
    return;
  }
  const rows = [];
  for (const bench of benches) {
    try {
      for (let i = 0; i < 2; i++) bench.run(); // warm-up
      const n = Math.max(bench.iterations ?? 5, 5);
      const times = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        bench.run();
        times.push(performance.now() - t0);
      }
      rows.push([bench.name, n, ms(median(times)), ms(Math.min(...times))]);
    } catch (err) {
      rows.push([bench.name, 'error', String(err?.message ?? err).split('\n')[0], '']);
    }
  }
  console.log(table(['bench', 'runs', 'median ms', 'min ms'], rows));
}

// (c) ------------------------------------------------------------------------
async function firstRender(opts) {
  console.log(`\n== First render in headless Chromium (stories named "Default" or tagged "bench"; ${opts.runs} runs each, warm cache)`);
  console.log('   time from navigation start until every custom element in the story finished updateComplete');
  findChrome();
  let dir = resolve(ROOT, opts.dir ?? '.tmp/storybook-bench');
  if (!opts.dir && !opts.build && !existsSync(resolve(dir, 'index.json'))) {
    // --no-build: fall back to another existing static build.
    const other = ['.tmp/storybook-smoke', 'storybook-static'].map((d) => resolve(ROOT, d)).find((d) => existsSync(resolve(d, 'index.json')));
    if (other) {
      console.log(`   (using the existing build in ${relative(ROOT, other)})`);
      dir = other;
    }
  }
  if (!opts.dir && opts.build) {
    console.log(`bench: building Storybook into ${relative(ROOT, dir)} …`);
    await buildStorybook(dir);
  }
  if (!existsSync(resolve(dir, 'index.json'))) {
    console.log(`no Storybook build in ${dir} (run without --no-build)`);
    return;
  }
  const stories = (await readStories(dir)).filter((s) => s.name === 'Default' || s.tags?.includes('bench'));
  if (stories.length === 0) {
    console.log('no stories named "Default"');
    return;
  }
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const story of stories) {
      const load = async () => {
        const page = await browser.newPage();
        try {
          await page.evaluateOnNewDocument(installStoryProbe, 15_000);
          await page.goto(storyUrl(server.url, story.id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
          const r = await page.evaluate(() => window.__leStoryReady);
          if (!r?.ok) throw new Error(r?.reason ?? 'story probe did not run');
          return r.t;
        } finally {
          await page.close().catch(() => {});
        }
      };
      try {
        await load(); // untimed: warms the HTTP and code caches
        const times = [];
        for (let i = 0; i < opts.runs; i++) times.push(await load());
        rows.push([story.id, times.length, ms(median(times)), ms(percentile(times, 90))]);
      } catch (err) {
        rows.push([story.id, 'error', String(err?.message ?? err).split('\n')[0], '']);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(table(['story', 'runs', 'median ms', 'p90 ms'], rows));
}

// (d) ------------------------------------------------------------------------
/**
 * Scrubbing the Raft timeline: a 9-server run with 10 000+ events, the position slider dragged
 * across it frame by frame; reports the time per update (render included) and the frame rate it allows.
 */
async function raftScrub(opts) {
  console.log('\n== Scrubbing <ls-raft-timeline> (9 servers, 10 000+ events; time per slider update, render included)');
  const dir = [opts.dir, '.tmp/storybook-bench', '.tmp/storybook-smoke', 'storybook-static'].filter(Boolean).map((d) => resolve(ROOT, d)).find((d) => existsSync(resolve(d, 'index.json')));
  if (!dir) return console.log('no Storybook build');
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(storyUrl(server.url, 'components-raft-timeline--nine-nodes'), { waitUntil: 'networkidle0' });
    const r = await page.evaluate(async () => {
      const el = document.querySelector('ls-raft-timeline');
      const events = [];
      for (let t = 300; t < 20000; t += 40) events.push({ at: t, type: 'request', command: `c${t}` });
      for (let t = 2000; t < 19000; t += 3000) events.push({ at: t, type: 'crash', node: `S${1 + (t / 3000) % 9 | 0}` }, { at: t + 1200, type: 'restart', node: `S${1 + (t / 3000) % 9 | 0}` });
      el.config = { nodes: 9, seed: 3, duration: 20000, dropRate: 0.05, events };
      await el.updateComplete;
      const slider = el.shadowRoot.querySelector('ls-player-controls').shadowRoot.querySelector('input[type=range]');
      const times = [];
      for (let i = 0; i <= 240; i++) {
        const t0 = performance.now();
        slider.value = String((i / 240) * 20000);
        slider.dispatchEvent(new Event('input'));
        await el.updateComplete;
        times.push(performance.now() - t0);
      }
      return { events: el.events.length, times };
    });
    const med = median(r.times);
    const p95 = percentile(r.times, 95);
    console.log(table(['run events', 'updates', 'median ms', 'p95 ms', 'fps at p95'], [[r.events, r.times.length, ms(med), ms(p95), (1000 / p95).toFixed(0)]]));
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const [name, step] of [
    ['sizes', () => sizes()],
    ['model benchmarks', () => modelBenches()],
    ['first render', () => firstRender(opts)],
    ['raft scrubbing', () => raftScrub(opts)],
  ]) {
    try {
      await step();
    } catch (err) {
      console.log(`bench: ${name} failed: ${err?.message ?? err}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
