import { css } from 'lit';

export const quorumStyles = css`
  :host {
    --_mw: var(--ls-quorum-write-color, var(--_p1));
    --_mr: var(--ls-quorum-read-color, var(--_p3));
    --_mp: var(--ls-quorum-repair-color, var(--_p2));
    --_stale: var(--ls-quorum-stale-color, var(--_danger));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
    }
  }
  .quorum {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    padding: 0.375rem 0.625rem;
    border-left: 4px solid var(--_success);
    background: var(--_surface);
    border-radius: 4px;
    font-size: 0.875em;
  }
  .quorum.weak {
    border-left-color: var(--_warning);
  }
  .nrw {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .buttons,
  .settings,
  .cutform {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem 0.75rem;
    align-items: center;
  }
  .settings {
    margin-top: 0.5rem;
    font-size: 0.875em;
  }
  .cutform {
    margin: 0.5rem 0;
    padding: 0.25rem 0.5rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    font-size: 0.875em;
  }
  .cutform legend {
    padding: 0 0.25rem;
    color: var(--_muted);
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 24px;
  }
  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    accent-color: var(--_accent);
  }
  button {
    min-height: 32px;
  }
  svg {
    display: block;
    width: 100%;
    max-width: 520px;
    height: auto;
    margin: 0 auto;
  }
  svg text {
    font-family: var(--_font);
    font-size: 12px;
    fill: var(--_fg);
    font-weight: 600;
  }
  svg text.val {
    font-size: 11px;
    font-weight: 400;
    fill: var(--_muted);
  }
  .client rect,
  .node circle {
    fill: var(--_bg);
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .node.spare circle {
    stroke-dasharray: 3 2;
    stroke: var(--_muted);
  }
  .node.down circle {
    stroke: var(--_danger);
  }
  .node .x {
    stroke: var(--_danger);
    stroke-width: 2;
  }
  .cut rect,
  .node.cut circle {
    stroke: var(--_warning);
    stroke-width: 3;
  }
  .wire {
    stroke: currentColor;
    stroke-opacity: 0.25;
    stroke-dasharray: 2 3;
  }
  .dot {
    fill: currentColor;
  }
  .mw {
    color: var(--_mw);
  }
  .mr {
    color: var(--_mr);
  }
  .mp {
    color: var(--_mp);
  }
  .arrived {
    stroke: currentColor;
    stroke-width: 2.5;
  }
  .arrived.dropped {
    stroke-dasharray: 4 3;
    stroke: var(--_danger);
  }
  .legend i {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.25em;
    border-radius: 50%;
    background: currentColor;
  }
  .narration {
    margin: 0.5rem 0 0;
    min-height: 3em;
    font-size: 0.875em;
  }
  .nodes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .nd {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    font-size: 0.8125em;
  }
  .nd.spare {
    border-style: dashed;
  }
  .nd.down {
    background: var(--_surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: baseline;
  }
  .role {
    color: var(--_muted);
  }
  .status {
    margin-left: auto;
    font-weight: 600;
  }
  .ok {
    color: var(--_success);
  }
  .bad {
    color: var(--_stale);
  }
  .warn {
    color: var(--_warning);
  }
  .pend {
    color: var(--_muted);
  }
  .vers {
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }
  .vers code {
    font-family: var(--_mono);
    font-size: 0.95em;
  }
  .hint {
    font-style: italic;
    border-left: 3px solid var(--_mp);
    padding-left: 0.25rem;
  }
  .sib {
    margin: 0;
    font-weight: 600;
    color: var(--_warning);
  }
  .nodebtn {
    justify-self: start;
    font-size: 0.9em;
  }
  .reqs {
    margin: 0;
    padding-left: 1.5rem;
    display: grid;
    gap: 0.25rem;
    font-size: 0.875em;
  }
  .reqs li > span {
    margin-right: 0.375rem;
  }
  .what {
    font-weight: 600;
  }
  .flag {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1.5px solid var(--_stale);
    border-radius: 999px;
    color: var(--_stale);
    font-weight: 700;
    text-transform: uppercase;
    font-size: 0.8em;
  }
`;
