import { css } from 'lit';

export const decisionTreeStyles = css`
  :host {
    --_chosen: var(--ls-decision-chosen-color, var(--_accent));
    --_pro: var(--ls-decision-pro-color, var(--_success));
    --_con: var(--ls-decision-con-color, var(--_danger));
  }
  @container (min-width: 720px) {
    .main {
      grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
    }
    .main.done {
      grid-template-columns: minmax(0, 1fr);
    }
    .main.done .choices {
      display: block;
      columns: 2;
      column-gap: 2rem;
    }
    .main.done .choices li {
      break-inside: avoid;
      margin-bottom: 0.375rem;
    }
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .bar .note {
    margin-left: auto;
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  nav li {
    display: flex;
    align-items: center;
    min-width: 0;
  }
  nav li + li::before {
    content: '›';
    padding: 0 0.3rem;
    color: var(--_muted);
  }
  .crumb {
    min-height: 24px;
    padding: 0.125rem 0.375rem;
    border: 0;
    border-bottom: 3px solid var(--_g, var(--_border));
    border-radius: 3px 3px 0 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
    text-align: left;
  }
  .crumb b {
    color: var(--_fg);
    font-weight: 600;
  }
  [aria-current='step'] > .crumb,
  span.crumb {
    color: var(--_fg);
    text-decoration: none;
    font-weight: 600;
  }
  .kicker {
    margin: 0 0 0.25rem;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .kicker i {
    display: inline-block;
    width: 0.625rem;
    height: 0.625rem;
    margin-right: 0.375rem;
    border-radius: 2px;
    background: var(--_g, var(--_border));
  }
  .card .question {
    margin: 0 0 0.375rem;
    font-size: 1.0625em;
    font-weight: 600;
    letter-spacing: normal;
    text-transform: none;
    color: var(--_fg);
  }
  .question:focus {
    outline: none;
  }
  .context {
    margin: 0 0 0.625rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .options {
    display: grid;
    gap: 0.375rem;
    margin-bottom: 0.625rem;
  }
  .opt {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 0.375rem 0.5rem;
    transition: border-color var(--_duration);
  }
  .opt.sel {
    border-color: var(--_chosen);
    box-shadow: inset 3px 0 0 var(--_chosen);
  }
  .opt label {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    cursor: pointer;
    font-weight: 600;
  }
  .opt input {
    flex: none;
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_chosen);
    transform: translateY(2px);
  }
  .tag {
    margin-left: auto;
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.75em;
    font-weight: 400;
    color: var(--_muted);
    white-space: nowrap;
  }
  .when {
    margin: 0.125rem 0 0 1.5rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .more {
    display: grid;
    gap: 0.25rem;
    margin: 0.375rem 0 0 1.5rem;
    font-size: 0.8125em;
  }
  .more dt {
    font-weight: 600;
  }
  .more dd {
    margin: 0;
  }
  .more ul {
    margin: 0;
    padding-left: 1.1rem;
  }
  .pro::marker,
  .pro-t {
    color: var(--_pro);
  }
  .con::marker,
  .con-t {
    color: var(--_con);
  }
  .chips,
  .more .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips li {
    padding: 0 0.375rem;
    border-radius: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .choices {
    display: grid;
    gap: 0.375rem;
    margin: 0 0 0.5rem;
    padding-left: 1.5rem;
    font-size: 0.875em;
  }
  .choices li {
    padding-left: 0.125rem;
  }
  .choices .d {
    color: var(--_muted);
  }
  .choices small {
    display: block;
    font-size: 0.875em;
  }
  .summary h4 {
    margin: 0.25rem 0;
    font-size: 0.8125em;
  }
  .summary h3:focus {
    outline: none;
  }
  .finished {
    margin: 0;
    font-weight: 600;
    color: var(--_success);
  }
`;
