/**
 * The Daily Challenge, pure: which question a calendar day gets, the streak, the history, and which
 * missed questions are due for review. No clock: the view passes the date.
 *
 * - Every reader gets the same question on the same date: day d (days since 1970-01-01) takes
 *   position d mod n of a seeded permutation of the bank (n questions), reshuffled every n days.
 *   Each block of n days (counted from day 0) asks every question exactly once; across the edge
 *   of two blocks a question can come back sooner.
 * - A missed question gets a spaced-repetition card (FSRS, through ts-fsrs, supplied by the caller)
 *   and comes back as "due for review" on its schedule; reviewing updates the card.
 */
import * as v from '../../core/validate.js';
import { createRng } from '../../core/prng.js';
import { questionSchema, quizSchema } from '../quiz/schema.js';
import type { Question, Response } from '../quiz/types.js';

export interface DailyConfig {
  bank: Question[];
  seed: number;
  /** URL pattern of a topic page; `{topic}` is replaced by the question's topic id. */
  topicUrl: string;
  title?: string;
  /** A pinned date (YYYY-MM-DD); otherwise the reader's today. */
  date?: string;
}

const isQuiz = (x: unknown) => typeof x === 'object' && x !== null && 'questions' in x && 'id' in x && 'title' in x;

/**
 * Bring every accepted form to the object form: an array of questions → `{ questions }`, an array
 * of quizzes or one quiz → `{ quizzes }`; an object is kept.
 */
export function normalizeDailyInput(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.length && raw.every(isQuiz) ? { quizzes: raw } : { questions: raw };
  if (isQuiz(raw)) return { quizzes: [raw] };
  return raw;
}

const dateField = v.refine(v.string({ pattern: /^\d{4}-\d{2}-\d{2}$/, describe: 'a date YYYY-MM-DD' }), (d, path, issues) => {
  if (Number.isNaN(dayNumber(d))) issues.push({ path: path || 'date', message: `${JSON.stringify(d)} is not a calendar date` });
});

const objectForm = v.object({
  $schema: v.optional(v.string()),
  title: v.optional(v.string({ minLength: 1, maxLength: 200 })),
  seed: v.optional(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 0),
  topicUrl: v.optional(v.describe(v.string({ maxLength: 500 }), 'Link pattern for a question’s topic; {topic} is replaced by its id.'), '?path=/docs/learn-{topic}--docs'),
  date: v.optional(v.describe(dateField, 'Pin the day (YYYY-MM-DD), e.g. for a post or a test.')),
  questions: v.optional(v.array(questionSchema, { uniqueBy: v.idKey, uniqueName: 'question id' })),
  quizzes: v.optional(v.array(quizSchema, { uniqueBy: v.idKey, uniqueName: 'quiz id' })),
});

/**
 * The bank and settings: `{ questions?, quizzes?, seed?, topicUrl?, title?, date? }` (see
 * `normalizeDailyInput` for the short forms). Question ids must be unique across the bank.
 */
export const dailyConfigSchema: v.Schema<DailyConfig> = {
  expected: objectForm.expected,
  kind: 'object',
  spec: objectForm.spec,
  check(input, path, issues) {
    const o = objectForm.check(normalizeDailyInput(input), path, issues);
    if (!o) return undefined;
    const bank = [...(o.questions ?? []), ...(o.quizzes ?? []).flatMap((q) => q.questions)];
    const before = issues.length;
    if (!bank.length) issues.push({ path: path || 'config', message: 'the bank is empty: give questions or quizzes' });
    const seen = new Set<string>();
    for (const q of bank) {
      if (seen.has(q.id)) issues.push({ path: path || 'config', message: `question id ${JSON.stringify(q.id)} appears more than once in the bank` });
      seen.add(q.id);
    }
    return issues.length > before ? undefined : { bank, seed: o.seed, topicUrl: o.topicUrl, title: o.title, date: o.date };
  },
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; NaN when it is not a real date. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) return NaN;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return NaN;
  return t / 86_400_000;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The question of a date: the same for everyone with the same bank and seed. */
export function pickQuestion(bank: readonly Question[], date: string, seed: number): Question {
  const day = dayNumber(date);
  const n = bank.length;
  const cycle = Math.floor(day / n);
  // Order the bank by id first, so the pick does not depend on how the bank was assembled.
  const ids = bank.map((q) => q.id).sort();
  const order = createRng(`${seed}:${cycle}`).shuffle(ids);
  const id = order[((day % n) + n) % n];
  return bank.find((q) => q.id === id)!;
}

/** A spaced-repetition card as stored (ts-fsrs's Card with dates as ISO strings). */
export interface StoredCard {
  due: string;
  [field: string]: unknown;
}

export interface DailyState {
  v: 1;
  /** Consecutive days answered, ending at `last`. */
  streak: number;
  best: number;
  last?: string;
  /** What was answered on each date. */
  history: Record<string, { q: string; correct: boolean; response: Response }>;
  /** Review cards of missed questions, by question id. */
  cards: Record<string, StoredCard>;
}

export const emptyState = (): DailyState => ({ v: 1, streak: 0, best: 0, history: {}, cards: {} });

/** The streak as seen on `date`: it lapses when yesterday was not answered. */
export function currentStreak(s: DailyState, date: string): number {
  if (!s.last) return 0;
  const gap = dayNumber(date) - dayNumber(s.last);
  return gap <= 1 ? s.streak : 0;
}

/**
 * Record the day's answer (only the first answer of a day counts). An answer for a date before the
 * last one played (a post pinned to an earlier day) goes into the history but leaves the streak alone.
 */
export function recordAnswer(s: DailyState, date: string, q: string, correct: boolean, response: Response): DailyState {
  if (s.history[date]) return s;
  const history = { ...s.history, [date]: { q, correct, response } };
  const gap = s.last ? dayNumber(date) - dayNumber(s.last) : Infinity;
  if (gap < 0) return { ...s, history };
  const streak = gap === 1 ? s.streak + 1 : gap === 0 ? s.streak : 1;
  return { ...s, streak, best: Math.max(s.best, streak), last: date, history };
}

/**
 * When a review is scheduled from: noon UTC of the reader's date. Reviews are day-granular, so the
 * time of day (and the reader's time zone) must not push a card a day later.
 */
export function scheduleTime(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Ids of questions whose review card is due on or before `date`, most overdue first, only those in the bank. */
export function dueForReview(s: DailyState, date: string, bank: readonly Question[]): string[] {
  const inBank = new Set(bank.map((q) => q.id));
  return Object.entries(s.cards)
    .filter(([id, c]) => inBank.has(id) && c.due.slice(0, 10) <= date)
    .sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due))
    .map(([id]) => id);
}

/** Accepts stored JSON only if it has the state's shape. */
export function parseState(json: string | null | undefined): DailyState {
  try {
    const s = JSON.parse(json ?? '');
    if (s && s.v === 1 && typeof s.streak === 'number' && s.history && typeof s.history === 'object' && s.cards && typeof s.cards === 'object') return s;
  } catch {
    /* fall through */
  }
  return emptyState();
}
