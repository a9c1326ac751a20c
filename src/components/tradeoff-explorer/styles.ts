import { css } from 'lit';

export const tradeoffStyles = css`
  :host {
    --_ok: var(--ls-tradeoff-ok-color, var(--_success));
    --_stale: var(--ls-tradeoff-stale-color, var(--_warning));
    --_bad: var(--ls-tradeoff-failed-color, var(--_danger));
    --_cut: var(--ls-tradeoff-partition-color, var(--_danger));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  svg text {
    font-size: 10px;
    fill: var(--_fg);
    font-family: var(--_font);
  }
  .box {
    fill: var(--_surface);
    stroke: var(--_border);
  }
  .rname {
    font-weight: 700;
    font-size: 11px;
  }
  .nomaj,
  .cutmark {
    fill: var(--_bad);
    font-weight: 700;
  }
  .down .rep,
  .down .client {
    opacity: 0.45;
  }
  .rep rect {
    fill: var(--_bg);
    stroke: var(--_ok);
    stroke-width: 1.5;
  }
  .rep.behind rect {
    stroke: var(--_stale);
    stroke-dasharray: 3 2;
  }
  .ver {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .client {
    fill: var(--_bg);
    stroke: var(--_border);
  }
  .client.ok {
    stroke: var(--_ok);
  }
  .client.stale {
    stroke: var(--_stale);
    stroke-width: 2;
  }
  .client.failed {
    stroke: var(--_bad);
    stroke-width: 2;
  }
  .last,
  .rtt {
    fill: var(--_muted);
  }
  .link {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.5;
    transition: stroke var(--_duration);
  }
  .link.cut {
    stroke: var(--_cut);
    stroke-dasharray: 4 3;
  }
  .still .link {
    transition: none;
  }
  .band {
    fill: var(--_cut);
    opacity: 0.14;
  }
  .lane {
    stroke: var(--_border);
  }
  .cursor {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .m-ok {
    fill: var(--_ok);
  }
  .m-stale {
    fill: var(--_stale);
  }
  .m-failed {
    stroke: var(--_bad);
    stroke-width: 2;
  }
  .legend i {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.25em;
    border-radius: 50%;
  }
  .legend .ok {
    background: var(--_ok);
  }
  .legend .stale {
    background: var(--_stale);
  }
  .legend .failed {
    background: var(--_bad);
  }
  .legend .sq {
    border-radius: 0;
    border: 1.5px solid var(--_muted);
  }
  .legend .cutband {
    border-radius: 0;
    background: var(--_cut);
    opacity: 0.3;
  }
  .controls {
    display: grid;
    gap: 0.5rem;
    font-size: 0.875em;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0.25rem 0.5rem 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  legend {
    color: var(--_muted);
    padding: 0 0.25rem;
  }
  .opt {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 24px;
  }
  input[type='radio'] {
    accent-color: var(--_accent);
    margin: 0;
  }
  .slider {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr) 4em;
    gap: 0.5rem;
    align-items: center;
  }
  .slider output {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    width: 100%;
    min-height: 24px;
    accent-color: var(--_accent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  .row label {
    display: flex;
    gap: 0.375rem;
    align-items: center;
  }
  select,
  button {
    min-height: 28px;
    font: inherit;
  }
  .badge {
    display: inline-block;
    margin: 0 0 0.25rem;
    padding: 0.125rem 0.625rem;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    font-weight: 700;
    color: var(--_accent);
  }
  .pacelc {
    font-weight: 700;
  }
  dl.stats {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.125rem 0.75rem;
    margin: 0.375rem 0 0;
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
  dd.warn,
  td.warn {
    color: var(--_stale);
    font-weight: 600;
  }
  dd.bad,
  td.bad {
    color: var(--_bad);
    font-weight: 600;
  }
  td.ok {
    color: var(--_ok);
  }
  tr[aria-current] {
    background: var(--_surface);
    font-weight: 600;
  }
`;
