import { css } from 'lit';

/**
 * Library-wide design tokens. Each `--ls-*` property may be set by the page (on the element or any
 * ancestor); the element's private `--_*` copies fall back to the defaults below, which differ for
 * light and dark. Dark applies under `prefers-color-scheme: dark` unless `theme="light"` is set,
 * and always under `theme="dark"`.
 *
 * Tokens: --ls-font, --ls-font-mono, --ls-font-size, --ls-bg, --ls-surface, --ls-fg, --ls-muted,
 * --ls-border, --ls-accent, --ls-accent-fg, --ls-danger, --ls-success, --ls-warning, --ls-focus,
 * --ls-radius, --ls-palette-1 … --ls-palette-10, --ls-duration.
 */
/** Dark defaults, applied by the media query and by `theme="dark"`. */
const darkTokens = css`
  --_bg: var(--ls-bg, #111418);
  --_surface: var(--ls-surface, #1b2027);
  --_fg: var(--ls-fg, #e6e9ee);
  --_muted: var(--ls-muted, #a3acb9);
  --_border: var(--ls-border, #3a424d);
  --_accent: var(--ls-accent, #a5b4fc);
  --_accent-fg: var(--ls-accent-fg, #111418);
  --_danger: var(--ls-danger, #ff8a80);
  --_success: var(--ls-success, #6ee7a8);
  --_warning: var(--ls-warning, #f5c451);
  --_focus: var(--ls-focus, #93c5fd);
  --_p1: var(--ls-palette-1, #a5b4fc);
  --_p2: var(--ls-palette-2, #ffa94d);
  --_p3: var(--ls-palette-3, #4fd1c5);
  --_p4: var(--ls-palette-4, #f783ac);
  --_p5: var(--ls-palette-5, #a9e34b);
  --_p6: var(--ls-palette-6, #74c0fc);
  --_p7: var(--ls-palette-7, #d0a8ff);
  --_p8: var(--ls-palette-8, #ffd43b);
  --_p9: var(--ls-palette-9, #ff8787);
  --_p10: var(--ls-palette-10, #8ce99a);
  color-scheme: dark;
`;

export const themeStyles = css`
  :host {
    --_font: var(--ls-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--ls-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_size: var(--ls-font-size, 0.9375rem);
    --_bg: var(--ls-bg, #ffffff);
    --_surface: var(--ls-surface, #f4f5f7);
    --_fg: var(--ls-fg, #1b1f24);
    --_muted: var(--ls-muted, #57606a);
    --_border: var(--ls-border, #d0d7de);
    --_accent: var(--ls-accent, #4f46e5);
    --_accent-fg: var(--ls-accent-fg, #ffffff);
    --_danger: var(--ls-danger, #b42318);
    --_success: var(--ls-success, #067647);
    --_warning: var(--ls-warning, #9a6700);
    --_focus: var(--ls-focus, #2563eb);
    --_radius: var(--ls-radius, 8px);
    --_duration: var(--ls-duration, 600ms);
    --_p1: var(--ls-palette-1, #4f46e5);
    --_p2: var(--ls-palette-2, #d9480f);
    --_p3: var(--ls-palette-3, #0b7a75);
    --_p4: var(--ls-palette-4, #b3186b);
    --_p5: var(--ls-palette-5, #5f7f0e);
    --_p6: var(--ls-palette-6, #1c6dd0);
    --_p7: var(--ls-palette-7, #8a4baf);
    --_p8: var(--ls-palette-8, #a05a00);
    --_p9: var(--ls-palette-9, #c2255c);
    --_p10: var(--ls-palette-10, #2b8a3e);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 32px;
    min-width: 32px;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  input[type='text'],
  input[type='number'],
  select {
    min-height: 32px;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .ls-error {
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    color: var(--_fg);
    background: var(--_bg);
  }
  .ls-error strong {
    color: var(--_danger);
  }
  .ls-error ul {
    margin: 0.5rem 0 0;
    padding-left: 1.25rem;
  }
  .ls-error code,
  code {
    font-family: var(--_mono);
    font-size: 0.9em;
  }
  .ls-loading {
    color: var(--_muted);
    padding: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  th[scope='col'].num,
  td.num {
    text-align: right;
  }
  .ls-tooltip {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 10;
    max-width: 260px;
    padding: 0.375rem 0.5rem;
    border-radius: 6px;
    background: var(--_fg);
    color: var(--_bg);
    font-size: 0.8125rem;
    pointer-events: none;
    white-space: pre-line;
  }
  .ls-tooltip[hidden] {
    display: none;
  }
  .ls-tooltip.unplaced {
    visibility: hidden;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
`;
