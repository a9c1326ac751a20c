import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../src/core/validate.js';
import {
  BASE62,
  SnowflakeScenario,
  base62Steps,
  birthday,
  birthdayHalf,
  bitString,
  charsFor,
  compareSchemes,
  compose,
  decompose,
  fromBase62,
  isoTime,
  layoutProblem,
  parseId,
  simulate,
  snowflakeConfigSchema,
  toBase62,
  type Layout,
  type SnowflakeConfig,
} from '../../src/components/snowflake-id/model.js';

function config(input: Record<string, unknown>): SnowflakeConfig {
  const r = parse(snowflakeConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}
const issues = (input: unknown): string[] => {
  const r = parse(snowflakeConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

/** Layouts that total 63 bits after the sign, with room for a clock and a few machines. */
const arbLayout: fc.Arbitrary<Layout> = fc
  .record({ machineBits: fc.integer({ min: 2, max: 12 }), sequenceBits: fc.integer({ min: 1, max: 12 }) })
  .map(({ machineBits, sequenceBits }) => ({ timeBits: 63 - machineBits - sequenceBits, machineBits, sequenceBits }));

const arbEvent = fc.oneof(
  fc.record({ type: fc.constant('generate' as const), worker: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ type: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('clockBack' as const), worker: fc.integer({ min: 0, max: 2 }), ms: fc.integer({ min: 1, max: 8 }) }),
);

const arbScenario = fc.record({
  layout: arbLayout,
  seed: fc.integer({ min: 0, max: 1000 }),
  requests: fc.integer({ min: 0, max: 60 }),
  maxGap: fc.integer({ min: 0, max: 3 }),
  events: fc.array(arbEvent, { maxLength: 12 }),
  onBackwards: fc.constantFrom('wait' as const, 'refuse' as const),
  maxWait: fc.integer({ min: 0, max: 6 }),
});

const scenarioConfig = (s: fc.Arbitrary<unknown> extends never ? never : Parameters<Parameters<typeof arbScenario.map>[0]>[0]) =>
  config({ ...s.layout, workers: [0, 1, 2], seed: s.seed, requests: s.requests, maxGap: s.maxGap, events: s.events, onBackwards: s.onBackwards, maxWait: s.maxWait });

describe('layout and bit arithmetic', () => {
  it('compose and decompose are inverse for any fields that fit, and the sign bit stays 0', () => {
    fc.assert(
      fc.property(arbLayout, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.nat(), (l, f, m, s) => {
        const ts = Math.floor(f * Math.min(2 ** l.timeBits - 1, 2 ** 50));
        const machine = m % 2 ** l.machineBits;
        const seq = s % 2 ** l.sequenceBits;
        const id = compose(l, ts, machine, seq);
        expect(id >= 0n && id < 1n << 63n).toBe(true);
        expect(bitString(id)[0]).toBe('0');
        expect(decompose(l, 5, id)).toEqual({ id, ts, unixMs: ts + 5, machine, sequence: seq });
      }),
    );
  });

  it('a later millisecond always gives a larger id, whatever the machine and sequence', () => {
    fc.assert(
      fc.property(arbLayout, fc.nat(1e9), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (l, ts, m1, s1, m2, s2) => {
        const M = 2 ** l.machineBits;
        const S = 2 ** l.sequenceBits;
        expect(compose(l, ts, m1 % M, s1 % S) < compose(l, ts + 1, m2 % M, s2 % S)).toBe(true);
      }),
    );
  });

  it('a layout is valid exactly when the fields total 63 bits, and the message says how many to add or remove', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 61 }), fc.integer({ min: 1, max: 61 }), fc.integer({ min: 1, max: 61 }), (t, m, s) => {
        const p = layoutProblem({ timeBits: t, machineBits: m, sequenceBits: s });
        expect(p === undefined).toBe(t + m + s === 63);
        if (p) expect(p).toContain(`${Math.abs(t + m + s - 63)} bit`);
      }),
    );
  });

  it('parseId decodes decimal ids, and locates what is wrong with bad input', () => {
    const l = { timeBits: 41, machineBits: 10, sequenceBits: 12 };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), (id) => {
        const d = parseId(` ${id} `, l, 0);
        expect('error' in d ? d.error : d.id).toBe(id);
      }),
    );
    expect(parseId('12a4', l, 0)).toEqual({ error: expect.stringContaining('character 3') });
    expect(parseId(String(1n << 63n), l, 0)).toEqual({ error: expect.stringContaining('sign bit') });
    expect(parseId('', l, 0)).toHaveProperty('error');
  });

  it('isoTime agrees with the platform calendar (checked here in the test only)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }));
  });
});

describe('base62', () => {
  it('round-trips, uses only the alphabet, and never has a leading zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (n) => {
        const code = toBase62(n);
        expect(fromBase62(code)).toBe(n);
        for (const ch of code) expect(BASE62).toContain(ch);
        if (n > 0n) expect(code[0]).not.toBe('0');
        expect(code.length).toBeLessThanOrEqual(charsFor(64, 62));
      }),
    );
  });

  it('the division steps rebuild the number: n = 62·q + r at each step, and the remainders read backwards are the code', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), (n) => {
        const steps = base62Steps(n);
        for (const s of steps) expect(s.q * 62n + BigInt(s.r)).toBe(s.n);
        expect(steps.map((s) => s.char).reverse().join('')).toBe(toBase62(n));
      }),
    );
  });

  it('matches the lesson: 125 → "21", 6 000 000 000 → "6y3o5y"; a 63-bit id needs 11 characters', () => {
    expect(toBase62(125n)).toBe('21');
    expect(toBase62(6_000_000_000n)).toBe('6y3o5y');
    expect(charsFor(63, 62)).toBe(11);
    expect(fromBase62('ab-c')).toEqual({ error: expect.stringContaining('character 3') });
  });
});

describe('collision odds (birthday bound)', () => {
  it('is 0 below two ids, grows with n, shrinks with more bits, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 8, max: 128 }), (n, d, b) => {
        const p = birthday(n, b);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        if (n < 2) expect(p).toBe(0);
        expect(birthday(n + d, b)).toBeGreaterThanOrEqual(p);
        expect(birthday(n, b + 1)).toBeLessThanOrEqual(p);
      }),
    );
  });

  it('is close to n²/2N when small and reaches one half at birthdayHalf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 128 }), (b) => {
        expect(birthday(Math.round(birthdayHalf(b)), b)).toBeCloseTo(0.5, 2);
        const n = 1e6;
        if (b >= 64) expect(birthday(n, b) / ((n * (n - 1)) / 2 ** (b + 1))).toBeCloseTo(1, 5);
      }),
    );
  });

  it('the comparison ranks UUIDv7 per-ms odds above ULID (fewer random bits), and only Snowflake fits in 64 bits', () => {
    const rows = compareSchemes({ timeBits: 41, machineBits: 10, sequenceBits: 12 }, 1e9, 1e6);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.UUIDv7.collision).toBeGreaterThan(by.ULID.collision);
    expect(by.Snowflake.collision).toBe(0);
    expect(rows.filter((r) => r.bits === 64).map((r) => r.name)).toEqual(['Snowflake']);
    expect(by.UUIDv4.sortable).toBe('no');
  });
});

describe('the simulation', () => {
  it('never repeats an id; each worker’s ids strictly increase; no ms holds more than 2^sequenceBits ids per worker', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const c = scenarioConfig(s);
        const { steps } = simulate(c);
        const ids = steps.filter((x) => x.kind === 'id');
        expect(new Set(ids.map((x) => x.id)).size).toBe(ids.length);
        const last = new Map<number, bigint>();
        const perMs = new Map<string, number>();
        for (const x of ids) {
          const prev = last.get(x.worker);
          if (prev !== undefined) expect(x.id! > prev).toBe(true);
          last.set(x.worker, x.id!);
          const d = decompose(c, c.epoch, x.id!);
          expect(d.machine).toBe(x.worker);
          expect(d.sequence).toBe(x.sequence);
          expect(d.unixMs).toBe(x.clock);
          const key = `${x.worker}@${d.ts}`;
          perMs.set(key, (perMs.get(key) ?? 0) + 1);
        }
        for (const n of perMs.values()) expect(n).toBeLessThanOrEqual(2 ** c.sequenceBits);
      }),
      { numRuns: 200 },
    );
  });

  it('the true clock never goes backwards; an id is never stamped before its worker’s previous one', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { steps } = simulate(scenarioConfig(s));
        for (let i = 1; i < steps.length; i++) expect(steps[i].now).toBeGreaterThanOrEqual(steps[i - 1].now);
      }),
    );
  });

  it('an exhausted sequence makes the worker wait exactly one millisecond and restart at 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), (seqBits, extra) => {
        const per = 2 ** seqBits;
        const c = config({ timeBits: 62 - seqBits, machineBits: 1, sequenceBits: seqBits, workers: [1], events: [{ type: 'generate', worker: 1, count: per + extra }] });
        const ids = simulate(c).steps;
        ids.forEach((x, i) => {
          expect(x.sequence).toBe(i % per);
          expect(x.overflowWait).toBe(i > 0 && i % per === 0 ? 1 : 0);
          expect(x.clock).toBe(c.startTime + Math.floor(i / per));
        });
      }),
    );
  });

  it('a clock stepped back is refused with "refuse", and waited out with "wait" when within maxWait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom('wait' as const, 'refuse' as const), (back, maxWait, mode) => {
        const c = config({ workers: [7], onBackwards: mode, maxWait, events: [{ type: 'generate', worker: 7 }, { type: 'clockBack', worker: 7, ms: back }, { type: 'generate', worker: 7 }] });
        const [first, jump, after] = simulate(c).steps;
        expect(jump.kind).toBe('clockBack');
        if (mode === 'refuse' || back > maxWait) {
          expect(after.kind).toBe('refused');
          expect(after.behind).toBe(back);
        } else {
          expect(after.kind).toBe('id');
          expect(after.backWait).toBe(back);
          expect(after.id! > first.id!).toBe(true);
        }
      }),
    );
  });

  it('the scenario is deterministic and its JSON reproduces the run', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), (s, p) => {
        const sc = new SnowflakeScenario(scenarioConfig(s));
        const pos = sc.length ? p % (sc.length + 1) : 0;
        const again = new SnowflakeScenario(config(sc.toJSON(pos)));
        expect(again.steps).toEqual(sc.steps);
        expect(again.config.step).toBe(pos);
        expect(again.workersAt(pos)).toEqual(sc.workersAt(pos));
        expect(sc.workersAt(pos).reduce((a, w) => a + w.ids, 0)).toBe(sc.idsUntil(pos).length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('config validation', () => {
  it('defaults to Twitter’s layout and epoch, three workers and 12 seeded requests', () => {
    const c = config({});
    expect([c.timeBits, c.machineBits, c.sequenceBits, c.epoch]).toEqual([41, 10, 12, 1288834974657]);
    expect(c.step).toBe(12);
  });

  it('locates a layout that does not total 64 bits, a machine id too wide, an unknown worker and an epoch after the start', () => {
    expect(issues({ sequenceBits: 13 })).toEqual([expect.stringMatching(/^sequenceBits: 1 \+ 41 \+ 10 \+ 13 = 65 bits.*remove 1 bit/)]);
    expect(issues({ machineBits: 2, timeBits: 49, workers: [1, 4] })).toEqual(['workers[1]: machine id 4 does not fit in 2 bits (0 to 3)']);
    expect(issues({ events: [{ type: 'generate', worker: 9 }] })).toEqual(['events[0].worker: no worker has machine id 9 (workers: 1, 2, 3)']);
    expect(issues({ epoch: 2e12, startTime: 1e12 })[0]).toMatch(/^epoch: /);
    expect(issues({ timeBits: 30, machineBits: 21, epoch: 0 })[0]).toMatch(/^timeBits: the clock reaches/);
    expect(issues({ step: 99 })[0]).toMatch(/^step: expected at most 12/);
    expect(issues({ workers: [1, 1] }).length).toBe(1);
  });
});
