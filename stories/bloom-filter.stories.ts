import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/bloom-filter/bloom-filter.js';
import { BloomScenario, bestK, bloomConfigSchema, optimalK } from '../src/components/bloom-filter/model.js';
import { parse } from '../src/core/validate.js';

interface Args {
  m?: string;
  k?: string;
  counting?: boolean;
  seed?: string;
}

/** Sorts never-added candidates by the answer the filter described by `config` gives: false positives and definite negatives. */
function classify(config: Record<string, unknown>, candidates: string[]): { falsePositives: string[]; absent: string[] } {
  const r = parse(bloomConfigSchema, config);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const s = new BloomScenario(r.value).stateAt(r.value.step);
  const fresh = candidates.filter((key) => !s.members.has(key));
  return { falsePositives: fresh.filter((key) => s.filter.mightContain(key)), absent: fresh.filter((key) => !s.filter.mightContain(key)) };
}

const animals = ['cat', 'dog', 'emu', 'fox', 'gnu', 'hen', 'koi', 'owl', 'pig', 'ram', 'yak', 'ant', 'bee', 'cod', 'eel', 'elk', 'jay', 'pug', 'rat', 'wasp', 'crab', 'frog', 'hare', 'lynx', 'mole', 'newt', 'seal', 'swan', 'toad', 'wolf'];

const meta: Meta<Args> = {
  title: 'Components/Bloom Filter',
  component: 'ls-bloom-filter',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `A Bloom filter answers "is this key in the set?" with m bits and k hash functions: adding a key sets its k
bits; a query that finds any of them 0 means **definitely not present**, and all 1 means **probably present** — the
bits may have been set by other keys, a *false positive*. There are never false negatives. As n keys go in, the
false-positive rate follows (1 − e<sup>−kn/m</sup>)<sup>k</sup>; it is lowest at k = (m/n)·ln 2, and a target rate p
needs m = −n·ln p / (ln 2)<sup>2</sup> bits (about 9.6 bits per key for 1 %). A counting Bloom filter keeps a small
counter per position so keys can be removed.

Try it: type a key and press **Enter** to add it, or **Query** to test it; step back and forth through the history
with **←/→**; open the table view for every key's bit positions.`,
      },
    },
  },
  args: { m: '64', k: '3', counting: false, seed: '1' },
  argTypes: {
    m: { control: 'text' },
    k: { control: 'text' },
    counting: { control: 'boolean' },
    seed: { control: 'text' },
  },
  render: (a) => html`<ls-bloom-filter
    m=${ifDefined(a.m)}
    k=${ifDefined(a.k)}
    ?counting=${a.counting}
    seed=${ifDefined(a.seed)}
    .config=${{ keys: ['user:1', 'user:2', 'user:3', 'user:4'], actions: [{ type: 'add', key: 'user:42' }, { type: 'query', key: 'user:7' }] }}
  ></ls-bloom-filter>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 64 bits, 3 hash functions and a few keys. Add your own and query keys you never added. */
export const Default: Story = {};

const filling = { m: 32, k: 2, keys: animals.slice(0, 14), title: 'A small filter filling up' };
const fillingQueries = classify(filling, animals.slice(14));
const ghost = fillingQueries.falsePositives[0];

/**
 * 32 bits and 2 hash functions hold 14 keys; more than half the bits are set. Step through the queries: `cat` was
 * added (a true positive); the next two were never added and find a 0 bit (definitely not present); the last was never
 * added either, but both its bits were set by other keys — a false positive. The chart shows the rate climbing along
 * (1 − e^(−kn/m))^k as n grows; with so few bits the measured average runs a little above the formula, which is an
 * approximation that assumes the fill ratio is always exactly its expected value.
 */
export const FalsePositives: Story = {
  name: 'False positives as the filter fills',
  render: () => html`<ls-bloom-filter
    .config=${{ ...filling, actions: [{ type: 'query', key: 'cat' }, ...fillingQueries.absent.slice(0, 2).map((key) => ({ type: 'query', key })), { type: 'query', key: ghost }] }}
  ></ls-bloom-filter>`,
};

const chooseM = 256;
const chooseN = 32;
const best = bestK(chooseM, chooseN);

/**
 * The same 256 bits and the same 32 keys with k = 1, the optimal k = (m/n)·ln 2 ≈ 5.5 (rounded to the better whole
 * number) and k = 16. One hash function leaves most bits 0 but each query checks only one of them; sixteen fill the
 * array until almost every bit is 1. The optimum sets about half the bits.
 */
export const ChoosingK: Story = {
  name: 'Choosing k',
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:1rem">
    <ls-bloom-filter .config=${{ title: 'k = 1', m: chooseM, k: 1, keyCount: chooseN, seed: 4 }}></ls-bloom-filter>
    <ls-bloom-filter .config=${{ title: `k = ${best}: optimal ((m/n)·ln 2 = ${optimalK(chooseM, chooseN).toFixed(1)})`, m: chooseM, k: best, keyCount: chooseN, seed: 4 }}></ls-bloom-filter>
    <ls-bloom-filter .config=${{ title: 'k = 16: too many', m: chooseM, k: 16, keyCount: chooseN, seed: 4 }}></ls-bloom-filter>
  </div>`,
};

/**
 * Counters instead of bits: adding increments the key's k counters, removing decrements them, and a bit is "set" while
 * its counter is above 0. `user:3` is removed; the query after it finds a 0 counter. Try **Remove** on a key that was
 * never added: if it is definitely absent, the filter refuses.
 */
export const Counting: Story = {
  name: 'Counting Bloom filter with delete',
  render: () => html`<ls-bloom-filter
    .config=${{
      m: 48,
      k: 3,
      counting: true,
      keys: ['user:1', 'user:2', 'user:3', 'user:4', 'user:5'],
      actions: [
        { type: 'add', key: 'user:6' },
        { type: 'remove', key: 'user:3' },
        { type: 'query', key: 'user:3' },
      ],
    }}
  ></ls-bloom-filter>`,
};

const counted = { m: 32, k: 2, counting: true, keys: animals.slice(0, 12) };
const phantom = classify(counted, animals.slice(12)).falsePositives[0];

/**
 * The danger of deleting: the key queried first was never added but tests positive, so a counting filter cannot tell it apart from
 * a real member and lets it be removed. That takes counts other keys put there — and keys that are in the set can
 * now test negative: false negatives. Only the application, which knows what it inserted, can prevent this.
 */
export const DeletingANeverAddedKey: Story = {
  name: 'Deleting a key that was never added',
  render: () => html`<ls-bloom-filter .config=${{ ...counted, actions: [{ type: 'query', key: phantom }, { type: 'remove', key: phantom }] }}></ls-bloom-filter>`,
};

/**
 * 100 000 bits, 7 hash functions and 10 000 keys (10 bits per key, so the rate is about 0.8 %). Too many bits to draw one
 * by one: each square is a bin of about 98 bits, shaded by how many are set; the last key's bins are outlined.
 */
export const Large: Story = {
  name: 'A large filter',
  tags: ['bench'],
  render: () => html`<ls-bloom-filter
    .config=${{ m: 100_000, k: 7, keyCount: 10_000, seed: 2, actions: [{ type: 'add', key: 'user:42' }, { type: 'query', key: 'user:42' }, { type: 'query', key: 'nobody' }] }}
  ></ls-bloom-filter>`,
};

/** A configuration with mistakes shows where each one is, and the page goes on working. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-bloom-filter
    .config=${{ m: 4, k: 40, counting: 'yes', actions: [{ type: 'add', key: 'a' }, { type: 'query', key: 'a' }, { type: 'add' }] }}
  ></ls-bloom-filter>`,
};
