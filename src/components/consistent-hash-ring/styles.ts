import { css } from 'lit';

export const ringStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .toolbar label {
    display: grid;
    gap: 0.125rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .toolbar input[type='text'] {
    width: 7.5em;
  }
  .toolbar input[type='number'] {
    width: 4.5em;
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(280px, 420px) minmax(0, 1fr);
    }
  }
  svg.ring {
    width: 100%;
    max-width: 420px;
    height: auto;
    justify-self: center;
    display: block;
    overflow: visible;
  }
  .ring-base {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 12;
  }
  .arc {
    fill: none;
    stroke-width: 10;
  }
  .tick {
    stroke-width: 2;
    stroke: var(--_bg);
  }
  .vnode {
    stroke: var(--_bg);
    stroke-width: 1.5;
  }
  .key {
    transition: fill var(--_dur) ease;
    stroke: none;
  }
  .key.dim {
    opacity: 0.35;
  }
  .pulse {
    fill: none;
    stroke-width: 1.5;
    animation: pulse var(--_dur) ease-out 1 both;
  }
  .travel {
    fill: none;
    stroke-width: 1.25;
    stroke-dasharray: 1;
    stroke-dashoffset: 1;
    animation: draw var(--_dur) ease-out forwards;
    opacity: 0.85;
  }
  .still .pulse,
  .still .travel {
    animation: none;
    stroke-dashoffset: 0;
  }
  .still .key {
    transition: none;
  }
  @keyframes pulse {
    from {
      r: 2.5px;
      opacity: 1;
    }
    to {
      r: 9px;
      opacity: 0;
    }
  }
  @keyframes draw {
    to {
      stroke-dashoffset: 0;
    }
  }
  .probe-mark {
    fill: var(--_fg);
  }
  .probe-walk {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  .node-label {
    font-size: 11px;
    font-weight: 600;
    fill: var(--_fg);
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
  }
  .center-text {
    fill: var(--_muted);
    font-size: 12px;
    text-anchor: middle;
  }
  .center-text.big {
    fill: var(--_fg);
    font-size: 20px;
    font-weight: 600;
  }
  .side {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chips.many {
    max-height: 7.5rem;
    overflow: auto;
    padding: 2px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.5rem;
    min-height: 32px;
  }
  .chip[aria-pressed='true'] {
    outline: 2px solid var(--_fg);
    outline-offset: 1px;
  }
  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    flex: none;
  }
  .moved p {
    margin: 0 0 0.5rem;
  }
  .compare {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    align-items: center;
    font-size: 0.875em;
  }
  .bar-track {
    height: 0.75rem;
    background: var(--_surface);
    border-radius: 4px;
    overflow: hidden;
    position: relative;
  }
  .bar {
    height: 100%;
    border-radius: 4px;
    transition: width var(--_dur) ease;
  }
  .bar.consistent {
    background: var(--_success);
  }
  .bar.modulo {
    background: var(--_danger);
  }
  .loads {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    align-items: center;
    font-size: 0.8125em;
    max-height: 18rem;
    overflow: auto;
    font-variant-numeric: tabular-nums;
  }
  .mean-line {
    position: absolute;
    top: -2px;
    bottom: -2px;
    width: 2px;
    background: var(--_fg);
    opacity: 0.6;
  }
  .stats {
    margin: 0.5rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .probe-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .probe-form input {
    flex: 1 1 10em;
    min-width: 0;
  }
  .walk {
    margin: 0.5rem 0 0;
    padding-left: 1.25rem;
    font-size: 0.875em;
  }
  .walk code,
  .mono {
    font-family: var(--_mono);
    font-size: 0.875em;
  }
  .caption {
    margin: 0;
    min-height: 1.45em;
    color: var(--_fg);
  }
`;
