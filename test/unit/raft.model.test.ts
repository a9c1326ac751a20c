import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssue, parse } from '../../src/core/validate.js';
import { SCENARIOS } from '../../src/components/raft-timeline/scenarios.js';
import {
  RaftScenarioError,
  RaftSimulation,
  parseRaftScenario,
  raftScenarioSchema,
  type RaftAction,
  type RaftEvent,
  type RaftNode,
  type RaftScenarioInput,
} from '../../src/components/raft-timeline/model.js';

// ───────────────────────────── helpers ─────────────────────────────

const messages = (input: unknown): string[] => {
  const r = parse(raftScenarioSchema, input);
  return r.ok ? [] : r.issues.map(formatIssue);
};

const of = <T extends RaftEvent['type']>(events: readonly RaftEvent[], type: T) => events.filter((e): e is Extract<RaftEvent, { type: T }> => e.type === type);

const leaders = (events: readonly RaftEvent[]) => of(events, 'role').filter((e) => e.role === 'leader');

/** Commands a node has applied (its log up to commitIndex). */
const applied = (n: RaftNode) => n.log.slice(0, n.commitIndex).map((e) => e.command);

const FAULT_END = 1500;
/** `RAFT_SOAK=20 npx vitest run test/unit/raft.model.test.ts` multiplies the property runs for a deeper soak. */
const SOAK = Math.max(1, Number(process.env.RAFT_SOAK) || 1);

/** One random fault, as fast-check generates it; `toScenario` turns a list of them into valid events. */
const faultArb = fc.record({
  at: fc.integer({ min: 0, max: FAULT_END - 1 }),
  kind: fc.constantFrom('toggle', 'toggle', 'toggle', 'partition', 'heal', 'drop-rate', 'skew', 'request', 'request'),
  node: fc.nat({ max: 8 }),
  groups: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 9, maxLength: 9 }),
  rate: fc.integer({ min: 0, max: 40 }),
  factor: fc.integer({ min: 70, max: 140 }),
  addressed: fc.boolean(),
});
type Fault = typeof faultArb extends fc.Arbitrary<infer T> ? T : never;

const runArb = fc.record({
  nodes: fc.integer({ min: 3, max: 9 }),
  seed: fc.nat(),
  faults: fc.array(faultArb, { minLength: 2, maxLength: 18 }),
  backoff: fc.constantFrom('decrement' as const, 'conflict-term' as const),
  dropRate: fc.constantFrom(0, 0, 0.1),
});

/**
 * A valid scenario from random faults: crashes and restarts alternate per node (a "toggle"), and at
 * FAULT_END every fault is healed — all crashed nodes restart, partitions heal, the drop rate goes to 0.
 * Skews stay (0.7–1.4): they are not faults.
 */
function toScenario(run: { nodes: number; seed: number; faults: Fault[]; backoff: 'decrement' | 'conflict-term'; dropRate: number }, healAll = true): RaftScenarioInput {
  const ids = Array.from({ length: run.nodes }, (_, i) => `S${i + 1}`);
  const crashed = new Set<string>();
  const events: RaftAction[] = [];
  let c = 0;
  for (const f of [...run.faults].sort((a, b) => a.at - b.at)) {
    const node = ids[f.node % ids.length];
    switch (f.kind) {
      case 'toggle':
        events.push({ at: f.at, type: crashed.has(node) ? 'restart' : 'crash', node });
        if (crashed.has(node)) crashed.delete(node);
        else crashed.add(node);
        break;
      case 'partition': {
        const groups: string[][] = [[], [], []];
        ids.forEach((id, i) => f.groups[i] >= 0 && groups[f.groups[i]].push(id));
        events.push({ at: f.at, type: 'partition', groups: groups.filter((g) => g.length) });
        break;
      }
      case 'heal':
        events.push({ at: f.at, type: 'heal' });
        break;
      case 'drop-rate':
        events.push({ at: f.at, type: 'drop-rate', rate: f.rate / 100 });
        break;
      case 'skew':
        events.push({ at: f.at, type: 'skew', node, factor: f.factor / 100 });
        break;
      case 'request':
        events.push({ at: f.at, type: 'request', command: `c${c++}`, ...(f.addressed ? { to: node } : {}) });
        break;
    }
  }
  if (healAll) {
    events.push({ at: FAULT_END, type: 'heal' }, { at: FAULT_END, type: 'drop-rate', rate: 0 });
    for (const id of crashed) events.push({ at: FAULT_END, type: 'restart', node: id });
  }
  return { nodes: ids, seed: run.seed, backoff: run.backoff, dropRate: run.dropRate, events, duration: FAULT_END + 4500 };
}

// ───────────────────────────── safety and liveness ─────────────────────────────

/*
 * Liveness bound. After the heal at FAULT_END every node is up, connected and loss-free; skews are
 * ≤ 1.4, so an election round lasts at most 300 ms × 1.4 = 420 ms. A round fails only when another
 * node times out within a message round trip (≤ 2 × 30 ms) of the first, or when a node that was
 * isolated comes back with a higher term and forces one more round (there is no PreVote). We allow
 * ~7 rounds: a leader must exist LEADER_BOUND = 3000 ms after the heal. A request then needs the
 * leader's AppendEntries and the replies: one round trip (≤ 60 ms) when logs agree, plus one round
 * trip per back-off step for a follower whose log diverges — at most one per entry, and a run holds at
 * most 19 entries (18 faults and this request), so COMMIT_BOUND = (19 + 1) × 60 ms = 1200 ms. (In
 * exploratory runs of 5 000 random fault schedules the last leader change came ≤ 837 ms after the
 * heal and the request committed within 57 ms.)
 */
const LEADER_BOUND = 3000;
const COMMIT_BOUND = 1200;

describe('the correct variant under random faults', () => {
  it('keeps all four invariants, elects a leader after the heal and commits a new request in bounded time (1000 runs)', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const sim = new RaftSimulation(toScenario(run), { checkpointEvery: 0 });
        sim.runUntil(FAULT_END + LEADER_BOUND);
        expect(sim.violations).toEqual([]);
        const leader = sim.leader();
        expect(leader, 'a leader after the heal').not.toBeNull();
        sim.inject({ type: 'request', command: 'after-heal' });
        const index = leader!.log.length;
        expect(leader!.log[index - 1].command).toBe('after-heal');
        sim.runUntil(FAULT_END + LEADER_BOUND + COMMIT_BOUND);
        expect(leader!.commitIndex, 'the request committed').toBeGreaterThanOrEqual(index);
        expect(leader!.log[index - 1].command).toBe('after-heal');
        expect(sim.violations).toEqual([]);
      }),
      { numRuns: 1000 * SOAK },
    );
  });

  it('keeps all four invariants through long unhealed fault storms (800 runs)', () => {
    const storm = runArb.map((r) => ({ ...r, faults: r.faults.map((f) => ({ ...f, at: f.at * 3 })) }));
    fc.assert(
      fc.property(storm, (run) => {
        const sim = new RaftSimulation({ ...toScenario(run, false), duration: 5000 }, { checkpointEvery: 0 }).run();
        expect(sim.violations).toEqual([]);
        // Committed prefixes agree across nodes (State Machine Safety, seen from the outside).
        const logs = sim.nodes.map(applied);
        for (const a of logs) for (const b of logs) for (let i = 0; i < Math.min(a.length, b.length); i++) expect(a[i]).toBe(b[i]);
      }),
      { numRuns: 800 * SOAK },
    );
  });

  it('the same scenario gives identical events', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const sc = toScenario(run);
        const a = new RaftSimulation(sc).runUntil(3000);
        const b = RaftSimulation.at(sc, 3000);
        expect(b.events).toEqual(a.events);
        expect(b.nodes.map((n) => [n.role, n.term, n.votedFor, n.commitIndex, n.log])).toEqual(a.nodes.map((n) => [n.role, n.term, n.votedFor, n.commitIndex, n.log]));
      }),
      { numRuns: 40 * SOAK },
    );
  });
});

// ───────────────────────────── determinism, seeking, injection ─────────────────────────────

describe('seeking and injection', () => {
  const snapshot = (sim: RaftSimulation) => ({
    now: sim.now,
    events: sim.events.slice(),
    violations: sim.violations.slice(),
    nodes: sim.nodes.map((n) => ({
      id: n.id,
      role: n.role,
      term: n.term,
      votedFor: n.votedFor,
      log: n.log.slice(),
      commitIndex: n.commitIndex,
      alive: n.alive,
      electionDeadline: n.electionDeadline,
      heartbeatDeadline: n.heartbeatDeadline,
      leaderId: n.leaderId,
      skew: n.skew,
      votesReceived: n.votesReceived,
      nextIndex: n.nextIndex,
      matchIndex: n.matchIndex,
    })),
    inFlight: sim.messagesInFlight(),
  });

  it('seek back (automatic checkpoints) and restore give the same state as a fresh replay', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (run, t1, t2) => {
        const sc = toScenario(run);
        const sim = new RaftSimulation(sc).runUntil(Math.max(t1, t2) + 500);
        sim.seek(Math.min(t1, t2));
        expect(snapshot(sim)).toEqual(snapshot(RaftSimulation.at(sc, Math.min(t1, t2))));
        const cp = sim.checkpoint();
        sim.runUntil(4500);
        const end = snapshot(sim);
        sim.restore(cp).runUntil(4500);
        expect(snapshot(sim)).toEqual(end);
      }),
      { numRuns: 40 * SOAK },
    );
  });

  it('step() processes one event at a time and matches runUntil', () => {
    const a = new RaftSimulation(SCENARIOS.logReplication);
    let e: RaftEvent | null;
    while ((e = a.step()) && a.now <= 1500) expect(e.t).toBe(a.now);
    const b = RaftSimulation.at(SCENARIOS.logReplication, a.now);
    expect(a.events).toEqual(b.events.slice(0, a.events.length));
  });

  it('injected actions replay exactly through toScenario(), and survive seeking back', () => {
    const sim = new RaftSimulation(SCENARIOS.leaderElection).runUntil(400);
    expect(sim.inject({ type: 'request', command: 'hello' })?.type).toBe('request');
    sim.runUntil(700);
    expect(sim.inject({ type: 'crash', node: sim.leader()!.id })?.type).toBe('crash');
    sim.runUntil(1500);
    const replay = RaftSimulation.at(sim.toScenario(), 1500);
    expect(replay.events).toEqual(sim.events);
    const end = sim.events.slice();
    sim.seek(500).runUntil(1500);
    expect(sim.events).toEqual(end);
  });

  it('inject() ignores actions that do not apply and rejects unknown nodes', () => {
    const sim = new RaftSimulation(SCENARIOS.leaderElection).runUntil(100);
    expect(sim.inject({ type: 'restart', node: 'S1' })).toBeNull();
    expect(() => sim.inject({ type: 'crash', node: 'S9' })).toThrow(/"S9" is not a node \(nodes: S1, S2, S3, S4, S5\)/);
    expect(() => sim.inject({ type: 'request', command: '' })).toThrow(/command/);
  });

  it('per-node random streams: adding a node does not change the others’ timeouts', () => {
    const first = (n: number) => new RaftSimulation({ nodes: n, seed: 7 }).nodes.slice(0, 3).map((x) => x.electionDeadline);
    expect(first(5)).toEqual(first(3));
    expect(first(9)).toEqual(first(3));
  });
});

// ───────────────────────────── teaching scenarios ─────────────────────────────

describe('teaching scenarios do what they claim', () => {
  it('every scenario is valid and safe except the two broken variants', () => {
    for (const [name, sc] of Object.entries(SCENARIOS)) {
      expect(messages(sc), name).toEqual([]);
      const sim = new RaftSimulation(sc).run();
      if (name === 'figure8' || name === 'noLogCheck') expect(sim.violations.length, name).toBeGreaterThan(0);
      else expect(sim.violations, name).toEqual([]);
    }
  });

  it('leaderElection: five followers elect exactly one leader, whom everyone follows', () => {
    const sim = new RaftSimulation(SCENARIOS.leaderElection).run();
    expect(sim.nodes).toHaveLength(5);
    const won = leaders(sim.events);
    expect(won).toHaveLength(1);
    expect(of(sim.events, 'vote').filter((v) => v.candidate === won[0].node).length).toBeGreaterThanOrEqual(2);
    for (const n of sim.nodes) {
      expect(n.term).toBe(won[0].term);
      expect(n.leaderId).toBe(won[0].node);
    }
  });

  it('leaderCrash: S4 leads, crashes, a new leader with a higher term keeps x=1 and commits x=2; S4 catches up', () => {
    const sc = SCENARIOS.leaderCrash;
    const sim = new RaftSimulation(sc);
    sim.runUntil(999);
    expect(sim.leader()?.id).toBe('S4');
    sim.runUntil(1999);
    const next = sim.leader()!;
    expect(next.id).not.toBe('S4');
    expect(next.term).toBeGreaterThan(1);
    expect(next.log[0].command).toBe('x=1');
    sim.run();
    for (const n of sim.nodes) expect(applied(n)).toEqual(['x=1', 'x=2']);
    expect(sim.node('S4').role).toBe('follower');
  });

  it('logReplication: every command is committed on every node; a follower redirects; the crashed follower catches up', () => {
    const sim = new RaftSimulation(SCENARIOS.logReplication).run();
    for (const n of sim.nodes) expect(applied(n)).toEqual(['set a', 'set b', 'set c', 'set d', 'set e']);
    expect(of(sim.events, 'redirect')).toEqual([expect.objectContaining({ node: 'S1', to: 'S4', command: 'set e' })]);
    const s2 = of(sim.events, 'commit').filter((c) => c.node === 'S2');
    expect(s2.some((c) => c.t > 1500 && c.index === 5)).toBe(true);
    expect(s2.every((c) => c.t < 700 || c.t > 1500)).toBe(true);
  });

  it('splitVote: two candidates split term 1 (2–2, nobody wins), and term 2 elects a leader', () => {
    const sim = new RaftSimulation(SCENARIOS.splitVote).run();
    const term1 = of(sim.events, 'role').filter((e) => e.term === 1);
    expect(term1.filter((e) => e.role === 'candidate').map((e) => e.node).sort()).toEqual(['S1', 'S2']);
    expect(term1.some((e) => e.role === 'leader')).toBe(false);
    const votes1 = of(sim.events, 'vote').filter((v) => v.term === 1);
    expect(votes1).toHaveLength(2);
    expect(new Set(votes1.map((v) => v.candidate)).size).toBe(2);
    const won = leaders(sim.events);
    expect(won).toHaveLength(1);
    expect(won[0].term).toBe(2);
  });

  it('partition: the minority leader cannot commit, steps down after the heal, and its uncommitted entries are overwritten', () => {
    const sim = new RaftSimulation(SCENARIOS.partition);
    sim.runUntil(999);
    expect(sim.leader()?.id).toBe('S4');
    sim.runUntil(2999);
    // S4 still believes it leads term 1 and holds v=2, v=3 …
    expect(sim.node('S4').role).toBe('leader');
    expect(sim.node('S4').log.map((e) => e.command)).toEqual(['v=1', 'v=2 (lost)', 'v=3 (lost)']);
    // … but never committed them, while the majority's new leader committed v=4 and v=5.
    const minorityCommits = of(sim.events, 'commit').filter((c) => (c.node === 'S4' || c.node === 'S5') && c.t >= 1000);
    expect(minorityCommits).toEqual([]);
    const majority = sim.leader()!;
    expect(['S1', 'S2', 'S3']).toContain(majority.id);
    expect(majority.term).toBeGreaterThan(1);
    expect(applied(majority)).toEqual(['v=1', 'v=4', 'v=5']);
    sim.run();
    const stepDown = of(sim.events, 'role').find((e) => e.node === 'S4' && e.role === 'follower' && e.t >= 3000);
    expect(stepDown).toBeDefined();
    const truncated = of(sim.events, 'truncate').filter((e) => e.t >= 3000);
    expect(truncated.map((e) => [e.node, e.index, e.count]).sort()).toEqual([
      ['S4', 2, 2],
      ['S5', 2, 2],
    ]);
    for (const n of sim.nodes) {
      expect(n.log.map((e) => e.command)).toEqual(['v=1', 'v=4', 'v=5']);
      expect(n.commitIndex).toBe(3);
    }
  });

  it('nineNodes: nine servers survive four crashes (a majority of five remains), and all catch up', () => {
    const sim = new RaftSimulation(SCENARIOS.nineNodes);
    expect(sim.nodes).toHaveLength(9);
    sim.runUntil(2799);
    expect(sim.nodes.filter((n) => n.alive)).toHaveLength(5);
    const leader = sim.leader()!;
    expect(leader).not.toBeNull();
    expect(applied(leader)).toEqual(['p', 'q', 'r']);
    sim.run();
    for (const n of sim.nodes) expect(applied(n)).toEqual(['p', 'q', 'r']);
  });

  it('lossyNetwork: messages are dropped at random, yet every entry is committed everywhere', () => {
    const sim = new RaftSimulation(SCENARIOS.lossyNetwork).run();
    expect(of(sim.events, 'drop').filter((d) => d.reason === 'random').length).toBeGreaterThan(50);
    for (const n of sim.nodes) expect(applied(n)).toEqual(['k=1', 'k=2', 'k=3']);
  });
});

// ───────────────────────────── broken variants ─────────────────────────────

describe('the checker catches the broken variants', () => {
  it('figure8 (commit-old-term): Leader Completeness, then State Machine Safety, at the exact events', () => {
    const sim = new RaftSimulation(SCENARIOS.figure8).run();
    const [lc, sms] = sim.violations;
    expect(lc.invariant).toBe('leader-completeness');
    expect(sim.events[lc.eventIndex]).toMatchObject({ type: 'role', node: 'S5', role: 'leader' });
    expect(lc.t).toBe(sim.events[lc.eventIndex].t);
    expect(lc.message).toMatch(/^S5 became leader of term \d+ without entry 1 \("x", term 1\), committed in term \d+$/);
    expect(sms.invariant).toBe('state-machine-safety');
    expect(sim.events[sms.eventIndex]).toMatchObject({ type: 'commit', node: 'S5', index: 1 });
    expect(sms.message).toMatch(/applied "y" \(term 2\) at index 1, but S\d applied "x" \(term 1\)/);
    // the old-term commit that set it up: S1 committed x (term 1) in a later term
    const oldCommit = of(sim.events, 'commit').find((c) => c.node === 'S1' && c.index === 1)!;
    expect(oldCommit.term).toBeGreaterThan(1);
    // nothing was flagged before the violating event
    expect(of(sim.events.slice(0, lc.eventIndex), 'violation')).toEqual([]);
    expect(sim.events[lc.eventIndex + 1]).toMatchObject({ type: 'violation', invariant: 'leader-completeness' });
  });

  it('figure8 with the correct commit rule is safe: x is never committed, so overwriting it is legal', () => {
    const sim = new RaftSimulation({ ...SCENARIOS.figure8, variant: 'correct' }).run();
    expect(sim.violations).toEqual([]);
    expect(of(sim.events, 'commit').some((c) => c.node === 'S1' && c.index === 1 && c.t < 2700)).toBe(false);
  });

  it('noLogCheck: a voter elects a leader without a committed entry', () => {
    const sim = new RaftSimulation(SCENARIOS.noLogCheck).run();
    expect(sim.violations.map((v) => v.invariant)).toEqual(['leader-completeness', 'state-machine-safety']);
    expect(sim.events[sim.violations[0].eventIndex]).toMatchObject({ type: 'role', node: 'S3', role: 'leader' });
    expect(sim.violations[0].message).toMatch(/^S3 became leader of term \d+ without entry 1 \("a", term 1\), committed in term 1$/);
    const correct = new RaftSimulation({ ...SCENARIOS.noLogCheck, variant: 'correct' }).run();
    expect(correct.violations).toEqual([]);
    expect(correct.nodes.every((n) => applied(n)[0] === 'a')).toBe(true);
  });

  it('catches Election Safety and Log Matching breaches too (white-box self-test of the checker)', () => {
    type Internals = { _nodes: RaftNode[]; becomeLeader(n: RaftNode): void; appendEntry(n: RaftNode, e: { term: number; command: string }): void; checkLogMatchingAt(i: number): void };
    const sim = new RaftSimulation(SCENARIOS.logReplication).runUntil(600);
    const inner = sim as unknown as Internals;
    const follower = inner._nodes.find((n) => n.role === 'follower')!;
    inner.becomeLeader(follower);
    expect(sim.violations.at(-1)).toMatchObject({ invariant: 'election-safety', message: `S4 and ${follower.id} were both elected leader of term 1` });
    const other = inner._nodes.find((n) => n.role === 'follower' && n.log.length === 3)!;
    (other.log as { term: number; command: string }[]).length = 2;
    (other as unknown as { pids: number[] }).pids.length = 2;
    inner.appendEntry(other, { term: 1, command: 'forged' });
    inner.checkLogMatchingAt(sim.events.length - 1);
    expect(sim.violations.at(-1)).toMatchObject({ invariant: 'log-matching' });
    expect(sim.violations.at(-1)!.message).toMatch(/both hold an entry at index 3 with term 1, but their logs differ at index 3/);
  });
});

// ───────────────────────────── validation ─────────────────────────────

describe('scenario validation', () => {
  const base = { nodes: 3, seed: 1 };

  it('fills defaults and accepts a count or ids', () => {
    const sc = parseRaftScenario(base);
    expect(sc).toMatchObject({ nodes: ['S1', 'S2', 'S3'], electionTimeout: [150, 300], heartbeat: 50, latency: [10, 30], dropRate: 0, duration: 10000, variant: 'correct', backoff: 'decrement', events: [], narration: [] });
    expect(parseRaftScenario({ nodes: ['a', 'b', 'c', 'd'] }).nodes).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports an unknown node in a partition group at its exact path', () => {
    expect(
      messages({
        ...base,
        events: [
          { at: 1, type: 'heal' },
          { at: 2, type: 'heal' },
          { at: 3, type: 'partition', groups: [['S1'], ['S9', 'S2']] },
        ],
      }),
    ).toEqual(['events[2].groups[1][0]: "S9" is not a node (nodes: S1, S2, S3)']);
  });

  it('reports unknown nodes in crash, restart, skew and request', () => {
    expect(
      messages({
        ...base,
        events: [
          { at: 1, type: 'crash', node: 'X' },
          { at: 2, type: 'skew', node: 'Y', factor: 1.2 },
          { at: 3, type: 'request', command: 'c', to: 'Z' },
        ],
      }),
    ).toEqual(['events[0].node: "X" is not a node (nodes: S1, S2, S3)', 'events[1].node: "Y" is not a node (nodes: S1, S2, S3)', 'events[2].to: "Z" is not a node (nodes: S1, S2, S3)']);
  });

  it('rejects a negative time', () => {
    expect(messages({ ...base, events: [{ at: -5, type: 'heal' }] })).toEqual(['events[0].at: expected a number ≥ 0, got -5']);
    expect(messages({ ...base, narration: [{ at: -1, text: 'x' }] })).toEqual(['narration[0].at: expected a number ≥ 0, got -1']);
  });

  it('rejects a node in two groups, and allows a node in none (it is isolated)', () => {
    expect(messages({ ...base, events: [{ at: 0, type: 'partition', groups: [['S1', 'S2'], ['S3', 'S1']] }] })).toEqual([
      'events[0].groups[1][1]: "S1" is in two groups (also at events[0].groups[0][0])',
    ]);
    const sim = new RaftSimulation({ ...base, events: [{ at: 0, type: 'partition', groups: [['S1', 'S2']] }] }).runUntil(1000);
    expect(of(sim.events, 'partition')[0].groups).toEqual([['S1', 'S2'], ['S3']]);
    const s3 = of(sim.events, 'drop').filter((d) => d.from === 'S3' || d.to === 'S3');
    expect(s3.length).toBeGreaterThan(0);
    expect(s3.every((d) => d.reason === 'partition')).toBe(true);
    expect(of(sim.events, 'deliver').some((d) => d.from === 'S3' || d.to === 'S3')).toBe(false);
  });

  it('rejects a request without a command', () => {
    expect(messages({ ...base, events: [{ at: 0, type: 'request' }] })).toEqual(['events[0].command: is required (a non-empty string of at most 100 characters)']);
    expect(messages({ ...base, events: [{ at: 0, type: 'request', command: '  ' }] })).toEqual(['events[0].command: expected a non-empty string of at most 100 characters, got "  "']);
  });

  it('rejects ranges with min > max', () => {
    expect(messages({ ...base, electionTimeout: [300, 150] })).toEqual(['electionTimeout: expected [min, max] with min ≤ max, got [300, 150]']);
    expect(messages({ ...base, latency: [40, 10] })).toEqual(['latency: expected [min, max] with min ≤ max, got [40, 10]']);
    expect(messages({ ...base, latency: [10] })).toEqual(['latency: expected at least 2 items, got 1']);
  });

  it('rejects an unknown event type at the tag', () => {
    expect(messages({ ...base, events: [{ at: 0, type: 'explode', node: 'S1' }] })).toEqual([
      'events[0].type: expected one of "crash", "restart", "partition", "heal", "request", "drop-rate", "skew", got "explode"',
    ]);
  });

  it('rejects a restart of a node that is not crashed at that point, and a second crash', () => {
    expect(messages({ ...base, events: [{ at: 100, type: 'restart', node: 'S2' }] })).toEqual(['events[0].node: "S2" is not crashed at 100 ms (a restart needs an earlier crash)']);
    expect(
      messages({
        ...base,
        events: [
          { at: 100, type: 'crash', node: 'S2' },
          { at: 200, type: 'crash', node: 'S2' },
        ],
      }),
    ).toEqual(['events[1].node: "S2" is already crashed at 200 ms']);
  });

  it('sorts events by time, stably, and checks them in time order (paths keep the original indices)', () => {
    const input = {
      ...base,
      events: [
        { at: 500, type: 'restart', node: 'S1' },
        { at: 100, type: 'request', command: 'first' },
        { at: 100, type: 'crash', node: 'S1' },
        { at: 100, type: 'request', command: 'second' },
      ],
    };
    expect(messages(input)).toEqual([]);
    expect(parseRaftScenario(input).events.map((e) => e.type + (e.type === 'request' ? ':' + e.command : ''))).toEqual(['request:first', 'crash', 'request:second', 'restart']);
    expect(messages({ ...input, events: [{ at: 500, type: 'crash', node: 'S1' }, { at: 100, type: 'restart', node: 'S1' }] })).toEqual([
      'events[1].node: "S1" is not crashed at 100 ms (a restart needs an earlier crash)',
    ]);
  });

  it('checks node counts, ids and the other fields', () => {
    expect(messages({ nodes: 2 })).toEqual(['nodes: expected an integer from 3 to 9, got 2']);
    expect(messages({ nodes: ['a', 'b', 'a'] })).toEqual(['nodes[2]: duplicate node id "a" (also at nodes[0])']);
    expect(messages({ ...base, dropRate: 2, variant: 'sloppy' })).toEqual(['dropRate: expected a number from 0 to 1, got 2', 'variant: expected one of "correct", "commit-old-term", "no-log-check", got "sloppy"']);
    expect(messages({ ...base, hearbeat: 20 })[0]).toMatch(/^hearbeat: unknown field \(did you mean "heartbeat"\?\)/);
    expect(() => new RaftSimulation({ nodes: 1 } as unknown as RaftScenarioInput)).toThrow(RaftScenarioError);
  });
});
