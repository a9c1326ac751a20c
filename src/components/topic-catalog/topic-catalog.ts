import { html, nothing, css, type TemplateResult } from 'lit';
import { LsElement } from '../../core/ls-element.js';
import { themeStyles } from '../../core/theme.js';
import { Announcer } from '../../core/narration.js';
import { safeHref } from '../../core/md-parse.js';
import { catalogSchema, type Catalog } from '../../content/topic-schema.js';

declare global {
  interface HTMLElementTagNameMap {
    'ls-topic-catalog': LsTopicCatalog;
  }
}

interface QuizProgressSummary {
  finished: boolean;
  scaled?: number;
  success?: boolean;
  answered: number;
}

/** The learner's saved quiz progress for a topic (the quiz id is the topic id), read from localStorage. */
function readProgress(topicId: string): QuizProgressSummary | undefined {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`ls-quiz:${topicId}@`)) continue;
      const p = JSON.parse(localStorage.getItem(key) ?? '');
      return { finished: !!p.finished, scaled: p.result?.scaled, success: p.result?.success, answered: Object.keys(p.responses ?? {}).length };
    }
  } catch {
    /* storage unavailable: no progress shown */
  }
  return undefined;
}

/**
 * The catalog of topics: categories as sections, a card per topic with its description, a
 * "coming soon" badge, and the learner's quiz progress; text search and a category filter. Cards
 * link to each topic through `topic-url` (`{id}` is replaced).
 *
 * @fires ls-error - the catalog JSON is invalid
 * @fires ls-ready - a valid catalog was loaded
 * @csspart header - title, tagline, search and filter
 * @csspart category - each category section
 * @csspart card - each topic card
 * @csspart error - the error panel
 */
export class LsTopicCatalog extends LsElement<Catalog> {
  static override styles = [
    themeStyles,
    css`
      :host {
        background: transparent;
      }
      .wrap {
        display: grid;
        gap: 1.25rem;
      }
      header h1 {
        margin: 0;
        font-size: 2em;
        line-height: 1.15;
      }
      header p {
        margin: 0.25rem 0 0;
        color: var(--_muted);
        font-size: 1.0625em;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 1rem;
      }
      .filters label {
        display: grid;
        gap: 0.125rem;
        font-size: 0.875em;
        color: var(--_muted);
      }
      .filters input {
        min-width: min(20rem, 80vw);
        min-height: 40px;
      }
      .filters select {
        min-height: 40px;
      }
      h2 {
        margin: 0;
        font-size: 1.25em;
      }
      .desc {
        margin: 0.125rem 0 0.75rem;
        color: var(--_muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
        gap: 0.75rem;
      }
      a.card {
        display: grid;
        gap: 0.375rem;
        height: 100%;
        padding: 0.875rem 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        color: inherit;
        text-decoration: none;
        background: var(--_bg);
      }
      a.card:hover {
        border-color: var(--_accent);
      }
      .card strong {
        font-size: 1.0625em;
      }
      .card span.text {
        color: var(--_muted);
        font-size: 0.9375em;
      }
      .badges {
        display: flex;
        gap: 0.375rem;
        flex-wrap: wrap;
      }
      .badge {
        font-size: 0.75em;
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0 0.5rem;
        color: var(--_muted);
      }
      .badge.ok {
        color: var(--_success);
        border-color: var(--_success);
      }
      .empty {
        color: var(--_muted);
      }
    `,
  ];

  static override properties = {
    ...LsElement.properties,
    topicUrl: { type: String, attribute: 'topic-url' },
    linkTarget: { type: String, attribute: 'link-target' },
    query: { type: String },
    category: { type: String },
  };

  static override defaultStrings = {
    search: 'Search topics',
    category: 'Category',
    all: 'All categories',
    comingSoon: 'Coming soon',
    passed: 'Quiz passed · {pct}%',
    finished: 'Quiz done · {pct}%',
    inProgress: 'Quiz in progress',
    matches: '{n} topics match',
    none: 'No topic matches “{q}”.',
  };

  /** Link pattern to a topic; `{id}` is replaced. Default: this library's Storybook lesson page. */
  declare topicUrl: string | undefined;
  declare linkTarget: string | undefined;
  /** The search text (attribute `query` pre-fills it). */
  declare query: string | undefined;
  /** A category id to show alone (attribute `category`). */
  declare category: string | undefined;

  private data?: Catalog;
  private readonly announcer = new Announcer(this);

  get catalog(): Catalog | undefined {
    return this.data;
  }
  set catalog(value: unknown) {
    this.config = value;
  }

  protected configSchema() {
    return catalogSchema;
  }

  protected configure(c: Catalog): void {
    this.data = c;
  }

  private href(id: string): string {
    const url = (this.topicUrl ?? './?path=/story/learn-{id}--lesson').replaceAll('{id}', encodeURIComponent(id));
    return safeHref(url) ? url : '#';
  }

  private filter(q: string, cat: string | undefined) {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return this.data!.categories.filter((c) => !cat || c.id === cat).map((c) => ({
      ...c,
      topics: c.topics.filter((t) => words.every((w) => `${t.title} ${t.description} ${c.title}`.toLowerCase().includes(w))),
    }));
  }

  private announceCount(): void {
    const n = this.filter(this.query ?? '', this.category || undefined).reduce((a, c) => a + c.topics.length, 0);
    this.announcer.announce(this.t('matches', { n }));
  }

  protected renderView(): TemplateResult {
    const c = this.data!;
    const q = this.query ?? '';
    const cats = this.filter(q, this.category || undefined);
    const total = cats.reduce((a, x) => a + x.topics.length, 0);
    const target = this.linkTarget ?? '_top';
    return html`<div class="wrap">
      <header part="header">
        <h1>${c.title}</h1>
        <p>${c.tagline}</p>
        <div class="filters" role="search">
          <label>${this.t('search')}<input type="search" .value=${q} @input=${(e: Event) => ((this.query = (e.target as HTMLInputElement).value), this.announceCount())} /></label>
          <label
            >${this.t('category')}
            <select @change=${(e: Event) => ((this.category = (e.target as HTMLSelectElement).value), this.announceCount())}>
              <option value="" ?selected=${!this.category}>${this.t('all')}</option>
              ${c.categories.map((x) => html`<option value=${x.id} ?selected=${this.category === x.id}>${x.title}</option>`)}
            </select>
          </label>
        </div>
      </header>
      ${total === 0 ? html`<p class="empty">${this.t('none', { q })}</p>` : nothing}
      ${cats
        .filter((x) => x.topics.length)
        .map(
          (x) => html`<section part="category" aria-labelledby=${`cat-${x.id}`}>
            <h2 id=${`cat-${x.id}`}>${x.title}</h2>
            <p class="desc">${x.description}</p>
            <ul>
              ${x.topics.map((t) => {
                const p = t.status === 'available' ? readProgress(t.id) : undefined;
                const pct = p?.scaled !== undefined ? Math.round(p.scaled * 100) : 0;
                return html`<li>
                  <a class="card" part="card" href=${this.href(t.id)} target=${target}>
                    <strong>${t.title}</strong>
                    <span class="text">${t.description}</span>
                    <span class="badges">
                      ${t.status === 'coming-soon' ? html`<span class="badge">${this.t('comingSoon')}</span>` : nothing}
                      ${p?.finished ? html`<span class="badge ${p.success ? 'ok' : ''}">${this.t(p.success ? 'passed' : 'finished', { pct })}</span>` : p && p.answered ? html`<span class="badge">${this.t('inProgress')}</span>` : nothing}
                    </span>
                  </a>
                </li>`;
              })}
            </ul>
          </section>`,
        )}
      ${this.announcer.render()}
    </div>`;
  }
}

if (!customElements.get('ls-topic-catalog')) customElements.define('ls-topic-catalog', LsTopicCatalog);
