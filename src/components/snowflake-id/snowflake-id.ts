import { html, nothing, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { vizStrings } from '../../core/strings.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { formatIssue, parse, type ConfigIssue } from '../../core/validate.js';
import {
  SnowflakeScenario,
  base62Steps,
  bitString,
  charsFor,
  compareSchemes,
  decompose,
  exhaustedAt,
  fields,
  fromBase62,
  isoTime,
  lifetimeYears,
  parseId,
  snowflakeConfigSchema,
  toBase62,
  type Decoded,
  type FieldName,
  type IdStep,
  type SnowflakeConfig,
} from './model.js';
import { snowflakeStyles } from './styles.js';

export type { IdStep, SnowflakeConfig, Decoded } from './model.js';

export interface SnowflakeDecodeDetail {
  /** What the reader typed. */
  input: string;
  /** The id in decimal (a string: 64-bit integers do not fit in a JS number). */
  id: string;
  /** The id in base62. */
  code: string;
  /** Milliseconds since the epoch, and the Unix time and ISO date they stand for. */
  ts: number;
  unixMs: number;
  iso: string;
  machine: number;
  sequence: number;
}

export interface SnowflakeLayoutDetail {
  timeBits: number;
  machineBits: number;
  sequenceBits: number;
  epoch: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-snowflake-id-decode': CustomEvent<SnowflakeDecodeDetail>;
    'ls-snowflake-id-layout': CustomEvent<SnowflakeLayoutDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-snowflake-id': LsSnowflakeId;
  }
}

const FIELD_INPUTS = ['timeBits', 'machineBits', 'sequenceBits', 'epoch'] as const;
type FieldInput = (typeof FIELD_INPUTS)[number];
const RECENT = 6;
const TABLE_CAP = 200;

/**
 * Snowflake ids: the 64-bit layout (sign, milliseconds since an epoch, machine id, sequence) drawn
 * as coloured bit fields with editable widths and epoch; several workers generating ids over
 * seeded, simulated time — with a sequence that runs out within one millisecond (the worker waits
 * for the next) and a clock stepped backwards (the worker waits or refuses); a decoder for any id;
 * a comparison with UUIDv4, UUIDv7 and ULID (bits, order, size as text, birthday-bound collision
 * odds); and a base62 mode that turns an id into a short-URL code.
 *
 * Configure with attributes (`mode="base62" epoch="…" time-bits="41" machine-bits="10"
 * sequence-bits="12" seed="1"`), inline JSON, `src` or the `config` property: `{ mode, timeBits,
 * machineBits, sequenceBits, epoch, startTime, workers, seed, requests, maxGap, events: [{ type:
 * "generate", worker, count } | { type: "tick", ms } | { type: "clockBack", worker, ms }],
 * onBackwards: "wait" | "refuse", maxWait, total, perMs, step, decode, title }`.
 *
 * Keyboard: ←/→ step through the generated ids, Space plays, Home/End jump (anywhere outside a
 * text field); edit a width or the epoch and press Enter to apply it; type an id (or a base62 code)
 * and press Enter to decode it.
 *
 * @fires ls-snowflake-id-decode - the reader decoded an id or code; `detail: { input, id, code, ts, unixMs, iso, machine, sequence }`
 * @fires ls-snowflake-id-layout - the reader applied new bit widths or epoch; `detail: { timeBits, machineBits, sequenceBits, epoch }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title
 * @csspart bits - the 64 bits of the current id
 * @csspart layout - the width and epoch form
 * @csspart result - what the current step did
 * @csspart workers - the workers' clocks and sequences
 * @csspart decode - the decoder
 * @csspart base62 - the base62 encoding (base62 mode)
 * @csspart compare - the comparison with UUIDv4, UUIDv7 and ULID
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @csspart player-controls - the playback bar (forwarded from `<ls-player-controls>`)
 * @csspart player-button - each playback button
 * @csspart player-slider - the position slider
 * @cssproperty --ls-snowflake-time - the time field (default: --ls-palette-1)
 * @cssproperty --ls-snowflake-machine - the machine field (default: --ls-palette-2)
 * @cssproperty --ls-snowflake-sequence - the sequence field (default: --ls-palette-3)
 * @cssproperty --ls-accent - buttons and the current worker
 * @cssproperty --ls-danger - refusals and invalid widths
 * @cssproperty --ls-warning - waits (sequence overflow, clock behind)
 * @cssproperty --ls-duration - how long a new id's bits animate at 1× speed (default 600ms)
 */
export class LsSnowflakeId extends LsElement<SnowflakeConfig> {
  static override styles = [themeStyles, vizStyles, snowflakeStyles];

  static override properties = {
    ...LsElement.properties,
    mode: { type: String },
    epoch: { type: String },
    seed: { type: String },
    timeBits: { type: String, attribute: 'time-bits' },
    machineBits: { type: String, attribute: 'machine-bits' },
    sequenceBits: { type: String, attribute: 'sequence-bits' },
  };

  static override configProperties = ['mode', 'epoch', 'seed', 'timeBits', 'machineBits', 'sequenceBits'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Snowflake ids',
    modeLabel: 'View',
    modeSnowflake: 'Id layout',
    modeBase62: 'Base62 short codes',
    bitsHeading: 'The 64 bits',
    bitsLabel: 'Id {id} in binary: {fields}.',
    bitsEmpty: 'No id yet: the bits show the layout.',
    fieldSign: 'sign',
    fieldTime: 'time',
    fieldMachine: 'machine',
    fieldSequence: 'sequence',
    fieldPart: '{name} {bits} bits = {value}',
    layoutHeading: 'Layout',
    timeBits: 'Time bits',
    machineBits: 'Machine bits',
    sequenceBits: 'Sequence bits',
    epochLabel: 'Epoch (Unix ms)',
    apply: 'Apply',
    layoutSum: '1 + {t} + {m} + {s} = {sum} bits',
    capTime: '2^{t} ms ≈ {years} years: ids run out {when}.',
    capAt: 'at {iso}',
    capNever: 'after year 9999',
    capMachine: '{n} machine ids',
    capSeq: '{n} ids per ms per worker ({perSec}/s)',
    layoutApplied: 'Layout {t}/{m}/{s} bits with epoch {epoch} applied: {n} steps regenerated.',
    resultHeading: 'This step',
    start: '{n} workers (machine ids {list}) are ready; the clock starts at {iso}. Step forward to generate ids.',
    genId: 'Worker {w} generated {id}: ms {ts}, machine {w}, sequence {seq}.',
    overflow: 'Its {per} sequence numbers for ms {prev} were used up, so it waited for the next millisecond.',
    backWait: 'Its clock was {ms} ms behind the last id, so it waited {ms} ms for it to catch up.',
    refused: 'Worker {w} refused: its clock reads {ms} ms before its last id. Reusing that millisecond could repeat ids.',
    tick: 'The clock advanced {ms} ms.',
    clockBack: 'Worker {w}’s clock was stepped back {ms} ms (as NTP may do).',
    stepAnnounce: 'Step {i} of {n}.',
    stepLabel: 'Step {i} of {n}',
    noSteps: 'No steps',
    workersHeading: 'Workers',
    colWorker: 'Machine',
    colClock: 'Clock',
    colLastMs: 'Last id',
    workersNote: 'Times in ms since the simulated start ({iso}); ms in ids count from the epoch.',
    colSeq: 'Seq',
    colIds: 'Ids',
    offset: '{ms} ms',
    recentHeading: 'Latest ids',
    decodeHeading: 'Decode an id',
    decodeLabel: 'Id (decimal)',
    decodeCodeLabel: 'Short code (base62)',
    decode: 'Decode',
    decodeHint: 'Paste an id from the list or type any 64-bit integer.',
    decodeTs: 'Time',
    decodeTsValue: '{ts} ms after the epoch = {iso}',
    decodeMachine: 'Machine',
    decodeSeq: 'Sequence',
    decodeId: 'Id',
    decodeCode: 'Base62',
    decodeBad: 'Cannot decode: {why}.',
    decoded: 'Decoded {id}: {iso}, machine {m}, sequence {s}.',
    b62Heading: 'Base62 for a URL shortener',
    b62Intro: 'Divide by 62 until 0 (each row’s n is the last row’s n ÷ 62); the remainders, read upwards, are the code in the alphabet 0-9a-zA-Z.',
    b62None: 'Step forward to generate an id to encode.',
    colN: 'n',
    colR: 'n mod 62',
    colChar: 'char',
    b62Result: '{id} → {code} ({len} characters)',
    b62Facts: 'A 63-bit id needs up to {max} characters; 7 characters hold 62^7 ≈ 3.52 × 10^12 codes, so a plain counter gives shorter codes.',
    compareHeading: 'Compared with UUIDs and ULID',
    colScheme: 'Scheme',
    colBits: 'Bits',
    colSort: 'Time-sorted',
    colText: 'As text',
    colOdds: 'Collision odds',
    yes: 'yes',
    no: 'no',
    textChars: '{n} chars',
    oddsNone: '0 *',
    compareNote: 'Text: Snowflake in decimal ({b62} in base62), UUIDs in hex with dashes, ULID in Crockford base32. Odds: the birthday bound 1 − e^(−n(n−1)/2^(b+1)) over the random bits b (UUIDv4 122 over {total} ids; UUIDv7 74 and ULID 80 among {perMs} ids in the same ms). * Snowflake cannot collide while machine ids are unique.',
    tableIds: 'Generated ids',
    colStep: 'Step',
    colId: 'Id',
    colMs: 'ms',
    colEvent: 'Event',
    more: '…and {n} more',
  };

  /** `snowflake` (default) or `base62` (attribute). */
  declare mode: string | undefined;
  /** The custom epoch in Unix ms (attribute). */
  declare epoch: string | undefined;
  /** Seed of the simulated request stream (attribute). */
  declare seed: string | undefined;
  /** Width of the time field (attribute `time-bits`). */
  declare timeBits: string | undefined;
  /** Width of the machine field (attribute `machine-bits`). */
  declare machineBits: string | undefined;
  /** Width of the sequence field (attribute `sequence-bits`). */
  declare sequenceBits: string | undefined;

  private scenario?: SnowflakeScenario;
  private viewMode: 'snowflake' | 'base62' = 'snowflake';
  private drafts: Record<FieldInput, string> = { timeBits: '', machineBits: '', sequenceBits: '', epoch: '' };
  private layoutIssues: ConfigIssue[] = [];
  private decodeText = '';
  private decodeResult?: Decoded | { error: string };
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));

  private readonly player = new PlayerController(this, {
    length: () => this.scenario?.length ?? 0,
    interval: 900,
    onSeek: (pos) => this.announceStep(pos),
  });
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return snowflakeConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return {
      mode: this.mode || undefined,
      epoch: numberAttr(this.epoch),
      seed: numberAttr(this.seed),
      timeBits: numberAttr(this.timeBits),
      machineBits: numberAttr(this.machineBits),
      sequenceBits: numberAttr(this.sequenceBits),
    };
  }

  protected configure(config: SnowflakeConfig): void {
    this.scenario = new SnowflakeScenario(config);
    this.viewMode = config.mode;
    this.resetDrafts();
    this.layoutIssues = [];
    this.decodeText = config.decode ?? '';
    this.decodeResult = this.decodeText ? this.parseInput(this.decodeText) : undefined;
    this.player.pause();
    this.player.position = config.step;
  }

  // ───────────── public API ─────────────

  /** The step shown (undefined at the start or before a valid config). */
  get current(): IdStep | undefined {
    return this.scenario?.stepAt(this.player.position);
  }

  /** Every step of the run: ids, ticks, backward clock steps and refusals. */
  get steps(): readonly IdStep[] {
    return this.scenario?.steps ?? [];
  }

  /** Decode an id (decimal; in base62 mode a base62 code) into its fields; fires `ls-snowflake-id-decode`. */
  decodeId(text: string): Decoded | { error: string } {
    this.decodeText = String(text ?? '');
    return this.runDecode();
  }

  /** Apply new bit widths and/or epoch. Returns the located problems (empty when applied). */
  setLayout(next: Partial<Record<FieldInput, number>>): readonly ConfigIssue[] {
    for (const k of FIELD_INPUTS) if (next[k] !== undefined) this.drafts[k] = String(next[k]);
    this.applyLayout();
    return this.layoutIssues;
  }

  /** Switch between the layout view and base62 short codes. */
  setMode(mode: 'snowflake' | 'base62'): void {
    this.viewMode = mode === 'base62' ? 'base62' : 'snowflake';
    this.decodeResult = undefined;
    this.decodeText = '';
    this.requestUpdate();
  }

  /** The run as JSON config; set it as `config` to reproduce this run, layout and step. */
  exportScenario(): Record<string, unknown> {
    const out = this.scenario?.toJSON(this.player.position) ?? {};
    if (this.scenario) {
      if (this.viewMode === 'base62') out.mode = 'base62';
      else delete out.mode;
      if (this.decodeText) out.decode = this.decodeText;
      else delete out.decode;
    }
    return out;
  }

  // ───────────── behaviour ─────────────

  private resetDrafts(): void {
    const c = this.scenario!.config;
    for (const k of FIELD_INPUTS) this.drafts[k] = String(c[k]);
  }

  private applyLayout(): void {
    const sc = this.scenario;
    if (!sc) return;
    const raw = sc.toJSON(0);
    delete raw.step;
    for (const k of FIELD_INPUTS) {
      const s = this.drafts[k].trim();
      raw[k] = s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
    }
    const r = parse(snowflakeConfigSchema, raw);
    if (!r.ok) {
      this.layoutIssues = r.issues;
      this.announcer.announce(r.issues.map(formatIssue).join(' '));
      this.requestUpdate();
      return;
    }
    const pos = Math.min(this.player.position, r.value.step);
    this.layoutIssues = [];
    this.scenario = new SnowflakeScenario(r.value);
    this.player.pause();
    this.player.position = pos;
    this.player.refresh();
    if (this.decodeText) this.decodeResult = this.parseInput(this.decodeText);
    const c = r.value;
    this.announcer.announce(this.t('layoutApplied', { t: c.timeBits, m: c.machineBits, s: c.sequenceBits, epoch: c.epoch, n: this.scenario.length }));
    const detail: SnowflakeLayoutDetail = { timeBits: c.timeBits, machineBits: c.machineBits, sequenceBits: c.sequenceBits, epoch: c.epoch };
    this.dispatchEvent(new CustomEvent('ls-snowflake-id-layout', { detail, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  private parseInput(text: string): Decoded | { error: string } {
    const c = this.scenario!.config;
    if (this.viewMode === 'base62') {
      const n = fromBase62(text);
      return typeof n === 'bigint' ? parseId(String(n), c, c.epoch) : n;
    }
    return parseId(text, c, c.epoch);
  }

  private runDecode(): Decoded | { error: string } {
    if (!this.scenario) return { error: 'no valid configuration' };
    const r = this.parseInput(this.decodeText);
    this.decodeResult = r;
    if ('error' in r) this.announcer.announce(this.t('decodeBad', { why: r.error }));
    else {
      const iso = isoTime(r.unixMs);
      this.announcer.announce(this.t('decoded', { id: String(r.id), iso, m: r.machine, s: r.sequence }));
      const detail: SnowflakeDecodeDetail = { input: this.decodeText, id: String(r.id), code: toBase62(r.id), ts: r.ts, unixMs: r.unixMs, iso, machine: r.machine, sequence: r.sequence };
      this.dispatchEvent(new CustomEvent('ls-snowflake-id-decode', { detail, bubbles: true, composed: true }));
    }
    this.requestUpdate();
    return r;
  }

  private stepSentence(s: IdStep | undefined): string {
    const sc = this.scenario!;
    const c = sc.config;
    if (!s) return this.t('start', { n: c.workers.length, list: c.workers.join(', '), iso: isoTime(c.startTime) });
    if (s.kind === 'tick') return this.t('tick', { ms: s.ms! });
    if (s.kind === 'clockBack') return this.t('clockBack', { w: s.worker, ms: s.ms! });
    if (s.kind === 'refused') return this.t('refused', { w: s.worker, ms: s.behind! });
    let text = this.t('genId', { w: s.worker, id: String(s.id), ts: this.formatNumber(s.ts!), seq: s.sequence! });
    if (s.backWait) text += ' ' + this.t('backWait', { ms: s.backWait });
    if (s.overflowWait) text += ' ' + this.t('overflow', { per: this.formatNumber(2 ** c.sequenceBits), prev: this.formatNumber(s.ts! - 1) });
    return text;
  }

  private announceStep(pos: number): void {
    if (!this.scenario) return;
    const s = this.scenario.stepAt(pos);
    this.announcer.announce(s ? `${this.t('stepAnnounce', { i: pos, n: this.scenario.length })} ${this.stepSentence(s)}` : this.stepSentence(undefined));
  }



  /** The id shown in the bits: the latest id up to the current step. */
  private shownId(): IdStep | undefined {
    const ids = this.scenario!.idsUntil(this.player.position);
    return ids[ids.length - 1]?.s;
  }

  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const pos = this.player.position;
    const s = sc.stepAt(pos);
    const still = this.player.reducedMotion;
    const dur = still ? 0 : Math.round(600 / this.player.speed);
    const b62 = this.viewMode === 'base62';
    return html`<div class="frame ${still ? 'still' : ''}" style="--_dur: calc(var(--_duration) * ${dur / 600})" @keydown=${this.player.onKeydown}>
      ${c.title ? html`<p class="title" part="title">${c.title}</p>` : nothing}
      <div class="modes" role="group" aria-label=${this.t('modeLabel')}>
        <button aria-pressed=${b62 ? 'false' : 'true'} @click=${() => this.setMode('snowflake')}>${this.t('modeSnowflake')}</button>
        <button aria-pressed=${b62 ? 'true' : 'false'} @click=${() => this.setMode('base62')}>${this.t('modeBase62')}</button>
      </div>
      ${this.renderBits()}
      <div class="main">
        <div class="col">${this.renderResult(s)} ${b62 ? this.renderBase62() : this.renderLayout()}</div>
        <div class="col">${this.renderWorkers(pos)} ${this.renderDecode()}</div>
      </div>
      ${renderPlayer(this.player, sc.length ? this.t('stepLabel', { i: pos, n: sc.length }) : this.t('noSteps'), this.strings, this.theme)}
      ${this.renderCompare()} ${this.renderTable(pos)}
      ${this.copier.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private fieldName(n: FieldName): string {
    return this.t(`field${n[0].toUpperCase()}${n.slice(1)}`);
  }

  private renderBits(): TemplateResult {
    const c = this.scenario!.config;
    const shown = this.shownId();
    const bitsStr = shown ? bitString(shown.id!) : '';
    const fs = fields(c);
    const d = shown ? decompose(c, c.epoch, shown.id!) : undefined;
    const value = (n: FieldName) => (!d ? '' : n === 'sign' ? '0' : n === 'time' ? this.formatNumber(d.ts) : String(n === 'machine' ? d.machine : d.sequence));
    const label = shown
      ? this.t('bitsLabel', { id: String(shown.id), fields: fs.map((f) => this.t('fieldPart', { name: this.fieldName(f.name), bits: f.bits, value: value(f.name) })).join(', ') })
      : this.t('bitsEmpty');
    const cells: TemplateResult[] = [];
    for (const f of fs)
      for (let i = f.bits - 1; i >= 0; i--) {
        const bit = 63 - f.shift - i;
        const v = bitsStr ? bitsStr[bit] : '';
        cells.push(html`<span class="bit f-${f.name}${v === '1' ? ' one' : ''}${i === f.bits - 1 ? ' first' : ''}">${v}</span>`);
      }
    return html`<section class="card" aria-labelledby="bits-h">
      <h3 id="bits-h">${this.t('bitsHeading')}</h3>
      <div class="bits" part="bits" role="img" aria-label=${label} data-key=${shown ? String(shown.id) : ''}>${cells}</div>
      <ul class="legend">
        ${fs.map(
          (f) => html`<li><span class="sw f-${f.name}" aria-hidden="true"></span>${this.fieldName(f.name)} · ${f.bits}${d ? html` = <b class="mono">${value(f.name)}</b>` : nothing}</li>`,
        )}
      </ul>
    </section>`;
  }

  private renderResult(s: IdStep | undefined): TemplateResult {
    const cls = !s ? '' : s.kind === 'refused' ? 'bad' : s.overflowWait || s.backWait || s.kind === 'clockBack' ? 'wait' : '';
    return html`<section class="card result ${cls}" part="result" aria-labelledby="result-h">
      <h3 id="result-h">${this.t('resultHeading')}</h3>
      <p>${this.stepSentence(s)}</p>
    </section>`;
  }

  private renderLayout(): TemplateResult {
    const c = this.scenario!.config;
    const bad = new Set(this.layoutIssues.map((i) => i.path.replace(/\[.*$/, '')));
    const input = (k: FieldInput) => {
      const invalid = bad.has(k) || (k !== 'epoch' && bad.has('sequenceBits') && this.layoutIssues.some((i) => i.path === 'sequenceBits' && i.message.includes(' = ')));
      return html`<label class="fld ${k === 'epoch' ? 'wide' : ''}"
        ><span>${this.t(k === 'epoch' ? 'epochLabel' : k)}</span>
        <input
          id="in-${k}"
          type="text"
          inputmode="numeric"
          .value=${this.drafts[k]}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="layout-msg"
          @input=${(e: Event) => {
            this.drafts[k] = (e.target as HTMLInputElement).value;
            this.requestUpdate();
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.applyLayout();
            }
          }}
      /></label>`;
    };
    const per = 2 ** c.sequenceBits;
    const end = exhaustedAt(c, c.epoch);
    const num = (k: FieldInput) => Number(this.drafts[k]);
    return html`<section class="card" part="layout" aria-labelledby="layout-h">
      <h3 id="layout-h">${this.t('layoutHeading')}</h3>
      <div class="fields">${FIELD_INPUTS.map(input)}<button class="primary" @click=${() => this.applyLayout()}>${this.t('apply')}</button></div>
      <div id="layout-msg" class="note">
        ${this.t('layoutSum', { t: this.drafts.timeBits, m: this.drafts.machineBits, s: this.drafts.sequenceBits, sum: 1 + num('timeBits') + num('machineBits') + num('sequenceBits') })}
      </div>
      ${this.layoutIssues.length
        ? html`<div role="alert">
            <ul class="issues">
              ${this.layoutIssues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <ul class="caps">
        <li>${this.t('capTime', { t: c.timeBits, years: this.formatNumber(lifetimeYears(c.timeBits), 1), when: end === undefined ? this.t('capNever') : this.t('capAt', { iso: isoTime(end) }) })}</li>
        <li>${this.t('capMachine', { n: this.formatNumber(2 ** c.machineBits) })}</li>
        <li>${this.t('capSeq', { n: this.formatNumber(per), perSec: this.formatNumber(per * 1000) })}</li>
      </ul>
    </section>`;
  }

  private renderWorkers(pos: number): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const s = sc.stepAt(pos);
    const recent = sc.idsUntil(pos).slice(-RECENT).reverse();
    const now = s?.now ?? c.startTime;
    return html`<section class="card" part="workers" aria-labelledby="workers-h">
      <h3 id="workers-h">${this.t('workersHeading')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t('colWorker')}</th>
            <th scope="col" class="num">${this.t('colClock')}</th>
            <th scope="col" class="num">${this.t('colLastMs')}</th>
            <th scope="col" class="num">${this.t('colSeq')}</th>
            <th scope="col" class="num">${this.t('colIds')}</th>
          </tr>
        </thead>
        <tbody>
          ${sc.workersAt(pos).map(
            (w) => html`<tr class=${s && s.worker === w.machine ? 'cur' : ''}>
              <th scope="row">${w.machine}</th>
              <td class="num ${w.offset < 0 ? 'behind' : ''}">+${this.formatNumber(now + w.offset - c.startTime)}${w.offset ? html` (${this.t('offset', { ms: w.offset })})` : nothing}</td>
              <td class="num">${w.lastMs < 0 ? '—' : `+${this.formatNumber(w.lastMs - c.startTime)}`}</td>
              <td class="num">${w.lastMs < 0 ? '—' : w.seq}</td>
              <td class="num">${w.ids}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="note">${this.t('workersNote', { iso: isoTime(c.startTime) })}</p>
      ${recent.length
        ? html`<h4>${this.t('recentHeading')}</h4>
            <ol class="recent">
              ${recent.map(({ step, s: x }) => html`<li class=${step === pos ? 'cur' : ''}><span class="mono">${String(x.id)}</span> <span class="note">#${step}</span></li>`)}
            </ol>`
        : nothing}
    </section>`;
  }

  private renderDecode(): TemplateResult {
    const b62 = this.viewMode === 'base62';
    const r = this.decodeResult;
    return html`<section class="card" part="decode" aria-labelledby="decode-h">
      <h3 id="decode-h">${this.t('decodeHeading')}</h3>
      <div class="form">
        <label class="sr-only" for="decode">${this.t(b62 ? 'decodeCodeLabel' : 'decodeLabel')}</label>
        <input
          id="decode"
          type="text"
          class="mono"
          maxlength="40"
          autocomplete="off"
          spellcheck="false"
          placeholder=${b62 ? 'e.g. 5pQ2kT1xZa' : 'e.g. 1990…'}
          .value=${this.decodeText}
          aria-invalid=${r && 'error' in r ? 'true' : 'false'}
          aria-describedby="decode-out"
          @input=${(e: Event) => (this.decodeText = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.runDecode();
            }
          }}
        />
        <button class="primary" @click=${() => this.runDecode()}>${this.t('decode')}</button>
      </div>
      <div id="decode-out">
        ${!r
          ? html`<p class="note">${this.t('decodeHint')}</p>`
          : 'error' in r
            ? html`<p class="err">${this.t('decodeBad', { why: r.error })}</p>`
            : html`<dl class="stats">
                <dt>${this.t('decodeId')}</dt>
                <dd class="mono">${String(r.id)}</dd>
                <dt>${this.t('decodeTs')}</dt>
                <dd>${this.t('decodeTsValue', { ts: this.formatNumber(r.ts), iso: isoTime(r.unixMs) })}</dd>
                <dt>${this.t('decodeMachine')}</dt>
                <dd>${r.machine}</dd>
                <dt>${this.t('decodeSeq')}</dt>
                <dd>${r.sequence}</dd>
                <dt>${this.t('decodeCode')}</dt>
                <dd class="mono">${toBase62(r.id)}</dd>
              </dl>`}
      </div>
    </section>`;
  }

  private renderBase62(): TemplateResult {
    const shown = this.shownId();
    const steps = shown ? base62Steps(shown.id!) : [];
    const code = shown ? toBase62(shown.id!) : '';
    return html`<section class="card" part="base62" aria-labelledby="b62-h">
      <h3 id="b62-h">${this.t('b62Heading')}</h3>
      ${shown
        ? html`<p class="note">${this.t('b62Intro')}</p>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">${this.t('colN')}</th>
                    <th scope="col" class="num">${this.t('colR')}</th>
                    <th scope="col">${this.t('colChar')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${steps.map(
                    (d) => html`<tr>
                      <td class="num mono">${String(d.n)}</td>
                      <td class="num">${d.r}</td>
                      <td class="mono"><b>${d.char}</b></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <p class="code">${this.t('b62Result', { id: String(shown.id), code, len: code.length })}</p>
            <p class="url mono">https://sho.rt/<b>${code}</b></p>`
        : html`<p class="note">${this.t('b62None')}</p>`}
      <p class="note">${this.t('b62Facts', { max: charsFor(63, 62) })}</p>
    </section>`;
  }

  private renderCompare(): TemplateResult {
    const c = this.scenario!.config;
    const rows = compareSchemes(c, c.total, c.perMs);
    return html`<section class="card" part="compare" aria-labelledby="cmp-h">
      <h3 id="cmp-h">${this.t('compareHeading')}</h3>
      <div class="table-wrap">
        <table class="cmp">
          <thead>
            <tr>
              <th scope="col">${this.t('colScheme')}</th>
              <th scope="col" class="num">${this.t('colBits')}</th>
              <th scope="col">${this.t('colSort')}</th>
              <th scope="col">${this.t('colText')}</th>
              <th scope="col" class="num">${this.t('colOdds')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <th scope="row">${r.name}</th>
                <td class="num">${r.bits}</td>
                <td>${this.t(r.sortable === 'time' ? 'yes' : 'no')}</td>
                <td class="nw">${this.t('textChars', { n: r.text })}</td>
                <td class="num nw">${r.name === 'Snowflake' ? this.t('oddsNone') : this.sci(r.collision)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">${this.t('compareNote', { b62: charsFor(63, 62), total: this.countText(c.total), perMs: this.countText(c.perMs) })}</p>
    </section>`;
  }

  /** 1.2 × 10⁻¹⁹ style for small probabilities. */
  private sci(x: number): TemplateResult | string {
    if (x === 0) return '0';
    if (x >= 0.001) return this.formatNumber(x, 3);
    const e = Math.floor(Math.log10(x));
    const m = x / 10 ** e;
    return html`${m.toFixed(1)} × 10<sup>${e}</sup>`;
  }

  /** A count in words a reader can take in: 1,000 or 1 × 10^9 as "10^9". */
  private countText(n: number): string {
    if (n < 1e6) return this.formatNumber(n);
    const e = Math.floor(Math.log10(n));
    const m = n / 10 ** e;
    return `${m === 1 ? '' : `${this.formatNumber(m, 1)} × `}10^${e}`;
  }

  private renderTable(pos: number): TemplateResult {
    const sc = this.scenario!;
    const c = sc.config;
    const rows = sc.steps.slice(0, TABLE_CAP);
    return html`<details part="table">
      <summary>${this.t('tableView')}</summary>
      <div class="table-wrap">
        <h4>${this.t('tableIds')}</h4>
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">${this.t('colStep')}</th>
              <th scope="col">${this.t('colEvent')}</th>
              <th scope="col" class="num">${this.t('colId')}</th>
              <th scope="col" class="num">${this.t('colMs')}</th>
              <th scope="col" class="num">${this.t('colWorker')}</th>
              <th scope="col" class="num">${this.t('colSeq')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (s, i) => html`<tr aria-current=${i + 1 === pos ? 'step' : nothing}>
                <td class="num">${i + 1}</td>
                <td>${s.kind}${s.overflowWait ? ' (+1 ms)' : ''}${s.backWait ? ` (+${s.backWait} ms)` : ''}</td>
                <td class="num mono">${s.id === undefined ? '—' : String(s.id)}</td>
                <td class="num">${s.ts === undefined ? '—' : this.formatNumber(s.ts)}</td>
                <td class="num">${s.worker < 0 ? '—' : s.worker}</td>
                <td class="num">${s.sequence ?? '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${sc.length > TABLE_CAP ? html`<p class="note">${this.t('more', { n: this.formatNumber(sc.length - TABLE_CAP) })}</p>` : nothing}
        <p class="note">epoch ${c.epoch} = ${isoTime(c.epoch)}</p>
      </div>
    </details>`;
  }
}

if (!customElements.get('ls-snowflake-id')) customElements.define('ls-snowflake-id', LsSnowflakeId);
