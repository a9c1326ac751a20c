#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';
const cli = await import('../dist/cli/le-systems.js').catch((err) => { if (err?.code === 'ERR_MODULE_NOT_FOUND' && /[\\/]dist[\\/]cli[\\/]/.test(String(err.message))) return undefined; throw err; });
if (!cli) { console.error('le-systems: dist/ is missing — run npm run build first'); process.exitCode = 1; }
else process.exitCode = await cli.main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), readFile: (p) => readFile(p, 'utf8'), writeFile: (p, s) => writeFile(p, s, 'utf8') });
