import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/quiz/quiz.js';
import type { Quiz } from '../src/components/quiz/types.js';
import hashingJson from './data/quiz-hashing.json';

/** A quiz on consistent hashing that uses every question type (stories/data/quiz-hashing.json). */
const hashingQuiz = hashingJson as unknown as Quiz;

interface Args {
  mode: 'practice' | 'exam';
}

const meta: Meta<Args> = {
  title: 'Components/Quiz',
  component: 'ls-quiz',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A quiz a course platform can record and a blogger can paste. Six question types, practice mode (Check →
feedback → Next) or exam mode (feedback at the end), a results screen with a review, progress that survives a reload,
and the events \`ls-quiz-answered\` and \`ls-quiz-completed\`. Everything works by keyboard; radio groups never submit on
arrow keys — only **Check** does.`,
      },
    },
  },
  args: { mode: 'practice' },
  argTypes: { mode: { control: 'inline-radio', options: ['practice', 'exam'] } },
  render: (a) => html`<ls-quiz storage="none" mode=${a.mode} .quiz=${hashingQuiz}></ls-quiz>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Practice mode: every question type, feedback and explanation after each Check. */
export const Default: Story = {};

/** Exam mode: answer everything, then Submit; the results screen shows the review. */
export const Exam: Story = { args: { mode: 'exam' } };

const one = (id: string) => ({ ...hashingQuiz, id: `${hashingQuiz.id}-${id}`, questions: hashingQuiz.questions.filter((q) => q.id === id) });

/** Single choice with per-option feedback. */
export const SingleChoice: Story = { name: 'Single choice', render: () => html`<ls-quiz storage="none" .quiz=${one('join-moves')}></ls-quiz>` };
/** Multiple answers: right only with exactly the correct set. */
export const MultipleChoice: Story = { name: 'Multiple answers', render: () => html`<ls-quiz storage="none" .quiz=${one('vnode-benefits')}></ls-quiz>` };
/** True or false. */
export const TrueFalse: Story = { name: 'True or false', render: () => html`<ls-quiz storage="none" .quiz=${one('mod-n')}></ls-quiz>` };
/** Ordering with keyboard-operable Move up / Move down buttons. */
export const Ordering: Story = { render: () => html`<ls-quiz storage="none" .quiz=${one('lookup-steps')}></ls-quiz>` };
/** A number, with a unit. */
export const Numeric: Story = { render: () => html`<ls-quiz storage="none" .quiz=${one('ring-size')}></ls-quiz>` };
/** Free text, matched case-insensitively against accepted answers. */
export const Text: Story = { name: 'Free text', render: () => html`<ls-quiz storage="none" .quiz=${one('name')}></ls-quiz>` };

/** The results screen, reached by restoring a finished attempt. */
export const Results: Story = {
  render: () => {
    const progress = JSON.stringify({
      v: 1,
      attempt: 1,
      index: 5,
      responses: { 'join-moves': 'c', 'vnode-benefits': ['a', 'b', 'd'], 'mod-n': false, 'lookup-steps': ['hash', 'search', 'walk', 'owner'], 'ring-size': 50000, name: 'dynamo' },
      checked: ['join-moves', 'vnode-benefits', 'mod-n', 'lookup-steps', 'ring-size', 'name'],
      finished: true,
      startedAt: 0,
      durationMs: 95000,
    });
    return html`<ls-quiz storage="none" .quiz=${hashingQuiz} @ls-ready=${(e: Event) => (e.target as HTMLElement & { restoreProgress(s: string): boolean }).restoreProgress(progress)}></ls-quiz>`;
  },
};

/** Shuffled questions and options, and a pool of 3 drawn per attempt; Retry draws again. */
export const ShuffledPool: Story = {
  name: 'Shuffled pool of 3',
  render: () => html`<ls-quiz storage="none" .quiz=${{ ...hashingQuiz, id: 'pool-demo', shuffle: true, poolSize: 3 }}></ls-quiz>`,
};

/** Loaded from a JSON file through `src` (the file names the published schema for editor autocompletion). */
export const FromSrc: Story = {
  name: 'From a src URL',
  render: () => html`<ls-quiz storage="none" src="data/quiz-replication.json"></ls-quiz>`,
};

/** Forced dark theme. */
export const Dark: Story = {
  render: () => html`<div style="background:#111418;padding:1rem"><ls-quiz theme="dark" storage="none" .quiz=${hashingQuiz}></ls-quiz></div>`,
};

/** A quiz with mistakes: every problem is located. */
export const InvalidQuiz: Story = {
  name: 'Invalid quiz',
  render: () => html`<ls-quiz
    storage="none"
    .quiz=${{
      id: 'broken',
      title: 'Broken',
      passPercent: 150,
      questions: [
        { id: 'q1', type: 'single', prompt: 'P', explanation: 'E', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'z' },
        { id: 'q1', type: 'multiple', prompt: 'P', explanation: 'E', options: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }], answer: [] },
        { id: 'q3', type: 'essay', prompt: 'P', explanation: 'E' },
      ],
    }}
  ></ls-quiz>`,
};
