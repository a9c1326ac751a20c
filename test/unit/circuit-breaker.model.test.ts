import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/core/validate.js';
import {
  BreakerScenario,
  breakerConfigSchema,
  downstreamAt,
  failureProbability,
  loadedLatency,
  naiveBaseline,
  retryDelay,
  simulate,
  stateIn,
  type BreakerConfig,
} from '../../src/components/circuit-breaker/model.js';

function config(input: Record<string, unknown>): BreakerConfig {
  const r = parse(breakerConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}

const issues = (input: unknown): string[] => {
  const r = parse(breakerConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

/** Small random scenarios (short, so a property runs many of them). */
const arbConfig = fc
  .record({
    seed: fc.integer({ min: 0, max: 1000 }),
    duration: fc.integer({ min: 2000, max: 15_000 }),
    rps: fc.integer({ min: 1, max: 60 }),
    failureRate: fc.double({ min: 0, max: 1, noNaN: true }),
    latency: fc.integer({ min: 5, max: 800 }),
    capacity: fc.integer({ min: 5, max: 80 }),
    timeout: fc.integer({ min: 100, max: 2000 }),
    breaker: fc.boolean(),
    windowSize: fc.integer({ min: 2, max: 30 }),
    minFrac: fc.double({ min: 0.1, max: 1, noNaN: true }),
    failureThreshold: fc.integer({ min: 1, max: 100 }),
    openDuration: fc.integer({ min: 100, max: 5000 }),
    halfOpenCalls: fc.integer({ min: 1, max: 5 }),
    retries: fc.integer({ min: 0, max: 4 }),
    backoff: fc.constantFrom('none', 'exponential', 'jitter'),
    change: fc.option(fc.record({ frac: fc.double({ min: 0, max: 1, noNaN: true }), failureRate: fc.double({ min: 0, max: 1, noNaN: true }) })),
  })
  .map(({ minFrac, change, ...c }) =>
    config({
      ...c,
      minimumCalls: Math.max(1, Math.round(minFrac * c.windowSize)),
      changes: change ? [{ at: Math.round(change.frac * c.duration), failureRate: change.failureRate }] : [],
    }),
  );

describe('config', () => {
  it('fills Resilience4j-like defaults', () => {
    const c = config({});
    expect(c).toMatchObject({ windowSize: 20, minimumCalls: 10, failureThreshold: 50, openDuration: 5000, halfOpenCalls: 3, breaker: true, backoff: 'jitter', retries: 3 });
  });

  it('locates bad values, cross-field problems and unknown fields', () => {
    expect(issues({ failureRate: 1.5 })).toEqual(['failureRate: expected a number from 0 to 1, got 1.5']);
    expect(issues({ windowSize: 5, minimumCalls: 8 })[0]).toMatch(/^minimumCalls: expected at most windowSize \(5\)/);
    expect(issues({ baseDelay: 900, maxDelay: 100 })[0]).toMatch(/^baseDelay: /);
    expect(issues({ duration: 5000, time: 6000 })[0]).toMatch(/^time: /);
    expect(issues({ changes: [{ at: 3000, failureRate: 0.5 }, { at: 1000, latency: 50 }] })[0]).toMatch(/^changes\[1\]\.at: expected changes in time order/);
    expect(issues({ changes: [{ at: 100 }] })[0]).toMatch(/^changes\[0\]: expected failureRate or latency/);
    expect(issues({ backoff: 'linear' })[0]).toMatch(/^backoff: expected one of "none", "exponential", "jitter"/);
    expect(issues({ windowsize: 3 })[0]).toMatch(/did you mean "windowSize"/);
  });
});

describe('formulas', () => {
  it('retry delays: none is 0; exponential doubles up to the cap; jitter lies in [0, that)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (base, cap, k, draw) => {
        const c = { baseDelay: Math.min(base, cap), maxDelay: cap };
        expect(retryDelay({ ...c, backoff: 'none' }, k, draw)).toBe(0);
        const e = retryDelay({ ...c, backoff: 'exponential' }, k, draw);
        expect(e).toBe(Math.min(cap, c.baseDelay * 2 ** k));
        expect(retryDelay({ ...c, backoff: 'exponential' }, k + 1, draw)).toBeGreaterThanOrEqual(e);
        const j = retryDelay({ ...c, backoff: 'jitter' }, k, draw);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThan(e + 1e-9);
      }),
    );
  });

  it('failure probability is the base rate up to capacity and grows with load beyond it; so does latency', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 100 }), (f, load, cap) => {
        const p = failureProbability(f, load, cap);
        expect(p).toBeGreaterThanOrEqual(f - 1e-12);
        expect(p).toBeLessThanOrEqual(1);
        if (load <= cap) expect(p).toBeCloseTo(f, 12);
        expect(failureProbability(f, load + 1, cap)).toBeGreaterThanOrEqual(p - 1e-12);
        expect(loadedLatency(100, load, cap)).toBeGreaterThanOrEqual(100);
        expect(loadedLatency(100, load + 1, cap)).toBeGreaterThanOrEqual(loadedLatency(100, load, cap));
      }),
    );
  });

  it('the downstream in force at t is the last change at or before t', () => {
    const c = { failureRate: 0.1, latency: 50, changes: [{ at: 1000, failureRate: 0.5 }, { at: 2000, latency: 300 }] };
    expect(downstreamAt(c, 999)).toEqual({ failureRate: 0.1, latency: 50 });
    expect(downstreamAt(c, 1000)).toEqual({ failureRate: 0.5, latency: 50 });
    expect(downstreamAt(c, 5000)).toEqual({ failureRate: 0.5, latency: 300 });
  });
});

describe('simulation', () => {
  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(arbConfig, (c) => {
        expect(simulate(c)).toEqual(simulate(c));
      }),
      { numRuns: 30 },
    );
  });

  it('conserves calls: every attempt is a success, a failure or a rejection; retries follow failures only, at most `retries` per request', () => {
    fc.assert(
      fc.property(arbConfig, (c) => {
        const r = simulate(c);
        const byReq = new Map<number, typeof r.attempts>();
        for (const a of r.attempts) byReq.set(a.request, [...(byReq.get(a.request) ?? []), a]);
        for (const list of byReq.values()) {
          list.sort((a, b) => a.n - b.n);
          list.forEach((a, i) => {
            expect(a.n).toBe(i);
            expect(a.n).toBeLessThanOrEqual(c.retries);
            if (i > 0) {
              expect(list[i - 1].outcome).toBe('failure');
              expect(a.start).toBeGreaterThanOrEqual(list[i - 1].end);
            }
            if (i < list.length - 1) expect(a.outcome).toBe('failure');
          });
        }
        const sum = r.buckets.reduce((s, b) => s + b.succeeded + b.failed + b.rejected, 0);
        expect(sum).toBe(r.attempts.length);
        expect(r.buckets.reduce((s, b) => s + b.load, 0)).toBe(r.attempts.filter((a) => a.outcome !== 'rejected').length);
      }),
      { numRuns: 60 },
    );
  });

  it('without a breaker nothing is rejected and the breaker never moves', () => {
    fc.assert(
      fc.property(arbConfig, (c0) => {
        const r = simulate({ ...c0, breaker: false });
        expect(r.transitions).toEqual([]);
        expect(r.attempts.every((a) => a.outcome !== 'rejected')).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('follows the state machine: closed → open → half-open → closed | open, open lasts openDuration, and a call is rejected only while open or beyond the half-open quota', () => {
    fc.assert(
      fc.property(arbConfig, (c0) => {
        const c = { ...c0, breaker: true };
        const r = simulate(c);
        let prev = 'closed';
        r.transitions.forEach((tr, i) => {
          expect(tr.from).toBe(prev);
          const allowed = { closed: ['open'], open: ['half-open'], 'half-open': ['open', 'closed'] }[tr.from];
          expect(allowed).toContain(tr.to);
          if (tr.from === 'open') expect(tr.at - r.transitions[i - 1].at).toBeCloseTo(c.openDuration, 6);
          if (tr.to === 'open') expect(tr.rate!).toBeGreaterThanOrEqual(c.failureThreshold);
          if (tr.from === 'half-open' && tr.to === 'closed') expect(tr.rate!).toBeLessThan(c.failureThreshold);
          prev = tr.to;
        });
        for (const a of r.attempts) {
          if (a.outcome === 'rejected') expect(a.state).not.toBe('closed');
          if (a.state === 'open') expect(a.outcome).toBe('rejected');
          expect(stateIn(r.transitions, a.start) === a.state || r.transitions.some((tr) => tr.at === a.start)).toBe(true);
        }
        // half-open lets at most halfOpenCalls through per visit
        r.transitions.forEach((tr, i) => {
          if (tr.to !== 'half-open') return;
          const end = r.transitions[i + 1]?.at ?? Infinity;
          const through = r.attempts.filter((a) => a.state === 'half-open' && a.outcome !== 'rejected' && a.start >= tr.at && a.start < end).length;
          expect(through).toBeLessThanOrEqual(c.halfOpenCalls);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never trips on fewer than minimumCalls recorded calls, and a healthy, unloaded downstream never trips it', () => {
    fc.assert(
      fc.property(arbConfig, (c0) => {
        const c = { ...c0, breaker: true };
        const r = simulate(c);
        const first = r.transitions[0];
        if (first) expect(r.recorded.filter((x) => x.at <= first.at).length).toBeGreaterThanOrEqual(c.minimumCalls);
        const healthy = simulate({ ...c, failureRate: 0, changes: [], capacity: 10_000, timeout: 60_000 });
        expect(healthy.transitions).toEqual([]);
        expect(healthy.attempts.every((a) => a.outcome === 'success')).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('a downstream that always fails opens the breaker once minimumCalls have failed', () => {
    fc.assert(
      fc.property(arbConfig, (c0) => {
        const c = { ...c0, breaker: true, failureRate: 1, changes: [], duration: 15_000, rps: 20, timeout: 2000, latency: 50 };
        const r = simulate(c);
        expect(r.transitions[0]?.to).toBe('open');
        expect(r.recorded.filter((x) => x.at <= r.transitions[0].at).length).toBe(c.minimumCalls);
      }),
      { numRuns: 30 },
    );
  });

  it('the snapshot window holds at most windowSize outcomes and agrees with its failure rate', () => {
    fc.assert(
      fc.property(arbConfig, fc.double({ min: 0, max: 1, noNaN: true }), (c, f) => {
        const sc = new BreakerScenario(c);
        const s = sc.stateAt(f * c.duration);
        expect(s.window.length).toBeLessThanOrEqual(Math.max(c.windowSize, c.halfOpenCalls));
        if (s.state === 'open') expect(s.window).toEqual([]);
        if (s.window.length) expect(s.windowRate).toBeCloseTo((100 * s.window.filter((x) => !x).length) / s.window.length, 9);
        if (s.state === 'closed' && c.breaker && s.window.length >= c.minimumCalls) expect(s.windowRate!).toBeLessThan(c.failureThreshold);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the retry-storm story', () => {
  const story = { rps: 30, capacity: 40, changes: [{ at: 10_000, failureRate: 0.3 }, { at: 40_000, failureRate: 0.02 }] };

  it('naive retries with no breaker push the load past capacity; the breaker with jittered back-off keeps it far lower', () => {
    for (const seed of [1, 2, 3]) {
      const guarded = simulate(config({ ...story, seed }));
      const naive = simulate(naiveBaseline(config({ ...story, seed })));
      const mid = (r: typeof guarded) => r.buckets.slice(15, 40).reduce((s, b) => s + b.load, 0) / 25;
      expect(mid(naive)).toBeGreaterThan(40);
      expect(mid(guarded)).toBeLessThan(mid(naive) / 2);
      expect(guarded.transitions.some((t) => t.to === 'open')).toBe(true);
      // after the downstream recovers, the breaker ends closed
      expect(stateIn(guarded.transitions, 60_000)).toBe('closed');
    }
  });

  it('more retries never lower the number of calls without a breaker (same failures, more attempts)', () => {
    const loads = [0, 1, 3].map((retries) => simulate(config({ ...story, breaker: false, backoff: 'none', retries })).attempts.length);
    expect(loads[0]).toBeLessThan(loads[1]);
    expect(loads[1]).toBeLessThan(loads[2]);
  });
});

describe('scenario', () => {
  it('toJSON round-trips to the same run', () => {
    fc.assert(
      fc.property(arbConfig, fc.double({ min: 0, max: 1, noNaN: true }), (c, f) => {
        const sc = new BreakerScenario(c);
        const back = new BreakerScenario(config(JSON.parse(JSON.stringify(sc.toJSON(f * c.duration)))));
        expect(back.run.attempts).toEqual(sc.run.attempts);
        expect(back.config.time).toBe(Math.round(f * c.duration));
      }),
      { numRuns: 20 },
    );
  });

  it('withChange records the change at t, drops later ones, and leaves the run before t unchanged', () => {
    fc.assert(
      fc.property(arbConfig, fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, f, rate) => {
        const sc = new BreakerScenario(c);
        const t = Math.round(f * c.duration);
        const next = sc.withChange(t, { failureRate: rate });
        expect(next.config.changes.every((ch) => ch.at <= t)).toBe(true);
        expect(next.stateAt(t).downstream.failureRate).toBeCloseTo(rate, 12);
        expect(parse(breakerConfigSchema, next.toJSON()).ok).toBe(true);
        // calls made before t behave identically (same seed, same draws)
        const before = (s: BreakerScenario) => s.run.attempts.filter((a) => a.end < t);
        expect(before(next)).toEqual(before(sc));
      }),
      { numRuns: 30 },
    );
  });
});
