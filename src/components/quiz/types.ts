/**
 * Quiz data: the TypeScript shape of `content/schema/quiz.schema.json`. Prompts, options, feedback,
 * hints and explanations are a small Markdown subset (inline code, bold, italic, links, code
 * blocks, lists), rendered from tokens — never as HTML.
 */
export type QuestionType = 'single' | 'multiple' | 'true-false' | 'ordering' | 'numeric' | 'text';
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface QuizOption {
  id: string;
  text: string;
  /**
   * Shown after Check (practice mode) on choice questions: for the option chosen, and for a
   * `multiple` question also on a correct option that was missed. Not shown for ordering.
   */
  feedback?: string;
}

interface QuestionBase {
  id: string;
  prompt: string;
  /** Why the answer is right: shown after Check and in the review. */
  explanation: string;
  hint?: string;
  difficulty?: Difficulty;
  tags?: string[];
  /** Topic id this question belongs to (links the daily challenge to its lesson). */
  topic?: string;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: QuizOption[];
  answer: string;
}
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: QuizOption[];
  answer: string[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
}
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  options: QuizOption[];
  /** Every option id, in the right order. */
  answer: string[];
}
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  /** Accepted absolute difference (default 0). */
  tolerance?: number;
  unit?: string;
}
export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Accepted answers, compared trimmed, case-insensitively, with runs of spaces folded. */
  answer: string[];
}

export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderingQuestion | NumericQuestion | TextQuestion;

export interface Quiz {
  id: string;
  title: string;
  version?: string;
  /** Percentage needed to pass, 0–100 (default 70). */
  passPercent: number;
  /** Shuffle question order and options (seeded; a retry reshuffles). */
  shuffle: boolean;
  /** Draw this many questions per attempt (seeded). */
  poolSize?: number;
  mode: 'practice' | 'exam';
  /** Seed for shuffling and drawing (default: derived from the quiz id). */
  seed?: number;
  questions: Question[];
}

/** A learner's response: option id, option ids, boolean, number or text, by question type. */
export type Response = string | string[] | boolean | number;

export interface Score {
  raw: number;
  min: number;
  max: number;
  /** raw / max, 0–1. */
  scaled: number;
}

export interface QuizAnsweredDetail {
  quizId: string;
  questionId: string;
  response: Response;
  correct: boolean;
  /** This question's score: 1 of 1 when correct, 0 of 1 otherwise. */
  score: { raw: number; max: number };
}

export interface QuizCompletedDetail {
  quizId: string;
  score: Score;
  success: boolean;
  durationMs: number;
  /** 1 for the first attempt, 2 after one Retry, … */
  attempt: number;
}
