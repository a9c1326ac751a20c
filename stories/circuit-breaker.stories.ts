import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/circuit-breaker/circuit-breaker.js';

interface Args {
  failureRate?: string;
  rps?: string;
  capacity?: string;
  retries?: string;
  backoff?: 'none' | 'exponential' | 'jitter';
  breaker?: boolean;
  seed?: string;
}

/** The downstream degrades at 10 s (30% failures) and recovers at 40 s. */
const struggling = { changes: [{ at: 10_000, failureRate: 0.3 }, { at: 40_000, failureRate: 0.02 }] };

const meta: Meta<Args> = {
  title: 'Components/Circuit Breaker',
  component: 'ls-circuit-breaker',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A circuit breaker wraps calls to a dependency. **Closed:** calls pass and their outcomes fill a sliding
window of the last N calls; once at least the minimum number are recorded and the failure rate reaches the threshold it
**opens**: every call fails at once (short-circuited) and the dependency gets room to recover. After the wait it goes
**half-open** and lets a few trial calls through: if they fail it opens again, otherwise it closes. (The rules follow
Resilience4j's count-based breaker.)

The downstream here slows down and fails more when its load passes its capacity, so retries — which add load exactly
when it is failing — can turn a partial failure into a **retry storm**. The dashed line shows the load with naive
retries and no breaker; compare it with your policy.

Try it: step with **←/→** (a second, or to the next transition), **Space** plays; move the failure-rate slider at any
moment to record a change there.`,
      },
    },
  },
  args: { failureRate: '0.02', rps: '30', capacity: '40', retries: '3', backoff: 'jitter', breaker: true, seed: '1' },
  argTypes: {
    failureRate: { control: 'text' },
    rps: { control: 'text' },
    capacity: { control: 'text' },
    retries: { control: 'text' },
    backoff: { control: 'select', options: ['none', 'exponential', 'jitter'] },
    breaker: { control: 'boolean' },
    seed: { control: 'text' },
  },
  render: (a) => html`<ls-circuit-breaker
    failure-rate=${ifDefined(a.failureRate)}
    rps=${ifDefined(a.rps)}
    capacity=${ifDefined(a.capacity)}
    retries=${ifDefined(a.retries)}
    backoff=${ifDefined(a.backoff)}
    breaker=${a.breaker ? 'true' : 'false'}
    seed=${ifDefined(a.seed)}
    .config=${struggling}
  ></ls-circuit-breaker>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 30 requests a second to a downstream that serves 40; it fails 30% of calls from 10 s to 40 s. Breaker on, jittered back-off. */
export const Default: Story = {};

/**
 * The same downstream with three immediate retries and no breaker: the retries push the load well past the capacity
 * of 40/s, and the overload makes it fail far more often than its own 30% — the retry storm. The solid line is this
 * policy's load; it follows the dashed naive baseline.
 */
export const RetryStorm: Story = {
  name: 'Retry storm: naive retries, no breaker',
  args: { breaker: false, backoff: 'none' },
};

/** Breaker with jittered back-off: once the window is half failures the breaker opens and the load drops to a few trial calls. */
export const BreakerSheds: Story = {
  name: 'Breaker + jittered back-off sheds the load',
  render: () => html`<ls-circuit-breaker .config=${{ ...struggling, rps: 30, capacity: 40, time: 20_000, title: 'The breaker sheds load while the downstream struggles' }}></ls-circuit-breaker>`,
};

/** A hard outage (every call fails from 10 s to 30 s): watch the breaker probe in half-open and re-open until the service is back. */
export const HalfOpenProbes: Story = {
  name: 'Half-open probes during an outage',
  render: () => html`<ls-circuit-breaker
    .config=${{ rps: 20, changes: [{ at: 10_000, failureRate: 1 }, { at: 30_000, failureRate: 0 }], openDuration: 4000, halfOpenCalls: 3, time: 14_000, title: 'An outage from 10 s to 30 s' }}
  ></ls-circuit-breaker>`,
};

/**
 * Jittered back-off without a breaker: back-off spreads the retries out in time but does not make fewer of them, so
 * the load on the struggling downstream still climbs above its capacity of 40/s.
 */
export const BackoffAlone: Story = {
  name: 'Jittered back-off alone (no breaker)',
  args: { breaker: false, backoff: 'jitter' },
};

/** Every problem is reported with its path. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-circuit-breaker
    .config=${{ windowSize: 5, minimumCalls: 9, backoff: 'linear', failureRate: 1.5, changes: [{ at: 100 }] }}
  ></ls-circuit-breaker>`,
};
