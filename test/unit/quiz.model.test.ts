import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, formatIssue } from '../../src/core/validate.js';
import { quizSchema } from '../../src/components/quiz/schema.js';
import { correctAnswerText, isAnswered, isCorrect, parseNumber, planAttempt, responseText, scoreAttempt } from '../../src/components/quiz/model.js';
import type { Question, Quiz } from '../../src/components/quiz/types.js';

const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `Option ${i}` }));
const base = { prompt: 'P', explanation: 'E' };
const questions: Question[] = [
  { ...base, id: 's', type: 'single', options: opts(4), answer: 'o2' },
  { ...base, id: 'm', type: 'multiple', options: opts(4), answer: ['o0', 'o3'] },
  { ...base, id: 't', type: 'true-false', answer: false },
  { ...base, id: 'o', type: 'ordering', options: opts(4), answer: ['o2', 'o0', 'o3', 'o1'] },
  { ...base, id: 'n', type: 'numeric', answer: 0.3, tolerance: 0.05, unit: 'ms' },
  { ...base, id: 'x', type: 'text', answer: ['Write-ahead log', 'WAL'] },
];

function quiz(extra: Partial<Quiz> = {}): Quiz {
  const r = parse(quizSchema, { id: 'q', title: 'T', questions, ...extra });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
}

describe('scoring', () => {
  it('accepts exactly the right response for each type', () => {
    const right: Record<string, unknown> = { s: 'o2', m: ['o3', 'o0'], t: false, o: ['o2', 'o0', 'o3', 'o1'], n: 0.33, x: '  write-AHEAD   log ' };
    for (const q of questions) expect(isCorrect(q, right[q.id] as never), q.id).toBe(true);
  });

  it('rejects near misses', () => {
    const wrong: Record<string, unknown[]> = {
      s: ['o1', '', undefined],
      m: [['o0'], ['o0', 'o3', 'o1'], []],
      t: [true, 'false', undefined],
      o: [['o0', 'o2', 'o3', 'o1'], ['o2', 'o0', 'o3']],
      n: [0.36, NaN, '0.3'],
      x: ['WAL!', '', 'write ahead log'],
    };
    for (const q of questions) for (const r of wrong[q.id]) expect(isCorrect(q, r as never), `${q.id} ${JSON.stringify(r)}`).toBe(false);
  });

  it('a numeric answer is right exactly within its tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (answer, tol, k) => {
        const q: Question = { ...base, id: 'n', type: 'numeric', answer, tolerance: tol };
        const r = answer + k * tol;
        if (Math.abs(k) < 0.999) expect(isCorrect(q, r)).toBe(true);
        if (Math.abs(k) > 1.001 && tol > 1e-6) expect(isCorrect(q, r)).toBe(false);
      }),
    );
  });

  it('the score counts correct questions, scaled is raw/max, success compares with passPercent', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 100 }), (rightOnes, pass) => {
        const qz = quiz({ passPercent: pass });
        const plan = planAttempt(qz, 1);
        const right: Record<string, unknown> = { s: 'o2', m: ['o0', 'o3'], t: false, o: ['o2', 'o0', 'o3', 'o1'], n: 0.3, x: 'WAL' };
        const wrong: Record<string, unknown> = { s: 'o1', m: ['o1'], t: true, o: ['o0', 'o1', 'o2', 'o3'], n: 9, x: 'no' };
        const responses = Object.fromEntries(questions.map((q, i) => [q.id, rightOnes[i] ? right[q.id] : wrong[q.id]]));
        const { score, success, correct } = scoreAttempt(qz, plan, responses as never);
        const n = rightOnes.filter(Boolean).length;
        expect(score).toEqual({ raw: n, min: 0, max: 6, scaled: n / 6 });
        expect(success).toBe((n / 6) * 100 >= pass - 1e-9);
        expect(Object.values(correct).filter(Boolean).length).toBe(n);
      }),
    );
  });

  it('70% of 10 passes a 70% mark (no floating-point surprise)', () => {
    const qs: Question[] = Array.from({ length: 10 }, (_, i) => ({ ...base, id: `q${i}`, type: 'true-false', answer: true }));
    const qz = parse(quizSchema, { id: 'z', title: 'Z', questions: qs }).value!;
    const responses = Object.fromEntries(qs.map((q, i) => [q.id, i < 7]));
    expect(scoreAttempt(qz, planAttempt(qz, 1), responses).success).toBe(true);
    responses.q6 = false;
    expect(scoreAttempt(qz, planAttempt(qz, 1), responses).success).toBe(false);
  });

  it('describes answers in words', () => {
    const [s, m, t, o, n, x] = questions;
    expect(correctAnswerText(s)).toBe('Option 2');
    expect(correctAnswerText(m)).toBe('Option 0; Option 3');
    expect(correctAnswerText(t)).toBe('False');
    expect(correctAnswerText(o)).toBe('1. Option 2  2. Option 0  3. Option 3  4. Option 1');
    expect(correctAnswerText(n)).toBe('0.3 ± 0.05 ms');
    expect(correctAnswerText(x)).toBe('Write-ahead log');
    expect(responseText(s, undefined)).toBe('—');
    expect(isAnswered(m, [])).toBe(false);
  });

  it('parses typed numbers leniently', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 50 000 ')).toBe(50000);
    expect(parseNumber('50,000')).toBe(50000);
    expect(parseNumber('-3e2')).toBe(-300);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('attempt plans', () => {
  it('are deterministic per attempt, and a retry reshuffles', () => {
    const qz = quiz({ shuffle: true });
    expect(planAttempt(qz, 1)).toEqual(planAttempt(qz, 1));
    const orders = new Set(Array.from({ length: 8 }, (_, i) => planAttempt(qz, i + 1).order.join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('draw poolSize distinct questions, and options are permutations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (pool, attempt, shuffle) => {
        const qz = quiz({ poolSize: pool, shuffle });
        const plan = planAttempt(qz, attempt);
        expect(plan.order.length).toBe(pool);
        expect(new Set(plan.order).size).toBe(pool);
        for (const [id, order] of Object.entries(plan.optionOrder)) {
          const q = questions.find((x) => x.id === id) as { options: { id: string }[] };
          expect([...order].sort()).toEqual(q.options.map((o) => o.id).sort());
        }
        if (!shuffle) expect(plan.order).toEqual(questions.map((q) => q.id).filter((id) => plan.order.includes(id)));
      }),
      { numRuns: 60 },
    );
  });

  it('never starts an ordering question already in the right order', () => {
    for (let a = 1; a <= 200; a++) {
      const plan = planAttempt(quiz(), a);
      expect(plan.optionOrder.o).not.toEqual(['o2', 'o0', 'o3', 'o1']);
    }
  });
});

describe('quiz validation', () => {
  const issues = (input: unknown) => {
    const r = parse(quizSchema, input);
    return r.ok ? [] : r.issues.map(formatIssue);
  };
  const q = (over: Record<string, unknown>) => ({ id: 'q1', type: 'single', prompt: 'P', explanation: 'E', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'a', ...over });

  it('locates every kind of problem, all at once', () => {
    const list = issues({
      id: 'x',
      title: 'X',
      passPercent: 150,
      questions: [
        q({ answer: undefined }),
        q({ id: 'q2', answer: 'z' }),
        q({ id: 'q2' }),
        q({ id: 'q4', options: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }] }),
        q({ id: 'q5', type: 'multiple', answer: [] }),
        q({ id: 'q6', type: 'essay' }),
        q({ id: 'q7', type: 'ordering', answer: ['a'] }),
      ],
    });
    expect(list).toEqual(
      expect.arrayContaining([
        'passPercent: expected a number from 0 to 100, got 150',
        'questions[0].answer: is required (an id of letters, digits, ".", ":", "-" or "_")',
        'questions[1].answer: "z" is not an option id (options: "a", "b")',
        'questions[2]: duplicate question id "q2" (also at questions[1])',
        'questions[3].options[1]: duplicate option id "a" (also at questions[3].options[0])',
        'questions[4].answer: a "multiple" question needs at least one correct option',
        'questions[5].type: expected one of "single", "multiple", "true-false", "ordering", "numeric", "text", got "essay"',
      ]),
    );
    expect(list.some((l) => l.startsWith('questions[6].answer'))).toBe(true);
  });

  it('rejects empty questions and an oversized pool', () => {
    expect(issues({ id: 'x', title: 'X', questions: [] })).toEqual(['questions: expected at least 1 item, got 0']);
    expect(issues({ id: 'x', title: 'X', poolSize: 2, questions: [q({})] })).toEqual(['poolSize: expected at most 1 (the number of questions), got 2']);
  });

  it('fills defaults', () => {
    const r = parse(quizSchema, { id: 'x', title: 'X', questions: [q({})] });
    expect(r.ok && { pass: r.value.passPercent, mode: r.value.mode, shuffle: r.value.shuffle }).toEqual({ pass: 70, mode: 'practice', shuffle: false });
  });
});
