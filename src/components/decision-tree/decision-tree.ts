import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LsElement, listAttr } from '../../core/ls-element.js';
import { Announcer } from '../../core/narration.js';
import { ScenarioCopier, copyText } from '../../core/scenario.js';
import { vizStrings } from '../../core/strings.js';
import { dataTable, renderTableView } from '../../core/table-view.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import {
  back,
  buildTree,
  choose,
  decisionName,
  decisionTreeSchema,
  jump,
  nextOf,
  optionOf,
  replay,
  summarize,
  summaryMarkdown,
  toConfig,
  walk,
  type Decision,
  type DecisionOption,
  type DecisionTreeConfig,
  type Step,
  type Summary,
  type Tree,
  type WalkState,
} from './model.js';
import { decisionTreeStyles } from './styles.js';

export type { Decision, DecisionOption, DecisionTreeConfig, Step, Summary } from './model.js';

/** `ls-decision-choose`: the learner chose `option` at `decision`; `path` is the walk after it. */
export interface DecisionChoiceDetail {
  decision: string;
  option: string;
  path: Step[];
}

/** `ls-decision-complete`: nothing is left to decide; the whole walk and the tools it implies. */
export interface DecisionCompleteDetail {
  path: Step[];
  tools: string[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-decision-choose': CustomEvent<DecisionChoiceDetail>;
    'ls-decision-complete': CustomEvent<DecisionCompleteDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-decision-tree': LsDecisionTree;
  }
}

/**
 * A tree of architectural decisions to walk. Each decision asks a question; each option says when
 * to choose it, what it gives and costs, the tools it implies, real systems that chose it, and which
 * follow-up decisions it brings into play. The learner answers one question at a time, sees the
 * path as breadcrumbs (any of which returns to that decision), and gets a summary of the design
 * they chose — the options with their trade-offs and the typical tools — to copy as Markdown. The
 * point is the method: start from the default, move off it only for a requirement, and name the cost.
 *
 * The next question is the waiting decision that comes first in `decisions`; each is asked at most
 * once; the walk is complete when nothing waits. Copy scenario copies the tree with the chosen
 * option ids as `path`: set it back as the config to restore the walk.
 *
 * Configure with inline JSON, `src` or the `config` property: `{ title?, start?, decisions: [{ id,
 * number?, title?, group?, question, context?, options: [{ id, label, when?, pros?, cons?, tools?,
 * examples?, next?: id | id[], default? }] }], path?: [optionId…] }`, and the attributes `path`
 * (comma-separated option ids) and `start`. The tree is checked: an unknown `next` or `start`,
 * duplicate ids, cycles, unreachable decisions and a `path` that does not fit are shown with their
 * location.
 *
 * Keyboard: Tab to the options, ↑/↓ (or ←/→) to move between them (the selected one shows its
 * trade-offs), Enter to choose it; Back, Restart and the breadcrumbs are buttons.
 *
 * @fires ls-decision-choose - an option was chosen; `detail: { decision, option, path: [{ decision, option }] }`
 * @fires ls-decision-complete - the walk is complete; `detail: { path, tools }`
 * @fires ls-error - the configuration could not be used; `detail: { message, issues }`
 * @csspart title - the visible title (config `title`)
 * @csspart breadcrumbs - the path navigation
 * @csspart decision - the current question and its options
 * @csspart options - the radio group of options
 * @csspart summary - the design chosen so far
 * @csspart table - the table view
 * @csspart error - the error panel
 * @csspart live-region - the visually hidden polite live region
 * @cssproperty --ls-decision-chosen-color - the selected option's edge (default: --ls-accent)
 * @cssproperty --ls-decision-pro-color - the marker of pros (default: --ls-success)
 * @cssproperty --ls-decision-con-color - the marker of cons (default: --ls-danger)
 * @cssproperty --ls-palette-1 - …`--ls-palette-10`: the colours of decision groups
 */
export class LsDecisionTree extends LsElement<DecisionTreeConfig> {
  static override styles = [themeStyles, vizStyles, decisionTreeStyles];

  static override properties = {
    ...LsElement.properties,
    path: { type: String },
    start: { type: String },
  };

  static override configProperties = ['path', 'start'];

  static override defaultStrings = {
    ...vizStrings,
    pathLabel: 'Path',
    back: 'Back',
    restart: 'Restart',
    progress: '{done} decided · {waiting} to go',
    crumbLabel: '{short}: return to {decision}',
    summaryCrumb: 'Summary',
    decisionKicker: 'Decision {n}',
    optionsLabel: 'Options',
    defaultTag: 'default',
    choose: 'Choose “{option}”',
    pros: 'Pros',
    cons: 'Cons',
    tools: 'Tools',
    examples: 'Examples',
    leadsTo: 'Leads to',
    continues: 'continue with what is waiting',
    completeHeading: 'Design complete',
    completeText: 'Every decision your choices brought into play is answered: {n} decisions.',
    summaryHeading: 'Your design so far',
    summaryDone: 'Your design',
    summaryEmpty: 'Nothing chosen yet. Start from the default unless a requirement pushes you off it.',
    toolsHeading: 'Typical tools',
    copySummary: 'Copy summary',
    summaryCopied: 'Summary copied as Markdown',
    summaryFailed: 'Could not copy; the Markdown summary is selected below — copy it with Ctrl+C',
    mdHeading: 'Design summary',
    chose: 'Chose {option} for {decision}.',
    next: 'Next: {decision} — {question}',
    complete: 'Design complete: {n} decisions.',
    undid: 'Undid {option}; back at {decision}.',
    jumped: 'Back at {decision}; {n} later choice(s) undone.',
    restarted: 'Restarted at {decision}.',
    tableTaken: 'Decisions taken',
    tableTree: 'The whole tree',
    colStep: 'Step',
    colDecision: 'Decision',
    colChoice: 'Choice',
    colOption: 'Option',
    colTools: 'Tools',
    colLeads: 'Leads to',
    noneTaken: 'No decision taken yet.',
  };

  /** The chosen option ids, comma-separated (attribute); laid over the config's `path`. */
  declare path: string | string[] | undefined;
  /** The first decision's id (attribute). */
  declare start: string | undefined;

  private tree?: Tree;
  private steps: Step[] = [];
  private selected?: string;
  private groups = new Map<string, number>();
  private focusAfter?: 'option' | 'summary';
  private summaryState: '' | 'failed' = '';
  private readonly announcer = new Announcer(this);
  private readonly copier = new ScenarioCopier(this, (m) => this.announcer.announce(m));

  protected configSchema() {
    return decisionTreeSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return { path: listAttr(this.path), start: this.start || undefined };
  }

  protected configure(config: DecisionTreeConfig): void {
    this.tree = buildTree(config);
    this.steps = replay(this.tree, config.path).steps;
    this.groups = new Map();
    for (const d of config.decisions) if (d.group && !this.groups.has(d.group)) this.groups.set(d.group, (this.groups.size % 10) + 1);
    this.select();
  }

  // ───────────── public API ─────────────

  /** The walk: the steps taken, the current decision, what is waiting; undefined before a valid config. */
  get state(): WalkState | undefined {
    return this.tree && walk(this.tree, this.steps);
  }

  /** The chosen options with their trade-offs, and the tools they imply. */
  get summary(): Summary | undefined {
    return this.tree && summarize(this.tree, this.steps);
  }

  /** Choose option `id` at the current decision (ignored if it is not one of its options). */
  choose(id: string): void {
    const tree = this.tree;
    const w = this.state;
    if (!tree || !w?.current) return;
    const next = choose(tree, this.steps, id);
    if (next.length === this.steps.length) return;
    const d = w.current;
    const o = d.options.find((x) => x.id === id)!;
    this.move(next);
    const after = this.state!;
    const said = this.t('chose', { option: o.label, decision: decisionName(d) });
    this.announcer.announce(
      `${said} ${after.current ? this.t('next', { decision: decisionName(after.current), question: after.current.question }) : this.t('complete', { n: next.length })}`,
    );
    const path = next.map((s) => ({ ...s }));
    this.dispatchEvent(new CustomEvent('ls-decision-choose', { detail: { decision: d.id, option: id, path }, bubbles: true, composed: true }));
    if (after.complete)
      this.dispatchEvent(new CustomEvent('ls-decision-complete', { detail: { path, tools: this.summary!.tools }, bubbles: true, composed: true }));
  }

  /** Undo the last choice. */
  back(): void {
    if (!this.tree || !this.steps.length) return;
    const last = optionOf(this.tree, this.steps[this.steps.length - 1]);
    this.move(back(this.steps), last.option.id);
    this.announcer.announce(this.t('undid', { option: last.option.label, decision: decisionName(last.decision) }));
  }

  /** Return to breadcrumb `i` (decision `i` is asked again; later choices are dropped). */
  jump(i: number): void {
    if (!this.tree || i < 0 || i >= this.steps.length) return;
    const undone = this.steps.length - i;
    const was = this.steps[i];
    this.move(jump(this.steps, i), was.option);
    this.announcer.announce(this.t('jumped', { decision: decisionName(this.tree.byId.get(was.decision)!), n: undone }));
  }

  /** Start again from the first decision. */
  restart(): void {
    if (!this.tree) return;
    this.move([]);
    this.announcer.announce(this.t('restarted', { decision: decisionName(this.state!.current!) }));
  }

  /** The design chosen so far as Markdown (what Copy summary copies). */
  summaryMarkdown(): string {
    if (!this.tree) return '';
    const l = { heading: this.t('mdHeading'), pros: this.t('pros'), cons: this.t('cons'), tools: this.t('tools'), toolsImplied: this.t('toolsHeading'), empty: this.t('noneTaken') };
    return summaryMarkdown(this.tree, this.steps, undefined, l);
  }

  /** The tree with the chosen option ids as `path`: set it as `config` to restore this walk. */
  exportScenario(): Record<string, unknown> {
    return this.tree ? (toConfig(this.tree.config, this.steps) as unknown as Record<string, unknown>) : {};
  }

  // ───────────── behaviour ─────────────

  private move(steps: Step[], preselect?: string): void {
    this.focusAfter = this.matches(':focus-within') ? 'option' : undefined;
    this.steps = steps;
    this.select(preselect);
    if (this.focusAfter && this.state!.complete) this.focusAfter = 'summary';
    this.requestUpdate();
  }

  /** Select `preferred` if it is an option of the current decision, else its default, else the first. */
  private select(preferred?: string): void {
    const cur = this.state?.current;
    this.selected = cur && (cur.options.find((o) => o.id === preferred) ?? cur.options.find((o) => o.default) ?? cur.options[0])?.id;
  }

  private async copySummary(): Promise<void> {
    const ok = await copyText(this.summaryMarkdown());
    this.copier.state = '';
    this.summaryState = ok ? '' : 'failed';
    this.announcer.announce(this.t(ok ? 'summaryCopied' : 'summaryFailed'));
    if (!ok) {
      await this.updateComplete;
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.md');
      area?.focus();
      area?.select();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const f = this.focusAfter;
    this.focusAfter = undefined;
    if (f === 'option') this.renderRoot.querySelector<HTMLElement>('input[name="opt"]:checked')?.focus();
    else if (f === 'summary') this.renderRoot.querySelector<HTMLElement>('#sum-h')?.focus();
  }

  private groupStyle(d: Decision): string {
    const g = d.group ? this.groups.get(d.group) : undefined;
    return g ? `--_g: var(--_p${g})` : '';
  }

  private names(ids: string[]): string {
    return ids.map((id) => decisionName(this.tree!.byId.get(id)!)).join(', ');
  }

  // ───────────── view ─────────────

  protected renderView(): TemplateResult {
    const tree = this.tree!;
    const w = walk(tree, this.steps);
    const title = tree.config.title;
    return html`<div class="frame">
      ${title ? html`<p class="title" part="title">${title}</p>` : nothing}
      ${this.renderCrumbs(w)}
      <div class="bar">
        <button ?disabled=${!w.steps.length} @click=${() => this.back()}>${this.t('back')}</button>
        <button ?disabled=${!w.steps.length} @click=${() => this.restart()}>${this.t('restart')}</button>
        <span class="note">${this.t('progress', { done: w.steps.length, waiting: w.waiting.length })}</span>
      </div>
      <div class="main ${w.complete ? 'done' : ''}">
        <div class="col">${w.current ? this.renderDecision(w.current) : this.renderComplete(w)}</div>
        <div class="col">${this.renderSummary(w)}</div>
      </div>
      ${this.renderTable(w)}
      ${this.announcer.render()}
    </div>`;
  }

  private renderCrumbs(w: WalkState): TemplateResult {
    const tree = this.tree!;
    return html`<nav part="breadcrumbs" aria-label=${this.t('pathLabel')}>
      <ol>
        ${w.steps.map((s, i) => {
          const { decision, option } = optionOf(tree, s);
          const short = `${decision.number !== undefined ? `#${decision.number} ` : ''}${option.label}`;
          return html`<li>
            <button class="crumb" style=${this.groupStyle(decision)} aria-label=${this.t('crumbLabel', { short, decision: decisionName(decision) })} @click=${() => this.jump(i)}>
              ${short}
            </button>
          </li>`;
        })}
        <li aria-current="step">
          <span class="crumb" style=${w.current ? this.groupStyle(w.current) : ''}>${w.current ? decisionName(w.current) : this.t('summaryCrumb')}</span>
        </li>
      </ol>
    </nav>`;
  }

  private renderDecision(d: Decision): TemplateResult {
    const kicker = [d.number !== undefined ? this.t('decisionKicker', { n: d.number }) : '', d.group ?? ''].filter(Boolean).join(' · ');
    const sel = d.options.find((o) => o.id === this.selected) ?? d.options[0];
    return html`<section class="card decision" part="decision" aria-labelledby="q">
      ${kicker ? html`<p class="kicker"><i style=${this.groupStyle(d)}></i>${kicker}</p>` : nothing}
      <h3 class="question" id="q">${d.question}</h3>
      ${d.context ? html`<p class="context">${d.context}</p>` : nothing}
      <div class="options" role="radiogroup" aria-labelledby="q" part="options">${d.options.map((o) => this.renderOption(o, o.id === sel.id))}</div>
      <button class="primary" @click=${() => this.choose(sel.id)}>${this.t('choose', { option: sel.label })}</button>
    </section>`;
  }

  private renderOption(o: DecisionOption, on: boolean): TemplateResult {
    const id = `o-${o.id}`;
    const next = nextOf(o).filter((n) => this.tree!.byId.has(n));
    const list = (items: string[], cls: string) => html`<ul>${items.map((x) => html`<li class=${cls}>${x}</li>`)}</ul>`;
    const row = (key: string, body: unknown) => html`<div><dt>${this.t(key)}</dt><dd>${body}</dd></div>`;
    return html`<div class="opt ${on ? 'sel' : ''}">
      <label
        ><input
          type="radio"
          name="opt"
          .value=${o.id}
          .checked=${on}
          aria-describedby=${o.when ? `${id}-w` : nothing}
          @change=${() => ((this.selected = o.id), this.requestUpdate())}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), this.choose(o.id))}
        /><span>${o.label}</span>${o.default ? html`<span class="tag">${this.t('defaultTag')}</span>` : nothing}</label
      >
      ${o.when ? html`<p class="when" id="${id}-w">${o.when}</p>` : nothing}
      ${on
        ? html`<dl class="more">
            ${o.pros.length ? row('pros', list(o.pros, 'pro')) : nothing} ${o.cons.length ? row('cons', list(o.cons, 'con')) : nothing}
            ${o.tools.length ? row('tools', html`<ul class="chips">${o.tools.map((x) => html`<li>${x}</li>`)}</ul>`) : nothing}
            ${o.examples.length ? row('examples', list(o.examples, '')) : nothing} ${row('leadsTo', next.length ? this.names(next) : this.t('continues'))}
          </dl>`
        : nothing}
    </div>`;
  }

  private renderComplete(w: WalkState): TemplateResult {
    return html`<section class="card" part="decision" aria-labelledby="done-h">
      <h3 id="done-h">${this.t('completeHeading')}</h3>
      <p class="finished">${this.t('completeText', { n: w.steps.length })}</p>
    </section>`;
  }

  private renderSummary(w: WalkState): TemplateResult {
    const s = summarize(this.tree!, w.steps);
    return html`<section class="card summary" part="summary" aria-labelledby="sum-h">
      <h3 id="sum-h" tabindex="-1">${this.t(w.complete ? 'summaryDone' : 'summaryHeading')}</h3>
      ${s.items.length
        ? html`<ol class="choices">
            ${s.items.map(
              ({ decision, option }) => html`<li>
                <span class="d">${decisionName(decision)}:</span> <strong>${option.label}</strong>
                ${option.pros.length ? html`<small><span class="pro-t" aria-hidden="true">+ </span><span class="sr-only">${this.t('pros')}: </span>${option.pros.join('; ')}</small>` : nothing}
                ${option.cons.length ? html`<small><span class="con-t" aria-hidden="true">− </span><span class="sr-only">${this.t('cons')}: </span>${option.cons.join('; ')}</small>` : nothing}
              </li>`,
            )}
          </ol>`
        : html`<p class="note">${this.t('summaryEmpty')}</p>`}
      ${s.tools.length
        ? html`<h4>${this.t('toolsHeading')}</h4>
            <ul class="chips">
              ${s.tools.map((x) => html`<li>${x}</li>`)}
            </ul>`
        : nothing}
      <div class="footer">
        <button @click=${() => this.copySummary()}>${this.t('copySummary')}</button>
        ${this.copier.renderButton()}
      </div>
      ${this.summaryState === 'failed' && this.copier.state !== 'failed'
        ? html`<label class="note">${this.t('summaryFailed')}<textarea class="md" readonly .value=${this.summaryMarkdown()}></textarea></label>`
        : this.copier.renderFallback()}
    </section>`;
  }

  private renderTable(w: WalkState): TemplateResult {
    const tree = this.tree!;
    return renderTableView(
      this.t('tableView'),
      html`${w.steps.length
        ? dataTable({
            heading: this.t('tableTaken'),
            columns: [{ label: this.t('colStep'), num: true }, { label: this.t('colDecision') }, { label: this.t('colChoice') }, { label: this.t('colTools') }],
            rows: w.steps.map((s, i) => {
              const { decision, option } = optionOf(tree, s);
              return { cells: [i + 1, decisionName(decision), option.label, option.tools.join(', ')] };
            }),
          })
        : html`<p class="note">${this.t('noneTaken')}</p>`}
      ${dataTable({
        heading: this.t('tableTree'),
        rowHeader: true,
        columns: [{ label: this.t('colDecision') }, { label: this.t('colOption') }, { label: this.t('colLeads') }],
        rows: tree.config.decisions.flatMap((d) =>
          d.options.map((o) => ({
            current: d.id === w.current?.id && o.id === this.selected,
            cells: [decisionName(d), o.label, nextOf(o).length ? this.names(nextOf(o)) : '—'],
          })),
        ),
      })}`,
    );
  }
}

if (!customElements.get('ls-decision-tree')) customElements.define('ls-decision-tree', LsDecisionTree);
