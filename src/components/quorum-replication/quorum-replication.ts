import { html, nothing, svg, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { vizStrings } from '../../core/strings.js';
import { dataTable, renderTableView } from '../../core/table-view.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import {
  CLIENTS,
  QuorumScenario,
  clockText,
  nodeIds,
  overlaps,
  quorumConfigSchema,
  type Action,
  type NewAction,
  type Op,
  type QuorumConfig,
  type Snapshot,
  type Step,
  type Version,
} from './model.js';
import { quorumStyles } from './styles.js';

export type { Action, ClientId, Op, QuorumConfig, Snapshot, Step, Version } from './model.js';

export interface QuorumActionDetail {
  /** What the reader did: write, read, fail, recover, partition, heal or set. */
  kind: Action['type'];
  /** The action as recorded in the scenario (with its simulated time `at`). */
  action: Action;
  /** The player's step after recording it. */
  step: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-quorum-action': CustomEvent<QuorumActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-quorum-replication': LsQuorumReplication;
  }
}

const W = 360;
const H = 150;
const CY = 26;
const NY = 112;

/** `sloppy`, `sloppy="true"` → true; `"false"` → false; anything else is kept for the message. */
function boolAttr(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'string') return value ?? undefined;
  const s = value.trim().toLowerCase();
  return s === '' || s === 'true' ? true : s === 'false' ? false : value;
}

const vText = (x: Version) => `${x.value} ${clockText(x.clock)}`;

/**
 * Leaderless, Dynamo-style replication of one key. The key lives on N home replicas (A, B, C, …),
 * followed on the preference list by spare nodes. Two clients, X and Y, write and read it: a write
 * waits for W acknowledgements, a read for R answers, while the other replicas may still be
 * catching up — every message has its own seeded delay. Step through the run message by message.
 *
 * Each stored version carries a vector clock (one counter per client). **R + W > N** with a strict
 * quorum makes every read quorum overlap every write quorum, so a read always sees the latest
 * acknowledged write; with R + W ≤ N, or a **sloppy quorum** (writes land on spares when home
 * replicas are unreachable), a read can be **stale**, and the element marks it. Concurrent writes
 * (clocks neither of which descends from the other) are kept side by side as **siblings**; the client
 * sees both and its next write merges them. **Read repair** sends the newest version to replicas that
 * answered with an older one; **hinted handoff** keeps a write for a down replica on a spare and
 * delivers it when the replica is back. With `lww` (last-writer-wins) a replica keeps only the newest
 * timestamp, and the element shows the acknowledged write it silently drops.
 *
 * Configure with attributes (`n="3" r="2" w="2" sloppy read-repair="false" hinted-handoff lww seed`),
 * inline JSON, `src` or the `config` property: `{ n, r, w, spares, sloppy, hintedHandoff, readRepair,
 * lww, minDelay, maxDelay, slow: ["C"], timeout, seed, actions: [{ type: "write", at, client, value? }
 * | { type: "read", at, client } | { type: "fail" | "recover", at, node } | { type: "partition", at,
 * side: ["A", "X"] } | { type: "heal", at } | { type: "set", at, r?, w?, sloppy?, hintedHandoff?,
 * readRepair? }], step, title }` (times in simulated ms).
 *
 * Keyboard: outside the controls, ←/→ step one message, Space plays, Home/End jump. The request,
 * fail/recover, partition and setting controls record an action at the current step's time (later
 * actions are dropped, as in an editor's undo); Copy scenario replays them.
 *
 * @fires ls-quorum-action - the reader recorded an action; `detail: { kind, action, step }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart quorum - the N/R/W line and what it guarantees
 * @csspart controls - requests, settings and the partition form
 * @csspart diagram - the SVG of clients, nodes and messages in flight
 * @csspart narration - the sentence for the current step
 * @csspart nodes - the replicas with their versions and hints
 * @csspart requests - the requests and their outcomes
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-quorum-write-color - write messages (default: --ls-palette-1)
 * @cssproperty --ls-quorum-read-color - read messages (default: --ls-palette-3)
 * @cssproperty --ls-quorum-repair-color - repair and handoff messages (default: --ls-palette-2)
 * @cssproperty --ls-quorum-stale-color - stale reads and lost writes (default: --ls-danger)
 */
export class LsQuorumReplication extends LsElement<QuorumConfig> {
  static override styles = [themeStyles, vizStyles, quorumStyles];

  static override properties = {
    ...LsElement.properties,
    n: { type: String },
    r: { type: String },
    w: { type: String },
    spares: { type: String },
    sloppy: { type: String },
    readRepair: { type: String, attribute: 'read-repair' },
    hintedHandoff: { type: String, attribute: 'hinted-handoff' },
    lww: { type: String },
    seed: { type: String },
  };

  static override configProperties = ['n', 'r', 'w', 'spares', 'sloppy', 'readRepair', 'hintedHandoff', 'lww', 'seed'];

  static override defaultStrings = {
    ...vizStrings,
    quorumOk: 'R + W = {rw} > N = {n}: every read quorum overlaps every write quorum.',
    quorumNo: 'R + W = {rw} ≤ N = {n}: a read quorum can miss the latest write.',
    quorumSloppy: 'Sloppy quorum: R + W > N no longer guarantees overlap.',
    lwwOn: 'Last-writer-wins: concurrent writes are dropped.',
    controlsHeading: 'Actions',
    writeBtn: '{c} writes',
    readBtn: '{c} reads',
    rLabel: 'R',
    wLabel: 'W',
    sloppyLabel: 'Sloppy quorum',
    hhLabel: 'Hinted handoff',
    rrLabel: 'Read repair',
    partitionLegend: 'Partition: cut these off',
    partitionBtn: 'Partition',
    healBtn: 'Heal',
    recordHint: 'Actions are recorded at t = {t} ms; later ones are dropped.',
    diagramHeading: 'Cluster',
    diagramLabel: 'Clients X, Y; nodes {nodes}; {flight} messages in flight.',
    nodesHeading: 'Replicas',
    home: 'home',
    spare: 'spare',
    up: 'up',
    down: 'down',
    cutOff: 'cut off',
    failBtn: 'Fail {node}',
    recoverBtn: 'Recover {node}',
    empty: 'no value',
    siblings: '{k} siblings',
    hintFor: 'hint for {node}: {v}',
    requestsHeading: 'Requests',
    noRequests: 'No request yet.',
    reqWrite: '{c} writes {v}',
    reqRead: '{c} reads',
    pending: 'waiting: {k} of {q}',
    okWrite: 'acknowledged by {nodes} at {t} ms',
    okRead: 'returned {v} at {t} ms',
    failedUnavailable: 'failed at once: too few replicas reachable',
    failedTimeout: 'failed: timed out with {k} of {q}',
    stale: 'stale',
    staleMissed: 'missed {list}',
    lost: 'lost',
    lostNote: 'Acknowledged but silently dropped: {list}.',
    merges: 'merges {list}',
    repairedNote: '; repaired {nodes}',
    legendWrite: 'write / ack',
    legendRead: 'read / answer',
    legendRepair: 'repair / handoff',
    nothing: 'nothing',
    and: ' and ',
    at: '{t} ms: ',
    sInitial: 'Nothing has happened yet.',
    sStartWrite: '{c} writes {v}; sent to {targets}. It needs W = {w} acks.',
    sHinted: ' {spares} stand in for unreachable {homes} with hints.',
    sStartRead: '{c} reads; asks {targets}. It needs R = {r} answers.',
    sUnavailW: "{c}'s write fails at once: only {k} replicas can ack and W = {w}. Nothing is written.",
    sUnavailR: "{c}'s read fails at once: only {k} replicas reachable and R = {r}.",
    sFail: 'Node {node} fails; it keeps its data on disk.',
    sRecover: 'Node {node} recovers.',
    sPartition: 'Network partition: {side} cut off from the rest.',
    sHeal: 'The partition heals.',
    sSet: 'Settings: R = {r}, W = {w}, sloppy quorum {sloppy}, hinted handoff {hh}, read repair {rr}.',
    on: 'on',
    off: 'off',
    sStoreNew: '{node} stores {v}.',
    sStoreSibling: '{node} stores {v} as a sibling: its clock is concurrent with {others}.',
    sStoreOld: '{node} already has {v} or something newer; nothing changes.',
    sStoreHint: '{node} keeps {v} with a hint for {home}.',
    sAck: '{node} acks {c}\'s write {v}: {k} of W = {w}.',
    sAckDone: ' The write is acknowledged.',
    sAckHint: '{node} acks the hinted copy; in a strict quorum it does not count toward W.',
    sAckLate: ' (late: the write already finished)',
    sAnswer: '{node} answers {c}\'s read with {v}.',
    sReply: '{c} has {k} of R = {r} answers.',
    sReplyDone: ' The read returns {v} (answers from {nodes}).',
    sStale: ' STALE: it misses the acknowledged write {list}.',
    sFreshQuorum: ' R + W = {rw} > N = {n}, so at least one of them holds the latest acknowledged write.',
    sFreshLuck: ' Fresh this time, but R + W = {rw} ≤ N = {n} does not promise it.',
    sLost: ' Last-writer-wins has already dropped the acknowledged {list}.',
    sSiblings: ' They are siblings: the client sees both, and its next write merges them.',
    sRepair: 'Read repair: {node} now has {v}.',
    sRepairOld: 'Read repair reaches {node}, which is already up to date.',
    sHandoff: 'Hinted handoff: {from} hands {v} to {node}.',
    sDropDown: 'The {kind} from {from} to {to} is lost: {to} is down.',
    sDropCut: 'The {kind} from {from} to {to} is lost: a partition separates them.',
    sTimeout: "{c}'s {kind} times out with {k} of {q}: it fails.",
    sTimeoutWrite: ' The replicas it reached keep the value: failed writes are not rolled back.',
    'k-write': 'write',
    'k-ack': 'ack',
    'k-read': 'read request',
    'k-reply': 'answer',
    'k-repair': 'repair',
    'k-handoff': 'hinted handoff',
    playerLabel: 'Step {i} of {n}, t = {t} ms',
    tableRequests: 'Requests',
    tableNodes: 'Replicas at this step',
    tableSteps: 'Steps so far',
    colNum: '#',
    colClient: 'Client',
    colKind: 'Request',
    colStart: 'Start (ms)',
    colOutcome: 'Outcome',
    colNode: 'Node',
    colRole: 'Role',
    colStatus: 'Status',
    colVersions: 'Versions',
    colHints: 'Hints',
    colStep: 'Step',
    colTime: 't (ms)',
    colEvent: 'Event',
    more: '{n} more',
  };

  /** Replicas per key, N (attribute). */
  declare n: string | undefined;
  /** Read quorum R (attribute). */
  declare r: string | undefined;
  /** Write quorum W (attribute). */
  declare w: string | undefined;
  /** Spare nodes after the home replicas (attribute). */
  declare spares: string | undefined;
  /** Sloppy quorum (boolean attribute). */
  declare sloppy: string | boolean | undefined;
  /** Read repair (boolean attribute `read-repair`; `"false"` turns it off). */
  declare readRepair: string | boolean | undefined;
  /** Hinted handoff (boolean attribute `hinted-handoff`). */
  declare hintedHandoff: string | boolean | undefined;
  /** Last-writer-wins instead of siblings (boolean attribute). */
  declare lww: string | boolean | undefined;
  /** Seed of the message delays (attribute). */
  declare seed: string | undefined;

  private scenario?: QuorumScenario;
  private cutPick = new Set<string>(['X', 'A']);
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));
  private readonly player = new PlayerController(this, {
    length: () => this.scenario?.length ?? 0,
    interval: 1100,
    onSeek: (pos) => this.announcer.announce(this.narrate(pos)),
  });
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return quorumConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      n: numberAttr(this.n),
      r: numberAttr(this.r),
      w: numberAttr(this.w),
      spares: numberAttr(this.spares),
      sloppy: boolAttr(this.sloppy),
      readRepair: boolAttr(this.readRepair),
      hintedHandoff: boolAttr(this.hintedHandoff),
      lww: boolAttr(this.lww),
      seed: numberAttr(this.seed),
    };
  }

  protected configure(config: QuorumConfig): void {
    this.scenario = new QuorumScenario(config);
    const ids = nodeIds(config);
    this.cutPick = new Set(['X', ids[0], ...(config.spares ? [ids[config.n]] : [])]);
    this.player.pause();
    this.player.position = Math.min(config.step, this.scenario.length);
  }

  // ───────────── public API ─────────────

  /** The state at the current step, or undefined before a valid config. */
  get state(): Snapshot | undefined {
    return this.scenario?.stateAt(this.player.position);
  }

  /** The whole run: steps, states, requests and hints. */
  get run() {
    return this.scenario?.run;
  }

  /** The current step (0 = before anything happened). */
  get step(): number {
    return this.player.position;
  }

  /** Move the player to step `i` (clamped). */
  seek(i: number): void {
    this.player.pause();
    this.player.seek(i);
  }

  /** Record an action at the current step's time and move to it (later actions are dropped). */
  act(action: NewAction): void {
    const sc = this.scenario;
    if (!sc) return;
    this.player.pause();
    const { scenario, step } = sc.withAction(this.player.position, action);
    this.scenario = scenario;
    this.player.seek(step);
    const recorded = scenario.config.actions[scenario.config.actions.length - 1];
    this.dispatchEvent(new CustomEvent('ls-quorum-action', { detail: { kind: recorded.type, action: recorded, step }, bubbles: true, composed: true }));
  }

  /** The run as JSON config; set it as `config` to reproduce this run and step. */
  exportScenario(): Record<string, unknown> {
    return this.scenario?.toJSON(this.player.position) ?? {};
  }

  // ───────────── narration ─────────────

  private versions(list: readonly Version[]): string {
    return list.length ? list.map(vText).join(this.t('and')) : this.t('nothing');
  }

  private writeName(id: number): string {
    const v = this.scenario!.run.ops[id].version!;
    return vText(v);
  }

  /** The sentence for state `pos` (what step `pos` did). */
  narrate(pos: number): string {
    const sc = this.scenario!;
    const st = sc.stepAt(pos);
    if (!st) return this.t('sInitial');
    return this.t('at', { t: st.t }) + this.sentence(st, sc.stateAt(pos));
  }

  private sentence(st: Step, s: Snapshot): string {
    const c = this.scenario!.config;
    const op: Op | undefined = st.op !== undefined ? s.ops[st.op] : undefined;
    const m = st.msg;
    const onOff = (b: boolean) => this.t(b ? 'on' : 'off');
    switch (st.kind) {
      case 'fail':
        return this.t('sFail', { node: st.node! });
      case 'recover':
        return this.t('sRecover', { node: st.node! });
      case 'partition':
        return this.t('sPartition', { side: s.cut.join(', ') });
      case 'heal':
        return this.t('sHeal');
      case 'set': {
        const x = s.settings;
        return this.t('sSet', { r: x.r, w: x.w, sloppy: onOff(x.sloppy), hh: onOff(x.hintedHandoff), rr: onOff(x.readRepair) });
      }
      case 'unavailable':
        return op!.kind === 'write'
          ? this.t('sUnavailW', { c: op!.client, k: op!.counted.length, w: op!.settings.w })
          : this.t('sUnavailR', { c: op!.client, k: op!.counted.length, r: op!.settings.r });
      case 'start': {
        const o = op!;
        if (o.kind === 'read') return this.t('sStartRead', { c: o.client, targets: o.targets.join(', '), r: o.settings.r });
        const homes = nodeIds(c).slice(0, c.n);
        const spares = o.targets.filter((id) => !homes.includes(id));
        const missing = homes.filter((h) => !o.targets.includes(h));
        let text = this.t('sStartWrite', { c: o.client, v: vText(o.version!), targets: o.targets.join(', '), w: o.settings.w });
        if (spares.length) text += this.t('sHinted', { spares: spares.join(', '), homes: missing.slice(0, spares.length).join(', ') });
        return text;
      }
      case 'store':
        if (m!.hintFor) return this.t('sStoreHint', { node: st.node!, v: vText(m!.versions[0]), home: m!.hintFor });
        return this.storeText(st, s, m!.versions);
      case 'repair':
        return st.effect === 'old' ? this.t('sRepairOld', { node: st.node! }) : this.t('sRepair', { node: st.node!, v: this.versions(m!.versions) });
      case 'handoff':
        return this.t('sHandoff', { from: m!.from, node: st.node!, v: vText(m!.versions[0]) }) + (st.effect === 'sibling' ? ' ' + this.storeText(st, s, m!.versions) : '');
      case 'ack': {
        const o = op!;
        if (!o.counted.includes(st.node!)) return this.t('sAckHint', { node: st.node! });
        let text = this.t('sAck', { node: st.node!, c: o.client, v: vText(o.version!), k: st.count!, w: o.settings.w });
        if (st.done) text += this.t('sAckDone');
        else if (o.status !== 'pending') text += this.t('sAckLate');
        return text;
      }
      case 'answer':
        return this.t('sAnswer', { node: st.node!, c: op!.client, v: this.versions(s.inFlight.find((x) => x.kind === 'reply' && x.op === op!.id && x.from === st.node)?.versions ?? []) });
      case 'reply': {
        const o = op!;
        let text = this.t('sReply', { c: o.client, k: st.count!, r: o.settings.r });
        if (!st.done) return text;
        text += this.t('sReplyDone', { v: this.versions(o.result!), nodes: o.replied.filter((id) => o.counted.includes(id)).join(', ') });
        const rw = o.settings.r + o.settings.w;
        if (o.stale) text += this.t('sStale', { list: o.missed!.map((id) => this.writeName(id)).join(', ') });
        else if (s.lost.length) text += this.t('sLost', { list: s.lost.map((id) => this.writeName(id)).join(', ') });
        else if (overlaps(o.settings, c.n)) text += this.t('sFreshQuorum', { rw, n: c.n });
        else if (!o.settings.sloppy && s.ops.some((x) => x.kind === 'write' && x.status === 'ok')) text += this.t('sFreshLuck', { rw, n: c.n });
        if (o.result!.length > 1) text += this.t('sSiblings');
        return text;
      }
      case 'drop':
        return this.t(st.why === 'down' ? 'sDropDown' : 'sDropCut', { kind: this.t(`k-${m!.kind}`), from: m!.from, to: m!.to });
      case 'timeout': {
        const o = op!;
        const k = o.replied.filter((id) => o.counted.includes(id)).length;
        return this.t('sTimeout', { c: o.client, kind: this.t(`k-${o.kind}`), k, q: o.kind === 'write' ? o.settings.w : o.settings.r }) + (o.kind === 'write' && k ? this.t('sTimeoutWrite') : '');
      }
    }
  }

  private storeText(st: Step, s: Snapshot, incoming: Version[]): string {
    const v = this.versions(incoming);
    if (st.effect === 'old') return this.t('sStoreOld', { node: st.node!, v });
    if (st.effect === 'sibling') {
      const store = s.nodes.find((n) => n.id === st.node)!.store;
      const others = store.filter((x) => !incoming.some((y) => y.id === x.id));
      return this.t('sStoreSibling', { node: st.node!, v, others: this.versions(others) });
    }
    return this.t('sStoreNew', { node: st.node!, v });
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const pos = this.player.position;
    const s = sc.stateAt(pos);
    const still = this.player.reducedMotion;
    return html`<div class="frame ${still ? 'still' : ''}" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing} ${this.renderQuorum(s)}
      <div class="main">
        <div class="col">${this.renderDiagram(s, pos)} ${this.renderControls(s)}</div>
        <div class="col">${this.renderNodes(s)} ${this.renderRequests(s)}</div>
      </div>
      ${renderPlayer(this.player, this.t('playerLabel', { i: pos, n: sc.length, t: s.t }), this.strings, this.theme)} ${this.renderTable(s, pos)} ${this.copier.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderQuorum(s: Snapshot): TemplateResult {
    const c = this.scenario!.config;
    const x = s.settings;
    const ok = overlaps(x, c.n);
    return html`<div class="quorum ${ok ? '' : 'weak'}" part="quorum">
      <span class="nrw">N = ${c.n} · R = ${x.r} · W = ${x.w}</span>
      <span>${x.sloppy ? this.t('quorumSloppy') : this.t(ok ? 'quorumOk' : 'quorumNo', { rw: x.r + x.w, n: c.n })}</span>
      ${c.lww ? html`<span>${this.t('lwwOn')}</span>` : nothing}
    </div>`;
  }

  private renderControls(s: Snapshot): TemplateResult {
    const c = this.scenario!.config;
    const x = s.settings;
    const ends = [...nodeIds(c), ...CLIENTS];
    const opts = Array.from({ length: c.n }, (_, i) => i + 1);
    const toggle = (id: string, label: string, checked: boolean, key: 'sloppy' | 'hintedHandoff' | 'readRepair') =>
      html`<label class="check"><input id=${id} type="checkbox" .checked=${checked} @change=${(e: Event) => this.act({ type: 'set', [key]: (e.target as HTMLInputElement).checked })} />${this.t(label)}</label>`;
    return html`<section class="card" part="controls" aria-labelledby="controls-h">
      <h3 id="controls-h">${this.t('controlsHeading')}</h3>
      <div class="buttons">
        ${CLIENTS.map((cl) => html`<button class="write" @click=${() => this.act({ type: 'write', client: cl })}>${this.t('writeBtn', { c: cl })}</button>`)}
        ${CLIENTS.map((cl) => html`<button class="read" @click=${() => this.act({ type: 'read', client: cl })}>${this.t('readBtn', { c: cl })}</button>`)}
      </div>
      <div class="settings">
        <label>${this.t('rLabel')}
          <select id="r" @change=${(e: Event) => this.act({ type: 'set', r: Number((e.target as HTMLSelectElement).value) })}>
            ${opts.map((i) => html`<option value=${i} ?selected=${i === x.r}>${i}</option>`)}
          </select></label>
        <label>${this.t('wLabel')}
          <select id="w" @change=${(e: Event) => this.act({ type: 'set', w: Number((e.target as HTMLSelectElement).value) })}>
            ${opts.map((i) => html`<option value=${i} ?selected=${i === x.w}>${i}</option>`)}
          </select></label>
        ${toggle('sloppy', 'sloppyLabel', x.sloppy, 'sloppy')} ${toggle('hh', 'hhLabel', x.hintedHandoff, 'hintedHandoff')} ${toggle('rr', 'rrLabel', x.readRepair, 'readRepair')}
      </div>
      <fieldset class="cutform">
        <legend>${this.t('partitionLegend')}</legend>
        ${ends.map(
          (id) => html`<label class="check"><input type="checkbox" .checked=${this.cutPick.has(id)} @change=${(e: Event) => {
            if ((e.target as HTMLInputElement).checked) this.cutPick.add(id);
            else this.cutPick.delete(id);
            this.requestUpdate();
          }} />${id}</label>`,
        )}
        <button id="partition" ?disabled=${!this.cutPick.size} @click=${() => this.act({ type: 'partition', side: ends.filter((id) => this.cutPick.has(id)) })}>${this.t('partitionBtn')}</button>
        <button id="heal" ?disabled=${!s.cut.length} @click=${() => this.act({ type: 'heal' })}>${this.t('healBtn')}</button>
      </fieldset>
      <p class="note">${this.t('recordHint', { t: s.t })}</p>
    </section>`;
  }

  private pos(id: string, ids: string[]): [number, number] {
    if (id === 'X') return [W * 0.25, CY];
    if (id === 'Y') return [W * 0.75, CY];
    const i = ids.indexOf(id);
    const gap = (W - 72) / Math.max(1, ids.length - 1);
    return [ids.length === 1 ? W / 2 : 36 + i * gap, NY];
  }

  private renderDiagram(s: Snapshot, pos: number): TemplateResult {
    const c = this.scenario!.config;
    const ids = nodeIds(c);
    const cut = new Set(s.cut);
    const st = this.scenario!.stepAt(pos);
    const last = st?.msg;
    const cls = (k: string) => (k === 'write' || k === 'ack' ? 'mw' : k === 'read' || k === 'reply' ? 'mr' : 'mp');
    const dots = s.inFlight.map((m) => {
        const [x1, y1] = this.pos(m.from, ids);
        const [x2, y2] = this.pos(m.to, ids);
        const f = Math.max(0, Math.min(1, (s.t - m.sent) / Math.max(1, m.arrive - m.sent)));
        return svg`<g class=${cls(m.kind)}><line class="wire" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line><circle class="dot" r="4.5" cx=${x1 + (x2 - x1) * f} cy=${y1 + (y2 - y1) * f}></circle></g>`;
    });
    let arrived: TemplateResult | typeof nothing = nothing;
    if (last) {
      const [x1, y1] = this.pos(last.from, ids);
      const [x2, y2] = this.pos(last.to, ids);
      arrived = svg`<line class="arrived ${cls(last.kind)} ${st!.kind === 'drop' ? 'dropped' : ''}" x1=${x1} y1=${y1} x2=${x2} y2=${y2} marker-end="url(#qa)"></line>`;
    }
    const label = this.t('diagramLabel', { nodes: ids.join(', '), flight: s.inFlight.length });
    return html`<section class="card" part="diagram" aria-labelledby="diagram-h">
      <h3 id="diagram-h">${this.t('diagramHeading')}</h3>
      <svg viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label=${label}>
        <defs><marker id="qa" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="context-stroke"></path></marker></defs>
        ${dots} ${arrived}
        ${CLIENTS.map((id) => {
          const [x, y] = this.pos(id, ids);
          return svg`<g class="client ${cut.has(id) ? 'cut' : ''}"><rect x=${x - 15} y=${y - 13} width="30" height="26" rx="6"></rect><text x=${x} y=${y + 4} text-anchor="middle">${id}</text></g>`;
        })}
        ${s.nodes.map((n) => {
          const [x, y] = this.pos(n.id, ids);
          const vals = [...n.store.map((v) => v.value), ...n.hints.map((h) => `${h.version.value}→${h.for}`)].join('|');
          return svg`<g class="node ${n.home ? 'home' : 'spare'} ${n.up ? '' : 'down'} ${cut.has(n.id) ? 'cut' : ''}">
            <circle cx=${x} cy=${y} r="14"></circle><text x=${x} y=${y + 4} text-anchor="middle">${n.id}</text>
            ${n.up ? nothing : svg`<path class="x" d="M${x - 10} ${y - 10}L${x + 10} ${y + 10}M${x + 10} ${y - 10}L${x - 10} ${y + 10}"></path>`}
            <text class="val" x=${x} y=${y + 30} text-anchor="middle">${vals.length > 11 ? vals.slice(0, 10) + '…' : vals || '—'}</text></g>`;
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li><i class="mw"></i>${this.t('legendWrite')}</li>
        <li><i class="mr"></i>${this.t('legendRead')}</li>
        <li><i class="mp"></i>${this.t('legendRepair')}</li>
      </ul>
      <p class="narration" part="narration">${this.narrate(pos)}</p>
    </section>`;
  }

  private renderNodes(s: Snapshot): TemplateResult {
    const cut = new Set(s.cut);
    return html`<section class="card" part="nodes" aria-labelledby="nodes-h">
      <h3 id="nodes-h">${this.t('nodesHeading')}</h3>
      <ul class="nodes">
        ${s.nodes.map(
          (n) => html`<li class="nd ${n.up ? '' : 'down'} ${n.home ? '' : 'spare'}">
            <div class="head">
              <strong>${n.id}</strong> <span class="role">${this.t(n.home ? 'home' : 'spare')}</span>
              <span class="status ${n.up ? (cut.has(n.id) ? 'warn' : 'ok') : 'bad'}">${this.t(n.up ? (cut.has(n.id) ? 'cutOff' : 'up') : 'down')}</span>
            </div>
            ${n.store.length || !n.home ? nothing : html`<p class="note">${this.t('empty')}</p>`}
            ${n.store.length > 1 ? html`<p class="sib">${this.t('siblings', { k: n.store.length })}</p>` : nothing}
            <ul class="vers">
              ${n.store.map((v) => html`<li><b>${v.value}</b> <code>${clockText(v.clock)}</code></li>`)}
              ${n.hints.map((h) => html`<li class="hint">${this.t('hintFor', { node: h.for, v: vText(h.version) })}</li>`)}
            </ul>
            <button class="nodebtn" @click=${() => this.act({ type: n.up ? 'fail' : 'recover', node: n.id })}>${this.t(n.up ? 'failBtn' : 'recoverBtn', { node: n.id })}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private outcome(o: Op, s: Snapshot): TemplateResult {
    const bad = o.status === 'failed' || o.stale || s.lost.includes(o.id);
    const flag = o.stale ? 'stale' : s.lost.includes(o.id) ? 'lost' : '';
    return html`<span class=${o.status === 'pending' ? 'pend' : bad ? 'bad' : 'ok'}>${o.status === 'pending' ? '' : bad ? '⚠ ' : '✓ '}${this.outcomeText(o, s, true)}</span>
      ${flag ? html`<span class="flag">${this.t(flag)}</span>` : nothing}`;
  }

  private renderRequests(s: Snapshot): TemplateResult {
    return html`<section class="card" part="requests" aria-labelledby="req-h">
      <h3 id="req-h">${this.t('requestsHeading')}</h3>
      ${s.ops.length
        ? html`<ol class="reqs">
            ${s.ops.map(
              (o) => html`<li>
                <span class="what">${o.kind === 'write' ? this.t('reqWrite', { c: o.client, v: vText(o.version!) }) : this.t('reqRead', { c: o.client })}</span>
                ${o.supersedes && o.supersedes.length > 1 ? html`<span class="note">${this.t('merges', { list: o.supersedes.map((id) => this.scenario!.run.ops[id].version!.value).join(', ') })}</span>` : nothing}
                ${this.outcome(o, s)}
              </li>`,
            )}
          </ol>`
        : html`<p class="note">${this.t('noRequests')}</p>`}
      ${s.lost.length ? html`<p class="note bad">${this.t('lostNote', { list: s.lost.map((id) => this.writeName(id)).join(', ') })}</p>` : nothing}
    </section>`;
  }

  private outcomeText(o: Op, s: Snapshot, short = false): string {
    const need = o.kind === 'write' ? o.settings.w : o.settings.r;
    const k = o.replied.filter((id) => o.counted.includes(id)).length;
    if (o.status === 'pending') return this.t('pending', { k, q: need });
    if (o.status === 'failed') return o.reason === 'unavailable' ? this.t('failedUnavailable') : this.t('failedTimeout', { k, q: need });
    if (o.kind === 'write') return this.t('okWrite', { nodes: o.replied.filter((id) => o.counted.includes(id)).slice(0, need).join(', '), t: o.end! }) + (!short && s.lost.includes(o.id) ? ` (${this.t('lost')})` : '');
    return this.t('okRead', { v: this.versions(o.result!), t: o.end! }) + (o.repaired?.length ? this.t('repairedNote', { nodes: o.repaired.join(', ') }) : '') + (o.stale ? ` (${short ? '' : this.t('stale') + '; '}${this.t('staleMissed', { list: o.missed!.map((id) => this.writeName(id)).join(', ') })})` : '');
  }

  private renderTable(s: Snapshot, pos: number): TemplateResult {
    const sc = this.scenario!;
    const cut = new Set(s.cut);
    return renderTableView(
      this.t('tableView'),
      html`${dataTable({
        heading: this.t('tableRequests'),
        columns: [{ label: this.t('colNum'), num: true }, { label: this.t('colClient') }, { label: this.t('colKind') }, { label: this.t('colStart'), num: true }, { label: this.t('colOutcome') }],
        rows: s.ops.map((o) => ({ cells: [o.id + 1, o.client, o.kind === 'write' ? vText(o.version!) : this.t('k-read'), o.start, { value: this.outcomeText(o, s), cls: o.stale || o.status === 'failed' ? 'bad' : '' }] })),
      })}
      ${dataTable({
        heading: this.t('tableNodes'),
        rowHeader: true,
        columns: [{ label: this.t('colNode') }, { label: this.t('colRole') }, { label: this.t('colStatus') }, { label: this.t('colVersions') }, { label: this.t('colHints') }],
        rows: s.nodes.map((n) => ({
          cells: [n.id, this.t(n.home ? 'home' : 'spare'), this.t(n.up ? (cut.has(n.id) ? 'cutOff' : 'up') : 'down'), this.versions(n.store), n.hints.map((h) => this.t('hintFor', { node: h.for, v: vText(h.version) })).join('; ') || '—'],
        })),
      })}
      ${dataTable({
        heading: this.t('tableSteps'),
        columns: [{ label: this.t('colStep'), num: true }, { label: this.t('colTime'), num: true }, { label: this.t('colEvent') }],
        rows: sc.run.steps.slice(0, pos).map((st, i) => ({ current: i + 1 === pos, cells: [i + 1, st.t, this.sentence(st, sc.stateAt(i + 1))] })).reverse(),
        limit: 60,
        more: (n) => this.t('more', { n }),
      })}`,
    );
  }
}

if (!customElements.get('ls-quorum-replication')) customElements.define('ls-quorum-replication', LsQuorumReplication);
