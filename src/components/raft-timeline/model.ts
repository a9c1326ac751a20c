/**
 * Raft (Ongaro & Ousterhout, extended paper, Figure 2) as a pure, deterministic discrete-event
 * simulation for `<ls-raft-timeline>`: no DOM, no timers, no wall clock, no unseeded randomness. The same
 * scenario always produces the same `events` (deep-equal).
 *
 * What is modelled
 * - Followers, candidates and leaders; RequestVote with the "at least as up-to-date" log check;
 *   AppendEntries with the prevLogIndex/prevLogTerm consistency check, conflict truncation (only of
 *   entries that really conflict, so a stale or duplicated AppendEntries never shortens a log),
 *   `commitIndex = min(leaderCommit, index of last new entry)` on followers, and `nextIndex` back-off.
 * - Back-off: `backoff: "decrement"` (default, as in Figure 2: nextIndex − 1 per rejection, so the
 *   walk back is visible) or `"conflict-term"` (§5.3's optimisation: the follower returns the term of
 *   its conflicting entry and the first index it holds for that term; the leader skips to after its
 *   own last entry of that term, or to that index if it has none).
 * - Commit: the leader advances commitIndex to the highest N with a majority `matchIndex ≥ N` **and**
 *   `log[N].term == currentTerm` (§5.4.2). Committing is applying: a node applies entries the moment
 *   its commitIndex covers them.
 * - Any message (request or response) with a higher term makes the receiver adopt it, clear its
 *   vote and become a follower.
 * - Not modelled (Figure 2 only): PreVote, CheckQuorum/leader leases, membership changes, snapshots.
 *   So a node that comes back from isolation with a higher term disrupts the cluster — visible on
 *   purpose.
 *
 * Time and randomness (decisions)
 * - Time is simulated milliseconds (floats). Election timeouts are drawn uniformly from
 *   `electionTimeout` and message latencies from `latency`.
 * - Every node has two seeded streams derived from (seed, node id): one for its election timeouts
 *   and one for the messages it sends (latency, then a drop draw when `dropRate > 0`). Adding a node
 *   or a fault never changes another node's draws.
 * - Queue order: time, then protocol events before scenario actions/narration at the same instant,
 *   then first-scheduled first.
 * - Election timer: re-armed (fresh draw) on starting an election, on granting a vote, and on an
 *   AppendEntries from the current leader (term ≥ own); *not* on merely adopting a higher term. A
 *   leader that steps down arms a new one. `electionDeadline` is `Infinity` for leaders and crashed nodes.
 * - Heartbeats every `heartbeat` ms (empty AppendEntries, or carrying whatever the follower lacks). A
 *   leader also sends AppendEntries at once after appending a client command, after a rejection
 *   (with the backed-off nextIndex) and after a success that leaves the follower behind. At most
 *   64 entries per message.
 * - Clock skew: a node's factor multiplies its timer durations (1.2 = its timers fire 20% later). A
 *   change also rescales the part of its running timers that has not elapsed yet (a clock that starts
 *   running slower), so a skew at time 0 affects the very first election timeout.
 * - Only `timeout` events are logged for election timers; heartbeat ticks show as their `send` events.
 *
 * Network and faults (decisions)
 * - A random drop is decided when the message is sent but reported (`drop`, reason "random") at its
 *   arrival time, like a packet lost in transit. At arrival a message is dropped, in this order of
 *   precedence, if the receiver is crashed ("crashed"), if sender and receiver are in different
 *   partition groups *at that moment* ("partition"), or if it was lost ("random").
 * - A crashed sender's messages already in flight still arrive. A node restarted before a message's
 *   arrival receives it.
 * - Crash: the node stops (timers cancelled); its `role` is left as it was (shown greyed by a view).
 *   Restart keeps currentTerm, votedFor and the log, and loses the rest: role → follower,
 *   commitIndex → 0 (relearnt from leaderCommit), votes, nextIndex/matchIndex, known leader; the
 *   election timer is re-armed.
 * - Partitions: a message crosses only within a group. A node listed in no group is isolated (a
 *   group of its own). `heal` joins everyone. Only servers are partitioned: clients reach every node.
 * - Client requests: `{ type: "request", command, to? }`. With `to`, the request arrives at that node
 *   (instantly; client↔server latency is not modelled): a leader appends it; a follower that knows
 *   the leader of its term answers `redirect` and the client retries once at that node (refused if it
 *   is crashed or no longer leader); a node that knows no leader refuses. Without `to`, it goes to the
 *   alive leader with the highest term, or is refused ("no-leader") when there is none.
 *
 * Scenario validation (decisions)
 * - Events need not be sorted by `at`: they are sorted stably (equal times keep their order), and
 *   error paths use the original indices.
 * - A restart of a node that is not crashed at that point, and a crash of a node already crashed, are
 *   errors (located at `events[i].node`). `inject()` of such an action is a no-op that returns null.
 * - A node in two groups of one partition is an error; a node in none is allowed and isolated
 *   (`groups: []` isolates everyone).
 * - `seed` is optional (default 1) — a number (0…2^32−1) or a string.
 *
 * Invariants (checked as events happen; each violation is recorded once, at the event that first
 * breaks it, with a `violation` event right after it)
 * - Election Safety: at most one leader per term, ever.
 * - Log Matching: at any moment, two logs holding an entry with the same index and term are identical
 *   up to it (every log position carries an interned id of its whole prefix, and a registry of
 *   (index, term) → prefix ids currently present detects two different prefixes).
 * - Leader Completeness: an entry committed in term T is in the log of every leader of a term > T
 *   (checked when a node becomes leader and when an entry is first committed).
 * - State Machine Safety: no two nodes ever apply different entries (term and command) at one index.
 *
 * Seeking: `checkpoint()`/`restore()` snapshot the whole state; the simulation keeps automatic
 * checkpoints every `checkpointEvery` simulated ms (default 1000) so `seek(t)` backwards restores the
 * latest one at or before t and replays from there. `RaftSimulation.at(scenario, t)` is a fresh
 * replay. Injected actions stay on the timeline across seeks (`toScenario()` includes them).
 */
import { createRng, seedToInt, stringSeed, type Rng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

// ───────────────────────────── types ─────────────────────────────

export type RaftRole = 'follower' | 'candidate' | 'leader';
/** `correct` is Figure 2; the others are deliberately broken for teaching. */
export type RaftVariant = 'correct' | 'commit-old-term' | 'no-log-check';
export type RaftBackoff = 'decrement' | 'conflict-term';
export type RaftDropReason = 'random' | 'partition' | 'crashed';
export type RaftInvariant = 'election-safety' | 'log-matching' | 'leader-completeness' | 'state-machine-safety';

export interface RaftLogEntry {
  readonly term: number;
  readonly command: string;
}

export interface RequestVoteMessage {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: string;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}
export interface RequestVoteResponse {
  readonly type: 'RequestVoteResponse';
  readonly term: number;
  readonly voteGranted: boolean;
}
export interface AppendEntriesMessage {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: string;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly RaftLogEntry[];
  readonly leaderCommit: number;
}
export interface AppendEntriesResponse {
  readonly type: 'AppendEntriesResponse';
  readonly term: number;
  readonly success: boolean;
  /** prevLogIndex of the request this answers. */
  readonly prevLogIndex: number;
  /** On success, the index up to which the follower's log now matches the leader's; 0 on failure. */
  readonly matchIndex: number;
  /** `backoff: "conflict-term"` only, on a log mismatch. */
  readonly conflictIndex?: number;
  readonly conflictTerm?: number;
}
export type RaftMessage = RequestVoteMessage | RequestVoteResponse | AppendEntriesMessage | AppendEntriesResponse;

/** A scenario action (also what `inject` takes, without `at`). */
export type RaftAction =
  | { at: number; type: 'crash'; node: string }
  | { at: number; type: 'restart'; node: string }
  /** Groups of node ids; a node in no group is isolated. */
  | { at: number; type: 'partition'; groups: string[][] }
  | { at: number; type: 'heal' }
  /** `to`: the node the client contacts (default: the leader, if any). */
  | { at: number; type: 'request'; command: string; to?: string }
  | { at: number; type: 'drop-rate'; rate: number }
  /** `factor` multiplies the node's timer durations: 1.2 = its timers fire 20% later. */
  | { at: number; type: 'skew'; node: string; factor: number };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RaftActionInput = DistributiveOmit<RaftAction, 'at'> & { at?: number };

export interface RaftNarration {
  at: number;
  text: string;
}

/** A validated scenario with defaults filled in (what `raftScenarioSchema` returns). */
export interface RaftScenario {
  nodes: string[];
  seed: number | string;
  electionTimeout: [number, number];
  heartbeat: number;
  latency: [number, number];
  dropRate: number;
  duration: number;
  variant: RaftVariant;
  backoff: RaftBackoff;
  /** Sorted by `at` (stable). */
  events: RaftAction[];
  narration: RaftNarration[];
  title?: string;
}

/** Scenario JSON as written by an author. */
export interface RaftScenarioInput {
  /** 3–9: ids S1…Sn; or 3–9 unique ids. */
  nodes: number | readonly string[];
  seed?: number | string;
  electionTimeout?: readonly [number, number];
  heartbeat?: number;
  latency?: readonly [number, number];
  dropRate?: number;
  duration?: number;
  variant?: RaftVariant;
  backoff?: RaftBackoff;
  events?: readonly RaftAction[];
  narration?: readonly RaftNarration[];
  title?: string;
}

export interface RaftNode {
  readonly id: string;
  readonly role: RaftRole;
  readonly term: number;
  readonly votedFor: string | null;
  readonly log: readonly RaftLogEntry[];
  /** The paper's 1-based index of the highest committed entry; 0 when none. */
  readonly commitIndex: number;
  readonly alive: boolean;
  /** When the election timer fires; Infinity for a leader or a crashed node. */
  readonly electionDeadline: number;
  /** A leader's next heartbeat; Infinity otherwise. */
  readonly heartbeatDeadline: number;
  /** The leader this node knows for its current term (itself when leader). */
  readonly leaderId: string | null;
  /** Timer rate factor (1 = none). */
  readonly skew: number;
  /** A candidate's (or new leader's) votes, itself included, in node order. */
  readonly votesReceived: readonly string[];
  /** A leader's nextIndex per follower; empty otherwise. */
  readonly nextIndex: Readonly<Record<string, number>>;
  /** A leader's matchIndex per follower; empty otherwise. */
  readonly matchIndex: Readonly<Record<string, number>>;
}

interface Msg<M extends RaftMessage = RaftMessage> {
  /** Message id: pairs a `send` with its `deliver` or `drop`. */
  id: number;
  from: string;
  to: string;
  msg: M;
}

export type RaftEvent =
  | ({ t: number; type: 'send'; arrival: number } & Msg)
  | ({ t: number; type: 'deliver'; sentAt: number } & Msg)
  | ({ t: number; type: 'drop'; sentAt: number; reason: RaftDropReason } & Msg)
  /** Election timeout: the node starts an election for `term`. */
  | { t: number; type: 'timeout'; node: string; term: number }
  | { t: number; type: 'role'; node: string; role: RaftRole; previous: RaftRole; term: number }
  | { t: number; type: 'term'; node: string; term: number; previous: number }
  /** `node` granted its vote to `candidate`. */
  | { t: number; type: 'vote'; node: string; candidate: string; term: number }
  | { t: number; type: 'append-accepted'; node: string; leader: string; term: number; matchIndex: number; entries: number }
  | { t: number; type: 'append-rejected'; node: string; leader: string; term: number; reason: 'stale-term' | 'log-mismatch'; prevLogIndex: number }
  /** A follower deleted `count` conflicting entries from `index` on. */
  | { t: number; type: 'truncate'; node: string; index: number; count: number; term: number }
  /** A leader appended a client command at `index`. */
  | { t: number; type: 'append'; node: string; index: number; term: number; command: string }
  | { t: number; type: 'commit'; node: string; index: number; previous: number; term: number }
  | { t: number; type: 'crash'; node: string }
  | { t: number; type: 'restart'; node: string }
  /** Full grouping, isolated nodes as groups of one. */
  | { t: number; type: 'partition'; groups: string[][] }
  | { t: number; type: 'heal' }
  /** A client request reaching `node` (absent when no leader could be chosen). */
  | { t: number; type: 'request'; node?: string; command: string }
  | { t: number; type: 'redirect'; node: string; to: string; command: string }
  | { t: number; type: 'refuse'; node?: string; command: string; reason: 'no-leader' | 'not-leader' | 'crashed' }
  | { t: number; type: 'skew'; node: string; factor: number }
  | { t: number; type: 'drop-rate'; rate: number }
  | { t: number; type: 'narration'; text: string }
  | { t: number; type: 'violation'; invariant: RaftInvariant; message: string; node?: string };

export type RaftEventType = RaftEvent['type'];

export interface RaftViolation {
  invariant: RaftInvariant;
  t: number;
  /** Index into `events` of the event that broke the invariant. */
  eventIndex: number;
  message: string;
}

export interface RaftMessageInFlight {
  id: number;
  from: string;
  to: string;
  msg: RaftMessage;
  sentAt: number;
  arrival: number;
  /** Lost to the random drop rate (it will be reported as a drop on arrival). */
  lost: boolean;
}

/** An opaque snapshot from `checkpoint()`. */
export interface RaftCheckpoint {
  readonly now: number;
  readonly eventCount: number;
}

export interface RaftSimulationOptions {
  /** Automatic checkpoints for `seek`, every this many simulated ms; 0 keeps only the initial state. Default 1000. */
  checkpointEvery?: number;
}

// ───────────────────────────── scenario schema ─────────────────────────────

export const RAFT_MIN_NODES = 3;
export const RAFT_MAX_NODES = 9;
/** Most entries one AppendEntries carries. */
export const RAFT_MAX_BATCH = 64;

export const raftNodeId = v.string({ minLength: 1, maxLength: 16, pattern: /^[A-Za-z0-9_-]+$/, describe: 'a node id (1–16 letters, digits, "-" or "_")' });

function range(min: number): v.Schema<[number, number]> {
  const base = v.array(v.number({ min }), { minItems: 2, maxItems: 2 });
  const checked = v.refine(base, (value, path, issues) => {
    if (value[0] > value[1]) issues.push({ path: path || 'config', message: `expected [min, max] with min ≤ max, got [${value[0]}, ${value[1]}]` });
  });
  return { ...(checked as unknown as v.Schema<[number, number]>), expected: `[min, max] with ${min} ≤ min ≤ max` };
}

const at = v.describe(v.number({ min: 0 }), 'Simulated time in ms.');
const nodeRef = raftNodeId;

const actionSchema = v.tagged<RaftAction>('type', {
  crash: v.object({ at, type: v.oneOf(['crash'] as const), node: nodeRef }, { name: '{ at, type: "crash", node }' }),
  restart: v.object({ at, type: v.oneOf(['restart'] as const), node: nodeRef }, { name: '{ at, type: "restart", node }' }),
  partition: v.object(
    { at, type: v.oneOf(['partition'] as const), groups: v.describe(v.array(v.array(nodeRef, { minItems: 1 })), 'Groups of node ids; a message crosses only within a group; an unlisted node is isolated.') },
    { name: '{ at, type: "partition", groups }' },
  ),
  heal: v.object({ at, type: v.oneOf(['heal'] as const) }, { name: '{ at, type: "heal" }' }),
  request: v.object(
    {
      at,
      type: v.oneOf(['request'] as const),
      command: v.string({ minLength: 1, maxLength: 100 }),
      to: v.optional(v.describe(nodeRef, 'The node the client contacts (default: the leader, if any).')),
    },
    { name: '{ at, type: "request", command, to? }' },
  ),
  'drop-rate': v.object({ at, type: v.oneOf(['drop-rate'] as const), rate: v.number({ min: 0, max: 1 }) }, { name: '{ at, type: "drop-rate", rate }' }),
  skew: v.object(
    { at, type: v.oneOf(['skew'] as const), node: nodeRef, factor: v.describe(v.number({ min: 0.1, max: 10 }), 'Timer rate factor: 1.2 = timers fire 20% later.') },
    { name: '{ at, type: "skew", node, factor }' },
  ),
});

const rawSchema = v.object({
  nodes: v.describe(
    v.union(
      v.number({ integer: true, min: RAFT_MIN_NODES, max: RAFT_MAX_NODES }),
      v.array(raftNodeId, { minItems: RAFT_MIN_NODES, maxItems: RAFT_MAX_NODES, uniqueBy: v.idKey, uniqueName: 'node id' }),
    ),
    `A node count (${RAFT_MIN_NODES}–${RAFT_MAX_NODES}, ids S1…Sn) or the node ids.`,
  ),
  seed: v.optional(v.describe(v.union(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), v.string({ maxLength: 100 })), 'Seed for timeouts, latencies and drops.'), 1),
  electionTimeout: v.optional(v.describe(range(1), 'Election timeout range in ms.'), [150, 300]),
  heartbeat: v.optional(v.describe(v.number({ min: 1 }), 'Heartbeat interval in ms.'), 50),
  latency: v.optional(v.describe(range(0), 'One-way message latency range in ms.'), [10, 30]),
  dropRate: v.optional(v.describe(v.number({ min: 0, max: 1 }), 'Probability that a message is lost.'), 0),
  duration: v.optional(v.describe(v.number({ min: 1, max: 600_000 }), 'Length of the timeline in ms.'), 10_000),
  variant: v.optional(v.describe(v.oneOf(['correct', 'commit-old-term', 'no-log-check'] as const), 'Figure 2, or a deliberately broken rule.'), 'correct'),
  backoff: v.optional(v.describe(v.oneOf(['decrement', 'conflict-term'] as const), 'How a leader backs nextIndex off after a rejection.'), 'decrement'),
  events: v.optional(v.describe(v.array(actionSchema, { maxItems: 2000 }), 'Faults and client requests.'), []),
  narration: v.optional(
    v.describe(v.array(v.object({ at, text: v.string({ minLength: 1, maxLength: 500 }) }, { name: '{ at, text }' }), { maxItems: 1000 }), 'Captions shown at their times.'),
    [],
  ),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name of the figure.')),
});

function stableByAt<T extends { at: number }>(items: readonly T[]): number[] {
  return items.map((_, i) => i).sort((a, b) => items[a].at - items[b].at || a - b);
}

/** Validates a Raft scenario, fills defaults, sorts events and narration stably by `at`. */
export const raftScenarioSchema: v.Schema<RaftScenario> = {
  expected: rawSchema.expected,
  spec: rawSchema.spec,
  kind: 'object',
  check(input, path, issues) {
    const raw = rawSchema.check(input, path, issues);
    if (!raw) return undefined;
    const ids = typeof raw.nodes === 'number' ? Array.from({ length: raw.nodes }, (_, i) => `S${i + 1}`) : raw.nodes.slice();
    const known = new Set(ids);
    const list = ids.join(', ');
    const before = issues.length;
    const evPath = v.joinPath(path, 'events');
    const notNode = (id: string, p: string) => issues.push({ path: p, message: `${JSON.stringify(id)} is not a node (nodes: ${list})` });
    const order = stableByAt(raw.events);
    const crashed = new Set<string>();
    for (const i of order) {
      const e = raw.events[i];
      const p = v.joinPath(evPath, i);
      switch (e.type) {
        case 'crash':
        case 'restart':
        case 'skew': {
          const np = v.joinPath(p, 'node');
          if (!known.has(e.node)) notNode(e.node, np);
          else if (e.type === 'crash') {
            if (crashed.has(e.node)) issues.push({ path: np, message: `${JSON.stringify(e.node)} is already crashed at ${e.at} ms` });
            crashed.add(e.node);
          } else if (e.type === 'restart') {
            if (!crashed.has(e.node)) issues.push({ path: np, message: `${JSON.stringify(e.node)} is not crashed at ${e.at} ms (a restart needs an earlier crash)` });
            crashed.delete(e.node);
          }
          break;
        }
        case 'request':
          if (e.to !== undefined && !known.has(e.to)) notNode(e.to, v.joinPath(p, 'to'));
          break;
        case 'partition': {
          const seen = new Map<string, string>();
          e.groups.forEach((group, g) =>
            group.forEach((id, k) => {
              const gp = v.joinPath(v.joinPath(v.joinPath(p, 'groups'), g), k);
              if (!known.has(id)) notNode(id, gp);
              else if (seen.has(id)) issues.push({ path: gp, message: `${JSON.stringify(id)} is in two groups (also at ${seen.get(id)})` });
              else seen.set(id, gp);
            }),
          );
          break;
        }
        default:
          break;
      }
    }
    if (issues.length > before) return undefined;
    const out: RaftScenario = {
      nodes: ids,
      seed: raw.seed,
      electionTimeout: [raw.electionTimeout[0], raw.electionTimeout[1]],
      heartbeat: raw.heartbeat,
      latency: [raw.latency[0], raw.latency[1]],
      dropRate: raw.dropRate,
      duration: raw.duration,
      variant: raw.variant,
      backoff: raw.backoff,
      events: order.map((i) => cloneAction(raw.events[i])),
      narration: stableByAt(raw.narration).map((i) => ({ at: raw.narration[i].at, text: raw.narration[i].text })),
    };
    if (raw.title !== undefined) out.title = raw.title;
    return out;
  },
};

function cloneAction(a: RaftAction): RaftAction {
  return a.type === 'partition' ? { at: a.at, type: 'partition', groups: a.groups.map((g) => g.slice()) } : { ...a };
}

export class RaftScenarioError extends Error {
  constructor(readonly issues: v.ConfigIssue[]) {
    super(`invalid Raft scenario:\n${issues.map(v.formatIssue).join('\n')}`);
    this.name = 'RaftScenarioError';
  }
}

/** Validates a scenario; throws `RaftScenarioError` (with located issues) when it is invalid. */
export function parseRaftScenario(input: unknown): RaftScenario {
  const r = v.parse(raftScenarioSchema, input);
  if (!r.ok) throw new RaftScenarioError(r.issues);
  return r.value;
}

// ───────────────────────────── internals ─────────────────────────────

const DELIVER = 0;
const ELECTION = 1;
const HEARTBEAT = 2;
const ACTION = 3;
const NARRATION = 4;

interface Flight {
  id: number;
  from: number;
  to: number;
  msg: RaftMessage;
  sentAt: number;
  lost: boolean;
}

interface QItem {
  t: number;
  /** 0: protocol events, 1: scenario actions and narration (after protocol events at the same t). */
  p: number;
  seq: number;
  kind: number;
  node: number;
  gen: number;
  flight: Flight | null;
  action: RaftAction | null;
  text: string | null;
}

function before(a: QItem, b: QItem): boolean {
  return a.t < b.t || (a.t === b.t && (a.p < b.p || (a.p === b.p && a.seq < b.seq)));
}

class Queue {
  items: QItem[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: QItem): void {
    const h = this.items;
    let i = h.length;
    h.push(x);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(x, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = x;
  }
  peek(): QItem | undefined {
    return this.items[0];
  }
  pop(): QItem | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r], h[l]) ? r : l;
      if (!before(h[c], last)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
    return top;
  }
}

const EMPTY: readonly RaftLogEntry[] = Object.freeze([]);

class NodeState implements RaftNode {
  role: RaftRole = 'follower';
  term = 0;
  votedFor: string | null = null;
  log: RaftLogEntry[] = [];
  /** pids[i]: interned id of log[0..i] (the whole prefix), for the Log Matching check. */
  pids: number[] = [];
  commitIndex = 0;
  alive = true;
  electionDeadline = Infinity;
  heartbeatDeadline = Infinity;
  leaderId: string | null = null;
  skew = 1;
  votes: boolean[];
  voteCount = 0;
  next: number[];
  match: number[];
  electionGen = 0;
  /** Time of this node's live election item in the queue, or -1. */
  electionPending = -1;
  heartbeatGen = 0;
  timerRng: Rng;
  netRng: Rng;

  constructor(
    readonly id: string,
    readonly index: number,
    private readonly ids: readonly string[],
    seed: number,
  ) {
    const n = ids.length;
    this.votes = new Array<boolean>(n).fill(false);
    this.next = new Array<number>(n).fill(1);
    this.match = new Array<number>(n).fill(0);
    this.timerRng = createRng(stringSeed(`${seed}/${id}/timers`));
    this.netRng = createRng(stringSeed(`${seed}/${id}/net`));
  }

  get lastIndex(): number {
    return this.log.length;
  }
  get lastTerm(): number {
    return this.log.length ? this.log[this.log.length - 1].term : 0;
  }
  get votesReceived(): string[] {
    return this.role === 'follower' ? [] : this.ids.filter((_, i) => this.votes[i]);
  }
  get nextIndex(): Record<string, number> {
    const out: Record<string, number> = {};
    if (this.role === 'leader') this.ids.forEach((id, i) => i !== this.index && (out[id] = this.next[i]));
    return out;
  }
  get matchIndex(): Record<string, number> {
    const out: Record<string, number> = {};
    if (this.role === 'leader') this.ids.forEach((id, i) => i !== this.index && (out[id] = this.match[i]));
    return out;
  }
}

interface NodeSnap {
  role: RaftRole;
  term: number;
  votedFor: string | null;
  log: RaftLogEntry[];
  pids: number[];
  commitIndex: number;
  alive: boolean;
  electionDeadline: number;
  heartbeatDeadline: number;
  leaderId: string | null;
  skew: number;
  votes: boolean[];
  voteCount: number;
  next: number[];
  match: number[];
  electionGen: number;
  electionPending: number;
  heartbeatGen: number;
  timer: number;
  net: number;
}

interface CheckpointData extends RaftCheckpoint {
  owner: RaftSimulation;
  seq: number;
  msgId: number;
  dropRate: number;
  groups: number[];
  queue: QItem[];
  nodes: NodeSnap[];
  violationCount: number;
  injectedCount: number;
  termLeader: Map<number, string>;
  committed: Map<number, Committed>;
  registry: Map<string, number[]>;
  reported: Set<string>;
}

interface Committed {
  term: number;
  command: string;
  /** The term of the node that first applied it (the committing leader's term). */
  commitTerm: number;
  node: string;
}

// ───────────────────────────── the simulation ─────────────────────────────

export class RaftSimulation {
  readonly scenario: RaftScenario;
  private _now = 0;
  private readonly _nodes: NodeState[];
  private readonly _events: RaftEvent[] = [];
  private readonly _violations: RaftViolation[] = [];
  private readonly queue = new Queue();
  private seq = 0;
  private msgId = 0;
  private dropRate: number;
  private groups: number[];
  private readonly majority: number;
  private readonly injected: RaftAction[] = [];
  private readonly checkpointEvery: number;
  private nextCheckpoint: number;
  private readonly autoCheckpoints: CheckpointData[] = [];
  // invariant checker
  private termLeader = new Map<number, string>();
  private committed = new Map<number, Committed>();
  /** `index:term` → [prefix id, count, prefix id, count, …] of the logs holding that entry now. */
  private registry = new Map<string, number[]>();
  private readonly intern = new Map<string, number>();
  private reported = new Set<string>();

  constructor(scenario: RaftScenarioInput | RaftScenario, options: RaftSimulationOptions = {}) {
    this.scenario = parseRaftScenario(scenario);
    const sc = this.scenario;
    const seed = seedToInt(sc.seed);
    this._nodes = sc.nodes.map((id, i) => new NodeState(id, i, sc.nodes, seed));
    this.majority = Math.floor(sc.nodes.length / 2) + 1;
    this.dropRate = sc.dropRate;
    this.groups = sc.nodes.map(() => 0);
    this.checkpointEvery = options.checkpointEvery ?? 1000;
    this.nextCheckpoint = this.checkpointEvery > 0 ? this.checkpointEvery : Infinity;
    for (const a of sc.events) this.pushItem(a.at, 1, ACTION, -1, 0, null, a, null);
    for (const n of sc.narration) this.pushItem(n.at, 1, NARRATION, -1, 0, null, null, n.text);
    for (const n of this._nodes) this.armElection(n);
    // The initial state is always kept, so `seek` backwards works even without periodic checkpoints.
    this.autoCheckpoints.push(this.snapshot());
  }

  /** A fresh simulation of `scenario` run to time `t`. */
  static at(scenario: RaftScenarioInput | RaftScenario, t: number): RaftSimulation {
    return new RaftSimulation(scenario, { checkpointEvery: 0 }).runUntil(t);
  }

  /** Simulated time in ms. */
  get now(): number {
    return this._now;
  }
  get nodes(): readonly RaftNode[] {
    return this._nodes;
  }
  /** Everything that happened, in order (append-only, except that `restore`/`seek` back truncate it). */
  get events(): readonly RaftEvent[] {
    return this._events;
  }
  get violations(): readonly RaftViolation[] {
    return this._violations;
  }
  get variant(): RaftVariant {
    return this.scenario.variant;
  }

  node(id: string): RaftNode {
    const n = this._nodes.find((x) => x.id === id);
    if (!n) throw new RangeError(`no node ${JSON.stringify(id)}`);
    return n;
  }

  /** The alive leader with the highest term, or null. */
  leader(): RaftNode | null {
    return this.currentLeader();
  }

  /** Messages sent and not yet delivered or dropped, by arrival time. */
  messagesInFlight(): RaftMessageInFlight[] {
    const out: RaftMessageInFlight[] = [];
    for (const item of this.queue.items) {
      const f = item.flight;
      if (item.kind !== DELIVER || !f) continue;
      out.push({ id: f.id, from: this._nodes[f.from].id, to: this._nodes[f.to].id, msg: f.msg, sentAt: f.sentAt, arrival: item.t, lost: f.lost });
    }
    return out.sort((a, b) => a.arrival - b.arrival || a.id - b.id);
  }

  /** The scenario with the actions injected so far added (at their times); replaying it reproduces this run. */
  toScenario(): RaftScenario {
    const events = [...this.scenario.events, ...this.injected];
    const order = stableByAt(events);
    return { ...this.scenario, events: order.map((i) => cloneAction(events[i])), narration: this.scenario.narration.map((n) => ({ ...n })) };
  }

  /** Process every event up to and including time `ms`, then set `now = ms` (never moves backwards; see `seek`). */
  runUntil(ms: number): this {
    const q = this.queue;
    for (;;) {
      const top = q.peek();
      if (!top || top.t > ms) break;
      this.processNext();
    }
    if (ms > this._now) this._now = ms;
    return this;
  }

  /** Run to the end of the scenario's `duration`. */
  run(): this {
    return this.runUntil(this.scenario.duration);
  }

  /**
   * Process queued events until one produces something; returns the first event it recorded (the
   * rest follow it in `events`), or null when nothing is left to happen.
   */
  step(): RaftEvent | null {
    while (this.queue.size) {
      const count = this._events.length;
      this.processNext();
      if (this._events.length > count) return this._events[count];
    }
    return null;
  }

  /** Go to time `t`, backwards too (restores the latest automatic checkpoint at or before t and replays). */
  seek(time: number): this {
    const t = Math.max(0, time);
    if (t >= this._now) return this.runUntil(t);
    let best: CheckpointData | undefined;
    for (const cp of this.autoCheckpoints) if (cp.now <= t && (!best || cp.now >= best.now)) best = cp;
    this.restore(best!);
    return this.runUntil(t);
  }

  /**
   * Apply an action now. Returns the first event it recorded, or null when it does not apply (restart
   * of a live node, crash of a crashed one). Throws a RangeError for an unknown node or a malformed action.
   */
  inject(input: RaftActionInput): RaftEvent | null {
    const action = this.validateAction(input);
    const n = 'node' in action ? this.nodeState(action.node) : null;
    if (action.type === 'crash' && !n!.alive) return null;
    if (action.type === 'restart' && n!.alive) return null;
    this.injected.push(action);
    // Checkpoints after this instant describe a future without this action.
    for (let i = this.autoCheckpoints.length - 1; i >= 0; i--) if (this.autoCheckpoints[i].now > action.at) this.autoCheckpoints.splice(i, 1);
    const count = this._events.length;
    this.applyAction(action);
    return this._events.length > count ? this._events[count] : null;
  }

  /** A snapshot of the whole state (cheap: log entries are immutable and shared). */
  checkpoint(): RaftCheckpoint {
    return this.snapshot();
  }

  /** Return to a checkpoint of this simulation; later events are removed from `events`. */
  restore(checkpoint: RaftCheckpoint): this {
    const cp = checkpoint as CheckpointData;
    if (cp.owner !== this) throw new Error('this checkpoint belongs to another simulation');
    for (let i = cp.injectedCount; i < this.injected.length; i++)
      if (this.injected[i].at < cp.now) throw new Error('this checkpoint predates an action injected before its time; it no longer describes this timeline');
    this._now = cp.now;
    this.seq = cp.seq;
    this.msgId = cp.msgId;
    this.dropRate = cp.dropRate;
    this.groups = cp.groups.slice();
    this.queue.items = cp.queue.slice();
    this._nodes.forEach((n, i) => {
      const s = cp.nodes[i];
      n.role = s.role;
      n.term = s.term;
      n.votedFor = s.votedFor;
      n.log = s.log.slice();
      n.pids = s.pids.slice();
      n.commitIndex = s.commitIndex;
      n.alive = s.alive;
      n.electionDeadline = s.electionDeadline;
      n.heartbeatDeadline = s.heartbeatDeadline;
      n.leaderId = s.leaderId;
      n.skew = s.skew;
      n.votes = s.votes.slice();
      n.voteCount = s.voteCount;
      n.next = s.next.slice();
      n.match = s.match.slice();
      n.electionGen = s.electionGen;
      n.electionPending = s.electionPending;
      n.heartbeatGen = s.heartbeatGen;
      n.timerRng = createRng(s.timer);
      n.netRng = createRng(s.net);
    });
    this._events.length = cp.eventCount;
    this._violations.length = cp.violationCount;
    this.termLeader = new Map(cp.termLeader);
    this.committed = new Map(cp.committed);
    this.registry = new Map([...cp.registry].map(([k, arr]) => [k, arr.slice()]));
    this.reported = new Set(cp.reported);
    for (let i = cp.injectedCount; i < this.injected.length; i++) this.pushItem(this.injected[i].at, 1, ACTION, -1, 0, null, this.injected[i], null);
    this.nextCheckpoint = this.checkpointEvery > 0 ? Math.ceil(cp.now / this.checkpointEvery) * this.checkpointEvery : Infinity;
    return this;
  }

  // ─────────────── event loop ───────────────

  private pushItem(t: number, p: number, kind: number, node: number, gen: number, flight: Flight | null, action: RaftAction | null, text: string | null): void {
    this.queue.push({ t, p, seq: this.seq++, kind, node, gen, flight, action, text });
  }

  private processNext(): void {
    const top = this.queue.peek()!;
    if (top.t > this.nextCheckpoint) {
      // Everything up to now has happened and nothing before top.t: a valid point to resume from.
      this._now = Math.max(this._now, this.nextCheckpoint);
      if (!this.autoCheckpoints.some((c) => c.now === this._now)) {
        this.autoCheckpoints.push(this.snapshot());
        this.autoCheckpoints.sort((a, b) => a.now - b.now);
      }
      this.nextCheckpoint = Math.ceil(top.t / this.checkpointEvery) * this.checkpointEvery;
    }
    const item = this.queue.pop()!;
    this._now = item.t;
    switch (item.kind) {
      case DELIVER:
        this.deliver(item.flight!);
        break;
      case ELECTION:
        this.electionItem(item);
        break;
      case HEARTBEAT: {
        const n = this._nodes[item.node];
        if (item.gen === n.heartbeatGen && n.alive && n.role === 'leader') {
          this.broadcastAppend(n);
          this.armHeartbeat(n);
        }
        break;
      }
      case ACTION:
        this.applyAction(item.action!);
        break;
      case NARRATION:
        this.emit({ t: this._now, type: 'narration', text: item.text! });
        break;
    }
  }

  private emit(e: RaftEvent): number {
    return this._events.push(e) - 1;
  }

  // ─────────────── timers ───────────────

  private armElection(n: NodeState): void {
    const [min, max] = this.scenario.electionTimeout;
    const deadline = this._now + n.timerRng.range(min, max) * n.skew;
    n.electionDeadline = deadline;
    // A live queue item that fires no later than the new deadline re-queues itself when it pops.
    if (n.electionPending >= 0 && n.electionPending <= deadline) return;
    n.electionGen++;
    n.electionPending = deadline;
    this.pushItem(deadline, 0, ELECTION, n.index, n.electionGen, null, null, null);
  }

  private cancelElection(n: NodeState): void {
    n.electionGen++;
    n.electionPending = -1;
    n.electionDeadline = Infinity;
  }

  private electionItem(item: QItem): void {
    const n = this._nodes[item.node];
    if (item.gen !== n.electionGen || !n.alive) return;
    if (n.electionDeadline > item.t) {
      n.electionPending = n.electionDeadline;
      this.pushItem(n.electionDeadline, 0, ELECTION, n.index, n.electionGen, null, null, null);
      return;
    }
    n.electionPending = -1;
    if (n.role !== 'leader') this.startElection(n);
  }

  private armHeartbeat(n: NodeState): void {
    n.heartbeatGen++;
    n.heartbeatDeadline = this._now + this.scenario.heartbeat * n.skew;
    this.pushItem(n.heartbeatDeadline, 0, HEARTBEAT, n.index, n.heartbeatGen, null, null, null);
  }

  private cancelHeartbeat(n: NodeState): void {
    n.heartbeatGen++;
    n.heartbeatDeadline = Infinity;
  }

  // ─────────────── roles and terms ───────────────

  private setTerm(n: NodeState, term: number): void {
    if (term <= n.term) return;
    const previous = n.term;
    n.term = term;
    n.votedFor = null;
    n.leaderId = null;
    this.emit({ t: this._now, type: 'term', node: n.id, term, previous });
  }

  private setRole(n: NodeState, role: RaftRole): number {
    const previous = n.role;
    if (previous === role) return -1;
    if (previous === 'leader') {
      this.cancelHeartbeat(n);
      this.armElection(n);
    }
    n.role = role;
    if (role === 'follower') {
      n.votes.fill(false);
      n.voteCount = 0;
    }
    return this.emit({ t: this._now, type: 'role', node: n.id, role, previous, term: n.term });
  }

  /** Adopt a higher term from any message and fall back to follower. */
  private observeTerm(n: NodeState, term: number): void {
    if (term <= n.term) return;
    this.setTerm(n, term);
    this.setRole(n, 'follower');
  }

  private startElection(n: NodeState): void {
    this.emit({ t: this._now, type: 'timeout', node: n.id, term: n.term + 1 });
    this.setTerm(n, n.term + 1);
    this.setRole(n, 'candidate');
    n.votedFor = n.id;
    n.votes.fill(false);
    n.votes[n.index] = true;
    n.voteCount = 1;
    this.armElection(n);
    if (n.voteCount >= this.majority) {
      this.becomeLeader(n);
      return;
    }
    const msg: RequestVoteMessage = { type: 'RequestVote', term: n.term, candidateId: n.id, lastLogIndex: n.lastIndex, lastLogTerm: n.lastTerm };
    for (let i = 0; i < this._nodes.length; i++) if (i !== n.index) this.send(n, i, msg);
  }

  private becomeLeader(n: NodeState): void {
    this.cancelElection(n);
    const idx = this.setRole(n, 'leader');
    n.leaderId = n.id;
    n.next.fill(n.lastIndex + 1);
    n.match.fill(0);
    n.match[n.index] = n.lastIndex;
    this.checkNewLeader(n, idx);
    this.broadcastAppend(n);
    this.armHeartbeat(n);
  }

  // ─────────────── network ───────────────

  private send(from: NodeState, to: number, msg: RaftMessage): void {
    const [min, max] = this.scenario.latency;
    const latency = from.netRng.range(min, max);
    const lost = this.dropRate > 0 && from.netRng.next() < this.dropRate;
    const id = ++this.msgId;
    const arrival = this._now + latency;
    const flight: Flight = { id, from: from.index, to, msg, sentAt: this._now, lost };
    this.emit({ t: this._now, type: 'send', id, from: from.id, to: this._nodes[to].id, msg, arrival });
    this.pushItem(arrival, 0, DELIVER, to, 0, flight, null, null);
  }

  private deliver(f: Flight): void {
    const to = this._nodes[f.to];
    const from = this._nodes[f.from];
    const reason: RaftDropReason | null = !to.alive ? 'crashed' : this.groups[f.from] !== this.groups[f.to] ? 'partition' : f.lost ? 'random' : null;
    if (reason) {
      this.emit({ t: this._now, type: 'drop', id: f.id, from: from.id, to: to.id, msg: f.msg, sentAt: f.sentAt, reason });
      return;
    }
    this.emit({ t: this._now, type: 'deliver', id: f.id, from: from.id, to: to.id, msg: f.msg, sentAt: f.sentAt });
    const m = f.msg;
    switch (m.type) {
      case 'RequestVote':
        return this.onRequestVote(to, from, m);
      case 'RequestVoteResponse':
        return this.onVoteResponse(to, from, m);
      case 'AppendEntries':
        return this.onAppendEntries(to, from, m);
      case 'AppendEntriesResponse':
        return this.onAppendResponse(to, from, m);
    }
  }

  // ─────────────── RPC handlers (Figure 2) ───────────────

  private onRequestVote(n: NodeState, c: NodeState, m: RequestVoteMessage): void {
    this.observeTerm(n, m.term);
    let grant = m.term === n.term && (n.votedFor === null || n.votedFor === m.candidateId);
    if (grant && this.scenario.variant !== 'no-log-check') {
      const lt = n.lastTerm;
      grant = m.lastLogTerm > lt || (m.lastLogTerm === lt && m.lastLogIndex >= n.lastIndex);
    }
    if (grant) {
      n.votedFor = m.candidateId;
      this.emit({ t: this._now, type: 'vote', node: n.id, candidate: m.candidateId, term: n.term });
      this.armElection(n);
    }
    this.send(n, c.index, { type: 'RequestVoteResponse', term: n.term, voteGranted: grant });
  }

  private onVoteResponse(n: NodeState, from: NodeState, m: RequestVoteResponse): void {
    this.observeTerm(n, m.term);
    if (n.role !== 'candidate' || m.term !== n.term || !m.voteGranted || n.votes[from.index]) return;
    n.votes[from.index] = true;
    n.voteCount++;
    if (n.voteCount >= this.majority) this.becomeLeader(n);
  }

  private onAppendEntries(n: NodeState, l: NodeState, m: AppendEntriesMessage): void {
    if (m.term < n.term) {
      this.emit({ t: this._now, type: 'append-rejected', node: n.id, leader: l.id, term: n.term, reason: 'stale-term', prevLogIndex: m.prevLogIndex });
      this.send(n, l.index, { type: 'AppendEntriesResponse', term: n.term, success: false, prevLogIndex: m.prevLogIndex, matchIndex: 0 });
      return;
    }
    this.setTerm(n, m.term);
    this.setRole(n, 'follower');
    n.leaderId = m.leaderId;
    this.armElection(n);
    const prev = m.prevLogIndex;
    if (prev > n.log.length || (prev > 0 && n.log[prev - 1].term !== m.prevLogTerm)) {
      this.emit({ t: this._now, type: 'append-rejected', node: n.id, leader: l.id, term: n.term, reason: 'log-mismatch', prevLogIndex: prev });
      let resp: AppendEntriesResponse = { type: 'AppendEntriesResponse', term: n.term, success: false, prevLogIndex: prev, matchIndex: 0 };
      if (this.scenario.backoff === 'conflict-term') {
        if (prev > n.log.length) resp = { ...resp, conflictIndex: n.log.length + 1, conflictTerm: 0 };
        else {
          const ct = n.log[prev - 1].term;
          let first = prev;
          while (first > 1 && n.log[first - 2].term === ct) first--;
          resp = { ...resp, conflictIndex: first, conflictTerm: ct };
        }
      }
      this.send(n, l.index, resp);
      return;
    }
    const entries = m.entries;
    let k = 0;
    // Skip entries already present; truncate at the first real conflict.
    for (; k < entries.length; k++) {
      const idx = prev + 1 + k;
      if (idx > n.log.length) break;
      if (n.log[idx - 1].term !== entries[k].term) {
        this.truncate(n, idx);
        break;
      }
    }
    for (; k < entries.length; k++) this.appendEntry(n, entries[k]);
    const matchIndex = prev + entries.length;
    const acceptIdx = this.emit({ t: this._now, type: 'append-accepted', node: n.id, leader: l.id, term: n.term, matchIndex, entries: entries.length });
    this.checkLogMatchingAt(acceptIdx);
    if (m.leaderCommit > n.commitIndex) {
      const c = Math.min(m.leaderCommit, matchIndex);
      if (c > n.commitIndex) this.commit(n, c);
    }
    this.send(n, l.index, { type: 'AppendEntriesResponse', term: n.term, success: true, prevLogIndex: prev, matchIndex });
  }

  private onAppendResponse(n: NodeState, f: NodeState, m: AppendEntriesResponse): void {
    this.observeTerm(n, m.term);
    if (n.role !== 'leader' || m.term !== n.term) return;
    const i = f.index;
    if (m.success) {
      if (m.matchIndex > n.match[i]) {
        n.match[i] = m.matchIndex;
        if (n.next[i] < m.matchIndex + 1) n.next[i] = m.matchIndex + 1;
        this.leaderCommit(n);
        if (n.next[i] <= n.lastIndex) this.sendAppend(n, i);
      }
      return;
    }
    let next = m.prevLogIndex; // decrement: the rejected request had nextIndex = prevLogIndex + 1
    if (this.scenario.backoff === 'conflict-term' && m.conflictIndex !== undefined) {
      next = m.conflictIndex;
      if (m.conflictTerm) {
        for (let j = Math.min(n.lastIndex, m.prevLogIndex); j >= 1; j--) {
          const t = n.log[j - 1].term;
          if (t === m.conflictTerm) {
            next = j + 1;
            break;
          }
          if (t < m.conflictTerm) break;
        }
      }
      if (next > m.prevLogIndex) next = m.prevLogIndex;
    }
    next = Math.max(next, n.match[i] + 1, 1);
    if (next < n.next[i]) {
      n.next[i] = next;
      this.sendAppend(n, i);
    }
  }

  private broadcastAppend(n: NodeState): void {
    for (let i = 0; i < this._nodes.length; i++) if (i !== n.index) this.sendAppend(n, i);
  }

  private sendAppend(n: NodeState, i: number): void {
    const prev = n.next[i] - 1;
    const entries = n.log.length > prev ? n.log.slice(prev, prev + RAFT_MAX_BATCH) : EMPTY;
    this.send(n, i, {
      type: 'AppendEntries',
      term: n.term,
      leaderId: n.id,
      prevLogIndex: prev,
      prevLogTerm: prev > 0 ? n.log[prev - 1].term : 0,
      entries,
      leaderCommit: n.commitIndex,
    });
  }

  private leaderCommit(n: NodeState): void {
    const oldTerm = this.scenario.variant === 'commit-old-term';
    for (let N = n.lastIndex; N > n.commitIndex; N--) {
      const t = n.log[N - 1].term;
      if (t !== n.term && !oldTerm) {
        if (t < n.term) break; // terms never decrease along a log
        continue;
      }
      let count = 1;
      for (let i = 0; i < this._nodes.length; i++) if (i !== n.index && n.match[i] >= N) count++;
      if (count >= this.majority) {
        this.commit(n, N);
        return;
      }
    }
  }

  // ─────────────── logs ───────────────

  private appendEntry(n: NodeState, e: RaftLogEntry): void {
    const idx = n.log.length + 1;
    const prevPid = idx > 1 ? n.pids[idx - 2] : 0;
    const key = `${prevPid}\u0000${e.term}\u0000${e.command}`;
    let pid = this.intern.get(key);
    if (pid === undefined) {
      pid = this.intern.size + 1;
      this.intern.set(key, pid);
    }
    n.log.push(e);
    n.pids.push(pid);
    const rk = `${idx}:${e.term}`;
    const arr = this.registry.get(rk);
    if (!arr) this.registry.set(rk, [pid, 1]);
    else {
      let found = false;
      for (let j = 0; j < arr.length; j += 2)
        if (arr[j] === pid) {
          arr[j + 1]++;
          found = true;
        }
      if (!found) {
        arr.push(pid, 1);
        this.pendingLogMatch.push({ node: n, index: idx, term: e.term, pid });
      }
    }
  }

  private pendingLogMatch: { node: NodeState; index: number; term: number; pid: number }[] = [];

  private truncate(n: NodeState, from: number): void {
    const count = n.log.length - from + 1;
    for (let idx = n.log.length; idx >= from; idx--) {
      const rk = `${idx}:${n.log[idx - 1].term}`;
      const arr = this.registry.get(rk)!;
      const pid = n.pids[idx - 1];
      for (let j = 0; j < arr.length; j += 2)
        if (arr[j] === pid) {
          if (--arr[j + 1] === 0) arr.splice(j, 2);
          break;
        }
      if (arr.length === 0) this.registry.delete(rk);
    }
    n.log.length = from - 1;
    n.pids.length = from - 1;
    this.emit({ t: this._now, type: 'truncate', node: n.id, index: from, count, term: n.term });
  }

  private commit(n: NodeState, index: number): void {
    const previous = n.commitIndex;
    n.commitIndex = index;
    const ei = this.emit({ t: this._now, type: 'commit', node: n.id, index, previous, term: n.term });
    for (let i = previous + 1; i <= index; i++) this.checkApply(n, i, ei);
  }

  // ─────────────── actions ───────────────

  private nodeState(id: string): NodeState {
    const n = this._nodes.find((x) => x.id === id);
    if (!n) throw new RangeError(`${JSON.stringify(id)} is not a node (nodes: ${this.scenario.nodes.join(', ')})`);
    return n;
  }

  private validateAction(input: RaftActionInput): RaftAction {
    const issues: v.ConfigIssue[] = [];
    const action = actionSchema.check({ ...input, at: this._now }, 'action', issues);
    if (!action) throw new RangeError(issues.map(v.formatIssue).join('\n'));
    const ids = new Set(this.scenario.nodes);
    const refs = action.type === 'partition' ? action.groups.flat() : action.type === 'request' ? (action.to ? [action.to] : []) : 'node' in action ? [action.node] : [];
    for (const id of refs) if (!ids.has(id)) this.nodeState(id);
    if (action.type === 'partition' && new Set(refs).size !== refs.length) throw new RangeError('action.groups: a node is in two groups');
    return cloneAction(action);
  }

  private currentLeader(): NodeState | null {
    let best: NodeState | null = null;
    for (const n of this._nodes) if (n.alive && n.role === 'leader' && (!best || n.term > best.term)) best = n;
    return best;
  }

  private applyAction(a: RaftAction): void {
    const t = this._now;
    switch (a.type) {
      case 'crash': {
        const n = this.nodeState(a.node);
        if (!n.alive) return;
        n.alive = false;
        this.cancelElection(n);
        this.cancelHeartbeat(n);
        this.emit({ t, type: 'crash', node: n.id });
        return;
      }
      case 'restart': {
        const n = this.nodeState(a.node);
        if (n.alive) return;
        n.alive = true;
        this.emit({ t, type: 'restart', node: n.id });
        n.commitIndex = 0;
        n.leaderId = null;
        n.next.fill(1);
        n.match.fill(0);
        if (n.role !== 'follower') {
          const previous = n.role;
          n.role = 'follower';
          this.emit({ t, type: 'role', node: n.id, role: 'follower', previous, term: n.term });
        }
        n.votes.fill(false);
        n.voteCount = 0;
        this.armElection(n);
        return;
      }
      case 'partition': {
        const groups = this._nodes.map(() => -1);
        a.groups.forEach((g, gi) => g.forEach((id) => (groups[this.nodeState(id).index] = gi)));
        let k = a.groups.length;
        for (let i = 0; i < groups.length; i++) if (groups[i] < 0) groups[i] = k++;
        this.groups = groups;
        const full: string[][] = Array.from({ length: k }, () => []);
        this._nodes.forEach((n, i) => full[groups[i]].push(n.id));
        this.emit({ t, type: 'partition', groups: full });
        return;
      }
      case 'heal':
        this.groups = this._nodes.map(() => 0);
        this.emit({ t, type: 'heal' });
        return;
      case 'drop-rate':
        this.dropRate = a.rate;
        this.emit({ t, type: 'drop-rate', rate: a.rate });
        return;
      case 'skew': {
        const n = this.nodeState(a.node);
        const ratio = a.factor / n.skew;
        n.skew = a.factor;
        this.emit({ t, type: 'skew', node: n.id, factor: a.factor });
        // The running timers keep their elapsed part; the rest runs at the new rate.
        if (n.alive && n.electionDeadline !== Infinity) {
          const deadline = t + (n.electionDeadline - t) * ratio;
          n.electionDeadline = deadline;
          if (n.electionPending < 0 || n.electionPending > deadline) {
            n.electionGen++;
            n.electionPending = deadline;
            this.pushItem(deadline, 0, ELECTION, n.index, n.electionGen, null, null, null);
          }
        }
        if (n.alive && n.heartbeatDeadline !== Infinity) {
          n.heartbeatGen++;
          n.heartbeatDeadline = t + (n.heartbeatDeadline - t) * ratio;
          this.pushItem(n.heartbeatDeadline, 0, HEARTBEAT, n.index, n.heartbeatGen, null, null, null);
        }
        return;
      }
      case 'request':
        return this.request(a.command, a.to);
    }
  }

  private request(command: string, to: string | undefined): void {
    const t = this._now;
    let n: NodeState | null;
    if (to === undefined) {
      n = this.currentLeader();
      if (!n) {
        this.emit({ t, type: 'request', command });
        this.emit({ t, type: 'refuse', command, reason: 'no-leader' });
        return;
      }
    } else n = this.nodeState(to);
    this.emit({ t, type: 'request', node: n.id, command });
    if (!n.alive) {
      this.emit({ t, type: 'refuse', node: n.id, command, reason: 'crashed' });
      return;
    }
    if (n.role !== 'leader') {
      if (!n.leaderId) {
        this.emit({ t, type: 'refuse', node: n.id, command, reason: 'no-leader' });
        return;
      }
      this.emit({ t, type: 'redirect', node: n.id, to: n.leaderId, command });
      n = this.nodeState(n.leaderId);
      if (!n.alive) {
        this.emit({ t, type: 'refuse', node: n.id, command, reason: 'crashed' });
        return;
      }
      if (n.role !== 'leader') {
        this.emit({ t, type: 'refuse', node: n.id, command, reason: 'not-leader' });
        return;
      }
    }
    this.appendEntry(n, { term: n.term, command });
    n.match[n.index] = n.lastIndex;
    const idx = this.emit({ t, type: 'append', node: n.id, index: n.lastIndex, term: n.term, command });
    this.checkLogMatchingAt(idx);
    this.broadcastAppend(n);
  }

  // ─────────────── invariant checker ───────────────

  private violate(invariant: RaftInvariant, key: string, eventIndex: number, message: string, node?: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const t = this._events[eventIndex]?.t ?? this._now;
    this._violations.push({ invariant, t, eventIndex, message });
    this.emit(node === undefined ? { t: this._now, type: 'violation', invariant, message } : { t: this._now, type: 'violation', invariant, message, node });
  }

  /** Log Matching: report entries placed since the last check whose (index, term) now has two different prefixes. */
  private checkLogMatchingAt(eventIndex: number): void {
    const pending = this.pendingLogMatch;
    if (pending.length === 0) return;
    this.pendingLogMatch = [];
    for (const p of pending) {
      const arr = this.registry.get(`${p.index}:${p.term}`);
      if (!arr || arr.length < 4 || p.node.pids[p.index - 1] !== p.pid) continue;
      const other = this._nodes.find((o) => o !== p.node && o.log.length >= p.index && o.log[p.index - 1].term === p.term && o.pids[p.index - 1] !== p.pid);
      if (!other) continue;
      const diff = firstDifference(p.node.log, other.log, p.index);
      this.violate(
        'log-matching',
        `lm:${p.index}:${p.term}`,
        eventIndex,
        `${p.node.id} and ${other.id} both hold an entry at index ${p.index} with term ${p.term}, but their logs differ at index ${diff}`,
        p.node.id,
      );
    }
  }

  private checkNewLeader(n: NodeState, eventIndex: number): void {
    const prev = this.termLeader.get(n.term);
    if (prev !== undefined && prev !== n.id)
      this.violate('election-safety', `es:${n.term}`, eventIndex, `${prev} and ${n.id} were both elected leader of term ${n.term}`, n.id);
    else this.termLeader.set(n.term, n.id);
    for (const [index, c] of this.committed) {
      if (c.commitTerm >= n.term) continue;
      const e = n.log[index - 1];
      if (!e || e.term !== c.term || e.command !== c.command)
        this.violate(
          'leader-completeness',
          `lc:${n.term}:${index}`,
          eventIndex,
          `${n.id} became leader of term ${n.term} without entry ${index} (${JSON.stringify(c.command)}, term ${c.term}), committed in term ${c.commitTerm}`,
          n.id,
        );
    }
  }

  private checkApply(n: NodeState, index: number, eventIndex: number): void {
    const e = n.log[index - 1];
    const c = this.committed.get(index);
    if (!c) {
      this.committed.set(index, { term: e.term, command: e.command, commitTerm: n.term, node: n.id });
      for (const l of this._nodes) {
        if (!l.alive || l.role !== 'leader' || l.term <= n.term) continue;
        const le = l.log[index - 1];
        if (!le || le.term !== e.term || le.command !== e.command)
          this.violate(
            'leader-completeness',
            `lc:${l.term}:${index}`,
            eventIndex,
            `entry ${index} (${JSON.stringify(e.command)}, term ${e.term}) was committed in term ${n.term}, but ${l.id}, leader of term ${l.term}, lacks it`,
            l.id,
          );
      }
      return;
    }
    if (c.term !== e.term || c.command !== e.command)
      this.violate(
        'state-machine-safety',
        `sms:${index}`,
        eventIndex,
        `${n.id} applied ${JSON.stringify(e.command)} (term ${e.term}) at index ${index}, but ${c.node} applied ${JSON.stringify(c.command)} (term ${c.term}) there`,
        n.id,
      );
  }

  // ─────────────── checkpoints ───────────────

  private snapshot(): CheckpointData {
    return {
      owner: this,
      now: this._now,
      eventCount: this._events.length,
      seq: this.seq,
      msgId: this.msgId,
      dropRate: this.dropRate,
      groups: this.groups.slice(),
      queue: this.queue.items.slice(),
      nodes: this._nodes.map((n) => ({
        role: n.role,
        term: n.term,
        votedFor: n.votedFor,
        log: n.log.slice(),
        pids: n.pids.slice(),
        commitIndex: n.commitIndex,
        alive: n.alive,
        electionDeadline: n.electionDeadline,
        heartbeatDeadline: n.heartbeatDeadline,
        leaderId: n.leaderId,
        skew: n.skew,
        votes: n.votes.slice(),
        voteCount: n.voteCount,
        next: n.next.slice(),
        match: n.match.slice(),
        electionGen: n.electionGen,
        electionPending: n.electionPending,
        heartbeatGen: n.heartbeatGen,
        timer: n.timerRng.state,
        net: n.netRng.state,
      })),
      violationCount: this._violations.length,
      injectedCount: this.injected.length,
      termLeader: new Map(this.termLeader),
      committed: new Map(this.committed),
      registry: new Map([...this.registry].map(([k, arr]) => [k, arr.slice()])),
      reported: new Set(this.reported),
    };
  }
}

function firstDifference(a: readonly RaftLogEntry[], b: readonly RaftLogEntry[], upTo: number): number {
  for (let i = 0; i < upTo; i++) if (a[i].term !== b[i].term || a[i].command !== b[i].command) return i + 1;
  return upTo;
}
