#!/usr/bin/env node
// `npm test`: every check, in order, output streamed; stops at the first
// failure with a non-zero exit. Ends with a per-step summary and the plain
// closing line `test steps: N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {{ name: string, cmd: string, args: string[], when?: () => boolean, whyNot?: string }[]} */
const STEPS = [
  // Prints the Chromium path, or fails fast with its one-line install hint.
  { name: 'chromium', cmd: 'node', args: ['scripts/chrome.mjs'] },
  // The Learn pages and the daily bank are generated from content/ (stories import them).
  { name: 'generate Learn stories', cmd: 'node', args: ['scripts/gen-stories.mjs'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit tests (vitest)', cmd: 'npx', args: ['vitest', 'run'] },
  {
    name: 'content check',
    cmd: 'node',
    args: ['scripts/content-check.mjs'],
    when: () => existsSync(resolve(ROOT, 'scripts/content-check.mjs')),
    whyNot: 'scripts/content-check.mjs does not exist yet',
  },
  { name: 'browser tests (web-test-runner)', cmd: 'npx', args: ['web-test-runner'] },
  { name: 'story smoke (every story, axe)', cmd: 'node', args: ['scripts/story-smoke.mjs'] },
  { name: 'size budgets', cmd: 'node', args: ['scripts/size.mjs', '--check'] },
];

let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    current?.kill(sig);
    process.exit(130);
  });
}

function runStep({ cmd, args }) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    current = child;
    child.on('error', (err) => {
      console.error(`  cannot start ${cmd}: ${err.message}`);
      ok(1);
    });
    child.on('exit', (code, signal) => ok(signal ? 1 : code ?? 1));
  });
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const total0 = performance.now();
let failed = false;
for (const [i, step] of STEPS.entries()) {
  const label = `[${i + 1}/${STEPS.length}] ${step.name}`;
  if (failed) {
    results.push({ step, status: 'not run' });
    continue;
  }
  if (step.when && !step.when()) {
    console.log(`\n━━ ${label}: skipped (${step.whyNot})`);
    results.push({ step, status: 'skipped' });
    continue;
  }
  console.log(`\n━━ ${label}: ${step.cmd} ${step.args.join(' ')}`);
  const t0 = performance.now();
  const code = await runStep(step);
  const ms = performance.now() - t0;
  current = null;
  results.push({ step, status: code === 0 ? 'passed' : 'failed', ms, code });
  if (code !== 0) {
    failed = true;
    console.log(`━━ ${step.name} FAILED (exit ${code}) after ${secs(ms)}; stopping.`);
  }
}

console.log(`\n━━ summary (${secs(performance.now() - total0)})`);
const width = Math.max(...STEPS.map((s) => s.name.length));
for (const r of results) {
  const mark = { passed: '✓', failed: '✗', skipped: '-', 'not run': '·' }[r.status];
  const time = r.ms === undefined ? '' : secs(r.ms).padStart(8);
  console.log(`  ${mark} ${r.step.name.padEnd(width)}  ${r.status.padEnd(7)} ${time}`);
}
const passed = results.filter((r) => r.status === 'passed').length;
const nFailed = results.filter((r) => r.status === 'failed').length;
console.log(`test steps: ${passed} passed, ${nFailed} failed`);
process.exit(nFailed ? 1 : 0);
