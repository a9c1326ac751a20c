#!/usr/bin/env node
// `npm run content:check` (part of `npm test`): validates content/catalog.json and content/topics/*.json
// with the same validators the elements use (src/content/check.ts, bundled on the fly with esbuild).
import { build } from 'esbuild';
import { readdirSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(ROOT, '.tmp/content-check.mjs');
mkdirSync(dirname(out), { recursive: true });
await build({ entryPoints: [resolve(ROOT, 'src/content/check.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', external: ['lit', 'lit/*'] });
const { checkContent } = await import(pathToFileURL(out).href + `?t=${Date.now()}`);

const read = (path) => {
  const rel = relative(ROOT, path);
  try {
    return { path: rel, json: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (err) {
    return { path: rel, error: existsSync(path) ? `is not JSON: ${err.message}` : 'is missing' };
  }
};
const dir = resolve(ROOT, 'content/topics');
const topicFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => read(resolve(dir, f))) : [];
const { problems, topics, questionCount } = checkContent(read(resolve(ROOT, 'content/catalog.json')), topicFiles);
for (const p of problems) console.log(`✗ ${p}`);
const available = topics.filter((t) => t.status === 'available').length;
console.log(`content: ${topicFiles.length} topic files (${available} available), ${questionCount} questions in the bank`);
console.log(`content: ${topicFiles.length + 1 - new Set(problems.map((p) => p.split(':')[0])).size} passed, ${new Set(problems.map((p) => p.split(':')[0])).size} failed`);
process.exit(problems.length ? 1 : 0);
