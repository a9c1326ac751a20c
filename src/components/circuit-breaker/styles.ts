import { css } from 'lit';

export const breakerStyles = css`
  :host {
    --_closed: var(--ls-breaker-closed-color, var(--_success));
    --_open: var(--ls-breaker-open-color, var(--_danger));
    --_half: var(--ls-breaker-half-open-color, var(--_warning));
    --_ok: var(--ls-breaker-success-color, var(--_success));
    --_bad: var(--ls-breaker-failure-color, var(--_danger));
    --_rej: var(--ls-breaker-rejected-color, var(--_muted));
    --_load: var(--ls-breaker-load-color, var(--_accent));
    --_naive: var(--ls-breaker-baseline-color, var(--_p2));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.35fr);
    }
  }
  .controls {
    display: grid;
    gap: 0.5rem;
  }
  .controls label {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr) 4.5em;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.875em;
  }
  .controls label.check {
    grid-template-columns: auto 1fr;
  }
  .controls select {
    grid-column: span 2;
    min-width: 0;
  }
  .controls output {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    width: 100%;
    min-height: 24px;
    accent-color: var(--_accent);
  }
  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    accent-color: var(--_accent);
  }
  .badge {
    display: inline-block;
    padding: 0.125rem 0.625rem;
    border: 2px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
    letter-spacing: 0.04em;
    transition: color var(--_duration);
  }
  .still .badge {
    transition: none;
  }
  .closed {
    color: var(--_closed);
  }
  .open {
    color: var(--_open);
  }
  .half-open {
    color: var(--_half);
  }
  .state p {
    margin: 0.375rem 0 0;
  }
  .window {
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
    margin: 0.5rem 0 0;
  }
  .window span {
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 3px;
    border: 1px solid var(--_border);
    display: grid;
    place-items: center;
    font-size: 0.6875rem;
    font-weight: 700;
    line-height: 1;
  }
  .window span.ok {
    background: var(--_ok);
    border-color: var(--_ok);
    color: var(--_bg);
  }
  .window span.bad {
    background: var(--_bad);
    border-color: var(--_bad);
    color: var(--_bg);
  }
  dl.stats {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.125rem 0.75rem;
    margin: 0;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  dl.stats dt {
    color: var(--_muted);
  }
  dl.stats dd {
    margin: 0;
    text-align: right;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  svg text {
    font-size: 10px;
    fill: var(--_muted);
    font-family: var(--_font);
  }
  .band-closed {
    fill: var(--_closed);
  }
  .band-open {
    fill: var(--_open);
  }
  .band-half-open {
    fill: var(--_half);
  }
  .bar-ok {
    fill: var(--_ok);
  }
  .bar-bad {
    fill: var(--_bad);
  }
  .bar-rej {
    fill: var(--_rej);
    opacity: 0.55;
  }
  .axis {
    stroke: var(--_border);
  }
  .load {
    fill: none;
    stroke: var(--_load);
    stroke-width: 2;
  }
  .naive {
    fill: none;
    stroke: var(--_naive);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }
  .cap {
    stroke: var(--_fg);
    stroke-dasharray: 2 3;
  }
  .cursor {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .legend i {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-right: 0.25em;
    border-radius: 2px;
    vertical-align: -0.05em;
  }
  .legend i.line {
    height: 0;
    border-top: 2px solid;
    border-radius: 0;
    vertical-align: 0.25em;
  }
  .legend i.dash {
    height: 0;
    border-top: 2px dashed;
    border-radius: 0;
    vertical-align: 0.25em;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.25rem 0;
  }
`;
