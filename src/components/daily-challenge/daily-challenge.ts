import { html, nothing, css, type TemplateResult } from 'lit';
import { LsElement, numberAttr } from '../../core/ls-element.js';
import { Announcer } from '../../core/narration.js';
import { themeStyles } from '../../core/theme.js';
import { safeHref } from '../../core/md-parse.js';
import { memoryStorage, readStorage, safely, webStorage, type QuizStorage } from '../quiz/storage.js';
import '../quiz/quiz.js';
import type { LsQuiz } from '../quiz/quiz.js';
import type { Question, QuizAnsweredDetail } from '../quiz/types.js';
import {
  currentStreak,
  dailyConfigSchema,
  dateOf,
  dayNumber,
  dueForReview,
  emptyState,
  normalizeDailyInput,
  parseState,
  scheduleTime,
  pickQuestion,
  recordAnswer,
  type DailyConfig,
  type DailyState,
  type StoredCard,
} from './model.js';

export interface DailyAnsweredDetail {
  date: string;
  questionId: string;
  correct: boolean;
  streak: number;
  /** True for an answer given while reviewing a missed question. */
  review: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-daily-answered': CustomEvent<DailyAnsweredDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-daily-challenge': LsDailyChallenge;
  }
}

type Fsrs = typeof import('ts-fsrs');
let fsrsModule: Promise<Fsrs> | undefined;
/** The FSRS scheduler is needed only when an answer is recorded: fetched then, not with the element. */
const loadFsrs = () => (fsrsModule ??= import('ts-fsrs'));

/**
 * One question a day from a question bank — the same question for every reader on the same date —
 * with a streak, a history, and missed questions brought back for review on a spaced-repetition
 * schedule (FSRS).
 *
 * Give it the bank through `src`, inline JSON or `config`: an array of questions, an array of
 * quizzes, one quiz, or `{ questions, quizzes, seed, topicUrl, title, date }`. Attributes: `date`
 * (YYYY-MM-DD, pins the day), `seed`, `topic-url` (`{topic}` is replaced by the question's topic id),
 * `storage` (`local` | `session` | `none`).
 *
 * @fires ls-daily-answered - today's question (or a review) was answered; `detail: { date, questionId, correct, streak, review }`
 * @fires ls-quiz-answered - from the embedded quiz
 * @fires ls-error - the bank is invalid; `detail: { message, issues }`
 * @csspart header - the date and streak
 * @csspart review - the due-for-review section
 * @csspart error - the error panel
 */
export class LsDailyChallenge extends LsElement<DailyConfig> {
  static override styles = [
    themeStyles,
    css`
      .daily {
        display: grid;
        gap: 0.75rem;
        padding: 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem;
        align-items: baseline;
      }
      h2 {
        margin: 0;
        font-size: 1.125em;
      }
      .date,
      .note {
        color: var(--_muted);
        font-size: 0.875em;
        margin: 0;
      }
      .streak {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .week {
        display: flex;
        gap: 0.25rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .week li {
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-size: 0.75em;
        border: 1px solid var(--_border);
      }
      .week .ok {
        border-color: var(--_success);
        color: var(--_success);
      }
      .week .bad {
        border-color: var(--_danger);
        color: var(--_danger);
      }
      section {
        border-top: 1px solid var(--_border);
        padding-top: 0.75rem;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1em;
      }
      a {
        color: var(--_accent);
      }
    `,
  ];

  static override properties = {
    ...LsElement.properties,
    date: { type: String },
    seed: { type: String },
    topicUrl: { type: String, attribute: 'topic-url' },
    storage: { type: String },
  };
  static override configProperties = ['date', 'seed', 'topicUrl'];

  static override defaultStrings = {
    title: 'Daily Challenge',
    streak: '{n}-day streak',
    best: 'best {n}',
    learnMore: 'Learn more: {topic}',
    comeBack: 'A new question tomorrow.',
    dueHeading: 'Due for review ({n})',
    dueNote: 'Questions you missed come back on a spaced-repetition schedule.',
    startReview: 'Review now',
    reviewDone: 'All reviews done for today.',
    week: 'Last 7 days',
    dayRight: '{date}: right',
    dayWrong: '{date}: missed',
    dayNone: '{date}: not played',
  };

  /** Pin the day (YYYY-MM-DD); by default the reader's local date. */
  declare date: string | undefined;
  /** Seed of the daily order (attribute). */
  declare seed: string | undefined;
  /** Topic link pattern (attribute `topic-url`). */
  declare topicUrl: string | undefined;
  /** `local` (default), `session` or `none`. */
  declare storage: 'local' | 'session' | 'none' | undefined;
  /** Supply your own storage; takes precedence over `storage`. */
  storageProvider?: QuizStorage;

  private cfg?: DailyConfig;
  private st: DailyState = emptyState();
  private store: QuizStorage = memoryStorage();
  /** The questions of the review in progress (frozen when it starts, so answering does not reshuffle it). */
  private reviewing?: string[];
  private quizCache = new Map<string, object>();
  private readonly announcer = new Announcer(this);

  protected configSchema() {
    return dailyConfigSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return { date: this.date || undefined, seed: numberAttr(this.seed), topicUrl: this.topicUrl };
  }

  protected override mergeAttributes(raw: unknown, attrs: Record<string, unknown>): unknown {
    return super.mergeAttributes(normalizeDailyInput(raw), attrs);
  }

  protected configure(cfg: DailyConfig): void {
    this.cfg = cfg;
    this.reviewing = undefined;
    this.quizCache.clear();
    this.store = this.storageProvider ?? (this.storage === 'none' ? memoryStorage() : webStorage(this.storage === 'session' ? 'session' : 'local'));
    this.loadState();
  }

  /** The day shown: the pinned date or the reader's local date. */
  get today(): string {
    if (this.cfg?.date) return this.cfg.date;
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  /** Today's question. */
  get question(): Question | undefined {
    return this.cfg && pickQuestion(this.cfg.bank, this.today, this.cfg.seed);
  }

  /** Streak, history and review cards (read-only copy). */
  get progress(): DailyState {
    return structuredClone(this.st);
  }

  private get key(): string {
    return `ls-daily:${this.cfg!.seed}`;
  }

  private loadState(): void {
    const key = this.key;
    readStorage(this.store, key, (raw) => {
      if (key !== this.key) return;
      this.st = parseState(raw);
      this.requestUpdate();
    });
  }

  private save(): void {
    const key = this.key;
    void safely(() => this.store.set(key, JSON.stringify(this.st)));
  }

  private async onAnswered(e: CustomEvent<QuizAnsweredDetail>, review: boolean): Promise<void> {
    const { questionId, correct, response } = e.detail;
    const date = this.today;
    if (!review) this.st = recordAnswer(this.st, date, questionId, correct, response);
    const had = this.st.cards[questionId];
    if (!correct || had) {
      const f = await safely(loadFsrs);
      if (f) {
        // Day-granular reviews: no minute-long learning steps; no fuzz, so schedules are reproducible.
        const scheduler = f.fsrs({ enable_fuzz: false, enable_short_term: false });
        const card = had ? { ...had, due: new Date(had.due), last_review: had.last_review ? new Date(had.last_review as string) : undefined } : f.createEmptyCard(scheduleTime(date));
        const next = scheduler.next(card as never, scheduleTime(date), correct ? f.Rating.Good : f.Rating.Again).card;
        this.st = { ...this.st, cards: { ...this.st.cards, [questionId]: JSON.parse(JSON.stringify(next)) as StoredCard } };
      }
    }
    this.save();
    this.requestUpdate();
    const streak = currentStreak(this.st, date);
    this.dispatchEvent(new CustomEvent<DailyAnsweredDetail>('ls-daily-answered', { detail: { date, questionId, correct, streak, review }, bubbles: true, composed: true }));
    if (!review) this.announcer.announce(this.t('streak', { n: streak }));
  }

  /** The same quiz object for the same questions, so re-rendering does not restart it. */
  private quizFor(id: string, title: string, questions: Question[]): object {
    const key = `${id}:${questions.map((q) => q.id).join()}`;
    let quiz = this.quizCache.get(key);
    // Options are shuffled, seeded by the quiz id (the date): the same order for every reader that day.
    if (!quiz) this.quizCache.set(key, (quiz = { id, title, questions, shuffle: true }));
    return quiz;
  }

  private topicLink(q: Question): TemplateResult | typeof nothing {
    if (!q.topic || !this.cfg!.topicUrl) return nothing;
    const href = this.cfg!.topicUrl.replaceAll('{topic}', encodeURIComponent(q.topic));
    if (!safeHref(href)) return nothing;
    return html`<p><a href=${href}>${this.t('learnMore', { topic: q.topic.replace(/-/g, ' ') })}</a></p>`;
  }

  protected renderView(): TemplateResult {
    const cfg = this.cfg!;
    const date = this.today;
    const q = pickQuestion(cfg.bank, date, cfg.seed);
    const done = this.st.history[date];
    const streak = currentStreak(this.st, date);
    const progress =
      done && done.q === q.id
        ? JSON.stringify({ v: 1, attempt: 1, index: 0, responses: { [q.id]: done.response }, checked: [q.id], finished: false, startedAt: 0 })
        : undefined;
    const due = dueForReview(this.st, date, cfg.bank).filter((id) => id !== q.id);
    const day = dayNumber(date);
    let dateLabel = date;
    try {
      dateLabel = new Date(`${date}T12:00:00Z`).toLocaleDateString(this.locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    } catch {
      /* keep ISO */
    }
    return html`<div class="daily">
      <header part="header">
        <div>
          <h2>${cfg.title ?? this.t('title')}</h2>
          <p class="date"><time datetime=${date}>${dateLabel}</time></p>
        </div>
        <div>
          <span class="streak">${this.t('streak', { n: streak })}</span>
          ${this.st.best > streak ? html`<span class="note">· ${this.t('best', { n: this.st.best })}</span>` : nothing}
          <ol class="week" aria-label=${this.t('week')}>
            ${[6, 5, 4, 3, 2, 1, 0].map((k) => {
              const d = dateOf(day - k);
              const h = this.st.history[d];
              const label = this.t(h ? (h.correct ? 'dayRight' : 'dayWrong') : 'dayNone', { date: d });
              return html`<li class=${h ? (h.correct ? 'ok' : 'bad') : ''} title=${label}><span aria-hidden="true">${h ? (h.correct ? '✓' : '✗') : '·'}</span><span class="sr-only">${label}</span></li>`;
            })}
          </ol>
        </div>
      </header>
      <ls-quiz
        embedded
        storage="none"
        .strings=${this.strings}
        theme=${this.theme ?? nothing}
        .quiz=${this.quizFor(`daily-${date}`, cfg.title ?? this.t('title'), [q])}
        @ls-ready=${(e: Event) => progress && (e.target as LsQuiz).restoreProgress(progress)}
        @ls-quiz-answered=${(e: CustomEvent<QuizAnsweredDetail>) => this.onAnswered(e, false)}
      ></ls-quiz>
      ${done ? html`${this.topicLink(q)}<p class="note">${this.t('comeBack')}</p>` : nothing}
      ${due.length || this.reviewing ? this.renderReview(due) : nothing} ${this.announcer.render()}
    </div>`;
  }

  private renderReview(due: string[]): TemplateResult {
    const cfg = this.cfg!;
    const ids = this.reviewing;
    return html`<section part="review" aria-labelledby="due-h">
      <h3 id="due-h">${this.t('dueHeading', { n: due.length })}</h3>
      ${ids
        ? ids.length
          ? html`<ls-quiz
              storage="none"
              .strings=${this.strings}
              theme=${this.theme ?? nothing}
              .quiz=${this.quizFor(`review-${this.today}`, this.t('dueHeading', { n: ids.length }), ids.map((id) => cfg.bank.find((x) => x.id === id)!))}
              @ls-quiz-answered=${(e: CustomEvent<QuizAnsweredDetail>) => this.onAnswered(e, true)}
            ></ls-quiz>`
          : html`<p class="note">${this.t('reviewDone')}</p>`
        : html`<p class="note">${this.t('dueNote')}</p>
            <button @click=${() => ((this.reviewing = due), this.requestUpdate())}>${this.t('startReview')}</button>`}
    </section>`;
  }
}

if (!customElements.get('ls-daily-challenge')) customElements.define('ls-daily-challenge', LsDailyChallenge);
