// Locate a Chromium/Chrome executable for web-test-runner, puppeteer-core
// scripts (story smoke test, bench) — never a browser downloaded by a tool.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Flags for headless Chromium on this project's machines. `--no-sandbox` is
 * always included: CI and developer machines run as root, where Chromium
 * refuses to start without it. The networking flags stop Chromium from
 * retrying hosts it cannot reach.
 */
export const chromeArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Path of a Chromium/Chrome executable, or exit(1) with a one-line hint. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of CANDIDATES) {
    if (existsSync(candidate)) return candidate;
  }
  const hint = fromEnv ? ` (CHROME_PATH=${fromEnv} does not exist)` : '';
  process.stderr.write(
    `No Chromium found${hint}. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome.\n`,
  );
  process.exit(1);
}

// `node scripts/chrome.mjs` prints the path (used by .ci/run).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(findChrome());
}
