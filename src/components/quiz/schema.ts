/**
 * The quiz validator: structural checks with located messages, then the semantic ones a schema
 * cannot express (answer ids exist, ids are unique, a `multiple` has a correct option, an ordering
 * answer is a permutation of its options, poolSize fits). `content/schema/quiz.schema.json` is
 * generated from it.
 */
import * as v from '../../core/validate.js';
import type { Question, Quiz } from './types.js';

const id = v.string({ minLength: 1, maxLength: 80, pattern: /^[A-Za-z0-9][\w.:-]*$/, describe: 'an id of letters, digits, ".", ":", "-" or "_"' });
const text = v.string({ minLength: 1, maxLength: 4000 });
const option = v.object({ id, text, feedback: v.optional(text) }, { name: 'an option { id, text, feedback? }' });
const options = v.array(option, { minItems: 2, maxItems: 12, uniqueBy: v.idKey, uniqueName: 'option id' });

const base = {
  id,
  prompt: v.describe(text, 'The question (Markdown subset).'),
  explanation: v.describe(text, 'Why the answer is right (Markdown subset); shown after Check and in the review.'),
  hint: v.optional(text),
  difficulty: v.optional(v.oneOf(['easy', 'medium', 'hard'] as const)),
  tags: v.optional(v.array(v.string({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  topic: v.optional(id),
};

const tag = <T extends string>(t: T) => v.oneOf([t] as const);

const questionShapes = v.tagged<Question>('type', {
  single: v.object({ ...base, type: tag('single'), options, answer: id }) as v.Schema<Question>,
  multiple: v.object({ ...base, type: tag('multiple'), options, answer: v.array(id, { uniqueBy: v.idKey, uniqueName: 'answer' }) }) as v.Schema<Question>,
  'true-false': v.object({ ...base, type: tag('true-false'), answer: v.boolean() }) as v.Schema<Question>,
  ordering: v.object({ ...base, type: tag('ordering'), options, answer: v.array(id, { minItems: 2, uniqueBy: v.idKey, uniqueName: 'answer' }) }) as v.Schema<Question>,
  numeric: v.object({ ...base, type: tag('numeric'), answer: v.number(), tolerance: v.optional(v.number({ min: 0 })), unit: v.optional(v.string({ maxLength: 40 })) }) as v.Schema<Question>,
  text: v.object({ ...base, type: tag('text'), answer: v.array(v.string({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 30 }) }) as v.Schema<Question>,
});

/** A question: its shape, then the semantic checks — each question is checked on its own. */
export const questionSchema: v.Schema<Question> = v.refine(questionShapes, (q, path, issues) => checkQuestion(q, path, issues));

/** Semantic checks of one question; `path` points at it. */
export function checkQuestion(q: Question, path: string, issues: v.ConfigIssue[]): void {
  const at = (k: string | number, ...rest: (string | number)[]) => [k, ...rest].reduce<string>((p, x) => v.joinPath(p, x), path);
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ordering') {
    const ids = q.options.map((o) => o.id);
    const list = ids.map((x) => JSON.stringify(x)).join(', ');
    if (q.type === 'single') {
      if (!ids.includes(q.answer)) issues.push({ path: at('answer'), message: `${JSON.stringify(q.answer)} is not an option id (options: ${list})` });
    } else {
      q.answer.forEach((a, i) => {
        if (!ids.includes(a)) issues.push({ path: at('answer', i), message: `${JSON.stringify(a)} is not an option id (options: ${list})` });
      });
      if (q.type === 'multiple' && q.answer.length === 0) issues.push({ path: at('answer'), message: 'a "multiple" question needs at least one correct option' });
      if (q.type === 'ordering' && q.answer.length !== ids.length)
        issues.push({ path: at('answer'), message: `must list every option once, in the right order (${ids.length} options, got ${q.answer.length})` });
    }
  }
}

export const rawQuiz = v.object({
  $schema: v.optional(v.string()),
  id: v.describe(id, 'Stable id: progress is stored under id + version.'),
  title: text,
  version: v.optional(v.describe(v.string({ minLength: 1, maxLength: 40 }), 'Bump when questions change, so stored progress of an older version is not reused.')),
  passPercent: v.optional(v.describe(v.number({ min: 0, max: 100 }), 'Percentage needed to pass.'), 70),
  shuffle: v.optional(v.describe(v.boolean(), 'Shuffle questions and options (seeded).'), false),
  poolSize: v.optional(v.describe(v.number({ integer: true, min: 1 }), 'Draw this many questions per attempt.')),
  mode: v.optional(v.describe(v.oneOf(['practice', 'exam'] as const), 'practice: feedback after each Check; exam: feedback at the end.'), 'practice'),
  seed: v.optional(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 })),
  questions: v.array(questionSchema, { minItems: 1, maxItems: 500, uniqueBy: v.idKey, uniqueName: 'question id' }),
});

export const quizSchema: v.Schema<Quiz> = {
  expected: rawQuiz.expected,
  kind: 'object',
  spec: rawQuiz.spec,
  check(input, path, issues) {
    const raw = rawQuiz.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    if (raw.poolSize !== undefined && raw.poolSize > raw.questions.length)
      issues.push({ path: v.joinPath(path, 'poolSize'), message: `expected at most ${raw.questions.length} (the number of questions), got ${raw.poolSize}` });
    if (issues.length > before) return undefined;
    const { $schema: _ignored, ...quiz } = raw;
    return quiz as Quiz;
  },
};

