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
  // 2-core machines: at most two test files run at once.
  concurrency: 2,
  testFramework: {
    config: { timeout: 10000 },
  },
};
