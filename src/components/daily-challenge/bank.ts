import * as v from '../../core/validate.js';
import { questionSchema, quizSchema, rawQuiz } from '../quiz/schema.js';
import type { Question } from '../quiz/types.js';

/** A bank of questions (for the daily challenge): an array of questions, or of quizzes, or { questions }. */
export const questionBankSchema: v.Schema<Question[]> = {
  expected: 'an array of questions or quizzes, or { questions: [...] }',
  spec: { type: 'union', of: [v.array(questionSchema) as v.Schema<unknown>, rawQuiz as v.Schema<unknown>] },
  check(input, path, issues) {
    const before = issues.length;
    let list: Question[] | undefined;
    if (Array.isArray(input) && input.every((x) => typeof x === 'object' && x && 'questions' in x)) {
      const quizzes = v.array(quizSchema, { minItems: 1 }).check(input, path, issues);
      list = quizzes?.flatMap((q) => q.questions);
    } else if (Array.isArray(input)) {
      list = v.array(questionSchema, { minItems: 1 }).check(input, path, issues);
    } else if (typeof input === 'object' && input && 'questions' in input) {
      list = quizSchema.check(input, path, issues)?.questions;
    } else {
      issues.push({ path: path || 'config', message: `expected ${this.expected}, got ${v.show(input)}` });
    }
    if (list) {
      const seen = new Map<string, number>();
      list.forEach((q, i) => {
        if (seen.has(q.id)) issues.push({ path: path || 'config', message: `duplicate question id ${JSON.stringify(q.id)} in the bank (questions ${seen.get(q.id)} and ${i})` });
        seen.set(q.id, i);
      });
    }
    return issues.length > before ? undefined : list;
  },
};
