import { css } from 'lit';

export const quizStyles = css`
  .quiz {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .embedded {
    border: 0;
    padding: 0;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
  }
  .progress {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    color: var(--_muted);
    font-size: 0.875em;
  }
  progress {
    flex: 1;
    height: 0.5rem;
    appearance: none;
    border: 0;
    border-radius: 4px;
    background: var(--_surface);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_surface);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .prompt :first-child {
    margin-top: 0;
  }
  .prompt:focus {
    outline: none;
  }
  .prompt:focus-visible {
    outline: 2px solid var(--_focus);
  }
  pre {
    overflow-x: auto;
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
    border-radius: 6px;
  }
  a {
    color: var(--_accent);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  .choice {
    display: flex;
    gap: 0.625rem;
    align-items: flex-start;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.1rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .right {
    border-color: var(--_success) !important;
  }
  .wrong {
    border-color: var(--_danger) !important;
  }
  .mark,
  .option-feedback {
    display: block;
    font-size: 0.875em;
  }
  .mark.ok,
  .verdict strong,
  .feedback.ok strong {
    color: var(--_success);
  }
  .mark.bad,
  .feedback.bad strong {
    color: var(--_danger);
  }
  .option-feedback {
    color: var(--_muted);
  }
  .ordering {
    display: grid;
    gap: 0.375rem;
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .pos {
    min-width: 1.5em;
    font-weight: 600;
    color: var(--_muted);
  }
  .ordering li {
    padding: 0.25rem 0.25rem 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  .ordering li,
  .field {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .ordering .text {
    flex: 1;
  }
  .moves {
    display: flex;
    gap: 0.25rem;
  }
  .moves button {
    padding: 0;
    min-width: 36px;
    min-height: 36px;
  }
  .field input {
    min-height: 40px;
    flex: 0 1 16rem;
    min-width: 0;
  }
  .feedback.idle {
    padding: 0;
    border: 0;
  }
  .feedback {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_border);
    background: var(--_surface);
    border-radius: 4px;
  }
  .feedback.ok {
    border-left-color: var(--_success);
  }
  .feedback.bad {
    border-left-color: var(--_danger);
  }
  .feedback p {
    margin: 0 0 0.375rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  .actions button {
    min-height: 40px;
    padding: 0.375rem 1.25rem;
  }
  .hint summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  .badge {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    border: 1px solid;
  }
  .badge.ok {
    color: var(--_success);
  }
  .badge.bad {
    color: var(--_danger);
  }
  .note {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .review {
    display: grid;
    gap: 0.75rem;
    padding-left: 1.25rem;
  }
  .review li {
    padding-left: 0.5rem;
    border-left: 3px solid var(--_border);
  }
  .review li.ok {
    border-left-color: var(--_success);
  }
  .review li.bad {
    border-left-color: var(--_danger);
  }
  .review p {
    margin: 0.25rem 0;
  }
  h3,
  h4 {
    margin: 0.25rem 0;
  }
  .results {
    display: grid;
    gap: 0.5rem;
  }
`;
