import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/daily-challenge/daily-challenge.js';
import hashing from './data/quiz-hashing.json';
import replication from './data/quiz-replication.json';

const bank = [hashing, replication];

/** A storage provider that starts with a week of history and two missed questions due for review. */
function seededStorage() {
  const state = {
    v: 1,
    streak: 4,
    best: 9,
    last: '2026-11-24',
    history: {
      '2026-11-19': { q: 'mod-n', correct: false, response: true },
      '2026-11-21': { q: 'rw-overlap', correct: true, response: 'r2w2' },
      '2026-11-22': { q: 'sloppy', correct: false, response: true },
      '2026-11-23': { q: 'ring-size', correct: true, response: 50000 },
      '2026-11-24': { q: 'majority', correct: true, response: 3 },
    },
    cards: {
      'mod-n': { due: '2026-11-20T12:01:00.000Z', stability: 0.4, difficulty: 7, elapsed_days: 0, scheduled_days: 0, learning_steps: 1, reps: 1, lapses: 0, state: 1 },
      sloppy: { due: '2026-11-23T12:01:00.000Z', stability: 0.4, difficulty: 7, elapsed_days: 0, scheduled_days: 0, learning_steps: 1, reps: 1, lapses: 0, state: 1 },
    },
  };
  const map = new Map([['ls-daily:0', JSON.stringify(state)]]);
  return { get: (k: string) => map.get(k) ?? null, set: (k: string, v: string) => void map.set(k, v), remove: (k: string) => void map.delete(k) };
}

const meta: Meta = {
  title: 'Components/Daily Challenge',
  component: 'ls-daily-challenge',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `One question a day from a question bank — the same for every reader on the same date — with a streak, the last
seven days, and the questions you missed brought back for review on a spaced-repetition (FSRS) schedule. \`date\` pins a
day, which is how a post shows a particular question.`,
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The question of 25 November 2026 from a bank of two quizzes. */
export const Default: Story = {
  render: () => html`<ls-daily-challenge storage="none" date="2026-11-25" .config=${bank}></ls-daily-challenge>`,
};

/** A reader with a four-day streak and two missed questions due for review. */
export const StreakAndReviews: Story = {
  name: 'Streak and reviews due',
  render: () => html`<ls-daily-challenge date="2026-11-25" .storageProvider=${seededStorage()} .config=${bank}></ls-daily-challenge>`,
};

/** The same day in dark theme. */
export const Dark: Story = {
  render: () => html`<div style="background:#111418;padding:1rem"><ls-daily-challenge theme="dark" storage="none" date="2026-11-26" .config=${bank}></ls-daily-challenge></div>`,
};

/** An invalid bank or date is reported where it is. */
export const InvalidBank: Story = {
  name: 'Invalid bank',
  render: () => html`<ls-daily-challenge storage="none" date="2026-02-30" .config=${[{ id: 'q', type: 'single', prompt: 'P', explanation: 'E', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'c' }]}></ls-daily-challenge>`,
};
