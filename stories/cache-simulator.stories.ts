import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/cache-simulator/cache-simulator.js';

interface Args {
  mode?: 'eviction' | 'writes' | 'stampede';
  capacity?: string;
  skew?: string;
  keys?: string;
  length?: string;
  seed?: string;
  policies?: string;
}

const meta: Meta<Args> = {
  title: 'Components/Cache Simulator',
  component: 'ls-cache-simulator',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A cache is only as good as what it keeps. **Eviction** mode runs LRU, LFU, FIFO and **ARC** (the Adaptive
Replacement Cache of Megiddo and Modha, 2003) on the same trace of requests: a seeded **Zipf** trace, where the k-th most
popular key is requested with probability ∝ k^−s (raise the skew s and a few keys take most of the traffic), optionally
polluted by **scans** of keys that are never used again, or a trace you type in. Step request by request and watch each
policy's slots (the next victim is last), its hits, misses and evictions, and its running hit ratio. The chart plots hit
ratio against cache size, with Bélády's offline optimum **MIN** as the ceiling no real policy reaches.

ARC keeps two LRU lists: T1 for keys seen once recently (dashed slots) and T2 for keys seen at least twice (solid). Ghost
lists remember recently evicted keys without their values; a hit in a ghost list shifts the target size p of T1 towards
the list that would have hit. A scan only flows through T1, so the popular keys in T2 survive it — unlike LRU.

**Writes** mode draws cache-aside, write-through and write-behind as messages between client, cache and database, shades
the windows in which cache and database disagree, and lets you crash the cache or the app. **Stampede** mode lets a group
of hot keys expire together under load and compares the database queries with no fix, request coalescing (single-flight),
jittered TTLs and both.

Keyboard: **←/→** step, **Space** plays, **Home/End** jump (outside the form fields); type a key and press Enter to
request it.`,
      },
    },
  },
  args: { mode: 'eviction', capacity: '6', skew: '0.8', keys: '40', length: '300', seed: '1', policies: 'lru,lfu,fifo,arc' },
  argTypes: {
    mode: { control: 'select', options: ['eviction', 'writes', 'stampede'] },
    capacity: { control: 'text' },
    skew: { control: 'text' },
    keys: { control: 'text' },
    length: { control: 'text' },
    seed: { control: 'text' },
    policies: { control: 'text' },
  },
  render: (a) => html`<ls-cache-simulator
    mode=${ifDefined(a.mode)}
    capacity=${ifDefined(a.capacity)}
    skew=${ifDefined(a.skew)}
    keys=${ifDefined(a.keys)}
    length=${ifDefined(a.length)}
    seed=${ifDefined(a.seed)}
    policies=${ifDefined(a.policies)}
  ></ls-cache-simulator>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Six slots, 40 keys, Zipf skew 0.8, 300 requests: LRU hits 36%, LFU 44%, FIFO 33%, ARC 41%; MIN would reach 56%. */
export const Default: Story = {};

/** The same trace shape with skew 1.2: the head of the distribution is hotter, so every policy hits more (LRU 54%, ARC 59%). */
export const Skew12: Story = {
  name: 'Zipf 1.2: a hotter head',
  render: () => html`<ls-cache-simulator .config=${{ skew: 1.2, step: 150, title: 'Zipf skew 1.2, six slots' }}></ls-cache-simulator>`,
};

/**
 * 2,000 requests over 100 keys (skew 1) with a scan of 20 never-repeated keys after every 40 requests, 16 slots: each
 * scan flushes LRU's hot keys (27% hits), while ARC keeps them in T2 (40%). Without the scans LRU hits 53%.
 */
export const ScanPollution: Story = {
  name: 'A scan pollutes LRU; ARC resists',
  render: () =>
    html`<ls-cache-simulator
      .config=${{ keys: 100, skew: 1, capacity: 16, length: 2000, scan: { every: 40, length: 20 }, step: 75, policies: ['lru', 'arc'], title: 'Scans of new keys every 40 requests' }}
    ></ls-cache-simulator>`,
};

/**
 * 200 keys at skew 0.9, sizes 1 to 100: the curves rise steeply, then flatten. At 20 slots LRU hits 40%, LFU 50%, FIFO 35%,
 * ARC 47% and MIN 62%. LRU's curve never falls (it is a stack algorithm); FIFO's may.
 */
export const HitRatioCurves: Story = {
  name: 'Hit ratio vs cache size',
  render: () =>
    html`<ls-cache-simulator .config=${{ keys: 200, skew: 0.9, length: 2000, capacity: 20, maxSize: 100, step: 2000, title: 'Hit ratio against cache size' }}></ls-cache-simulator>`,
};

/** Bélády's trace 1 2 3 4 1 2 5 1 2 3 4 5: FIFO hits 3 times with 3 slots but only twice with 4. LRU cannot do this. */
export const FifoAnomaly: Story = {
  name: "FIFO: Bélády's anomaly",
  render: () =>
    html`<ls-cache-simulator
      .config=${{ trace: '1 2 3 4 1 2 5 1 2 3 4 5'.split(' '), capacity: 4, maxSize: 5, step: 12, policies: ['fifo', 'lru'], title: 'More slots, fewer hits' }}
    ></ls-cache-simulator>`,
};

/**
 * Read, write, read, write, write, read on key x. Cache-aside acks a write after the database and the DEL (18 ms);
 * write-through after cache and database; write-behind after the cache only (2 ms) and flushes later, so the database
 * lags the cache for 43 ms.
 */
export const WritePatterns: Story = {
  name: 'Cache-aside vs write-through vs write-behind',
  args: { mode: 'writes' },
};

/** The cache crashes at 30 ms, before write-behind flushed x=1: the write is lost and the next read returns 0. */
export const WriteBehindCrash: Story = {
  name: 'Write-behind loses unflushed writes in a crash',
  render: () => html`<ls-cache-simulator .config=${{ mode: 'writes', crash: { at: 30, target: 'cache' }, time: 50 }}></ls-cache-simulator>`,
};

/** The app dies after updating the database but before its DEL: cache-aside serves the old x=0 until its TTL runs out at 169 ms. */
export const AppCrash: Story = {
  name: 'Cache-aside: app dies before the DEL',
  render: () => html`<ls-cache-simulator .config=${{ mode: 'writes', ops: ['read', 'write', 'read', 'read'], ttl: 150, crash: { at: 36, target: 'app' }, time: 60 }}></ls-cache-simulator>`,
};

/**
 * 20 hot keys cached at once with a 10 s TTL, 1,000 reads a second, 200 ms queries. With no fix the expiries hit the
 * database at 876 queries/s; coalescing 80/s; jittered TTLs (±20%) 160/s; both 16/s.
 */
export const Stampede: Story = {
  name: 'Stampede: no fix, coalescing, jitter',
  args: { mode: 'stampede' },
};

/** One hot key, 2,000 reads a second, 250 ms to recompute: 500 identical queries per expiry with no fix, 1 with coalescing. */
export const HotKey: Story = {
  name: 'One hot key: 500 queries or 1',
  render: () => html`<ls-cache-simulator .config=${{ mode: 'stampede', hotKeys: 1, rps: 2000, ttl: 5000, recompute: 250, duration: 12_000, time: 5200 }}></ls-cache-simulator>`,
};

/** Every problem is reported with its path. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-cache-simulator .config=${{ capacity: 0, policies: ['lru', 'clock'], trace: ['a'], requests: [{ at: 5, key: 'b' }], capcity: 3 }}></ls-cache-simulator>`,
};
