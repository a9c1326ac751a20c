#!/usr/bin/env node
// `npm run build`: the publishable dist/.
//   1. rm -rf dist
//   2. tsc -p tsconfig.build.json          unbundled ESM .js + .d.ts into dist/
//   3. custom-elements-manifest analyze    dist/custom-elements.json
//   4. vite build --mode cdn               dist/cdn/le-systems.js (self-contained)
// then checks that every package.json "exports" target exists and that the
// CDN bundle imports nothing, and prints a summary of files and sizes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, 'dist');
const CDN = resolve(DIST, 'cdn/le-systems.js');

function step(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const t0 = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        console.log(`  ${title} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        ok();
      } else fail(new Error(`${title} failed (${cmd} ${args.join(' ')} exited with ${signal ?? code})`));
    });
  });
}

/** Every file path named by package.json "exports" (conditions walked). */
function exportTargets(pkg) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'customElements']) if (pkg[field]) out.add(pkg[field]);
  return [...out].filter((p) => !p.includes('*'));
}

/** Import specifiers of an ES module, found by esbuild's parser. */
async function importsOf(file) {
  const { build } = await import('esbuild');
  const found = [];
  await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    logLevel: 'silent',
    format: 'esm',
    plugins: [
      {
        name: 'collect-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            found.push(`${args.path} (${args.kind})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return found;
}

function walkFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walkFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  const t0 = performance.now();
  console.log('▶ clean: rm -rf dist');
  await rm(DIST, { recursive: true, force: true });
  await step('tsc', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
  await step('custom elements manifest', 'npx', [
    'custom-elements-manifest', 'analyze', '--litelement',
    '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', 'dist',
  ]);
  await step('CDN bundle', 'npx', ['vite', 'build', '--mode', 'cdn']);

  console.log('\n▶ verify');
  const problems = [];
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  const missing = exportTargets(pkg).filter((p) => !existsSync(resolve(ROOT, p)));
  if (missing.length) problems.push(`package.json targets missing from the build:\n${missing.map((m) => `    ${m}`).join('\n')}`);
  else console.log(`  all ${exportTargets(pkg).length} package.json export/main/types targets exist`);
  if (!existsSync(CDN)) {
    problems.push(`${relative(ROOT, CDN)} was not written`);
  } else {
    const imports = await importsOf(CDN);
    if (imports.length) problems.push(`${relative(ROOT, CDN)} is not self-contained; it imports:\n${imports.map((i) => `    ${i}`).join('\n')}`);
    else console.log(`  ${relative(ROOT, CDN)} is self-contained (no imports)`);
  }

  console.log('\n▶ dist summary');
  if (existsSync(DIST)) {
    const files = walkFiles(DIST);
    const group = (pred) => {
      const fs = files.filter(pred);
      return `${fs.length} files, ${kib(fs.reduce((s, f) => s + statSync(f).size, 0))}`;
    };
    const inCdn = (f) => f.startsWith(resolve(DIST, 'cdn') + '/');
    console.log(`  ESM modules (.js):     ${group((f) => f.endsWith('.js') && !inCdn(f))}`);
    console.log(`  declarations (.d.ts):  ${group((f) => f.endsWith('.d.ts'))}`);
    const cem = resolve(DIST, 'custom-elements.json');
    if (existsSync(cem)) {
      const manifest = JSON.parse(readFileSync(cem, 'utf8'));
      const tags = (manifest.modules ?? []).flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
      console.log(`  custom-elements.json:  ${kib(statSync(cem).size)}; elements: ${tags.join(', ') || '(none)'}`);
    }
    if (existsSync(CDN)) {
      const code = readFileSync(CDN);
      console.log(`  cdn/le-systems.js:     ${kib(code.length)} min, ${kib(gzipSync(code, { level: 9 }).length)} gzip`);
    }
    const other = files.filter((f) => !f.endsWith('.js') && !f.endsWith('.d.ts') && !f.endsWith('custom-elements.json'));
    if (other.length) console.log(`  other:                 ${other.map((f) => relative(DIST, f)).join(', ')}`);
  }

  if (problems.length) {
    console.error(`\nbuild: FAILED\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nbuild: OK in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`\nbuild: ${err?.message ?? err}`);
  process.exit(1);
});
