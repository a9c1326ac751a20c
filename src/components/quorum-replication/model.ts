/**
 * Leaderless (Dynamo-style) quorum replication of one key, as a pure and deterministic model: a
 * discrete-event simulation over simulated milliseconds, with no DOM, no wall clock and no unseeded
 * randomness.
 *
 * **Cluster.** The key's preference list is N home replicas (A, B, C, …) followed by `spares`
 * stand-in nodes. Two clients, X and Y, coordinate their own requests. Every message takes a delay
 * drawn from a hash of (seed, message id) in [minDelay, maxDelay] ms (×4 to or from a `slow` node),
 * so the same seed gives the same run and a new action does not reshuffle earlier delays.
 *
 * **Versions.** A write carries a vector clock with one entry per client (as Riak's client-side
 * clocks): clock = the client's context ⊔ {client: its next counter}. The context is what the client
 * last read or wrote, so a write descends from exactly what its client had seen. A replica keeps the
 * versions no other version descends from: a newer descendant replaces them, an incomparable one is
 * kept beside them as a **sibling**. In `lww` mode a replica instead keeps only the version with the
 * highest timestamp (write start, then client): concurrent writes are silently dropped.
 *
 * **Requests.** The failure detector is perfect: a client knows which nodes are down or cut off.
 * - A write goes to the reachable home replicas. For each unreachable one, with hinted handoff or a
 *   sloppy quorum, the next reachable spare stores it with a **hint** naming the home replica. Acks
 *   that count: home replicas, plus hinted spares under a sloppy quorum. Fewer than W possible →
 *   it fails at once and sends nothing; fewer than W acks within `timeout` → it fails (what reached
 *   replicas stays there: failed writes are not rolled back).
 * - A read asks the reachable home replicas (sloppy: the first N reachable nodes of the whole list;
 *   spares answer with their hinted versions) and returns once R have answered, with the versions
 *   none of the answers supersedes (siblings if concurrent). With read repair, once every asked node
 *   has answered, the stale ones are sent the newest versions.
 * - A spare sends a hint to its home replica as soon as both are up and connected; delivery removes it.
 *
 * A read is **stale** when it misses a write acknowledged before the read started: no returned
 * version descends from it (lww: its timestamp is higher than every returned one). A write is
 * **lost** when it was acknowledged and no node holds it or a descendant.
 */
import { murmur3 } from '../../core/hash.js';
import * as v from '../../core/validate.js';

export const CLIENTS = ['X', 'Y'] as const;
export type ClientId = (typeof CLIENTS)[number];
export const MAX_N = 5;
export const MAX_SPARES = 3;
export const MAX_ACTIONS = 120;
export const MAX_TIME = 600_000;
const LETTERS = 'ABCDEFGH';

export type Clock = Record<string, number>;

export interface Version {
  /** The write (operation index) that created it. */
  id: number;
  value: string;
  clock: Clock;
  /** Start time of the write (lww timestamp). */
  ts: number;
  client: ClientId;
}

export interface Settings {
  r: number;
  w: number;
  sloppy: boolean;
  hintedHandoff: boolean;
  readRepair: boolean;
}

export type Action =
  | { type: 'write'; at: number; client: ClientId; value?: string }
  | { type: 'read'; at: number; client: ClientId }
  | { type: 'fail'; at: number; node: string }
  | { type: 'recover'; at: number; node: string }
  | { type: 'partition'; at: number; side: string[] }
  | { type: 'heal'; at: number }
  | { type: 'set'; at: number; r?: number; w?: number; sloppy?: boolean; hintedHandoff?: boolean; readRepair?: boolean };

export interface QuorumConfig extends Settings {
  n: number;
  spares: number;
  lww: boolean;
  minDelay: number;
  maxDelay: number;
  slow: string[];
  timeout: number;
  seed: number;
  actions: Action[];
  /** Where the player starts (a step index); defaults to 0. */
  step: number;
  title?: string;
}

// ───────────────────────────── config ─────────────────────────────

const at = v.describe(v.number({ integer: true, min: 0, max: MAX_TIME }), 'Simulated ms.');
const client = v.describe(v.oneOf(CLIENTS), 'Client X or Y.');
const node = v.describe(v.string({ pattern: /^[A-H]$/, describe: 'a node letter A–H' }), 'A node letter.');
const kind = <T extends string>(t: T) => v.oneOf([t] as const);
const actionSchema = v.tagged<Action>('type', {
  write: v.object({ type: kind('write'), at, client, value: v.optional(v.describe(v.string({ minLength: 1, maxLength: 12 }), 'Value (default v1, v2, …).')) }),
  read: v.object({ type: kind('read'), at, client }),
  fail: v.object({ type: kind('fail'), at, node }),
  recover: v.object({ type: kind('recover'), at, node }),
  partition: v.object({
    type: kind('partition'),
    at,
    side: v.describe(v.array(v.string({ pattern: /^[A-HXY]$/, describe: 'a node letter or client X/Y' }), { minItems: 1, maxItems: 10 }), 'Nodes and clients cut off from the rest.'),
  }),
  heal: v.object({ type: kind('heal'), at }),
  set: v.object({
    type: kind('set'),
    at,
    r: v.optional(v.number({ integer: true, min: 1, max: MAX_N })),
    w: v.optional(v.number({ integer: true, min: 1, max: MAX_N })),
    sloppy: v.optional(v.boolean()),
    hintedHandoff: v.optional(v.boolean()),
    readRepair: v.optional(v.boolean()),
  }),
});

const rawSchema = v.object({
  n: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_N }), 'Replicas per key (N).'), 3),
  r: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_N }), 'Read quorum (R).'), 2),
  w: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_N }), 'Write quorum (W).'), 2),
  spares: v.optional(v.describe(v.number({ integer: true, min: 0, max: MAX_SPARES }), 'Spare nodes after the N home replicas.'), 2),
  sloppy: v.optional(v.describe(v.boolean(), 'Sloppy quorum: hinted writes on spares count toward W.'), false),
  hintedHandoff: v.optional(v.describe(v.boolean(), 'Hinted handoff via spares.'), true),
  readRepair: v.optional(v.describe(v.boolean(), 'Read repair after each read.'), true),
  lww: v.optional(v.describe(v.boolean(), 'Last-writer-wins instead of siblings.'), false),
  minDelay: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10_000 }), 'Shortest message delay, ms.'), 5),
  maxDelay: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10_000 }), 'Longest message delay, ms.'), 30),
  slow: v.optional(v.describe(v.array(node, { maxItems: 8, uniqueBy: v.idKey, uniqueName: 'node' }), 'Nodes whose messages take 4× longer.'), []),
  timeout: v.optional(v.describe(v.number({ integer: true, min: 1, max: 100_000 }), 'Request timeout, ms.'), 200),
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed of the message delays.'), 1),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: MAX_ACTIONS }), 'Actions in order of `at`.'), []),
  step: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'Starting step.'), 0),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

/** The node letters: N home replicas, then the spares. */
export function nodeIds(c: Pick<QuorumConfig, 'n' | 'spares'>): string[] {
  return LETTERS.slice(0, c.n + c.spares).split('');
}

/** Validates a quorum scenario and fills defaults; cross-field rules are reported at their path. */
export const quorumConfigSchema: v.Schema<QuorumConfig> = v.refine(rawSchema as v.Schema<QuorumConfig>, (c, path, issues) => {
  const p = (k: string | number, base = path) => v.joinPath(base, k);
  const most = (field: string, value: number, limit: number, what: string) => {
    if (value > limit) issues.push({ path: field, message: `expected at most ${what} (${limit}), got ${value}` });
  };
  most(p('r'), c.r, c.n, 'n');
  most(p('w'), c.w, c.n, 'n');
  most(p('minDelay'), c.minDelay, c.maxDelay, 'maxDelay');
  const ids = nodeIds(c);
  const known = (id: string) => ids.includes(id);
  const list = ids.map((id) => JSON.stringify(id)).join(', ');
  c.slow.forEach((id, i) => {
    if (!known(id)) issues.push({ path: p(i, p('slow')), message: `expected one of ${list}, got ${JSON.stringify(id)}` });
  });
  const ap = p('actions');
  c.actions.forEach((a, i) => {
    const ip = p(i, ap);
    if (i > 0 && a.at < c.actions[i - 1].at) issues.push({ path: p('at', ip), message: `expected actions in time order: ${a.at} comes before ${c.actions[i - 1].at}` });
    if ((a.type === 'fail' || a.type === 'recover') && !known(a.node)) issues.push({ path: p('node', ip), message: `expected one of ${list}, got ${JSON.stringify(a.node)}` });
    if (a.type === 'partition') {
      a.side.forEach((id, j) => {
        if (!known(id) && id !== 'X' && id !== 'Y') issues.push({ path: p(j, p('side', ip)), message: `expected one of ${list}, "X", "Y", got ${JSON.stringify(id)}` });
      });
    }
    if (a.type === 'set') {
      if (a.r !== undefined) most(p('r', ip), a.r, c.n, 'n');
      if (a.w !== undefined) most(p('w', ip), a.w, c.n, 'n');
    }
  });
});

// ───────────────────────────── vector clocks ─────────────────────────────

/** a ≥ b: a descends from (or equals) b. */
export function descends(a: Clock, b: Clock): boolean {
  for (const k in b) if ((a[k] ?? 0) < b[k]) return false;
  return true;
}

export type Order = 'equal' | 'before' | 'after' | 'concurrent';

/** How a relates to b in the happened-before partial order. */
export function compare(a: Clock, b: Clock): Order {
  const ge = descends(a, b);
  const le = descends(b, a);
  return ge && le ? 'equal' : ge ? 'after' : le ? 'before' : 'concurrent';
}

/** The least upper bound: element-wise maximum. */
export function merge(a: Clock, b: Clock): Clock {
  const out: Clock = { ...a };
  for (const k in b) out[k] = Math.max(out[k] ?? 0, b[k]);
  return out;
}

/** `{X:2, Y:1}` in key order. */
export function clockText(c: Clock): string {
  const keys = Object.keys(c).sort();
  return `{${keys.map((k) => `${k}:${c[k]}`).join(', ')}}`;
}

const lwwKey = (x: Version) => x.ts * 4 + (x.client === 'Y' ? 1 : 0);

/** Keep the versions no other one supersedes, after adding `incoming`. */
export function absorb(store: readonly Version[], incoming: readonly Version[], lww: boolean): Version[] {
  let out = store.slice();
  for (const x of incoming) {
    if (lww) {
      if (!out.length || lwwKey(x) > lwwKey(out[0]) || (lwwKey(x) === lwwKey(out[0]) && x.id > out[0].id)) out = [x];
      continue;
    }
    if (out.some((s) => descends(s.clock, x.clock))) continue;
    out = [...out.filter((s) => !descends(x.clock, s.clock)), x];
  }
  return out;
}

/** Does this set of versions include `w` or a version that supersedes it? */
export function covers(versions: readonly Version[], w: Version, lww: boolean): boolean {
  return lww ? versions.some((x) => lwwKey(x) >= lwwKey(w)) : versions.some((x) => descends(x.clock, w.clock));
}

// ───────────────────────────── the simulation ─────────────────────────────

export interface Hint {
  id: number;
  /** The home replica it is for. */
  for: string;
  version: Version;
  delivered: boolean;
  sending: boolean;
}

export interface NodeState {
  id: string;
  home: boolean;
  up: boolean;
  store: Version[];
  hints: Hint[];
}

export type MsgKind = 'write' | 'ack' | 'read' | 'reply' | 'repair' | 'handoff';

export interface Message {
  id: number;
  kind: MsgKind;
  from: string;
  to: string;
  op: number;
  sent: number;
  arrive: number;
  /** write/repair/reply/handoff payload. */
  versions: Version[];
  /** write: the home replica a hinted write is for. */
  hintFor?: string;
  hint?: number;
}

export type OpStatus = 'pending' | 'ok' | 'failed';

export interface Op {
  id: number;
  kind: 'write' | 'read';
  client: ClientId;
  start: number;
  settings: Settings;
  status: OpStatus;
  end?: number;
  /** `unavailable` (fewer than the quorum reachable) or `timeout`. */
  reason?: 'unavailable' | 'timeout';
  /** Nodes asked (write: stores, including hinted spares). */
  targets: string[];
  /** Nodes whose acks count toward W, or asked for a read. */
  counted: string[];
  /** Nodes that acked / answered, in order. */
  replied: string[];
  /** write: the new version. */
  version?: Version;
  /** write: the versions its context covered (those it merges). */
  supersedes?: number[];
  /** read: the answers by node. */
  answers?: Record<string, Version[]>;
  /** read: what it returned. */
  result?: Version[];
  /** read: acknowledged writes it missed. */
  missed?: number[];
  stale?: boolean;
  repaired?: string[];
}

export type StepKind =
  | 'start'
  | 'unavailable'
  | 'fail'
  | 'recover'
  | 'partition'
  | 'heal'
  | 'set'
  | 'store'
  | 'ack'
  | 'answer'
  | 'reply'
  | 'repair'
  | 'handoff'
  | 'drop'
  | 'timeout';

export interface Step {
  t: number;
  kind: StepKind;
  /** Index into config.actions (action steps). */
  action?: number;
  op?: number;
  msg?: Message;
  node?: string;
  /** store/repair/handoff: `new` (replaced older), `sibling`, `old` (already had it or newer). */
  effect?: 'new' | 'sibling' | 'old';
  /** drop: why. */
  why?: 'down' | 'cut';
  /** ack/reply: whether this one completed the request. */
  done?: boolean;
  /** ack/reply: count so far (toward W or R). */
  count?: number;
}

export interface Snapshot {
  t: number;
  nodes: NodeState[];
  /** Endpoints cut off from the rest, or empty. */
  cut: string[];
  settings: Settings;
  ctx: Record<ClientId, Clock>;
  ops: Op[];
  inFlight: Message[];
  /** Acknowledged writes no node holds (nor a descendant of). */
  lost: number[];
  /** Actions processed so far. */
  actionsDone: number;
}

export interface QuorumRun {
  config: QuorumConfig;
  /** steps[i] produced snaps[i + 1]; snaps[0] is the initial state. */
  steps: Step[];
  snaps: Snapshot[];
  ops: Op[];
  hints: Hint[];
  /** Deliveries per hint id (never more than 1). */
  hintDeliveries: Record<number, number>;
}

interface Ev {
  t: number;
  /** 0 = message or timeout, 1 = action (actions at a time come after messages at that time). */
  rank: number;
  seq: number;
  msg?: Message;
  action?: number;
  timeout?: number;
}

const evLess = (a: Ev, b: Ev) => a.t < b.t || (a.t === b.t && (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)));

/** Message delay: a hash of (seed, message id), so it does not depend on what else happens. */
export function delayOf(c: Pick<QuorumConfig, 'seed' | 'minDelay' | 'maxDelay' | 'slow'>, key: string, from: string, to: string): number {
  const u = murmur3(key, c.seed) / 4294967296;
  const d = c.minDelay + Math.floor(u * (c.maxDelay - c.minDelay + 1));
  return c.slow.includes(from) || c.slow.includes(to) ? d * 4 : d;
}

/** Runs the scenario until nothing is left in flight. */
export function simulate(config: QuorumConfig): QuorumRun {
  const c = config;
  const ids = nodeIds(c);
  const nodes = new Map<string, NodeState>(ids.map((id, i) => [id, { id, home: i < c.n, up: true, store: [], hints: [] }]));
  let cut = new Set<string>();
  const settings: Settings = { r: c.r, w: c.w, sloppy: c.sloppy, hintedHandoff: c.hintedHandoff, readRepair: c.readRepair };
  const ctx: Record<ClientId, Clock> = { X: {}, Y: {} };
  const counters: Record<ClientId, number> = { X: 0, Y: 0 };
  const ops: Op[] = [];
  const hints: Hint[] = [];
  const hintDeliveries: Record<number, number> = {};
  const acked: Version[] = [];
  const inFlight = new Map<number, Message>();
  const q: Ev[] = [];
  let seq = 0;
  let msgSeq = 0;
  let actionsDone = 0;
  let writes = 0;
  const push = (e: Ev) => {
    let i = q.length;
    q.push(e);
    while (i > 0 && evLess(e, q[i - 1])) {
      q[i] = q[i - 1];
      i--;
    }
    q[i] = e;
  };
  c.actions.forEach((a, i) => push({ t: a.at, rank: 1, seq: seq++, action: i }));

  const reach = (a: string, b: string) => cut.has(a) === cut.has(b);
  const usable = (id: string, from: string) => nodes.get(id)!.up && reach(id, from);
  const send = (kind: MsgKind, from: string, to: string, op: number, t: number, versions: Version[], extra: Partial<Message> = {}) => {
    const id = msgSeq++;
    const m: Message = { id, kind, from, to, op, sent: t, arrive: t + delayOf(c, `${op}:${kind}:${from}>${to}:${extra.hint ?? ''}`, from, to), versions, ...extra };
    inFlight.set(id, m);
    push({ t: m.arrive, rank: 0, seq: seq++, msg: m });
  };
  const tryHandoff = (t: number) => {
    for (const n of nodes.values()) {
      if (n.home || !n.up) continue;
      for (const h of n.hints) {
        if (h.delivered || h.sending || !usable(h.for, n.id)) continue;
        h.sending = true;
        send('handoff', n.id, h.for, h.version.id, t, [h.version], { hint: h.id });
      }
    }
  };

  const steps: Step[] = [];
  const snaps: Snapshot[] = [];
  const snapshot = (t: number): Snapshot => {
    const held: Version[] = [];
    for (const n of nodes.values()) held.push(...n.store, ...n.hints.filter((h) => !h.delivered).map((h) => h.version));
    return {
      t,
      nodes: [...nodes.values()].map((n) => ({ ...n, store: n.store, hints: n.hints.filter((h) => !h.delivered).map((h) => ({ ...h })) })),
      cut: [...cut].sort(),
      settings: { ...settings },
      ctx: { X: ctx.X, Y: ctx.Y },
      ops: ops.map((o) => ({ ...o, replied: o.replied.slice() })),
      inFlight: [...inFlight.values()],
      lost: acked.filter((w) => !covers(held, w, false)).map((w) => w.id),
      actionsDone,
    };
  };
  snaps.push(snapshot(0));
  const record = (s: Step) => {
    steps.push(s);
    snaps.push(snapshot(s.t));
  };

  const finishRead = (op: Op, t: number) => {
    const answers = Object.values(op.answers!);
    let result: Version[] = [];
    for (const a of answers) result = absorb(result, a, c.lww);
    op.result = result;
    op.status = 'ok';
    op.end = t;
    op.missed = acked.filter((w) => w.ts <= op.start && ops[w.id].end! <= op.start && !covers(result, w, c.lww)).map((w) => w.id);
    op.stale = op.missed.length > 0;
    for (const x of result) ctx[op.client] = merge(ctx[op.client], x.clock);
  };
  const maybeRepair = (op: Op, t: number) => {
    if (!op.settings.readRepair || op.repaired || op.replied.length < op.counted.length) return;
    let best: Version[] = [];
    for (const a of Object.values(op.answers!)) best = absorb(best, a, c.lww);
    op.repaired = [];
    for (const id of op.replied) {
      if (!nodes.get(id)!.home) continue;
      const have = op.answers![id];
      if (best.every((b) => covers(have, b, c.lww))) continue;
      op.repaired.push(id);
      send('repair', op.client, id, op.id, t, best);
    }
  };

  const doAction = (i: number, t: number) => {
    const a = c.actions[i];
    actionsDone = i + 1;
    if (a.type === 'fail' || a.type === 'recover') {
      nodes.get(a.node)!.up = a.type === 'recover';
      tryHandoff(t);
      record({ t, kind: a.type, action: i, node: a.node });
      return;
    }
    if (a.type === 'partition' || a.type === 'heal') {
      cut = new Set(a.type === 'partition' ? a.side : []);
      tryHandoff(t);
      record({ t, kind: a.type, action: i });
      return;
    }
    if (a.type === 'set') {
      for (const k of ['r', 'w', 'sloppy', 'hintedHandoff', 'readRepair'] as const) if (a[k] !== undefined) (settings as unknown as Record<string, unknown>)[k] = a[k];
      record({ t, kind: 'set', action: i });
      return;
    }
    const s = { ...settings };
    const homes = ids.slice(0, c.n);
    const spares = ids.slice(c.n);
    const op: Op = { id: ops.length, kind: a.type, client: a.client, start: t, settings: s, status: 'pending', targets: [], counted: [], replied: [] };
    ops.push(op);
    if (a.type === 'write') {
      writes++;
      counters[a.client] = Math.max(counters[a.client], ctx[a.client][a.client] ?? 0) + 1;
      const clock = merge(ctx[a.client], { [a.client]: counters[a.client] });
      op.version = { id: op.id, value: a.value ?? `v${writes}`, clock, ts: t, client: a.client };
      const seen = acked.filter((w) => descends(clock, w.clock));
      op.supersedes = seen.filter((w) => !seen.some((o) => o !== w && compare(o.clock, w.clock) === 'after')).map((w) => w.id);
      const reachable = homes.filter((h) => usable(h, a.client));
      const free = spares.filter((h) => usable(h, a.client));
      const hinted: [string, string][] = [];
      if (s.sloppy || s.hintedHandoff) for (const h of homes) if (!reachable.includes(h) && free.length) hinted.push([free.shift()!, h]);
      op.targets = [...reachable, ...hinted.map(([sp]) => sp)];
      op.counted = s.sloppy ? op.targets.slice() : reachable;
      if (op.counted.length < s.w) {
        op.status = 'failed';
        op.reason = 'unavailable';
        op.end = t;
        record({ t, kind: 'unavailable', action: i, op: op.id });
        return;
      }
      for (const h of reachable) send('write', a.client, h, op.id, t, [op.version]);
      for (const [sp, h] of hinted) send('write', a.client, sp, op.id, t, [op.version], { hintFor: h });
    } else {
      const order = s.sloppy ? ids : homes;
      op.counted = order.filter((h) => usable(h, a.client)).slice(0, c.n);
      op.targets = op.counted.slice();
      op.answers = {};
      if (op.counted.length < s.r) {
        op.status = 'failed';
        op.reason = 'unavailable';
        op.end = t;
        record({ t, kind: 'unavailable', action: i, op: op.id });
        return;
      }
      for (const h of op.targets) send('read', a.client, h, op.id, t, []);
    }
    push({ t: t + c.timeout, rank: 0, seq: seq++, timeout: op.id });
    record({ t, kind: 'start', action: i, op: op.id });
  };

  const deliver = (m: Message, t: number) => {
    inFlight.delete(m.id);
    const op = ops[m.op];
    const toNode = nodes.get(m.to);
    const dest = toNode ?? null;
    // a message is lost if its destination node is down or a partition separates the two ends
    if ((dest && !dest.up) || !reach(m.from, m.to)) {
      if (m.kind === 'handoff') hints[m.hint!].sending = false;
      record({ t, kind: 'drop', msg: m, op: m.op, node: dest ? m.to : m.from, why: dest && !dest.up ? 'down' : 'cut' });
      return;
    }
    if (m.kind === 'write' || m.kind === 'repair' || m.kind === 'handoff') {
      const n = toNode!;
      let effect: Step['effect'];
      if (m.hintFor) {
        const h: Hint = { id: hints.length, for: m.hintFor, version: m.versions[0], delivered: false, sending: false };
        hints.push(h);
        n.hints = [...n.hints, h];
        effect = 'new';
      } else {
        const before = n.store;
        n.store = absorb(before, m.versions, c.lww);
        const added = n.store.filter((x) => !before.includes(x));
        effect = !added.length ? 'old' : n.store.length > added.length ? 'sibling' : 'new';
      }
      if (m.kind === 'handoff') {
        const h = hints[m.hint!];
        h.delivered = true;
        h.sending = false;
        hintDeliveries[h.id] = (hintDeliveries[h.id] ?? 0) + 1;
        const holder = nodes.get(m.from)!;
        holder.hints = holder.hints.filter((x) => x !== h);
      }
      if (m.kind === 'write') send('ack', m.to, m.from, m.op, t, []);
      tryHandoff(t);
      record({ t, kind: m.kind === 'write' ? 'store' : m.kind, msg: m, op: m.op, node: m.to, effect });
      return;
    }
    if (m.kind === 'read') {
      const n = toNode!;
      const payload = n.home ? n.store : n.hints.filter((h) => !h.delivered).reduce<Version[]>((acc, h) => absorb(acc, [h.version], c.lww), []);
      send('reply', m.to, m.from, m.op, t, payload);
      record({ t, kind: 'answer', msg: m, op: m.op, node: m.to });
      return;
    }
    // ack or reply at the client
    if (!op.replied.includes(m.from)) op.replied.push(m.from);
    if (m.kind === 'reply') op.answers = { ...op.answers, [m.from]: m.versions };
    const counted = op.replied.filter((id) => op.counted.includes(id)).length;
    const need = op.kind === 'write' ? op.settings.w : op.settings.r;
    let done = false;
    if (op.status === 'pending' && counted >= need) {
      done = true;
      if (op.kind === 'write') {
        op.status = 'ok';
        op.end = t;
        acked.push(op.version!);
        ctx[op.client] = merge(ctx[op.client], op.version!.clock);
      } else finishRead(op, t);
    }
    if (op.kind === 'read' && op.status === 'ok') maybeRepair(op, t);
    record({ t, kind: m.kind, msg: m, op: m.op, node: m.from, done, count: counted });
  };

  let guard = 0;
  while (q.length && guard++ < 50_000) {
    const e = q.shift()!;
    if (e.action !== undefined) doAction(e.action, e.t);
    else if (e.msg) deliver(e.msg, e.t);
    else if (e.timeout !== undefined) {
      const op = ops[e.timeout];
      if (op.status !== 'pending') continue;
      op.status = 'failed';
      op.reason = 'timeout';
      op.end = e.t;
      record({ t: e.t, kind: 'timeout', op: op.id });
    }
  }
  return { config: c, steps, snaps, ops, hints, hintDeliveries };
}

// ───────────────────────────── scenario ─────────────────────────────

/** A run plus edits: each learner action is recorded at the current step (later actions dropped). */
export class QuorumScenario {
  readonly config: QuorumConfig;
  readonly run: QuorumRun;

  constructor(config: QuorumConfig) {
    this.config = config;
    this.run = simulate(config);
  }

  get length(): number {
    return this.run.steps.length;
  }

  /** The state after `step` steps (clamped). */
  stateAt(step: number): Snapshot {
    return this.run.snaps[Math.max(0, Math.min(this.length, Math.round(step)))];
  }

  /** The step that produced state `step` (undefined at 0). */
  stepAt(step: number): Step | undefined {
    return step > 0 ? this.run.steps[Math.min(this.length, step) - 1] : undefined;
  }

  /**
   * A new scenario with `action` (without `at`) recorded at the time of state `step`; actions not yet
   * processed at that step are dropped. Returns it and the state index just after the new action.
   */
  withAction(step: number, action: DistributiveOmit<Action, 'at'>): { scenario: QuorumScenario; step: number } {
    const s = this.stateAt(step);
    const kept = this.config.actions.slice(0, s.actionsDone);
    const actions = [...kept, { ...action, at: s.t } as Action].slice(-MAX_ACTIONS);
    const next = new QuorumScenario({ ...this.config, actions, step: 0 });
    const index = actions.length - 1;
    const pos = next.run.steps.findIndex((x) => x.action === index);
    return { scenario: next, step: pos + 1 };
  }

  /** The scenario as JSON config; pasting it back reproduces this run at `step`. */
  toJSON(step = this.config.step): Record<string, unknown> {
    const { title, actions, ...rest } = this.config;
    const out: Record<string, unknown> = { ...rest, slow: [...rest.slow], actions: actions.map((a) => ({ ...a })), step: Math.max(0, Math.min(this.length, step)) };
    if (title) out.title = title;
    return out;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewAction = DistributiveOmit<Action, 'at'>;

/** R + W > N with a strict quorum: every read set meets every write set. */
export function overlaps(s: Pick<Settings, 'r' | 'w' | 'sloppy'>, n: number): boolean {
  return !s.sloppy && s.r + s.w > n;
}
