import { css } from 'lit';

/** Dark palette, applied by the media query and by `theme="dark"`. */
const darkPalette = css`
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
`;

/**
 * What visualizations add to `themeStyles`: the categorical palette `--ls-palette-1…10` (light and
 * dark defaults), tables for the table view, the tooltip, and the layout every visualization shares:
 * `.frame` (the bordered box), `.title`, `.main` (one column; an element widens it in its own
 * `@container (min-width: 720px)` rule) of `.col`s, `.card`s with an `h3`, and the `.footer`.
 */
export const vizStyles = css`
  :host {
    container-type: inline-size;
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
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([theme='dark']) {
    ${darkPalette}
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
  /* The parts every visualization shares: notes, the table view, the scenario text area. */
  .note {
    color: var(--_muted);
    font-size: 0.8125em;
    margin: 0;
  }
  details summary {
    cursor: pointer;
    min-height: 24px;
    color: var(--_accent);
  }
  .table-wrap {
    overflow-x: auto;
  }
  textarea {
    width: 100%;
    min-height: 8rem;
    font-family: var(--_mono);
    font-size: 0.8125em;
    background: var(--_surface);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .frame {
    position: relative;
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .title {
    margin: 0;
    font-weight: 600;
    font-size: 1.0625em;
  }
  .main {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    align-items: start;
  }
  .col {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.625rem 0.75rem;
    background: var(--_bg);
    min-width: 0;
  }
  .card h3 {
    margin: 0 0 0.375rem;
    font-size: 0.875em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  details h4 {
    margin: 0.75rem 0 0.25rem;
    font-size: 0.875em;
  }
  /* A chart's key: <ul class="legend"><li><i style="background: …"></i>label</li>…</ul> */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
    color: var(--_muted);
  }
`;
