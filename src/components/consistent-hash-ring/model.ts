/**
 * Consistent hashing, as a pure and deterministic model (no DOM, no wall clock, no unseeded randomness).
 *
 * - The ring has 2^32 positions. A position is `murmur3(text)` (MurmurHash3 x86_32, seed 0, over
 *   UTF-8): a key `k` sits at `murmur3(k)`; virtual node `i` of node `N` sits at `murmur3("N#i")`.
 * - A node of weight w gets `round(w × vnodes)` virtual nodes (at least 1 when w > 0; none at w = 0).
 * - A key belongs to the first virtual node at or clockwise after its position (wrapping past
 *   2^32 − 1 to 0): binary search over the sorted positions. With replication R its replicas are
 *   the first R *distinct physical* nodes met walking clockwise.
 * - Equal positions (a 32-bit collision) are ordered by node id, so the order of any two nodes never
 *   depends on which other nodes are present: adding a node moves keys only to it, removing a node
 *   moves only its keys.
 * - A scenario is the config plus a list of actions (add/remove node); the ring after `step` actions
 *   is a function of the config alone, so stepping back or seeking is exact.
 */
import { murmur3 } from '../../core/hash.js';
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export const RING_SIZE = 2 ** 32;

export interface RingNode {
  id: string;
  /** Relative capacity; scales the node's virtual-node count. Default 1. */
  weight: number;
}

export type RingAction = { type: 'add'; id: string; weight?: number } | { type: 'remove'; id: string };

export interface RingConfig {
  nodes: RingNode[];
  vnodes: number;
  keys: string[];
  replication: number;
  seed: number;
  actions: RingAction[];
  /** How many of `actions` are applied (default: all). */
  step: number;
  /** A key to probe (shown with its hash and clockwise walk). */
  probe?: string;
}

export interface RingMove {
  key: string;
  from: string;
  to: string;
}

export interface RingChange {
  added?: string;
  removed?: string;
  moved: RingMove[];
  /** moved.length / number of keys. */
  movedFraction: number;
  /** Keys that `hash mod N` placement would have moved for the same change. */
  moduloMoved: number;
  moduloMovedFraction: number;
}

export interface LoadStats {
  /** Keys whose primary owner is each node, in node order. */
  counts: number[];
  /** Replicas held by each node (equals counts when replication is 1). */
  replicaCounts: number[];
  /** Fraction of the ring (0–1) each node owns. */
  share: number[];
  mean: number;
  max: number;
  min: number;
  /** max / mean (1 is perfect balance). */
  maxOverMean: number;
  /** Population standard deviation of counts. */
  stdDev: number;
}

export interface WalkStep {
  /** Index of the virtual node in `Ring.positions`. */
  point: number;
  node: string;
  position: number;
  /** True when this virtual node added a new distinct replica. */
  counted: boolean;
}

// ───────────────────────────── the ring ─────────────────────────────

export function vnodeCount(weight: number, vnodes: number): number {
  return weight > 0 ? Math.max(1, Math.round(weight * vnodes)) : 0;
}

/** An immutable ring for one set of nodes. */
export class Ring {
  readonly nodes: readonly RingNode[];
  /** Sorted virtual-node positions. */
  readonly positions: Uint32Array;
  /** For each position, the index into `nodes` of its physical node. */
  readonly owners: Uint16Array;
  /** For each position, the virtual-node number i of `id#i`. */
  readonly replica: Uint32Array;
  private readonly index = new Map<string, number>();

  constructor(nodes: readonly RingNode[], vnodes: number) {
    this.nodes = nodes.map((n) => ({ id: n.id, weight: n.weight }));
    this.nodes.forEach((n, i) => this.index.set(n.id, i));
    // Rank by id so ties order the same whatever other nodes exist.
    const byId = this.nodes.map((_, i) => i).sort((a, b) => (this.nodes[a].id < this.nodes[b].id ? -1 : 1));
    const rank = new Uint16Array(this.nodes.length);
    byId.forEach((nodeIndex, r) => (rank[nodeIndex] = r));
    const counts = this.nodes.map((n) => vnodeCount(n.weight, vnodes));
    const total = counts.reduce((a, b) => a + b, 0);
    // Pack (position, rank) into one float, position × 1024 + rank (< 2^42, exact in a double), so a
    // plain numeric sort orders by position and then by id; the vnode number goes in a side table.
    const packed = new Float64Array(total);
    const vIndex = new Map<number, number>();
    let k = 0;
    this.nodes.forEach((n, i) => {
      for (let j = 0; j < counts[i]; j++) {
        const key = murmur3(`${n.id}#${j}`) * 1024 + rank[i];
        packed[k++] = key;
        // A node's own vnodes may collide with each other; the first wins, which is harmless.
        if (!vIndex.has(key)) vIndex.set(key, j);
      }
    });
    packed.sort();
    this.positions = new Uint32Array(total);
    this.owners = new Uint16Array(total);
    this.replica = new Uint32Array(total);
    for (let p = 0; p < total; p++) {
      const key = packed[p];
      const r = key % 1024;
      this.positions[p] = (key - r) / 1024;
      this.owners[p] = byId[r];
      this.replica[p] = vIndex.get(key) ?? 0;
    }
  }

  get size(): number {
    return this.positions.length;
  }

  indexOfNode(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Index of the first virtual node at or clockwise after `hash`. */
  locate(hash: number): number {
    const pos = this.positions;
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo === pos.length ? 0 : lo;
  }

  /** Index into `nodes` of the owner of a position. */
  ownerIndexOfHash(hash: number): number {
    return this.owners[this.locate(hash)];
  }

  ownerOf(key: string): string {
    return this.nodes[this.ownerIndexOfHash(murmur3(key))].id;
  }

  /** The clockwise walk from a key's position until `r` distinct nodes are found (r is capped at the node count). */
  walk(key: string, r: number): { hash: number; steps: WalkStep[]; replicas: string[] } {
    const hash = murmur3(key);
    const want = Math.min(r, this.nodes.filter((n) => n.weight > 0).length);
    const steps: WalkStep[] = [];
    const replicas: string[] = [];
    const seen = new Set<number>();
    let p = this.locate(hash);
    for (let n = 0; n < this.size && replicas.length < want; n++, p = (p + 1) % this.size) {
      const owner = this.owners[p];
      const counted = !seen.has(owner);
      if (counted) {
        seen.add(owner);
        replicas.push(this.nodes[owner].id);
      }
      steps.push({ point: p, node: this.nodes[owner].id, position: this.positions[p], counted });
    }
    return { hash, steps, replicas };
  }

  replicasOf(key: string, r: number): string[] {
    return this.walk(key, r).replicas;
  }

  /** Fraction of the 2^32 ring each node owns (the arcs ending at its virtual nodes). */
  share(): number[] {
    const out = new Array<number>(this.nodes.length).fill(0);
    const n = this.size;
    for (let p = 0; p < n; p++) {
      const prev = p === 0 ? this.positions[n - 1] - RING_SIZE : this.positions[p - 1];
      out[this.owners[p]] += (this.positions[p] - prev) / RING_SIZE;
    }
    if (n === 1) out[this.owners[0]] = 1;
    return out;
  }
}

// ───────────────────────────── config ─────────────────────────────

export const nodeId = v.string({ minLength: 1, maxLength: 40, pattern: /^[^#,\s][^#,]*$/, describe: 'a node id (1–40 characters, no "#" or ",")' });
export const nodeWeight = v.number({ min: 0, max: 100 });
const weight = nodeWeight;

const nodeSchema = v.union(
  nodeId,
  v.object({ id: nodeId, weight: v.optional(weight, 1) }, { name: 'a node id or { id, weight }' }),
);

const actionSchema = v.tagged<{ type: 'add' | 'remove'; id: string; weight?: number }>('type', {
  add: v.object({ type: v.oneOf(['add'] as const), id: nodeId, weight: v.optional(weight) }, { name: '{ type: "add", id, weight? }' }),
  remove: v.object({ type: v.oneOf(['remove'] as const), id: nodeId }, { name: '{ type: "remove", id }' }),
});

export const MAX_NODES = 1000;
export const MAX_KEYS = 200_000;

const rawSchema = v.object({
  nodes: v.optional(
    v.describe(
      v.array(nodeSchema, {
        minItems: 1,
        maxItems: MAX_NODES,
        uniqueBy: v.idKey,
        uniqueName: 'node id',
      }),
      'Physical nodes: ids, or { id, weight } where weight scales the virtual-node count.',
    ),
    ['A', 'B', 'C', 'D'],
  ),
  vnodes: v.optional(v.describe(v.number({ integer: true, min: 1, max: 1000 }), 'Virtual nodes per node of weight 1.'), 32),
  keys: v.optional(v.describe(v.array(v.string({ maxLength: 200 }), { maxItems: MAX_KEYS, uniqueBy: v.idKey, uniqueName: 'key' }), 'The keys to place. Overrides keyCount.')),
  keyCount: v.optional(v.describe(v.number({ integer: true, min: 0, max: MAX_KEYS }), 'How many seeded random keys to place when `keys` is not given.'), 100),
  replication: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10 }), 'Replicas per key: the next R distinct nodes clockwise.'), 1),
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed for the generated keys.'), 1),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: 500 }), 'Node joins and departures, applied in order.'), []),
  step: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'How many actions are applied when the ring is shown (default: all).')),
  probe: v.optional(v.describe(v.string({ maxLength: 200 }), 'A key to look up, shown with its clockwise walk.')),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name of the figure.')),
});

export type RingConfigInput = v.Infer<typeof rawSchema>;

/** Validates a ring config and fills defaults; semantic checks replay the actions. */
export const ringConfigSchema: v.Schema<RingConfig & { title?: string }> = {
  expected: rawSchema.expected,
  spec: rawSchema.spec,
  check(input, path, issues) {
    const raw = rawSchema.check(input, path, issues);
    if (!raw) return undefined;
    const nodes = raw.nodes.map((n) => (typeof n === 'string' ? { id: n, weight: 1 } : { id: n.id, weight: n.weight }));
    const before = issues.length;
    if (!nodes.some((n) => n.weight > 0)) issues.push({ path: v.joinPath(path, 'nodes'), message: 'at least one node needs a weight > 0' });
    // Replay the actions to check each one makes sense at its point.
    const live = new Map(nodes.map((n) => [n.id, n.weight]));
    raw.actions.forEach((a, i) => {
      const p = v.joinPath(v.joinPath(path, 'actions'), i);
      if (a.type === 'add') {
        if (live.has(a.id)) issues.push({ path: v.joinPath(p, 'id'), message: `node ${JSON.stringify(a.id)} is already on the ring at this point` });
        else if (live.size >= MAX_NODES) issues.push({ path: p, message: `the ring would exceed ${MAX_NODES} nodes` });
        else live.set(a.id, (a as { weight?: number }).weight ?? 1);
      } else {
        if (!live.has(a.id)) issues.push({ path: v.joinPath(p, 'id'), message: `node ${JSON.stringify(a.id)} is not on the ring at this point (nodes: ${[...live.keys()].join(', ')})` });
        else if (![...live].some(([id, w]) => id !== a.id && w > 0)) issues.push({ path: p, message: 'cannot remove the last node with a weight > 0' });
        else live.delete(a.id);
      }
    });
    if (raw.step !== undefined && raw.step > raw.actions.length)
      issues.push({ path: v.joinPath(path, 'step'), message: `expected at most ${raw.actions.length} (the number of actions), got ${raw.step}` });
    const serving = nodes.filter((n) => n.weight > 0).length;
    if (raw.replication > serving)
      issues.push({ path: v.joinPath(path, 'replication'), message: `expected at most ${serving} (the number of nodes with a weight > 0), got ${raw.replication}` });
    if (issues.length > before) return undefined;
    const keys = raw.keys ?? generateKeys(raw.keyCount, raw.seed);
    return {
      nodes,
      vnodes: raw.vnodes,
      keys,
      replication: raw.replication,
      seed: raw.seed,
      actions: raw.actions.map((a) => ({ ...a })) as RingAction[],
      step: raw.step ?? raw.actions.length,
      probe: raw.probe,
      title: raw.title,
    };
  },
};

/** `count` distinct keys like `user:k3f9a1`, drawn from the seed. */
export function generateKeys(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const key = `user:${Math.floor(rng.next() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out;
}

// ───────────────────────────── the scenario ─────────────────────────────

export interface RingState {
  step: number;
  ring: Ring;
  /** Index into `ring.nodes` of each key's primary owner. */
  owners: Uint16Array;
  loads: LoadStats;
  /** The change that led to this step (undefined at step 0). */
  change?: RingChange;
}

/**
 * A ring scenario: the config, its keys, and a history of node joins and departures. `stateAt(step)`
 * is a pure function of the config; `add`/`remove` return a new scenario (the history after the
 * current step is discarded, as in an editor's undo).
 */
export class RingScenario {
  readonly config: RingConfig;
  readonly keyHashes: Uint32Array;
  private cache = new Map<number, RingState>();

  constructor(config: RingConfig) {
    this.config = config;
    this.keyHashes = new Uint32Array(config.keys.length);
    config.keys.forEach((k, i) => (this.keyHashes[i] = murmur3(k)));
  }

  get keys(): readonly string[] {
    return this.config.keys;
  }

  get length(): number {
    return this.config.actions.length;
  }

  nodesAt(step: number): RingNode[] {
    const nodes = this.config.nodes.map((n) => ({ ...n }));
    for (const a of this.config.actions.slice(0, step)) {
      if (a.type === 'add') nodes.push({ id: a.id, weight: a.weight ?? 1 });
      else nodes.splice(nodes.findIndex((n) => n.id === a.id), 1);
    }
    return nodes;
  }

  stateAt(step: number): RingState {
    const s = Math.max(0, Math.min(this.length, Math.round(step)));
    const hit = this.cache.get(s);
    if (hit) return hit;
    const ring = new Ring(this.nodesAt(s), this.config.vnodes);
    const owners = new Uint16Array(this.keyHashes.length);
    for (let i = 0; i < owners.length; i++) owners[i] = ring.ownerIndexOfHash(this.keyHashes[i]);
    const state: RingState = { step: s, ring, owners, loads: this.loads(ring, owners) };
    if (s > 0) state.change = this.diff(this.stateAt(s - 1), state, this.config.actions[s - 1]);
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(s, state);
    return state;
  }

  /** A new scenario with `action` recorded after `step` (later history dropped). Null if not allowed. */
  withAction(step: number, action: RingAction): RingScenario | null {
    const nodes = this.nodesAt(step);
    const exists = nodes.some((n) => n.id === action.id);
    if (action.type === 'add' && (exists || nodes.length >= MAX_NODES)) return null;
    if (action.type === 'remove' && (!exists || !nodes.some((n) => n.id !== action.id && n.weight > 0))) return null;
    const actions = [...this.config.actions.slice(0, step), action];
    return new RingScenario({ ...this.config, actions, step: actions.length });
  }

  /** The scenario as JSON config; pasting it back reproduces this exact run at `step`. */
  toJSON(step = this.config.step): Record<string, unknown> {
    const c = this.config;
    const out: Record<string, unknown> = {
      nodes: c.nodes.map((n) => (n.weight === 1 ? n.id : { id: n.id, weight: n.weight })),
      vnodes: c.vnodes,
      replication: c.replication,
      seed: c.seed,
    };
    const generated = generateKeys(c.keys.length, c.seed);
    if (generated.every((k, i) => k === c.keys[i])) out.keyCount = c.keys.length;
    else out.keys = [...c.keys];
    if (c.actions.length) {
      out.actions = c.actions.map((a) => ({ ...a }));
      out.step = step;
    }
    if (c.probe) out.probe = c.probe;
    return out;
  }

  private loads(ring: Ring, owners: Uint16Array): LoadStats {
    const n = ring.nodes.length;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < owners.length; i++) counts[owners[i]]++;
    let replicaCounts = counts;
    if (this.config.replication > 1) {
      replicaCounts = new Array<number>(n).fill(0);
      const r = Math.min(this.config.replication, ring.nodes.filter((x) => x.weight > 0).length);
      for (let i = 0; i < this.keyHashes.length; i++) {
        const seen = new Set<number>();
        for (let p = ring.locate(this.keyHashes[i]); seen.size < r; p = (p + 1) % ring.size) seen.add(ring.owners[p]);
        for (const o of seen) replicaCounts[o]++;
      }
    }
    const mean = n ? owners.length / n : 0;
    const max = Math.max(0, ...counts);
    const min = n ? Math.min(...counts) : 0;
    const variance = n ? counts.reduce((a, c) => a + (c - mean) ** 2, 0) / n : 0;
    return { counts, replicaCounts, share: ring.share(), mean, max, min, maxOverMean: mean ? max / mean : 0, stdDev: Math.sqrt(variance) };
  }

  private diff(before: RingState, after: RingState, action: RingAction): RingChange {
    const moved: RingMove[] = [];
    const keys = this.config.keys;
    const bn = before.ring.nodes;
    const an = after.ring.nodes;
    let moduloMoved = 0;
    for (let i = 0; i < keys.length; i++) {
      const from = bn[before.owners[i]].id;
      const to = an[after.owners[i]].id;
      if (from !== to) moved.push({ key: keys[i], from, to });
      const h = this.keyHashes[i];
      if (bn[h % bn.length].id !== an[h % an.length].id) moduloMoved++;
    }
    const total = keys.length || 1;
    return {
      ...(action.type === 'add' ? { added: action.id } : { removed: action.id }),
      moved,
      movedFraction: keys.length ? moved.length / total : 0,
      moduloMoved,
      moduloMovedFraction: keys.length ? moduloMoved / total : 0,
    };
  }
}

/** `hash mod N` placement, for comparison: index into `nodes`. */
export function moduloOwner(hash: number, nodeCount: number): number {
  return hash % nodeCount;
}
