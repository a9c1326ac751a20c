import { html, nothing, svg, type TemplateResult } from 'lit';
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
import { BalancerScenario, SAMPLES, balancerConfigSchema, keyOwners, type Algorithm, type AlgoNow, type BalancerConfig, type HealthNow } from './model.js';
import { balancerStyles } from './styles.js';

export type { Algorithm, AlgoNow, BalancerConfig, HealthNow, ServerNow, ServerSpec } from './model.js';

export interface BalancerActionDetail {
  /** `fail` / `recover`: a server was killed or brought back at `at`; `focus`: another algorithm is shown in detail. */
  kind: 'fail' | 'recover' | 'focus';
  /** Simulated ms (the player position). */
  at: number;
  /** The server (fail / recover). */
  server?: string;
  /** The algorithm now in focus. */
  algorithm: Algorithm;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-load-balancer-action': CustomEvent<BalancerActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-load-balancer': LsLoadBalancer;
  }
}

const W = 360;
const H = 170;
const M = { l: 26, r: 6, t: 8, b: 18 };
/** Simulated ms per real ms at 1×: 30 s play in 15 s. */
const RATE = 2;
const sec = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * A load balancer spreading one stream of requests over a pool of servers, under up to seven
 * algorithms at once: round robin, smooth weighted round robin, least connections, random, power of
 * two choices, least latency (EWMA of latency × in-flight) and consistent hashing on a client key
 * (sticky). Requests arrive as a seeded Poisson stream and **every algorithm gets the same
 * requests**, so the table compares like with like: latency percentiles (p50, p95, p99), errors and
 * throughput, and live queues per server. Servers may differ in speed, parallelism and weight.
 *
 * Fail a server (its button, or digit keys 1–9) at any moment and watch what the balancer sees:
 * nothing, until its active health checks fail `unhealthyThreshold` times in a row. Until then it
 * keeps routing the dead server its share and those requests fail (the red band on the chart is
 * that detection delay). Recover it and it rejoins after `healthyThreshold` good probes. Each action
 * is recorded in the scenario, so Copy scenario reproduces the run.
 *
 * Configure with attributes (`rate="45" servers="A,B,C" algorithms="round-robin,least-connections"
 * seed="1" duration="30000" key-skew="1" focus="round-robin"`), inline JSON, `src` or the `config`
 * property: `{ seed, duration, rate, servers: [{ id, speed, concurrency, weight }], serviceTime,
 * distribution, keys, keySkew, failTimeout, healthCheck: { interval, timeout, unhealthyThreshold,
 * healthyThreshold }, algorithms, actions: [{ at, type: "fail" | "recover", server }], focus, time,
 * title }` (times in simulated ms).
 *
 * Keyboard: outside the buttons, ←/→ step a second (or to the next failure or health-check
 * change), Space plays, Home/End jump; 1–9 fail or recover that server now.
 *
 * @fires ls-load-balancer-action - the reader failed or recovered a server, or chose the algorithm shown in detail; `detail: { kind, at, server?, algorithm }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart compare - the algorithms side by side
 * @csspart servers - the servers of the algorithm in focus, with fail / recover buttons
 * @csspart chart - requests in flight per server over time
 * @csspart caption - the latest narration, shown as text
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-balancer-down-color - a dead server, failed requests and the detection band (default: --ls-danger)
 * @cssproperty --ls-balancer-up-color - a healthy server in the pool (default: --ls-success)
 * @cssproperty --ls-balancer-queue-color - the waiting part of a server's bar (default: --ls-warning)
 * @cssproperty --ls-palette-1 - server colours, --ls-palette-1 … --ls-palette-10 in server order
 */
export class LsLoadBalancer extends LsElement<BalancerConfig> {
  static override styles = [themeStyles, vizStyles, balancerStyles];

  static override properties = {
    ...LsElement.properties,
    rate: { type: String },
    servers: { type: String },
    algorithms: { type: String },
    seed: { type: String },
    duration: { type: String },
    keySkew: { type: String, attribute: 'key-skew' },
    focusAlgorithm: { type: String, attribute: 'focus' },
  };

  static override configProperties = ['rate', 'servers', 'algorithms', 'seed', 'duration', 'keySkew', 'focusAlgorithm'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Load balancer',
    'algo-round-robin': 'Round robin',
    'algo-weighted-round-robin': 'Weighted RR',
    'algo-least-connections': 'Least conn.',
    'algo-random': 'Random',
    'algo-power-of-two': 'Two choices',
    'algo-least-latency': 'EWMA latency',
    'algo-consistent-hash': 'Hash (sticky)',
    compareHeading: 'Same requests, every algorithm (t = {t} s)',
    colAlgo: 'Algorithm',
    colQueues: 'In flight',
    colP50: 'p50',
    colP95: 'p95',
    colP99: 'p99',
    colErrors: 'Errors',
    colP50ms: 'p50 ms',
    colP95ms: 'p95 ms',
    colP99ms: 'p99 ms',
    axisInFlight: 'in flight',
    colServed: 'Served',
    colArrived: 'Arrived',
    colInFlight: 'In flight',
    colThroughput: 'Served/s',
    queuesLabel: 'In flight per server: {list}',
    showDetail: 'Show {algo} in detail',
    serversHeading: 'Servers under {algo}',
    fail: 'Fail {id}',
    recover: 'Recover {id}',
    keysHint: 'Keys 1–9 fail or recover a server now.',
    keysOwned: 'Of {n} client keys, each server owns: {list}. Every request of a key goes to its owner; the busiest key, user-1, goes to {hot}.',
    inPool: 'in pool',
    removed: 'removed',
    up: 'up',
    down: 'down',
    serverLine: '{inflight} in flight ({queue} waiting) · {util}% busy · {served} served · {failed} failed',
    probeOk: 'last probe ok ({n} in a row)',
    probeBad: 'last probe failed ({n} in a row)',
    speedLine: 'speed {speed}× · {c} workers · weight {w}',
    chartHeading: 'In flight over time: {algo}',
    chartLabel: 'Requests in flight per server over {d} s under {algo}. {events}',
    noEvents: 'No server failed.',
    gapText: '{id} was dead but still in the pool from {from} s to {to} s.',
    legendGap: 'dead but still in the pool',
    ms: '{v} ms',
    s: '{v} s',
    at: 't = {t} s.',
    evFail: '{id} died at {t} s. The balancer cannot see it yet: it keeps sending {id} requests, which fail, until {u} probes in a row fail (probes every {i} s).',
    evRecover: '{id} came back at {t} s; it gets traffic again after {h} good probes.',
    evRemoved: 'At {t} s the health check removed {id} after {u} failed probes, {gap} s after it died. Under {algo}, {lost} requests were lost to it meanwhile.',
    evAdded: 'At {t} s {id} passed {h} probes and rejoined the pool.',
    evNoPool: 'No server is in the pool: every request fails.',
    focusNow: '{algo}: p99 {p99}, {err} errors; in flight {list}.',
    deadNow: '{id} is dead but still in the pool; next probe at {next} s.',
    focusChanged: 'Showing {algo}. {summary}',
    tableAlgos: 'Algorithms at t = {t} s',
    tableServers: 'Servers under {algo} at t = {t} s',
    tableEvents: 'Failures and health checks',
    colServer: 'Server',
    colStatus: 'Status',
    colPool: 'Balancer',
    colQueue: 'Waiting',
    colFailed: 'Failed',
    colUtil: 'Busy',
    colTime: 'Time (s)',
    colEvent: 'Event',
    'ev-fail': 'died',
    'ev-recover': 'came back',
    'ev-removed': 'removed by health check',
    'ev-added': 'back in the pool',
    noneYet: '—',
    playerLabel: 't = {t} s of {d} s',
  };

  /** Requests per second (attribute). */
  declare rate: string | undefined;
  /** Server ids, comma-separated (attribute; speeds and weights need JSON). */
  declare servers: string | undefined;
  /** Algorithms to compare, comma-separated (attribute). */
  declare algorithms: string | undefined;
  /** Seed of the traffic and the random choices (attribute). */
  declare seed: string | undefined;
  /** Simulated ms (attribute). */
  declare duration: string | undefined;
  /** Zipf exponent of client-key popularity, 0 = uniform (attribute `key-skew`). */
  declare keySkew: string | undefined;
  /** The algorithm shown in detail (attribute `focus`). */
  declare focusAlgorithm: string | undefined;

  private scenario?: BalancerScenario;
  private readonly copier = new ScenarioCopier(this, (m) => this.announcer.announce(m));
  private readonly player = new PlayerController(this, {
    mode: 'continuous',
    length: () => this.scenario?.duration ?? 0,
    rate: RATE,
    nextStop: (p) => this.stops().find((s) => s > p + 1e-6) ?? this.scenario!.duration,
    prevStop: (p) => [...this.stops()].reverse().find((s) => s < p - 1e-6) ?? 0,
    onSeek: (pos, prev) => this.narrate(pos, prev),
  });
  private readonly announcer = new Announcer(this);
  private stopCache?: number[];

  protected configSchema() {
    return balancerConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      rate: numberAttr(this.rate),
      servers: listAttr(this.servers),
      algorithms: listAttr(this.algorithms),
      seed: numberAttr(this.seed),
      duration: numberAttr(this.duration),
      keySkew: numberAttr(this.keySkew),
      focus: this.focusAlgorithm || undefined,
    };
  }

  protected configure(config: BalancerConfig): void {
    this.setScenario(new BalancerScenario(config));
    this.player.pause();
    this.player.position = config.time;
  }

  private setScenario(sc: BalancerScenario): void {
    this.scenario = sc;
    this.stopCache = undefined;
  }

  // ───────────── public API ─────────────

  /** The player position, simulated ms. */
  get time(): number {
    return this.player.position;
  }

  /** The whole run: config, arrivals, probes, health marks and one run per algorithm. */
  get run(): BalancerScenario | undefined {
    return this.scenario;
  }

  /** Every algorithm's tallies at the current time. */
  get state(): AlgoNow[] | undefined {
    return this.scenario?.algosAt(this.player.position);
  }

  /** Move the player to `ms` (clamped). */
  seek(ms: number): void {
    this.player.pause();
    this.player.seek(ms);
  }

  /** Fail the server if it is up, recover it if it is down, at the current time (recorded; later actions are dropped). */
  toggleServer(id: string): void {
    const sc = this.scenario;
    if (!sc) return;
    const at = Math.round(this.player.position);
    const i = sc.config.servers.findIndex((s) => s.id === id);
    if (i < 0) return;
    const kind = sc.healthAt(at)[i].up ? 'fail' : 'recover';
    this.player.pause();
    this.setScenario(sc.withAction(at, kind, id));
    this.player.position = at;
    const hc = sc.config.healthCheck;
    this.announcer.announce(
      kind === 'fail'
        ? this.t('evFail', { id, t: sec(at), u: hc.unhealthyThreshold, i: sec(hc.interval) })
        : this.t('evRecover', { id, t: sec(at), h: hc.healthyThreshold }),
    );
    this.fire(kind, id);
  }

  /** Show another algorithm in detail (servers and chart). */
  setFocus(algo: Algorithm): void {
    const sc = this.scenario;
    if (!sc || !sc.config.algorithms.includes(algo) || sc.focus === algo) return;
    this.setScenario(sc.withFocus(algo));
    this.announcer.announce(this.t('focusChanged', { algo: this.algoName(algo), summary: this.focusSummary(this.player.position) }));
    this.fire('focus');
  }

  /** The run as JSON config; set it as `config` to reproduce this run, its actions and the current time. */
  exportScenario(): Record<string, unknown> {
    return this.scenario?.toJSON(this.player.position) ?? {};
  }

  // ───────────── behaviour ─────────────

  private fire(kind: BalancerActionDetail['kind'], server?: string): void {
    const detail: BalancerActionDetail = { kind, at: Math.round(this.player.position), algorithm: this.scenario!.focus };
    if (server) detail.server = server;
    this.dispatchEvent(new CustomEvent('ls-load-balancer-action', { detail, bubbles: true, composed: true }));
  }

  private stops(): number[] {
    if (!this.stopCache) {
      const sc = this.scenario!;
      const set = new Set<number>([sc.duration]);
      for (let t = 0; t <= sc.duration; t += 1000) set.add(t);
      for (const a of sc.config.actions) set.add(a.at);
      for (const e of sc.health) set.add(e.at);
      this.stopCache = [...set].sort((a, b) => a - b);
    }
    return this.stopCache;
  }

  private algoName(a: Algorithm): string {
    return this.t(`algo-${a}`);
  }

  private lat(v: number | undefined): string {
    if (v === undefined) return this.t('noneYet');
    return v < 1000 ? this.t('ms', { v: this.formatNumber(v) }) : this.t('s', { v: this.formatNumber(v / 1000, 1) });
  }

  private msNum(v: number | undefined): string {
    return v === undefined ? this.t('noneYet') : this.formatNumber(v);
  }

  private onKey = (e: KeyboardEvent): void => {
    const sc = this.scenario;
    const tag = (e.composedPath()[0] as HTMLElement | undefined)?.tagName;
    if (sc && /^[1-9]$/.test(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey && tag !== 'INPUT' && tag !== 'SELECT' && tag !== 'TEXTAREA') {
      const s = sc.config.servers[Number(e.key) - 1];
      if (s) {
        e.preventDefault();
        this.toggleServer(s.id);
      }
      return;
    }
    this.player.handleKey(e);
  };

  /** Sentences for the failures and health-check changes in (from, to]. */
  private events(from: number, to: number): string[] {
    const sc = this.scenario!;
    const c = sc.config;
    const hc = c.healthCheck;
    const out: { at: number; text: string }[] = [];
    for (const a of c.actions)
      if (a.at > from && a.at <= to)
        out.push({
          at: a.at,
          text: a.type === 'fail' ? this.t('evFail', { id: a.server, t: sec(a.at), u: hc.unhealthyThreshold, i: sec(hc.interval) }) : this.t('evRecover', { id: a.server, t: sec(a.at), h: hc.healthyThreshold }),
        });
    for (const e of sc.health)
      if (e.at > from && e.at <= to) {
        const id = c.servers[e.server].id;
        if (e.healthy) out.push({ at: e.at, text: this.t('evAdded', { id, t: sec(e.at), h: hc.healthyThreshold }) });
        else {
          const died = c.actions.filter((a) => a.server === id && a.type === 'fail' && a.at <= e.at).at(-1)?.at ?? e.at;
          const lost = sc.run(sc.focus).requests.filter((r) => r.server === e.server && !r.ok && r.t < e.at && r.end >= died).length;
          out.push({ at: e.at, text: this.t('evRemoved', { id, t: sec(e.at), u: hc.unhealthyThreshold, gap: sec(e.at - died), algo: this.algoName(sc.focus), lost }) });
        }
      }
    return out.sort((a, b) => a.at - b.at).map((x) => x.text);
  }

  private focusSummary(t: number): string {
    const sc = this.scenario!;
    const a = sc.algosAt(t).find((x) => x.algo === sc.focus)!;
    const list = sc.config.servers.map((s, i) => `${s.id} ${a.servers[i].inFlight}`).join(', ');
    return this.t('focusNow', { algo: this.algoName(sc.focus), p99: this.lat(a.p99), err: a.failed, list });
  }

  private narrate(pos: number, prev: number): void {
    const sc = this.scenario;
    if (!sc) return;
    const ev = pos >= prev ? this.events(prev, pos) : this.events(pos - 1e-6, pos);
    if (this.player.playing) {
      if (ev.length) this.announcer.announce(ev.slice(-2).join(' '));
      return;
    }
    const parts = [this.t('at', { t: sec(pos) }), ...ev.slice(-3), this.focusSummary(pos)];
    const health = sc.healthAt(pos);
    const interval = sc.config.healthCheck.interval;
    health.forEach((h, i) => {
      if (!h.up && h.marked) parts.push(this.t('deadNow', { id: sc.config.servers[i].id, next: sec((Math.floor(pos / interval) + 1) * interval) }));
    });
    if (health.every((h) => !h.marked)) parts.push(this.t('evNoPool'));
    this.announcer.announce(parts.join(' '));
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const t = this.player.position;
    const algos = sc.algosAt(t);
    const health = sc.healthAt(t);
    return html`<div class="frame ${this.player.reducedMotion ? 'still' : ''}" @keydown=${this.onKey}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="main">
        <div class="col">${this.renderCompare(algos, t)} ${this.renderChart(t)}</div>
        <div class="col">
          <p class="caption" part="caption" aria-hidden="true">${this.announcer.message || this.focusSummary(t)}</p>
          ${this.renderServers(algos, health)}
        </div>
      </div>
      ${renderPlayer(this.player, this.t('playerLabel', { t: sec(t), d: sec(c.duration) }), this.strings, this.theme)}
      ${this.renderTable(algos, health, t)} ${this.copier.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderCompare(algos: AlgoNow[], t: number): TemplateResult {
    const sc = this.scenario!;
    const ids = sc.config.servers.map((s) => s.id);
    const max = Math.max(4, ...algos.flatMap((a) => a.servers.map((s) => s.inFlight)));
    const bw = 44 / ids.length;
    return html`<section class="card" part="compare" aria-labelledby="cmp-h">
      <h3 id="cmp-h">${this.t('compareHeading', { t: sec(t) })}</h3>
      <table class="cmp">
        <thead>
          <tr>
            ${['colAlgo', 'colQueues'].map((k) => html`<th scope="col">${this.t(k)}</th>`)}
            ${['colP50ms', 'colP95ms', 'colP99ms', 'colErrors'].map((k) => html`<th scope="col" class="num">${this.t(k)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${algos.map((a) => {
            const on = a.algo === sc.focus;
            const label = this.t('queuesLabel', { list: ids.map((id, i) => `${id} ${a.servers[i].inFlight}`).join(', ') });
            return html`<tr class=${on ? 'on' : ''}>
              <th scope="row">
                <button class="algo" aria-pressed=${on ? 'true' : 'false'} title=${this.t('showDetail', { algo: this.algoName(a.algo) })} @click=${() => this.setFocus(a.algo)}>${this.algoName(a.algo)}</button>
              </th>
              <td>
                <svg class="mini" viewBox="0 0 44 20" role="img" aria-label=${label}>
                  ${a.servers.map((s, i) => {
                    const h = Math.min(20, (20 * s.inFlight) / max);
                    return svg`<rect x=${i * bw + 0.5} y=${20 - h} width=${Math.max(1, bw - 1)} height=${h} style="fill:var(--_p${(i % 10) + 1})"></rect>`;
                  })}
                  <line x1="0" x2="44" y1="19.75" y2="19.75"></line>
                </svg>
              </td>
              <td class="num">${this.msNum(a.p50)}</td>
              <td class="num">${this.msNum(a.p95)}</td>
              <td class="num">${this.msNum(a.p99)}</td>
              <td class="num ${a.failed ? 'bad' : ''}">${this.formatNumber(a.failed)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private renderServers(algos: AlgoNow[], health: HealthNow[]): TemplateResult {
    const sc = this.scenario!;
    const a = algos.find((x) => x.algo === sc.focus)!;
    const max = Math.max(4, ...a.servers.map((s) => s.inFlight));
    return html`<section class="card" part="servers" aria-labelledby="srv-h">
      <h3 id="srv-h">${this.t('serversHeading', { algo: this.algoName(sc.focus) })}</h3>
      <p class="note">${this.t('keysHint')}</p>
      ${sc.focus === 'consistent-hash' ? this.renderKeys(health) : nothing}
      <ul class="servers">
        ${sc.config.servers.map((spec, i) => {
          const s = a.servers[i];
          const h = health[i];
          const n = i + 1;
          return html`<li class="srv ${h.up ? '' : 'dead'}">
            <div class="srv-top">
              <span class="dot" style="background:var(--_p${(i % 10) + 1})"></span>
              <strong>${spec.id}</strong>
              <span class="badge ${h.up ? 'up' : 'down'}">${this.t(h.up ? 'up' : 'down')}</span>
              <span class="badge ${h.marked ? 'up' : 'down'} soft">${this.t(h.marked ? 'inPool' : 'removed')}</span>
              <button class="act" aria-keyshortcuts=${n <= 9 ? String(n) : nothing} @click=${() => this.toggleServer(spec.id)}>${this.t(h.up ? 'fail' : 'recover', { id: spec.id })}</button>
            </div>
            <div class="bar" aria-hidden="true">
              <i class="busy" style="width:${(100 * (s.inFlight - s.queue)) / max}%"></i><i class="wait" style="width:${(100 * s.queue) / max}%"></i>
            </div>
            <p class="note">
              ${this.t('serverLine', { inflight: s.inFlight, queue: s.queue, util: Math.round(s.util * 100), served: this.formatNumber(s.served), failed: this.formatNumber(s.failed) })}
            </p>
            <p class="note">
              ${this.t('speedLine', { speed: this.formatNumber(spec.speed, spec.speed % 1 ? 2 : 0), c: spec.concurrency, w: spec.weight })}${h.probe
                ? html` · <span class=${h.probe.ok ? '' : 'bad'}>${this.t(h.probe.ok ? 'probeOk' : 'probeBad', { n: h.probe.streak })}</span>`
                : nothing}
            </p>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderKeys(health: HealthNow[]): TemplateResult {
    const c = this.scenario!.config;
    const own = keyOwners(c, health.map((h) => h.marked));
    return html`<p class="note">
      ${this.t('keysOwned', { n: c.keys, list: c.servers.map((s, i) => `${s.id} ${own.keys[i]}`).join(', '), hot: own.hot < 0 ? '—' : c.servers[own.hot].id })}
    </p>`;
  }

  /** Spans where a server was dead but still in the pool (the detection delay). */
  private gaps(): { server: number; from: number; to: number }[] {
    const sc = this.scenario!;
    const c = sc.config;
    const out: { server: number; from: number; to: number }[] = [];
    for (const a of c.actions) {
      if (a.type !== 'fail') continue;
      const s = c.servers.findIndex((x) => x.id === a.server);
      const back = c.actions.find((x) => x.server === a.server && x.type === 'recover' && x.at > a.at)?.at ?? Infinity;
      let marked = true;
      for (const e of sc.health) if (e.server === s && e.at <= a.at) marked = e.healthy;
      if (!marked) continue;
      const removed = sc.health.find((e) => e.server === s && !e.healthy && e.at >= a.at)?.at ?? Infinity;
      out.push({ server: s, from: a.at, to: Math.min(removed, back, c.duration) });
    }
    return out;
  }

  private renderChart(t: number): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const series = sc.seriesOf(sc.focus);
    const max = Math.max(4, ...series.flat());
    const x = linear([0, c.duration], [M.l, W - M.r]);
    const y = linear([0, max], [H - M.b, M.t]);
    const gaps = this.gaps();
    const events = gaps.length ? gaps.map((g) => this.t('gapText', { id: c.servers[g.server].id, from: sec(g.from), to: sec(g.to) })).join(' ') : this.t('noEvents');
    const step = c.duration / SAMPLES;
    return html`<section class="card" part="chart" aria-labelledby="chart-h">
      <h3 id="chart-h">${this.t('chartHeading', { algo: this.algoName(sc.focus) })}</h3>
      <svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${this.t('chartLabel', { d: sec(c.duration), algo: this.algoName(sc.focus), events })}>
        ${gaps.map((g) => svg`<rect class="gap" x=${x(g.from)} y=${M.t} width=${Math.max(1, x(g.to) - x(g.from))} height=${H - M.b - M.t}></rect>`)}
        ${sc.health.map((e) => svg`<line class=${e.healthy ? 'mark-up' : 'mark-down'} x1=${x(e.at)} x2=${x(e.at)} y1=${M.t} y2=${H - M.b}></line>`)}
        <line class="axis" x1=${M.l} x2=${W - M.r} y1=${H - M.b} y2=${H - M.b}></line>
        <text x=${M.l - 3} y=${M.t + 7} text-anchor="end">${max}</text>
        <text x=${M.l + 3} y=${M.t + 7}>${this.t('axisInFlight')}</text>
        <text x=${M.l - 3} y=${H - M.b} text-anchor="end">0</text>
        ${series.map(
          (pts, i) => svg`<polyline style="stroke:var(--_p${(i % 10) + 1})" points=${pts.map((v, k) => `${x(k * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}></polyline>`,
        )}
        <text x=${M.l} y=${H - 4}>0 s</text>
        <text x=${W - M.r} y=${H - 4} text-anchor="end">${sec(c.duration)} s</text>
        <line class="cursor" x1=${x(t)} x2=${x(t)} y1=${M.t} y2=${H - M.b}></line>
      </svg>
      <ul class="legend">
        ${c.servers.map((s, i) => html`<li><i style="background:var(--_p${(i % 10) + 1})"></i>${s.id}</li>`)}
        ${gaps.length ? html`<li><i class="gap-key"></i>${this.t('legendGap')}</li>` : nothing}
      </ul>
    </section>`;
  }

  private renderTable(algos: AlgoNow[], health: HealthNow[], t: number): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const a = algos.find((x) => x.algo === sc.focus)!;
    const events = [
      ...c.actions.map((x) => ({ at: x.at, id: x.server, ev: `ev-${x.type}` })),
      ...sc.health.map((e) => ({ at: e.at, id: c.servers[e.server].id, ev: e.healthy ? 'ev-added' : 'ev-removed' })),
    ].sort((p, q) => p.at - q.at);
    const num = (k: string) => ({ label: this.t(k), num: true });
    return renderTableView(
      this.t('tableView'),
      html`${dataTable({
        heading: this.t('tableAlgos', { t: sec(t) }),
        rowHeader: true,
        columns: [{ label: this.t('colAlgo') }, ...['colArrived', 'colServed', 'colErrors', 'colInFlight', 'colP50', 'colP95', 'colP99', 'colThroughput'].map(num)],
        rows: algos.map((x) => ({
          current: x.algo === sc.focus,
          cells: [this.algoName(x.algo), x.arrived, x.served, x.failed, x.inFlight, this.lat(x.p50), this.lat(x.p95), this.lat(x.p99), this.formatNumber(x.throughput, 1)],
        })),
      })}
      ${dataTable({
        heading: this.t('tableServers', { algo: this.algoName(sc.focus), t: sec(t) }),
        rowHeader: true,
        columns: [{ label: this.t('colServer') }, { label: this.t('colStatus') }, { label: this.t('colPool') }, ...['colInFlight', 'colQueue', 'colServed', 'colFailed', 'colUtil'].map(num)],
        rows: c.servers.map((s, i) => {
          const v = a.servers[i];
          return { cells: [s.id, this.t(health[i].up ? 'up' : 'down'), this.t(health[i].marked ? 'inPool' : 'removed'), v.inFlight, v.queue, v.served, v.failed, `${Math.round(v.util * 100)}%`] };
        }),
      })}
      ${events.length
        ? dataTable({
            heading: this.t('tableEvents'),
            columns: [num('colTime'), { label: this.t('colServer') }, { label: this.t('colEvent') }],
            rows: events.map((e) => ({ current: e.at <= t, cells: [sec(e.at), e.id, this.t(e.ev)] })),
          })
        : nothing}`,
    );
  }
}

if (!customElements.get('ls-load-balancer')) customElements.define('ls-load-balancer', LsLoadBalancer);
