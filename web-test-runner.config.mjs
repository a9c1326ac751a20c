// @web/test-runner 0.20 — browser tests (test/browser/**/*.test.ts) in the
// system Chromium (scripts/chrome.mjs), never a downloaded browser.
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChrome, chromeArgs } from './scripts/chrome.mjs';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // Lit elements use experimentalDecorators/useDefineForClassFields:false
  // (or `static properties`); esbuild reads both from tsconfig.json.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), args: chromeArgs, headless: true },
    }),
  ],
  // One test file at a time. With 2, the second file's page is a background
  // tab: requestAnimationFrame stops and focus/keyboard tests hang until
  // "Browser tests did not finish within 120000ms" (seen with the ring tests).
  concurrency: 1,
  testFramework: {
    config: { timeout: 10000 },
  },
};
