import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/core/validate.js';
import {
  QuorumScenario,
  compare,
  descends,
  merge,
  nodeIds,
  quorumConfigSchema,
  simulate,
  type Action,
  type Clock,
  type QuorumConfig,
} from '../../src/components/quorum-replication/model.js';

function config(input: Record<string, unknown>): QuorumConfig {
  const r = parse(quorumConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}

const issues = (input: unknown): string[] => {
  const r = parse(quorumConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

const arbClock: fc.Arbitrary<Clock> = fc.dictionary(fc.constantFrom('X', 'Y', 'Z'), fc.integer({ min: 0, max: 3 }), { maxKeys: 3 });

interface Gen {
  gap: number;
  kind: 'write' | 'read' | 'fail' | 'recover' | 'partition' | 'heal';
  client: 'X' | 'Y';
  node: number;
  side: boolean[];
}

const arbGen = fc.record<Gen>({
  gap: fc.integer({ min: 0, max: 90 }),
  kind: fc.constantFrom('write', 'write', 'read', 'read', 'read', 'fail', 'recover', 'partition', 'heal'),
  client: fc.constantFrom('X', 'Y'),
  node: fc.nat({ max: 7 }),
  side: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
});

/**
 * A random schedule of reads, writes, failures and partitions. With `serial`, each write starts
 * after the previous one has finished (its timeout has passed): no concurrent writes.
 */
function schedule(gens: Gen[], c: { n: number; spares: number; timeout: number }, serial: boolean): Action[] {
  const ids = nodeIds(c);
  const ends = [...ids, 'X', 'Y'];
  const out: Action[] = [];
  let t = 0;
  let nextWrite = 0;
  for (const g of gens) {
    t += g.gap;
    if (g.kind === 'write') {
      if (serial) t = Math.max(t, nextWrite);
      out.push({ type: 'write', at: t, client: g.client });
      nextWrite = t + c.timeout + 1;
    } else if (g.kind === 'read') out.push({ type: 'read', at: t, client: g.client });
    else if (g.kind === 'fail' || g.kind === 'recover') out.push({ type: g.kind, at: t, node: ids[g.node % ids.length] });
    else if (g.kind === 'heal') out.push({ type: 'heal', at: t });
    else {
      const side = ends.filter((_, i) => g.side[i]);
      if (side.length) out.push({ type: 'partition', at: t, side });
    }
  }
  return out;
}

const arbShape = fc.record({
  n: fc.integer({ min: 1, max: 5 }),
  spares: fc.integer({ min: 0, max: 3 }),
  seed: fc.nat({ max: 10_000 }),
  minDelay: fc.integer({ min: 1, max: 20 }),
  spread: fc.integer({ min: 0, max: 60 }),
  slow: fc.boolean(),
});

interface Shape {
  n: number;
  spares: number;
  seed: number;
  minDelay: number;
  spread: number;
  slow: boolean;
}

function build(shape: Shape, extra: Record<string, unknown>, gens: Gen[], serial: boolean): QuorumConfig {
  const base = { n: shape.n, spares: shape.spares, seed: shape.seed, minDelay: shape.minDelay, maxDelay: shape.minDelay + shape.spread, slow: shape.slow ? ['A'] : [], timeout: 200 };
  return config({ ...base, ...extra, actions: schedule(gens, { n: shape.n, spares: shape.spares, timeout: 200 }, serial) });
}

describe('config', () => {
  it('fills Dynamo-like defaults: N = 3, R = W = 2, strict quorum, hinted handoff and read repair on', () => {
    expect(config({})).toMatchObject({ n: 3, r: 2, w: 2, spares: 2, sloppy: false, hintedHandoff: true, readRepair: true, lww: false, actions: [] });
  });

  it('locates wrong types, out-of-range and inconsistent values and unknown fields', () => {
    expect(issues({ r: 4 })).toEqual(['r: expected at most n (3), got 4']);
    expect(issues({ n: 2, w: 3 })).toEqual(['w: expected at most n (2), got 3']);
    expect(issues({ n: 'three' })).toEqual(['n: expected an integer from 1 to 5, got "three"']);
    expect(issues({ minDelay: 50, maxDelay: 10 })).toEqual(['minDelay: expected at most maxDelay (10), got 50']);
    expect(issues({ actions: [{ type: 'fail', at: 0, node: 'F' }] })).toEqual(['actions[0].node: expected one of "A", "B", "C", "D", "E", got "F"']);
    expect(issues({ actions: [{ type: 'read', at: 50, client: 'X' }, { type: 'read', at: 10, client: 'Y' }] })[0]).toMatch(/^actions\[1\]\.at: expected actions in time order/);
    expect(issues({ actions: [{ type: 'drop', at: 0 }] })[0]).toMatch(/^actions\[0\]\.type: expected one of "write", "read"/);
    expect(issues({ actions: [{ type: 'write', at: 0, client: 'Z' }] })).toEqual(['actions[0].client: expected one of "X", "Y", got "Z"']);
    expect(issues({ actions: [{ type: 'set', at: 0, r: 5 }] })).toEqual(['actions[0].r: expected at most n (3), got 5']);
    expect(issues({ slopy: true })[0]).toMatch(/unknown field \(did you mean "sloppy"\?\)/);
    expect(issues({ slow: ['A', 'A'] })[0]).toMatch(/^slow\[1\]: duplicate node "A"/);
  });
});

describe('vector clocks', () => {
  it('descends-from is a partial order: reflexive, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(arbClock, arbClock, arbClock, (a, b, c) => {
        expect(descends(a, a)).toBe(true);
        expect(compare(a, a)).toBe('equal');
        if (descends(a, b) && descends(b, a)) expect(compare(a, b)).toBe('equal');
        if (descends(a, b) && descends(b, c)) expect(descends(a, c)).toBe(true);
        const o = compare(a, b);
        expect(compare(b, a)).toBe(o === 'after' ? 'before' : o === 'before' ? 'after' : o);
      }),
    );
  });

  it('merge is the least upper bound', () => {
    fc.assert(
      fc.property(arbClock, arbClock, arbClock, (a, b, u) => {
        const m = merge(a, b);
        expect(descends(m, a) && descends(m, b)).toBe(true);
        if (descends(u, a) && descends(u, b)) expect(descends(u, m)).toBe(true);
        expect(compare(merge(a, b), merge(b, a))).toBe('equal');
      }),
    );
  });
});

describe('simulation', () => {
  it('is deterministic: same seed and actions, same run', () => {
    fc.assert(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 14 }), (shape, gens) => {
        const c = build(shape, { r: 1, w: 1, sloppy: shape.slow }, gens, false);
        expect(simulate(c)).toEqual(simulate(c));
      }),
      { numRuns: 40 },
    );
  });

  it('with R + W > N, a strict quorum and no concurrent writes, every successful read returns the latest acknowledged write', () => {
    fc.assert(
      fc.property(arbShape, fc.integer({ min: 0, max: 10 }), fc.array(arbGen, { maxLength: 18 }), fc.boolean(), fc.boolean(), (shape, k, gens, repair, lww) => {
        const n = shape.n;
        const w = 1 + (k % n);
        const r = n - w + 1 + (k % w); // every R with R + W > N, up to N
        const c = build(shape, { r, w, sloppy: false, readRepair: repair, hintedHandoff: !repair, lww }, gens, true);
        expect(r + w).toBeGreaterThan(n);
        for (const op of simulate(c).ops) if (op.kind === 'read' && op.status === 'ok') expect(op.stale, `read ${op.id} missed ${op.missed}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('counter-example search: with R + W ≤ N the model finds a stale read', () => {
    const result = fc.check(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 12 }), (shape, gens) => {
        const n = Math.max(2, shape.n);
        const c = build({ ...shape, n }, { r: 1, w: 1, readRepair: false }, gens, true);
        return simulate(c).ops.every((op) => !op.stale);
      }),
      { numRuns: 2000, seed: 42 },
    );
    expect(result.failed).toBe(true);
    const [shape, gens] = result.counterexample!;
    const n = Math.max(2, shape.n);
    const run = simulate(build({ ...shape, n }, { r: 1, w: 1, readRepair: false }, gens, true));
    const stale = run.ops.find((op) => op.stale)!;
    expect(stale.kind).toBe('read');
    expect(stale.missed!.length).toBeGreaterThan(0);
  });

  it('counter-example search: a sloppy quorum breaks R + W > N', () => {
    const result = fc.check(
      fc.property(fc.array(arbGen, { maxLength: 14 }), fc.nat({ max: 1000 }), (gens, seed) => {
        const c = build({ n: 3, spares: 2, seed, minDelay: 5, spread: 30, slow: false }, { r: 2, w: 2, sloppy: true, hintedHandoff: true }, gens, true);
        return simulate(c).ops.every((op) => !op.stale);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(result.failed).toBe(true);
  });

  it('never silently loses an acknowledged write with vector clocks; concurrent writes become siblings', () => {
    fc.assert(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 18 }), fc.boolean(), (shape, gens, sloppy) => {
        const c = build(shape, { r: 1, w: 1, sloppy }, gens, false);
        const run = simulate(c);
        for (const s of run.snaps) expect(s.lost).toEqual([]);
        // two acknowledged writes whose clocks are incomparable both survive on some node until a write merges them
        const acked = run.ops.filter((o) => o.kind === 'write' && o.status === 'ok');
        const last = run.snaps.at(-1)!;
        const held = last.nodes.flatMap((n) => [...n.store, ...n.hints.map((h) => h.version)]);
        for (const a of acked) expect(held.some((x) => descends(x.clock, a.version!.clock))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('concurrent writes from X and Y leave siblings; a read returns both and a later write merges them', () => {
    const run = simulate(
      config({
        actions: [
          { type: 'write', at: 0, client: 'X', value: 'book' },
          { type: 'write', at: 0, client: 'Y', value: 'pen' },
          { type: 'read', at: 300, client: 'X' },
          { type: 'write', at: 400, client: 'X', value: 'both' },
          { type: 'read', at: 700, client: 'Y' },
        ],
      }),
    );
    const [wx, wy, r1, merged, r2] = run.ops;
    expect(compare(wx.version!.clock, wy.version!.clock)).toBe('concurrent');
    expect(r1.result!.map((x) => x.value).sort()).toEqual(['book', 'pen']);
    expect(merged.supersedes!.sort()).toEqual([0, 1]);
    expect(r2.result!.map((x) => x.value)).toEqual(['both']);
  });

  it('last-writer-wins silently loses one of two concurrent acknowledged writes', () => {
    const run = simulate(config({ lww: true, actions: [{ type: 'write', at: 0, client: 'X', value: 'book' }, { type: 'write', at: 1, client: 'Y', value: 'pen' }, { type: 'read', at: 300, client: 'X' }] }));
    expect(run.ops[0].status).toBe('ok');
    expect(run.ops[1].status).toBe('ok');
    expect(run.ops[2].result!.map((x) => x.value)).toEqual(['pen']);
    expect(run.snaps.at(-1)!.lost).toEqual([0]);
  });

  it('a write (or read) that cannot reach its quorum fails and is reported; every successful one had its quorum', () => {
    fc.assert(
      fc.property(arbShape, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(arbGen, { maxLength: 18 }), fc.boolean(), (shape, r0, w0, gens, sloppy) => {
        const r = Math.min(r0, shape.n);
        const w = Math.min(w0, shape.n);
        const run = simulate(build(shape, { r, w, sloppy }, gens, false));
        for (const op of run.ops) {
          const need = op.kind === 'write' ? w : r;
          const counted = op.replied.filter((id) => op.counted.includes(id)).length;
          expect(op.status).not.toBe('pending');
          if (op.status === 'ok') expect(counted).toBeGreaterThanOrEqual(need);
          if (op.reason === 'unavailable') {
            expect(op.counted.length).toBeLessThan(need);
            expect(op.replied).toEqual([]);
          }
          if (!sloppy) expect(op.counted.every((id) => nodeIds(run.config).indexOf(id) < shape.n)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with every home replica cut off, a strict write fails while a sloppy one succeeds on spares with hints', () => {
    const acts = [{ type: 'fail', at: 0, node: 'B' }, { type: 'fail', at: 0, node: 'C' }, { type: 'write', at: 10, client: 'X' }];
    const strict = simulate(config({ actions: acts }));
    expect(strict.ops[0]).toMatchObject({ status: 'failed', reason: 'unavailable' });
    const sloppy = simulate(config({ sloppy: true, actions: acts }));
    expect(sloppy.ops[0].status).toBe('ok');
    expect(sloppy.hints.map((h) => h.for).sort()).toEqual(['B', 'C']);
  });

  it('hinted writes are delivered once, and all of them once every node is back and the partition healed', () => {
    fc.assert(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 18 }), fc.boolean(), (shape, gens, sloppy) => {
        const c0 = build(shape, { r: 1, w: 1, sloppy, hintedHandoff: true }, gens, false);
        const end = (c0.actions.at(-1)?.at ?? 0) + 1;
        const back: Action[] = [{ type: 'heal', at: end }, ...nodeIds(c0).map((node) => ({ type: 'recover' as const, at: end, node }))];
        const run = simulate({ ...c0, actions: [...c0.actions, ...back] });
        for (const h of run.hints) expect(run.hintDeliveries[h.id]).toBe(1);
        expect(run.snaps.at(-1)!.nodes.every((n) => n.hints.length === 0)).toBe(true);
        expect(run.snaps.at(-1)!.inFlight).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('read repair brings a replica that missed a write up to date', () => {
    const acts = [
      { type: 'fail', at: 0, node: 'C' },
      { type: 'write', at: 10, client: 'X', value: 'new' },
      { type: 'recover', at: 300, node: 'C' },
      { type: 'read', at: 400, client: 'Y' },
    ];
    const off = simulate(config({ hintedHandoff: false, readRepair: false, actions: acts }));
    expect(off.snaps.at(-1)!.nodes.find((n) => n.id === 'C')!.store).toEqual([]);
    const on = simulate(config({ hintedHandoff: false, readRepair: true, actions: acts }));
    expect(on.ops[1].repaired).toEqual(['C']);
    expect(on.snaps.at(-1)!.nodes.find((n) => n.id === 'C')!.store.map((x) => x.value)).toEqual(['new']);
  });
});

describe('scenario', () => {
  it('recording an action keeps every earlier state and lands the player on it', () => {
    fc.assert(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<'X' | 'Y'>('X', 'Y'), (shape, gens, f, who) => {
        const sc = new QuorumScenario(build(shape, { r: 1, w: 1 }, gens, false));
        const step = Math.round(f * sc.length);
        const { scenario, step: at } = sc.withAction(step, { type: 'write', client: who });
        expect(at).toBeGreaterThan(step);
        for (let i = 0; i <= step; i++) expect(scenario.stateAt(i)).toEqual(sc.stateAt(i));
        expect(scenario.stepAt(at)!.action).toBe(scenario.config.actions.length - 1);
        expect(parse(quorumConfigSchema, scenario.toJSON()).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('toJSON round-trips to the same run', () => {
    fc.assert(
      fc.property(arbShape, fc.array(arbGen, { maxLength: 12 }), (shape, gens) => {
        const sc = new QuorumScenario(build(shape, { r: 2 > shape.n ? 1 : 2, w: 1 }, gens, false));
        const back = new QuorumScenario(config(JSON.parse(JSON.stringify(sc.toJSON(3)))));
        expect(back.run.steps).toEqual(sc.run.steps);
        expect(back.config.step).toBe(Math.min(3, sc.length));
      }),
      { numRuns: 30 },
    );
  });
});
