import { css } from 'lit';

export const rateStyles = css`
  :host {
    --_level: var(--ls-rate-level-color, var(--_accent));
    --_ok: var(--ls-rate-accepted-color, var(--_success));
    --_bad: var(--ls-rate-rejected-color, var(--_danger));
  }
  .top,
  .algos {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    align-items: start;
  }
  .algos {
    border-radius: var(--_radius);
    outline-offset: 3px;
  }
  @container (min-width: 720px) {
    .top {
      grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr);
    }
    .algos {
      grid-template-columns: repeat(auto-fill, minmax(330px, 1fr));
    }
  }
  .algo h3 {
    color: var(--_fg);
  }
  .card p {
    margin: 0;
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .form input {
    flex: 1 1 5em;
    min-width: 0;
    max-width: 8em;
  }
  .form + .note {
    margin-top: 0.375rem;
  }
  .rule,
  .level {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .level {
    color: var(--_fg);
    font-variant-numeric: tabular-nums;
  }
  svg.timeline {
    display: block;
    width: 100%;
    height: auto;
    margin: 0.25rem 0;
    overflow: visible;
  }
  .timeline text {
    fill: var(--_muted);
    font-size: 10px;
    font-variant-numeric: tabular-nums;
  }
  .timeline .edge {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .timeline .axis {
    stroke: var(--_border);
  }
  .timeline .limit {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 3 3;
  }
  .timeline .level-line {
    fill: none;
    stroke: var(--_level);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .timeline .ok {
    stroke: var(--_ok);
    stroke-width: 2;
  }
  .timeline .bad {
    fill: none;
    stroke: var(--_bad);
    stroke-width: 1.75;
  }
  .timeline .now {
    stroke: var(--_fg);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .timeline .new {
    animation: pop var(--_dur) ease-out 1;
    transform-box: fill-box;
    transform-origin: center;
  }
  @keyframes pop {
    from {
      transform: scale(1.8);
    }
  }
  .still .timeline .new {
    animation: none;
  }
  .tally {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.75rem;
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
  }
  .tally .ok {
    color: var(--_success);
  }
  .tally .bad {
    color: var(--_danger);
  }
  .tally .peak {
    color: var(--_muted);
  }
  .tally .peak.over {
    color: var(--_warning);
    font-weight: 600;
  }
  .warn {
    margin-top: 0.375rem !important;
    padding: 0.375rem 0.5rem;
    border-left: 4px solid var(--_warning);
    background: var(--_surface);
    font-size: 0.875em;
  }
  td.ok {
    color: var(--_success);
  }
  td.bad {
    color: var(--_danger);
  }
`;
