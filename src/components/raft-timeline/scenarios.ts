/**
 * The teaching scenarios of <ls-raft-timeline> (also `le-systems/models/raft.js`): each one a
 * scenario JSON whose claims are asserted in test/unit/raft.model.test.ts. Kept apart from the
 * model so that an element configured with its own scenario does not download them.
 */
import type { RaftAction, RaftScenarioInput } from './model.js';

const skews = (at: number, factors: Record<string, number>): RaftAction[] => Object.entries(factors).map(([node, factor]) => ({ at, type: 'skew', node, factor }));

/**
 * Scenarios for stories and lessons. Each one's claim is asserted by test/unit/raft.model.test.ts
 * (the times in the narration come from running it).
 */
export const SCENARIOS = {
  /** Five servers elect a leader from scratch. */
  leaderElection: {
    title: 'Leader election with five servers',
    nodes: 5,
    seed: 1,
    duration: 1500,
    events: [],
    narration: [
      { at: 0, text: 'All five servers start as followers in term 0, each with a random election timeout between 150 and 300 ms.' },
      { at: 160, text: 'S4’s timer fires first: it becomes a candidate for term 1, votes for itself and asks the others for their votes.' },
      { at: 190, text: 'Each follower has not voted in term 1 yet and S4’s log is as up-to-date as its own, so each grants its vote.' },
      { at: 200, text: 'With a majority (3 of 5) S4 becomes leader and starts sending heartbeats every 50 ms, which keep the followers’ timers from firing.' },
    ],
  },
  /** The leader crashes; the others notice the missing heartbeats and elect a new one, which keeps the committed entry. */
  leaderCrash: {
    title: 'Leader crash and re-election',
    nodes: 5,
    seed: 1,
    duration: 3500,
    events: [
      { at: 600, type: 'request', command: 'x=1' },
      { at: 1000, type: 'crash', node: 'S4' },
      { at: 2000, type: 'request', command: 'x=2' },
      { at: 2500, type: 'restart', node: 'S4' },
    ],
    narration: [
      { at: 200, text: 'S4 is the leader of term 1.' },
      { at: 600, text: 'A client writes x=1; S4 replicates it and commits it once a majority has it.' },
      { at: 1000, text: 'S4 crashes. Its heartbeats stop, so the followers’ election timers are no longer reset.' },
      { at: 1190, text: 'S1 and S3 time out and both run for term 2. S1’s requests arrive first at most servers: it wins, and the committed x=1 is in its log, as Leader Completeness promises.' },
      { at: 2000, text: 'The new leader accepts x=2.' },
      { at: 2500, text: 'S4 restarts as a follower with its term, vote and log, but commitIndex 0; the new leader’s heartbeats bring it up to date.' },
    ],
  },
  /** Client requests are replicated and committed; a follower that was down catches up. */
  logReplication: {
    title: 'Log replication and commit',
    nodes: 5,
    seed: 1,
    duration: 2500,
    events: [
      { at: 500, type: 'request', command: 'set a' },
      { at: 520, type: 'request', command: 'set b' },
      { at: 540, type: 'request', command: 'set c' },
      { at: 700, type: 'crash', node: 'S2' },
      { at: 900, type: 'request', command: 'set d' },
      { at: 1000, type: 'request', command: 'set e', to: 'S1' },
      { at: 1500, type: 'restart', node: 'S2' },
    ],
    narration: [
      { at: 500, text: 'Clients send three commands to the leader, S4. It appends each to its log and sends AppendEntries to every follower.' },
      { at: 560, text: 'Once a majority (3 of 5, the leader included) stores an entry of the current term, the leader commits it; followers learn the new commitIndex from the next AppendEntries.' },
      { at: 700, text: 'Follower S2 crashes. Four of five servers are still a majority, so commits continue.' },
      { at: 1000, text: 'A client contacts S1, a follower: S1 redirects it to the leader it knows, S4.' },
      { at: 1500, text: 'S2 restarts with its log (3 entries) but commitIndex 0. Its log matches the leader’s up to index 3, so the next AppendEntries brings the two entries it missed and the leader’s commitIndex.' },
    ],
  },
  /** Two servers time out almost together and split the votes 2–2; randomized timeouts break the tie in the next term. */
  splitVote: {
    title: 'Split vote',
    nodes: 4,
    seed: 1,
    duration: 1500,
    events: [...skews(0, { S3: 2, S4: 2 })],
    narration: [
      { at: 0, text: 'Four servers. S3 and S4 have slow clocks (timers ×2), so S1 or S2 will time out first.' },
      { at: 297, text: 'S1 and S2 time out within a millisecond of each other: both become candidates for term 1 and vote for themselves.' },
      { at: 330, text: 'S3 and S4 each vote for whichever request reached them first — one for S1, one for S2: two votes each, and 3 are needed. Nobody wins term 1.' },
      { at: 475, text: 'Fresh random timeouts make a repeat unlikely: S2 times out first in term 2 and wins it.' },
    ],
  },
  /**
   * A partition leaves the old leader with a minority: it keeps accepting requests but cannot commit
   * them. The majority elects a new leader and commits; after the heal the old leader steps down and
   * its uncommitted entries are overwritten.
   */
  partition: {
    title: 'Network partition with a minority leader',
    nodes: 5,
    seed: 1,
    duration: 4500,
    events: [
      { at: 600, type: 'request', command: 'v=1' },
      { at: 1000, type: 'partition', groups: [['S4', 'S5'], ['S1', 'S2', 'S3']] },
      { at: 1100, type: 'request', command: 'v=2 (lost)', to: 'S4' },
      { at: 1200, type: 'request', command: 'v=3 (lost)', to: 'S4' },
      { at: 1800, type: 'request', command: 'v=4' },
      { at: 1900, type: 'request', command: 'v=5' },
      { at: 3000, type: 'heal' },
    ],
    narration: [
      { at: 600, text: 'S4 leads term 1 and commits v=1 on all five servers.' },
      { at: 1000, text: 'The network splits: S4 and S5 on one side, S1, S2 and S3 on the other.' },
      { at: 1100, text: 'S4 still believes it is leader and appends v=2 and v=3, but only S5 can store them: 2 of 5 is no majority, so they stay uncommitted.' },
      { at: 1150, text: 'On the majority side the heartbeats stop. S3 and S2 time out 4 ms apart and split the vote; S1 finally wins term 4 with three votes.' },
      { at: 1800, text: 'Clients reach the new leader, which commits v=4 and v=5 with a majority of three.' },
      { at: 3000, text: 'The partition heals. The first message S4 sees carries term 4: it steps down to follower.' },
      { at: 3100, text: 'The new leader’s consistency check finds S4 and S5 diverging at index 2; their uncommitted v=2 and v=3 are deleted and replaced by v=4 and v=5.' },
    ],
  },
  /** Nine servers: a majority is five, so the cluster survives four failures. */
  nineNodes: {
    title: 'Nine servers',
    nodes: 9,
    seed: 1,
    duration: 3500,
    events: [
      { at: 500, type: 'request', command: 'p' },
      { at: 800, type: 'request', command: 'q' },
      { at: 1000, type: 'crash', node: 'S1' },
      { at: 1000, type: 'crash', node: 'S2' },
      { at: 1000, type: 'crash', node: 'S3' },
      { at: 1200, type: 'crash', node: 'S4' },
      { at: 2200, type: 'request', command: 'r' },
      { at: 2800, type: 'restart', node: 'S1' },
      { at: 2800, type: 'restart', node: 'S2' },
      { at: 2800, type: 'restart', node: 'S3' },
      { at: 2800, type: 'restart', node: 'S4' },
    ],
    narration: [
      { at: 200, text: 'Nine servers elect S4. A majority of nine is five.' },
      { at: 1000, text: 'Three followers crash: six remain, still a majority.' },
      { at: 1200, text: 'Now the leader S4 crashes too. Five servers are left — exactly a majority.' },
      { at: 1450, text: 'With a bare majority every vote counts: S5 and S9 split term 2, S6 and S7 term 3, S5 and S8 term 4. S5 wins term 5.' },
      { at: 2200, text: 'A write still commits: it needs all five survivors.' },
      { at: 2800, text: 'The four crashed servers restart and catch up from the leader.' },
    ],
  },
  /** A lossy network: 20% of messages are dropped, yet retries (heartbeats) still get every entry committed. */
  lossyNetwork: {
    title: 'Lossy network',
    nodes: 5,
    seed: 3,
    dropRate: 0.2,
    duration: 3000,
    events: [
      { at: 800, type: 'request', command: 'k=1' },
      { at: 1200, type: 'request', command: 'k=2' },
      { at: 1600, type: 'request', command: 'k=3' },
    ],
    narration: [
      { at: 0, text: 'One message in five is lost. Raft’s RPCs are idempotent and the leader simply retries with every heartbeat.' },
      { at: 800, text: 'A lost AppendEntries or reply only delays a commit until the next heartbeat gets through.' },
    ],
  },
  /**
   * Figure 8 of the Raft paper, with the broken rule "commit an entry once a majority stores it, whatever
   * its term" (`variant: "commit-old-term"`). S1 commits x from term 1 in term 4; S5, whose log ends
   * in term 2, later wins an election and overwrites it — the checker reports Leader Completeness and
   * State Machine Safety violations. With `variant: "correct"` the same run is safe: x is never
   * committed (no entry of term 4 is), so overwriting it is legal.
   */
  figure8: {
    title: 'Figure 8: committing an entry from an earlier term',
    nodes: 5,
    seed: 1,
    variant: 'commit-old-term',
    duration: 4000,
    events: [
      ...skews(0, { S1: 0.4, S2: 1.5, S3: 1.5, S4: 1.5, S5: 1.5 }),
      { at: 500, type: 'partition', groups: [['S1', 'S2'], ['S3', 'S4', 'S5']] },
      { at: 500, type: 'skew', node: 'S5', factor: 0.4 },
      { at: 520, type: 'request', command: 'x', to: 'S1' },
      { at: 900, type: 'partition', groups: [['S1', 'S2'], ['S3', 'S4'], ['S5']] },
      { at: 920, type: 'request', command: 'y', to: 'S5' },
      { at: 950, type: 'crash', node: 'S5' },
      { at: 1300, type: 'heal' },
      { at: 1700, type: 'partition', groups: [['S1', 'S2', 'S3', 'S4'], ['S5']] },
      { at: 1700, type: 'restart', node: 'S5' },
      { at: 2700, type: 'heal' },
      { at: 3000, type: 'request', command: 'z' },
    ],
    narration: [
      { at: 0, text: 'This run uses a broken commit rule: a leader counts replicas of entries from earlier terms too. S1 has a fast clock and leads term 1.' },
      { at: 520, text: 'Cut off with S2, S1 appends x (index 1, term 1); only S2 copies it.' },
      { at: 630, text: 'On the other side S5 (now the fast clock) leads term 2.' },
      { at: 920, text: 'Isolated, S5 appends y at index 1 in term 2 — on its own log only — and crashes.' },
      { at: 1460, text: 'After the heal S1 wins term 4 and copies x to S3 and S4. x is on a majority, so the broken rule commits it, although it is from term 1.' },
      { at: 1700, text: 'S5 restarts alone; its timer keeps firing and its term climbs past 4.' },
      { at: 2750, text: 'After the heal S5’s log (last term 2) is more up-to-date than everyone’s (last term 1): it wins — without the committed x. Leader Completeness is violated.' },
      { at: 2820, text: 'S5 overwrites x with y everywhere and commits y at index 1, where S1 had applied x: State Machine Safety is violated. The correct rule commits only entries of the leader’s own term.' },
    ],
  },
  /**
   * Voters skip the "candidate's log is at least as up-to-date" check (`variant: "no-log-check"`): a
   * server that missed a committed entry wins an election and overwrites it.
   */
  noLogCheck: {
    title: 'Voting without the log check',
    nodes: 3,
    seed: 1,
    variant: 'no-log-check',
    duration: 3000,
    events: [
      ...skews(0, { S1: 0.5 }),
      { at: 500, type: 'partition', groups: [['S1', 'S2'], ['S3']] },
      { at: 600, type: 'request', command: 'a' },
      { at: 1500, type: 'heal' },
      ...skews(1500, { S1: 1.5, S2: 1.5, S3: 0.3 }),
      { at: 1800, type: 'request', command: 'b' },
      ...skews(2000, { S1: 1, S2: 1, S3: 1 }),
    ],
    narration: [
      { at: 0, text: 'In this run voters grant votes without checking that the candidate’s log is at least as up-to-date as theirs.' },
      { at: 500, text: 'S3 is cut off. S1 leads, and commits a with S2 (2 of 3 is a majority).' },
      { at: 1000, text: 'Isolated S3 keeps timing out, so its term keeps rising, but its log stays empty.' },
      { at: 1500, text: 'The network heals and S3 times out first. Its term is the highest, and without the log check S1 and S2 vote for it.' },
      { at: 1600, text: 'S3 is leader without the committed a: Leader Completeness is violated.' },
      { at: 1800, text: 'S3 accepts b, overwrites a on S1 and S2 and commits b at index 1: State Machine Safety is violated.' },
    ],
  },
} satisfies Record<string, RaftScenarioInput>;

export type RaftScenarioName = keyof typeof SCENARIOS;
