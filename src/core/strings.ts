/**
 * UI strings. Every element merges, in order: the shared defaults below, its own defaults, and the
 * host's `strings` property — so a page can translate or reword any label. Templates use `{name}`
 * placeholders.
 */
export const coreStrings = {
  errorTitle: '{tag}: {count} configuration problem{s}',
  loading: 'Loading…',
  srcFailed: 'could not load {url}: {reason}',
  srcNotJson: '{url} is not JSON: {reason}',
  inlineNotJson: 'the inline <script type="application/json"> is not JSON: {reason}',
  configNotJson: 'the config string is not JSON: {reason}',
};

/** Strings of the player and the other parts every visualization shares. */
export const vizStrings = {
  play: 'Play',
  pause: 'Pause',
  stepForward: 'Step forward',
  stepBack: 'Step back',
  toStart: 'Go to start',
  toEnd: 'Go to end',
  speed: 'Speed',
  position: 'Position',
  playback: 'Playback',
  copyScenario: 'Copy scenario',
  copied: 'Scenario copied to the clipboard',
  copyFailed: 'Could not copy; the scenario JSON is selected below — copy it with Ctrl+C',
  tableView: 'Table view',
};

export type Strings = Record<string, string>;

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in vars ? String(vars[key]) : m));
}
