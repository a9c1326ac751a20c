import { css } from 'lit';

export const bloomStyles = css`
  :host {
    --_on: var(--ls-bloom-bit-color, var(--_accent));
    --_on-fg: var(--ls-bloom-bit-text, var(--_accent-fg));
    --_hit: var(--ls-bloom-highlight, var(--_p2));
    --_theory: var(--ls-bloom-theory-color, var(--_accent));
    --_measured: var(--ls-bloom-measured-color, var(--_p2));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1.25fr) minmax(280px, 1fr);
    }
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .form input {
    flex: 1 1 9em;
    min-width: 0;
  }
  .preview {
    margin: 0.375rem 0 0;
    min-height: 1.3em;
  }
  .bits {
    display: grid;
    gap: 3px;
    outline-offset: 3px;
    border-radius: 4px;
  }
  .bitcard {
    container-type: inline-size;
  }
  .bits.cells {
    grid-template-columns: repeat(8, minmax(0, 1fr));
  }
  @container (min-width: 540px) {
    .bits.cells {
      grid-template-columns: repeat(16, minmax(0, 1fr));
    }
  }
  .bits.small {
    grid-template-columns: auto repeat(32, minmax(0, 1fr));
    gap: 2px;
  }
  .cell {
    position: relative;
    display: grid;
    place-items: center;
    min-height: 2.25rem;
    border-radius: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    cursor: default;
  }
  .small .cell {
    min-height: 0;
    aspect-ratio: 1;
    border-radius: 2px;
  }
  .cell .i {
    position: absolute;
    top: 1px;
    left: 3px;
    font-size: 0.625rem;
    color: var(--_muted);
  }
  .cell .v {
    font-size: 0.875em;
    font-weight: 600;
    padding-top: 0.5rem;
  }
  .cell.on {
    background: var(--_on);
    border-color: var(--_on);
    color: var(--_on-fg);
  }
  .cell.on .i {
    color: var(--_on-fg);
  }
  .cell.hit {
    outline: 3px solid var(--_hit);
    outline-offset: 0;
    z-index: 1;
  }
  .cell.zero {
    outline: 3px dashed var(--_danger);
    outline-offset: 0;
    z-index: 1;
  }
  .cell.pre {
    box-shadow: inset 0 0 0 2px var(--_fg);
  }
  .cell.sel {
    box-shadow: 0 0 0 2px var(--_bg), 0 0 0 4px var(--_fg);
    z-index: 2;
  }
  .cell.new {
    animation: pop var(--_dur) ease-out 1;
  }
  @keyframes pop {
    from {
      transform: scale(1.35);
    }
  }
  .still .cell {
    animation: none;
  }
  .row {
    font-size: 0.6875rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    text-align: right;
    padding-right: 0.25rem;
    align-self: center;
  }
  .bits.strip {
    grid-template-columns: auto repeat(64, minmax(0, 1fr));
    gap: 2px 1px;
  }
  .strip .row {
    font-size: 0.625rem;
    line-height: 10px;
  }
  .bin {
    height: 10px;
    background: color-mix(in srgb, var(--_on) var(--_share), var(--_surface));
  }
  .bin.hit,
  .bin.zero,
  .bin.pre,
  .bin.sel {
    outline: 2px solid var(--_hit);
    z-index: 1;
  }
  .bin.zero {
    outline: 2px dashed var(--_danger);
  }
  .bin.pre,
  .bin.sel {
    outline-color: var(--_fg);
  }
  .chart text {
    fill: var(--_muted);
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .chip {
    padding: 0.125rem 0.5rem;
    font-variant-numeric: tabular-nums;
    font-family: var(--_mono);
    font-size: 0.8125em;
    border-color: var(--_hit);
    border-width: 2px;
  }
  .chip.zero {
    border-style: dashed;
    border-color: var(--_danger);
  }
  .chip[aria-pressed='true'] {
    outline: 2px solid var(--_fg);
    outline-offset: 1px;
  }
  .result p {
    margin: 0;
  }
  .verdict {
    display: inline-block;
    margin-right: 0.375rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    border: 2px solid currentColor;
    font-weight: 600;
    font-size: 0.875em;
  }
  .verdict.absent {
    color: var(--_success);
  }
  .verdict.present {
    color: var(--_warning);
  }
  .verdict.fp {
    color: var(--_danger);
  }
  .result .warn {
    margin-top: 0.375rem;
    padding: 0.375rem 0.5rem;
    border-left: 4px solid var(--_danger);
    background: var(--_surface);
  }
  .mono {
    font-family: var(--_mono);
    font-size: 0.875em;
  }
  .stats {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.125rem 0.75rem;
    margin: 0;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .stats dt {
    color: var(--_muted);
  }
  .stats dd {
    margin: 0;
  }
  svg.chart {
    width: 100%;
    height: auto;
    display: block;
    overflow: visible;
  }
  .chart .axis {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart .grid {
    stroke: var(--_border);
    stroke-width: 0.5;
    stroke-dasharray: 2 3;
  }
  .chart .theory {
    fill: none;
    stroke: var(--_theory);
    stroke-width: 2;
  }
  .chart .measured {
    fill: var(--_measured);
  }
  .chart .now {
    stroke: var(--_fg);
    stroke-width: 1;
    stroke-dasharray: 3 3;
  }
  .chart .now-dot {
    fill: var(--_fg);
  }
  .chart text.now-label {
    fill: var(--_fg);
  }
  .legend {
    gap: 0.25rem 1rem;
    margin-top: 0.375rem;
  }
  .legend span[aria-hidden] {
    display: inline-block;
    vertical-align: middle;
    margin-right: 0.25rem;
  }
  .key-line {
    width: 1.25rem;
    height: 2px;
    background: var(--_theory);
  }
  .key-dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--_measured);
  }
`;
