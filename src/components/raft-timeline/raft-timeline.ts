import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { PlayerController } from '../../core/player.js';
import { renderPlayer } from '../../core/player-controls.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier } from '../../core/scenario.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { vizStrings } from '../../core/strings.js';
import * as v from '../../core/validate.js';
import { RaftSimulation, raftScenarioSchema, type RaftAction, type RaftActionInput, type RaftEvent, type RaftInvariant, type RaftNode, type RaftScenario } from './model.js';
import { raftStyles } from './styles.js';

export type { RaftScenario, RaftEvent } from './model.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-raft-action': CustomEvent<RaftActionDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-raft-timeline': LsRaftTimeline;
  }
}

export interface RaftActionDetail {
  /** The action the learner recorded, at its simulated time. */
  action: RaftAction;
}

/** The element's config: a Raft scenario, plus `position` (ms) to open at — what "Copy scenario" writes. */
type TimelineConfig = RaftScenario & { position: number };

const configSchema: v.Schema<TimelineConfig> = {
  expected: raftScenarioSchema.expected,
  kind: 'object',
  spec: raftScenarioSchema.spec,
  check(input, path, issues) {
    let position = 0;
    let rest = input;
    if (v.kindOf(input) === 'object' && 'position' in (input as object)) {
      const { position: p, ...others } = input as Record<string, unknown>;
      rest = others;
      const n = v.number({ min: 0 }).check(p, v.joinPath(path, 'position'), issues);
      if (n === undefined) return undefined;
      position = n;
    }
    const sc = raftScenarioSchema.check(rest, path, issues);
    if (!sc) return undefined;
    if (position > sc.duration) {
      issues.push({ path: v.joinPath(path, 'position'), message: `expected at most ${sc.duration} (the duration), got ${position}` });
      return undefined;
    }
    return { ...sc, position };
  },
};

interface Message {
  id: number;
  from: number;
  to: number;
  sentAt: number;
  /** Delivery or drop time. */
  end: number;
  dropped: boolean;
  kind: 'vote' | 'append' | 'heartbeat';
  reply: boolean;
}

interface Span {
  from: number;
  to: number;
  role: 'follower' | 'candidate' | 'leader' | 'down';
  term: number;
}

/** Everything the diagram needs from one full run, computed once per scenario. */
interface Run {
  sim: RaftSimulation;
  times: number[];
  messages: Message[];
  spans: Span[][];
  commits: { t: number; node: number; index: number }[];
}

const INVARIANTS: RaftInvariant[] = ['election-safety', 'log-matching', 'leader-completeness', 'state-machine-safety'];
const SIGNIFICANT = new Set(['role', 'commit', 'crash', 'restart', 'partition', 'heal', 'request', 'redirect', 'refuse', 'violation', 'drop-rate', 'skew', 'truncate', 'append']);
const W = 720;
const LEFT = 44;
const LANE = 30;
const TOP = 18;
const TERM_COLORS = 8;

function analyse(scenario: RaftScenario): Run {
  const sim = new RaftSimulation(scenario).run();
  const ids = new Map(scenario.nodes.map((id, i) => [id, i]));
  const times: number[] = [];
  const messages: Message[] = [];
  const open = new Map<number, Message>();
  const spans: Span[][] = scenario.nodes.map(() => [{ from: 0, to: scenario.duration, role: 'follower', term: 0 }]);
  const commits: Run['commits'] = [];
  const cur = scenario.nodes.map(() => ({ role: 'follower' as Span['role'], term: 0 }));
  const change = (n: number, t: number, role: Span['role'], term: number) => {
    const list = spans[n];
    const last = list[list.length - 1];
    if (last.role === role && last.term === term) return;
    if (last.from === t) list.pop();
    else last.to = t;
    list.push({ from: t, to: scenario.duration, role, term });
    cur[n] = { role, term };
  };
  for (const e of sim.events) {
    if (times[times.length - 1] !== e.t) times.push(e.t);
    switch (e.type) {
      case 'send': {
        const m = e.msg;
        const kind = m.type === 'RequestVote' || m.type === 'RequestVoteResponse' ? 'vote' : m.type === 'AppendEntries' && m.entries.length === 0 ? 'heartbeat' : 'append';
        const msg: Message = { id: e.id, from: ids.get(e.from)!, to: ids.get(e.to)!, sentAt: e.t, end: e.arrival, dropped: false, kind, reply: m.type.endsWith('Response') };
        if (m.type === 'AppendEntriesResponse' && kind === 'append') msg.kind = 'heartbeat';
        open.set(e.id, msg);
        messages.push(msg);
        break;
      }
      case 'deliver':
      case 'drop': {
        const msg = open.get(e.id);
        if (msg) {
          msg.end = e.t;
          msg.dropped = e.type === 'drop';
          open.delete(e.id);
        }
        break;
      }
      case 'role':
        change(ids.get(e.node)!, e.t, e.role, e.term);
        break;
      case 'term': {
        const n = ids.get(e.node)!;
        if (cur[n].role !== 'down') change(n, e.t, cur[n].role, e.term);
        break;
      }
      case 'crash': {
        const n = ids.get(e.node)!;
        change(n, e.t, 'down', cur[n].term);
        break;
      }
      case 'restart': {
        const n = ids.get(e.node)!;
        change(n, e.t, 'follower', cur[n].term);
        break;
      }
      case 'commit':
        commits.push({ t: e.t, node: ids.get(e.node)!, index: e.index });
        break;
      default:
        break;
    }
  }
  return { sim, times, messages, spans, commits };
}

/** First index in sorted `xs` with xs[i] > x. */
function upper(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Raft you can break, rewind and check: a space-time diagram (one lane per server, roles and terms
 * along it, messages as arrows, drops marked, commits as diamonds), the cluster's state at the
 * cursor (role, term, vote, election timer, log coloured by term, committed entries solid), the
 * safety invariants as badges, narration captions, and learner actions — crash/restart, partition,
 * heal, client request, drop rate — recorded into the scenario, which "Copy scenario" exports.
 *
 * Configure with a scenario (`src`, inline JSON, `config`) or attributes `nodes`, `seed`, `duration`.
 * Keyboard on the diagram: Space play/pause, ←/→ previous/next event, Home/End.
 *
 * @fires ls-raft-action - the learner recorded an action; `detail: { action }`
 * @fires ls-error - the scenario is invalid; `detail: { message, issues }`
 * @fires ls-ready - a valid scenario was loaded
 * @csspart diagram - the space-time diagram
 * @csspart cluster - the node cards
 * @csspart invariants - the invariant badges
 * @csspart controls - the learner's actions
 * @csspart table - the table view
 * @csspart player-controls - the playback bar (forwarded)
 * @csspart error - the error panel
 * @cssproperty --ls-raft-leader - leader colour (default --ls-success)
 * @cssproperty --ls-raft-candidate - candidate colour (default --ls-warning)
 * @cssproperty --ls-raft-follower - follower colour (default --ls-muted)
 * @cssproperty --ls-raft-crashed - crashed colour (default --ls-danger)
 * @cssproperty --ls-palette-1 - term colours cycle through --ls-palette-1…8
 */
export class LsRaftTimeline extends LsElement<TimelineConfig> {
  static override styles = [themeStyles, vizStyles, raftStyles];

  static override properties = {
    ...LsElement.properties,
    nodes: { type: String },
    seed: { type: String },
    duration: { type: String },
  };
  static override configProperties = ['nodes', 'seed', 'duration'];

  static override defaultStrings = {
    ...vizStrings,
    title: 'Raft timeline',
    diagram: 'Space-time diagram of {n} servers from {from} to {to} ms. {leader}',
    leaderIs: 'Leader: {id} (term {term}).',
    noLeader: 'No leader.',
    follower: 'follower',
    candidate: 'candidate',
    leader: 'leader',
    down: 'crashed',
    term: 'term {n}',
    votedFor: 'voted {id}',
    commit: 'commit {n}',
    crash: 'Crash {id}',
    restart: 'Restart {id}',
    partition: 'Partition',
    partitionLegend: 'Cut these servers off from the rest',
    heal: 'Heal',
    request: 'Client request',
    send: 'Send',
    dropRate: 'Message loss',
    time: 't = {t} ms',
    recorded: 'Recorded at {t} ms: {what}',
    'inv-election-safety': 'Election Safety',
    'inv-log-matching': 'Log Matching',
    'inv-leader-completeness': 'Leader Completeness',
    'inv-state-machine-safety': 'State Machine Safety',
    broken: '{name} broken at {t} ms',
    jump: 'Jump to the event',
    tableCaption: 'Servers at {t} ms',
    colNode: 'Server',
    colRole: 'Role',
    colTerm: 'Term',
    colVote: 'Voted for',
    colLog: 'Log (term:command)',
    colCommit: 'Commit index',
    'ev-role': '{node} became {role} for term {term}.',
    'ev-commit': '{node} committed up to entry {index}.',
    'ev-crash': '{node} crashed.',
    'ev-restart': '{node} restarted as a follower.',
    'ev-partition': 'The network split into {groups}.',
    'ev-heal': 'The network healed.',
    'ev-request': 'A client sent “{command}” to {node}.',
    'ev-redirect': '{node} redirected “{command}” to {to}.',
    'ev-refuse': '“{command}” was refused ({reason}).',
    'ev-append': '{node} appended “{command}” at index {index}, term {term}.',
    'ev-truncate': '{node} deleted {count} conflicting entries from index {index}.',
    'ev-violation': 'Invariant broken: {message}',
    'ev-drop-rate': 'Message loss set to {rate}%.',
    'ev-skew': '{node}’s clock now runs at {factor}×.',
    'ev-send': '{from} sent {msg} to {to}.',
    'ev-deliver': '{to} received {msg} from {from}.',
    'ev-drop': '{msg} from {from} to {to} was lost ({reason}).',
    'ev-timeout': '{node}’s election timer fired: it stands for term {term}.',
    'ev-vote': '{node} voted for {candidate} in term {term}.',
    'ev-term': '{node} moved to term {term}.',
    'ev-append-accepted': '{node} accepted entries from {leader}, now matching up to {matchIndex}.',
    'ev-append-rejected': '{node} rejected {leader}’s entries ({reason}).',
  };

  /** Node count (3–9) or ids "A,B,C" (attribute). */
  declare nodes: string | undefined;
  declare seed: string | undefined;
  /** Timeline length in ms (attribute). */
  declare duration: string | undefined;

  private scenario?: RaftScenario;
  private run?: Run;
  private cursor?: RaftSimulation;
  private isolate = new Set<string>();
  private command = 1;
  private readonly copier = new ScenarioCopier(this, (message) => this.announcer.announce(message));
  private readonly announcer = new Announcer(this);
  private readonly player = new PlayerController(this, {
    mode: 'continuous',
    length: () => this.scenario?.duration ?? 0,
    rate: 0.25,
    nextStop: (p) => {
      const ts = this.run?.times ?? [];
      const i = upper(ts, p);
      return i < ts.length ? ts[i] : this.scenario!.duration;
    },
    prevStop: (p) => {
      const ts = this.run?.times ?? [];
      const i = upper(ts, p - 1e-9) - 1;
      return i >= 0 && ts[i] < p ? ts[i] : 0;
    },
    onSeek: (pos, prev) => this.narrate(prev, pos),
  });

  protected configSchema() {
    return configSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    const nodes = numberAttr(this.nodes);
    return {
      nodes: typeof nodes === 'string' ? nodes.split(',').map((s) => s.trim()).filter(Boolean) : nodes,
      seed: numberAttr(this.seed),
      duration: numberAttr(this.duration),
    };
  }

  protected configure(c: TimelineConfig): void {
    const { position, ...scenario } = c;
    this.setScenario(scenario);
    this.player.pause();
    this.player.position = position;
  }

  private setScenario(scenario: RaftScenario): void {
    this.scenario = scenario;
    this.run = analyse(scenario);
    this.cursor = new RaftSimulation(scenario);
  }

  // ───────────── public API ─────────────

  /** Server states at the cursor. */
  get state(): readonly RaftNode[] {
    return this.at().nodes;
  }

  /** The whole run's events (to the end of the timeline). */
  get events(): readonly RaftEvent[] {
    return this.run?.sim.events ?? [];
  }

  /** The scenario with the learner's actions, and the cursor as `position`: set it as `config` to reproduce this view. */
  exportScenario(): Record<string, unknown> {
    return { ...(this.scenario ?? {}), position: Math.round(this.player.position) };
  }

  /** Record an action at the cursor (as the learner's buttons do). Returns false if it does not apply there. */
  record(action: RaftActionInput): boolean {
    if (!this.scenario) return false;
    const full = { ...action, at: Math.round(this.player.position) } as RaftAction;
    const next = v.parse(raftScenarioSchema, { ...this.scenario, events: [...this.scenario.events, full] });
    if (!next.ok) {
      this.announcer.announce(next.issues.map((i) => i.message).join('; '));
      return false;
    }
    const pos = this.player.position;
    this.setScenario(next.value);
    this.player.position = pos;
    this.announcer.announce(this.t('recorded', { t: Math.round(pos), what: this.describe(this.run!.sim.events.find((e) => e.t >= full.at && e.type === full.type) ?? ({ t: full.at, type: 'heal' } as RaftEvent)) }));
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<RaftActionDetail>('ls-raft-action', { detail: { action: full }, bubbles: true, composed: true }));
    return true;
  }

  // ───────────── behaviour ─────────────

  private at(): RaftSimulation {
    return this.cursor!.seek(this.player.position);
  }

  private describe(e: RaftEvent): string {
    const msgName = (m: { type: string; term: number; entries?: readonly unknown[] }) =>
      m.type === 'AppendEntries' ? (m.entries?.length ? `AppendEntries (${m.entries.length} entr${m.entries.length === 1 ? 'y' : 'ies'}, term ${m.term})` : `a heartbeat (term ${m.term})`) : `${m.type} (term ${m.term})`;
    const vars: Record<string, string | number> = {};
    for (const [k, val] of Object.entries(e)) if (typeof val === 'string' || typeof val === 'number') vars[k] = val;
    if ('msg' in e) vars.msg = msgName(e.msg as never);
    if (e.type === 'role') vars.role = this.t(e.role);
    if (e.type === 'partition') vars.groups = e.groups.map((g) => `{${g.join(', ')}}`).join(' and ');
    if (e.type === 'drop-rate') vars.rate = Math.round(e.rate * 100);
    if (e.type === 'request' && !e.node) vars.node = '—';
    if (e.type === 'narration') return e.text;
    return this.t(`ev-${e.type}`, vars);
  }

  /** Announce what happened between two cursor positions. */
  private narrate(from: number, to: number): void {
    const run = this.run;
    if (!run || to === from) return;
    const events = run.sim.events;
    if (to < from) {
      const here = events.filter((e) => e.t === to);
      this.announcer.announce(`${this.t('time', { t: Math.round(to) })}. ${here.map((e) => this.describe(e)).join(' ')}`);
      return;
    }
    const passed = events.filter((e) => e.t > from && e.t <= to);
    const stepped = !this.player.playing;
    const narration = passed.filter((e) => e.type === 'narration');
    const significant = passed.filter((e) => SIGNIFICANT.has(e.type));
    let text: string;
    if (narration.length) text = this.describe(narration[narration.length - 1]);
    else if (stepped) text = passed.slice(0, 6).map((e) => this.describe(e)).join(' ');
    else text = significant.slice(-2).map((e) => this.describe(e)).join(' ');
    if (text) this.announcer.announce(text);
  }


  // ───────────── rendering ─────────────

  protected renderView(): TemplateResult {
    const sc = this.scenario!;
    const sim = this.at();
    const t = this.player.position;
    const leader = sim.leader();
    const viol = this.run!.sim.violations;
    const firstBroken = new Map<RaftInvariant, (typeof viol)[number]>();
    for (const x of viol) if (!firstBroken.has(x.invariant)) firstBroken.set(x.invariant, x);
    const brokenNow = INVARIANTS.map((k) => firstBroken.get(k)).filter((x): x is (typeof viol)[number] => !!x && x.t <= t);
    const caption = [...sc.narration].reverse().find((n) => n.at <= t)?.text ?? '';
    return html`<div class="frame" @keydown=${this.player.onKeydown}>
      ${sc.title ? html`<p class="title">${sc.title}</p>` : nothing}
      <div class="badges" part="invariants" aria-label="Safety invariants">
        ${INVARIANTS.map((k) => {
          const bad = brokenNow.find((x) => x.invariant === k);
          return html`<span class="inv ${bad ? 'bad' : ''}">${bad ? '✗' : '✓'} ${this.t(`inv-${k}`)}</span>`;
        })}
      </div>
      ${brokenNow.map(
        (x) => html`<div class="violation" role="alert">
          <p><strong>${this.t('broken', { name: this.t(`inv-${x.invariant}`), t: Math.round(x.t) })}</strong>: ${x.message}</p>
          <button @click=${() => (this.player.pause(), this.player.seek(x.t))}>${this.t('jump')}</button>
        </div>`,
      )}
      <div class="diagram" part="diagram">${this.renderDiagram(t, leader)}</div>
      <p class="caption" aria-hidden="true">${caption}</p>
      ${renderPlayer(this.player, this.t('time', { t: Math.round(t) }), this.strings, this.theme)}
      ${this.renderControls()}
      <div class="cluster" part="cluster">${sim.nodes.map((n) => this.renderNode(n, t, sc))}</div>
      ${this.renderTable(sim, t)}
      ${this.copier.render()}
      ${this.announcer.render()}
    </div>`;
  }

  private renderDiagram(t: number, leader: RaftNode | null): TemplateResult {
    const sc = this.scenario!;
    const run = this.run!;
    const n = sc.nodes.length;
    const span = Math.min(sc.duration, 1500);
    const t0 = Math.max(0, Math.min(sc.duration - span, t - span * 0.7));
    const t1 = t0 + span;
    const x = (time: number) => LEFT + ((time - t0) / span) * (W - LEFT - 8);
    const y = (i: number) => TOP + i * LANE + LANE / 2;
    const height = TOP + n * LANE + 4;
    const parts: SVGTemplateResult[] = [];
    const step = span > 1000 ? 250 : 100;
    for (let g = Math.ceil(t0 / step) * step; g <= t1; g += step) {
      parts.push(svg`<line class="grid" x1=${x(g)} x2=${x(g)} y1=${TOP - 4} y2=${height}></line><text class="tick" x=${x(g)} y=${TOP - 7}>${g}</text>`);
    }
    sc.nodes.forEach((id, i) => {
      parts.push(svg`<rect class="lane-bg" x=${LEFT} y=${y(i) - 9} width=${W - LEFT - 8} height="18" rx="3"></rect>`);
      parts.push(svg`<text class="lane-label" x="4" y=${y(i)}>${id}</text>`);
      for (const s of run.spans[i]) {
        if (s.to < t0 || s.from > Math.min(t, t1)) continue;
        const a = x(Math.max(s.from, t0));
        const b = x(Math.min(s.to, t, t1));
        if (b <= a) continue;
        parts.push(svg`<rect class="role-${s.role}" x=${a} y=${y(i) - 7} width=${b - a} height="14" rx="2"></rect>`);
        if (b - a > 26 && s.role !== 'down') parts.push(svg`<text class="term-label" x=${a + 3} y=${y(i)}>T${s.term}</text>`);
      }
    });
    // Messages sent up to the cursor, in or overlapping the window.
    const ms = run.messages;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ms[mid].sentAt < t0 - 500) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ms.length && ms[k].sentAt <= Math.min(t, t1); k++) {
      const m = ms[k];
      if (m.end < t0) continue;
      const done = m.end <= t;
      const endT = done ? m.end : t;
      const frac = m.end === m.sentAt ? 1 : (endT - m.sentAt) / (m.end - m.sentAt);
      const x1 = x(Math.max(m.sentAt, t0));
      const y1 = y(m.from);
      const x2 = x(Math.min(endT, t1));
      const y2 = y(m.from) + (y(m.to) - y(m.from)) * frac;
      parts.push(svg`<line class="msg ${m.kind} ${m.reply ? 'reply' : ''} ${done && m.dropped ? 'dropped' : ''}" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`);
      if (done && m.dropped) parts.push(svg`<path class="drop-mark" d="M${x2 - 3} ${y2 - 3}l6 6m0 -6l-6 6"></path>`);
    }
    for (const c of run.commits) {
      if (c.t < t0 || c.t > Math.min(t, t1)) continue;
      parts.push(svg`<path class="commit-mark" d="M${x(c.t)} ${y(c.node) - 5}l4 5l-4 5l-4 -5z"></path>`);
    }
    if (t >= t0 && t <= t1) parts.push(svg`<line class="cursor" x1=${x(t)} x2=${x(t)} y1=${TOP - 4} y2=${height}></line>`);
    const label = this.t('diagram', {
      n,
      from: Math.round(t0),
      to: Math.round(t1),
      leader: leader ? this.t('leaderIs', { id: leader.id, term: leader.term }) : this.t('noLeader'),
    });
    return html`<svg class="lanes" viewBox="0 0 ${W} ${height}" role="img" tabindex="0" aria-label=${label}>${parts}</svg>`;
  }

  private renderNode(nd: RaftNode, t: number, sc: RaftScenario): TemplateResult {
    const role = nd.alive ? nd.role : 'down';
    const timeout = sc.electionTimeout[1] * nd.skew;
    const left = Number.isFinite(nd.electionDeadline) ? Math.max(0, Math.min(1, (nd.electionDeadline - t) / timeout)) : 0;
    return html`<section class="node ${role}" aria-label=${`${nd.id}: ${this.t(role)}, ${this.t('term', { n: nd.term })}`}>
      <header>
        <strong>${nd.id}</strong>
        <span class="role ${role}">${this.t(role)}</span>
        <button @click=${() => this.record(nd.alive ? { type: 'crash', node: nd.id } : { type: 'restart', node: nd.id })}>
          ${this.t(nd.alive ? 'crash' : 'restart', { id: nd.id })}
        </button>
      </header>
      <span class="meta">${this.t('term', { n: nd.term })} · ${nd.votedFor ? this.t('votedFor', { id: nd.votedFor }) : '—'} · ${this.t('commit', { n: nd.commitIndex })}</span>
      <div class="timer" aria-hidden="true"><div style="width:${(left * 100).toFixed(1)}%"></div></div>
      <div class="log" aria-hidden="true">
        ${nd.log.map(
          (e, i) => html`<span class="entry ${i < nd.commitIndex ? 'committed' : ''}" style="--_tc: var(--_p${(e.term % TERM_COLORS) + 1})" title=${`${i + 1}: ${e.command} (term ${e.term})`}>${e.command.length <= 4 ? e.command : e.term}</span>`,
        )}
      </div>
    </section>`;
  }

  private renderControls(): TemplateResult {
    const sc = this.scenario!;
    const groupB = sc.nodes.filter((id) => this.isolate.has(id));
    const groupA = sc.nodes.filter((id) => !this.isolate.has(id));
    const send = () => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#cmd');
      const command = input?.value.trim() || `x=${this.command}`;
      if (this.record({ type: 'request', command })) {
        this.command++;
        if (input) input.value = '';
      }
    };
    return html`<div class="controls" part="controls">
      <fieldset>
        <legend>${this.t('partitionLegend')}</legend>
        ${sc.nodes.map(
          (id) => html`<label><input type="checkbox" .checked=${this.isolate.has(id)} @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? this.isolate.add(id) : this.isolate.delete(id), this.requestUpdate())} />${id}</label>`,
        )}
        <button ?disabled=${!groupB.length || !groupA.length} @click=${() => this.record({ type: 'partition', groups: [groupA, groupB] })}>${this.t('partition')}</button>
        <button @click=${() => this.record({ type: 'heal' })}>${this.t('heal')}</button>
      </fieldset>
      <label>${this.t('request')}<input id="cmd" type="text" maxlength="20" placeholder=${`x=${this.command}`} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && send()} /></label>
      <button @click=${send}>${this.t('send')}</button>
      <label
        >${this.t('dropRate')}
        <select @change=${(e: Event) => this.record({ type: 'drop-rate', rate: Number((e.target as HTMLSelectElement).value) })}>
          ${[0, 0.1, 0.25, 0.5].map((r) => html`<option value=${r} ?selected=${Math.abs(this.currentDropRate() - r) < 1e-9}>${Math.round(r * 100)}%</option>`)}
        </select>
      </label>
    </div>`;
  }

  private currentDropRate(): number {
    const sc = this.scenario!;
    let rate = sc.dropRate;
    for (const e of sc.events) if (e.type === 'drop-rate' && e.at <= this.player.position) rate = e.rate;
    return rate;
  }

  private renderTable(sim: RaftSimulation, t: number): TemplateResult {
    return html`<details part="table">
      <summary>${this.t('tableView')}</summary>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">${this.t('tableCaption', { t: Math.round(t) })}</caption>
          <thead>
            <tr>
              <th scope="col">${this.t('colNode')}</th>
              <th scope="col">${this.t('colRole')}</th>
              <th scope="col" class="num">${this.t('colTerm')}</th>
              <th scope="col">${this.t('colVote')}</th>
              <th scope="col" class="num">${this.t('colCommit')}</th>
              <th scope="col">${this.t('colLog')}</th>
            </tr>
          </thead>
          <tbody>
            ${sim.nodes.map(
              (nd) => html`<tr>
                <th scope="row">${nd.id}</th>
                <td>${this.t(nd.alive ? nd.role : 'down')}</td>
                <td class="num">${nd.term}</td>
                <td>${nd.votedFor ?? '—'}</td>
                <td class="num">${nd.commitIndex}</td>
                <td>${nd.log.map((e) => `${e.term}:${e.command}`).join(' ') || '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}

if (!customElements.get('ls-raft-timeline')) customElements.define('ls-raft-timeline', LsRaftTimeline);
