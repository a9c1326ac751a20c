import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/core/validate.js';
import {
  TradeoffScenario,
  lostWrites,
  majority,
  percentile,
  simulate,
  tradeoffConfigSchema,
  versionAt,
  type Mode,
  type Replication,
  type TradeoffConfig,
} from '../../src/components/tradeoff-explorer/model.js';

function config(input: Record<string, unknown>): TradeoffConfig {
  const r = parse(tradeoffConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}

const issues = (input: unknown): string[] => {
  const r = parse(tradeoffConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

const IDS = ['us', 'eu', 'ap'];

/** One partition at a time: regions `side` are cut off during [from, to). Reference for "which side". */
interface Cut {
  side: number[];
  from: number;
  to: number;
}

const arbCuts = (regions: number, duration: number) =>
  fc
    .array(
      fc.record({
        side: fc.subarray([...Array(regions).keys()], { minLength: 1, maxLength: regions - 1 }),
        a: fc.integer({ min: 0, max: duration }),
        b: fc.integer({ min: 0, max: duration }),
      }),
      { maxLength: 3 },
    )
    .map((list) => {
      // sort the points and keep non-overlapping intervals
      const out: Cut[] = [];
      let end = -1;
      for (const c of list.map((x) => ({ side: x.side, from: Math.min(x.a, x.b), to: Math.max(x.a, x.b) + 1 })).sort((x, y) => x.from - y.from)) {
        if (c.from <= end) continue;
        out.push(c);
        end = c.to;
      }
      return out;
    });

interface Arb {
  c: TradeoffConfig;
  cuts: Cut[];
}

const arbScenario = (fixed: { mode?: Mode; replication?: Replication; partitions?: boolean } = {}) =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 10_000 }),
      replicas: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
      rtt: fc.integer({ min: 5, max: 300 }),
      lagExtra: fc.integer({ min: 0, max: 300 }),
      localRtt: fc.double({ min: 0.1, max: 5, noNaN: true }),
      jitter: fc.double({ min: 0, max: 1, noNaN: true }),
      rate: fc.integer({ min: 1, max: 12 }),
      writeRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      duration: fc.integer({ min: 1000, max: 5000 }),
      mode: fc.constantFrom<Mode>('cp', 'ap'),
      replication: fc.constantFrom<Replication>('sync', 'async'),
    })
    .chain((r) => (fixed.partitions === false ? fc.constant([] as Cut[]) : arbCuts(r.replicas.length, r.duration)).map((cuts) => ({ r, cuts })))
    .map(({ r, cuts }): Arb => {
      const regions = r.replicas.map((n, i) => ({ id: IDS[i], replicas: n }));
      const actions = cuts.flatMap((k) => [
        { type: 'cut', at: k.from, regions: k.side.map((i) => IDS[i]) },
        ...(k.to <= r.duration ? [{ type: 'heal', at: k.to }] : []),
      ]);
      const c = config({
        seed: r.seed,
        regions,
        rtt: r.rtt,
        lag: r.rtt / 2 + r.lagExtra,
        localRtt: r.localRtt,
        jitter: r.jitter,
        rate: r.rate,
        writeRatio: r.writeRatio,
        duration: r.duration,
        mode: fixed.mode ?? r.mode,
        replication: fixed.replication ?? r.replication,
        actions,
      });
      return { c, cuts };
    });

/** The regions on the client's side at t, from the reference intervals. */
function sideOf(cuts: Cut[], regions: number, client: number, t: number): number[] {
  const k = cuts.find((x) => t >= x.from && t < x.to);
  const all = [...Array(regions).keys()];
  if (!k) return all;
  return k.side.includes(client) ? k.side : all.filter((i) => !k.side.includes(i));
}

describe('config', () => {
  it('fills defaults: two regions (3 + 2 replicas), CP and synchronous', () => {
    const c = config({});
    expect(c).toMatchObject({ mode: 'cp', replication: 'sync', rtt: 80, lag: 200, regions: [{ id: 'us', replicas: 3 }, { id: 'eu', replicas: 2 }] });
  });

  it('locates bad values, unknown fields and inconsistent ones', () => {
    expect(issues({ mode: 'ca' })).toEqual(['mode: expected one of "cp", "ap", got "ca"']);
    expect(issues({ rtt: 'far' })).toEqual(['rtt: expected a number from 1 to 1000, got "far"']);
    expect(issues({ lagg: 5 })[0]).toMatch(/^lagg: unknown field \(did you mean "lag"\?\)/);
    expect(issues({ rtt: 200, lag: 50 })).toEqual(['lag: expected at least rtt/2 (100): replication cannot beat a one-way trip, got 50']);
    expect(issues({ regions: [{ id: 'a', replicas: 5 }, { id: 'b', replicas: 5 }] })).toEqual(['regions: expected at most 9 replicas in all, got 10']);
    expect(issues({ regions: [{ id: 'a', replicas: 1 }, { id: 'a', replicas: 1 }] })[0]).toMatch(/regions\[1\]: duplicate id "a"/);
    expect(issues({ actions: [{ type: 'cut', at: 10, regions: ['mars'] }] })).toEqual(['actions[0].regions[0]: unknown region "mars" (regions: us, eu)']);
    expect(issues({ actions: [{ type: 'cut', at: 10, regions: ['us', 'eu'] }] })[0]).toMatch(/actions\[0\]\.regions: expected some regions to stay/);
    expect(issues({ actions: [{ type: 'heal', at: 500 }, { type: 'read', at: 100, client: 'us' }] })[0]).toMatch(/actions\[1\]\.at: expected actions in time order/);
    expect(issues({ actions: [{ type: 'write', at: 1, client: 'asia' }] })[0]).toMatch(/actions\[0\]\.client: unknown region "asia"/);
    expect(issues({ actions: [{ type: 'split', at: 1 }] })[0]).toMatch(/actions\[0\]\.type: expected one of "cut", "heal"/);
    expect(issues({ time: 20_000 })[0]).toMatch(/time: expected at most duration \(10000\)/);
  });
});

describe('CAP: behaviour under a partition', () => {
  it('CP with synchronous replication never returns a stale read', () => {
    fc.assert(
      fc.property(arbScenario({ mode: 'cp', replication: 'sync' }), ({ c }) => {
        const run = simulate(c);
        expect(run.requests.filter((r) => r.outcome === 'stale')).toEqual([]);
        expect(lostWrites(run, Infinity)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('CP refuses exactly the requests whose side lacks a majority, plus catch-up right after a heal', () => {
    fc.assert(
      fc.property(arbScenario({ mode: 'cp' }), ({ c, cuts }) => {
        const run = simulate(c);
        const N = run.replicas.length;
        for (const r of run.requests) {
          const side = sideOf(cuts, c.regions.length, r.client, r.t);
          const size = c.regions.filter((_, i) => side.includes(i)).reduce((s, g) => s + g.replicas, 0);
          expect(r.reason === 'minority', `request ${r.i}`).toBe(size < majority(N));
          if (r.reason === 'catch-up') expect(run.heals.some((h) => r.t >= h && r.t < h + c.rtt / 2)).toBe(true);
          expect(r.outcome === 'failed').toBe(r.reason !== undefined);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('AP never fails a request', () => {
    fc.assert(
      fc.property(arbScenario({ mode: 'ap' }), ({ c }) => {
        expect(simulate(c).requests.filter((r) => r.outcome === 'failed')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('once every cut is healed, all replicas converge on the highest version (LWW)', () => {
    fc.assert(
      fc.property(arbScenario(), ({ c, cuts }) => {
        fc.pre(cuts.every((k) => k.to <= c.duration));
        const run = simulate(c);
        run.replicas.forEach((_, r) => expect(versionAt(run.writes, r, Infinity)).toBe(run.writes.length));
      }),
      { numRuns: 100 },
    );
  });

  it('lost writes only grow with time and are never held by any replica', () => {
    fc.assert(
      fc.property(arbScenario({ mode: 'ap' }), ({ c }) => {
        const run = simulate(c);
        let before: number[] = [];
        for (let t = 0; t <= c.duration + 1000; t += 250) {
          const now = lostWrites(run, t);
          expect(now).toEqual(expect.arrayContaining(before));
          for (const v of now) run.replicas.forEach((_, r) => expect(versionAt(run.writes, r, t)).not.toBe(v));
          before = now;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a worked partition: CP refuses the cut-off write; AP takes it, serves stale reads, then LWW drops it', () => {
    const base = {
      rate: 0,
      actions: [
        { type: 'cut', at: 1000, regions: ['eu'] },
        { type: 'write', at: 2000, client: 'eu' },
        { type: 'write', at: 3000, client: 'us' },
        { type: 'read', at: 3500, client: 'eu' },
        { type: 'heal', at: 5000 },
        { type: 'read', at: 6000, client: 'eu' },
      ],
    };
    const cp = simulate(config({ ...base, mode: 'cp' }));
    expect(cp.requests.map((r) => r.outcome)).toEqual(['failed', 'ok', 'failed', 'ok']);
    expect(cp.requests[3].version).toBe(1);
    const ap = simulate(config({ ...base, mode: 'ap' }));
    expect(ap.requests.map((r) => r.outcome)).toEqual(['ok', 'ok', 'stale', 'ok']);
    expect(ap.requests[2]).toMatchObject({ version: 1, latest: 2 });
    expect(lostWrites(ap, 4999)).toEqual([]);
    expect(lostWrites(ap, 5000 + 40)).toEqual([1]);
    expect(ap.requests[3].version).toBe(2);
  });
});

describe('PACELC else: latency or consistency without a partition', () => {
  it('synchronous replication gives zero stale reads', () => {
    fc.assert(
      fc.property(arbScenario({ replication: 'sync', partitions: false }), ({ c }) => {
        expect(simulate(c).requests.filter((r) => r.outcome !== 'ok')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('asynchronous stale reads happen only within the lag window after a write', () => {
    fc.assert(
      fc.property(arbScenario({ replication: 'async', partitions: false }), ({ c }) => {
        const run = simulate(c);
        const windowMs = (c.localRtt / 2 + c.lag) * (1 + c.jitter);
        for (const r of run.requests.filter((q) => q.outcome === 'stale')) {
          const w = run.writes[r.latest! - 1];
          expect(w.ack).toBeLessThanOrEqual(r.t);
          expect(r.t - w.t).toBeLessThan(windowMs);
          expect(w.region).not.toBe(r.client);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a synchronous write takes at least the client hop plus the round trip to its slowest required replica', () => {
    fc.assert(
      fc.property(arbScenario({ replication: 'sync' }), ({ c }) => {
        for (const r of simulate(c).requests.filter((q) => q.kind === 'write' && q.latency !== undefined)) {
          expect(r.latency!).toBeGreaterThanOrEqual(c.localRtt + r.baseRtt - 1e-9);
          const regionsReached = r.reach > c.regions[r.client].replicas;
          if (regionsReached) expect(r.latency!).toBeGreaterThanOrEqual(c.rtt);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an asynchronous write is acknowledged after the client hop alone', () => {
    fc.assert(
      fc.property(arbScenario({ replication: 'async' }), ({ c }) => {
        for (const r of simulate(c).requests.filter((q) => q.kind === 'write' && q.latency !== undefined)) {
          expect(r.latency!).toBeLessThanOrEqual(c.localRtt * (1 + c.jitter) + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('percentile is the nearest rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 100 }), (xs, p) => {
        const v = percentile(xs, p);
        const below = xs.filter((x) => x <= v).length;
        expect(below / xs.length).toBeGreaterThanOrEqual(p / 100);
        expect(xs.filter((x) => x < v).length / xs.length).toBeLessThan(p / 100);
      }),
    );
  });
});

describe('determinism and editing', () => {
  it('the same config gives the same run; exportScenario reproduces it', () => {
    fc.assert(
      fc.property(arbScenario(), ({ c }) => {
        const a = new TradeoffScenario(c);
        expect(simulate(c)).toEqual(a.run);
        const again = new TradeoffScenario(config(JSON.parse(JSON.stringify(a.toJSON(567)))));
        expect(again.run.requests).toEqual(a.run.requests);
        expect(again.config.time).toBe(567);
      }),
      { numRuns: 60 },
    );
  });

  it('a recorded action is inserted in time order, drops later actions of its kind only, and leaves the seeded stream as it was', () => {
    const sc = new TradeoffScenario(config({ actions: [{ type: 'cut', at: 2000, regions: ['eu'] }, { type: 'read', at: 5000, client: 'us' }, { type: 'heal', at: 6000 }] }));
    const types = (s: TradeoffScenario) => s.config.actions.map((a) => `${a.type}@${a.at}`);
    const next = sc.withAction({ type: 'write', at: 3000, client: 'eu' });
    expect(types(next)).toEqual(['cut@2000', 'write@3000', 'read@5000', 'heal@6000']);
    expect(types(sc.withAction({ type: 'mode', at: 4000, mode: 'ap' }))).toEqual(['cut@2000', 'mode@4000', 'read@5000', 'heal@6000']);
    expect(types(sc.withAction({ type: 'heal', at: 4000 }))).toEqual(['cut@2000', 'heal@4000', 'read@5000']);
    const gen = (s: TradeoffScenario) => s.run.requests.filter((r) => !r.user).map((r) => [r.t, r.client, r.kind]);
    expect(gen(next)).toEqual(gen(sc));
    const switched = sc.withAction({ type: 'mode', at: 0, mode: 'ap' });
    expect(switched.config.mode).toBe('ap');
    expect(types(switched)).toEqual(types(sc));
  });

  it('recorded actions always give a valid config', () => {
    const arbAction = fc.oneof(
      fc.record({ type: fc.constant('cut' as const), at: fc.integer({ min: 0, max: 10_000 }), regions: fc.constantFrom('us', 'eu').map((r) => [r]) }),
      fc.record({ type: fc.constant('heal' as const), at: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ type: fc.constant('mode' as const), at: fc.integer({ min: 0, max: 10_000 }), mode: fc.constantFrom<Mode>('cp', 'ap') }),
      fc.record({ type: fc.constantFrom('read' as const, 'write' as const), at: fc.integer({ min: 0, max: 10_000 }), client: fc.constantFrom('us', 'eu') }),
    );
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 12 }), (list) => {
        let sc = new TradeoffScenario(config({ rate: 1 }));
        for (const a of list) sc = sc.withAction(a);
        expect(issues(sc.toJSON(0))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the four fixed policies order as PACELC says on the same workload', () => {
    const sc = new TradeoffScenario(config({ seed: 3, rate: 6, actions: [{ type: 'cut', at: 3000, regions: ['eu'] }, { type: 'heal', at: 7000 }] }));
    const [pcec, pcel, paec, pael] = sc.compare();
    expect(pcec.tally.stale).toBe(0);
    expect(pcec.tally.failed).toBeGreaterThan(0);
    expect(paec.tally.failed + pael.tally.failed).toBe(0);
    expect(paec.tally.stale).toBeGreaterThan(0);
    expect(pcel.tally.p50).toBeLessThan(pcec.tally.p50);
    expect(pael.tally.p99).toBeLessThan(paec.tally.p50);
  });
});
