import { css } from 'lit';

export const raftStyles = css`
  :host {
    --_follower: var(--ls-raft-follower, var(--_muted));
    --_candidate: var(--ls-raft-candidate, var(--_warning));
    --_leader: var(--ls-raft-leader, var(--_success));
    --_crashed: var(--ls-raft-crashed, var(--_danger));
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .inv {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_success);
    border-radius: 999px;
    font-size: 0.8125em;
    color: var(--_success);
  }
  .inv.bad {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
  .violation {
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    font-size: 0.9375em;
  }
  .violation p {
    margin: 0 0 0.375rem;
  }
  .diagram {
    overflow-x: auto;
  }
  svg.lanes {
    display: block;
    width: 100%;
    min-width: 560px;
    height: auto;
  }
  .lane-bg {
    fill: var(--_surface);
  }
  .lane-label {
    font-size: 11px;
    font-weight: 600;
    fill: var(--_fg);
    dominant-baseline: central;
  }
  .tick {
    font-size: 9px;
    fill: var(--_muted);
    text-anchor: middle;
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 0.5;
  }
  .role-follower {
    fill: var(--_follower);
    opacity: 0.35;
  }
  .role-candidate {
    fill: var(--_candidate);
  }
  .role-leader {
    fill: var(--_leader);
  }
  .role-down {
    fill: var(--_crashed);
    opacity: 0.35;
  }
  .term-label {
    font-size: 9px;
    fill: var(--_fg);
    dominant-baseline: central;
  }
  .msg {
    stroke-width: 1;
    fill: none;
  }
  .msg.vote {
    stroke: var(--_candidate);
  }
  .msg.append {
    stroke: var(--_accent);
    stroke-width: 1.5;
  }
  .msg.heartbeat {
    stroke: var(--_muted);
    opacity: 0.6;
  }
  .msg.reply {
    stroke-dasharray: 2 2;
  }
  .msg.dropped {
    stroke: var(--_danger);
    stroke-dasharray: 3 2;
  }
  .drop-mark {
    stroke: var(--_danger);
    stroke-width: 1.5;
  }
  .commit-mark {
    fill: var(--_accent);
  }
  .cursor {
    stroke: var(--_fg);
    stroke-width: 1.5;
  }
  .cluster {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13.5rem), 1fr));
    gap: 0.5rem;
  }
  .node {
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.5rem;
    display: grid;
    gap: 0.25rem;
    font-size: 0.875em;
  }
  .node.leader {
    border-color: var(--_leader);
  }
  .node.candidate {
    border-color: var(--_candidate);
  }
  .node.down {
    border-style: dashed;
    border-color: var(--_crashed);
    background: var(--_surface);
  }
  .node header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.25rem;
  }
  .role {
    font-size: 0.8125em;
    padding: 0 0.375rem;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .role.leader {
    color: var(--_leader);
  }
  .role.candidate {
    color: var(--_candidate);
  }
  .role.down {
    color: var(--_crashed);
  }
  .meta {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .timer {
    height: 4px;
    background: var(--_surface);
    border-radius: 2px;
    overflow: hidden;
  }
  .timer > div {
    height: 100%;
    background: var(--_candidate);
  }
  .log {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    min-height: 1.25rem;
  }
  .entry {
    min-width: 1.25rem;
    height: 1.25rem;
    padding: 0 0.125rem;
    font-size: 0.6875rem;
    display: grid;
    place-items: center;
    border-radius: 3px;
    border: 1.5px solid var(--_tc);
    color: var(--_fg);
  }
  .entry.committed {
    background: var(--_tc);
    color: var(--_bg);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .controls label {
    display: grid;
    gap: 0.125rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .controls input[type='text'] {
    width: 7em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.25rem 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0;
  }
  legend {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  fieldset label {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    min-height: 24px;
  }
  .caption {
    margin: 0;
    min-height: 2.9em;
  }
`;
