import { html, nothing, svg, type TemplateResult } from 'lit';
import { LsElement, listAttr, numberAttr } from '../../core/ls-element.js';
import { PlayerController, type PlayerOptions } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { dataTable, renderTableView } from '../../core/table-view.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import {
  PATTERNS,
  VARIANTS,
  cacheAt,
  cacheConfigSchema,
  cachedAt,
  countUpTo,
  dbAt,
  hitsOf,
  simulateEviction,
  simulateStampede,
  simulateWrites,
  type Access,
  type CacheConfig,
  type EvictionRun,
  type Lane,
  type Message,
  type Policy,
  type StampedeRun,
  type WriteRun,
} from './model.js';
import { cacheStyles } from './styles.js';

export type { CacheConfig, EvictionRun, Policy, StampedeRun, WriteRun } from './model.js';

export interface CacheActionDetail {
  /**
   * `request`: the reader requested `key` before request `at` (eviction); `capacity` / `skew`: the
   * reader changed the cache size or Zipf skew; `crash`: the reader crashed `value` ("cache", "app"
   * or "none") at `at` ms (writes); `jitter`: the reader set the TTL jitter (stampede).
   */
  kind: 'request' | 'capacity' | 'skew' | 'crash' | 'jitter';
  /** Request index (eviction) or simulated ms (writes, stampede) at which it happened. */
  at: number;
  key?: string;
  value?: number | string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-cache-action': CustomEvent<CacheActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-cache-simulator': LsCacheSimulator;
  }
}

const W = 360;
const KEY = /^[\w:.#-]{1,16}$/;
const NAMES: Record<string, string> = { lru: 'LRU', lfu: 'LFU', fifo: 'FIFO', arc: 'ARC', opt: 'MIN' };
const LANES: Lane[] = ['client', 'cache', 'db'];

/**
 * A cache simulator in three modes, each a pure seeded model.
 *
 * **eviction** (default): LRU, LFU, FIFO and **ARC** (the Adaptive Replacement Cache of Megiddo and
 * Modha, 2003: a recency list T1, a frequency list T2 and ghost lists that tune the split) serve the
 * identical trace — a seeded Zipf trace whose skew you set (rank k is requested with probability
 * ∝ k^−s), optionally polluted by scans of never-repeated keys, or a trace you supply. Step request
 * by request: each policy's slots (the next victim last), hit or miss, the evicted key and the
 * running hit ratio. The chart plots hit ratio against cache size per policy, with Bélády's offline
 * optimum MIN as the ceiling, and marks the current size. Type a key to request it: it is inserted
 * into the trace at the current step and recorded in the scenario.
 *
 * **writes**: cache-aside, write-through and write-behind as message timelines between client,
 * cache and database, with the windows in which the cache and the database disagree; crash the cache
 * or the app at any moment (write-behind loses acknowledged writes it had not flushed; cache-aside
 * left without its DEL serves a stale value until the TTL).
 *
 * **stampede**: many hot keys cached with one TTL expire together under load. Database queries over
 * time with no fix, with request coalescing (single-flight), with jittered TTLs and with both.
 *
 * Configure with attributes (`mode`, `capacity`, `skew`, `keys`, `length`, `seed`, `policies`,
 * `rps`, `ttl`, `jitter`), inline JSON, `src` or the `config` property (fields in the JSON Schema).
 * Keyboard: outside the form fields, ←/→ step, Space plays, Home/End jump.
 *
 * @fires ls-cache-action - the reader changed the run; `detail: { kind, at, key?, value? }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title
 * @csspart controls - the controls card
 * @csspart policy - each policy's card (eviction)
 * @csspart chart - the chart
 * @csspart pattern - each write pattern's timeline (writes)
 * @csspart summary - the comparison of the write patterns (writes)
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar
 * @cssproperty --ls-cache-hit-color - a hit (default: --ls-success)
 * @cssproperty --ls-cache-miss-color - a miss, a lost reply (default: --ls-danger)
 * @cssproperty --ls-cache-insert-color - a key just inserted (default: --ls-accent)
 * @cssproperty --ls-palette-1 - series 1 (LRU, no fix); --ls-palette-2…4 the others
 */
export class LsCacheSimulator extends LsElement<CacheConfig> {
  static override styles = [themeStyles, vizStyles, cacheStyles];

  static override properties = {
    ...LsElement.properties,
    mode: { type: String },
    capacity: { type: String },
    skew: { type: String },
    keys: { type: String },
    length: { type: String },
    seed: { type: String },
    policies: { type: String },
    rps: { type: String },
    ttl: { type: String },
    jitter: { type: String },
  };

  static override configProperties = ['mode', 'capacity', 'skew', 'keys', 'length', 'seed', 'policies', 'rps', 'ttl', 'jitter'];

  static override defaultStrings = {
    ...vizStrings,
    controls: 'Controls',
    capacity: 'Cache size',
    skew: 'Zipf skew',
    requestKey: 'Request key',
    request: 'Request',
    badKey: 'A key is 1–16 letters, digits, _ : . # or -.',
    requested: 'Key {key} requested at step {at}.',
    changed: '{what} is now {value}; the run was recomputed.',
    step: 'Request {i} of {n}: {key}',
    start: 'Before the first request',
    hit: 'hit',
    miss: 'miss',
    evicted: 'miss, evicted {key}',
    ratio: '{h} of {n} hits ({r})',
    contents: '{name} contents, next victim last',
    empty: 'empty',
    arcNote: 'Dashed: T1 (seen once); solid: T2 (seen again). Target |T1| p = {p}. Ghosts B1: {b1}; B2: {b2}.',
    none: 'none',
    curve: 'Hit ratio vs cache size',
    curveLabel: 'Hit ratio by cache size, 1 to {max}; at size {c}: {list}.',
    size: 'size',
    tCurve: 'Hit ratio by cache size',
    tNow: 'Now',
    tLog: 'Requests (latest first)',
    more: '{n} earlier not shown',
    colPolicy: 'Policy',
    colHits: 'Hits',
    colRatio: 'Hit ratio',
    colContents: 'Contents',
    colSize: 'Size',
    colKey: 'Key',
    // writes
    client: 'client',
    cache: 'cache',
    db: 'DB',
    'cache-aside': 'Cache-aside',
    'write-through': 'Write-through',
    'write-behind': 'Write-behind',
    crashCache: 'Crash cache now',
    crashApp: 'Crash app now',
    noCrash: 'No crash',
    crashAt: 'The {target} crashes at {t} ms.',
    crashNone: 'No crash. Pick a moment, then crash the cache or the app.',
    wState: 'cache x={c}, DB x={d}',
    wEmpty: '—',
    stale: 'cache stale',
    ahead: 'cache ahead of DB',
    agree: 'in sync',
    uncached: 'nothing cached',
    wSummary: 'writes acked in {w} ms on average, {db} database writes, {win} ms out of sync, stale reads: {stale}, lost writes: {lost}.',
    wCompare: 'Compared',
    colPattern: 'Pattern',
    colAck: 'Ack ms',
    colDb: 'DB writes',
    colWin: 'Out of sync ms',
    colStale: 'Stale reads',
    colLost: 'Lost',
    wLast: 'Last: {from} → {to} {label}',
    wLabel: '{name} over {d} ms: {summary}',
    wAt: 't = {t} ms.',
    legendStale: 'cache older than DB',
    legendAhead: 'cache newer than DB',
    legendLost: 'reply to a dead client',
    colSend: 'Sent (ms)',
    colArrive: 'Arrives (ms)',
    colFrom: 'From',
    colTo: 'To',
    colMsg: 'Message',
    // stampede
    jitter: 'TTL jitter',
    'v-none': 'no fix',
    'v-coalesce': 'coalescing',
    'v-jitter': 'jittered TTL',
    'v-both': 'both',
    sChart: 'Database queries per second',
    sLabel: 'DB queries per second over {d} s. {list}.',
    sStats: 'Queries up to t = {t} s; peak, herd and hit ratio over the whole run',
    colVariant: 'Variant',
    colQueries: 'Queries so far',
    colPeak: 'Peak /s',
    colHerd: 'Largest herd',
    colTime: 'Time (s)',
    sAt: 't = {t} s. DB queries so far: {list}.',
    playerEv: 'Request {i} of {n}',
    read: 'R',
    write: 'W{v}',
    ms: '{t} ms',
    s: '{t} s',
    sItem: '{name}: {q} queries, peak {p}/s',
    playerT: 't = {t} ms',
    playerS: 't = {t} s',
  };

  /** `eviction` (default), `writes` or `stampede` (attribute). */
  declare mode: string | undefined;
  /** Cache size in keys, 1–64 (attribute). */
  declare capacity: string | undefined;
  /** Zipf exponent, 0–3 (attribute). */
  declare skew: string | undefined;
  /** Distinct keys in the Zipf trace (attribute). */
  declare keys: string | undefined;
  /** Requests in the generated trace (attribute). */
  declare length: string | undefined;
  /** Seed (attribute). */
  declare seed: string | undefined;
  /** Policies to compare, comma-separated: `lru,lfu,fifo,arc` (attribute). */
  declare policies: string | undefined;
  /** Stampede: reads a second (attribute). */
  declare rps: string | undefined;
  /** Time to live, ms (attribute). */
  declare ttl: string | undefined;
  /** Stampede: TTL jitter, 0–0.9 (attribute). */
  declare jitter: string | undefined;

  private cfg?: CacheConfig;
  private ev?: EvictionRun;
  private wr: WriteRun[] = [];
  private st: StampedeRun[] = [];
  private stops: number[] = [];
  private readonly copier = new ScenarioCopier(this, (m) => this.announcer.announce(m));
  private readonly popts: PlayerOptions = {
    length: () => this.timeline(),
    nextStop: (p) => this.stops.find((s) => s > p + 1e-6) ?? this.timeline(),
    prevStop: (p) => [...this.stops].reverse().find((s) => s < p - 1e-6) ?? 0,
    onSeek: (p, prev) => this.narrate(p, prev),
  };
  private readonly player = new PlayerController(this, this.popts);
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return cacheConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      mode: this.mode || undefined,
      capacity: numberAttr(this.capacity),
      skew: numberAttr(this.skew),
      keys: numberAttr(this.keys),
      length: numberAttr(this.length),
      seed: numberAttr(this.seed),
      policies: listAttr(this.policies),
      rps: numberAttr(this.rps),
      ttl: numberAttr(this.ttl),
      jitter: numberAttr(this.jitter),
    };
  }

  protected configure(c: CacheConfig): void {
    this.player.pause();
    this.setConfig(c);
    this.player.position = c.mode === 'eviction' ? c.step : Math.min(c.time, this.timeline());
  }

  private setConfig(c: CacheConfig): void {
    this.cfg = c;
    const ev = c.mode === 'eviction';
    this.popts.mode = ev ? 'discrete' : 'continuous';
    this.popts.interval = 900;
    this.ev = ev ? simulateEviction(c) : undefined;
    this.wr = c.mode === 'writes' ? PATTERNS.map((p) => simulateWrites(c, p)) : [];
    this.st = c.mode === 'stampede' ? VARIANTS.map((x) => simulateStampede(c, x)) : [];
    const end = this.timeline();
    this.popts.rate = c.mode === 'writes' ? end / 8000 : c.duration / 15_000;
    const set = new Set<number>([0, end]);
    for (const r of this.wr) for (const m of r.messages) set.add(m.send), set.add(m.arrive);
    if (c.crash && c.mode === 'writes') set.add(c.crash.at);
    if (this.st.length) for (let i = 1; i < 120; i++) set.add((i * c.duration) / 120);
    this.stops = [...set].filter((s) => s <= end).sort((a, b) => a - b);
  }

  private timeline(): number {
    const c = this.cfg;
    if (!c) return 0;
    if (c.mode === 'eviction') return this.ev?.trace.length ?? 0;
    if (c.mode === 'writes') return Math.max(0, ...this.wr.map((r) => r.end));
    return c.duration;
  }

  // ───────────── public API ─────────────

  /** The eviction run (trace, per-policy outcomes, hit-ratio curves), when mode is `eviction`. */
  get evictionRun(): EvictionRun | undefined {
    return this.ev;
  }
  /** The three write-pattern runs, when mode is `writes`. */
  get writeRuns(): readonly WriteRun[] {
    return this.wr;
  }
  /** The four stampede runs (no fix, coalescing, jitter, both), when mode is `stampede`. */
  get stampedeRuns(): readonly StampedeRun[] {
    return this.st;
  }
  /** The player position: requests made (eviction) or simulated ms. */
  get position(): number {
    return this.player.position;
  }
  /** Move the player (clamped). */
  seek(pos: number): void {
    this.player.pause();
    this.player.seek(pos);
  }

  /** Eviction: request `key` now; it is inserted into the trace at the current step and recorded. */
  requestKey(key: string): boolean {
    const c = this.cfg;
    const k = key.trim();
    if (!c || c.mode !== 'eviction' || !KEY.test(k) || c.requests.length >= 200) {
      this.announcer.announce(this.t('badKey'));
      return false;
    }
    const at = this.player.position;
    this.player.pause();
    this.setConfig({ ...c, requests: [...c.requests, { at, key: k }] });
    this.player.seek(at + 1);
    this.announcer.announce(`${this.t('requested', { key: k, at: at + 1 })} ${this.stepSentence(at + 1)}`);
    this.fire({ kind: 'request', at, key: k });
    return true;
  }

  /** Change a setting (`capacity`, `skew` or `jitter`) and recompute; the position is kept. */
  setValue(kind: 'capacity' | 'skew' | 'jitter', value: number): void {
    const c = this.cfg;
    if (!c || !Number.isFinite(value)) return;
    const lim = { capacity: [1, 64], skew: [0, 3], jitter: [0, 0.9] }[kind];
    const v = Math.min(lim[1], Math.max(lim[0], kind === 'capacity' ? Math.round(value) : value));
    const at = this.player.position;
    this.setConfig({ ...c, [kind]: v, maxSize: kind === 'capacity' && c.maxSize !== undefined && c.maxSize < v ? v : c.maxSize });
    this.player.refresh();
    this.announcer.announce(this.t('changed', { what: this.t(kind === 'jitter' ? 'jitter' : kind), value: v }));
    this.fire({ kind, at, value: v });
    this.requestUpdate();
  }

  /** Writes: crash the cache or the app at the current time (or `none` to remove the crash). */
  setCrash(target: 'cache' | 'app' | 'none'): void {
    const c = this.cfg;
    if (!c || c.mode !== 'writes') return;
    const at = Math.round(this.player.position * 10) / 10;
    this.player.pause();
    this.setConfig({ ...c, crash: target === 'none' ? undefined : { at, target } });
    this.player.refresh();
    this.announcer.announce(target === 'none' ? this.t('crashNone') : this.t('crashAt', { target: this.t(target === 'app' ? 'client' : 'cache'), t: this.ms(at) }));
    this.fire({ kind: 'crash', at, value: target });
    this.requestUpdate();
  }

  /** The run as JSON config; set it as `config` to reproduce this run and position. */
  exportScenario(): Record<string, unknown> {
    const c = this.cfg;
    if (!c) return {};
    const keep: Record<string, string[]> = {
      eviction: c.trace ? ['trace'] : ['seed', 'keys', 'skew', 'length', 'scan'],
      writes: ['ops', 'cacheMs', 'dbMs', 'think', 'flushEvery', 'ttl', 'crash'],
      stampede: ['seed', 'rps', 'hotKeys', 'ttl', 'recompute', 'duration', 'jitter'],
    };
    if (c.mode === 'eviction') keep.eviction.push('policies', 'capacity', 'maxSize', 'requests');
    const out: Record<string, unknown> = { mode: c.mode };
    for (const k of keep[c.mode]) {
      const val = (c as Record<string, unknown>)[k];
      if (val !== undefined) out[k] = structuredClone(val);
    }
    if (c.mode === 'eviction') out.step = this.player.position;
    else out.time = Math.round(this.player.position * 10) / 10;
    if (c.title) out.title = c.title;
    return out;
  }

  private readonly pct = (x: number) => `${this.formatNumber(x * 100)}%`;
  private readonly ms = (t: number) => this.formatNumber(t, t % 1 ? 1 : 0);
  private readonly sec = (t: number) => this.formatNumber(t / 1000, 1);
  private readonly num = (x: number) => this.formatNumber(x);

  private fire(detail: CacheActionDetail): void {
    this.dispatchEvent(new CustomEvent('ls-cache-action', { detail, bubbles: true, composed: true }));
  }

  // ───────────── narration ─────────────

  private result(r: Access): string {
    return r.hit ? this.t('hit') : r.evicted ? this.t('evicted', { key: r.evicted }) : this.t('miss');
  }

  private stepSentence(i: number): string {
    const ev = this.ev!;
    if (i === 0) return this.t('start');
    const parts = this.cfg!.policies.map((p) => `${NAMES[p]} ${this.result(ev.results[p][i - 1])}`);
    return `${this.t('step', { i: this.num(i), n: this.num(ev.trace.length), key: ev.trace[i - 1] })}. ${parts.join('; ')}.`;
  }

  private narrate(pos: number, prev: number): void {
    const c = this.cfg;
    if (!c) return;
    if (c.mode === 'eviction') {
      this.announcer.announce(this.stepSentence(pos));
    } else if (c.mode === 'writes') {
      const lo = Math.min(pos, prev);
      const arrived = this.wr.flatMap((r) => r.messages.filter((m) => m.arrive > lo && m.arrive <= pos).map((m) => `${this.t(r.pattern)}: ${this.msgText(m)}.`));
      if (this.player.playing && !arrived.length) return;
      this.announcer.announce([this.t('wAt', { t: this.ms(pos) }), ...arrived.slice(0, 4)].join(' '));
    } else if (!this.player.playing || Math.floor(pos / 1000) !== Math.floor(prev / 1000)) {
      this.announcer.announce(this.t('sAt', { t: this.sec(pos), list: this.st.map((r) => `${this.t(`v-${r.variant}`)} ${countUpTo(r.queries, pos)}`).join(', ') }));
    }
  }

  private msgText(m: Message): string {
    return this.t('wLast', { from: this.t(m.from), to: this.t(m.to), label: m.label });
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const c = this.cfg!;
    const p = this.player.position;
    const [body, label, table] = c.mode === 'eviction' ? this.renderEviction(p) : c.mode === 'writes' ? this.renderWrites(p) : this.renderStampede(p);
    return html`<div class="frame ${this.player.reducedMotion ? 'still' : ''}" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="main">${body}</div>
      ${renderPlayer(this.player, label, this.strings, this.theme)} ${table} ${this.copier.render()} ${this.announcer.render()}
    </div>`;
  }

  private range(kind: 'capacity' | 'skew' | 'jitter', min: number, max: number, step: number, val: number, shown = String(val)): TemplateResult {
    return html`<label
      >${this.t(kind)}
      <input type="range" id=${kind} min=${min} max=${max} step=${step} .value=${String(val)} aria-valuetext=${shown} @change=${(e: Event) => this.setValue(kind, Number((e.target as HTMLInputElement).value))} />
      <output>${shown}</output></label
    >`;
  }

  private lineChart(series: { cls: string; pts: [number, number][] }[], xd: [number, number], yMax: number, cursor: number, label: string, xText: [string, string], yText: [string, string], dots = false): TemplateResult {
    const H = 170;
    const x = linear(xd, [30, W - 6]);
    const y = linear([0, yMax], [H - 18, 6]);
    const cx = x(cursor);
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${label}>
      <line class="axis" x1="30" x2=${W - 6} y1=${H - 18} y2=${H - 18}></line>
      <line class="grid" x1="30" x2=${W - 6} y1="6" y2="6"></line>
      <text x="26" y="10" text-anchor="end">${yText[1]}</text>
      <text x="26" y=${H - 18} text-anchor="end">${yText[0]}</text>
      <text x="30" y=${H - 4}>${xText[0]}</text>
      <text x=${W - 6} y=${H - 4} text-anchor="end">${xText[1]}</text>
      ${series.map(
        (s) => svg`<polyline class="line ${s.cls}" points=${s.pts.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ')}></polyline>
          ${dots ? s.pts.map(([a, b]) => svg`<circle class="dot ${s.cls}" r="2" cx=${x(a)} cy=${y(b)}></circle>`) : nothing}`,
      )}
      <line class="cursor" x1=${cx} x2=${cx} y1="4" y2=${H - 18}></line>
      ${dots ? svg`<text x=${cx} y=${H - 4} text-anchor="middle">${cursor}</text>` : nothing}
    </svg>`;
  }

  private legend(items: [string, string][]): TemplateResult {
    return html`<ul class="legend">
      ${items.map(([cls, text]) => html`<li><i class=${cls}></i>${text}</li>`)}
    </ul>`;
  }

  // eviction

  private renderEviction(pos: number): [TemplateResult, string, TemplateResult] {
    const c = this.cfg!;
    const ev = this.ev!;
    const n = ev.trace.length;
    const key = pos > 0 ? ev.trace[pos - 1] : undefined;
    const ci = ev.sizes.indexOf(c.capacity);
    const cls = (p: Policy | 'opt') => `s${p === 'opt' ? 0 : c.policies.indexOf(p) + 1}`;
    const all: (Policy | 'opt')[] = [...c.policies, 'opt'];
    const caches = c.policies.map((p) => cacheAt(p, ev.trace, c.capacity, pos));
    const controls = html`<section class="card" part="controls" aria-labelledby="ctl-h">
      <h3 id="ctl-h">${this.t('controls')}</h3>
      <div class="controls">
        ${this.range('capacity', 1, 64, 1, c.capacity)} ${c.trace ? nothing : this.range('skew', 0, 2, 0.1, c.skew, c.skew.toFixed(1))}
        <form
          @submit=${(e: Event) => {
            e.preventDefault();
            const input = (e.target as HTMLFormElement).elements.namedItem('key') as HTMLInputElement;
            if (this.requestKey(input.value)) input.value = '';
          }}
        >
          <label for="key">${this.t('requestKey')}</label>
          <input id="key" name="key" autocomplete="off" maxlength="16" />
          <button>${this.t('request')}</button>
        </form>
        <p class="note">${key ? this.t('step', { i: this.num(pos), n: this.num(n), key }) : this.t('start')}</p>
      </div>
    </section>`;
    const cards = c.policies.map((p, j) => {
      const cache = caches[j];
      const r = pos > 0 ? ev.results[p][pos - 1] : undefined;
      const h = hitsOf(ev.results[p], pos);
      const slots = cache.slots();
      const g = cache.ghosts?.();
      return html`<section class="card policy" part="policy" aria-labelledby="h-${p}">
        <h3 id="h-${p}">${NAMES[p]} · ${this.t('ratio', { h: this.num(h), n: this.num(pos), r: pos ? this.pct(h / pos) : '—' })}</h3>
        <div class="bar" aria-hidden="true"><i style="width:${pos ? (100 * h) / pos : 0}%"></i></div>
        <ol class="slots" aria-label=${this.t('contents', { name: NAMES[p] })}>
          ${slots.map((s) => html`<li class="${s.seg ?? ''} ${s.key === key ? (r?.hit ? 'hit' : 'new') : ''}">${s.key}${s.freq ? html`<sub>${s.freq}</sub>` : nothing}</li>`)}
          ${Array.from({ length: c.capacity - slots.length }, () => html`<li class="empty">·</li>`)}
        </ol>
        ${r ? html`<p><span class=${r.hit ? 'hit-t' : 'miss-t'}>${key}: ${this.result(r)}</span></p>` : nothing}
        ${g ? html`<p class="note">${this.t('arcNote', { p: g.p.toFixed(1), b1: g.b1.join(' ') || this.t('none'), b2: g.b2.join(' ') || this.t('none') })}</p>` : nothing}
      </section>`;
    });
    const top = ev.sizes[ev.sizes.length - 1];
    const chart = html`<section class="card" part="chart" aria-labelledby="curve-h">
      <h3 id="curve-h">${this.t('curve')}</h3>
      ${this.lineChart(
        all.map((p) => ({ cls: cls(p), pts: ev.sizes.map((s, i) => [s, ev.curves[p][i]] as [number, number]) })),
        [1, Math.max(2, top)],
        1,
        c.capacity,
        this.t('curveLabel', { max: top, c: c.capacity, list: all.map((p) => `${NAMES[p]} ${this.pct(ev.curves[p][ci])}`).join(', ') }),
        ['1', `${top} ${this.t('size')}`],
        ['0%', '100%'],
        true,
      )}
      ${this.legend(all.map((p) => [cls(p), `${NAMES[p]} ${this.pct(ev.curves[p][ci])}`]))}
    </section>`;
    const log = [];
    for (let i = pos; i >= 1 && log.length < 30; i--)
      log.push({ cells: [i, ev.trace[i - 1], ...c.policies.map((p) => this.result(ev.results[p][i - 1]))], current: i === pos });
    const table = renderTableView(
      this.t('tableView'),
      html`${dataTable({
        heading: this.t('tNow'),
        columns: [{ label: this.t('colPolicy') }, { label: this.t('colHits'), num: true }, { label: this.t('colRatio'), num: true }, { label: this.t('colContents') }],
        rowHeader: true,
        rows: c.policies.map((p, j) => {
          const h = hitsOf(ev.results[p], pos);
          return { cells: [NAMES[p], h, pos ? this.pct(h / pos) : '—', caches[j].slots().map((s) => s.key).join(' ') || this.t('empty')] };
        }),
      })}
      ${dataTable({
        heading: this.t('tCurve'),
        columns: [{ label: this.t('colSize'), num: true }, ...all.map((p) => ({ label: NAMES[p], num: true }))],
        rows: ev.sizes.map((s, i) => ({ cells: [s, ...all.map((p) => this.pct(ev.curves[p][i]))], current: s === c.capacity })),
      })}
      ${dataTable({
        heading: this.t('tLog'),
        columns: [{ label: '#', num: true }, { label: this.t('colKey') }, ...c.policies.map((p) => ({ label: NAMES[p] }))],
        rows: log,
      })}
      ${pos > 30 ? html`<p class="note">${this.t('more', { n: pos - 30 })}</p>` : nothing}`,
    );
    return [html`<div class="col">${controls} ${chart}</div><div class="col">${cards}</div>`, this.t('playerEv', { i: this.num(pos), n: this.num(n) }), table];
  }

  // writes

  private renderWrites(t: number): [TemplateResult, string, TemplateResult] {
    const c = this.cfg!;
    const end = this.timeline();
    const H = 84;
    const x = linear([0, end], [40, W - 6]);
    const ly = (l: Lane) => 20 + LANES.indexOf(l) * 22;
    const controls = html`<section class="card" part="controls" aria-labelledby="ctl-h">
      <h3 id="ctl-h">${this.t('controls')}</h3>
      <div class="row">
        <button @click=${() => this.setCrash('cache')}>${this.t('crashCache')}</button>
        <button @click=${() => this.setCrash('app')}>${this.t('crashApp')}</button>
        <button @click=${() => this.setCrash('none')} ?disabled=${!c.crash}>${this.t('noCrash')}</button>
      </div>
      <p>${c.crash ? this.t('crashAt', { target: this.t(c.crash.target === 'app' ? 'client' : 'cache'), t: this.ms(c.crash.at) }) : this.t('crashNone')}</p>
      ${this.legend([
        ['box win-stale-k', this.t('legendStale')],
        ['box win-ahead-k', this.t('legendAhead')],
        ['s0', this.t('legendLost')],
      ])}
    </section>`;
    const facts = (r: WriteRun) => {
      const acks = r.ops.filter((o) => o.kind === 'write' && o.done !== undefined);
      return {
        w: acks.length ? this.ms(acks.reduce((a, o) => a + o.done! - o.start, 0) / acks.length) : '—',
        db: r.messages.filter((m) => m.to === 'db' && m.label[0] === 'U').length,
        win: this.ms(r.windows.reduce((a, x) => a + x.to - x.from, 0)),
        stale: r.ops.filter((o) => o.value! < o.expected!).length,
        lost: r.lost.join(', ') || this.t('none'),
      };
    };
    const summary = (r: WriteRun) => this.t('wSummary', facts(r));
    const compare = dataTable({
      heading: this.t('wCompare'),
      columns: ['colPattern', 'colAck', 'colDb', 'colWin', 'colStale', 'colLost'].map((k, i) => ({ label: this.t(k), num: i > 0 })),
      rowHeader: true,
      rows: this.wr.map((r) => ({ cells: [this.t(r.pattern), ...Object.values(facts(r))] })),
    });
    const cards = this.wr.map((r) => {
      const cv = cachedAt(r, t);
      const dv = dbAt(r, t);
      const last = r.messages.filter((m) => m.arrive <= t).at(-1);
      const state = this.t(cv === undefined ? 'uncached' : cv === dv ? 'agree' : cv < dv ? 'stale' : 'ahead');
      const name = this.t(r.pattern);
      return html`<section class="card" part="pattern" aria-labelledby="h-${r.pattern}">
        <h3 id="h-${r.pattern}">${name}</h3>
        <svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${this.t('wLabel', { name, d: this.ms(end), summary: summary(r) })}>
          ${r.windows.map((w) => svg`<rect class="win-${w.kind}" x=${x(w.from)} y="12" width=${Math.max(1, x(Math.min(w.to, end)) - x(w.from))} height="60"></rect>`)}
          ${LANES.map((l) => svg`<line class="lane" x1="40" x2=${W - 6} y1=${ly(l)} y2=${ly(l)}></line><text x="36" y=${ly(l) + 3} text-anchor="end">${this.t(l)}</text>`)}
          ${r.ops.map((o, i) => (r.messages.some((m) => m.op === o.op) ? svg`<text class="op" x=${x(o.start)} y=${i % 2 ? 13 : 6}>${this.t(o.kind, { v: o.value ?? '' })}</text>` : nothing))}
          <text x="40" y=${H - 1}>0</text>
          <text x=${W - 6} y=${H - 1} text-anchor="end">${this.t('ms', { t: this.ms(end) })}</text>
          ${r.messages.map((m) => svg`<line class="msg ${m.send > t ? 'future' : ''} ${m.lost ? 'lost' : ''}" x1=${x(m.send)} y1=${ly(m.from)} x2=${x(m.arrive)} y2=${ly(m.to)}></line><circle class="msg" r="1.6" cx=${x(m.arrive)} cy=${ly(m.to)}></circle>`)}
          ${c.crash ? svg`<line class="crash" x1=${x(c.crash.at)} x2=${x(c.crash.at)} y1="12" y2="72"></line>` : nothing}
          <line class="cursor" x1=${x(t)} x2=${x(t)} y1="12" y2="72"></line>
        </svg>
        <p>${this.t('wState', { c: cv ?? this.t('wEmpty'), d: dv })} · ${state}${last ? html` · ${this.msgText(last)}` : nothing}</p>
      </section>`;
    });
    const table = renderTableView(
      this.t('tableView'),
      this.wr.map((r) =>
        dataTable({
          heading: this.t(r.pattern),
          columns: [{ label: this.t('colSend'), num: true }, { label: this.t('colArrive'), num: true }, { label: this.t('colFrom') }, { label: this.t('colTo') }, { label: this.t('colMsg') }],
          rows: r.messages.map((m) => ({ cells: [this.ms(m.send), this.ms(m.arrive), this.t(m.from), this.t(m.to), m.lost ? `${m.label} ✕` : m.label], current: m.send <= t && t < m.arrive })),
        }),
      ),
    );
    return [html`<div class="col">${controls} <section class="card" part="summary">${compare}</section></div><div class="col">${cards}</div>`, this.t('playerT', { t: this.ms(t) }), table];
  }

  // stampede

  private renderStampede(t: number): [TemplateResult, string, TemplateResult] {
    const c = this.cfg!;
    const b = this.st[0].bucket;
    const perSec = (n: number) => (n * 1000) / b;
    const peak = (r: StampedeRun) => Math.round(perSec(Math.max(...r.load)));
    const yMax = Math.max(1, ...this.st.map((r) => perSec(Math.max(...r.load))));
    const name = (r: StampedeRun) => this.t(`v-${r.variant}`);
    const controls = html`<section class="card" part="controls" aria-labelledby="ctl-h">
      <h3 id="ctl-h">${this.t('controls')}</h3>
      <div class="controls">${this.range('jitter', 0, 0.5, 0.05, c.jitter, `±${Math.round(c.jitter * 100)}%`)}</div>
      ${dataTable({
        heading: this.t('sStats', { t: this.sec(t) }),
        columns: [{ label: this.t('colVariant') }, { label: this.t('colQueries'), num: true }, { label: this.t('colPeak'), num: true }, { label: this.t('colHerd'), num: true }, { label: this.t('colRatio'), num: true }],
        rowHeader: true,
        rows: this.st.map((r) => ({ cells: [name(r), this.num(countUpTo(r.queries, t)), this.num(peak(r)), r.herd, this.pct(r.hits / r.requests)] })),
      })}
    </section>`;
    const chart = html`<section class="card" part="chart" aria-labelledby="st-h">
      <h3 id="st-h">${this.t('sChart')}</h3>
      ${this.lineChart(
        this.st.map((r, i) => ({ cls: `s${i + 1}`, pts: r.load.map((n, k) => [(k + 0.5) * b, perSec(n)] as [number, number]) })),
        [0, c.duration],
        yMax,
        t,
        this.t('sLabel', { d: this.sec(c.duration), list: this.st.map((r) => this.t('sItem', { name: name(r), q: this.num(r.queries.length), p: this.num(peak(r)) })).join('; ') }),
        [this.t('s', { t: 0 }), this.t('s', { t: this.sec(c.duration) })],
        ['0', String(Math.round(yMax))],
      )}
      ${this.legend(this.st.map((r, i) => [`s${i + 1}`, name(r)]))}
    </section>`;
    const table = renderTableView(
      this.t('tableView'),
      dataTable({
        caption: this.t('sChart'),
        columns: [{ label: this.t('colTime'), num: true }, ...this.st.map((r) => ({ label: name(r), num: true }))],
        rows: this.st[0].load.map((_, k) => ({ cells: [this.sec(k * b), ...this.st.map((r) => Math.round(perSec(r.load[k])))], current: t >= k * b && t < (k + 1) * b })),
      }),
    );
    return [html`<div class="col">${controls}</div><div class="col">${chart}</div>`, this.t('playerS', { t: this.sec(t) }), table];
  }
}

if (!customElements.get('ls-cache-simulator')) customElements.define('ls-cache-simulator', LsCacheSimulator);
