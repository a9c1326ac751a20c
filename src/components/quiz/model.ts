/**
 * The quiz engine, pure and seeded: which questions an attempt draws and in what order, how options
 * are shuffled, how a response is scored, and the attempt's result. No DOM, no clock: the view
 * passes times in.
 *
 * Scoring: every question is worth 1 point, all or nothing — a `multiple` is right only with exactly
 * the correct set, an `ordering` only in exactly the right order, a `numeric` within `tolerance`, a
 * `text` when it matches an accepted answer trimmed, case-insensitively and with spaces folded.
 */
import { createRng, stringSeed } from '../../core/prng.js';
import type { Question, Quiz, Response, Score } from './types.js';

export interface AttemptPlan {
  attempt: number;
  /** Question ids in the order asked. */
  order: string[];
  /** Option ids in display order, for questions with options. */
  optionOrder: Record<string, string[]>;
}

/** The seed of attempt n: from the quiz's seed (or id) and n, so a retry reshuffles reproducibly. */
export function attemptSeed(quiz: Pick<Quiz, 'id' | 'seed'>, attempt: number): number {
  return stringSeed(`${quiz.seed ?? quiz.id}#${attempt}`);
}

/** Draw and order the questions and options of attempt `attempt` (1-based). */
export function planAttempt(quiz: Quiz, attempt: number): AttemptPlan {
  const rng = createRng(attemptSeed(quiz, attempt));
  let questions = quiz.questions.map((q) => q.id);
  if (quiz.poolSize !== undefined && quiz.poolSize < questions.length) {
    // Draw a subset, keeping authored order unless shuffling.
    const drawn = new Set(rng.shuffle(questions).slice(0, quiz.poolSize));
    questions = questions.filter((q) => drawn.has(q));
  }
  if (quiz.shuffle) questions = rng.shuffle(questions);
  const optionOrder: Record<string, string[]> = {};
  for (const q of quiz.questions) {
    if (!('options' in q) || !questions.includes(q.id)) continue;
    const ids = q.options.map((o) => o.id);
    if (q.type === 'ordering') {
      // Never start an ordering question already solved.
      let order = rng.shuffle(ids);
      for (let i = 0; i < 8 && order.every((x, k) => x === q.answer[k]); i++) order = rng.shuffle(ids);
      if (order.every((x, k) => x === q.answer[k])) order = [...ids.slice(1), ids[0]];
      optionOrder[q.id] = order;
    } else {
      optionOrder[q.id] = quiz.shuffle ? rng.shuffle(ids) : ids;
    }
  }
  return { attempt, order: questions, optionOrder };
}

export function normalizeText(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Is `response` a well-formed response for this question type (not necessarily right)? */
export function isAnswered(q: Question, response: Response | undefined): boolean {
  if (response === undefined || response === null) return false;
  switch (q.type) {
    case 'single':
      return typeof response === 'string' && response !== '';
    case 'multiple':
      return Array.isArray(response) && response.length > 0;
    case 'ordering':
      return Array.isArray(response) && response.length === q.options.length;
    case 'true-false':
      return typeof response === 'boolean';
    case 'numeric':
      return typeof response === 'number' && Number.isFinite(response);
    case 'text':
      return typeof response === 'string' && response.trim() !== '';
  }
}

export function isCorrect(q: Question, response: Response | undefined): boolean {
  if (!isAnswered(q, response)) return false;
  switch (q.type) {
    case 'single':
      return response === q.answer;
    case 'multiple': {
      const r = new Set(response as string[]);
      return r.size === q.answer.length && q.answer.every((a) => r.has(a));
    }
    case 'ordering':
      return (response as string[]).every((x, i) => x === q.answer[i]);
    case 'true-false':
      return response === q.answer;
    case 'numeric':
      // A small epsilon so 0.1 + 0.2 counts as 0.3.
      return Math.abs((response as number) - q.answer) <= (q.tolerance ?? 0) + 1e-9 * Math.max(1, Math.abs(q.answer));
    case 'text':
      return q.answer.some((a) => normalizeText(a) === normalizeText(response as string));
  }
}

export function scoreAttempt(quiz: Quiz, plan: AttemptPlan, responses: Record<string, Response>): { score: Score; success: boolean; correct: Record<string, boolean> } {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const correct: Record<string, boolean> = {};
  let raw = 0;
  for (const id of plan.order) {
    correct[id] = isCorrect(byId.get(id)!, responses[id]);
    if (correct[id]) raw++;
  }
  const max = plan.order.length;
  const scaled = max ? raw / max : 0;
  // Compare in whole percent ×1e6 to avoid 0.7 * 100 = 70.00000000000001 failing a 70% pass mark.
  const success = Math.round(scaled * 1e8) >= Math.round(quiz.passPercent * 1e6);
  return { score: { raw, min: 0, max, scaled }, success, correct };
}

/** A response (or, with `q.answer`, the correct answer) in words, for feedback and the review. */
export function responseText(q: Question, r: Response | undefined, words: { true: string; false: string; none: string } = { true: 'True', false: 'False', none: '—' }): string {
  if (!isAnswered(q, r)) return words.none;
  const text = (id: string) => ('options' in q ? (q.options.find((o) => o.id === id)?.text ?? id) : id);
  switch (q.type) {
    case 'true-false':
      return r ? words.true : words.false;
    case 'ordering':
      return (r as string[]).map((a, i) => `${i + 1}. ${text(a)}`).join('  ');
    case 'multiple':
      return (r as string[]).map(text).join('; ');
    case 'single':
      return text(r as string);
    case 'numeric':
      return `${r}${q.unit ? ` ${q.unit}` : ''}`;
    case 'text':
      return String(r);
  }
}

export function correctAnswerText(q: Question, words?: { true: string; false: string; none: string }): string {
  if (q.type === 'numeric' && q.tolerance) return `${q.answer} ± ${q.tolerance}${q.unit ? ` ${q.unit}` : ''}`;
  return responseText(q, q.type === 'text' ? q.answer[0] : q.answer, words);
}

/** Parse what was typed in a numeric field: accepts "1,5" as 1.5, "1 000" and "1,000" as 1000. */
export function parseNumber(input: string): number | undefined {
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return undefined;
  // "50,000" (groups of three) is thousands; any other single comma is a decimal comma ("1,5").
  const normalized = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s.replace(/^(-?\d+),(\d+)$/, '$1.$2');
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}
