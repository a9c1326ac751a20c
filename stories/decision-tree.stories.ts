import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/decision-tree/decision-tree.js';
import topic from '../content/topics/decision-framework.json';

interface Args {
  path?: string;
  start?: string;
}

type Placed = { element: string; section: string; config: Record<string, unknown> & { path?: string[] } };
const placed = (topic.visualizations as Placed[]).filter((v) => v.element === 'ls-decision-tree');
/** The lesson's 30-decision tree (without a preset path) and its URL-shortener walk. */
const full = placed.find((v) => v.section === 'how-to-use')!.config;
const urlShortener = placed.find((v) => v.section === 'walking-the-tree')!.config;

/** Decision 1 of the lesson as a small tree: two questions, four answers. */
const whichDatabase = {
  title: 'Which database?',
  decisions: [
    {
      id: 'acid',
      title: 'Transactions or joins?',
      question: 'Do you need multi-row ACID transactions, joins or ad-hoc queries?',
      options: [
        { id: 'yes', label: 'Yes', when: 'Relationships, transactions, ad-hoc queries.', next: 'fits', default: true },
        { id: 'no', label: 'No', when: 'Every request is a lookup by a known key, or a self-contained document.', next: 'key' },
      ],
    },
    {
      id: 'fits',
      title: 'Fits one primary?',
      question: 'Do the write load and data fit one primary (after caching and read replicas)?',
      options: [
        { id: 'yes', label: 'Yes: PostgreSQL or MySQL', pros: ['Arbitrary queries and joins', 'Multi-row ACID transactions'], cons: ['Writes limited by one primary'], tools: ['PostgreSQL', 'MySQL'], default: true },
        {
          id: 'no',
          label: 'No: sharded SQL or distributed SQL',
          pros: ['SQL beyond one machine'],
          cons: ['Cross-shard queries and transactions get harder or slower'],
          tools: ['Vitess', 'Citus', 'Spanner', 'CockroachDB'],
          examples: ['YouTube built Vitess (2010) to shard MySQL behind a proxy layer.'],
        },
      ],
    },
    {
      id: 'key',
      title: 'Key access at scale?',
      question: 'Is access by a known key, at a write rate or size beyond one primary?',
      options: [
        {
          id: 'yes',
          label: 'Yes: key-value / wide-column',
          pros: ['Predictable latency at huge scale'],
          cons: ['Only the queries you designed for'],
          tools: ['DynamoDB', 'Cassandra', 'ScyllaDB'],
          examples: ['Discord moved messages from MongoDB to Cassandra, partitioned by channel and time bucket.'],
        },
        { id: 'no', label: 'No: a document store, or PostgreSQL with JSONB', pros: ['Flexible schema'], cons: ['Joins across documents are awkward'], tools: ['MongoDB', 'PostgreSQL'], default: true },
      ],
    },
  ],
};

const meta: Meta<Args> = {
  title: 'Components/Decision Tree',
  component: 'ls-decision-tree',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Most system designs are the same thirty-odd decisions answered differently. This element walks a tree of
them: each **question** offers **options**, and each option says when to choose it, what it gives and costs, the tools it
implies, a real system that chose it, and which **follow-up decisions** it brings into play — choosing SQL brings in
replication and isolation; choosing asynchronous messaging brings in delivery semantics.

The method it teaches: **start from the default** (marked), move off it only when a requirement forces you, and **name the
cost**. The breadcrumbs show the path (click one to go back there), and the summary collects the design you chose, with its
trade-offs and tools, to copy as Markdown. *Copy scenario* copies the tree with your choices as \`path\`: paste it back as the
config to restore the walk.

Keyboard: **Tab** to the options, **↑/↓** to move between them (the selected one shows its trade-offs), **Enter** to choose.`,
      },
    },
  },
  args: {},
  argTypes: {
    path: { control: 'text', description: 'Chosen option ids, comma-separated' },
    start: { control: 'text' },
  },
  render: (a) => html`<ls-decision-tree path=${ifDefined(a.path)} start=${ifDefined(a.start)} .config=${full}></ls-decision-tree>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The lesson's full tree: all 30 decisions in six groups; a walk asks 23 to 30 of them depending on the choices. */
export const Default: Story = { name: 'The 30 decisions', tags: ['bench'] };

/** A small tree: decision 1 ("which database?") as two questions with four answers. */
export const WhichDatabase: Story = {
  name: 'Small tree: which database?',
  render: () => html`<ls-decision-tree .config=${whichDatabase}></ls-decision-tree>`,
};

/** The URL shortener from the lesson, walked to the end: the summary lists the 28 choices, their trade-offs and the tools. */
export const PresetPath: Story = {
  name: 'Preset path: the URL shortener',
  render: () => html`<ls-decision-tree .config=${urlShortener}></ls-decision-tree>`,
};

/** Halfway through the full tree, restored from the `path` attribute: data storage decided, consistency next. */
export const MidWalk: Story = {
  name: 'Mid-walk from the path attribute',
  args: { path: 'relational,search,single-leader,semi-sync,hash,tenant' },
};

/** A broken tree: a misspelt follow-up (with a suggestion), a cycle back to the start, and decisions no walk reaches — each at its location. */
export const BadTree: Story = {
  name: 'Invalid tree: located errors',
  render: () => html`<ls-decision-tree
    .config=${{
      decisions: [
        { id: 'db', question: 'Which database?', options: [{ id: 'sql', label: 'SQL', next: 'replica' }, { id: 'nosql', label: 'NoSQL', next: 'shardng' }] },
        { id: 'replica', question: 'Read replicas?', options: [{ id: 'yes', label: 'Yes', next: 'db' }, { id: 'no', label: 'No' }] },
        { id: 'sharding', question: 'Shard by?', options: [{ id: 'user', label: 'User id' }, { id: 'time', label: 'Time' }] },
        { id: 'cache', question: 'Cache?', options: [{ id: 'aside', label: 'Cache-aside' }, { id: 'none', label: 'None' }] },
      ],
    }}
  ></ls-decision-tree>`,
};
