import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/quiz/quiz.js';
import type { Quiz } from '../src/components/quiz/types.js';

/** A quiz on consistent hashing that uses every question type. */
const hashingQuiz: Omit<Quiz, 'passPercent' | 'shuffle' | 'mode'> & Partial<Quiz> = {
  id: 'consistent-hashing-basics',
  title: 'Consistent hashing: check yourself',
  version: '1',
  questions: [
    {
      id: 'join-moves',
      type: 'single',
      prompt: 'A cluster of **9** nodes uses consistent hashing with many virtual nodes. A 10th node joins. About what fraction of the keys move?',
      options: [
        { id: 'a', text: 'About 1/10', feedback: 'Yes: the new node takes over roughly its fair share, 1/N of the ring.' },
        { id: 'b', text: 'About 1/2' },
        { id: 'c', text: 'About 9/10', feedback: 'That is what `hash mod N` placement would move.' },
        { id: 'd', text: 'None of them' },
      ],
      answer: 'a',
      explanation: 'Only the arcs that now end at one of the new node’s virtual nodes change owner: about 1/N of the ring, here 1/10. With `hash mod N`, a key stays put only when `h mod 9 = h mod 10`, about 1 key in 10, so 90% move.',
      hint: 'Think about which arcs of the ring change owner.',
      difficulty: 'medium',
      tags: ['consistent-hashing'],
      topic: 'consistent-hashing',
    },
    {
      id: 'vnode-benefits',
      type: 'multiple',
      prompt: 'Which are benefits of **virtual nodes**? Choose all that apply.',
      options: [
        { id: 'a', text: 'Load spreads more evenly across nodes' },
        { id: 'b', text: 'A failed node’s keys spread over many survivors', feedback: 'Right: its virtual nodes are scattered, so many neighbours share its keys.' },
        { id: 'c', text: 'Lookups no longer need a search', feedback: 'No: a lookup is still a binary search over all virtual-node positions.' },
        { id: 'd', text: 'Bigger machines can take more load through more virtual nodes' },
      ],
      answer: ['a', 'b', 'd'],
      explanation: 'More ring positions per node average out arc lengths (lower variance), scatter a failed node’s load, and let weights scale a node’s share. Lookups stay O(log V).',
    },
    {
      id: 'mod-n',
      type: 'true-false',
      prompt: 'With `hash(key) mod N`, adding one server moves only about 1/N of the keys.',
      answer: false,
      explanation: 'Changing N changes almost every key’s remainder: from N to N+1 servers, about N/(N+1) of the keys move.',
    },
    {
      id: 'lookup-steps',
      type: 'ordering',
      prompt: 'Put the steps of a lookup on a consistent-hashing ring in order.',
      options: [
        { id: 'hash', text: 'Hash the key to a position on the ring' },
        { id: 'search', text: 'Binary-search the sorted virtual-node positions' },
        { id: 'walk', text: 'Take the first virtual node clockwise (wrap past the top)' },
        { id: 'owner', text: 'Map that virtual node to its physical node' },
      ],
      answer: ['hash', 'search', 'walk', 'owner'],
      explanation: 'Position first, then the search finds the first virtual node at or after it (wrapping to the first one), whose physical node owns the key.',
    },
    {
      id: 'ring-size',
      type: 'numeric',
      prompt: 'A ring of 100 nodes with 500 virtual nodes each holds how many positions?',
      answer: 50000,
      unit: 'positions',
      explanation: '100 × 500 = 50 000 sorted positions; a lookup needs about log₂ 50 000 ≈ 16 comparisons.',
    },
    {
      id: 'name',
      type: 'text',
      prompt: 'Amazon’s 2007 paper on the key-value store that popularised consistent hashing with virtual nodes is named after which system?',
      answer: ['Dynamo', 'Amazon Dynamo'],
      explanation: '*Dynamo: Amazon’s Highly Available Key-value Store* (SOSP 2007) — the design behind Cassandra’s and Riak’s rings.',
    },
  ],
};

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
