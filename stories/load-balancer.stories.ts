import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/load-balancer/load-balancer.js';

interface Args {
  rate?: string;
  algorithms?: string;
  focus?: string;
  seed?: string;
  keySkew?: string;
}

const four = ['A', 'B', 'C', 'D'].map((id) => ({ id, concurrency: 2 }));

const meta: Meta<Args> = {
  title: 'Components/Load Balancer',
  component: 'ls-load-balancer',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A load balancer decides, for every request, which server handles it. This element runs **one seeded
stream of requests** (Poisson arrivals, a client key per request, a random amount of work) through up to seven
algorithms at once, so the table compares like with like: p50 / p95 / p99 latency, errors and the live number of
requests in flight on each server.

- **Blind** algorithms — round robin, weighted round robin, random, hashing — ignore how busy a server is, so a slow
  server builds a queue that only grows.
- **Load-aware** ones — least connections, power of two choices (look at two random servers, take the less busy),
  EWMA least latency — route around it.
- **Health checks** are the only way the balancer learns a server died: until \`unhealthyThreshold\` probes in a row
  fail, it keeps sending the dead server its share and those requests fail (the red band on the chart).

Try it: press **Fail** on a server (or its digit key) and step with **←/→**; choose an algorithm's name to see its
servers and queues; **Copy scenario** keeps your failures.`,
      },
    },
  },
  args: { rate: '45', algorithms: 'round-robin,weighted-round-robin,least-connections,random,power-of-two,least-latency,consistent-hash', focus: 'round-robin', seed: '1', keySkew: '0' },
  argTypes: {
    rate: { control: 'text' },
    algorithms: { control: 'text' },
    focus: { control: 'select', options: ['round-robin', 'weighted-round-robin', 'least-connections', 'random', 'power-of-two', 'least-latency', 'consistent-hash'] },
    seed: { control: 'text' },
    keySkew: { control: 'text' },
  },
  render: (a) => html`<ls-load-balancer
    rate=${ifDefined(a.rate)}
    algorithms=${ifDefined(a.algorithms)}
    focus=${ifDefined(a.focus)}
    seed=${ifDefined(a.seed)}
    key-skew=${ifDefined(a.keySkew)}
    .config=${{ time: 20_000 }}
  ></ls-load-balancer>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Four servers, D at 40% speed, 45 requests/s (about two thirds of the pool's capacity). Round robin gives D a
 * quarter of the requests, more than it can serve: its queue only grows, and the p99 of round robin, random and hashing climbs to seconds.
 */
export const Default: Story = { name: 'Round robin piles a queue onto the slow server', tags: ['bench'] };

/** The same requests under least connections: D gets only what it can finish, and p99 stays under a second. */
export const LeastConnections: Story = {
  name: 'Least connections adapts',
  args: { focus: 'least-connections' },
};

/**
 * Eight equal servers at 110 requests/s. Power of two choices looks at two random servers per request instead of all
 * eight, and lands within a few percent of least connections; random, with no look at all, has twice the p99.
 */
export const PowerOfTwo: Story = {
  name: 'Power of two choices ≈ least connections',
  render: () => html`<ls-load-balancer
    .config=${{
      title: 'Eight servers: two random looks are almost as good as looking at all',
      rate: 110,
      servers: ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((id) => ({ id, concurrency: 2 })),
      algorithms: ['random', 'power-of-two', 'least-connections', 'round-robin'],
      focus: 'power-of-two',
      time: 15_000,
    }}
  ></ls-load-balancer>`,
};

/**
 * C answers at 30% speed but has as many workers as the others, so its in-flight count hides how slow it is. EWMA
 * least latency weighs in-flight by the latency it has observed and sends C less than half of what least connections does.
 */
export const Ewma: Story = {
  name: 'EWMA least latency avoids a slow server',
  render: () => html`<ls-load-balancer
    .config=${{
      title: 'C is slow but has free workers',
      rate: 60,
      servers: [{ id: 'A', concurrency: 4 }, { id: 'B', concurrency: 4 }, { id: 'C', concurrency: 4, speed: 0.3 }],
      algorithms: ['round-robin', 'least-connections', 'least-latency'],
      focus: 'least-latency',
      time: 20_000,
    }}
  ></ls-load-balancer>`,
};

/**
 * B dies at 8 s. Probes every 5 s with a 2 s timeout and 2 failures to remove: the balancer removes B at 17 s, and in
 * those 9 s round robin sends it a quarter of all requests, which fail. B comes back at 22 s and rejoins after two good probes.
 */
export const HealthCheck: Story = {
  name: 'A server dies: errors until the health check removes it',
  render: () => html`<ls-load-balancer
    .config=${{
      title: 'B dies at 8 s and comes back at 22 s',
      rate: 40,
      servers: four,
      healthCheck: { interval: 5000, timeout: 2000, unhealthyThreshold: 2, healthyThreshold: 2 },
      actions: [
        { at: 8000, type: 'fail', server: 'B' },
        { at: 22_000, type: 'recover', server: 'B' },
      ],
      algorithms: ['round-robin', 'least-connections', 'power-of-two', 'least-latency'],
      time: 12_000,
    }}
  ></ls-load-balancer>`,
};

/**
 * Consistent hashing on the client key keeps every user on one server (sticky sessions), but with skewed traffic
 * (Zipf 1.1: a few very active users) the server that owns the hot keys gets over 40% of the requests.
 */
export const StickySkew: Story = {
  name: 'Sticky hashing with hot keys overloads one server',
  render: () => html`<ls-load-balancer
    .config=${{ title: 'Hash on the user id, with a few very active users', rate: 40, keySkew: 1.1, keys: 500, servers: four, algorithms: ['consistent-hash', 'least-connections', 'round-robin'], time: 20_000 }}
  ></ls-load-balancer>`,
};

/** One server three times as fast as the other two: weights 3:1:1 give it its share; plain round robin overloads the small ones. */
export const Weighted: Story = {
  name: 'Weighted round robin for servers of different sizes',
  render: () => html`<ls-load-balancer
    .config=${{
      title: 'One big server, two small ones',
      rate: 50,
      servers: [{ id: 'big', speed: 3, weight: 3, concurrency: 2 }, { id: 'small-1', concurrency: 2 }, { id: 'small-2', concurrency: 2 }],
      algorithms: ['round-robin', 'weighted-round-robin', 'least-connections'],
      focus: 'weighted-round-robin',
      time: 15_000,
    }}
  ></ls-load-balancer>`,
};

/** Every problem is reported with its path: a wrong type, a duplicate id, a value out of range, an unknown algorithm, a misspelt field. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-load-balancer
    .config=${{ rate: 'lots', servers: ['A', 'A', { id: 'C', speed: 0 }], healthcheck: { interval: 1000 }, algorithms: ['round-robin', 'fastest'] }}
  ></ls-load-balancer>`,
};
