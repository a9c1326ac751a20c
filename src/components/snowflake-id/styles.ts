import { css } from 'lit';

export const snowflakeStyles = css`
  :host {
    --_f-sign: var(--_muted);
    --_f-time: var(--ls-snowflake-time, var(--_p1));
    --_f-machine: var(--ls-snowflake-machine, var(--_p2));
    --_f-sequence: var(--ls-snowflake-sequence, var(--_p3));
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .modes button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  h4 {
    margin: 0.625rem 0 0.25rem;
    font-size: 0.875em;
  }
  .mono {
    font-family: var(--_mono);
  }
  .bits {
    display: grid;
    grid-template-columns: repeat(32, minmax(0, 1fr));
    row-gap: 4px;
    font-family: var(--_mono);
    font-size: 0.6875rem;
  }
  @container (min-width: 760px) {
    .bits {
      grid-template-columns: repeat(64, minmax(0, 1fr));
    }
  }
  .bit {
    display: grid;
    place-items: center;
    min-height: 1.5rem;
    border-top: 4px solid var(--_f);
    background: var(--_bg);
    color: var(--_fg);
    line-height: 1;
    transition: background-color var(--_dur) ease;
  }
  .bit.first {
    box-shadow: inset 1px 0 0 var(--_fg);
  }
  .bit.one {
    background: color-mix(in srgb, var(--_f) 28%, var(--_bg));
    font-weight: 700;
  }
  .still .bit {
    transition: none;
  }
  .f-sign {
    --_f: var(--_f-sign);
  }
  .f-time {
    --_f: var(--_f-time);
  }
  .f-machine {
    --_f: var(--_f-machine);
  }
  .f-sequence {
    --_f: var(--_f-sequence);
  }
  .legend {
    gap: 0.25rem 1rem;
    margin-top: 0.5rem;
    font-size: 0.875em;
    color: inherit;
  }
  .sw {
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    margin-right: 0.3rem;
    border-radius: 2px;
    background: var(--_f);
    vertical-align: -0.1em;
  }
  .result p {
    margin: 0;
  }
  .result.wait {
    border-left: 4px solid var(--_warning);
  }
  .result.bad {
    border-left: 4px solid var(--_danger);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem;
    align-items: end;
  }
  .fld {
    display: grid;
    gap: 0.125rem;
    font-size: 0.8125em;
    color: var(--_muted);
    min-width: 0;
  }
  .fld input {
    min-width: 0;
    width: 100%;
    box-sizing: border-box;
    font-family: var(--_mono);
    color: var(--_fg);
  }
  .fld.wide {
    grid-column: span 2;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    outline: 1px solid var(--_danger);
  }
  #layout-msg {
    margin-top: 0.375rem;
  }
  .issues,
  .err {
    margin: 0.375rem 0 0;
    color: var(--_danger);
    font-size: 0.875em;
  }
  .issues {
    padding-left: 1.1rem;
  }
  .caps {
    margin: 0.5rem 0 0;
    padding-left: 1.1rem;
    font-size: 0.875em;
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .form input {
    flex: 1 1 10em;
    min-width: 0;
  }
  #decode-out {
    margin-top: 0.375rem;
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
    overflow-wrap: anywhere;
  }
  tr.cur > *,
  li.cur {
    background: var(--_surface);
    font-weight: 600;
  }
  .cmp th,
  .cmp td {
    padding: 0.25rem 0.3rem;
  }
  .cmp {
    font-size: 0.8125em;
  }
  td.nw {
    white-space: nowrap;
  }
  td.behind {
    color: var(--_danger);
  }
  .recent {
    margin: 0;
    padding-left: 1.4rem;
    font-size: 0.875em;
  }
  .code,
  .url {
    margin: 0.5rem 0 0;
    overflow-wrap: anywhere;
  }
  .url {
    font-size: 1.0625em;
  }
`;
