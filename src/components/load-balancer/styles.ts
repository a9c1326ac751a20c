import { css } from 'lit';

export const balancerStyles = css`
  :host {
    --_down: var(--ls-balancer-down-color, var(--_danger));
    --_up: var(--ls-balancer-up-color, var(--_success));
    --_wait: var(--ls-balancer-queue-color, var(--_warning));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
    }
  }
  .cmp {
    font-size: 0.8125em;
  }
  .cmp th,
  .cmp td {
    padding: 0.125rem 0.1875rem;
    white-space: nowrap;
  }
  .cmp th[scope='row'] {
    white-space: normal;
  }
  .cmp thead th {
    white-space: normal;
    vertical-align: bottom;
    font-weight: 600;
    color: var(--_muted);
  }
  .cmp tr.on {
    background: var(--_surface);
  }
  .algo {
    font: inherit;
    line-height: 1.2;
    padding: 0.125rem 0.375rem;
    min-height: 24px;
    width: 100%;
    text-align: left;
  }
  .algo[aria-pressed='true'] {
    font-weight: 700;
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .mini {
    display: block;
    width: 44px;
    height: 20px;
  }
  .mini line {
    stroke: var(--_border);
    stroke-width: 0.5;
  }
  .bad {
    color: var(--_down);
    font-weight: 600;
  }
  .servers {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .srv-top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
  }
  .badge {
    font-size: 0.75em;
    font-weight: 700;
    padding: 0 0.375rem;
    border: 1.5px solid currentColor;
    border-radius: 999px;
  }
  .badge.up {
    color: var(--_up);
  }
  .badge.down {
    color: var(--_down);
  }
  .badge.soft {
    font-weight: 400;
  }
  .act {
    margin-left: auto;
    min-height: 24px;
    font-size: 0.8125em;
    padding: 0.125rem 0.5rem;
  }
  .bar {
    display: flex;
    height: 0.5rem;
    margin: 0.25rem 0 0.125rem;
    border-radius: 3px;
    background: var(--_surface);
    overflow: hidden;
  }
  .bar i {
    display: block;
    transition: width var(--_duration);
  }
  .still .bar i {
    transition: none;
  }
  .bar .busy {
    background: var(--_accent);
  }
  .bar .wait {
    background: var(--_wait);
  }
  .dead .bar {
    outline: 1.5px dashed var(--_down);
  }
  svg {
    overflow: visible;
  }
  [part='chart'] svg {
    display: block;
    width: 100%;
    height: auto;
  }
  svg text {
    font-size: 10px;
    fill: var(--_muted);
    font-family: var(--_font);
  }
  polyline {
    fill: none;
    stroke-width: 1.75;
  }
  .axis {
    stroke: var(--_border);
  }
  .gap {
    fill: var(--_down);
    opacity: 0.18;
  }
  .mark-down,
  .mark-up {
    stroke-width: 1.25;
    stroke-dasharray: 3 2;
  }
  .mark-down {
    stroke: var(--_down);
  }
  .mark-up {
    stroke: var(--_up);
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
  .legend .gap-key {
    background: var(--_down);
    opacity: 0.35;
  }
  .caption {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-left: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: 0 var(--_radius) var(--_radius) 0;
    font-size: 0.875em;
  }
`;
