import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/rate-limiter/rate-limiter.js';
import { RateScenario, rateConfigSchema, type Algorithm } from '../src/components/rate-limiter/model.js';
import { parse } from '../src/core/validate.js';

interface Args {
  limit?: string;
  window?: string;
  traffic?: 'steady' | 'bursty' | 'boundary';
  rate?: string;
  seed?: string;
  duration?: string;
}

/** Accepted counts per algorithm for a config, so the stories' text is checked against the model. */
function accepted(config: Record<string, unknown>): Record<Algorithm, number> {
  const r = parse(rateConfigSchema, config);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const sc = new RateScenario(r.value);
  return Object.fromEntries(sc.runs.map((run) => [run.algo, sc.tally(run.algo).accepted])) as Record<Algorithm, number>;
}

const meta: Meta<Args> = {
  title: 'Components/Rate Limiter',
  component: 'ls-rate-limiter',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Five rate limiters judge the **same** request stream, each allowing *limit* requests per *window*:
the **token bucket** (a bucket of *limit* tokens refilled steadily — bursts pass while tokens last), the **leaky
bucket** (a queue drained at a constant rate — smooth output, at the price of waiting), the **fixed window** (a counter
per aligned window), the **sliding log** (timestamps of the last window — exact, but memory per request) and the
**sliding window counter** (previous window weighted by its overlap plus the current one — cheap and close to exact).

Each card plots the algorithm's level (tokens, queue, window count or estimate) against the dashed limit, and every
request below it: a green stroke accepted, a red cross rejected. "Most in any window" is the largest number let through
in any window-length span — above the limit it turns amber.

Try it: **←/→** step request by request, **Space** plays; press **R** to fire one request at the current time or **B**
a burst (or type a time and use the buttons). Fired requests are recorded: **Copy scenario** replays them.`,
      },
    },
  },
  args: { limit: '5', window: '1000', traffic: 'boundary', seed: '1' },
  argTypes: {
    limit: { control: 'text' },
    window: { control: 'text' },
    traffic: { control: 'inline-radio', options: ['steady', 'bursty', 'boundary'] },
    rate: { control: 'text' },
    seed: { control: 'text' },
    duration: { control: 'text' },
  },
  render: (a) => html`<ls-rate-limiter
    limit=${ifDefined(a.limit)}
    window=${ifDefined(a.window)}
    traffic=${ifDefined(a.traffic)}
    rate=${ifDefined(a.rate)}
    seed=${ifDefined(a.seed)}
    duration=${ifDefined(a.duration)}
  ></ls-rate-limiter>`,
};
export default meta;

type Story = StoryObj<Args>;

const boundary = { limit: 5, window: 1000, traffic: 'boundary', step: 0, title: 'The boundary burst: 5 per second' };
const b = accepted(boundary);

/** Five requests just before a window edge and five just after (the description's numbers come from the model). */
export const BoundaryBurst: Story = {
  name: 'Fixed-window boundary burst',
  parameters: {
    docs: {
      description: {
        story: `Five requests in the last 200 ms of the first second and five in the first 200 ms of the next. Press Space: the
fixed window accepts all ${b['fixed-window']} — twice the limit within 400 ms — because each window counts only its own half. The
sliding log accepts ${b['sliding-log']} and the sliding window counter ${b['sliding-window-counter']}: the second burst finds the first still
inside its window. The token bucket lets ${b['token-bucket']} through (a full bucket plus a little refill); the leaky bucket queues
${b['leaky-bucket']} but processes at most 5 in any second.`,
      },
    },
  },
  render: () => html`<ls-rate-limiter .config=${boundary}></ls-rate-limiter>`,
};

/** The default: every control on the tag as attributes. */
export const Default: Story = {};

const steady = { limit: 5, window: 1000, traffic: 'steady', rate: 7, duration: 4000, title: 'A client sending 7 per second against 5 per second' };

/**
 * A client sends a steady 7 requests per second (with a little jitter) against a limit of 5 per second. Every algorithm
 * ends up near 5 per second; they differ in *which* requests they refuse, and the buckets accept a few more at the start
 * (the token bucket starts full).
 */
export const SteadyOverload: Story = {
  name: 'Steady overload',
  render: () => html`<ls-rate-limiter .config=${steady}></ls-rate-limiter>`,
};

const buckets = { limit: 5, window: 1000, traffic: 'bursty', seed: 3, duration: 5000, algorithms: ['token-bucket', 'leaky-bucket'], title: 'Token bucket versus leaky bucket' };

/**
 * The same bursty stream through both buckets. The token bucket passes a burst at once while it has tokens — up to
 * 5 plus the refill within one second. The leaky bucket accepts into its queue and processes one request every 200 ms:
 * its output never exceeds 5 per second, and the table view shows the wait.
 */
export const Buckets: Story = {
  name: 'Token bucket vs leaky bucket (bursty)',
  render: () => html`<ls-rate-limiter .config=${buckets}></ls-rate-limiter>`,
};

const windows = { limit: 10, window: 1000, traffic: 'bursty', rate: 10, seed: 2, duration: 6000, algorithms: ['fixed-window', 'sliding-log', 'sliding-window-counter'], title: 'Three window algorithms, bursty traffic' };

/**
 * Bursts of about 10 a second at random moments. The fixed window lets up to 20 through in one second when two bursts
 * meet at an edge; the sliding log never more than 10. The sliding window counter's estimate assumes the previous
 * window's requests were spread evenly, so with bunched traffic it can be stricter than the log at one moment and a
 * little looser at another.
 */
export const Windows: Story = {
  name: 'Window counters (bursty)',
  render: () => html`<ls-rate-limiter .config=${windows}></ls-rate-limiter>`,
};

/**
 * No generated traffic: press **R** or **B** (or type a time and press a button) to fire your own requests. Try a burst
 * at 900 ms and another at 1,100 ms to recreate the boundary burst by hand, then Copy scenario.
 */
export const FireYourOwn: Story = {
  name: 'Fire your own requests',
  render: () => html`<ls-rate-limiter .config=${{ limit: 5, window: 1000, traffic: 'steady', rate: 0, duration: 3000, actions: [{ type: 'burst', at: 900, count: 5 }] }}></ls-rate-limiter>`,
};

/** A configuration with mistakes shows where each one is, and the page goes on working. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-rate-limiter
    .config=${{ limit: 0, window: 'soon', traffic: 'spiky', algorithms: ['token-bucket', 'gcra'], actions: [{ type: 'burst', count: 3 }] }}
  ></ls-rate-limiter>`,
};
