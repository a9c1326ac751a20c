/**
 * Snowflake ids, as a pure and deterministic model (no DOM, no wall clock, no unseeded randomness).
 *
 * - A Snowflake id is a 64-bit integer: 1 sign bit (always 0, so signed 64-bit types hold it), then
 *   `timeBits` of milliseconds since a custom `epoch`, `machineBits` of machine id and
 *   `sequenceBits` of a counter within the millisecond. Twitter's layout is 1 + 41 + 10 + 12:
 *
 *   ```text
 *   id = (ms − epoch) << (machineBits + sequenceBits) | machine << sequenceBits | sequence
 *   ```
 *
 *   All id arithmetic is BigInt: 63 bits do not fit in a double.
 * - Time is simulated. A scenario has a true clock (Unix ms, starting at `startTime`) and workers,
 *   each reading the true clock plus its own offset. Requests come from a seeded stream (a worker
 *   and a gap of 0…maxGap ms each) and from scripted events: `generate` n ids on one worker, `tick`
 *   the true clock, or `clockBack` (a worker's clock is stepped back, as NTP does).
 * - A worker remembers the last millisecond it used. Same millisecond → sequence + 1; when the
 *   sequence is exhausted (2^sequenceBits ids in one ms) it **waits for the next millisecond**
 *   (the true clock advances). Its clock reading below the last millisecond → the clock moved
 *   backwards: with `onBackwards: "wait"` it waits when the gap is ≤ `maxWait` ms, otherwise (and
 *   always with `"refuse"`) it **refuses** — reusing a millisecond would repeat ids.
 * - Birthday bound: n random values in a space of 2^b collide with probability
 *   1 − e^(−n(n−1)/2^(b+1)), computed with expm1 so tiny odds keep their digits.
 * - Base62 (alphabet 0-9a-zA-Z) writes an id in at most 11 characters, for a URL shortener.
 */
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export const ID_BITS = 64;
/** Twitter's epoch, 2010-11-04T01:42:54.657Z. */
export const TWITTER_EPOCH = 1288834974657;
/** 2026-01-01T00:00:00Z: where the simulated clock starts by default. */
export const DEFAULT_START = 1767225600000;
export const MAX_WORKERS = 16;
export const MAX_IDS = 10_000;
export const MAX_EVENTS = 500;
export const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MS_PER_YEAR = 31_557_600_000;

export interface Layout {
  timeBits: number;
  machineBits: number;
  sequenceBits: number;
}

export type FieldName = 'sign' | 'time' | 'machine' | 'sequence';

export interface Field {
  name: FieldName;
  bits: number;
  /** Bit index of the field's lowest bit (0 = least significant). */
  shift: number;
}

/** The four fields from the most significant bit down. */
export function fields(l: Layout): Field[] {
  return [
    { name: 'sign', bits: 1, shift: 63 },
    { name: 'time', bits: l.timeBits, shift: l.machineBits + l.sequenceBits },
    { name: 'machine', bits: l.machineBits, shift: l.sequenceBits },
    { name: 'sequence', bits: l.sequenceBits, shift: 0 },
  ];
}

/** Why a layout is not a 64-bit Snowflake layout (the fields must total 63 after the sign bit), or undefined. */
export function layoutProblem(l: Layout): string | undefined {
  const sum = l.timeBits + l.machineBits + l.sequenceBits;
  if (sum === 63) return undefined;
  return `1 + ${l.timeBits} + ${l.machineBits} + ${l.sequenceBits} = ${sum + 1} bits; the sign bit and the three fields must total 64 (${sum > 63 ? `remove ${sum - 63}` : `add ${63 - sum}`} bit${Math.abs(sum - 63) === 1 ? '' : 's'})`;
}

export function compose(l: Layout, ts: number, machine: number, sequence: number): bigint {
  return (BigInt(ts) << BigInt(l.machineBits + l.sequenceBits)) | (BigInt(machine) << BigInt(l.sequenceBits)) | BigInt(sequence);
}

export interface Decoded {
  id: bigint;
  /** Milliseconds since the epoch. */
  ts: number;
  /** Unix milliseconds: ts + epoch. */
  unixMs: number;
  machine: number;
  sequence: number;
}

export function decompose(l: Layout, epoch: number, id: bigint): Decoded {
  const mask = (b: number) => (1n << BigInt(b)) - 1n;
  const ts = Number((id >> BigInt(l.machineBits + l.sequenceBits)) & mask(l.timeBits));
  return {
    id,
    ts,
    unixMs: ts + epoch,
    machine: Number((id >> BigInt(l.sequenceBits)) & mask(l.machineBits)),
    sequence: Number(id & mask(l.sequenceBits)),
  };
}

/** The 64 bits of an id, most significant first, as '0'/'1'. */
export function bitString(id: bigint): string {
  return BigInt.asUintN(64, id).toString(2).padStart(64, '0');
}

/** Parses a decimal id typed by a reader: a Decoded, or why not. */
export function parseId(text: string, l: Layout, epoch: number): Decoded | { error: string } {
  const s = text.trim().replace(/[_\s,]/g, '');
  if (!s) return { error: 'type an id' };
  if (!/^\d+$/.test(s)) {
    const bad = s.search(/\D/);
    return { error: `character ${bad + 1} (“${s[bad]}”) is not a digit: an id is a decimal integer` };
  }
  const id = BigInt(s);
  if (id >= 1n << 63n) return { error: id >= 1n << 64n ? 'more than 64 bits' : 'the sign bit is 1: a Snowflake id is always positive in a signed 64-bit integer' };
  return decompose(l, epoch, id);
}

// ───────────────────────────── dates without Date ─────────────────────────────

/** Unix ms → "YYYY-MM-DDTHH:MM:SS.mmmZ" (proleptic Gregorian, Hinnant's days-to-civil; years 0…9999). */
export function isoTime(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rem = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(rem / 3_600_000);
  rem -= h * 3_600_000;
  const min = Math.floor(rem / 60_000);
  rem -= min * 60_000;
  return `${p(y, 4)}-${p(m)}-${p(d)}T${p(h)}:${p(min)}:${p(Math.floor(rem / 1000))}.${p(rem % 1000, 3)}Z`;
}

/** How long the time field lasts, in years (2^timeBits ms). */
export function lifetimeYears(timeBits: number): number {
  return 2 ** timeBits / MS_PER_YEAR;
}

/** The Unix ms of the last representable millisecond, or undefined past year 9999. */
export function exhaustedAt(l: Layout, epoch: number): number | undefined {
  const last = epoch + 2 ** l.timeBits - 1;
  return last < 253_402_300_800_000 ? last : undefined;
}

// ───────────────────────────── base62 ─────────────────────────────

export function toBase62(n: bigint): string {
  if (n < 0n) throw new RangeError('negative');
  let out = '';
  do {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  } while (n > 0n);
  return out;
}

/** A base62 code back to its number, or why not (the position of the first bad character). */
export function fromBase62(code: string): bigint | { error: string } {
  const s = code.trim();
  if (!s) return { error: 'type a code' };
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const d = BASE62.indexOf(s[i]);
    if (d < 0) return { error: `character ${i + 1} (“${s[i]}”) is not in the base62 alphabet 0-9a-zA-Z` };
    n = n * 62n + BigInt(d);
  }
  return n;
}

export interface DivStep {
  n: bigint;
  q: bigint;
  r: number;
  char: string;
}

/** The repeated division by 62 that encodes n (least significant digit first). */
export function base62Steps(n: bigint): DivStep[] {
  const out: DivStep[] = [];
  do {
    const r = Number(n % 62n);
    out.push({ n, q: n / 62n, r, char: BASE62[r] });
    n /= 62n;
  } while (n > 0n);
  return out;
}

/** Characters needed for `bits` bits in base `base`: ceil(bits / log2 base). */
export function charsFor(bits: number, base: number): number {
  return Math.ceil(bits / Math.log2(base) - 1e-9);
}

// ───────────────────────────── collisions ─────────────────────────────

/** Birthday bound: P(some collision among n uniform values in 2^bits) = 1 − e^(−n(n−1)/2^(bits+1)). */
export function birthday(n: number, bits: number): number {
  if (n < 2) return 0;
  return -Math.expm1(-(n * (n - 1)) / 2 ** (bits + 1));
}

/** The n at which the collision odds reach one half: about 1.1774 · √(2^bits). */
export function birthdayHalf(bits: number): number {
  return Math.sqrt(2 * Math.LN2 * 2 ** bits);
}

export interface Scheme {
  name: 'Snowflake' | 'UUIDv4' | 'UUIDv7' | 'ULID';
  bits: number;
  /** Bits of millisecond time at the front (0: none). */
  timeBits: number;
  /** Random bits (Snowflake: 0 — machine and sequence instead). */
  randomBits: number;
  sortable: 'time' | 'no';
  /** Characters as text, and how. */
  text: number;
  textForm: string;
  /** Collision odds: over `total` ids (v4), among `perMs` ids in one ms (v7, ULID); 0 for Snowflake. */
  collision: number;
  /** Ids at which the odds reach 50 % (per ms for the time-ordered ones). */
  half: number;
}

/** The comparison table: Snowflake (this layout) against UUIDv4, UUIDv7 and ULID. */
export function compareSchemes(l: Layout, total: number, perMs: number): Scheme[] {
  return [
    { name: 'Snowflake', bits: 64, timeBits: l.timeBits, randomBits: 0, sortable: 'time', text: String((1n << 63n) - 1n).length, textForm: 'decimal', collision: 0, half: Infinity },
    { name: 'UUIDv4', bits: 128, timeBits: 0, randomBits: 122, sortable: 'no', text: 36, textForm: 'hex with dashes', collision: birthday(total, 122), half: birthdayHalf(122) },
    { name: 'UUIDv7', bits: 128, timeBits: 48, randomBits: 74, sortable: 'time', text: 36, textForm: 'hex with dashes', collision: birthday(perMs, 74), half: birthdayHalf(74) },
    { name: 'ULID', bits: 128, timeBits: 48, randomBits: 80, sortable: 'time', text: 26, textForm: 'Crockford base32', collision: birthday(perMs, 80), half: birthdayHalf(80) },
  ];
}

// ───────────────────────────── config ─────────────────────────────

export type Backwards = 'wait' | 'refuse';

export type IdEvent = { type: 'generate'; worker: number; count: number } | { type: 'tick'; ms: number } | { type: 'clockBack'; worker: number; ms: number };

const worker = v.number({ integer: true, min: 0, max: 2 ** 20 - 1 });
const eventSchema = v.tagged<IdEvent>('type', {
  generate: v.object({ type: v.oneOf(['generate'] as const), worker, count: v.optional(v.number({ integer: true, min: 1, max: MAX_IDS }), 1) }, { name: '{ type: "generate", worker, count }' }),
  tick: v.object({ type: v.oneOf(['tick'] as const), ms: v.number({ integer: true, min: 1, max: 1_000_000 }) }, { name: '{ type: "tick", ms }' }),
  clockBack: v.object({ type: v.oneOf(['clockBack'] as const), worker, ms: v.number({ integer: true, min: 1, max: 1_000_000 }) }, { name: '{ type: "clockBack", worker, ms }' }),
}) as v.Schema<IdEvent>;

const bits = (what: string) => v.describe(v.number({ integer: true, min: 1, max: 61 }), what);
const unixMs = v.number({ integer: true, min: 0, max: 2 ** 53 - 1 });

const rawSchema = v.object({
  mode: v.optional(v.describe(v.oneOf(['snowflake', 'base62'] as const), 'What to show: the id layout, or base62 codes for a URL shortener.'), 'snowflake'),
  timeBits: v.optional(bits('Bits of milliseconds since the epoch (Twitter: 41).'), 41),
  machineBits: v.optional(bits('Bits of machine id (Twitter: 10).'), 10),
  sequenceBits: v.optional(bits('Bits of sequence within one millisecond (Twitter: 12).'), 12),
  epoch: v.optional(v.describe(unixMs, 'The custom epoch, in Unix milliseconds (default: Twitter’s, 1288834974657).'), TWITTER_EPOCH),
  startTime: v.optional(v.describe(unixMs, 'Where the simulated clock starts, in Unix milliseconds (default 2026-01-01).'), DEFAULT_START),
  workers: v.optional(v.describe(v.array(worker, { minItems: 1, maxItems: MAX_WORKERS, uniqueBy: (x) => String(x), uniqueName: 'machine id' }), 'The machine ids of the generators.'), [1, 2, 3]),
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed of the simulated request stream.'), 1),
  requests: v.optional(v.describe(v.number({ integer: true, min: 0, max: MAX_IDS }), 'Seeded requests before the events (default 12, or 0 when events are given).')),
  maxGap: v.optional(v.describe(v.number({ integer: true, min: 0, max: 1000 }), 'Seeded requests are 0…maxGap ms apart.'), 1),
  events: v.optional(v.describe(v.array(eventSchema, { maxItems: MAX_EVENTS }), 'Scripted requests, clock ticks and backward clock steps, after the seeded ones.'), []),
  onBackwards: v.optional(v.describe(v.oneOf(['wait', 'refuse'] as const), 'When a worker’s clock is behind its last id: wait (up to maxWait ms) or refuse.'), 'wait'),
  maxWait: v.optional(v.describe(v.number({ integer: true, min: 0, max: 10_000 }), 'The longest backward gap a worker waits out (wait only).'), 5),
  total: v.optional(v.describe(v.number({ min: 0, max: 1e18 }), 'Comparison: ids generated in all (UUIDv4 odds).'), 1e9),
  perMs: v.optional(v.describe(v.number({ min: 0, max: 1e12 }), 'Comparison: ids generated in one millisecond (UUIDv7 and ULID odds).'), 1000),
  step: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'The step shown (default: the last).')),
  decode: v.optional(v.describe(v.string({ maxLength: 40 }), 'An id (snowflake mode) or code (base62 mode) in the decode field.')),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

export interface SnowflakeConfig extends Layout {
  mode: 'snowflake' | 'base62';
  epoch: number;
  startTime: number;
  workers: number[];
  seed: number;
  requests: number;
  maxGap: number;
  events: IdEvent[];
  onBackwards: Backwards;
  maxWait: number;
  total: number;
  perMs: number;
  step: number;
  decode?: string;
  title?: string;
}

/** Validates a config: the layout totals 64 bits, machine ids fit, the clock fits the time field, events name real workers. */
export const snowflakeConfigSchema: v.Schema<SnowflakeConfig> = {
  expected: rawSchema.expected,
  kind: 'object',
  spec: rawSchema.spec,
  check(input, path, issues) {
    const raw = rawSchema.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    const at = (k: string | number, ...more: (string | number)[]) => more.reduce<string>((p, x) => v.joinPath(p, x), v.joinPath(path, k));
    const problem = layoutProblem(raw);
    if (problem) issues.push({ path: at('sequenceBits'), message: problem });
    const maxMachine = 2 ** raw.machineBits - 1;
    raw.workers.forEach((w, i) => {
      if (w > maxMachine) issues.push({ path: at('workers', i), message: `machine id ${w} does not fit in ${raw.machineBits} bits (0 to ${maxMachine})` });
    });
    if (raw.startTime < raw.epoch) issues.push({ path: at('epoch'), message: `the epoch (${raw.epoch}) is after startTime (${raw.startTime}): timestamps would be negative` });
    let ids = raw.requests ?? (raw.events.length ? 0 : 12);
    raw.events.forEach((e, i) => {
      if (e.type !== 'tick' && !raw.workers.includes(e.worker)) issues.push({ path: at('events', i, 'worker'), message: `no worker has machine id ${e.worker} (workers: ${raw.workers.join(', ')})` });
      if (e.type === 'generate') ids += e.count;
    });
    if (ids > MAX_IDS) issues.push({ path: at('events'), message: `${ids} ids in all; at most ${MAX_IDS}` });
    if (issues.length > before) return undefined;
    const config: SnowflakeConfig = {
      mode: raw.mode,
      timeBits: raw.timeBits,
      machineBits: raw.machineBits,
      sequenceBits: raw.sequenceBits,
      epoch: raw.epoch,
      startTime: raw.startTime,
      workers: [...raw.workers],
      seed: raw.seed,
      requests: raw.requests ?? (raw.events.length ? 0 : 12),
      maxGap: raw.maxGap,
      events: raw.events.map((e) => ({ ...e })),
      onBackwards: raw.onBackwards,
      maxWait: raw.maxWait,
      total: raw.total,
      perMs: raw.perMs,
      step: 0,
      decode: raw.decode,
      title: raw.title,
    };
    const sim = simulate(config);
    if (sim.overflowAt !== undefined)
      issues.push({ path: at('timeBits'), message: `the clock reaches ${sim.overflowAt} ms after the epoch, which does not fit in ${raw.timeBits} bits (at most ${2 ** raw.timeBits - 1})` });
    if (raw.step !== undefined && raw.step > sim.steps.length) issues.push({ path: at('step'), message: `expected at most ${sim.steps.length} (the number of steps), got ${raw.step}` });
    if (issues.length > before) return undefined;
    config.step = raw.step ?? sim.steps.length;
    return config;
  },
};

// ───────────────────────────── the simulation ─────────────────────────────

export type StepKind = 'id' | 'tick' | 'clockBack' | 'refused';

export interface IdStep {
  kind: StepKind;
  /** Machine id (tick: -1). */
  worker: number;
  /** The true clock when the step ended (Unix ms). */
  now: number;
  /** The worker's clock reading when it served the request (Unix ms). */
  clock: number;
  /** id: the id, its fields; ts is ms since the epoch. */
  id?: bigint;
  ts?: number;
  sequence?: number;
  /** id: ms waited because the sequence of the last ms was exhausted. */
  overflowWait?: number;
  /** id: ms waited because the clock was behind the last ms (onBackwards "wait"). refused: how far behind. */
  backWait?: number;
  behind?: number;
  /** tick / clockBack: by how many ms. */
  ms?: number;
  /** The worker's state after the step. */
  lastMs: number;
  seq: number;
  offset: number;
}

export interface WorkerState {
  machine: number;
  /** Last ms used (Unix), or -1. */
  lastMs: number;
  seq: number;
  /** Clock offset from the true clock, ms (negative after a backward step). */
  offset: number;
  ids: number;
}

export interface Simulation {
  steps: IdStep[];
  /** Set when a timestamp does not fit in the time field. */
  overflowAt?: number;
}

/** Runs the scenario: every id, tick, backward clock step and refusal, in order. */
export function simulate(c: SnowflakeConfig): Simulation {
  const rng = createRng(c.seed);
  const maxSeq = 2 ** c.sequenceBits - 1;
  const maxTs = 2 ** c.timeBits - 1;
  const ws = new Map<number, WorkerState>(c.workers.map((m) => [m, { machine: m, lastMs: -1, seq: 0, offset: 0, ids: 0 }]));
  const steps: IdStep[] = [];
  let now = c.startTime;
  let overflowAt: number | undefined;
  const snap = (w: WorkerState) => ({ lastMs: w.lastMs, seq: w.seq, offset: w.offset });

  const generate = (m: number): void => {
    const w = ws.get(m)!;
    let clock = now + w.offset;
    let backWait = 0;
    if (clock < w.lastMs) {
      const behind = w.lastMs - clock;
      if (c.onBackwards === 'refuse' || behind > c.maxWait) {
        steps.push({ kind: 'refused', worker: m, now, clock, behind, ...snap(w) });
        return;
      }
      backWait = behind;
      now += behind;
      clock = w.lastMs;
    }
    let overflowWait = 0;
    let seq = 0;
    if (clock === w.lastMs) {
      if (w.seq >= maxSeq) {
        overflowWait = 1; // spin until the worker's clock reads the next millisecond
        now += 1;
        clock += 1;
      } else seq = w.seq + 1;
    }
    const ts = clock - c.epoch;
    if (ts > maxTs && overflowAt === undefined) overflowAt = ts;
    w.lastMs = clock;
    w.seq = seq;
    w.ids++;
    steps.push({ kind: 'id', worker: m, now, clock, id: compose(c, Math.min(ts, maxTs), m, seq), ts, sequence: seq, overflowWait, backWait, ...snap(w) });
  };

  for (let i = 0; i < c.requests; i++) {
    if (i > 0) now += rng.int(c.maxGap + 1);
    generate(c.workers[rng.int(c.workers.length)]);
  }
  for (const e of c.events) {
    if (e.type === 'generate') for (let j = 0; j < e.count; j++) generate(e.worker);
    else if (e.type === 'tick') {
      now += e.ms;
      steps.push({ kind: 'tick', worker: -1, now, clock: now, ms: e.ms, lastMs: -1, seq: 0, offset: 0 });
    } else {
      const w = ws.get(e.worker)!;
      w.offset -= e.ms;
      steps.push({ kind: 'clockBack', worker: e.worker, now, clock: now + w.offset, ms: e.ms, ...snap(w) });
    }
  }
  return { steps, overflowAt };
}

/**
 * A scenario: the config and its simulation. `stateAt(step)` shows the steps so far; the workers'
 * state after a step is read back from the steps, so seeking is exact.
 */
export class SnowflakeScenario {
  readonly config: SnowflakeConfig;
  readonly steps: readonly IdStep[];

  constructor(config: SnowflakeConfig) {
    this.config = config;
    this.steps = simulate(config).steps;
  }

  get length(): number {
    return this.steps.length;
  }

  /** The step that led to position `pos` (1-based), or undefined at 0. */
  stepAt(pos: number): IdStep | undefined {
    return pos > 0 ? this.steps[Math.min(pos, this.length) - 1] : undefined;
  }

  /** The workers after `pos` steps. */
  workersAt(pos: number): WorkerState[] {
    const out = new Map<number, WorkerState>(this.config.workers.map((m) => [m, { machine: m, lastMs: -1, seq: 0, offset: 0, ids: 0 }]));
    for (let i = 0; i < Math.min(pos, this.length); i++) {
      const s = this.steps[i];
      const w = out.get(s.worker);
      if (!w) continue;
      Object.assign(w, { lastMs: s.lastMs, seq: s.seq, offset: s.offset });
      if (s.kind === 'id') w.ids++;
    }
    return [...out.values()];
  }

  /** Ids generated in the first `pos` steps, with their step numbers (1-based). */
  idsUntil(pos: number): { step: number; s: IdStep }[] {
    const out: { step: number; s: IdStep }[] = [];
    for (let i = 0; i < Math.min(pos, this.length); i++) if (this.steps[i].kind === 'id') out.push({ step: i + 1, s: this.steps[i] });
    return out;
  }

  /** The config as JSON; pasted back it reproduces this run at `step`. */
  toJSON(step = this.config.step): Record<string, unknown> {
    const c = this.config;
    const out: Record<string, unknown> = {};
    if (c.mode !== 'snowflake') out.mode = c.mode;
    Object.assign(out, { timeBits: c.timeBits, machineBits: c.machineBits, sequenceBits: c.sequenceBits, epoch: c.epoch, startTime: c.startTime, workers: [...c.workers], seed: c.seed, requests: c.requests, maxGap: c.maxGap });
    if (c.events.length) out.events = c.events.map((e) => ({ ...e }));
    Object.assign(out, { onBackwards: c.onBackwards, maxWait: c.maxWait, total: c.total, perMs: c.perMs, step: Math.max(0, Math.min(this.length, Math.round(step))) });
    if (c.decode) out.decode = c.decode;
    if (c.title) out.title = c.title;
    return out;
  }
}
