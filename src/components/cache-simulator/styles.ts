import { css } from 'lit';

export const cacheStyles = css`
  :host {
    --_hit: var(--ls-cache-hit-color, var(--_success));
    --_miss: var(--ls-cache-miss-color, var(--_danger));
    --_new: var(--ls-cache-insert-color, var(--_accent));
    --_c1: var(--_p1);
    --_c2: var(--_p2);
    --_c3: var(--_p3);
    --_c4: var(--_p4);
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
    }
  }
  .controls {
    display: grid;
    gap: 0.5rem;
    font-size: 0.875em;
  }
  .controls label {
    display: grid;
    grid-template-columns: 6.5em minmax(0, 1fr) 3em;
    gap: 0.5rem;
    align-items: center;
  }
  .controls output {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  form,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  form input {
    width: 7em;
    min-height: 28px;
    font: inherit;
  }
  input[type='range'] {
    width: 100%;
    min-height: 24px;
    accent-color: var(--_accent);
  }
  button {
    min-height: 32px;
  }
  .slots {
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
    margin: 0.25rem 0;
    padding: 0;
    list-style: none;
  }
  .slots li {
    min-width: 2.4em;
    padding: 0.125rem 0.25rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    text-align: center;
    font-family: var(--_mono);
    font-size: 0.8125em;
    transition: background var(--_duration);
  }
  .still .slots li {
    transition: none;
  }
  .slots li.t1 {
    border-style: dashed;
  }
  .slots li.empty {
    color: var(--_muted);
  }
  .slots li.hit {
    background: var(--_hit);
    border-color: var(--_hit);
    color: var(--_bg);
    font-weight: 700;
  }
  .slots li.new {
    background: var(--_new);
    border-color: var(--_new);
    color: var(--_bg);
    font-weight: 700;
  }
  .slots sub {
    font-size: 0.75em;
    margin-left: 1px;
  }
  .hit-t {
    color: var(--_hit);
    font-weight: 600;
  }
  .miss-t {
    color: var(--_miss);
    font-weight: 600;
  }
  .bar {
    height: 6px;
    border-radius: 3px;
    background: var(--_surface);
    overflow: hidden;
  }
  .bar i {
    display: block;
    height: 100%;
    background: var(--_hit);
  }
  .card h4 {
    margin: 0.5rem 0 0.25rem;
    font-size: 0.875em;
  }
  .card table {
    font-size: 0.8125em;
  }
  .card th,
  .card td {
    padding: 0.25rem 0.3rem;
  }
  .policy p,
  .card p {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
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
  svg text.op {
    font-size: 9px;
    fill: var(--_fg);
  }
  .axis {
    stroke: var(--_border);
  }
  .grid {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .line {
    fill: none;
    stroke-width: 2;
  }
  .s1 {
    stroke: var(--_c1);
    color: var(--_c1);
  }
  .s2 {
    stroke: var(--_c2);
    color: var(--_c2);
    stroke-dasharray: 6 2;
  }
  .s3 {
    stroke: var(--_c3);
    color: var(--_c3);
    stroke-dasharray: 2 2;
  }
  .s4 {
    stroke: var(--_c4);
    color: var(--_c4);
    stroke-dasharray: 8 2 2 2;
  }
  .s0 {
    stroke: var(--_fg);
    color: var(--_fg);
    stroke-dasharray: 1 3;
  }
  .dot {
    fill: currentColor;
    stroke: none;
  }
  .cursor {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .lane {
    stroke: var(--_border);
  }
  .msg {
    stroke: var(--_fg);
    fill: var(--_fg);
    stroke-width: 1.25;
  }
  .msg.future {
    opacity: 0.25;
  }
  .msg.lost {
    stroke: var(--_miss);
    stroke-dasharray: 3 2;
  }
  .win-stale {
    fill: var(--_danger);
    opacity: 0.22;
  }
  .win-ahead {
    fill: var(--_warning);
    opacity: 0.3;
  }
  .crash {
    stroke: var(--_danger);
    stroke-width: 2;
  }
  .legend i {
    display: inline-block;
    width: 1.5em;
    height: 0;
    margin-right: 0.25em;
    border-top: 2px solid;
    vertical-align: 0.25em;
  }
  .legend i.s2,
  .legend i.s4 {
    border-top-style: dashed;
  }
  .legend i.s3,
  .legend i.s0 {
    border-top-style: dotted;
  }
  .legend i.win-stale-k {
    background: var(--_danger);
    opacity: 0.45;
  }
  .legend i.win-ahead-k {
    background: var(--_warning);
    opacity: 0.6;
  }
  .legend i.box {
    height: 0.75em;
    width: 0.75em;
    border: 0;
    vertical-align: -0.05em;
  }
`;
