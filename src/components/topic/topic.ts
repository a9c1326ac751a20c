import { html, nothing, css, type TemplateResult } from 'lit';
import { LsElement } from '../../core/ls-element.js';
import { themeStyles } from '../../core/theme.js';
import { vizStyles } from '../../core/viz-theme.js';
import { TooltipController } from '../../core/tooltip.js';
import { md } from '../../core/markdown.js';
import { safeHref, type Block } from '../../core/md-parse.js';
import { topicSchema, type Topic } from '../../content/topic-schema.js';

declare global {
  interface HTMLElementTagNameMap {
    'ls-topic': LsTopic;
  }
}

/** Elements a lesson can place, loaded only when their visualization scrolls near. */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'ls-consistent-hash-ring': () => import('../consistent-hash-ring/consistent-hash-ring.js'),
  'ls-raft-timeline': () => import('../raft-timeline/raft-timeline.js'),
  'ls-bloom-filter': () => import('../bloom-filter/bloom-filter.js'),
  'ls-tradeoff-explorer': () => import('../tradeoff-explorer/tradeoff-explorer.js'),
  'ls-decision-tree': () => import('../decision-tree/decision-tree.js'),
  'ls-quorum-replication': () => import('../quorum-replication/quorum-replication.js'),
  'ls-cache-simulator': () => import('../cache-simulator/cache-simulator.js'),
  'ls-load-balancer': () => import('../load-balancer/load-balancer.js'),
  'ls-snowflake-id': () => import('../snowflake-id/snowflake-id.js'),
  'ls-rate-limiter': () => import('../rate-limiter/rate-limiter.js'),
  'ls-circuit-breaker': () => import('../circuit-breaker/circuit-breaker.js'),
  'ls-quiz': () => import('../quiz/quiz.js'),
  'ls-daily-challenge': () => import('../daily-challenge/daily-challenge.js'),
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A lesson page from topic JSON: title, objectives, prerequisites, a table of contents, sections
 * of Markdown with the lesson's visualizations placed in them (each element's code loaded when it
 * scrolls near), glossary terms with their definitions on hover and focus, the quiz at the end, and
 * references. Text is rendered from tokens, never as HTML.
 *
 * @fires ls-error - the topic JSON is invalid; `detail: { message, issues }`
 * @fires ls-ready - a valid topic was loaded
 * @csspart header - title, summary and objectives
 * @csspart toc - the table of contents
 * @csspart section - each section
 * @csspart glossary - the glossary
 * @csspart quiz - the quiz section
 * @csspart error - the error panel
 * @cssproperty --ls-topic-max-width - the reading width (default 48rem)
 */
export class LsTopic extends LsElement<Topic> {
  static override styles = [
    themeStyles,
    vizStyles,
    css`
      :host {
        background: transparent;
      }
      article {
        max-width: var(--ls-topic-max-width, 48rem);
        margin: 0 auto;
        padding: 0 0.25rem;
        position: relative;
      }
      header .kicker {
        color: var(--_muted);
        font-size: 0.875em;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        margin: 0;
      }
      h1 {
        font-size: 1.875em;
        line-height: 1.2;
        margin: 0.25rem 0 0.5rem;
      }
      h2 {
        font-size: 1.375em;
        margin: 2rem 0 0.5rem;
        scroll-margin-top: 1rem;
      }
      h3 {
        font-size: 1.125em;
        margin: 1.25rem 0 0.25rem;
      }
      .summary {
        font-size: 1.0625em;
      }
      .badge {
        display: inline-block;
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0 0.5rem;
        font-size: 0.8125em;
        color: var(--_muted);
      }
      .box {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem;
        margin: 1rem 0;
        background: var(--_bg);
      }
      .box h2 {
        font-size: 1em;
        margin: 0 0 0.25rem;
      }
      nav ol {
        margin: 0;
        padding-left: 1.25rem;
        columns: 2 14rem;
      }
      a {
        color: var(--_accent);
      }
      a.term {
        color: inherit;
        text-decoration: underline dotted;
        text-underline-offset: 3px;
      }
      pre {
        overflow-x: auto;
        padding: 0.75rem;
        background: var(--_surface);
        border-radius: 6px;
      }
      .md-table {
        overflow-x: auto;
        margin: 0.75rem 0;
      }
      table {
        border-collapse: collapse;
        font-size: 0.9375em;
        min-width: 100%;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.375rem 0.5rem;
        border-bottom: 1px solid var(--_border);
      }
      th {
        border-bottom-width: 2px;
      }
      figure {
        margin: 1.25rem 0;
      }
      figcaption {
        color: var(--_muted);
        font-size: 0.9375em;
        margin-top: 0.5rem;
      }
      .placeholder {
        min-height: 320px;
        display: grid;
        place-items: center;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        color: var(--_muted);
      }
      dl {
        display: grid;
        gap: 0.5rem;
      }
      dt {
        font-weight: 600;
        scroll-margin-top: 1rem;
      }
      dd {
        margin: 0 0 0.25rem;
      }
    `,
  ];

  static override properties = {
    ...LsElement.properties,
    topicUrl: { type: String, attribute: 'topic-url' },
    linkTarget: { type: String, attribute: 'link-target' },
  };

  static override defaultStrings = {
    prerequisites: 'Before this',
    objectives: 'You will learn to',
    contents: 'Contents',
    glossary: 'Glossary',
    quiz: 'Check yourself',
    references: 'References',
    loadingViz: 'Loading the visualization…',
    comingSoon: 'Coming soon',
  };

  /** Link pattern to another topic; `{id}` is replaced. Default: this library's Storybook lesson page. */
  declare topicUrl: string | undefined;
  /** Where topic links open (default `_top`, so links inside a Storybook frame open the page). */
  declare linkTarget: string | undefined;

  private data?: Topic;
  private visible = new Set<number>();
  private observer?: IntersectionObserver;
  private readonly tooltip = new TooltipController(this);

  /** The validated topic (set it to topic JSON to load one). */
  get topic(): Topic | undefined {
    return this.data;
  }
  set topic(value: unknown) {
    this.config = value;
  }

  protected configSchema() {
    return topicSchema;
  }

  protected configure(topic: Topic): void {
    this.data = topic;
    this.visible = new Set();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // Watch the visualization placeholders: load an element's code and render it when it comes within 600px.
    this.observer?.disconnect();
    const pending = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[data-viz]:not([data-live])'));
    if (!pending.length) return;
    const reveal = (i: number) => {
      if (this.visible.has(i)) return;
      this.visible.add(i);
      const el = i === -1 ? 'ls-quiz' : this.data?.visualizations[i]?.element;
      const load = el ? LOADERS[el] : undefined;
      void (load ? load() : Promise.resolve()).then(() => this.requestUpdate());
    };
    if (typeof IntersectionObserver !== 'function') {
      pending.forEach((p) => reveal(Number(p.dataset.viz)));
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => entries.filter((e) => e.isIntersecting).forEach((e) => reveal(Number((e.target as HTMLElement).dataset.viz))),
      { rootMargin: '600px 0px' },
    );
    pending.forEach((p) => this.observer!.observe(p));
  }

  private href(id: string): string {
    const url = (this.topicUrl ?? './?path=/story/learn-{id}--lesson').replaceAll('{id}', encodeURIComponent(id));
    return safeHref(url) ? url : '#';
  }

  private jumpTo(e: Event, id: string): void {
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    target?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    target?.focus({ preventScroll: true });
  }

  /** Glossary terms as links to their entry, with the definition in a tooltip: the first mention per section. */
  private termDecorator(seen: Set<string>): ((text: string) => unknown) | undefined {
    const terms = this.data!.terms;
    if (!terms.length) return undefined;
    const re = new RegExp(`\\b(${terms.map((t) => escapeRe(t.term)).sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
    const byLower = new Map(terms.map((t) => [t.term.toLowerCase(), t]));
    return (text) => {
      const parts: unknown[] = [];
      let last = 0;
      for (const m of text.matchAll(re)) {
        const term = byLower.get(m[0].toLowerCase());
        if (!term || seen.has(term.term)) continue;
        seen.add(term.term);
        parts.push(text.slice(last, m.index));
        const id = `term-${slugify(term.term)}`;
        parts.push(
          html`<a
            class="term"
            href="#${id}"
            @click=${(e: Event) => this.jumpTo(e, id)}
            @pointerenter=${(e: Event) => this.tooltip.show(e.currentTarget as Element, term.definition)}
            @pointerleave=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
            @focus=${(e: Event) => this.tooltip.show(e.currentTarget as Element, term.definition)}
            @blur=${(e: Event) => this.tooltip.hide(e.currentTarget as Element)}
            >${m[0]}</a
          >`,
        );
        last = m.index! + m[0].length;
      }
      if (!parts.length) return text;
      parts.push(text.slice(last));
      return parts;
    };
  }

  private renderViz(i: number): TemplateResult {
    const viz = this.data!.visualizations[i];
    const live = this.visible.has(i) && customElements.get(viz.element);
    return html`<figure>
      ${live
        ? this.createViz(viz.element, viz.config)
        : html`<div class="placeholder" data-viz=${i} aria-hidden="true">${this.t('loadingViz')}</div>`}
      <figcaption>${md(viz.caption)}</figcaption>
    </figure>`;
  }

  /** One element per placed visualization, created once and kept across renders. */
  private vizCache = new Map<string, HTMLElement>();
  private createViz(tag: string, config: unknown): HTMLElement {
    const key = `${tag}:${JSON.stringify(config)}`;
    let el = this.vizCache.get(key);
    if (!el) {
      el = document.createElement(tag);
      (el as HTMLElement & { config: unknown }).config = config;
      if (tag === 'ls-quiz' || tag === 'ls-daily-challenge') el.setAttribute('storage', 'local');
      this.vizCache.set(key, el);
    }
    if (this.theme) el.setAttribute('theme', this.theme);
    return el;
  }

  protected renderView(): TemplateResult {
    const t = this.data!;
    const target = this.linkTarget ?? '_top';
    const placed = new Set<number>();
    const sectionBody = (body: string) => {
      const seen = new Set<string>();
      const text = this.termDecorator(seen);
      return md(body, {
        text,
        block: (b: Block) => {
          if (b.t !== 'p' || b.c.length !== 1 || b.c[0].t !== 'text') return undefined;
          const m = /^\{\{viz:(\d+)\}\}$/.exec(b.c[0].v.trim());
          if (!m) return undefined;
          placed.add(+m[1]);
          return this.renderViz(+m[1]);
        },
      });
    };
    const sections = t.sections.map((s, i) => {
      const body = sectionBody(s.body);
      // Visualizations assigned to this section but not placed in its text go at its end.
      const extra = t.visualizations.map((v, k) => ({ v, k })).filter(({ v, k }) => !placed.has(k) && (v.section ? v.section === s.id : i === 0 && !t.sections.some((x) => x.body.includes(`{{viz:${k}}}`))));
      extra.forEach(({ k }) => placed.add(k));
      return html`<section part="section" aria-labelledby=${`h-${s.id}`}>
        <h2 id=${`h-${s.id}`} tabindex="-1">${s.title}</h2>
        ${body} ${extra.map(({ k }) => this.renderViz(k))}
      </section>`;
    });
    return html`<article lang=${this.locale ?? nothing}>
      <header part="header">
        <p class="kicker">${t.category.replace(/-/g, ' ')}${t.level ? html` · <span class="badge">${t.level}</span>` : nothing}${t.status === 'coming-soon' ? html` · <span class="badge">${this.t('comingSoon')}</span>` : nothing}</p>
        <h1>${t.title}</h1>
        <p class="summary">${t.summary}</p>
        ${t.prerequisites.length
          ? html`<p>${this.t('prerequisites')}: ${t.prerequisites.map((p, i) => html`${i ? ', ' : ''}<a href=${this.href(p)} target=${target}>${p.replace(/-/g, ' ')}</a>`)}</p>`
          : nothing}
        ${t.objectives.length
          ? html`<div class="box"><h2>${this.t('objectives')}</h2><ul>${t.objectives.map((o) => html`<li>${md(o)}</li>`)}</ul></div>`
          : nothing}
      </header>
      ${t.sections.length > 2
        ? html`<nav class="box" part="toc" aria-label=${this.t('contents')}>
            <h2>${this.t('contents')}</h2>
            <ol>
              ${t.sections.map((s) => html`<li><a href="#h-${s.id}" @click=${(e: Event) => this.jumpTo(e, `h-${s.id}`)}>${s.title}</a></li>`)}
              ${t.terms.length ? html`<li><a href="#glossary" @click=${(e: Event) => this.jumpTo(e, 'glossary')}>${this.t('glossary')}</a></li>` : nothing}
              ${t.quiz ? html`<li><a href="#quiz" @click=${(e: Event) => this.jumpTo(e, 'quiz')}>${this.t('quiz')}</a></li>` : nothing}
            </ol>
          </nav>`
        : nothing}
      ${sections}
      ${t.terms.length
        ? html`<section part="glossary" aria-labelledby="glossary">
            <h2 id="glossary" tabindex="-1">${this.t('glossary')}</h2>
            <dl>
              ${t.terms.map((term) => html`<dt id=${`term-${slugify(term.term)}`} tabindex="-1">${term.term}</dt><dd>${md(term.definition)}</dd>`)}
            </dl>
          </section>`
        : nothing}
      ${t.quiz
        ? html`<section part="quiz" aria-labelledby="quiz">
            <h2 id="quiz" tabindex="-1">${this.t('quiz')}</h2>
            ${this.visible.has(-1) && customElements.get('ls-quiz') ? this.createViz('ls-quiz', t.quiz) : html`<div class="placeholder" data-viz="-1" aria-hidden="true">${this.t('loadingViz')}</div>`}
          </section>`
        : nothing}
      ${t.references.length
        ? html`<section aria-labelledby="references">
            <h2 id="references">${this.t('references')}</h2>
            <ul>${t.references.map((r) => html`<li><a href=${r.url} rel="noopener">${r.title}</a></li>`)}</ul>
          </section>`
        : nothing}
      ${this.tooltip.render()}
    </article>`;
  }
}

if (!customElements.get('ls-topic')) customElements.define('ls-topic', LsTopic);
