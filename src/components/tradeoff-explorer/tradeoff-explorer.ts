import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { LsElement, listAttr, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { dataTable, renderTableView } from '../../core/table-view.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { TradeoffScenario, majority, tradeoffConfigSchema, type Action, type Mode, type Replication, type Request, type Snapshot, type TradeoffConfig } from './model.js';

/** An action without its time: `record()` stamps it with the player position. */
type Untimed<A> = A extends unknown ? Omit<A, 'at'> : never;
export type ActionInput = Untimed<Action>;
import { tradeoffStyles } from './styles.js';

export type { Action, Mode, Replication, Request, Run, Snapshot, Tally, TradeoffConfig, Write } from './model.js';

export interface TradeoffActionDetail {
  /** What the reader did: a recorded action (`cut`, `heal`, `mode`, `replication`, `read`, `write`) or `params` (rtt/lag). */
  kind: Action['type'] | 'params';
  /** Simulated ms at which it was recorded (the player position). */
  at: number;
  /** The recorded action (absent for `params`). */
  action?: Action;
  rtt: number;
  lag: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-tradeoff-action': CustomEvent<TradeoffActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-tradeoff-explorer': LsTradeoffExplorer;
  }
}

const W = 320;
const LANE = 22;
const sec = (ms: number): string => (ms / 1000).toFixed(2);
const ms1 = (ms: number): string => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

/** `regions="us:3, eu:2"` → `[{ id: "us", replicas: 3 }, …]`; a bad count is kept for the message. */
function regionsAttr(value: unknown): unknown {
  const list = listAttr(value);
  if (!Array.isArray(list) || typeof value !== 'string') return list;
  return list.map((s: string) => {
    const [id, n] = s.split(':').map((x) => x.trim());
    return { id, replicas: numberAttr(n) };
  });
}

/**
 * CAP and PACELC made tangible: a small replicated register in two to four regions, one client per
 * region, and a seeded stream of reads and writes over time. Cut the network between regions and
 * choose what a replica does when it cannot reach the others: **CP** refuses requests on any side
 * without a majority of the replicas (they fail, the majority stays consistent); **AP** serves every
 * request, so reads on the cut-off side return stale data and both sides accept writes that diverge —
 * on heal, last-writer-wins keeps the newest timestamp and silently drops the other side's write
 * (counted as lost). Then, with no partition, the **Else** choice: **synchronous** replication makes
 * every write wait for the farthest replica (latency ≥ the round trip, no stale reads),
 * **asynchronous** acknowledges locally (fast) and leaves a lag window in which other regions read
 * stale values. A table compares the same workload under all four fixed policies.
 *
 * Configure with attributes (`mode="ap" replication="async" rtt="80" lag="200" rate="3"
 * regions="us:3,eu:2" seed="1"`), inline JSON, `src` or the `config` property: `{ seed, regions:
 * [{ id, replicas }], rtt, localRtt, lag, jitter, rate, writeRatio, duration, mode, replication,
 * actions: [{ type: "cut", at, regions } | { type: "heal", at } | { type: "mode", at, mode } |
 * { type: "replication", at, replication } | { type: "read" | "write", at, client }], time, title }`
 * (times in simulated ms).
 *
 * Keyboard: outside the form fields, ←/→ step to the previous/next request or network event, Space
 * plays, Home/End jump. Every control records its action at the current time (later actions of the
 * same kind are dropped, as in an editor's undo: a cut or heal drops later cuts and heals).
 *
 * @fires ls-tradeoff-action - the reader recorded an action or changed rtt/lag; `detail: { kind, at, action?, rtt, lag }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart diagram - the regions, replicas, clients and network links
 * @csspart controls - the policy, network and request controls
 * @csspart timeline - requests over time by client and outcome
 * @csspart stats - the counters so far and the PACELC label
 * @csspart compare - the four fixed policies on the same workload
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-tradeoff-ok-color - served, fresh (default: --ls-success)
 * @cssproperty --ls-tradeoff-stale-color - stale reads and lagging replicas (default: --ls-warning)
 * @cssproperty --ls-tradeoff-failed-color - failed requests and cut links (default: --ls-danger)
 * @cssproperty --ls-tradeoff-partition-color - the partition band on the timeline (default: --ls-danger)
 */
export class LsTradeoffExplorer extends LsElement<TradeoffConfig> {
  static override styles = [themeStyles, vizStyles, tradeoffStyles];

  static override properties = {
    ...LsElement.properties,
    mode: { type: String },
    replication: { type: String },
    rtt: { type: String },
    lag: { type: String },
    rate: { type: String },
    regions: { type: String },
    seed: { type: String },
  };

  static override configProperties = ['mode', 'replication', 'rtt', 'lag', 'rate', 'regions', 'seed'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'CAP and PACELC',
    diagramHeading: 'Cluster at {t} s',
    diagramLabel: '{n} replicas in {r} regions. {net} {reps}',
    healthy: 'Network healthy.',
    partitioned: 'Partition: {sides}.',
    repLabel: '{id} holds v{v}',
    noMajority: 'no majority',
    client: 'client',
    lastNone: 'no request yet',
    controlsHeading: 'Choices and actions',
    onPartition: 'If partitioned',
    cp: 'CP: refuse without a majority',
    ap: 'AP: always answer',
    elseHeading: 'Else (healthy)',
    sync: 'Sync: wait for all replicas',
    async: 'Async: ack locally',
    rttLabel: 'Region RTT',
    lagLabel: 'Async lag',
    cutLabel: 'Cut off',
    cut: 'Cut',
    heal: 'Heal',
    sendLabel: 'Client',
    read: 'Read',
    write: 'Write',
    recordHint: 'Actions are recorded at t = {t} s.',
    timelineHeading: 'Requests over time',
    timelineLabel: 'Each client’s requests to {t} s: {ok} ok, {stale} stale, {failed} failed. Shaded: partition.',
    legendOk: 'ok',
    legendStale: 'stale read',
    legendFailed: 'failed',
    legendWrite: 'square: write',
    legendCut: 'partition',
    statsHeading: 'So far',
    statRequests: 'Requests',
    statOk: 'Ok (fresh)',
    statStale: 'Stale reads',
    statFailed: 'Failed',
    statLost: 'Writes lost (LWW)',
    statWrite: 'Write latency p50 / p99',
    statRead: 'Read latency p50',
    'pacelc-cpsync': 'PC/EC, like etcd or Spanner: refuse without a majority; every write waits for the replicas.',
    'pacelc-cpasync': 'PC/EL: the minority refuses; while healthy, reads may lag and concurrent writes collide.',
    'pacelc-apsync': 'PA/EC: answers during a partition, waits for all replicas while healthy.',
    'pacelc-apasync': 'PA/EL, like Dynamo-style stores (Cassandra, Riak) by default: always fast, possibly stale.',
    compareHeading: 'Same workload, four policies',
    compareNote: 'Whole run, each policy fixed from the start; p50/p99: write latency, ms.',
    colPolicy: 'Policy',
    colFailed: 'Failed',
    colStale: 'Stale',
    colLost: 'Lost',
    colP50: 'p50',
    colP99: 'p99',
    tableReplicas: 'Replicas at {t} s',
    colReplica: 'Replica',
    colRegion: 'Region',
    colVersion: 'Version',
    colFresh: 'Has newest ack',
    yes: 'yes',
    no: 'no',
    tableRequests: 'Requests to {t} s',
    colN: '#',
    colTime: 'Time (ms)',
    colClient: 'Client',
    colOp: 'Op',
    colOutcome: 'Outcome',
    colLatest: 'Newest ack',
    colLatency: 'Latency (ms)',
    more: '{n} more rows not shown',
    ok: 'ok',
    stale: 'stale',
    failed: 'failed',
    'reason-minority': 'failed: no majority',
    'reason-catch-up': 'failed: catching up',
    at: 't = {t} s.',
    sayRead: '{c} read v{v}, {o}.',
    sayStale: '{c} read v{v}: stale, v{l} was acknowledged.',
    sayWrite: '{c} wrote v{v} in {ms} ms.',
    sayFailed: '{c} {op} failed: {why}.',
    why: 'no majority on its side',
    whyCatch: 'catching up after the heal',
    sayCut: 'Network cut: {sides}.',
    sayHeal: 'Network healed.',
    sayMode: 'Partition policy now {m}.',
    sayRepl: 'Replication now {r}.',
    sayLost: 'Last-writer-wins dropped v{v}.',
    sayParams: 'Round trip {rtt} ms, async lag {lag} ms; the run was recomputed.',
    playerLabel: 't = {t} s of {d} s',
    shortRead: 'R',
    shortWrite: 'W',
    opRead: 'read',
    opWrite: 'write',
  };

  /** `cp` or `ap`: what a replica does during a partition (attribute). */
  declare mode: string | undefined;
  /** `sync` or `async`: replication without a partition (attribute). */
  declare replication: string | undefined;
  /** Round trip between regions, ms (attribute). */
  declare rtt: string | undefined;
  /** Async replication delay to other regions, ms (attribute). */
  declare lag: string | undefined;
  /** Requests a second per client (attribute). */
  declare rate: string | undefined;
  /** Regions and replica counts, `us:3,eu:2` (attribute). */
  declare regions: string | undefined;
  /** Seed of the workload and jitter (attribute). */
  declare seed: string | undefined;

  private scenario?: TradeoffScenario;
  private cutChoice = 0;
  private client = 0;
  private stopCache?: number[];
  private readonly copier = new ScenarioCopier(this, (m) => this.announcer.announce(m));
  private readonly player = new PlayerController(this, {
    mode: 'continuous',
    length: () => this.scenario?.duration ?? 0,
    rate: 0.5,
    nextStop: (p) => this.stops().find((s) => s > p + 1e-6) ?? this.scenario!.duration,
    prevStop: (p) => [...this.stops()].reverse().find((s) => s < p - 1e-6) ?? 0,
    onSeek: (pos, prev) => this.narrate(pos, prev),
  });
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return tradeoffConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      mode: this.mode || undefined,
      replication: this.replication || undefined,
      rtt: numberAttr(this.rtt),
      lag: numberAttr(this.lag),
      rate: numberAttr(this.rate),
      regions: regionsAttr(this.regions),
      seed: numberAttr(this.seed),
    };
  }

  protected configure(config: TradeoffConfig): void {
    this.setScenario(new TradeoffScenario(config));
    this.player.pause();
    this.player.position = config.time;
  }

  private setScenario(sc: TradeoffScenario): void {
    this.scenario = sc;
    this.stopCache = undefined;
    this.cutChoice = Math.min(this.cutChoice, this.sides().length - 1);
    this.client = Math.min(this.client, sc.config.regions.length - 1);
  }

  // ───────────── public API ─────────────

  /** Replicas, network, counters at the current time; undefined before a valid config. */
  get state(): Snapshot | undefined {
    return this.scenario?.stateAt(this.player.position);
  }

  /** The whole simulated run (requests, writes with their apply times, heals). */
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

  /** Record an action at the current time (`at` is filled in); later actions of its kind are dropped. */
  record(action: ActionInput): void {
    const sc = this.scenario;
    if (!sc) return;
    const at = Math.round(this.player.position);
    const full = { ...action, at } as Action;
    this.player.pause();
    this.setScenario(sc.withAction(full));
    this.player.position = at;
    this.announcer.announce(this.actionSentence(full, at));
    this.fire(full.type, at, full);
    this.requestUpdate();
  }

  /** Change the round trip or the lag (the run is recomputed; actions kept). */
  setParams(patch: { rtt?: number; lag?: number }): void {
    const sc = this.scenario;
    if (!sc) return;
    const clean: { rtt?: number; lag?: number } = {};
    if (Number.isFinite(patch.rtt) && patch.rtt! >= 1 && patch.rtt! <= 1000) clean.rtt = patch.rtt;
    if (Number.isFinite(patch.lag) && patch.lag! >= 0.5 && patch.lag! <= 10_000) clean.lag = patch.lag;
    this.setScenario(sc.withParams(clean));
    const c = this.scenario!.config;
    this.announcer.announce(this.t('sayParams', { rtt: c.rtt, lag: c.lag }));
    this.fire('params', Math.round(this.player.position));
    this.requestUpdate();
  }

  /** The run as JSON config; set it as `config` to reproduce this run and time. */
  exportScenario(): Record<string, unknown> {
    return this.scenario?.toJSON(this.player.position) ?? {};
  }

  // ───────────── behaviour ─────────────

  private fire(kind: TradeoffActionDetail['kind'], at: number, action?: Action): void {
    const c = this.scenario!.config;
    const detail: TradeoffActionDetail = { kind, at, action, rtt: c.rtt, lag: c.lag };
    this.dispatchEvent(new CustomEvent('ls-tradeoff-action', { detail, bubbles: true, composed: true }));
  }

  /** Cut choices: every split of the regions, listed once (the side not containing the first region… or half of it). */
  private sides(): number[][] {
    const n = this.scenario?.config.regions.length ?? 0;
    const out: number[][] = [];
    for (let m = 1; m < (1 << n) - 1; m++) {
      const s = [...Array(n).keys()].filter((i) => m & (1 << i));
      if (s.length < n / 2 || (s.length === n / 2 && !s.includes(0))) out.push(s);
    }
    return out;
  }

  private sideText(groups: number[][]): string {
    const ids = this.scenario!.config.regions.map((r) => r.id);
    return groups.map((g) => g.map((i) => ids[i]).join(' + ')).join(' | ');
  }

  private stops(): number[] {
    if (!this.stopCache) {
      const sc = this.scenario!;
      const set = new Set<number>([0, sc.duration]);
      for (const r of sc.run.requests) set.add(r.t);
      for (const a of sc.config.actions) set.add(a.at);
      for (const h of sc.run.heals) set.add(h + sc.config.rtt / 2);
      this.stopCache = [...set].filter((s) => s <= sc.duration).sort((a, b) => a - b);
    }
    return this.stopCache;
  }

  private actionSentence(a: Action, at: number): string {
    const ids = this.scenario!.config.regions.map((r) => r.id);
    if (a.type === 'cut') return this.t('sayCut', { sides: this.sideText(this.scenario!.stateAt(at).groups) });
    if (a.type === 'heal') return this.t('sayHeal');
    if (a.type === 'mode') return this.t('sayMode', { m: a.mode.toUpperCase() });
    if (a.type === 'replication') return this.t('sayRepl', { r: this.t(a.replication) });
    const req = this.scenario!.run.requests.find((r) => r.user && r.t === at && ids[r.client] === a.client && r.kind === a.type);
    return req ? this.requestSentence(req) : '';
  }

  private requestSentence(r: Request): string {
    const c = this.scenario!.config.regions[r.client].id;
    if (r.outcome === 'failed') return this.t('sayFailed', { c, op: this.t(r.kind === 'read' ? 'opRead' : 'opWrite'), why: this.t(r.reason === 'minority' ? 'why' : 'whyCatch') });
    if (r.kind === 'write') return this.t('sayWrite', { c, v: r.version!, ms: ms1(r.latency!) });
    if (r.outcome === 'stale') return this.t('sayStale', { c, v: r.version!, l: r.latest! });
    return this.t('sayRead', { c, v: r.version!, o: this.t('ok') });
  }

  private narrate(pos: number, prev: number): void {
    const sc = this.scenario;
    if (!sc) return;
    const lo = Math.min(pos, prev);
    const hi = Math.max(pos, prev);
    const inRange = (t: number) => (pos >= prev ? t > lo && t <= hi : t === pos);
    const events = sc.config.actions.filter((a) => a.type !== 'read' && a.type !== 'write' && inRange(a.at)).map((a) => this.actionSentence(a, a.at));
    const lostNow = sc.stateAt(pos).lost.filter((v) => !sc.stateAt(prev).lost.includes(v));
    const lost = pos > prev ? lostNow.map((v) => this.t('sayLost', { v })) : [];
    if (this.player.playing) {
      if (events.length || lost.length) this.announcer.announce([...events, ...lost].join(' '));
      return;
    }
    const reqs = sc.run.requests.filter((r) => inRange(r.t)).slice(-2).map((r) => this.requestSentence(r));
    this.announcer.announce([this.t('at', { t: sec(pos) }), ...events, ...reqs, ...lost].join(' '));
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const s = sc.stateAt(this.player.position);
    const c = sc.config;
    return html`<div class="frame ${this.player.reducedMotion ? 'still' : ''}" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="main">
        <div class="col">${this.renderDiagram(s)} ${this.renderControls(s)}</div>
        <div class="col">${this.renderTimeline(s)} ${this.renderStats(s)} ${this.renderCompare(s)}</div>
      </div>
      ${renderPlayer(this.player, this.t('playerLabel', { t: sec(s.t), d: sec(c.duration) }), this.strings, this.theme)}
      ${this.renderTable(s)} ${this.copier.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderDiagram(s: Snapshot): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const n = c.regions.length;
    const gap = 14;
    const bw = (W - gap * (n - 1)) / n;
    const top = 14 + 10 * (n - 1);
    const most = Math.max(...c.regions.map((r) => r.replicas));
    const boxH = 22 + most * 20 + 38;
    const H = top + boxH + 2;
    const x0 = (i: number) => i * (bw + gap);
    const cx = (i: number) => x0(i) + bw / 2;
    const N = sc.run.replicas.length;
    const groupOf = (i: number) => s.groups.find((g) => g.includes(i))!;
    const size = (g: number[]) => g.reduce((a, i) => a + c.regions[i].replicas, 0);
    const down = (i: number) => s.mode === 'cp' && size(groupOf(i)) < majority(N);
    const links: SVGTemplateResult[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const cut = s.cut.has(`${i},${j}`);
        const y = top - 8 - 10 * (j - i - 1);
        const mx = (cx(i) + cx(j)) / 2;
        links.push(svg`<path class="link ${cut ? 'cut' : ''}" d="M${cx(i)},${top} Q${mx},${y - 6} ${cx(j)},${top}"></path>
          <text class=${cut ? 'cutmark' : 'rtt'} x=${mx} y=${y - 3} text-anchor="middle">${cut ? '✕' : `${c.rtt} ms`}</text>`);
      }
    let k = 0;
    const boxes = c.regions.map((r, i) => {
      const reps = Array.from({ length: r.replicas }, (_, m) => {
        const idx = k++;
        const ver = s.versions[idx];
        const behind = ver < s.latest;
        const y = top + 22 + m * 20;
        return svg`<g class="rep ${behind ? 'behind' : 'fresh'}">
          <rect x=${x0(i) + 5} y=${y} width=${bw - 10} height="17" rx="3"></rect>
          <circle cx=${x0(i) + 13} cy=${y + 8.5} r="4" style="fill:var(--_p${(ver % 10) + 1})"></circle>
          <text x=${x0(i) + 21} y=${y + 12.5}>${sc.run.replicas[idx].id}${m === 0 ? '*' : ''}</text>
          <text class="ver" x=${x0(i) + bw - 9} y=${y + 12.5} text-anchor="end">v${ver}</text>
        </g>`;
      });
      const last = s.last[i];
      const cy = top + 22 + most * 20 + 6;
      const lastText = last ? `${this.t(last.kind === 'read' ? 'shortRead' : 'shortWrite')} ${last.outcome === 'failed' ? '✕' : 'v' + last.version} ${last.outcome === 'failed' ? this.t('failed') : last.outcome === 'stale' ? this.t('stale') : ms1(last.latency!) + ' ms'}` : this.t('lastNone');
      return svg`<g class="region ${down(i) ? 'down' : ''}">
        <rect class="box" x=${x0(i)} y=${top} width=${bw} height=${boxH} rx="6"></rect>
        <text class="rname" x=${x0(i) + 6} y=${top + 14}>${r.id}</text>
        ${down(i) ? svg`<text class="nomaj" x=${x0(i) + bw - 6} y=${top + 14} text-anchor="end">${this.t('noMajority')}</text>` : nothing}
        ${reps}
        <rect class="client ${last?.outcome ?? ''}" x=${x0(i) + 5} y=${cy} width=${bw - 10} height="28" rx="3"></rect>
        <text x=${x0(i) + 10} y=${cy + 11}>${this.t('client')} ${r.id}</text>
        <text class="last" x=${x0(i) + 10} y=${cy + 23}>${lastText}</text>
      </g>`;
    });
    const net = s.groups.length > 1 ? this.t('partitioned', { sides: this.sideText(s.groups) }) : this.t('healthy');
    const reps = sc.run.replicas.map((rp, i) => this.t('repLabel', { id: rp.id, v: s.versions[i] })).join(', ');
    return html`<div class="card" role="group" part="diagram" aria-labelledby="dia-h">
      <h3 id="dia-h">${this.t('diagramHeading', { t: sec(s.t) })}</h3>
      <svg viewBox="0 -2 ${W} ${H}" role="img" aria-label=${this.t('diagramLabel', { n: N, r: n, net, reps })}>${links}${boxes}</svg>
      <p class="note">${net} <span class="pacelc">${this.pacelc(s.mode, s.replication)}</span></p>
    </div>`;
  }

  private pacelc(mode: Mode, repl: Replication): string {
    return `${mode === 'cp' ? 'PC' : 'PA'}/${repl === 'sync' ? 'EC' : 'EL'}`;
  }

  private renderControls(s: Snapshot): TemplateResult {
    const c = this.scenario!.config;
    const sides = this.sides();
    const radio = <T extends string>(name: string, value: T, current: T, act: () => void) =>
      html`<label class="opt"><input type="radio" name=${name} value=${value} .checked=${value === current} @change=${act} />${this.t(value)}</label>`;
    return html`<div class="card" role="group" part="controls" aria-labelledby="ctl-h">
      <h3 id="ctl-h">${this.t('controlsHeading')}</h3>
      <div class="controls">
        <fieldset>
          <legend>${this.t('onPartition')}</legend>
          ${(['cp', 'ap'] as const).map((m) => radio('mode', m, s.mode, () => this.record({ type: 'mode', mode: m })))}
        </fieldset>
        <fieldset>
          <legend>${this.t('elseHeading')}</legend>
          ${(['sync', 'async'] as const).map((m) => radio('repl', m, s.replication, () => this.record({ type: 'replication', replication: m })))}
        </fieldset>
        <label class="slider"
          >${this.t('rttLabel')}
          <input id="rtt" type="range" min="10" max="300" step="5" .value=${String(c.rtt)} aria-valuetext=${`${c.rtt} ms`} @change=${(e: Event) => this.setParams({ rtt: Number((e.target as HTMLInputElement).value) })} />
          <output>${c.rtt} ms</output>
        </label>
        <label class="slider"
          >${this.t('lagLabel')}
          <input id="lag" type="range" min=${Math.ceil(c.rtt / 2)} max="2000" step="5" .value=${String(c.lag)} aria-valuetext=${`${c.lag} ms`} @change=${(e: Event) => this.setParams({ lag: Number((e.target as HTMLInputElement).value) })} />
          <output>${c.lag} ms</output>
        </label>
        <div class="row">
          <label
            >${this.t('cutLabel')}
            <select id="cut" @change=${(e: Event) => (this.cutChoice = Number((e.target as HTMLSelectElement).value))}>
              ${sides.map((g, i) => html`<option value=${i} ?selected=${i === this.cutChoice}>${this.sideText([g])}</option>`)}
            </select></label
          >
          <button id="cut-btn" @click=${() => this.record({ type: 'cut', regions: sides[this.cutChoice].map((i) => c.regions[i].id) })}>${this.t('cut')}</button>
          <button id="heal-btn" ?disabled=${s.groups.length < 2} @click=${() => this.record({ type: 'heal' })}>${this.t('heal')}</button>
        </div>
        <div class="row">
          <label
            >${this.t('sendLabel')}
            <select id="client" @change=${(e: Event) => (this.client = Number((e.target as HTMLSelectElement).value))}>
              ${c.regions.map((r, i) => html`<option value=${i} ?selected=${i === this.client}>${r.id}</option>`)}
            </select></label
          >
          <button id="read-btn" @click=${() => this.record({ type: 'read', client: c.regions[this.client].id })}>${this.t('read')}</button>
          <button id="write-btn" @click=${() => this.record({ type: 'write', client: c.regions[this.client].id })}>${this.t('write')}</button>
        </div>
        <p class="note">${this.t('recordHint', { t: sec(s.t) })}</p>
      </div>
    </div>`;
  }

  private renderTimeline(s: Snapshot): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const n = c.regions.length;
    const L = 26;
    const x = linear([0, c.duration], [L, W - 6]);
    const H = 14 + n * LANE + 14;
    const laneY = (i: number) => 14 + i * LANE + LANE / 2;
    // partition bands from the actions
    const bands: SVGTemplateResult[] = [];
    let from: number | undefined;
    for (const a of [...c.actions, { type: 'heal', at: c.duration } as Action]) {
      if (a.at > s.t && from === undefined) break;
      if (a.type === 'cut' && from === undefined) from = a.at;
      if (a.type === 'heal' && from !== undefined) {
        const to = Math.min(a.at, s.t);
        bands.push(svg`<rect class="band" x=${x(from)} y="12" width=${Math.max(1, x(to) - x(from))} height=${n * LANE + 4}></rect>`);
        from = undefined;
      }
    }
    const marks = sc.run.requests
      .filter((r) => r.t <= s.t)
      .map((r) => {
        const px = x(r.t);
        const py = laneY(r.client);
        if (r.outcome === 'failed') return svg`<path class="m-failed" d="M${px - 3},${py - 3}l6,6m0,-6l-6,6"></path>`;
        return r.kind === 'write' ? svg`<rect class="m-${r.outcome}" x=${px - 3} y=${py - 3} width="6" height="6"></rect>` : svg`<circle class="m-${r.outcome}" cx=${px} cy=${py} r="3"></circle>`;
      });
    const T = s.tally;
    return html`<div class="card" role="group" part="timeline" aria-labelledby="tl-h">
      <h3 id="tl-h">${this.t('timelineHeading')}</h3>
      <svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${this.t('timelineLabel', { t: sec(s.t), ok: T.ok, stale: T.stale, failed: T.failed })}>
        ${bands}
        ${c.regions.map((r, i) => svg`<line class="lane" x1=${L} x2=${W - 6} y1=${laneY(i)} y2=${laneY(i)}></line><text x=${L - 4} y=${laneY(i) + 3} text-anchor="end">${r.id}</text>`)}
        ${marks}
        <line class="cursor" x1=${x(s.t)} x2=${x(s.t)} y1="10" y2=${14 + n * LANE + 2}></line>
        <text x=${L} y=${H - 2}>0 s</text>
        <text x=${W - 6} y=${H - 2} text-anchor="end">${sec(c.duration)} s</text>
      </svg>
      <ul class="legend">
        <li><i class="ok"></i>${this.t('legendOk')}</li>
        <li><i class="stale"></i>${this.t('legendStale')}</li>
        <li><i class="failed"></i>${this.t('legendFailed')}</li>
        <li><i class="sq"></i>${this.t('legendWrite')}</li>
        <li><i class="cutband"></i>${this.t('legendCut')}</li>
      </ul>
    </div>`;
  }

  private renderStats(s: Snapshot): TemplateResult {
    const T = s.tally;
    const row = (k: string, val: string | number, cls = '') => html`<dt>${this.t(k)}</dt><dd class=${cls}>${val}</dd>`;
    const pct = (a: number, b: number) => (b ? ` (${Math.round((100 * a) / b)}%)` : '');
    return html`<div class="card" role="group" part="stats" aria-labelledby="st-h">
      <h3 id="st-h">${this.t('statsHeading')}</h3>
      <p class="badge">${this.pacelc(s.mode, s.replication)}</p>
      <p class="note">${this.t(`pacelc-${s.mode}${s.replication}`)}</p>
      <dl class="stats">
        ${row('statRequests', T.requests)} ${row('statOk', T.ok)} ${row('statStale', `${T.stale}${pct(T.stale, T.reads)}`, T.stale ? 'warn' : '')}
        ${row('statFailed', `${T.failed}${pct(T.failed, T.requests)}`, T.failed ? 'bad' : '')} ${row('statLost', T.lost ? `${T.lost} (${s.lost.slice(-3).map((v) => 'v' + v).join(', ')}${T.lost > 3 ? ', …' : ''})` : 0, T.lost ? 'bad' : '')}
        ${row('statWrite', `${ms1(T.p50)} / ${ms1(T.p99)} ms`)} ${row('statRead', `${ms1(T.readP50)} ms`)}
      </dl>
    </div>`;
  }

  private renderCompare(s: Snapshot): TemplateResult {
    const rows = this.scenario!.compare();
    return html`<div class="card" role="group" part="compare" aria-labelledby="cmp-h">
      <h3 id="cmp-h">${this.t('compareHeading')}</h3>
      <div class="table-wrap">
        ${dataTable({
          caption: this.t('compareHeading'),
          rowHeader: true,
          columns: [{ label: this.t('colPolicy') }, ...['colFailed', 'colStale', 'colLost', 'colP50', 'colP99'].map((k) => ({ label: this.t(k), num: true }))],
          rows: rows.map((r) => ({
            current: r.mode === s.mode && r.replication === s.replication,
            cells: [this.pacelc(r.mode, r.replication), r.tally.failed, r.tally.stale, r.tally.lost, ms1(r.tally.p50), ms1(r.tally.p99)],
          })),
        })}
      </div>
      <p class="note">${this.t('compareNote')}</p>
    </div>`;
  }

  private renderTable(s: Snapshot): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const done = sc.run.requests.filter((r) => r.t <= s.t);
    const outcome = (r: Request) => ({ value: r.reason ? this.t(`reason-${r.reason}`) : this.t(r.outcome), cls: r.outcome === 'ok' ? 'ok' : r.outcome === 'stale' ? 'warn' : 'bad' });
    return renderTableView(
      this.t('tableView'),
      html`${dataTable({
        heading: this.t('tableReplicas', { t: sec(s.t) }),
        rowHeader: true,
        columns: [{ label: this.t('colReplica') }, { label: this.t('colRegion') }, { label: this.t('colVersion'), num: true }, { label: this.t('colFresh') }],
        rows: sc.run.replicas.map((r, i) => ({ cells: [r.id, c.regions[r.region].id, `v${s.versions[i]}`, this.t(s.versions[i] >= s.latest ? 'yes' : 'no')] })),
      })}
      ${dataTable({
        heading: this.t('tableRequests', { t: sec(s.t) }),
        columns: [
          { label: this.t('colN'), num: true },
          { label: this.t('colTime'), num: true },
          { label: this.t('colClient') },
          { label: this.t('colOp') },
          { label: this.t('colPolicy') },
          { label: this.t('colOutcome') },
          { label: this.t('colVersion'), num: true },
          { label: this.t('colLatest'), num: true },
          { label: this.t('colLatency'), num: true },
        ],
        rows: done.map((r, i) => ({
          current: i === done.length - 1,
          cells: [
            r.i + 1,
            `${r.t}${r.user ? '*' : ''}`,
            c.regions[r.client].id,
            this.t(r.kind === 'read' ? 'opRead' : 'opWrite'),
            this.pacelc(r.mode, r.replication),
            outcome(r),
            r.version === undefined ? '—' : `v${r.version}`,
            r.latest === undefined ? '—' : `v${r.latest}`,
            r.latency === undefined ? '—' : ms1(r.latency),
          ],
        })),
        limit: 400,
        more: (m) => this.t('more', { n: m }),
      })}`,
    );
  }
}

if (!customElements.get('ls-tradeoff-explorer')) customElements.define('ls-tradeoff-explorer', LsTradeoffExplorer);
