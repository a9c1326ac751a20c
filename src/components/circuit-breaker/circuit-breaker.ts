import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { BUCKET, BreakerScenario, breakerConfigSchema, naiveBaseline, simulate, type Backoff, type BreakerConfig, type BreakerSnapshot, type BreakerState, type Transition } from './model.js';
import { breakerStyles } from './styles.js';

export type { Backoff, BreakerConfig, BreakerSnapshot, BreakerState, Transition } from './model.js';

export interface BreakerChangeDetail {
  /** `downstream`: failure rate or latency changed at `at`; `policy`: breaker on/off, retries or back-off. */
  kind: 'downstream' | 'policy';
  /** Simulated ms of the change (the player position). */
  at: number;
  failureRate: number;
  latency: number;
  breaker: boolean;
  retries: number;
  backoff: Backoff;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-circuit-breaker-change': CustomEvent<BreakerChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-circuit-breaker': LsCircuitBreaker;
  }
}

const W = 360;
const M = { l: 30, r: 8 };
const BAND = { y: 4, h: 12 };
const BARS = { y: 32, h: 76 };
const LOAD = { y: 128, h: 76 };
const H = 224;
/** Simulated ms per real ms at 1×: a minute plays in 15 s. */
const RATE = 4;

/** `breaker`, `breaker="true"` → true; `breaker="false"` → false; anything else is kept for the message. */
function boolAttr(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'string') return value ?? undefined;
  const s = value.trim().toLowerCase();
  return s === '' || s === 'true' || s === 'breaker' ? true : s === 'false' ? false : value;
}

const sec = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * A circuit breaker (closed / open / half-open, Resilience4j's count-based sliding window) in front
 * of a flaky downstream service, with client retries — at once, with exponential back-off, or with
 * jittered back-off. Set the downstream's failure rate and latency as time runs (each change is
 * recorded in the scenario) and watch the breaker trip, short-circuit calls and probe with trial
 * calls; compare the load on the downstream with the dashed "naive retries, no breaker" line to see a
 * retry storm and how the breaker sheds it.
 *
 * Configure with attributes (`failure-rate="0.3" latency="100" rps="30" capacity="40" retries="3"
 * backoff="jitter" breaker seed="1"`), inline JSON, `src` or the `config` property: `{ seed,
 * duration, rps, failureRate, latency, capacity, timeout, changes: [{ at, failureRate?, latency? }],
 * breaker, windowSize, minimumCalls, failureThreshold, openDuration, halfOpenCalls, retries, backoff:
 * "none" | "exponential" | "jitter", baseDelay, maxDelay, time, title }` (times in simulated ms).
 *
 * Keyboard: outside the form fields, ←/→ step a second (or to the next breaker transition), Space
 * plays, Home/End jump. The failure-rate and latency sliders record a change at the current time
 * (later changes are dropped, as in an editor's undo).
 *
 * @fires ls-circuit-breaker-change - the reader changed the downstream or the policy; `detail: { kind, at, failureRate, latency, breaker, retries, backoff }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart controls - the breaker, retry and downstream controls
 * @csspart state - the breaker state, its window and the countdown
 * @csspart stats - the totals so far
 * @csspart chart - the state band, outcomes per second and load on the downstream
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-breaker-closed-color - the closed state (default: --ls-success)
 * @cssproperty --ls-breaker-open-color - the open state (default: --ls-danger)
 * @cssproperty --ls-breaker-half-open-color - the half-open state (default: --ls-warning)
 * @cssproperty --ls-breaker-success-color - succeeded calls (default: --ls-success)
 * @cssproperty --ls-breaker-failure-color - failed calls (default: --ls-danger)
 * @cssproperty --ls-breaker-rejected-color - short-circuited calls (default: --ls-muted)
 * @cssproperty --ls-breaker-load-color - the load line (default: --ls-accent)
 * @cssproperty --ls-breaker-baseline-color - the naive-retries baseline (default: --ls-palette-2)
 * @cssproperty --ls-duration - how long the state badge's colour change animates (default 600ms)
 */
export class LsCircuitBreaker extends LsElement<BreakerConfig> {
  static override styles = [themeStyles, vizStyles, breakerStyles];

  static override properties = {
    ...LsElement.properties,
    failureRate: { type: String, attribute: 'failure-rate' },
    latency: { type: String },
    rps: { type: String },
    capacity: { type: String },
    retries: { type: String },
    backoff: { type: String },
    breaker: { type: String },
    seed: { type: String },
  };

  static override configProperties = ['failureRate', 'latency', 'rps', 'capacity', 'retries', 'backoff', 'breaker', 'seed'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Circuit breaker',
    controlsHeading: 'Policy and downstream',
    breakerOn: 'Circuit breaker',
    retriesLabel: 'Retries',
    backoffLabel: 'Back-off',
    'backoff-none': 'none (retry at once)',
    'backoff-exponential': 'exponential',
    'backoff-jitter': 'exponential + jitter',
    failureLabel: 'Failure rate',
    latencyLabel: 'Latency',
    changeHint: 'Slider changes are recorded at {t} s.',
    stateHeading: 'Breaker',
    noBreaker: 'No breaker: every call goes to the downstream.',
    closed: 'CLOSED',
    open: 'OPEN',
    'half-open': 'HALF-OPEN',
    windowLabel: 'Last {n} recorded calls: {ok} succeeded, {bad} failed',
    windowClosed: 'Window: {bad} of {n} failed ({rate}%); opens at ≥ {th}% once {min} calls are recorded.',
    windowEmpty: 'Window empty: no call recorded since the last transition.',
    openFor: 'Short-circuiting every call; half-open in {left} s.',
    halfOpen: 'Letting {p} trial calls through: {done} back so far.',
    statsHeading: 'So far (t = {t} s)',
    statRequests: 'Requests',
    statAttempts: 'Calls made (with retries)',
    statOk: 'Succeeded',
    statFailed: 'Failed',
    statRejected: 'Short-circuited',
    statLoad: 'Load on downstream now',
    statLoadValue: '{load}/s (capacity {cap}/s)',
    statDown: 'Downstream now',
    statDownValue: '{rate}% failures, {lat} ms',
    statRequestsOk: 'Requests that succeeded',
    chartHeading: 'Over time',
    chartLabel: 'Chart over {d} s: breaker state band, calls per second by outcome, and calls per second reaching the downstream against its capacity of {cap}/s and against naive retries with no breaker. {summary}',
    chartSummary: 'Peak load {peak}/s with this policy, {naive}/s with naive retries and no breaker.',
    axisCalls: 'calls/s',
    axisLoad: 'load/s',
    legendOk: 'succeeded',
    legendFailed: 'failed',
    legendRejected: 'short-circuited',
    legendLoad: 'load (this policy)',
    legendNaive: 'load (naive retries, no breaker)',
    legendCap: 'capacity',
    at: 't = {t} s.',
    stateNow: 'Breaker {state}.',
    secondSummary: 'Last second: {ok} succeeded, {bad} failed, {rej} short-circuited; {load} calls reached the downstream.',
    trOpen: 'At {t} s the breaker opened: {rate}% of the window failed.',
    trHalf: 'At {t} s the breaker went half-open: trial calls allowed.',
    trClosed: 'At {t} s the breaker closed again: {rate}% of the trial calls failed.',
    trReopen: 'At {t} s the breaker opened again: {rate}% of the trial calls failed.',
    changedDown: 'At {t} s the downstream now fails {rate}% of calls with {lat} ms latency; the run was recomputed from here.',
    changedPolicy: 'Policy: {breaker}, {retries} retries, back-off {backoff}; the run was recomputed.',
    breakerOnText: 'breaker on',
    breakerOffText: 'no breaker',
    tableTransitions: 'Breaker transitions',
    noTransitions: 'The breaker never left the closed state.',
    colTime: 'Time (s)',
    colFrom: 'From',
    colTo: 'To',
    colRate: 'Failure rate',
    tableSeconds: 'Per second',
    colState: 'State',
    colSet: 'Set failure rate',
    colOk: 'Succeeded',
    colFailed: 'Failed',
    colRejected: 'Short-circuited',
    colRetries: 'Retries',
    colLoad: 'Load',
    playerLabel: 't = {t} s of {d} s, breaker {state}',
  };

  /** Downstream base failure rate at t = 0, 0–1 (attribute `failure-rate`). */
  declare failureRate: string | undefined;
  /** Downstream base latency at t = 0, ms (attribute). */
  declare latency: string | undefined;
  /** Client requests a second (attribute). */
  declare rps: string | undefined;
  /** Calls a second the downstream serves before overload (attribute). */
  declare capacity: string | undefined;
  /** Retries after a failed attempt, 0–6 (attribute). */
  declare retries: string | undefined;
  /** `none`, `exponential` or `jitter` (attribute). */
  declare backoff: string | undefined;
  /** Put a breaker in front (boolean attribute; `breaker="false"` turns it off). */
  declare breaker: string | boolean | undefined;
  /** Seed of failures and jitter (attribute). */
  declare seed: string | undefined;

  private scenario?: BreakerScenario;
  private naivePeak = 0;
  private naiveLoads: number[] = [];
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));

  private readonly player = new PlayerController(this, {
    mode: 'continuous',
    length: () => this.scenario?.duration ?? 0,
    rate: RATE,
    nextStop: (p) => this.stops().find((s) => s > p + 1e-6) ?? this.scenario!.duration,
    prevStop: (p) => [...this.stops()].reverse().find((s) => s < p - 1e-6) ?? 0,
    onSeek: (pos, prev) => this.narrate(pos, prev),
  });
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return breakerConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      failureRate: numberAttr(this.failureRate),
      latency: numberAttr(this.latency),
      rps: numberAttr(this.rps),
      capacity: numberAttr(this.capacity),
      retries: numberAttr(this.retries),
      backoff: this.backoff || undefined,
      breaker: boolAttr(this.breaker),
      seed: numberAttr(this.seed),
    };
  }

  protected configure(config: BreakerConfig): void {
    this.setScenario(new BreakerScenario(config));
    this.player.pause();
    this.player.position = config.time;
  }

  private setScenario(sc: BreakerScenario): void {
    this.scenario = sc;
    const naive = simulate(naiveBaseline(sc.config));
    this.naiveLoads = naive.buckets.map((b) => b.load);
    this.naivePeak = Math.max(0, ...this.naiveLoads);
    this.stopCache = undefined;
  }

  // ───────────── public API ─────────────

  /** The breaker, window, downstream and totals at the current time, or undefined before a valid config. */
  get state(): BreakerSnapshot | undefined {
    return this.scenario?.stateAt(this.player.position);
  }

  /** The whole simulated run (attempts, transitions, per-second buckets). */
  get run() {
    return this.scenario?.run;
  }

  /** The player position, simulated ms. */
  get time(): number {
    return this.player.position;
  }

  /** Move the player to `ms` (clamped). */
  seek(ms: number): void {
    this.player.pause();
    this.player.seek(ms);
  }

  /** Change the downstream at the current time (recorded; later changes are dropped). */
  setDownstream(change: { failureRate?: number; latency?: number }): void {
    const sc = this.scenario;
    if (!sc) return;
    const at = this.player.position;
    this.player.pause();
    this.setScenario(sc.withChange(at, change));
    this.player.position = Math.round(at);
    const d = this.scenario!.stateAt(at).downstream;
    this.announcer.announce(this.t('changedDown', { t: sec(at), rate: Math.round(d.failureRate * 100), lat: Math.round(d.latency) }));
    this.fire('downstream');
  }

  /** Change the policy: breaker on/off, retries, back-off. The run is recomputed; the time is kept. */
  setPolicy(patch: { breaker?: boolean; retries?: number; backoff?: Backoff }): void {
    const sc = this.scenario;
    if (!sc) return;
    const clean: Partial<BreakerConfig> = {};
    if (typeof patch.breaker === 'boolean') clean.breaker = patch.breaker;
    if (Number.isInteger(patch.retries) && patch.retries! >= 0 && patch.retries! <= 6) clean.retries = patch.retries;
    if (patch.backoff === 'none' || patch.backoff === 'exponential' || patch.backoff === 'jitter') clean.backoff = patch.backoff;
    this.setScenario(sc.withPolicy(clean));
    const c = this.scenario!.config;
    this.announcer.announce(this.t('changedPolicy', { breaker: this.t(c.breaker ? 'breakerOnText' : 'breakerOffText'), retries: c.retries, backoff: this.t(`backoff-${c.backoff}`) }));
    this.fire('policy');
    this.requestUpdate();
  }

  /** The run as JSON config; set it as `config` to reproduce this run and time. */
  exportScenario(): Record<string, unknown> {
    return this.scenario?.toJSON(this.player.position) ?? {};
  }

  // ───────────── behaviour ─────────────

  private fire(kind: BreakerChangeDetail['kind']): void {
    const c = this.scenario!.config;
    const at = Math.round(this.player.position);
    const d = this.scenario!.stateAt(at).downstream;
    const detail: BreakerChangeDetail = { kind, at, failureRate: d.failureRate, latency: d.latency, breaker: c.breaker, retries: c.retries, backoff: c.backoff };
    this.dispatchEvent(new CustomEvent('ls-circuit-breaker-change', { detail, bubbles: true, composed: true }));
  }

  private stopCache?: number[];
  /** Every second, every transition and every recorded change, sorted. */
  private stops(): number[] {
    if (!this.stopCache) {
      const sc = this.scenario!;
      const set = new Set<number>();
      for (let t = 0; t <= sc.duration; t += BUCKET) set.add(t);
      set.add(sc.duration);
      for (const tr of sc.run.transitions) set.add(tr.at);
      for (const ch of sc.config.changes) set.add(ch.at);
      this.stopCache = [...set].sort((a, b) => a - b);
    }
    return this.stopCache;
  }

  private transitionSentence(tr: Transition): string {
    const vars = { t: sec(tr.at), rate: Math.round(tr.rate ?? 0) };
    if (tr.to === 'half-open') return this.t('trHalf', vars);
    if (tr.to === 'closed') return this.t('trClosed', vars);
    return this.t(tr.from === 'half-open' ? 'trReopen' : 'trOpen', vars);
  }

  private narrate(pos: number, prev: number): void {
    const sc = this.scenario;
    if (!sc) return;
    const crossed = sc.run.transitions.filter((tr) => (pos >= prev ? tr.at > prev && tr.at <= pos : tr.at === pos));
    if (this.player.playing) {
      if (crossed.length) this.announcer.announce(crossed.slice(-2).map((tr) => this.transitionSentence(tr)).join(' '));
      return;
    }
    const s = sc.stateAt(pos);
    const b = sc.run.buckets[Math.max(0, Math.ceil(pos / BUCKET) - 1)];
    const parts = [this.t('at', { t: sec(pos) }), ...crossed.slice(-3).map((tr) => this.transitionSentence(tr))];
    if (sc.config.breaker) parts.push(this.t('stateNow', { state: this.t(s.state) }));
    if (b && pos > 0) parts.push(this.t('secondSummary', { ok: b.succeeded, bad: b.failed, rej: b.rejected, load: b.load }));
    this.announcer.announce(parts.join(' '));
  }



  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const s = sc.stateAt(this.player.position);
    const still = this.player.reducedMotion;
    return html`<div class="frame ${still ? 'still' : ''}" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="main">
        <div class="col">${this.renderControls(s)} ${this.renderState(s)} ${this.renderStats(s)}</div>
        <div class="col">${this.renderChart(s)}</div>
      </div>
      ${renderPlayer(this.player, this.t('playerLabel', { t: sec(s.t), d: sec(c.duration), state: c.breaker ? this.t(s.state) : this.t('breakerOffText') }), this.strings, this.theme)}
      ${this.renderTable()}
      ${this.copier.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderControls(s: BreakerSnapshot): TemplateResult {
    const c = this.scenario!.config;
    const d = s.downstream;
    return html`<section class="card" part="controls" aria-labelledby="controls-h">
      <h3 id="controls-h">${this.t('controlsHeading')}</h3>
      <div class="controls">
        <label class="check"
          ><input id="breaker" type="checkbox" .checked=${c.breaker} @change=${(e: Event) => this.setPolicy({ breaker: (e.target as HTMLInputElement).checked })} />${this.t('breakerOn')}</label
        >
        <label
          >${this.t('retriesLabel')}
          <select id="retries" @change=${(e: Event) => this.setPolicy({ retries: Number((e.target as HTMLSelectElement).value) })}>
            ${[0, 1, 2, 3, 4, 5, 6].map((n) => html`<option value=${n} ?selected=${n === c.retries}>${n}</option>`)}
          </select>
        </label>
        <label
          >${this.t('backoffLabel')}
          <select id="backoff" @change=${(e: Event) => this.setPolicy({ backoff: (e.target as HTMLSelectElement).value as Backoff })}>
            ${(['none', 'exponential', 'jitter'] as const).map((b) => html`<option value=${b} ?selected=${b === c.backoff}>${this.t(`backoff-${b}`)}</option>`)}
          </select>
        </label>
        <label
          >${this.t('failureLabel')}
          <input
            id="failure"
            type="range"
            min="0"
            max="100"
            step="5"
            .value=${String(Math.round(d.failureRate * 100))}
            aria-valuetext=${`${Math.round(d.failureRate * 100)}%`}
            @change=${(e: Event) => this.setDownstream({ failureRate: Number((e.target as HTMLInputElement).value) / 100 })}
          />
          <output>${Math.round(d.failureRate * 100)}%</output>
        </label>
        <label
          >${this.t('latencyLabel')}
          <input
            id="latency"
            type="range"
            min="10"
            max="2000"
            step="10"
            .value=${String(Math.round(d.latency))}
            aria-valuetext=${`${Math.round(d.latency)} ms`}
            @change=${(e: Event) => this.setDownstream({ latency: Number((e.target as HTMLInputElement).value) })}
          />
          <output>${Math.round(d.latency)} ms</output>
        </label>
        <p class="note">${this.t('changeHint', { t: sec(s.t) })}</p>
      </div>
    </section>`;
  }

  private renderState(s: BreakerSnapshot): TemplateResult {
    const c = this.scenario!.config;
    if (!c.breaker) return html`<section class="card state" part="state"><h3>${this.t('stateHeading')}</h3><p>${this.t('noBreaker')}</p></section>`;
    const bad = s.window.filter((ok) => !ok).length;
    let line: string;
    if (s.state === 'open') line = this.t('openFor', { left: sec(Math.max(0, s.openUntil! - s.t)) });
    else if (s.state === 'half-open') line = this.t('halfOpen', { p: c.halfOpenCalls, done: s.window.length });
    else if (!s.window.length) line = this.t('windowEmpty');
    else line = this.t('windowClosed', { bad, n: s.window.length, rate: Math.round(s.windowRate ?? 0), th: c.failureThreshold, min: c.minimumCalls });
    return html`<section class="card state" part="state" aria-labelledby="state-h">
      <h3 id="state-h">${this.t('stateHeading')}</h3>
      <span class="badge ${s.state}">${this.t(s.state)}</span>
      ${s.window.length
        ? html`<div class="window" role="img" aria-label=${this.t('windowLabel', { n: s.window.length, ok: s.window.length - bad, bad })}>
            ${s.window.map((ok) => html`<span class=${ok ? 'ok' : 'bad'}>${ok ? '✓' : '✗'}</span>`)}
          </div>`
        : nothing}
      <p>${line}</p>
    </section>`;
  }

  private renderStats(s: BreakerSnapshot): TemplateResult {
    const c = this.scenario!.config;
    const T = s.totals;
    const done = T.requestsOk + T.requestsFailed;
    const row = (k: string, v: string | number) => html`<dt>${this.t(k)}</dt><dd>${v}</dd>`;
    return html`<section class="card" part="stats" aria-labelledby="stats-h">
      <h3 id="stats-h">${this.t('statsHeading', { t: sec(s.t) })}</h3>
      <dl class="stats">
        ${row('statRequests', this.formatNumber(T.requests))} ${row('statAttempts', this.formatNumber(T.attempts))} ${row('statOk', this.formatNumber(T.succeeded))}
        ${row('statFailed', this.formatNumber(T.failed))} ${row('statRejected', this.formatNumber(T.rejected))}
        ${row('statRequestsOk', done ? `${this.formatNumber(T.requestsOk)} (${Math.round((100 * T.requestsOk) / done)}%)` : '—')}
        ${row('statLoad', this.t('statLoadValue', { load: s.load, cap: c.capacity }))}
        ${row('statDown', this.t('statDownValue', { rate: Math.round(s.downstream.failureRate * 100), lat: Math.round(s.downstream.latency) }))}
      </dl>
    </section>`;
  }

  private renderChart(s: BreakerSnapshot): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const r = sc.run;
    const x = linear([0, c.duration], [M.l, W - M.r]);
    const bw = Math.max(0.5, x(BUCKET) - x(0) - 0.6);
    const maxCalls = Math.max(1, ...r.buckets.map((b) => b.succeeded + b.failed + b.rejected));
    const yb = linear([0, maxCalls], [BARS.y + BARS.h, BARS.y]);
    const peak = Math.max(0, ...r.buckets.map((b) => b.load));
    const maxLoad = Math.max(1, peak, this.naivePeak, c.capacity) * 1.1;
    const yl = linear([0, maxLoad], [LOAD.y + LOAD.h, LOAD.y]);
    const band: SVGTemplateResult[] = [];
    if (c.breaker) {
      let from = 0;
      let st: BreakerState = 'closed';
      for (const tr of [...r.transitions, { at: c.duration, from: 'closed', to: 'closed' } as Transition]) {
        band.push(svg`<rect class="band-${st}" x=${x(from)} y=${BAND.y} width=${Math.max(0.5, x(tr.at) - x(from))} height=${BAND.h}></rect>`);
        from = tr.at;
        st = tr.to;
      }
    }
    const bars = r.buckets.map((b) => {
      const bx = x(b.t) + 0.3;
      let y0 = BARS.y + BARS.h;
      const seg = (n: number, cls: string) => {
        if (!n) return nothing;
        const h = BARS.y + BARS.h - yb(n);
        y0 -= h;
        return svg`<rect class=${cls} x=${bx} y=${y0} width=${bw} height=${h}></rect>`;
      };
      return svg`${seg(b.succeeded, 'bar-ok')}${seg(b.failed, 'bar-bad')}${seg(b.rejected, 'bar-rej')}`;
    });
    const pts = (loads: number[]) => loads.map((l, i) => `${x(i * BUCKET + BUCKET / 2).toFixed(1)},${yl(l).toFixed(1)}`).join(' ');
    const cx = x(s.t);
    const summary = this.t('chartSummary', { peak, naive: this.naivePeak });
    return html`<section class="card" part="chart" aria-labelledby="chart-h">
      <h3 id="chart-h">${this.t('chartHeading')}</h3>
      <svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${this.t('chartLabel', { d: sec(c.duration), cap: c.capacity, summary })}>
        ${band}
        <line class="axis" x1=${M.l} x2=${W - M.r} y1=${BARS.y + BARS.h} y2=${BARS.y + BARS.h}></line>
        <text x=${M.l - 3} y=${BARS.y + 8} text-anchor="end">${maxCalls}</text>
        <text x=${M.l - 3} y=${BARS.y + BARS.h} text-anchor="end">0</text>
        <text x=${M.l} y=${BARS.y - 2}>${this.t('axisCalls')}</text>
        ${bars}
        <line class="axis" x1=${M.l} x2=${W - M.r} y1=${LOAD.y + LOAD.h} y2=${LOAD.y + LOAD.h}></line>
        <text x=${M.l - 3} y=${LOAD.y + 8} text-anchor="end">${Math.round(maxLoad)}</text>
        <text x=${M.l - 3} y=${LOAD.y + LOAD.h} text-anchor="end">0</text>
        <text x=${M.l} y=${LOAD.y - 2}>${this.t('axisLoad')}</text>
        <line class="cap" x1=${M.l} x2=${W - M.r} y1=${yl(c.capacity)} y2=${yl(c.capacity)}></line>
        <polyline class="naive" points=${pts(this.naiveLoads)}></polyline>
        <polyline class="load" points=${pts(r.buckets.map((b) => b.load))}></polyline>
        <text x=${M.l} y=${H - 4}>0 s</text>
        <text x=${W - M.r} y=${H - 4} text-anchor="end">${sec(c.duration)} s</text>
        <line class="cursor" x1=${cx} x2=${cx} y1=${BAND.y} y2=${LOAD.y + LOAD.h}></line>
      </svg>
      <ul class="legend">
        ${c.breaker
          ? html`<li><i style="background:var(--_closed)"></i>${this.t('closed')}</li>
              <li><i style="background:var(--_open)"></i>${this.t('open')}</li>
              <li><i style="background:var(--_half)"></i>${this.t('half-open')}</li>`
          : nothing}
        <li><i style="background:var(--_ok)"></i>${this.t('legendOk')}</li>
        <li><i style="background:var(--_bad)"></i>${this.t('legendFailed')}</li>
        <li><i style="background:var(--_rej);opacity:.55"></i>${this.t('legendRejected')}</li>
        <li><i class="line" style="color:var(--_load)"></i>${this.t('legendLoad')}</li>
        <li><i class="dash" style="color:var(--_naive)"></i>${this.t('legendNaive')}</li>
        <li><i class="dash" style="color:var(--_fg)"></i>${this.t('legendCap')}</li>
      </ul>
    </section>`;
  }

  private renderTable(): TemplateResult {
    const r = this.scenario!.run;
    const c = this.scenario!.config;
    return html`<details part="table">
      <summary>${this.t('tableView')}</summary>
      <div class="table-wrap">
        ${c.breaker && r.transitions.length
          ? html`<table>
              <caption>${this.t('tableTransitions')}</caption>
              <thead>
                <tr><th scope="col" class="num">${this.t('colTime')}</th><th scope="col">${this.t('colFrom')}</th><th scope="col">${this.t('colTo')}</th><th scope="col" class="num">${this.t('colRate')}</th></tr>
              </thead>
              <tbody>
                ${r.transitions.map(
                  (tr) => html`<tr><td class="num">${sec(tr.at)}</td><td>${this.t(tr.from)}</td><td>${this.t(tr.to)}</td><td class="num">${tr.rate === undefined ? '—' : `${Math.round(tr.rate)}%`}</td></tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="note">${this.t(c.breaker ? 'noTransitions' : 'noBreaker')}</p>`}
        <table>
          <caption>${this.t('tableSeconds')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">${this.t('colTime')}</th>
              ${c.breaker ? html`<th scope="col">${this.t('colState')}</th>` : nothing}
              <th scope="col" class="num">${this.t('colSet')}</th>
              <th scope="col" class="num">${this.t('colOk')}</th>
              <th scope="col" class="num">${this.t('colFailed')}</th>
              <th scope="col" class="num">${this.t('colRejected')}</th>
              <th scope="col" class="num">${this.t('colRetries')}</th>
              <th scope="col" class="num">${this.t('colLoad')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.buckets.map(
              (b) => html`<tr>
                <td class="num">${sec(b.t)}</td>
                ${c.breaker ? html`<td>${this.t(b.state)}</td>` : nothing}
                <td class="num">${Math.round(b.failureRate * 100)}%</td>
                <td class="num">${b.succeeded}</td>
                <td class="num">${b.failed}</td>
                <td class="num">${b.rejected}</td>
                <td class="num">${b.retries}</td>
                <td class="num">${b.load}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}

if (!customElements.get('ls-circuit-breaker')) customElements.define('ls-circuit-breaker', LsCircuitBreaker);
