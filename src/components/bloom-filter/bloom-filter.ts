import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { TooltipController } from '../../core/tooltip.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { linear } from '../../core/scale.js';
import { vizStrings } from '../../core/strings.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import {
  BloomScenario,
  COUNTER_MAX,
  bestK,
  bloomConfigSchema,
  expectedFill,
  mForP,
  measureFprCurve,
  nAtFpr,
  optimalK,
  theoreticalFpr,
  type BloomActionType,
  type BloomChange,
  type BloomConfig,
  type BloomState,
  type FprPoint,
} from './model.js';
import { bloomStyles } from './styles.js';

export type { BloomAction, BloomChange, BloomConfig, BloomState } from './model.js';

export interface BloomActionDetail {
  type: BloomActionType;
  key: string;
  /** The key's k bit positions. */
  positions: number[];
  /** query: the filter said "probably present". */
  present?: boolean;
  /** query: probably present, but the key was never added. */
  falsePositive?: boolean;
  /** remove: keys in the set that now test negative. */
  falseNegatives?: string[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-bloom-action': CustomEvent<BloomActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-bloom-filter': LsBloomFilter;
  }
}

/** Up to this many bits each cell shows its index and value; up to SMALL_MAX, 32 small cells a row; beyond, a density strip. */
const CELLS_MAX = 128;
const SMALL_MAX = 512;
const STRIP_COLS = 64;
const STRIP_BINS = 1024;
const CURVE_POINTS = 16;
const CURVE_QUERIES = 1000;
/** The target rate for "bits needed for 1 %". */
const TARGET_P = 0.01;
const W = 360;
const H = 210;
const M = { l: 44, r: 12, t: 22, b: 34 };

/** `counting`, `counting="true"` → true; `counting="false"` → false; anything else is kept for the message. */
function boolAttr(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'string') return value ?? undefined;
  const s = value.trim().toLowerCase();
  return s === '' || s === 'true' || s === 'counting' ? true : s === 'false' ? false : value;
}

/** 1, 2, 2.5 or 5 × 10^e: a round step near `x`. */
function niceStep(x: number): number {
  const e = 10 ** Math.floor(Math.log10(x || 1));
  const f = x / e;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
}

const f1 = (n: number): string => n.toFixed(1);

/**
 * A Bloom filter of m bits and k hash functions: add keys and query them with their bit positions
 * shown, see "definitely not present" versus "probably present" (and when that is a false
 * positive), watch the measured false-positive rate follow (1 − e^(−kn/m))^k as the filter fills,
 * and, as a counting Bloom filter, remove keys — including the false negatives that removing a
 * never-added key causes.
 *
 * Configure with attributes (`m="64" k="3" counting seed="1"`), inline JSON, `src` or the `config`
 * property: `{ m, k, counting, seed, keys | keyCount, actions: [{ type: "add" | "remove" | "query",
 * key }], step, probe, title }`.
 *
 * Keyboard: type a key and press Enter to add it (or use Add, Query and Remove); on the bit array
 * and anywhere outside the text field, ←/→ step through the history, Space replays it, Home/End
 * jump. The bit positions of the last key are buttons: focus one for its facts, press it to select
 * that bit (who set it is listed below).
 *
 * @fires ls-bloom-action - a key was added, removed or queried by the reader or the API (not on replay); `detail: { type, key, positions, present?, falsePositive?, falseNegatives? }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart form - the key field with Add, Query and Remove
 * @csspart bits - the bit array (cells, or a density strip above 512 bits)
 * @csspart positions - the bit positions of the last key
 * @csspart result - what the current step did
 * @csspart stats - n, fill ratio, rates and the best k
 * @csspart chart - the measured-versus-theory chart
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart tooltip - the tooltip
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-bloom-bit-color - a set bit (default: --ls-accent)
 * @cssproperty --ls-bloom-bit-text - text on a set bit (default: --ls-accent-fg)
 * @cssproperty --ls-bloom-highlight - outline of the last key's bits (default: --ls-palette-2)
 * @cssproperty --ls-bloom-theory-color - the theoretical curve (default: --ls-accent)
 * @cssproperty --ls-bloom-measured-color - the measured points (default: --ls-palette-2)
 * @cssproperty --ls-accent - accent colour (buttons, set bits)
 * @cssproperty --ls-danger - zero bits that prove absence, false-positive and false-negative warnings
 * @cssproperty --ls-success - "definitely not present"
 * @cssproperty --ls-warning - "probably present"
 * @cssproperty --ls-duration - how long a newly set bit animates at 1× speed (default 600ms)
 */
export class LsBloomFilter extends LsElement<BloomConfig> {
  static override styles = [themeStyles, vizStyles, bloomStyles];

  static override properties = {
    ...LsElement.properties,
    m: { type: String },
    k: { type: String },
    counting: { type: String },
    seed: { type: String },
  };

  static override configProperties = ['m', 'k', 'counting', 'seed'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Bloom filter',
    bitsLabel: '{title}: {m} bits, {k} hash functions, {set} set ({pct}).',
    formHeading: 'Add or query a key',
    keyLabel: 'Key',
    keyPlaceholder: 'e.g. user:42',
    add: 'Add',
    query: 'Query',
    remove: 'Remove',
    previewState: '{key} → bits {list} (now: {verdict})',
    bitsHeading: 'Bits',
    countersHeading: 'Counters',
    positionsOf: 'Bits of {key}:',
    bitTip: 'Bit {i} = {v}',
    counterTip: 'Bit {i}: counter {c}{sat}',
    saturated: ' (saturated: stays at 15)',
    binTip: 'Bits {from}–{to}: {set} of {size} set',
    selected: 'Bit {i} is {v}.',
    selectedCounter: 'Bit {i} has counter {c}.',
    setBy: 'Keys in the set that hash here: {list}.',
    setByNone: 'No key in the set hashes here.',
    more: '…and {n} more',
    resultHeading: 'This step',
    startHint: 'Type a key and press Enter to add it, or press Query to test it.',
    absent: 'Definitely not present',
    present: 'Probably present',
    falsePositive: 'False positive',
    start: 'Start: {n} keys added, {set} of {m} bits set.',
    addedNew: 'Added {key}: {bits} set.',
    addedSome: 'Added {key}: {bits} set; {old} already set.',
    addedNone: 'Added {key}: all its bits ({old}) were already set, so the filter did not change.',
    bit: 'bit {list}',
    bits: 'bits {list}',
    wasSet: 'bit {list} was',
    wereSet: 'bits {list} were',
    queryAbsent: 'Query {key}: definitely not present — {zeros} 0, so it is not in the set.',
    isZero: 'bit {list} is',
    areZero: 'bits {list} are',
    queryPresent: 'Query {key}: probably present — all its bits are 1, and it is in the set.',
    queryFalse: 'Query {key}: probably present, but {key} was never added — a false positive. Other keys set bits {list}.',
    queryFalseRemoved: 'Query {key}: probably present, but {key} was removed — a false positive. Other keys still set bits {list}.',
    removed: 'Removed {key}: counters at {list} decremented; {cleared} cleared.',
    removedKept: 'Removed {key}: counters at {list} decremented; every bit is still set by other keys.',
    neverAdded: 'Warning: {key} was never added — it only tested positive — so removing it took counts that belong to other keys.',
    alreadyRemoved: 'Warning: {key} was already removed — it only tested positive — so removing it again took counts that belong to other keys.',
    falseNegative: 'Now {list} tests negative although it is in the set: a false negative.',
    falseNegatives: 'Now {list} test negative although they are in the set: false negatives.',
    stepAnnounce: 'Step {i} of {n}.',
    stepLabel: 'Step {i} of {n}: {what}',
    startLabel: 'Start: {n} keys',
    noActions: 'No actions yet',
    whatAdd: 'add {key}',
    whatRemove: 'remove {key}',
    whatQuery: 'query {key}',
    emptyKey: 'Type a key first.',
    cannotRemovePlain: 'Cannot remove {key}: a plain Bloom filter cannot delete (use a counting filter).',
    cannotRemoveAbsent: 'Cannot remove {key}: it is definitely not in the filter.',
    cannotRecord: 'Cannot record {key}: the key is too long or the history is full.',
    statsHeading: 'Now',
    statN: 'Keys in the set (n)',
    statFill: 'Bits set',
    statFillValue: '{set} of {m} ({pct}); expected {expected}',
    statFpr: 'False-positive rate (theory)',
    statK: 'Best k for this n',
    statKValue: '{best} (m/n · ln 2 = {exact}); you have k = {k}',
    statKNone: 'any — the filter is empty',
    statM: 'Bits for 1% at this n',
    statMValue: '{bits} ({perKey} per key)',
    chartHeading: 'False positives as n grows',
    chartLabel: 'Chart: measured false-positive rate versus the formula (1 − e^(−kn/m))^k for m = {m}, k = {k}, n from 0 to {nMax}. At n = {n} the formula gives {fpr}.',
    axisN: 'keys inserted (n)',
    axisFpr: 'false-positive rate',
    legendTheory: 'theory (1 − e^(−kn/m))^k',
    legendMeasured: 'measured: {q} never-added keys queried per point',
    legendTrials: 'measured: {q} never-added keys queried per point, over {t} filters',
    legendNow: 'now',
    tableKeys: 'Keys in the set',
    colKey: 'Key',
    colPositions: 'Bit positions',
    colCopies: 'Copies',
    colTests: 'Tests',
    tableHistory: 'History',
    colStep: 'Step',
    colAction: 'Action',
    colResult: 'Result',
    tableCurve: 'Measured and theoretical false-positive rate',
    colN: 'n',
    colMeasured: 'Measured',
    colTheory: 'Theory',
    colFill: 'Fill',
    resultAdded: '{n} new bits',
    resultRemoved: '{n} bits cleared',
  };

  /** Bits in the filter, 8–100 000 (attribute). */
  declare m: string | undefined;
  /** Hash functions, 1–16 (attribute). */
  declare k: string | undefined;
  /** A counting Bloom filter, with Remove (boolean attribute; `counting="false"` turns it off). */
  declare counting: string | boolean | undefined;
  /** Seed for generated keys and the false-positive experiment (attribute). */
  declare seed: string | undefined;

  private scenario?: BloomScenario;
  private draft = '';
  private selectedBit?: number;
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));
  private curveKey = '';
  private curve: FprPoint[] = [];

  private readonly player = new PlayerController(this, {
    length: () => this.scenario?.length ?? 0,
    onSeek: (pos) => this.announceStep(pos),
  });
  private readonly announcer = new Announcer(this);
  private readonly tooltip = new TooltipController(this);

  protected configSchema() {
    return bloomConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return { m: numberAttr(this.m), k: numberAttr(this.k), counting: boolAttr(this.counting), seed: numberAttr(this.seed) };
  }

  protected configure(config: BloomConfig): void {
    this.scenario = new BloomScenario(config);
    this.draft = config.probe ?? '';
    this.selectedBit = undefined;
    this.player.pause();
    this.player.position = config.step;
  }

  // ───────────── public API ─────────────

  /** The filter at the current step (bits, counters, the keys in the set, the last change), or undefined before a valid config. */
  get state(): BloomState | undefined {
    return this.scenario?.stateAt(this.player.position);
  }

  /** The k bit positions of `key` in this filter. */
  positions(key: string): number[] {
    return this.scenario?.positions(key) ?? [];
  }

  /** The filter's answer at the current step: true is "probably present", false "definitely not present". */
  mightContain(key: string): boolean {
    const s = this.state;
    return !!s && s.filter.allSet(this.positions(key));
  }

  /** Add a key (a new step; later history is discarded). Returns what changed, or null. */
  addKey(key: string): BloomChange | null {
    return this.record('add', key);
  }

  /** Query a key (recorded as a step). Returns the answer, or null. */
  queryKey(key: string): BloomChange | null {
    return this.record('query', key);
  }

  /** Counting filters: remove a key. Null (and announced why) on a plain filter or when the key is definitely absent. */
  removeKey(key: string): BloomChange | null {
    return this.record('remove', key);
  }

  /** The run so far as JSON config; set it as `config` to reproduce this exact filter and step. */
  exportScenario(): Record<string, unknown> {
    const out = this.scenario?.toJSON(this.player.position) ?? {};
    if (this.draft) out.probe = this.draft;
    else delete out.probe;
    return out;
  }

  // ───────────── behaviour ─────────────

  private record(type: BloomActionType, raw: string): BloomChange | null {
    const sc = this.scenario;
    if (!sc) return null;
    const key = String(raw ?? '');
    if (!key.trim()) {
      this.announcer.announce(this.t('emptyKey'));
      return null;
    }
    if (type === 'remove') {
      const problem = sc.removeProblem(this.player.position, key);
      if (problem) {
        this.announcer.announce(this.t(problem === 'not-counting' ? 'cannotRemovePlain' : 'cannotRemoveAbsent', { key }));
        return null;
      }
    }
    const next = sc.withAction(this.player.position, { type, key });
    if (!next) {
      this.announcer.announce(this.t('cannotRecord', { key: key.slice(0, 40) }));
      return null;
    }
    this.player.pause();
    this.scenario = next;
    this.player.refresh();
    this.player.position = next.length - 1;
    this.player.seek(next.length); // announces
    const change = next.stateAt(next.length).change!;
    const detail: BloomActionDetail = { type, key, positions: [...change.positions] };
    if (type === 'query') Object.assign(detail, { present: change.present, falsePositive: change.falsePositive });
    if (type === 'remove') detail.falseNegatives = [...(change.falseNegatives ?? [])];
    this.dispatchEvent(new CustomEvent('ls-bloom-action', { detail, bubbles: true, composed: true }));
    return change;
  }

  private submit(type: BloomActionType): void {
    const change = this.record(type, this.draft);
    if (change && type !== 'query') this.draft = '';
    this.requestUpdate();
  }

  private pct(x: number): string {
    const v = x * 100;
    return `${this.formatNumber(v, v === 0 || v >= 10 ? 0 : v >= 1 ? 1 : 2)}%`;
  }

  /** A list of bit positions (plain digits: they are indexes) or keys. */
  private list(items: readonly (number | string)[], max = 16): string {
    const shown = items.slice(0, max).map(String);
    return items.length > max ? `${shown.join(', ')} ${this.t('more', { n: items.length - max })}` : shown.join(', ');
  }

  private bitsPhrase(list: readonly number[], one: string, many: string): string {
    return this.t(list.length === 1 ? one : many, { list: this.list(list) });
  }

  /** Distinct positions in ascending order (how the sentences and chips list them). */
  private unique(pos: readonly number[]): number[] {
    return [...new Set(pos)].sort((a, b) => a - b);
  }

  /** The sentence for what a step did. */
  private changeSentence(c: BloomChange, s: BloomState): string {
    const key = c.action.key;
    const distinct = this.unique(c.positions);
    if (c.action.type === 'add') {
      const fresh = new Set(c.flipped);
      const old = distinct.filter((p) => !fresh.has(p));
      if (!c.flipped.length) return this.t('addedNone', { key, old: this.list(old) });
      const bits = this.bitsPhrase(this.unique(c.flipped), 'bit', 'bits');
      return old.length ? this.t('addedSome', { key, bits, old: this.bitsPhrase(old, 'wasSet', 'wereSet') }) : this.t('addedNew', { key, bits });
    }
    if (c.action.type === 'query') {
      if (!c.present) return this.t('queryAbsent', { key, zeros: this.bitsPhrase(distinct.filter((p) => !s.filter.bits[p]), 'isZero', 'areZero') });
      return c.falsePositive ? this.t(this.everAdded(key, s.step) ? 'queryFalseRemoved' : 'queryFalse', { key, list: this.list(distinct) }) : this.t('queryPresent', { key });
    }
    let text = c.flipped.length
      ? this.t('removed', { key, list: this.list(distinct), cleared: this.bitsPhrase(this.unique(c.flipped), 'bit', 'bits') })
      : this.t('removedKept', { key, list: this.list(distinct) });
    if (c.neverAdded) text += ` ${this.notInSetSentence(key, s.step)}`;
    if (c.falseNegatives?.length) text += ` ${this.falseNegativeSentence(c.falseNegatives)}`;
    return text;
  }

  /** Was `key` added (initially or by an action) before `step`? */
  private everAdded(key: string, step: number): boolean {
    const c = this.scenario!.config;
    return c.actions.slice(0, step - 1).some((a) => a.type === 'add' && a.key === key) || c.keys.includes(key);
  }

  private notInSetSentence(key: string, step: number): string {
    return this.t(this.everAdded(key, step) ? 'alreadyRemoved' : 'neverAdded', { key });
  }

  private falseNegativeSentence(keys: readonly string[]): string {
    return this.t(keys.length === 1 ? 'falseNegative' : 'falseNegatives', { list: this.list(keys, 5) });
  }

  private startSentence(s: BloomState): string {
    return this.t('start', { n: this.formatNumber(s.n), set: this.formatNumber(s.filter.setCount), m: this.formatNumber(s.filter.m) });
  }

  private announceStep(pos: number): void {
    const s = this.scenario?.stateAt(pos);
    if (!s) return;
    this.announcer.announce(s.change ? `${this.t('stepAnnounce', { i: pos, n: this.scenario!.length })} ${this.changeSentence(s.change, s)}` : this.startSentence(s));
  }



  private bitTip(s: BloomState, i: number): string {
    const c = s.filter.counters;
    return c ? this.t('counterTip', { i, c: c[i], sat: c[i] === COUNTER_MAX ? this.t('saturated') : '' }) : this.t('bitTip', { i, v: s.filter.bits[i] });
  }

  private keysAt(s: BloomState, bit: number): string[] {
    const out: string[] = [];
    for (const key of s.members.keys()) if (this.positions(key).includes(bit)) out.push(key);
    return out;
  }

  private selectBit(i: number | undefined): void {
    this.selectedBit = this.selectedBit === i ? undefined : i;
    this.requestUpdate();
  }

  /** The experiment, recomputed only when m, k, the seed or the x range change. */
  private curveFor(c: BloomConfig): { points: FprPoint[]; nMax: number; trials: number } {
    const adds = c.keys.length + c.actions.filter((a) => a.type === 'add').length;
    const want = Math.max(8, nAtFpr(c.m, c.k, 0.5), adds * 1.1);
    const nMax = Math.min(200_000, Math.ceil(want / niceStep(want / 4)) * niceStep(want / 4));
    // Small filters scatter widely from one to the next: average several so the points show the mean.
    const trials = Math.min(16, Math.max(1, Math.round(4096 / c.m)));
    const key = `${c.m}|${c.k}|${c.seed}|${nMax}`;
    if (key !== this.curveKey) {
      this.curveKey = key;
      this.curve = measureFprCurve({ m: c.m, k: c.k, seed: c.seed, nMax, points: CURVE_POINTS, queries: CURVE_QUERIES, trials });
    }
    return { points: this.curve, nMax, trials };
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const s = sc.stateAt(this.player.position);
    const still = this.player.reducedMotion;
    const dur = still ? 0 : Math.round(600 / this.player.speed);
    if (this.selectedBit !== undefined && this.selectedBit >= c.m) this.selectedBit = undefined;
    return html`<div class="frame ${still ? 'still' : ''}" style="--_dur: calc(var(--_duration) * ${dur / 600})" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="main">
        <div class="col">
          ${this.renderForm(s)}
          <section class="card bitcard">
            <h3 id="bits-h">${this.t(c.counting ? 'countersHeading' : 'bitsHeading')}</h3>
            ${this.renderBits(s)} ${this.renderPositions(s)}
          </section>
          ${this.renderResult(s)}
        </div>
        <div class="col">${this.renderStats(s)} ${this.renderChart(s)}</div>
      </div>
      ${renderPlayer(this.player, this.playerLabel(s), this.strings, this.theme)} ${this.renderTable(s)}
      ${this.copier.render()}
      ${this.tooltip.render()} ${this.announcer.render()}
    </div>`;
  }

  private playerLabel(s: BloomState): string {
    const n = this.scenario!.length;
    if (!n) return this.t('noActions');
    if (!s.change) return this.t('startLabel', { n: this.formatNumber(s.n) });
    const a = s.change.action;
    const what = this.t(a.type === 'add' ? 'whatAdd' : a.type === 'remove' ? 'whatRemove' : 'whatQuery', { key: a.key });
    return this.t('stepLabel', { i: s.step, n, what });
  }

  private renderForm(s: BloomState): TemplateResult {
    const key = this.draft;
    const pos = key.trim() ? this.unique(this.positions(key)) : [];
    const verdict = key.trim() ? this.t(s.filter.allSet(pos) ? 'present' : 'absent').toLowerCase() : '';
    return html`<section class="card" part="form">
      <h3 id="form-h">${this.t('formHeading')}</h3>
      <div class="form">
        <label class="sr-only" for="key">${this.t('keyLabel')}</label>
        <input
          id="key"
          type="text"
          .value=${key}
          placeholder=${this.t('keyPlaceholder')}
          maxlength="200"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="preview"
          @input=${(e: Event) => {
            this.draft = (e.target as HTMLInputElement).value;
            this.requestUpdate();
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && !e.isComposing) {
              e.preventDefault();
              this.submit('add');
            }
          }}
        />
        <button class="primary" @click=${() => this.submit('add')}>${this.t('add')}</button>
        <button @click=${() => this.submit('query')}>${this.t('query')}</button>
        ${this.scenario!.config.counting ? html`<button @click=${() => this.submit('remove')}>${this.t('remove')}</button>` : nothing}
      </div>
      <p class="note preview" id="preview">${pos.length ? this.t('previewState', { key, list: this.list(pos), verdict }) : nothing}</p>
    </section>`;
  }

  /** Positions to mark: the last key's (hit), its zero bits on a negative query, the typed key's (preview). */
  private marks(s: BloomState): { hit: Set<number>; zero: Set<number>; fresh: Set<number>; pre: Set<number> } {
    const ch = s.change;
    const hit = new Set(ch?.positions ?? []);
    const zero = new Set(ch?.action.type === 'query' && !ch.present ? ch.positions.filter((p) => !s.filter.bits[p]) : []);
    const fresh = new Set(ch?.action.type === 'add' ? ch.flipped : []);
    const pre = new Set(this.draft.trim() ? this.positions(this.draft) : []);
    return { hit, zero, fresh, pre };
  }

  private renderBits(s: BloomState): TemplateResult {
    const f = s.filter;
    const c = this.scenario!.config;
    const label = `${this.t('bitsLabel', { title: c.title || this.t('title'), m: this.formatNumber(f.m), k: f.k, set: this.formatNumber(f.setCount), pct: this.pct(f.fill) })}${s.change ? ' ' + this.changeSentence(s.change, s) : ''}`;
    if (f.m > SMALL_MAX) return this.renderStrip(s, label);
    const mk = this.marks(s);
    const cells = f.m <= CELLS_MAX;
    const out: TemplateResult[] = [];
    for (let i = 0; i < f.m; i++) {
      if (!cells && i % 32 === 0) out.push(html`<span class="row">${i}</span>`);
      const cls = `cell${f.bits[i] ? ' on' : ''}${mk.zero.has(i) ? ' zero' : mk.hit.has(i) ? ' hit' : ''}${mk.fresh.has(i) ? ' new' : ''}${mk.pre.has(i) ? ' pre' : ''}${this.selectedBit === i ? ' sel' : ''}`;
      out.push(
        cells
          ? html`<div class=${cls} data-i=${i}><span class="i">${i}</span><span class="v">${f.counters ? f.counters[i] : f.bits[i]}</span></div>`
          : html`<div class=${cls} data-i=${i}></div>`,
      );
    }
    return html`<div
      class="bits ${cells ? 'cells' : 'small'}"
      part="bits"
      role="img"
      tabindex="0"
      aria-label=${label}
      @pointerover=${(e: Event) => this.onBitPointer(e, s)}
      @pointerleave=${() => this.tooltip.hide()}
      @click=${(e: Event) => {
        const cell = (e.target as Element).closest?.('[data-i]') as HTMLElement | null;
        if (cell) this.selectBit(Number(cell.dataset.i));
      }}
    >
      ${out}
    </div>`;
  }

  private onBitPointer(e: Event, s: BloomState): void {
    const cell = (e.target as Element).closest?.('[data-i]') as HTMLElement | null;
    if (cell) this.tooltip.show(cell, this.bitTip(s, Number(cell.dataset.i)));
  }

  /** Above 512 bits: up to 1024 bins in rows of 64, each shaded by the fraction of its bits that are set. */
  private renderStrip(s: BloomState, label: string): TemplateResult {
    const f = s.filter;
    const bins = Math.min(f.m, STRIP_BINS);
    const startOf = (b: number) => Math.ceil((b * f.m) / bins);
    const mk = this.marks(s);
    const marked = new Map<number, string>();
    const binOf = (p: number) => Math.floor((p * bins) / f.m);
    for (const p of mk.pre) marked.set(binOf(p), ' pre');
    for (const p of mk.hit) marked.set(binOf(p), mk.zero.has(p) ? ' zero' : ' hit');
    if (this.selectedBit !== undefined) marked.set(binOf(this.selectedBit), ' sel');
    const out: TemplateResult[] = [];
    for (let b = 0; b < bins; b++) {
      const from = startOf(b);
      const to = startOf(b + 1);
      if (b % STRIP_COLS === 0) out.push(html`<span class="row">${(b / STRIP_COLS) % 2 ? '' : from}</span>`);
      let set = 0;
      for (let p = from; p < to; p++) set += f.bits[p];
      const share = set ? Math.round(25 + (75 * set) / (to - from)) : 0;
      out.push(html`<div class="bin${marked.get(b) ?? ''}" data-from=${from} data-to=${to - 1} data-set=${set} style="--_share:${share}%"></div>`);
    }
    return html`<div
      class="bits strip"
      part="bits"
      role="img"
      tabindex="0"
      aria-label=${label}
      @pointerover=${(e: Event) => {
        const bin = (e.target as Element).closest?.('[data-from]') as HTMLElement | null;
        const d = bin?.dataset;
        if (d) this.tooltip.show(bin!, this.t('binTip', { from: d.from!, to: d.to!, set: d.set!, size: Number(d.to) - Number(d.from) + 1 }));
      }}
      @pointerleave=${() => this.tooltip.hide()}
    >
      ${out}
    </div>`;
  }

  private renderPositions(s: BloomState): TemplateResult | typeof nothing {
    const ch = s.change;
    const sel = this.selectedBit;
    const selLine =
      sel === undefined
        ? nothing
        : html`<p class="note" style="margin-top:0.375rem">
            ${s.filter.counters ? this.t('selectedCounter', { i: sel, c: s.filter.counters[sel] }) : this.t('selected', { i: sel, v: s.filter.bits[sel] })}
            ${(() => {
              const keys = this.keysAt(s, sel);
              return keys.length ? this.t('setBy', { list: this.list(keys, 8) }) : this.t('setByNone');
            })()}
          </p>`;
    if (!ch) return selLine;
    const zero = ch.action.type === 'query' && !ch.present;
    const f = s.filter;
    return html`<ul class="chips" part="positions" aria-label=${this.t('positionsOf', { key: ch.action.key })}>
        <li class="note" aria-hidden="true">${this.t('positionsOf', { key: ch.action.key })}</li>
        ${this.unique(ch.positions).map((p) => {
          const v = f.counters ? `×${f.counters[p]}` : String(f.bits[p]);
          const tip = this.bitTip(s, p);
          return html`<li>
            <button
              class="chip ${zero && !f.bits[p] ? 'zero' : ''}"
              data-bit=${p}
              aria-pressed=${sel === p ? 'true' : 'false'}
              @click=${() => this.selectBit(p)}
              @pointerenter=${(e: Event) => this.tooltip.show(e.currentTarget as Element, tip)}
              @pointerleave=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
              @focus=${(e: Event) => this.tooltip.show(e.currentTarget as Element, tip)}
              @blur=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
            >
              <span class="sr-only">${tip}</span><span aria-hidden="true">${p} → ${v}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${selLine}`;
  }

  private renderResult(s: BloomState): TemplateResult {
    const ch = s.change;
    let body: TemplateResult;
    if (!ch) body = html`<p>${this.startSentence(s)}</p><p class="note">${this.t('startHint')}</p>`;
    else if (ch.action.type === 'query') {
      const cls = !ch.present ? 'absent' : ch.falsePositive ? 'fp' : 'present';
      body = html`<p>
        <span class="verdict ${cls}">${this.t(ch.present ? 'present' : 'absent')}</span>${ch.falsePositive ? html`<span class="verdict fp">${this.t('falsePositive')}</span>` : nothing}
      </p>
      <p style="margin-top:0.375rem">${this.changeSentence(ch, s)}</p>`;
    } else if (ch.action.type === 'remove' && (ch.neverAdded || ch.falseNegatives?.length)) {
      const c2 = { ...ch, neverAdded: false, falseNegatives: [] };
      body = html`<p>${this.changeSentence(c2, s)}</p>
        <p class="warn" role="note">
          ${ch.neverAdded ? this.notInSetSentence(ch.action.key, s.step) : nothing}
          ${ch.falseNegatives?.length ? this.falseNegativeSentence(ch.falseNegatives) : nothing}
        </p>`;
    } else body = html`<p>${this.changeSentence(ch, s)}</p>`;
    return html`<section class="card result" part="result">
      <h3 id="result-h">${this.t('resultHeading')}</h3>
      ${body}
    </section>`;
  }

  private renderStats(s: BloomState): TemplateResult {
    const f = s.filter;
    const n = s.n;
    const exact = n ? optimalK(f.m, n) : Infinity;
    return html`<section class="card" part="stats">
      <h3 id="stats-h">${this.t('statsHeading')}</h3>
      <dl class="stats">
        <dt>${this.t('statN')}</dt>
        <dd>${this.formatNumber(n)}</dd>
        <dt>${this.t('statFill')}</dt>
        <dd>${this.t('statFillValue', { set: this.formatNumber(f.setCount), m: this.formatNumber(f.m), pct: this.pct(f.fill), expected: this.pct(expectedFill(f.m, f.k, n)) })}</dd>
        <dt>${this.t('statFpr')}</dt>
        <dd>${this.pct(theoreticalFpr(f.m, f.k, n))}</dd>
        <dt>${this.t('statK')}</dt>
        <dd>${n ? this.t('statKValue', { best: bestK(f.m, n), exact: this.formatNumber(exact, 1), k: f.k }) : this.t('statKNone')}</dd>
        ${n
          ? html`<dt>${this.t('statM')}</dt>
              <dd>${this.t('statMValue', { bits: this.formatNumber(mForP(n, TARGET_P)), perKey: this.formatNumber(mForP(n, TARGET_P) / n, 1) })}</dd>`
          : nothing}
      </dl>
    </section>`;
  }

  private renderChart(s: BloomState): TemplateResult {
    const c = this.scenario!.config;
    const { points, nMax, trials } = this.curveFor(c);
    const nowFpr = theoreticalFpr(c.m, c.k, s.n);
    const top = Math.max(theoreticalFpr(c.m, c.k, nMax), ...points.map((p) => p.measured), nowFpr) * 1.04;
    const yMax = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1].find((v) => v >= top) ?? 1;
    const x = linear([0, nMax], [M.l, W - M.r]);
    const y = linear([0, yMax], [H - M.b, M.t]);
    const parts: SVGTemplateResult[] = [];
    for (let i = 0; i <= 4; i++) {
      const v = (yMax * i) / 4;
      parts.push(svg`<line class="grid" x1=${M.l} x2=${W - M.r} y1=${f1(y(v))} y2=${f1(y(v))}></line>`);
      parts.push(svg`<text x=${M.l - 4} y=${f1(y(v) + 3)} text-anchor="end">${this.pct(v)}</text>`);
    }
    const xs = niceStep(nMax / 4);
    for (let v = 0; v <= nMax + 1e-9; v += xs) {
      parts.push(svg`<line class="axis" x1=${f1(x(v))} x2=${f1(x(v))} y1=${H - M.b} y2=${H - M.b + 4}></line>`);
      parts.push(svg`<text x=${f1(x(v))} y=${H - M.b + 14} text-anchor="middle">${this.formatNumber(v)}</text>`);
    }
    parts.push(svg`<line class="axis" x1=${M.l} x2=${W - M.r} y1=${H - M.b} y2=${H - M.b}></line>`);
    parts.push(svg`<text x=${(M.l + W - M.r) / 2} y=${H - 4} text-anchor="middle">${this.t('axisN')}</text>`);
    let d = '';
    for (let i = 0; i <= 80; i++) {
      const n = (nMax * i) / 80;
      d += `${i ? 'L' : 'M'}${f1(x(n))} ${f1(y(theoreticalFpr(c.m, c.k, n)))}`;
    }
    parts.push(svg`<path class="theory" d=${d}></path>`);
    for (const p of points) parts.push(svg`<circle class="measured" cx=${f1(x(p.n))} cy=${f1(y(p.measured))} r="3"></circle>`);
    if (s.n <= nMax) {
      const nx = x(s.n);
      parts.push(svg`<line class="now" x1=${f1(nx)} x2=${f1(nx)} y1=${M.t} y2=${H - M.b}></line>`);
      parts.push(svg`<circle class="now-dot" cx=${f1(nx)} cy=${f1(y(nowFpr))} r="3.5"></circle>`);
      parts.push(svg`<text class="now-label" x=${f1(nx + (nx > W * 0.7 ? -4 : 4))} y=${M.t + 8} text-anchor=${nx > W * 0.7 ? 'end' : 'start'}>${this.t('legendNow')}: n = ${this.formatNumber(s.n)}</text>`);
    }
    const label = this.t('chartLabel', { m: this.formatNumber(c.m), k: c.k, nMax: this.formatNumber(nMax), n: this.formatNumber(s.n), fpr: this.pct(nowFpr) });
    return html`<section class="card" part="chart">
      <h3 id="chart-h">${this.t('chartHeading')}</h3>
      <svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
        <text x="2" y="10">${this.t('axisFpr')}</text>
        ${parts}
      </svg>
      <ul class="legend">
        <li><span class="key-line" aria-hidden="true"></span>${this.t('legendTheory')}</li>
        <li><span class="key-dot" aria-hidden="true"></span>${this.t(trials > 1 ? 'legendTrials' : 'legendMeasured', { q: this.formatNumber(CURVE_QUERIES * trials), t: trials })}</li>
      </ul>
    </section>`;
  }

  private renderTable(s: BloomState): TemplateResult {
    const sc = this.scenario!;
    const counting = sc.config.counting;
    const members = [...s.members];
    const actions = sc.config.actions;
    const history = sc.history();
    const cap = 200;
    const { points } = this.curveFor(sc.config);
    return html`<details part="table">
      <summary>${this.t('tableView')}</summary>
      <div class="table-wrap">
        <h4>${this.t('tableKeys')}</h4>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('colKey')}</th>
              <th scope="col">${this.t('colPositions')}</th>
              ${counting ? html`<th scope="col" class="num">${this.t('colCopies')}</th>` : nothing}
              <th scope="col">${this.t('colTests')}</th>
            </tr>
          </thead>
          <tbody>
            ${members.slice(0, cap).map(
              ([key, copies]) => html`<tr>
                <td class="mono">${key}</td>
                <td class="mono">${this.positions(key).join(', ')}</td>
                ${counting ? html`<td class="num">${copies}</td>` : nothing}
                <td>${this.t(s.filter.allSet(this.positions(key)) ? 'present' : 'absent')}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${members.length > cap ? html`<p class="note">${this.t('more', { n: this.formatNumber(members.length - cap) })}</p>` : nothing}
        ${actions.length
          ? html`<h4>${this.t('tableHistory')}</h4>
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">${this.t('colStep')}</th>
                    <th scope="col">${this.t('colAction')}</th>
                    <th scope="col">${this.t('colKey')}</th>
                    <th scope="col">${this.t('colResult')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${actions.slice(0, cap).map((a, i) => {
                    const ch = history[i];
                    const result =
                      a.type === 'query'
                        ? `${this.t(ch.present ? 'present' : 'absent')}${ch.falsePositive ? ` (${this.t('falsePositive').toLowerCase()})` : ''}`
                        : this.t(a.type === 'add' ? 'resultAdded' : 'resultRemoved', { n: ch.flipped.length });
                    return html`<tr aria-current=${i + 1 === s.step ? 'step' : nothing}>
                      <td class="num">${i + 1}</td>
                      <td>${this.t(a.type)}</td>
                      <td class="mono">${a.key}</td>
                      <td>${result}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
          : nothing}
        <h4>${this.t('tableCurve')}</h4>
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">${this.t('colN')}</th>
              <th scope="col" class="num">${this.t('colFill')}</th>
              <th scope="col" class="num">${this.t('colMeasured')}</th>
              <th scope="col" class="num">${this.t('colTheory')}</th>
            </tr>
          </thead>
          <tbody>
            ${points.map(
              (p) => html`<tr>
                <td class="num">${this.formatNumber(p.n)}</td>
                <td class="num">${this.pct(p.fill)}</td>
                <td class="num">${this.pct(p.measured)} (${p.falsePositives}/${p.queries})</td>
                <td class="num">${this.pct(p.theory)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}

if (!customElements.get('ls-bloom-filter')) customElements.define('ls-bloom-filter', LsBloomFilter);
