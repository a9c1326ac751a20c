import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3 } from '../../src/core/hash.js';
import { parse } from '../../src/core/validate.js';
import {
  Ring,
  RingScenario,
  generateKeys,
  ringConfigSchema,
  vnodeCount,
  type RingConfig,
} from '../../src/components/consistent-hash-ring/model.js';

function config(input: Record<string, unknown>): RingConfig {
  const r = parse(ringConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}

const nodeIds = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,7}$/), { minLength: 1, maxLength: 12 });

/** Brute force: scan every vnode for the first position ≥ hash, else the smallest. */
function bruteOwner(ring: Ring, hash: number): string {
  let best = -1;
  for (let p = 0; p < ring.size; p++) if (ring.positions[p] >= hash) { best = p; break; }
  return ring.nodes[ring.owners[best === -1 ? 0 : best]].id;
}

describe('Ring', () => {
  it('positions are sorted and each node has round(weight × vnodes) of them', () => {
    fc.assert(
      fc.property(nodeIds, fc.integer({ min: 1, max: 40 }), fc.array(fc.double({ min: 0.1, max: 4, noNaN: true }), { minLength: 12, maxLength: 12 }), (ids, vn, ws) => {
        const nodes = ids.map((id, i) => ({ id, weight: ws[i] }));
        const ring = new Ring(nodes, vn);
        for (let p = 1; p < ring.size; p++) expect(ring.positions[p]).toBeGreaterThanOrEqual(ring.positions[p - 1]);
        const per = new Map<string, number>();
        for (let p = 0; p < ring.size; p++) per.set(ring.nodes[ring.owners[p]].id, (per.get(ring.nodes[ring.owners[p]].id) ?? 0) + 1);
        for (const n of nodes) expect(per.get(n.id) ?? 0).toBe(vnodeCount(n.weight, vn));
      }),
      { numRuns: 60 },
    );
  });

  it('vnode positions are murmur3 of "id#i"', () => {
    const ring = new Ring([{ id: 'A', weight: 1 }, { id: 'B', weight: 1 }], 5);
    for (let p = 0; p < ring.size; p++) {
      const id = ring.nodes[ring.owners[p]].id;
      expect(ring.positions[p]).toBe(murmur3(`${id}#${ring.replica[p]}`));
    }
  });

  it('binary-search lookup agrees with a linear scan, including wrap-around', () => {
    fc.assert(
      fc.property(nodeIds, fc.integer({ min: 1, max: 20 }), fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 50 }), (ids, vn, hashes) => {
        const ring = new Ring(ids.map((id) => ({ id, weight: 1 })), vn);
        const edge = [0, 2 ** 32 - 1, ring.positions[0], ring.positions[ring.size - 1], ring.positions[ring.size - 1] + 1];
        for (const h of [...hashes, ...edge.filter((x) => x < 2 ** 32)]) expect(ring.nodes[ring.ownerIndexOfHash(h)].id).toBe(bruteOwner(ring, h));
      }),
      { numRuns: 100 },
    );
  });

  it('ring shares sum to 1', () => {
    fc.assert(
      fc.property(nodeIds, fc.integer({ min: 1, max: 50 }), (ids, vn) => {
        const share = new Ring(ids.map((id) => ({ id, weight: 1 })), vn).share();
        expect(share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('replicas: the first is the owner, they are distinct, and there are min(R, nodes) of them', () => {
    fc.assert(
      fc.property(nodeIds, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }), fc.string(), (ids, vn, r, key) => {
        const ring = new Ring(ids.map((id) => ({ id, weight: 1 })), vn);
        const reps = ring.replicasOf(key, r);
        expect(reps[0]).toBe(ring.ownerOf(key));
        expect(new Set(reps).size).toBe(reps.length);
        expect(reps.length).toBe(Math.min(r, ids.length));
      }),
    );
  });

  it('a weight-0 node owns nothing', () => {
    const ring = new Ring([{ id: 'A', weight: 1 }, { id: 'Z', weight: 0 }], 50);
    expect(ring.share()[1]).toBe(0);
    for (const k of generateKeys(500, 3)) expect(ring.ownerOf(k)).toBe('A');
  });
});

describe('moving keys', () => {
  it('adding a node moves keys only to the new node', () => {
    fc.assert(
      fc.property(nodeIds, fc.stringMatching(/^[a-z]{1,6}$/), fc.integer({ min: 1, max: 64 }), fc.nat(), (ids, newId, vn, seed) => {
        fc.pre(!ids.includes(newId));
        const sc = new RingScenario(config({ nodes: ids, vnodes: vn, keyCount: 300, seed, actions: [{ type: 'add', id: newId }] }));
        const change = sc.stateAt(1).change!;
        expect(change.added).toBe(newId);
        for (const m of change.moved) expect(m.to).toBe(newId);
        // and every key now owned by the new node came from somewhere else
        const after = sc.stateAt(1);
        const ownedByNew = after.owners.filter((o) => after.ring.nodes[o].id === newId).length;
        expect(change.moved.length).toBe(ownedByNew);
      }),
      { numRuns: 80 },
    );
  });

  it('removing a node moves only that node’s keys, each to a surviving node', () => {
    fc.assert(
      fc.property(nodeIds.filter((a) => a.length >= 2), fc.nat(), fc.integer({ min: 1, max: 64 }), fc.nat(), (ids, pick, vn, seed) => {
        const gone = ids[pick % ids.length];
        const sc = new RingScenario(config({ nodes: ids, vnodes: vn, keyCount: 300, seed, actions: [{ type: 'remove', id: gone }] }));
        const before = sc.stateAt(0);
        const change = sc.stateAt(1).change!;
        const hadGone = before.owners.filter((o) => before.ring.nodes[o].id === gone).length;
        expect(change.moved.length).toBe(hadGone);
        for (const m of change.moved) {
          expect(m.from).toBe(gone);
          expect(m.to).not.toBe(gone);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the moved fraction is about 1/(N+1) on a join, far below modulo hashing', () => {
    const sc = new RingScenario(config({ nodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'], vnodes: 200, keyCount: 20_000, actions: [{ type: 'add', id: 'J' }] }));
    const change = sc.stateAt(1).change!;
    expect(change.movedFraction).toBeGreaterThan(0.1 * 0.75);
    expect(change.movedFraction).toBeLessThan(0.1 * 1.25);
    // mod N → mod N+1 keeps a key only when h mod 9 = h mod 10: about 1 in 10.
    expect(change.moduloMovedFraction).toBeGreaterThan(0.85);
  });
});

describe('balance', () => {
  it('with 10 nodes × 200 vnodes the busiest node holds ≤ 1.35 × the mean', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{2,10}$/), { minLength: 10, maxLength: 10 }), fc.nat(), (ids, seed) => {
        const sc = new RingScenario(config({ nodes: ids, vnodes: 200, keyCount: 20_000, seed }));
        expect(sc.stateAt(0).loads.maxOverMean).toBeLessThanOrEqual(1.35);
      }),
      { numRuns: 25 },
    );
  });

  it('more virtual nodes spread load more evenly (1 vs 200 vnodes, averaged over node sets)', () => {
    let sd1 = 0;
    let sd200 = 0;
    for (let s = 0; s < 10; s++) {
      const nodes = Array.from({ length: 8 }, (_, i) => `n${s}-${i}`);
      sd1 += new RingScenario(config({ nodes, vnodes: 1, keyCount: 5000 })).stateAt(0).loads.stdDev;
      sd200 += new RingScenario(config({ nodes, vnodes: 200, keyCount: 5000 })).stateAt(0).loads.stdDev;
    }
    expect(sd200 * 3).toBeLessThan(sd1);
  });

  it('weights scale load: a weight-2 node gets about twice the share of a weight-1 node', () => {
    const sc = new RingScenario(config({ nodes: [{ id: 'big', weight: 2 }, 'a', 'b', 'c'], vnodes: 300, keyCount: 1 }));
    const share = sc.stateAt(0).loads.share;
    expect(share[0] / ((share[1] + share[2] + share[3]) / 3)).toBeGreaterThan(1.6);
    expect(share[0] / ((share[1] + share[2] + share[3]) / 3)).toBeLessThan(2.5);
  });

  it('load counts add up to the number of keys, replica counts to keys × R', () => {
    fc.assert(
      fc.property(nodeIds.filter((a) => a.length >= 3), fc.integer({ min: 1, max: 3 }), (ids, r) => {
        const sc = new RingScenario(config({ nodes: ids, vnodes: 10, keyCount: 200, replication: r }));
        const l = sc.stateAt(0).loads;
        expect(l.counts.reduce((a, b) => a + b, 0)).toBe(200);
        expect(l.replicaCounts.reduce((a, b) => a + b, 0)).toBe(200 * r);
      }),
      { numRuns: 30 },
    );
  });
});

describe('scenario', () => {
  it('is deterministic: the same config gives the same keys and owners', () => {
    fc.assert(
      fc.property(nodeIds, fc.nat(), (ids, seed) => {
        const a = new RingScenario(config({ nodes: ids, keyCount: 100, seed }));
        const b = new RingScenario(config({ nodes: ids, keyCount: 100, seed }));
        expect(a.keys).toEqual(b.keys);
        expect(Array.from(a.stateAt(0).owners)).toEqual(Array.from(b.stateAt(0).owners));
      }),
      { numRuns: 30 },
    );
  });

  it('generated keys are distinct and depend on the seed', () => {
    const a = generateKeys(2000, 1);
    expect(new Set(a).size).toBe(2000);
    expect(generateKeys(2000, 2)).not.toEqual(a);
  });

  it('state at a step depends only on the nodes at that step (seek = replay)', () => {
    const sc = new RingScenario(config({ nodes: ['A', 'B', 'C'], keyCount: 300, actions: [{ type: 'add', id: 'D' }, { type: 'remove', id: 'A' }, { type: 'add', id: 'A' }] }));
    const fresh = new RingScenario(config({ nodes: ['B', 'C', 'D', 'A'], keyCount: 300 }));
    expect(Array.from(sc.stateAt(3).owners).map((o) => sc.stateAt(3).ring.nodes[o].id)).toEqual(
      Array.from(fresh.stateAt(0).owners).map((o) => fresh.stateAt(0).ring.nodes[o].id),
    );
  });

  it('toJSON round-trips: the exported scenario reproduces the same run and step', () => {
    const sc = new RingScenario(config({ nodes: ['A', { id: 'B', weight: 2 }], vnodes: 7, keyCount: 50, seed: 9, replication: 2, probe: 'cart:1' }))
      .withAction(0, { type: 'add', id: 'C' })!
      .withAction(1, { type: 'remove', id: 'A' })!;
    const json = JSON.parse(JSON.stringify(sc.toJSON(1)));
    const back = new RingScenario(config(json));
    expect(back.config.step).toBe(1);
    expect(back.config.actions).toEqual(sc.config.actions);
    expect(back.keys).toEqual(sc.keys);
    expect(Array.from(back.stateAt(2).owners)).toEqual(Array.from(sc.stateAt(2).owners));
  });

  it('withAction refuses impossible changes and drops the redo history', () => {
    const sc = new RingScenario(config({ nodes: ['A', 'B'], actions: [{ type: 'add', id: 'C' }, { type: 'add', id: 'D' }] }));
    expect(sc.withAction(0, { type: 'add', id: 'A' })).toBeNull();
    expect(sc.withAction(0, { type: 'remove', id: 'C' })).toBeNull();
    const branched = sc.withAction(1, { type: 'remove', id: 'A' })!;
    expect(branched.config.actions.map((a) => a.id)).toEqual(['C', 'A']);
    const single = new RingScenario(config({ nodes: ['A'] }));
    expect(single.withAction(0, { type: 'remove', id: 'A' })).toBeNull();
  });
});

describe('config validation', () => {
  const issues = (input: unknown) => {
    const r = parse(ringConfigSchema, input);
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it('fills defaults', () => {
    const c = config({});
    expect(c.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(c.keys.length).toBe(100);
    expect(c.step).toBe(0);
  });

  it('names the exact path of a bad weight', () => {
    expect(issues({ nodes: ['A', 'B', { id: 'C', weight: 'heavy' }] })).toEqual(['nodes[2].weight: expected a number from 0 to 100, got "heavy"']);
  });

  it('reports unknown fields with a suggestion', () => {
    expect(issues({ vnode: 3 })[0]).toMatch(/^vnode: unknown field \(did you mean "vnodes"\?\)/);
  });

  it('reports every problem at once', () => {
    const list = issues({ nodes: ['A', 'A'], vnodes: 0, replication: 'x', keyCount: -1 });
    expect(list).toContain('nodes[1]: duplicate node id "A" (also at nodes[0])');
    expect(list.some((l) => l.startsWith('vnodes: expected an integer from 1 to 1000, got 0'))).toBe(true);
    expect(list.some((l) => l.startsWith('replication: expected an integer'))).toBe(true);
    expect(list.some((l) => l.startsWith('keyCount: expected an integer'))).toBe(true);
  });

  it('checks actions against the ring at their point', () => {
    expect(issues({ nodes: ['A', 'B'], actions: [{ type: 'remove', id: 'C' }] })[0]).toMatch(/^actions\[0\]\.id: node "C" is not on the ring/);
    expect(issues({ nodes: ['A'], actions: [{ type: 'add', id: 'A' }] })[0]).toMatch(/^actions\[0\]\.id: node "A" is already on the ring/);
    expect(issues({ nodes: ['A'], actions: [{ type: 'remove', id: 'A' }] })[0]).toMatch(/^actions\[0\]: cannot remove the last node/);
    expect(issues({ nodes: ['A'], actions: [{ type: 'explode', id: 'A' }] })).toEqual(['actions[0].type: expected one of "add", "remove", got "explode"']);
    expect(issues({ nodes: ['A#1'] })[0]).toMatch(/^nodes\[0\]: expected a node id \(1–40 characters, no "#" or ","\), got "A#1"$/);
    expect(issues({ nodes: [{ id: 'A', weight: -1 }] })).toEqual(['nodes[0].weight: expected a number from 0 to 100, got -1']);
  });

  it('rejects replication above the node count, a step past the actions, a root that is not an object', () => {
    expect(issues({ nodes: ['A', 'B'], replication: 3 })).toEqual(['replication: expected at most 2 (the number of nodes with a weight > 0), got 3']);
    expect(issues({ step: 2 })).toEqual(['step: expected at most 0 (the number of actions), got 2']);
    expect(issues([1, 2])[0]).toMatch(/^config: expected an object/);
    expect(issues({ nodes: ['A,B'] })[0]).toMatch(/^nodes\[0\]: expected a node id/);
  });
});
