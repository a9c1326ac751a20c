import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, formatIssue } from '../../src/core/validate.js';
import { currentStreak, dailyConfigSchema, dateOf, dayNumber, dueForReview, emptyState, parseState, pickQuestion, recordAnswer, scheduleTime } from '../../src/components/daily-challenge/model.js';
import type { Question } from '../../src/components/quiz/types.js';

const bank: Question[] = Array.from({ length: 7 }, (_, i) => ({ id: `q${i}`, type: 'true-false', prompt: `P${i}`, explanation: 'E', answer: true }));
const dates = fc.integer({ min: 0, max: 40_000 }).map(dateOf);

describe('dates', () => {
  it('dayNumber and dateOf are inverse, and reject impossible dates', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (d) => dayNumber(dateOf(d)) === d));
    expect(dayNumber('2026-02-30')).toBeNaN();
    expect(dayNumber('2026-1-1')).toBeNaN();
    expect(dayNumber('2024-02-29')).toBe(19782);
  });
});

describe('pickQuestion', () => {
  it('is the same for everyone on a date, whatever order the bank was assembled in', () => {
    fc.assert(
      fc.property(dates, fc.nat(), (date, seed) => {
        const reversed = [...bank].reverse();
        expect(pickQuestion(bank, date, seed).id).toBe(pickQuestion(reversed, date, seed).id);
      }),
    );
  });

  it('asks every question once in each run of n consecutive days aligned to the cycle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.nat(), (cycle, seed) => {
        const start = cycle * bank.length;
        const ids = Array.from({ length: bank.length }, (_, k) => pickQuestion(bank, dateOf(start + k), seed).id);
        expect(new Set(ids).size).toBe(bank.length);
      }),
    );
  });

  it('depends on the seed', () => {
    const a = Array.from({ length: 14 }, (_, k) => pickQuestion(bank, dateOf(20000 + k), 1).id).join();
    const b = Array.from({ length: 14 }, (_, k) => pickQuestion(bank, dateOf(20000 + k), 2).id).join();
    expect(a).not.toBe(b);
  });
});

describe('streaks and history', () => {
  it('counts consecutive days, keeps the best, and lapses after a missed day', () => {
    let s = emptyState();
    s = recordAnswer(s, '2026-11-20', 'q0', true, true);
    s = recordAnswer(s, '2026-11-21', 'q1', false, false);
    s = recordAnswer(s, '2026-11-22', 'q2', true, true);
    expect(s.streak).toBe(3);
    expect(currentStreak(s, '2026-11-23')).toBe(3);
    expect(currentStreak(s, '2026-11-24')).toBe(0);
    s = recordAnswer(s, '2026-11-25', 'q3', true, true);
    expect(s.streak).toBe(1);
    expect(s.best).toBe(3);
  });

  it('answering a post pinned to an earlier day records it but leaves the streak alone', () => {
    let s = recordAnswer(emptyState(), '2026-11-20', 'q0', true, true);
    s = recordAnswer(s, '2026-11-21', 'q1', true, true);
    s = recordAnswer(s, '2026-10-01', 'q2', false, false);
    expect(s.streak).toBe(2);
    expect(s.last).toBe('2026-11-21');
    expect(s.history['2026-10-01'].correct).toBe(false);
  });

  it('only the first answer of a day counts', () => {
    let s = recordAnswer(emptyState(), '2026-11-20', 'q0', false, false);
    s = recordAnswer(s, '2026-11-20', 'q0', true, true);
    expect(s.history['2026-11-20'].correct).toBe(false);
    expect(s.streak).toBe(1);
  });

  it('the streak never exceeds the days answered', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 20000, max: 20060 }), { maxLength: 30 }), (days) => {
        let s = emptyState();
        for (const d of [...days].sort((a, b) => a - b)) s = recordAnswer(s, dateOf(d), 'q0', true, true);
        expect(s.streak).toBeLessThanOrEqual(days.length);
        expect(s.best).toBeGreaterThanOrEqual(s.streak);
        expect(Object.keys(s.history).length).toBe(days.length);
      }),
    );
  });
});

describe('reviews', () => {
  it('lists cards due by the end of the day, most overdue first, only for questions in the bank', () => {
    const s = { ...emptyState(), cards: { q1: { due: '2026-11-25T23:00:00Z' }, q2: { due: '2026-11-20T08:00:00Z' }, q3: { due: '2026-11-26T00:00:01Z' }, gone: { due: '2026-01-01T00:00:00Z' } } };
    expect(dueForReview(s, '2026-11-25', bank)).toEqual(['q2', 'q1']);
  });

  it('schedules from noon UTC of the reader’s date, whatever the time zone', () => {
    expect(scheduleTime('2026-11-23').toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('parseState accepts only its own shape', () => {
    expect(parseState('{"v":2}')).toEqual(emptyState());
    expect(parseState('nope')).toEqual(emptyState());
    const s = recordAnswer(emptyState(), '2026-11-20', 'q0', true, true);
    expect(parseState(JSON.stringify(s))).toEqual(s);
  });
});

describe('bank validation', () => {
  const issues = (input: unknown) => {
    const r = parse(dailyConfigSchema, input);
    return r.ok ? [] : r.issues.map(formatIssue);
  };
  it('accepts questions, quizzes, one quiz, or the object form', () => {
    const quiz = { id: 'z', title: 'Z', questions: bank.slice(0, 2) };
    for (const input of [bank, [quiz], quiz, { questions: bank, quizzes: [{ ...quiz, questions: [{ ...bank[0], id: 'other' }] }], seed: 3 }]) {
      expect(issues(input), JSON.stringify(input).slice(0, 60)).toEqual([]);
    }
  });
  it('locates problems in the bank and the date', () => {
    expect(issues({ questions: [{ ...bank[0], answer: 'yes' }], date: '2026-13-01' })).toEqual([
      'date: "2026-13-01" is not a calendar date',
      'questions[0].answer: expected true or false, got "yes"',
    ]);
    expect(issues({ questions: [] })).toEqual(['config: the bank is empty: give questions or quizzes']);
    expect(issues([bank[0], bank[0]])).toEqual(['questions[1]: duplicate question id "q0" (also at questions[0])']);
  });
});
