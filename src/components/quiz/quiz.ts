import { html, nothing, type TemplateResult } from 'lit';
import { LsElement } from '../../core/ls-element.js';
import { Announcer } from '../../core/narration.js';
import { inlineMd, md, mdText } from '../../core/markdown.js';
import { quizSchema } from './schema.js';
import { correctAnswerText, isAnswered, isCorrect, parseNumber, planAttempt, responseText, scoreAttempt, type AttemptPlan } from './model.js';
import { memoryStorage, readStorage, safely, webStorage, type QuizStorage } from './storage.js';
import type { Question, Quiz, QuizAnsweredDetail, QuizCompletedDetail, Response, Score } from './types.js';
import { quizStyles } from './styles.js';
import { themeStyles } from '../../core/theme.js';

export type { Quiz, Question, QuizAnsweredDetail, QuizCompletedDetail, Response, Score } from './types.js';
export type { QuizStorage } from './storage.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-quiz-answered': CustomEvent<QuizAnsweredDetail>;
    'ls-quiz-completed': CustomEvent<QuizCompletedDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-quiz': LsQuiz;
  }
}

/** What is saved between visits (keyed by quiz id + version). */
interface Progress {
  v: 1;
  attempt: number;
  index: number;
  responses: Record<string, Response>;
  checked: string[];
  finished: boolean;
  startedAt: number;
  durationMs?: number;
  /** The attempt's result once finished (read by the topic catalog). */
  result?: { scaled: number; success: boolean };
}

const fresh = (attempt: number, plan?: AttemptPlan, quiz?: Quiz): Progress => {
  // An ordering question's response is the order shown, from the start.
  const responses: Record<string, Response> = {};
  for (const q of quiz?.questions ?? []) if (q.type === 'ordering' && plan?.optionOrder[q.id]) responses[q.id] = plan.optionOrder[q.id];
  return { v: 1, attempt, index: 0, responses, checked: [], finished: false, startedAt: Date.now() };
};

/**
 * A quiz course platforms can record and bloggers can paste: single and multiple choice,
 * true/false, ordering, numeric and text questions; practice mode (Check → feedback and explanation
 * → Next) or exam mode (answers first, feedback at the end); a results screen with a review and
 * Retry; progress that survives a reload.
 *
 * Give it a quiz through `src`, inline JSON, or the `quiz` / `config` property.
 *
 * @fires ls-quiz-answered - a question was answered (Check in practice mode; at Submit in exam mode); `detail: { quizId, questionId, response, correct, score: { raw, max } }`
 * @fires ls-quiz-completed - the attempt ended; `detail: { quizId, score: { raw, min, max, scaled }, success, durationMs, attempt }`
 * @fires ls-error - the quiz JSON is invalid; `detail: { message, issues }`
 * @fires ls-ready - a valid quiz was loaded
 * @csspart question - the current question
 * @csspart option - each choice
 * @csspart feedback - the feedback after Check
 * @csspart results - the results screen
 * @csspart progress - the progress bar
 * @csspart error - the error panel
 * @cssproperty --ls-accent - buttons, progress bar
 * @cssproperty --ls-success - correct marks
 * @cssproperty --ls-danger - incorrect marks
 */
export class LsQuiz extends LsElement<Quiz> {
  static override styles = [themeStyles, quizStyles];

  static override properties = {
    ...LsElement.properties,
    mode: { type: String },
    storage: { type: String },
    embedded: { type: Boolean },
  };
  static override configProperties = ['mode'];

  static override defaultStrings = {
    progress: 'Question {n} of {total}',
    check: 'Check',
    next: 'Next',
    previous: 'Previous',
    finish: 'Finish',
    submit: 'Submit',
    retry: 'Retry',
    hint: 'Hint',
    correct: 'Correct.',
    incorrect: 'Not quite.',
    chooseFirst: 'Answer the question first.',
    correctAnswer: 'Correct answer: {answer}',
    yourAnswer: 'Your answer: {answer}',
    isCorrect: 'correct answer',
    yourChoice: 'your choice',
    true: 'True',
    false: 'False',
    none: 'no answer',
    unit: 'in {unit}',
    answerLabel: 'Your answer',
    moveUp: 'Move “{item}” up',
    moveDown: 'Move “{item}” down',
    moved: '“{item}” moved to position {pos} of {total}.',
    results: 'Results',
    scoreLine: '{raw} of {max} correct ({pct}%)',
    passed: 'Passed',
    failed: 'Not passed yet',
    passMark: 'Pass mark {pct}%.',
    review: 'Review',
    explanation: 'Why',
  };

  /** `practice` (default) or `exam`; overrides the quiz's own `mode`. */
  declare mode: 'practice' | 'exam' | undefined;
  /** `local` (default), `session` or `none`: where progress is kept. */
  declare storage: 'local' | 'session' | 'none' | undefined;
  /** Part of a larger element (the daily challenge): no title, no progress bar for one question, no Finish. */
  declare embedded: boolean;

  /** Supply your own storage (e.g. an LMS's); takes precedence over the `storage` attribute. */
  storageProvider?: QuizStorage;

  private data?: Quiz;
  private plan?: AttemptPlan;
  private p: Progress = fresh(1);
  private store: QuizStorage = memoryStorage();
  private notice = '';
  private typed: Record<string, string> = {};
  private focusNext: 'prompt' | 'feedback' | 'results' | '' = '';
  private readonly announcer = new Announcer(this);

  /** The validated quiz (set it to a quiz object to load one). */
  get quiz(): Quiz | undefined {
    return this.data;
  }
  set quiz(value: unknown) {
    this.config = value;
  }

  protected configSchema() {
    return quizSchema;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return { mode: this.mode };
  }

  protected configure(quiz: Quiz): void {
    const same = this.data?.id === quiz.id && this.data?.version === quiz.version;
    this.data = quiz;
    this.store = this.storageProvider ?? (this.storage === 'none' ? memoryStorage() : webStorage(this.storage === 'session' ? 'session' : 'local'));
    if (!same) {
      this.plan = planAttempt(quiz, 1);
      this.p = fresh(1, this.plan, quiz);
      this.typed = {};
      this.restoreSaved();
    } else {
      this.plan = planAttempt(quiz, this.p.attempt);
    }
  }

  private get key(): string {
    return `ls-quiz:${this.data!.id}@${this.data!.version ?? '1'}`;
  }

  private restoreSaved(): void {
    const key = this.key;
    readStorage(this.store, key, (saved) => {
      if (saved && key === this.key) this.restoreProgress(saved);
    });
  }

  /** The learner's progress as JSON (for an LMS's suspend_data). */
  getProgress(): string {
    return JSON.stringify(this.p);
  }

  /** Restore progress saved by `getProgress()`; false if it does not fit this quiz. */
  restoreProgress(json: string): boolean {
    if (!this.data) return false;
    let p: Progress;
    try {
      p = JSON.parse(json);
    } catch {
      return false;
    }
    if (!p || p.v !== 1 || !Number.isInteger(p.attempt) || p.attempt < 1 || typeof p.responses !== 'object' || !Array.isArray(p.checked)) return false;
    const plan = planAttempt(this.data, p.attempt);
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= plan.order.length) return false;
    this.p = { ...fresh(p.attempt, plan, this.data), ...p };
    this.plan = plan;
    this.requestUpdate();
    return true;
  }

  private save(): void {
    const key = this.key;
    void safely(() => this.store.set(key, this.getProgress()));
  }

  private get exam(): boolean {
    return this.data!.mode === 'exam';
  }

  private question(id: string): Question {
    return this.data!.questions.find((q) => q.id === id)!;
  }

  private get current(): Question {
    return this.question(this.plan!.order[this.p.index]);
  }

  private response(q: Question): Response | undefined {
    return this.p.responses[q.id];
  }

  private setResponse(q: Question, r: Response | undefined): void {
    if (r === undefined) delete this.p.responses[q.id];
    else this.p.responses = { ...this.p.responses, [q.id]: r };
    this.notice = '';
    this.save();
    this.requestUpdate();
  }

  private answered(q: Question): QuizAnsweredDetail {
    const response = this.response(q)!;
    const correct = isCorrect(q, response);
    return { quizId: this.data!.id, questionId: q.id, response, correct, score: { raw: correct ? 1 : 0, max: 1 } };
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private check(): void {
    const q = this.current;
    if (!isAnswered(q, this.response(q))) {
      this.notice = this.t('chooseFirst');
      this.announcer.announce(this.notice);
      this.focusNext = 'feedback';
      this.requestUpdate();
      return;
    }
    this.p.checked = [...this.p.checked, q.id];
    this.save();
    const detail = this.answered(q);
    this.announcer.announce(`${this.t(detail.correct ? 'correct' : 'incorrect')} ${detail.correct ? '' : this.t('correctAnswer', { answer: correctAnswerText(q, this.words) })}`);
    this.focusNext = 'feedback';
    this.requestUpdate();
    this.emit('ls-quiz-answered', detail);
  }

  private go(delta: number): void {
    this.p.index = Math.max(0, Math.min(this.plan!.order.length - 1, this.p.index + delta));
    this.notice = '';
    this.save();
    this.focusNext = 'prompt';
    this.requestUpdate();
  }

  private finish(): void {
    const quiz = this.data!;
    const plan = this.plan!;
    if (this.exam) {
      for (const id of plan.order) {
        const q = this.question(id);
        if (isAnswered(q, this.p.responses[id])) this.emit('ls-quiz-answered', this.answered(q));
      }
    }
    const { score, success } = scoreAttempt(quiz, plan, this.p.responses);
    this.p.finished = true;
    this.p.result = { scaled: score.scaled, success };
    this.p.durationMs = Math.max(0, Date.now() - this.p.startedAt);
    this.save();
    this.focusNext = 'results';
    this.announcer.announce(`${this.t('scoreLine', this.scoreVars(score))} ${this.t(success ? 'passed' : 'failed')}.`);
    this.requestUpdate();
    this.emit<QuizCompletedDetail>('ls-quiz-completed', { quizId: quiz.id, score, success, durationMs: this.p.durationMs, attempt: this.p.attempt });
  }

  /** Start a new attempt (reshuffled when the quiz shuffles or draws a pool). */
  retry(): void {
    if (!this.data) return;
    this.plan = planAttempt(this.data, this.p.attempt + 1);
    this.p = fresh(this.plan.attempt, this.plan, this.data);
    this.typed = {};
    this.save();
    this.focusNext = 'prompt';
    this.requestUpdate();
  }

  private scoreVars(s: Score) {
    return { raw: s.raw, max: s.max, pct: this.formatNumber(s.scaled * 100) };
  }

  private get words() {
    return { true: this.t('true'), false: this.t('false'), none: this.t('none') };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = '';
    (this.renderRoot.querySelector(`[data-focus="${target}"]`) as HTMLElement | null)?.focus();
  }

  protected renderView(): TemplateResult {
    return html`<div class="quiz ${this.embedded ? 'embedded' : ''}" lang=${this.locale ?? nothing}>
      ${this.embedded ? nothing : html`<h2 class="title">${this.data!.title}</h2>`}
      ${this.p.finished ? this.renderResults() : this.renderQuestion()} ${this.announcer.render()}
    </div>`;
  }

  private renderQuestion(): TemplateResult {
    const q = this.current;
    const total = this.plan!.order.length;
    const checked = !this.exam && this.p.checked.includes(q.id);
    const last = this.p.index === total - 1;
    const label = this.t('progress', { n: this.p.index + 1, total });
    const promptId = `prompt-${q.id}`;
    const detail = checked ? this.answered(q) : undefined;
    return html`${this.embedded && total === 1
        ? nothing
        : html`<div class="progress" part="progress">
            <span>${label}</span>
            <progress max=${total} .value=${this.p.index + (checked ? 1 : 0)} aria-label=${label}></progress>
          </div>`}
      <section class="question" part="question" aria-labelledby=${promptId}>
        <div class="prompt" id=${promptId} tabindex="-1" data-focus="prompt">${md(q.prompt)}</div>
        ${this.renderInput(q, promptId, checked)}
        ${q.hint && !checked ? html`<details class="hint"><summary>${this.t('hint')}</summary>${md(q.hint)}</details>` : nothing}
        <div class="feedback ${detail ? (detail.correct ? 'ok' : 'bad') : this.notice ? '' : 'idle'}" part="feedback" role="status" tabindex="-1" data-focus="feedback">
          ${detail ? this.renderFeedback(q, detail) : this.notice}
        </div>
      </section>
      <div class="actions">
        ${this.exam
          ? html`<button ?disabled=${this.p.index === 0} @click=${() => this.go(-1)}>${this.t('previous')}</button>
              ${last ? html`<button class="primary" @click=${() => this.finish()}>${this.t('submit')}</button>` : html`<button class="primary" @click=${() => this.go(1)}>${this.t('next')}</button>`}`
          : checked
            ? last
              ? this.embedded
                ? nothing
                : html`<button class="primary" @click=${() => this.finish()}>${this.t('finish')}</button>`
              : html`<button class="primary" @click=${() => this.go(1)}>${this.t('next')}</button>`
            : html`<button class="primary" @click=${() => this.check()}>${this.t('check')}</button>`}
      </div>`;
  }

  private renderFeedback(q: Question, d: QuizAnsweredDetail): TemplateResult {
    return html`<p class="verdict"><strong>${this.t(d.correct ? 'correct' : 'incorrect')}</strong> ${d.correct ? nothing : this.t('correctAnswer', { answer: correctAnswerText(q, this.words) })}</p>
      <div class="explanation">${md(q.explanation)}</div>`;
  }

  private renderInput(q: Question, promptId: string, locked: boolean): TemplateResult {
    const r = this.response(q);
    const name = `q-${q.id}`;
    if (q.type === 'numeric' || q.type === 'text') {
      // Numbers keep what was typed ("50," on the way to "50,000"); the parsed value is the response.
      const value = this.typed[q.id] ?? (r === undefined ? '' : String(r));
      return html`<label class="field">
        <span class="sr-only">${this.t('answerLabel')}</span>
        <input
          type="text"
          inputmode=${q.type === 'numeric' ? 'decimal' : nothing}
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${promptId}
          .value=${value}
          ?readonly=${locked}
          @input=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            this.typed[q.id] = raw;
            this.setResponse(q, q.type === 'numeric' ? parseNumber(raw) : raw === '' ? undefined : raw);
          }}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !locked && (this.exam ? undefined : this.check())}
        />
        ${q.type === 'numeric' && q.unit ? html`<span class="unit">${q.unit}</span>` : nothing}
      </label>`;
    }
    if (q.type === 'ordering') {
      const order = r as string[];
      const text = (id: string) => q.options.find((o) => o.id === id)!.text;
      const move = (i: number, d: number) => {
        const next = order.slice();
        [next[i], next[i + d]] = [next[i + d], next[i]];
        this.setResponse(q, next);
        this.announcer.announce(this.t('moved', { item: mdText(text(order[i])), pos: i + d + 1, total: order.length }));
        void this.updateComplete.then(() => {
          const btn = this.renderRoot.querySelector<HTMLButtonElement>(`[data-move="${order[i]}:${d}"]`);
          (btn && !btn.disabled ? btn : this.renderRoot.querySelector<HTMLButtonElement>(`[data-move="${order[i]}:${-d}"]`))?.focus();
        });
      };
      return html`<ol class="ordering" aria-labelledby=${promptId}>
        ${order.map(
          (id, i) => html`<li part="option" class=${locked ? (q.answer[i] === id ? 'right' : 'wrong') : ''}>
            <span class="pos" aria-hidden="true">${i + 1}</span><span class="text">${inlineMd(text(id))}</span>
            ${locked
              ? nothing
              : html`<span class="moves">
                  <button data-move="${id}:-1" aria-label=${this.t('moveUp', { item: mdText(text(id)) })} ?disabled=${i === 0} @click=${() => move(i, -1)}>↑</button>
                  <button data-move="${id}:1" aria-label=${this.t('moveDown', { item: mdText(text(id)) })} ?disabled=${i === order.length - 1} @click=${() => move(i, 1)}>↓</button>
                </span>`}
          </li>`,
        )}
      </ol>`;
    }
    const multiple = q.type === 'multiple';
    const opts =
      q.type === 'true-false'
        ? [
            { id: 'true', text: this.t('true'), feedback: undefined },
            { id: 'false', text: this.t('false'), feedback: undefined },
          ]
        : this.plan!.optionOrder[q.id].map((id) => q.options.find((o) => o.id === id)!);
    const chosen = (id: string) =>
      q.type === 'true-false' ? r !== undefined && String(r) === id : multiple ? ((r as string[] | undefined) ?? []).includes(id) : r === id;
    const right = (id: string) => (q.type === 'true-false' ? String(q.answer) === id : multiple ? q.answer.includes(id) : q.answer === id);
    return html`<fieldset class="choices" aria-labelledby=${promptId}>
      ${opts.map((o) => {
        const on = chosen(o.id);
        const showFeedback = locked && o.feedback && (on || (multiple && right(o.id)));
        return html`<label part="option" class="choice ${locked && right(o.id) ? 'right' : ''} ${locked && on && !right(o.id) ? 'wrong' : ''}">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${name}
            .value=${o.id}
            .checked=${on}
            ?disabled=${locked}
            @change=${(e: Event) => {
              const el = e.target as HTMLInputElement;
              if (q.type === 'true-false') this.setResponse(q, o.id === 'true');
              else if (multiple) {
                const set = new Set((r as string[] | undefined) ?? []);
                if (el.checked) set.add(o.id);
                else set.delete(o.id);
                const ordered = q.options.map((x) => x.id).filter((x) => set.has(x));
                this.setResponse(q, ordered.length ? ordered : undefined);
              } else this.setResponse(q, o.id);
            }}
          />
          <span class="text">${inlineMd(o.text)}
            ${locked && right(o.id) ? html`<span class="mark ok">✓ ${this.t('isCorrect')}</span>` : nothing}
            ${locked && on && !right(o.id) ? html`<span class="mark bad">✗ ${this.t('yourChoice')}</span>` : nothing}
            ${showFeedback ? html`<span class="option-feedback">${inlineMd(o.feedback)}</span>` : nothing}
          </span>
        </label>`;
      })}
    </fieldset>`;
  }

  private renderResults(): TemplateResult {
    const quiz = this.data!;
    const { score, success, correct } = scoreAttempt(quiz, this.plan!, this.p.responses);
    return html`<section class="results" part="results" aria-labelledby="results-h">
      <h3 id="results-h" tabindex="-1" data-focus="results">${this.t('results')}</h3>
      <p class="score"><strong>${this.t('scoreLine', this.scoreVars(score))}</strong>
        <span class="badge ${success ? 'ok' : 'bad'}">${this.t(success ? 'passed' : 'failed')}</span>
        <span class="note">${this.t('passMark', { pct: quiz.passPercent })}</span>
      </p>
      <h4>${this.t('review')}</h4>
      <ol class="review">
        ${this.plan!.order.map((id) => {
          const q = this.question(id);
          const ok = correct[id];
          return html`<li class=${ok ? 'ok' : 'bad'}>
            <div class="prompt">${md(q.prompt)}</div>
            <p><span class="mark ${ok ? 'ok' : 'bad'}">${ok ? '✓' : '✗'} ${this.t(ok ? 'correct' : 'incorrect')}</span>
              ${this.t('yourAnswer', { answer: responseText(q, this.p.responses[id], this.words) })}</p>
            ${ok ? nothing : html`<p>${this.t('correctAnswer', { answer: correctAnswerText(q, this.words) })}</p>`}
            <div class="explanation"><strong>${this.t('explanation')}:</strong> ${md(q.explanation)}</div>
          </li>`;
        })}
      </ol>
      <div class="actions"><button class="primary" @click=${() => this.retry()}>${this.t('retry')}</button></div>
    </section>`;
  }
}

if (!customElements.get('ls-quiz')) customElements.define('ls-quiz', LsQuiz);
