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
  input[type='search'],
  input[type='email'],
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
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
`;

