import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { LsElement, listAttr, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { TooltipController } from '../../core/tooltip.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { hex32 } from '../../core/hash.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { parse } from '../../core/validate.js';
import { RING_SIZE, RingScenario, ringConfigSchema, nodeId as nodeIdSchema, nodeWeight, type RingChange, type RingConfig, type RingState } from './model.js';
import { ringStyles } from './styles.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';

export type { RingChange, RingConfig } from './model.js';

export interface RingChangeDetail {
  added?: string;
  removed?: string;
  moved: { key: string; from: string; to: string }[];
  movedFraction: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-ring-change': CustomEvent<RingChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-consistent-hash-ring': LsConsistentHashRing;
  }
}

const SIZE = 320;
const C = SIZE / 2;
const R_RING = 122;
const R_KEYS = 100;
const MAX_KEY_DOTS = 1500;
const MAX_TRAVEL = 80;
/** Above this many virtual nodes the markers would cover the ring; the arcs alone show ownership. */
const MAX_TICKS = 160;
const PALETTE = 10;

const angleOf = (pos: number): number => (pos / RING_SIZE) * 2 * Math.PI - Math.PI / 2;
const point = (pos: number, r: number): [number, number] => {
  const a = angleOf(pos);
  return [C + r * Math.cos(a), C + r * Math.sin(a)];
};
const f1 = (n: number): string => n.toFixed(1);

/** Clockwise arc path at radius r from position a to position b (b may be < a: wraps through the top). */
function arcPath(a: number, b: number, r: number): string {
  const span = (((b - a) % RING_SIZE) + RING_SIZE) % RING_SIZE;
  if (span === 0) return '';
  const [x1, y1] = point(a, r);
  const [x2, y2] = point(b, r);
  return `M${f1(x1)} ${f1(y1)}A${r} ${r} 0 ${span > RING_SIZE / 2 ? 1 : 0} 1 ${f1(x2)} ${f1(y2)}`;
}

/**
 * Interactive consistent-hashing ring: nodes and their virtual nodes on a 2^32 ring, keys coloured
 * by owner, joins and departures with the keys that move (compared with `hash mod N`), load per
 * node, and a key probe that shows the clockwise walk to the key's owner and replicas.
 *
 * Configure with attributes (`nodes="A,B,C" vnodes="50" key-count="200" replication="1" seed="1"`),
 * inline JSON, `src` or the `config` property: `{ nodes, vnodes, keys | keyCount, replication, seed,
 * actions, step, probe, title }`.
 *
 * Keyboard (on the ring): ←/→ step through the changes, Space replays them, Home/End, `+` adds a
 * node, Delete removes the selected node.
 *
 * @fires ls-ring-change - a node joined or left; `detail: { added?, removed?, moved: [{ key, from, to }], movedFraction }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart ring - the SVG ring
 * @csspart toolbar - the add/remove controls
 * @csspart moved - the "what moved" panel
 * @csspart loads - the load chart
 * @csspart probe - the key probe
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart tooltip - the tooltip
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-accent - accent colour (buttons, links)
 * @cssproperty --ls-palette-1 - colour of the 1st node (…`--ls-palette-10` for the 10th; colours repeat after)
 * @cssproperty --ls-bg - background
 * @cssproperty --ls-fg - text colour
 * @cssproperty --ls-border - borders
 * @cssproperty --ls-success - the consistent-hashing bar
 * @cssproperty --ls-danger - the modulo-hashing bar, error panel
 * @cssproperty --ls-duration - how long the key movement animates at 1× speed (default 600ms)
 */
export class LsConsistentHashRing extends LsElement<RingConfig & { title?: string }> {
  static override styles = [themeStyles, vizStyles, ringStyles];

  static override properties = {
    ...LsElement.properties,
    nodes: { type: String },
    vnodes: { type: String },
    keyCount: { type: String, attribute: 'key-count' },
    replication: { type: String },
    seed: { type: String },
    probe: { type: String },
  };

  static override configProperties = ['nodes', 'vnodes', 'keyCount', 'replication', 'seed', 'probe'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Consistent hashing ring',
    ringLabel: 'Hash ring with {nodes} nodes, {vnodes} virtual nodes and {keys} keys. {summary}',
    addNode: 'Add node',
    removeNode: 'Remove {id}',
    removeSelected: 'Remove node',
    newNodeId: 'New node id',
    weight: 'Weight',
    nodesHeading: 'Nodes',
    movedHeading: 'What moved',
    loadsHeading: 'Load per node',
    probeHeading: 'Look up a key',
    probeLabel: 'Key',
    probePlaceholder: 'e.g. user:42',
    noChange: 'Add or remove a node to see which keys move.',
    joined: 'Node {id} joined: {moved} of {keys} keys ({pct}) moved, all to {id}.',
    left: 'Node {id} left: its {moved} of {keys} keys ({pct}) moved to the remaining nodes.',
    consistent: 'Consistent',
    modulo: 'hash mod N',
    moduloNote: 'hash mod N would have moved {moved} ({pct}).',
    stats: 'mean {mean} · max {max} ({ratio}× mean) · σ {sd}',
    start: 'Start: {n} nodes',
    changeLabel: 'Change {i} of {n}: {what}',
    noChanges: 'No changes yet',
    whatJoined: '{id} joined',
    whatLeft: '{id} left',
    startAnnounce: 'Start of the history: {n} nodes, {keys} keys.',
    hashOf: 'hash {hash} ({pct} around the ring)',
    walkStep: '{vnode} at {pos} → {node}',
    owner: 'owner',
    replica: 'replica {n}',
    probeResult: 'Key {key}: owner {owner}.',
    probeReplicas: 'Key {key}: replicas {list}.',
    nodeTip: 'Node {id}\n{vnodes} virtual nodes · weight {weight}\n{share} of the ring · {keys} keys',
    tableCaption: 'Nodes at this step',
    colNode: 'Node',
    colWeight: 'Weight',
    colVnodes: 'Virtual nodes',
    colShare: 'Ring share',
    colKeys: 'Keys (primary)',
    colReplicas: 'Replicas held',
    movedCaption: 'Keys moved by the last change',
    colKey: 'Key',
    colFrom: 'From',
    colTo: 'To',
    moreMoved: '…and {n} more',
    showingKeys: '{shown} drawn',
    cannotAdd: 'Cannot add {id}: a node with that id exists, or the ring is full.',
    invalidNode: 'Cannot add "{id}": {problem}.',
    cannotRemove: 'Cannot remove {id}: it is not on the ring, or it is the last node.',
    selectNode: 'Select a node to remove it.',
    keysWord: 'keys',
    vnodesWord: 'vnodes',
  };

  /** `"A,B,C"`: node ids (attribute). */
  declare nodes: string | undefined;
  /** Virtual nodes per node of weight 1 (attribute). */
  declare vnodes: string | undefined;
  /** Number of seeded random keys (attribute `key-count`). */
  declare keyCount: string | undefined;
  /** Replicas per key (attribute). */
  declare replication: string | undefined;
  /** Seed for the generated keys (attribute). */
  declare seed: string | undefined;
  /** A key to probe (attribute). */
  declare probe: string | undefined;

  private scenario?: RingScenario;
  private title_ = '';
  private probeKey = '';
  private selected?: string;
  private draftId = '';
  private draftWeight = 1;
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));
  private keyIndex = new Map<string, number>();
  private colorIndex = new Map<string, number>();

  private readonly player = new PlayerController(this, {
    length: () => this.scenario?.length ?? 0,
    interval: 1400,
    onSeek: (pos) => this.announceStep(pos),
  });
  private readonly announcer = new Announcer(this);
  private readonly tooltip = new TooltipController(this);

  protected configSchema() {
    return ringConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      nodes: listAttr(this.nodes),
      vnodes: numberAttr(this.vnodes),
      keyCount: numberAttr(this.keyCount),
      replication: numberAttr(this.replication),
      seed: numberAttr(this.seed),
      probe: this.probe ?? undefined,
    };
  }

  protected configure(config: RingConfig & { title?: string }): void {
    this.setScenario(new RingScenario(config));
    this.title_ = config.title ?? '';
    this.probeKey = config.probe ?? '';
    this.selected = undefined;
    this.player.pause();
    this.player.position = config.step;
  }

  private setScenario(scenario: RingScenario): void {
    this.scenario = scenario;
    this.keyIndex = new Map(scenario.keys.map((k, i) => [k, i]));
    this.colorIndex = new Map();
    for (const n of scenario.config.nodes) if (!this.colorIndex.has(n.id)) this.colorIndex.set(n.id, this.colorIndex.size);
    for (const a of scenario.config.actions) if (!this.colorIndex.has(a.id)) this.colorIndex.set(a.id, this.colorIndex.size);
  }

  // ───────────── public API ─────────────

  /** The current ring state (nodes, owners, loads, last change), or undefined before a valid config. */
  get state(): RingState | undefined {
    return this.scenario?.stateAt(this.player.position);
  }

  /** The primary owner of `key` at the current step. */
  ownerOf(key: string): string | undefined {
    return this.state?.ring.ownerOf(key);
  }

  /** The replicas of `key` (the first is the owner). */
  replicasOf(key: string): string[] {
    const s = this.state;
    return s ? s.ring.replicasOf(key, this.scenario!.config.replication) : [];
  }

  /**
   * Add a node; returns the change, or null (and announces why) when the id is taken or invalid or
   * the weight is out of range. Later history is discarded.
   */
  addNode(id?: string, weight = 1): RingChange | null {
    if (!this.scenario) return null;
    const nodeId = String(id ?? this.nextId()).trim();
    const problems = [...parse(nodeIdSchema, nodeId).issues, ...parse(nodeWeight, weight).issues];
    if (problems.length) {
      this.announcer.announce(this.t('invalidNode', { id: nodeId, problem: problems.map((p) => p.message).join('; ') }));
      return null;
    }
    return this.record({ type: 'add', id: nodeId, weight });
  }

  /** Remove a node; returns the change, or null when it is absent or the last one. */
  removeNode(id: string): RingChange | null {
    if (!this.scenario) return null;
    return this.record({ type: 'remove', id });
  }

  /** The run so far as JSON config; set it as `config` to reproduce this exact ring and step. */
  exportScenario(): Record<string, unknown> {
    const out = this.scenario?.toJSON(this.player.position) ?? {};
    if (this.probeKey) out.probe = this.probeKey;
    if (this.title_) out.title = this.title_;
    return out;
  }

  // ───────────── behaviour ─────────────

  private record(action: { type: 'add'; id: string; weight?: number } | { type: 'remove'; id: string }): RingChange | null {
    const next = this.scenario!.withAction(this.player.position, action.type === 'add' && action.weight === 1 ? { type: 'add', id: action.id } : action);
    if (!next || !action.id) {
      this.announcer.announce(this.t(action.type === 'add' ? 'cannotAdd' : 'cannotRemove', { id: action.id }));
      return null;
    }
    this.player.pause();
    this.setScenario(next);
    if (action.type === 'remove' && this.selected === action.id) this.selected = undefined;
    this.player.refresh();
    this.player.position = next.length - 1;
    this.player.seek(next.length); // announces and animates
    const change = next.stateAt(next.length).change!;
    const detail: RingChangeDetail = {
      ...(change.added !== undefined ? { added: change.added } : {}),
      ...(change.removed !== undefined ? { removed: change.removed } : {}),
      moved: change.moved,
      movedFraction: change.movedFraction,
    };
    this.dispatchEvent(new CustomEvent('ls-ring-change', { detail, bubbles: true, composed: true }));
    return change;
  }

  private nextId(): string {
    const taken = new Set(this.state?.ring.nodes.map((n) => n.id));
    for (let i = 0; i < 26; i++) {
      const id = String.fromCharCode(65 + i);
      if (!taken.has(id)) return id;
    }
    for (let i = 1; ; i++) if (!taken.has(`N${i}`)) return `N${i}`;
  }

  private pct(x: number): string {
    return `${this.formatNumber(x * 100, x > 0 && x < 0.1 ? 1 : 0)}%`;
  }

  private changeSentence(change: RingChange): string {
    const keys = this.scenario!.keys.length;
    const vars = { moved: change.moved.length, keys, pct: this.pct(change.movedFraction) };
    return change.added !== undefined ? this.t('joined', { ...vars, id: change.added }) : this.t('left', { ...vars, id: change.removed! });
  }

  private announceStep(pos: number): void {
    const s = this.scenario?.stateAt(pos);
    if (!s) return;
    if (!s.change) {
      this.announcer.announce(this.t('startAnnounce', { n: s.ring.nodes.length, keys: this.scenario!.keys.length }));
      return;
    }
    const c = s.change;
    this.announcer.announce(
      `${this.t('changeLabel', { i: pos, n: this.scenario!.length, what: '' }).replace(/:\s*$/, '.')} ${this.changeSentence(c)} ${this.t('moduloNote', { moved: c.moduloMoved, pct: this.pct(c.moduloMovedFraction) })}`,
    );
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (this.player.handleKey(e)) return;
    const target = e.composedPath()[0] as HTMLElement;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName)) return;
    if (e.key === '+' || (e.key === '=' && e.shiftKey)) {
      e.preventDefault();
      this.addNode();
    } else if ((e.key === 'Delete' || e.key === 'Backspace' || e.key === '-') && this.selected) {
      e.preventDefault();
      const id = this.selected;
      this.removeNode(id);
      void this.updateComplete.then(() => (this.renderRoot.querySelector('.chip') as HTMLElement | null)?.focus());
    }
  };

  private onProbe(value: string, announce: boolean): void {
    this.probeKey = value;
    this.requestUpdate();
    const s = this.state;
    if (announce && s && value) {
      const reps = s.ring.replicasOf(value, this.scenario!.config.replication);
      this.announcer.announce(reps.length > 1 ? this.t('probeReplicas', { key: value, list: reps.join(', ') }) : this.t('probeResult', { key: value, owner: reps[0] }));
    }
  }



  private color(id: string): string {
    const i = this.colorIndex.get(id) ?? 0;
    return `var(--_p${(i % PALETTE) + 1})`;
  }

  private nodeTip(s: RingState, i: number): string {
    const n = s.ring.nodes[i];
    let vn = 0;
    for (let p = 0; p < s.ring.size; p++) if (s.ring.owners[p] === i) vn++;
    return this.t('nodeTip', { id: n.id, vnodes: vn, weight: n.weight, share: this.pct(s.loads.share[i]), keys: s.loads.counts[i] });
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const s = sc.stateAt(this.player.position);
    const still = this.player.reducedMotion;
    const dur = still ? 0 : Math.round(600 / this.player.speed);
    const summary = s.change ? this.changeSentence(s.change) : '';
    const label = this.title_ || this.t('title');
    return html`<div class="frame ${still ? 'still' : ''}" style="--_dur: calc(var(--_duration) * ${dur / 600})" @keydown=${this.onKeydown}>
      ${this.title_ ? html`<p class="title" part="title">${this.title_}</p>` : nothing}
      ${this.renderToolbar(s)}
      <div class="main">
        <svg
          class="ring"
          part="ring"
          viewBox="-12 -12 ${SIZE + 24} ${SIZE + 24}"
          role="img"
          tabindex="0"
          aria-label=${`${label}. ${this.t('ringLabel', { nodes: s.ring.nodes.length, vnodes: s.ring.size, keys: sc.keys.length, summary })}`}
        >
          ${this.renderRing(s)}
        </svg>
        <div class="side">
          ${this.renderMoved(s)} ${this.renderLoads(s)} ${this.renderProbe(s)}
        </div>
      </div>
      <p class="caption" aria-hidden="true">${this.announcer.message}</p>
      ${renderPlayer(this.player, this.playerLabel(s), this.strings, this.theme)}
      ${this.renderTable(s)}
      ${this.copier.render()}
      ${this.tooltip.render()} ${this.announcer.render()}
    </div>`;
  }

  private playerLabel(s: RingState): string {
    const n = this.scenario!.length;
    if (!n) return this.t('noChanges');
    if (!s.change) return this.t('start', { n: s.ring.nodes.length });
    const what = s.change.added !== undefined ? this.t('whatJoined', { id: s.change.added }) : this.t('whatLeft', { id: s.change.removed! });
    return this.t('changeLabel', { i: s.step, n, what });
  }

  private renderToolbar(s: RingState): TemplateResult {
    const placeholder = this.nextId();
    const add = () => {
      const change = this.addNode(this.draftId || placeholder, this.draftWeight);
      if (change) {
        this.draftId = '';
        this.requestUpdate();
      }
    };
    return html`<div class="card">
      <h3>${this.t('nodesHeading')}</h3>
      <ul class="chips ${s.ring.nodes.length > 24 ? 'many' : ''}" aria-label=${this.t('nodesHeading')} tabindex=${s.ring.nodes.length > 24 ? '0' : nothing}>
        ${s.ring.nodes.map(
          (n, i) => html`<li>
            <button
              class="chip"
              data-id=${n.id}
              aria-pressed=${this.selected === n.id ? 'true' : 'false'}
              @click=${() => {
                this.selected = this.selected === n.id ? undefined : n.id;
                this.requestUpdate();
              }}
              @pointerenter=${(e: Event) => this.tooltip.show(e.currentTarget as Element, this.nodeTip(s, i))}
              @pointerleave=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
              @focus=${(e: Event) => this.tooltip.show(e.currentTarget as Element, this.nodeTip(s, i))}
              @blur=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
            >
              <span class="swatch" style="background:${this.color(n.id)}"></span>${n.id}${n.weight !== 1 ? html`<span class="note">×${n.weight}</span>` : nothing}<span class="sr-only">, ${s.loads.counts[i]} ${this.t('keysWord')}</span>
            </button>
          </li>`,
        )}
      </ul>
      <div class="toolbar" part="toolbar" style="margin-top:0.5rem">
        <label>${this.t('newNodeId')}<input type="text" .value=${this.draftId} placeholder=${placeholder} maxlength="40" @input=${(e: Event) => (this.draftId = (e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && add()} /></label>
        <label>${this.t('weight')}<input type="number" min="0" max="100" step="0.5" .value=${String(this.draftWeight)} @input=${(e: Event) => (this.draftWeight = Number((e.target as HTMLInputElement).value))} /></label>
        <button class="primary" @click=${add}>${this.t('addNode')}</button>
        <button ?disabled=${!this.selected} title=${this.selected ? '' : this.t('selectNode')} @click=${() => this.selected && this.removeNode(this.selected)}>
          ${this.selected ? this.t('removeNode', { id: this.selected }) : this.t('removeSelected')}
        </button>
      </div>
    </div>`;
  }

  private renderRing(s: RingState): SVGTemplateResult {
    const sc = this.scenario!;
    const ring = s.ring;
    const parts: SVGTemplateResult[] = [svg`<circle class="ring-base" cx=${C} cy=${C} r=${R_RING}></circle>`];
    // Ownership arcs: exact runs for small rings, 1440 bins for large ones.
    const paths = new Map<number, string[]>();
    const push = (owner: number, d: string) => (paths.get(owner) ?? paths.set(owner, []).get(owner)!).push(d);
    if (ring.size > 0) {
      if (ring.size <= 1440) {
        let start = ring.positions[ring.size - 1];
        for (let p = 0; p < ring.size; p++) {
          const end = ring.positions[p];
          const nextOwner = ring.owners[(p + 1) % ring.size];
          if (nextOwner !== ring.owners[p] || p === ring.size - 1 || ring.size === 1) {
            if (ring.size === 1 || new Set(ring.owners).size === 1) {
              push(ring.owners[p], `M${C} ${C - R_RING}a${R_RING} ${R_RING} 0 1 1 0 ${2 * R_RING}a${R_RING} ${R_RING} 0 1 1 0 ${-2 * R_RING}`);
              break;
            }
            push(ring.owners[p], arcPath(start, end, R_RING));
            start = end;
          }
        }
      } else {
        const bins = 1440;
        const step = RING_SIZE / bins;
        let runStart = 0;
        let runOwner = ring.ownerIndexOfHash(Math.floor(step) - 1);
        for (let b = 1; b <= bins; b++) {
          const owner = b < bins ? ring.ownerIndexOfHash(Math.floor((b + 1) * step) - 1) : -1;
          if (owner !== runOwner) {
            push(runOwner, arcPath(runStart, Math.floor(b * step) % RING_SIZE || RING_SIZE - 1, R_RING));
            runStart = Math.floor(b * step);
            runOwner = owner;
          }
        }
      }
    }
    for (const [owner, ds] of paths) parts.push(svg`<path class="arc" d=${ds.join('')} stroke=${this.color(ring.nodes[owner].id)}></path>`);

    // Virtual nodes
    if (ring.size <= MAX_TICKS) {
      for (let p = 0; p < ring.size; p++) {
        const [x, y] = point(ring.positions[p], R_RING);
        const owner = ring.owners[p];
        parts.push(
          svg`<circle class="vnode" cx=${f1(x)} cy=${f1(y)} r=${ring.size > 60 ? 3 : 4} fill=${this.color(ring.nodes[owner].id)}
            @pointerenter=${(e: Event) => this.tooltip.show(e.target as Element, `${ring.nodes[owner].id}#${ring.replica[p]} @ ${hex32(ring.positions[p])}\n${this.nodeTip(s, owner)}`)}
            @pointerleave=${(e: Event) => this.tooltip.hide(e.target as Element)}></circle>`,
        );
      }
    }
    // Labels for physical nodes when the ring is small enough to read them: at the node's first vnode.
    if (ring.nodes.length <= 12 && ring.size <= 400) {
      const placed = new Set<number>();
      for (let p = 0; p < ring.size; p++) {
        const owner = ring.owners[p];
        if (placed.has(owner) || ring.replica[p] !== 0) continue;
        placed.add(owner);
        const [x, y] = point(ring.positions[p], R_RING + 16);
        parts.push(svg`<text class="node-label" x=${f1(x)} y=${f1(y)}>${ring.nodes[owner].id}</text>`);
      }
    }

    // Keys
    const shown = Math.min(sc.keys.length, MAX_KEY_DOTS);
    const moved = new Set<number>();
    if (s.change) for (const m of s.change.moved) moved.add(this.keyIndex.get(m.key)!);
    for (let i = 0; i < shown; i++) {
      const [x, y] = point(sc.keyHashes[i], R_KEYS);
      const owner = s.owners[i];
      const dim = this.selected !== undefined && ring.nodes[owner].id !== this.selected;
      parts.push(svg`<circle class="key ${dim ? 'dim' : ''}" cx=${f1(x)} cy=${f1(y)} r=${shown > 400 ? 1.6 : 2.5} fill=${this.color(ring.nodes[owner].id)}></circle>`);
    }
    // Moved keys: a pulse and the clockwise path to their new owner's virtual node.
    let travel = 0;
    for (const i of moved) {
      if (i >= shown || travel >= MAX_TRAVEL) continue;
      travel++;
      const h = sc.keyHashes[i];
      const color = this.color(ring.nodes[s.owners[i]].id);
      const [x, y] = point(h, R_KEYS);
      const target = ring.positions[ring.locate(h)];
      parts.push(svg`<circle class="pulse" cx=${f1(x)} cy=${f1(y)} r="2.5" stroke=${color}></circle>`);
      const d = arcPath(h, target, R_KEYS + 8);
      if (d) parts.push(svg`<path class="travel" pathLength="1" d=${d} stroke=${color}></path>`);
    }
    // Probe
    if (this.probeKey) {
      const walk = ring.walk(this.probeKey, sc.config.replication);
      const last = walk.steps[walk.steps.length - 1];
      const [px, py] = point(walk.hash, R_RING + 24);
      const [ix, iy] = point(walk.hash, R_RING - 12);
      parts.push(svg`<line x1=${f1(ix)} y1=${f1(iy)} x2=${f1(px)} y2=${f1(py)} stroke="currentColor" stroke-width="2"></line>`);
      parts.push(svg`<circle class="probe-mark" cx=${f1(px)} cy=${f1(py)} r="5"></circle>`);
      if (last) {
        const d = arcPath(walk.hash, last.position, R_RING + 12);
        if (d) parts.push(svg`<path class="probe-walk" d=${d}></path>`);
        for (const st of walk.steps.filter((x) => x.counted)) {
          const [vx, vy] = point(st.position, R_RING);
          parts.push(svg`<circle cx=${f1(vx)} cy=${f1(vy)} r="7" fill="none" stroke="currentColor" stroke-width="2"></circle>`);
        }
      }
    }
    // Centre
    parts.push(svg`<text class="center-text big" x=${C} y=${C - 4}>${s.ring.nodes.length} × ${sc.config.vnodes}</text>`);
    parts.push(svg`<text class="center-text" x=${C} y=${C + 16}>${this.t('vnodesWord')} · ${this.formatNumber(sc.keys.length)} ${this.t('keysWord')}</text>`);
    if (shown < sc.keys.length) parts.push(svg`<text class="center-text" x=${C} y=${C + 32}>${this.t('showingKeys', { shown: this.formatNumber(shown) })}</text>`);
    return svg`${parts}`;
  }

  private renderMoved(s: RingState): TemplateResult {
    const c = s.change;
    return html`<section class="card moved" part="moved">
      <h3>${this.t('movedHeading')}</h3>
      ${c
        ? html`<p>${this.changeSentence(c)}</p>
            <div class="compare">
              <span>${this.t('consistent')}</span>
              <div class="bar-track"><div class="bar consistent" style="width:${(c.movedFraction * 100).toFixed(2)}%"></div></div>
              <span class="mono">${this.pct(c.movedFraction)}</span>
              <span>${this.t('modulo')}</span>
              <div class="bar-track"><div class="bar modulo" style="width:${(c.moduloMovedFraction * 100).toFixed(2)}%"></div></div>
              <span class="mono">${this.pct(c.moduloMovedFraction)}</span>
            </div>
            <p class="note" style="margin-top:0.375rem">${this.t('moduloNote', { moved: c.moduloMoved, pct: this.pct(c.moduloMovedFraction) })}</p>`
        : html`<p class="note">${this.t('noChange')}</p>`}
    </section>`;
  }

  private renderLoads(s: RingState): TemplateResult {
    const l = s.loads;
    const x = linear([0, Math.max(l.max, l.mean * 1.5, 1)], [0, 100]);
    const meanAt = x(l.mean);
    return html`<section class="card" part="loads">
      <h3>${this.t('loadsHeading')}</h3>
      <div class="loads" tabindex=${s.ring.nodes.length > 12 ? '0' : nothing} role=${s.ring.nodes.length > 12 ? 'group' : nothing} aria-label=${s.ring.nodes.length > 12 ? this.t('loadsHeading') : nothing}>
        ${s.ring.nodes.map(
          (n, i) => html`<span>${n.id}</span>
            <div class="bar-track" aria-hidden="true">
              <div class="bar" style="width:${x(l.counts[i]).toFixed(2)}%;background:${this.color(n.id)}"></div>
              <div class="mean-line" style="left:${meanAt.toFixed(2)}%"></div>
            </div>
            <span>${l.counts[i]}</span>`,
        )}
      </div>
      <p class="stats">${this.t('stats', { mean: this.formatNumber(l.mean, 1), max: l.max, ratio: this.formatNumber(l.maxOverMean, 2), sd: this.formatNumber(l.stdDev, 1) })}</p>
    </section>`;
  }

  private renderProbe(s: RingState): TemplateResult {
    const sc = this.scenario!;
    const key = this.probeKey;
    const walk = key ? s.ring.walk(key, sc.config.replication) : undefined;
    let replicaNo = 0;
    return html`<section class="card" part="probe">
      <h3>${this.t('probeHeading')}</h3>
      <div class="probe-form">
        <label class="sr-only" for="probe">${this.t('probeLabel')}</label>
        <input
          id="probe"
          type="text"
          .value=${key}
          placeholder=${this.t('probePlaceholder')}
          maxlength="200"
          autocomplete="off"
          spellcheck="false"
          @input=${(e: Event) => this.onProbe((e.target as HTMLInputElement).value, false)}
          @change=${(e: Event) => this.onProbe((e.target as HTMLInputElement).value, true)}
        />
      </div>
      ${walk
        ? html`<p class="note" style="margin-top:0.375rem">${this.t('hashOf', { hash: hex32(walk.hash), pct: this.pct(walk.hash / RING_SIZE) })}</p>
            <ol class="walk">
              ${walk.steps.slice(0, 12).map(
                (st) => html`<li>
                  <code>${st.node}#${s.ring.replica[st.point]}</code> @ <code>${hex32(st.position)}</code> →
                  ${st.counted ? html`<strong>${st.node}</strong> (${replicaNo++ === 0 ? this.t('owner') : this.t('replica', { n: replicaNo })})` : html`${st.node}`}
                </li>`,
              )}
            </ol>`
        : nothing}
    </section>`;
  }

  private renderTable(s: RingState): TemplateResult {
    const sc = this.scenario!;
    const r = sc.config.replication;
    const vn = new Array<number>(s.ring.nodes.length).fill(0);
    for (let p = 0; p < s.ring.size; p++) vn[s.ring.owners[p]]++;
    const moved = s.change?.moved ?? [];
    return html`<details part="table">
      <summary>${this.t('tableView')}</summary>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">${this.t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${this.t('colNode')}</th>
              <th scope="col" class="num">${this.t('colWeight')}</th>
              <th scope="col" class="num">${this.t('colVnodes')}</th>
              <th scope="col" class="num">${this.t('colShare')}</th>
              <th scope="col" class="num">${this.t('colKeys')}</th>
              ${r > 1 ? html`<th scope="col" class="num">${this.t('colReplicas')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${s.ring.nodes.map(
              (n, i) => html`<tr>
                <th scope="row">${n.id}</th>
                <td class="num">${n.weight}</td>
                <td class="num">${vn[i]}</td>
                <td class="num">${this.pct(s.loads.share[i])}</td>
                <td class="num">${s.loads.counts[i]}</td>
                ${r > 1 ? html`<td class="num">${s.loads.replicaCounts[i]}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
        ${moved.length
          ? html`<table style="margin-top:0.75rem">
              <caption style="text-align:left;font-weight:600">${this.t('movedCaption')}</caption>
              <thead>
                <tr><th scope="col">${this.t('colKey')}</th><th scope="col">${this.t('colFrom')}</th><th scope="col">${this.t('colTo')}</th></tr>
              </thead>
              <tbody>
                ${moved.slice(0, 50).map((m) => html`<tr><td class="mono">${m.key}</td><td>${m.from}</td><td>${m.to}</td></tr>`)}
              </tbody>
            </table>
            ${moved.length > 50 ? html`<p class="note">${this.t('moreMoved', { n: moved.length - 50 })}</p>` : nothing}`
          : nothing}
      </div>
    </details>`;
  }
}

if (!customElements.get('ls-consistent-hash-ring')) customElements.define('ls-consistent-hash-ring', LsConsistentHashRing);
