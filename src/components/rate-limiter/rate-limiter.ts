import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LsElement, listAttr, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { dataTable, renderTableView } from '../../core/table-view.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { RateScenario, rateConfigSchema, type Algorithm, type AlgorithmRun, type RateConfig, type RateTally } from './model.js';
import { rateStyles } from './styles.js';

export type { Algorithm, BurstAction, Decision, RateConfig, RateRequest, RateTally } from './model.js';

export interface RateRequestDetail {
  /** Arrival time of the fired requests, ms. */
  at: number;
  /** How many were fired at once. */
  count: number;
  /** Per algorithm shown: how many of them it accepted. */
  accepted: Partial<Record<Algorithm, number>>;
}

/** What the element shows at the current step. */
export interface RateState {
  /** Requests arrived so far. */
  step: number;
  /** Arrival time of the last arrived request (0 before the first). */
  time: number;
  tallies: Partial<Record<Algorithm, RateTally>>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-rate-limiter-request': CustomEvent<RateRequestDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-rate-limiter': LsRateLimiter;
  }
}

const W = 360;
const H = 100;
const M = { l: 22, r: 8, top: 8, level: 54, ticks: 62, tickH: 14, axis: 94 };
const f1 = (n: number): string => n.toFixed(1);
const KEY: Record<Algorithm, string> = {
  'token-bucket': 'TokenBucket',
  'leaky-bucket': 'LeakyBucket',
  'fixed-window': 'FixedWindow',
  'sliding-log': 'SlidingLog',
  'sliding-window-counter': 'SlidingCounter',
};

/**
 * Five rate limiters — token bucket, leaky bucket, fixed window, sliding log and sliding window
 * counter — judging the same seeded request stream side by side: per algorithm its bucket level or
 * window count over time, every request accepted or rejected on a small timeline, and the most it
 * let through in any window-length span. The `boundary` traffic shows the fixed window's flaw: 2 ×
 * the limit accepted across a window edge, which the sliding algorithms refuse.
 *
 * Configure with attributes (`limit="5" window="1000" traffic="boundary" seed="1"`), inline JSON,
 * `src` or the `config` property: `{ limit, window, algorithms, traffic: "steady" | "bursty" |
 * "boundary", rate, seed, duration, actions: [{ type: "burst", at, count }], step, title }`.
 *
 * Keyboard: ←/→ step request by request, Space plays, Home/End jump; R fires one request and B a
 * burst of `limit` at the time in the field (the current time by default) — or use the buttons.
 * Fired requests are recorded in the scenario (Copy scenario replays them).
 *
 * @fires ls-rate-limiter-request - the reader or the API fired requests (not on replay); `detail: { at, count, accepted: { [algorithm]: n } }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart result - what the current request met
 * @csspart form - the time field and the fire buttons
 * @csspart algorithm - each algorithm's card
 * @csspart timeline - each algorithm's SVG timeline
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-rate-level-color - the level line (default: --ls-accent)
 * @cssproperty --ls-rate-accepted-color - accepted requests (default: --ls-success)
 * @cssproperty --ls-rate-rejected-color - rejected requests (default: --ls-danger)
 * @cssproperty --ls-accent - accent colour
 * @cssproperty --ls-warning - a peak above the limit
 * @cssproperty --ls-duration - how long a new mark animates at 1× speed (default 600ms)
 */
export class LsRateLimiter extends LsElement<RateConfig> {
  static override styles = [themeStyles, vizStyles, rateStyles];

  static override properties = {
    ...LsElement.properties,
    limit: { type: String },
    window: { type: String },
    traffic: { type: String },
    rate: { type: String },
    seed: { type: String },
    duration: { type: String },
    algorithms: { type: String },
  };

  static override configProperties = ['limit', 'window', 'traffic', 'rate', 'seed', 'duration', 'algorithms'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Rate limiters',
    nameTokenBucket: 'Token bucket',
    nameLeakyBucket: 'Leaky bucket',
    nameFixedWindow: 'Fixed window',
    nameSlidingLog: 'Sliding log',
    nameSlidingCounter: 'Sliding window counter',
    ruleTokenBucket: '{limit} tokens, refilled at {limit} per {window} ms; each request takes one.',
    ruleLeakyBucket: 'A queue of {limit}, processed one every {gap} ms; a full queue rejects.',
    ruleFixedWindow: 'At most {limit} per aligned {window} ms window.',
    ruleSlidingLog: 'At most {limit} in the last {window} ms, from a log of timestamps.',
    ruleSlidingCounter: 'previous × overlap + current + 1 ≤ {limit}.',
    levelTokenBucket: 'Tokens: {v} of {limit}',
    levelLeakyBucket: 'Queue: {v} of {limit}',
    levelFixedWindow: 'This window: {v} of {limit}',
    levelSlidingLog: 'In the last {window} ms: {v} of {limit}',
    levelSlidingCounter: 'Estimate: {v} of {limit}',
    tallyAccepted: '{a} accepted',
    tallyRejected: '{r} rejected',
    peak: 'most in any {window} ms: {p}',
    peakLeaky: 'most processed in any {window} ms: {p}',
    boundaryWarn: 'Fixed window let {p} through within {window} ms — {x} × the limit: the burst straddles a window edge and each window counted only its half.',
    resultHeading: 'This request',
    startHint: 'No request yet. Press → to let the first one arrive, or fire your own below.',
    requestAt: 'Request {i} of {n} at {t} ms',
    fired: ' (fired)',
    acceptedBy: 'accepted by {list}',
    rejectedBy: 'rejected by {list}',
    waits: 'The leaky bucket queues it for {ms} ms.',
    allAccept: 'every algorithm accepted it',
    allReject: 'every algorithm rejected it',
    and: ' and ',
    formHeading: 'Fire requests',
    atLabel: 'At (ms)',
    fireOne: 'Send 1 request',
    fireBurst: 'Send burst of {n}',
    keysHint: 'Keys: R sends one, B a burst.',
    cannotFire: 'Cannot fire at {t} ms: the time must be within the run (0–{max} ms) and the stream below {cap} requests.',
    timelineLabel: '{name}: {a} of {n} requests accepted, {r} rejected; {level}.',
    timelinesLabel: 'Timelines; ← and → step through the requests',
    axisMs: 'ms',
    stepLabel: 'Request {i} of {n} at {t} ms',
    startLabel: 'Before the first request',
    noRequests: 'No requests',
    tableRequests: 'Requests',
    colRequest: '#',
    colTime: 'Time (ms)',
    colAlgorithm: 'Algorithm',
    colAccepted: 'Accepted',
    colRejected: 'Rejected',
    colPeak: 'Most in any window',
    yes: 'accepted',
    no: 'rejected',
    tableSummary: 'Totals so far',
    more: '…and {n} more',
  };

  /** Requests allowed per window, 1–100 (attribute). */
  declare limit: string | undefined;
  /** The window in ms (attribute). */
  declare window: string | undefined;
  /** `steady`, `bursty` or `boundary` (attribute). */
  declare traffic: string | undefined;
  /** Requests per window for steady and bursty traffic (attribute). */
  declare rate: string | undefined;
  /** Seed of the traffic (attribute). */
  declare seed: string | undefined;
  /** Length of the run in ms (attribute). */
  declare duration: string | undefined;
  /** Comma-separated algorithms to show, e.g. `fixed-window, sliding-log` (attribute). */
  declare algorithms: string | string[] | undefined;

  private scenario?: RateScenario;
  private at = '';
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));

  private readonly player = new PlayerController(this, {
    length: () => this.scenario?.length ?? 0,
    interval: 700,
    onSeek: (pos) => this.announceStep(pos),
  });
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return rateConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      limit: numberAttr(this.limit),
      window: numberAttr(this.window),
      traffic: this.traffic ?? undefined,
      rate: numberAttr(this.rate),
      seed: numberAttr(this.seed),
      duration: numberAttr(this.duration),
      algorithms: listAttr(this.algorithms),
    };
  }

  protected configure(config: RateConfig): void {
    this.scenario = new RateScenario(config);
    this.at = '';
    this.player.pause();
    this.player.position = config.step;
  }

  // ───────────── public API ─────────────

  /** Requests arrived, the current time and each algorithm's tally; undefined before a valid config. */
  get state(): RateState | undefined {
    const sc = this.scenario;
    if (!sc) return undefined;
    const step = this.player.position;
    const tallies: RateState['tallies'] = {};
    for (const r of sc.runs) tallies[r.algo] = sc.tally(r.algo, step);
    return { step, time: this.now(), tallies };
  }

  /** The scenario being shown (stream, decisions), or undefined. */
  get model(): RateScenario | undefined {
    return this.scenario;
  }

  /**
   * Fire `count` requests at `at` ms (default: the current time). They join the stream, every
   * algorithm judges them, and the player moves to the last of them. Null (and announced) when out of range.
   */
  fire(count = 1, at = this.now()): RateRequestDetail | null {
    const sc = this.scenario;
    if (!sc) return null;
    const next = sc.withBurst(at, count);
    if (!next) {
      this.announcer.announce(this.t('cannotFire', { t: this.formatNumber(at), max: this.formatNumber(sc.config.duration - 1), cap: 2000 }));
      return null;
    }
    const t = Math.round(at);
    this.player.pause();
    this.scenario = next;
    this.player.refresh();
    // the new requests are the last `count` action requests at time t
    const end = next.arrivedBy(t);
    this.player.position = Math.max(0, end - 1);
    this.player.seek(end); // announces
    const accepted: RateRequestDetail['accepted'] = {};
    for (const r of next.runs) accepted[r.algo] = r.decisions.slice(end - count, end).filter((d) => d.accepted).length;
    const detail: RateRequestDetail = { at: t, count, accepted };
    this.dispatchEvent(new CustomEvent('ls-rate-limiter-request', { detail, bubbles: true, composed: true }));
    return detail;
  }

  /** The run so far as JSON config (fired bursts included); set it as `config` to reproduce it at this step. */
  exportScenario(): Record<string, unknown> {
    return this.scenario?.toJSON(this.player.position) ?? {};
  }

  // ───────────── behaviour ─────────────

  /** The arrival time of the last arrived request, or 0. */
  private now(): number {
    const sc = this.scenario;
    const p = this.player.position;
    return sc && p > 0 ? sc.requests[p - 1].t : 0;
  }

  private name(algo: Algorithm): string {
    return this.t(`name${KEY[algo]}`);
  }

  private level(algo: Algorithm, v: number): string {
    const c = this.scenario!.config;
    return this.t(`level${KEY[algo]}`, { v: this.formatNumber(v, Number.isInteger(v) ? 0 : 1), limit: c.limit, window: this.formatNumber(c.window) });
  }

  /** The level now: after the last arrived request (the initial level before any). */
  private levelNow(run: AlgorithmRun, step: number): number {
    return step > 0 ? run.decisions[step - 1].after : run.algo === 'token-bucket' ? this.scenario!.config.limit : 0;
  }

  private joinNames(names: string[]): string {
    return names.length > 1 ? `${names.slice(0, -1).join(', ')}${this.t('and')}${names[names.length - 1]}` : (names[0] ?? '');
  }

  /** The sentence for request `step` (1-based). */
  private requestSentence(step: number): string {
    const sc = this.scenario!;
    const req = sc.requests[step - 1];
    const acc: string[] = [];
    const rej: string[] = [];
    let wait = 0;
    for (const r of sc.runs) {
      const d = r.decisions[step - 1];
      (d.accepted ? acc : rej).push(this.name(r.algo));
      if (d.wait) wait = d.wait;
    }
    const head = `${this.t('requestAt', { i: step, n: sc.length, t: this.formatNumber(req.t) })}${req.source === 'action' ? this.t('fired') : ''}: `;
    const body = !rej.length
      ? this.t('allAccept')
      : !acc.length
        ? this.t('allReject')
        : `${this.t('acceptedBy', { list: this.joinNames(acc) })}; ${this.t('rejectedBy', { list: this.joinNames(rej) })}`;
    return `${head}${body}.${wait ? ` ${this.t('waits', { ms: this.formatNumber(wait) })}` : ''}`;
  }

  private announceStep(pos: number): void {
    if (!this.scenario) return;
    this.announcer.announce(pos > 0 ? this.requestSentence(pos) : this.t('startHint'));
  }

  private submit(count: number): void {
    const typed = this.at.trim();
    const at = typed === '' ? this.now() : Number(typed);
    if (this.fire(count, Number.isFinite(at) ? at : -1)) this.at = '';
    this.requestUpdate();
  }

  private onKey = (e: KeyboardEvent): void => {
    if (this.player.handleKey(e)) return;
    const tag = (e.composedPath()[0] as HTMLElement | undefined)?.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || tag === 'INPUT' || tag === 'TEXTAREA') return;
    const k = e.key.toLowerCase();
    if (k === 'r' || k === 'b') {
      e.preventDefault();
      this.submit(k === 'r' ? 1 : this.scenario!.config.limit);
    }
  };



  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const step = this.player.position;
    const still = this.player.reducedMotion;
    const dur = still ? 0 : Math.round(600 / this.player.speed);
    return html`<div class="frame ${still ? 'still' : ''}" style="--_dur: calc(var(--_duration) * ${dur / 600})" @keydown=${this.onKey}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="top">${this.renderResult(step)} ${this.renderForm()}</div>
      <div class="algos" role="group" tabindex="0" aria-label=${this.t('timelinesLabel')}>${sc.runs.map((r) => this.renderAlgorithm(r, step))}</div>
      ${renderPlayer(this.player, this.playerLabel(step), this.strings, this.theme)} ${this.renderTable(step)}
      ${this.copier.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private playerLabel(step: number): string {
    const sc = this.scenario!;
    if (!sc.length) return this.t('noRequests');
    if (!step) return this.t('startLabel');
    return this.t('stepLabel', { i: step, n: sc.length, t: this.formatNumber(sc.requests[step - 1].t) });
  }

  private renderResult(step: number): TemplateResult {
    return html`<section class="card result" part="result">
      <h3>${this.t('resultHeading')}</h3>
      <p>${step > 0 ? this.requestSentence(step) : this.t('startHint')}</p>
    </section>`;
  }

  private renderForm(): TemplateResult {
    const c = this.scenario!.config;
    return html`<section class="card" part="form">
      <h3>${this.t('formHeading')}</h3>
      <div class="form">
        <label for="at">${this.t('atLabel')}</label>
        <input
          id="at"
          type="number"
          min="0"
          max=${c.duration - 1}
          step="1"
          inputmode="numeric"
          .value=${live(this.at)}
          placeholder=${String(this.now())}
          aria-describedby="keys"
          @input=${(e: Event) => {
            this.at = (e.target as HTMLInputElement).value;
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.submit(1);
            }
          }}
        />
        <button class="primary" @click=${() => this.submit(1)}>${this.t('fireOne')}</button>
        <button @click=${() => this.submit(c.limit)}>${this.t('fireBurst', { n: c.limit })}</button>
      </div>
      <p class="note" id="keys">${this.t('keysHint')}</p>
    </section>`;
  }

  private renderAlgorithm(run: AlgorithmRun, step: number): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const tally = sc.tally(run.algo, step);
    const lv = this.level(run.algo, this.levelNow(run, step));
    const rule = this.t(`rule${KEY[run.algo]}`, { limit: c.limit, window: this.formatNumber(c.window), gap: this.formatNumber(c.window / c.limit, Number.isInteger(c.window / c.limit) ? 0 : 1) });
    const over = tally.peak > c.limit;
    const label = this.t('timelineLabel', { name: this.name(run.algo), a: tally.accepted, n: step, r: tally.rejected, level: lv });
    return html`<section class="card algo" part="algorithm" data-algo=${run.algo}>
      <h3>${this.name(run.algo)}</h3>
      <p class="rule">${rule}</p>
      <p class="level">${lv}</p>
      ${this.renderTimeline(run, step, label)}
      <p class="tally">
        <span class="ok"><span aria-hidden="true">✓ </span>${this.t('tallyAccepted', { a: tally.accepted })}</span>
        <span class="bad"><span aria-hidden="true">✗ </span>${this.t('tallyRejected', { r: tally.rejected })}</span>
        <span class=${over ? 'peak over' : 'peak'}>${this.t(run.algo === 'leaky-bucket' ? 'peakLeaky' : 'peak', { window: this.formatNumber(c.window), p: tally.peak })}</span>
      </p>
      ${over && run.algo === 'fixed-window'
        ? html`<p class="warn" role="note">${this.t('boundaryWarn', { p: tally.peak, window: this.formatNumber(c.window), x: this.formatNumber(tally.peak / c.limit, 1) })}</p>`
        : nothing}
    </section>`;
  }

  private renderTimeline(run: AlgorithmRun, step: number, label: string): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const x = linear([0, c.duration], [M.l, W - M.r]);
    const y = linear([0, c.limit], [M.level, M.top]);
    const parts: SVGTemplateResult[] = [];
    // window edges and time labels
    const every = Math.max(1, Math.ceil(c.duration / c.window / 6));
    for (let k = 0; k * c.window <= c.duration; k++) {
      const ex = f1(x(k * c.window));
      parts.push(svg`<line class="edge" x1=${ex} x2=${ex} y1=${M.top} y2=${M.ticks + M.tickH}></line>`);
      if (k % every === 0) parts.push(svg`<text x=${ex} y=${M.axis} text-anchor=${k === 0 ? 'start' : 'middle'}>${this.formatNumber(k * c.window)}</text>`);
    }
    parts.push(svg`<line class="limit" x1=${M.l} x2=${W - M.r} y1=${f1(y(c.limit))} y2=${f1(y(c.limit))}></line>`);
    parts.push(svg`<text x=${M.l - 3} y=${f1(y(c.limit) + 3)} text-anchor="end">${c.limit}</text>`);
    parts.push(svg`<text x=${M.l - 3} y=${f1(y(0) + 3)} text-anchor="end">0</text>`);
    parts.push(svg`<line class="axis" x1=${M.l} x2=${W - M.r} y1=${M.level} y2=${M.level}></line>`);
    // the level line
    const pts: [number, number][] = [[0, run.algo === 'token-bucket' ? c.limit : 0]];
    const linearBetween = run.algo === 'token-bucket' || run.algo === 'leaky-bucket' || run.algo === 'sliding-window-counter';
    for (let i = 0; i < step; i++) {
      const d = run.decisions[i];
      const t = sc.requests[i].t;
      const [pt, pv] = pts[pts.length - 1];
      if (run.algo === 'token-bucket' && d.before >= c.limit && pv < c.limit) pts.push([Math.min(t, pt + ((c.limit - pv) * c.window) / c.limit), c.limit]);
      else if (run.algo === 'fixed-window' && i > 0 && d.windowIndex !== run.decisions[i - 1].windowIndex) {
        const edge = d.windowIndex! * c.window;
        pts.push([edge, pv], [edge, 0]);
      } else if (!linearBetween) pts.push([t, pv]);
      pts.push([t, d.before], [t, d.after]);
    }
    const d = pts.map(([t, v], i) => `${i ? 'L' : 'M'}${f1(x(t))} ${f1(y(Math.min(c.limit, v)))}`).join('');
    parts.push(svg`<path class="level-line" d=${d}></path>`);
    // the requests
    for (let i = 0; i < step; i++) {
      const tx = f1(x(sc.requests[i].t));
      const cls = i === step - 1 ? ' new' : '';
      parts.push(
        run.decisions[i].accepted
          ? svg`<line class="ok${cls}" x1=${tx} x2=${tx} y1=${M.ticks} y2=${M.ticks + M.tickH}></line>`
          : svg`<path class="bad${cls}" d="M${tx} ${M.ticks + M.tickH - 6}l-3 -3m3 3l3 -3m-3 3l-3 3m3 -3l3 3"></path>`,
      );
    }
    if (step > 0) {
      const nx = f1(x(this.now()));
      parts.push(svg`<line class="now" x1=${nx} x2=${nx} y1=${M.top - 4} y2=${M.ticks + M.tickH + 2}></line>`);
    }
    return html`<svg class="timeline" part="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>${parts}</svg>`;
  }

  private renderTable(step: number): TemplateResult {
    const sc = this.scenario!;
    const algo = (r: { algo: Algorithm }) => this.name(r.algo);
    return renderTableView(
      this.t('tableView'),
      html`${dataTable({
        heading: this.t('tableSummary'),
        rowHeader: true,
        columns: [{ label: this.t('colAlgorithm') }, ...['colAccepted', 'colRejected', 'colPeak'].map((k) => ({ label: this.t(k), num: true }))],
        rows: sc.runs.map((r) => {
          const t = sc.tally(r.algo, step);
          return { cells: [algo(r), t.accepted, t.rejected, t.peak] };
        }),
      })}
      ${dataTable({
        heading: this.t('tableRequests'),
        columns: [
          { label: this.t('colRequest'), num: true },
          { label: this.t('colTime'), num: true },
          ...sc.runs.map((r) => ({ label: algo(r) })),
        ],
        rows: sc.requests.slice(0, step).map((req, i) => ({
          current: i + 1 === step,
          cells: [
            i + 1,
            `${this.formatNumber(req.t)}${req.source === 'action' ? '*' : ''}`,
            ...sc.runs.map((r) => ({ value: this.t(r.decisions[i].accepted ? 'yes' : 'no'), cls: r.decisions[i].accepted ? 'ok' : 'bad' })),
          ],
        })),
        limit: 300,
        more: (n) => this.t('more', { n }),
      })}`,
    );
  }
}

if (!customElements.get('ls-rate-limiter')) customElements.define('ls-rate-limiter', LsRateLimiter);
