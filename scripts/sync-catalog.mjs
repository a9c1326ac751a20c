#!/usr/bin/env node
// Sets each catalog entry's status from its topic file (available when content/topics/<id>.json says so).
// Run after adding or finishing a lesson; content:check fails while the two disagree.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
const path = 'content/catalog.json';
const catalog = JSON.parse(readFileSync(path, 'utf8'));
let changed = 0;
for (const c of catalog.categories)
  for (const t of c.topics) {
    const file = `content/topics/${t.id}.json`;
    const status = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).status : 'coming-soon';
    if (t.status !== status) ((t.status = status), changed++);
  }
writeFileSync(path, JSON.stringify(catalog, null, 2) + '\n');
console.log(`catalog: ${changed} status change(s)`);
