#!/usr/bin/env node
// Size budgets: bundles every entry of budgets.json the way a user ships it
// (Lit and all dependencies inside, minified ESM, one file), measures the
// minified and gzip (level 9) bytes and compares gzip with the budget.
//
//   node scripts/size.mjs           print the table
//   node scripts/size.mjs --check   ... and exit 1 if any entry is over budget
//
// Bundler: Vite's build() JS API in lib mode with write:false — the same
// bundler (Rolldown) and minifier (Oxc) as `vite build --mode cdn`, which
// makes dist/cdn/le-systems.js, so the numbers here are those of the shipped
// file and not of a second bundler's output. configFile:false keeps the
// project's vite.config.ts (and its Storybook branch) out of it.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KIB = 1024;

/**
 * Bundle one entry. Element entries are bundled as npm users' bundlers and browsers load them: the
 * entry chunk with everything it imports statically counts against the budget ("initial"), and
 * chunks it only `import()`s on demand (e.g. the tooltip positioning, fetched on first hover) are
 * reported as "lazy". With `single: true` (the CDN file) everything is inlined into one chunk.
 * Returns { initial, lazy } code strings.
 */
async function bundle(entryPath, single) {
  const { build } = await import('vite');
  const result = await build({
    root: ROOT,
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: 'oxc',
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: entryPath, formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: {
        output: { codeSplitting: !!single ? false : true, minify: true, comments: { annotation: false } },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output ?? []);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error(`no entry chunk among ${chunks.map((c) => c.fileName).join(', ')}`);
  if (single && chunks.length !== 1) {
    throw new Error(`expected 1 chunk, got ${chunks.length}: ${chunks.map((c) => c.fileName).join(', ')}`);
  }
  // Initial = the entry and its static imports, transitively; lazy = the rest.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (c) => {
    if (!c || initial.has(c)) return;
    initial.add(c);
    for (const name of c.imports ?? []) visit(byName.get(name));
  };
  visit(entry);
  const css = outputs.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  return {
    initial: [...initial].map((c) => c.code).join('') + css.map((a) => String(a.source)).join(''),
    lazy: chunks.filter((c) => !initial.has(c)).map((c) => c.code).join(''),
  };
}

/**
 * Measure every budgets.json entry.
 * @returns {Promise<Array<{name: string, entry: string, minBytes: number|null,
 *   gzipBytes: number|null, minKiB: number|null, gzipKiB: number|null,
 *   budgetKiB: number, ok: boolean, error?: string}>>}
 */
export async function measure({ budgetsFile = resolve(ROOT, 'budgets.json') } = {}) {
  const budgets = JSON.parse(await readFile(budgetsFile, 'utf8'));
  if ((budgets.unit ?? 'KiB') !== 'KiB') throw new Error(`budgets.json: unit must be "KiB"`);
  const rows = [];
  for (const { name, entry, gzip: budgetKiB, single, target } of budgets.entries) {
    const row = { name, entry, target, minBytes: null, gzipBytes: null, minKiB: null, gzipKiB: null, lazyGzipKiB: null, budgetKiB, ok: false };
    const entryPath = resolve(ROOT, entry);
    if (!existsSync(entryPath)) {
      row.error = `entry file not found: ${entry}`;
    } else {
      try {
        const out = await bundle(entryPath, single);
        const code = Buffer.from(out.initial);
        row.lazyGzipKiB = out.lazy ? gzipSync(Buffer.from(out.lazy), { level: 9 }).length / KIB : 0;
        row.minBytes = code.length;
        row.gzipBytes = gzipSync(code, { level: 9 }).length;
        row.minKiB = row.minBytes / KIB;
        row.gzipKiB = row.gzipBytes / KIB;
        row.ok = row.gzipKiB <= budgetKiB;
      } catch (err) {
        row.error = `bundling failed: ${String(err?.message ?? err).split('\n')[0]}`;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** The size table as text (also used by scripts/bench.mjs). */
export function formatTable(rows) {
  const kib = (n) => (n == null ? '-' : n.toFixed(1));
  const table = [
    ['entry', 'min KiB', 'gzip KiB', 'budget', 'status', '+ lazy gzip KiB'],
    ...rows.map((r) => [r.name, kib(r.minKiB), kib(r.gzipKiB), `${r.budgetKiB}`, r.error ? 'FAIL' : r.ok ? 'OK' : 'OVER', r.lazyGzipKiB ? kib(r.lazyGzipKiB) : '-']),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [line(table[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  for (const r of rows) if (r.error) out.push(`  ${r.name}: ${r.error}`);
  for (const r of rows) {
    if (!r.error && !r.ok) out.push(`  ${r.name}: gzip ${kib(r.gzipKiB)} KiB is over its budget of ${r.budgetKiB} KiB`);
    if (!r.error && r.ok && r.target !== undefined && r.gzipKiB > r.target)
      out.push(`  ${r.name}: within its budget but NOT its target of ${r.target} KiB (${kib(r.gzipKiB - r.target)} KiB to go; see budgets.json)`);
  }
  return out.join('\n');
}

async function main() {
  const check = process.argv.includes('--check');
  const rows = await measure();
  console.log('Bundle sizes (Lit and deps included, minified ESM; gzip level 9; 1 KiB = 1024 bytes).');
  console.log('gzip = what loading the entry downloads (budgeted); lazy = chunks fetched only on demand (e.g. tooltip positioning on first hover).');
  console.log(formatTable(rows));
  const passed = rows.filter((r) => r.ok).length;
  const failed = rows.length - passed;
  console.log(`size: ${passed} passed, ${failed} failed`);
  if (check && failed > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
