import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalString, isoDuration, toXAPIStatements, type XAPIActor, type XAPIStatement } from '../../src/lms/xapi.js';
import type { Quiz, QuizAnsweredDetail, QuizCompletedDetail } from '../../src/components/quiz/types.js';

const quiz: Quiz = {
  id: 'caching-101',
  title: 'Caching **basics**',
  passPercent: 70,
  shuffle: false,
  mode: 'practice',
  questions: [
    {
      id: 'single',
      type: 'single',
      prompt: 'Which policy evicts the **least recently used** key?',
      explanation: 'LRU.',
      options: [
        { id: 'lru', text: '`LRU`' },
        { id: 'lfu', text: '*LFU*' },
        { id: 'fifo', text: 'FIFO' },
      ],
      answer: 'lru',
    },
    {
      id: 'multi',
      type: 'multiple',
      prompt: 'Which are write policies?',
      explanation: '…',
      options: [
        { id: 'wt', text: 'Write-through' },
        { id: 'wb', text: 'Write-back' },
        { id: 'lru', text: 'LRU' },
      ],
      answer: ['wt', 'wb'],
    },
    { id: 'tf', type: 'true-false', prompt: 'A cache hit reads from the origin.', explanation: '…', answer: false },
    {
      id: 'order',
      type: 'ordering',
      prompt: 'Order a read-through miss:',
      explanation: '…',
      options: [
        { id: 'check', text: 'Check cache' },
        { id: 'load', text: 'Load from DB' },
        { id: 'store', text: 'Store in cache' },
      ],
      answer: ['check', 'load', 'store'],
    },
    { id: 'num', type: 'numeric', prompt: 'Hit ratio in % for 3 hits of 4?', explanation: '…', answer: 75 },
    { id: 'num-tol', type: 'numeric', prompt: 'Roughly 0.2?', explanation: '…', answer: 0.2, tolerance: 0.1 },
    { id: 'text q/1', type: 'text', prompt: 'Name the `TTL` acronym.\n\n```\nttl = 60\n```', explanation: '…', answer: ['time to live', 'Time-To-Live'] },
  ],
};

const ACTIVITY = 'https://courses.example/quizzes/caching-101';
const actor: XAPIActor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-42' } };
const ans = (questionId: string, response: QuizAnsweredDetail['response'], correct: boolean): QuizAnsweredDetail => ({
  quizId: quiz.id,
  questionId,
  response,
  correct,
  score: { raw: correct ? 1 : 0, max: 1 },
});
const answers: QuizAnsweredDetail[] = [
  ans('single', 'lru', true),
  ans('multi', ['wb', 'wt'], true),
  ans('tf', true, false),
  ans('order', ['check', 'store', 'load'], false),
  ans('num', 75, true),
  ans('num-tol', 0.25, true),
  ans('text q/1', 'Time To Live', true),
];
const result = (over: Partial<QuizCompletedDetail> = {}): QuizCompletedDetail => ({
  quizId: quiz.id,
  score: { raw: 5, min: 0, max: 7, scaled: 5 / 7 },
  success: true,
  durationMs: 65_250,
  attempt: 1,
  ...over,
});
const build = (over: Partial<QuizCompletedDetail> = {}, opts: Partial<Parameters<typeof toXAPIStatements>[1]> = {}) =>
  toXAPIStatements({ quiz, answers, result: result(over) }, { actor, activityId: ACTIVITY, ...opts });
const byQuestion = (sts: XAPIStatement[], id: string) => sts.find((s) => s.object.id === `${ACTIVITY}/questions/${encodeURIComponent(id)}`)!;

describe('toXAPIStatements: answered', () => {
  const sts = build();

  it('makes one answered statement per answer, in order, then completed, then passed', () => {
    expect(sts.map((s) => s.verb.id)).toEqual([
      ...answers.map(() => 'http://adlnet.gov/expapi/verbs/answered'),
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/passed',
    ]);
    expect(sts[0].verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } });
    expect(sts.slice(0, answers.length).map((s) => s.object.id)).toEqual(answers.map((a) => `${ACTIVITY}/questions/${encodeURIComponent(a.questionId)}`));
  });

  it('describes a single-choice question as a choice interaction', () => {
    const s = byQuestion(sts, 'single');
    expect(s.object).toEqual({
      objectType: 'Activity',
      id: `${ACTIVITY}/questions/single`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        name: { 'en-US': 'Which policy evicts the least recently used key?' },
        description: { 'en-US': 'Which policy evicts the least recently used key?' },
        interactionType: 'choice',
        correctResponsesPattern: ['lru'],
        choices: [
          { id: 'lru', description: { 'en-US': 'LRU' } },
          { id: 'lfu', description: { 'en-US': 'LFU' } },
          { id: 'fifo', description: { 'en-US': 'FIFO' } },
        ],
      },
    });
    expect(s.result).toEqual({ success: true, response: 'lru' });
  });

  it('joins multiple-choice ids with [,] in the pattern and the response', () => {
    const s = byQuestion(sts, 'multi');
    expect(s.object.definition!.interactionType).toBe('choice');
    expect(s.object.definition!.correctResponsesPattern).toEqual(['wt[,]wb']);
    expect(s.result).toEqual({ success: true, response: 'wb[,]wt' });
  });

  it('uses "true"/"false" for true-false, with no choices', () => {
    const s = byQuestion(sts, 'tf');
    expect(s.object.definition!.interactionType).toBe('true-false');
    expect(s.object.definition!.correctResponsesPattern).toEqual(['false']);
    expect(s.object.definition!.choices).toBeUndefined();
    expect(s.result).toEqual({ success: false, response: 'true' });
  });

  it('maps ordering to sequencing with choices and an ordered [,] list', () => {
    const s = byQuestion(sts, 'order');
    expect(s.object.definition!.interactionType).toBe('sequencing');
    expect(s.object.definition!.choices!.map((c) => c.id)).toEqual(['check', 'load', 'store']);
    expect(s.object.definition!.correctResponsesPattern).toEqual(['check[,]load[,]store']);
    expect(s.result).toEqual({ success: false, response: 'check[,]store[,]load' });
  });

  it('writes numeric answers as a number, or a min[:]max range with a tolerance', () => {
    const exact = byQuestion(sts, 'num');
    expect(exact.object.definition!.interactionType).toBe('numeric');
    expect(exact.object.definition!.correctResponsesPattern).toEqual(['75']);
    expect(exact.result!.response).toBe('75');
    const range = byQuestion(sts, 'num-tol');
    expect(range.object.definition!.correctResponsesPattern).toEqual(['0.1[:]0.3']); // not 0.30000000000000004
    expect(range.result!.response).toBe('0.25');
  });

  it('maps text to fill-in with one case-insensitive pattern per accepted answer', () => {
    const s = byQuestion(sts, 'text q/1');
    expect(s.object.id).toBe(`${ACTIVITY}/questions/text%20q%2F1`);
    expect(s.object.definition!.interactionType).toBe('fill-in');
    expect(s.object.definition!.correctResponsesPattern).toEqual(['{case_matters=false}time to live', '{case_matters=false}Time-To-Live']);
    expect(s.result).toEqual({ success: true, response: 'Time To Live' });
    // Markdown markers are stripped; the code block stays as text.
    expect(s.object.definition!.description).toEqual({ 'en-US': 'Name the TTL acronym.\nttl = 60' });
    expect(s.object.definition!.name).toEqual({ 'en-US': 'Name the TTL acronym.' });
  });

  it('puts every answer in the quiz as parent context and copies the actor', () => {
    for (const s of sts.slice(0, answers.length)) {
      expect(s.context).toEqual({ contextActivities: { parent: [{ objectType: 'Activity', id: ACTIVITY }] } });
      expect(s.actor).toEqual(actor);
      expect(s.actor).not.toBe(actor);
    }
  });

  it('leaves statement ids to the LRS and sets timestamp and registration only when given', () => {
    for (const s of sts) {
      expect(s).not.toHaveProperty('id');
      expect(s).not.toHaveProperty('timestamp');
      expect(s.context?.registration).toBeUndefined();
    }
    const registration = '3d9f5c2e-8f1a-4b7e-9a6b-2c1d0e4f5a6b';
    const timestamp = '2025-03-01T10:00:00.000Z';
    for (const s of build({}, { registration, timestamp })) {
      expect(s.timestamp).toBe(timestamp);
      expect(s.context!.registration).toBe(registration);
    }
  });

  it('makes no answered statements when there are no answers', () => {
    const sts2 = toXAPIStatements({ quiz, answers: [], result: result() }, { actor, activityId: ACTIVITY });
    expect(sts2.map((s) => s.verb.display['en-US'])).toEqual(['completed', 'passed']);
  });
});

describe('toXAPIStatements: completed, passed, failed', () => {
  it('completed is about the assessment, with completion and duration but no score or success (cmi5 9.5)', () => {
    const completed = build().at(-2)!;
    expect(completed.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } });
    expect(completed.object).toEqual({
      objectType: 'Activity',
      id: ACTIVITY,
      definition: { type: 'http://adlnet.gov/expapi/activities/assessment', name: { 'en-US': 'Caching basics' } },
    });
    expect(completed.result).toEqual({ completion: true, duration: 'PT1M5.25S' });
    expect(completed.result).not.toHaveProperty('score');
    expect(completed.result).not.toHaveProperty('success');
    expect(completed).not.toHaveProperty('context');
  });

  it('passed carries score, success, duration and the cmi5 masteryscore — and no completion (cmi5 9.5.3)', () => {
    const passed = build().at(-1)!;
    expect(passed.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } });
    expect(passed.object.id).toBe(ACTIVITY);
    expect(passed.result).toEqual({ score: { scaled: 5 / 7, raw: 5, min: 0, max: 7 }, success: true, duration: 'PT1M5.25S' });
    expect(passed.context).toEqual({ extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.7 } });
  });

  it('failed when the attempt did not pass', () => {
    const failed = build({ success: false, score: { raw: 2, min: 0, max: 7, scaled: 2 / 7 } }).at(-1)!;
    expect(failed.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } });
    expect(failed.result!.success).toBe(false);
    expect(failed.result!.score!.raw).toBe(2);
    const sts = build({ success: false, score: { raw: 2, min: 0, max: 7, scaled: 2 / 7 } });
    expect(sts.filter((s) => /passed|failed/.test(s.verb.id)).map((s) => s.verb.display['en-US'])).toEqual(['failed']);
  });

  it('keeps scaled within [0, 1] and masteryScore to 4 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), (max, r, pass) => {
        const raw = r % (max + 1);
        const sts = toXAPIStatements(
          { quiz: { ...quiz, passPercent: pass }, answers: [], result: result({ score: { raw, min: 0, max, scaled: raw / max }, success: raw / max >= pass / 100 }) },
          { actor, activityId: ACTIVITY },
        );
        const judged = sts.at(-1)!;
        const scaled = judged.result!.score!.scaled!;
        expect(scaled).toBeGreaterThanOrEqual(0);
        expect(scaled).toBeLessThanOrEqual(1);
        const m = judged.context!.extensions!['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'] as number;
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(1);
        expect(Math.round(m * 10_000)).toBeCloseTo(m * 10_000, 6);
      }),
    );
    // A slightly-off scaled from a caller is clamped rather than sent out of range.
    expect(build({ score: { raw: 7, min: 0, max: 7, scaled: 1.0000000001 } }).at(-1)!.result!.score!.scaled).toBe(1);
  });

  it('with a cmi5 session id, marks the defined statements with the cmi5 and moveOn categories', () => {
    const sts = build({}, { sessionId: 'session-abc', registration: '3d9f5c2e-8f1a-4b7e-9a6b-2c1d0e4f5a6b' });
    const categories = [
      { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
      { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' },
    ];
    for (const s of sts.slice(-2)) {
      expect(s.context!.contextActivities).toEqual({ category: categories });
      expect(s.context!.extensions!['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('session-abc');
    }
    // Answered statements are "cmi5 allowed": the session id, but not the cmi5 category.
    expect(sts[0].context).toEqual({
      registration: '3d9f5c2e-8f1a-4b7e-9a6b-2c1d0e4f5a6b',
      contextActivities: { parent: [{ objectType: 'Activity', id: ACTIVITY }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-abc' },
    });
  });

  it('serializes to JSON without nulls or empty objects', () => {
    const json = JSON.stringify(build());
    expect(json).not.toMatch(/null|\{\}/);
  });
});

describe('toXAPIStatements: validation', () => {
  const data = { quiz, answers, result: result() };

  it('requires an identified actor', () => {
    expect(() => toXAPIStatements(data, { actor: undefined as unknown as XAPIActor, activityId: ACTIVITY })).toThrow(TypeError);
    expect(() => toXAPIStatements(data, { actor: {} as XAPIActor, activityId: ACTIVITY })).toThrow(/identifier/);
    expect(() => toXAPIStatements(data, { actor: { name: 'No Id' }, activityId: ACTIVITY })).toThrow(TypeError);
    expect(() => toXAPIStatements(data, { actor: { mbox: 'someone@example.com' }, activityId: ACTIVITY })).toThrow(/mailto/);
    expect(() => toXAPIStatements(data, { actor: { mbox: 'mailto:a@b.c', openid: 'https://id.example/a' }, activityId: ACTIVITY })).toThrow(/exactly one/);
    expect(() => toXAPIStatements(data, { actor: { objectType: 'Group' }, activityId: ACTIVITY })).toThrow(/member/);
    for (const ok of [
      { mbox: 'mailto:a@b.c' },
      { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' },
      { openid: 'https://id.example/a' },
      { objectType: 'Group', member: [{ mbox: 'mailto:a@b.c' }] },
    ] as XAPIActor[]) {
      expect(toXAPIStatements(data, { actor: ok, activityId: ACTIVITY })[0].actor).toEqual(ok);
    }
  });

  it('requires an absolute IRI activity id', () => {
    for (const bad of [undefined, '', 'quizzes/caching', '/quizzes/caching', 'caching 101', 'https://exa mple.com/q', 42]) {
      expect(() => toXAPIStatements(data, { actor, activityId: bad as string })).toThrow(TypeError);
    }
    expect(() => toXAPIStatements(data, { actor, activityId: 'urn:uuid:3d9f5c2e-8f1a-4b7e-9a6b-2c1d0e4f5a6b' })).not.toThrow();
  });

  it('checks registration, timestamp and the data against the quiz', () => {
    expect(() => toXAPIStatements(data, { actor, activityId: ACTIVITY, registration: 'reg-1' })).toThrow(/UUID/);
    expect(() => toXAPIStatements(data, { actor, activityId: ACTIVITY, timestamp: 'yesterday' })).toThrow(/ISO 8601/);
    expect(() => toXAPIStatements({ ...data, answers: [ans('missing', 'x', false)] }, { actor, activityId: ACTIVITY })).toThrow(/no question "missing"/);
    expect(() => toXAPIStatements({ ...data, answers: [{ ...ans('single', 'lru', true), quizId: 'other' }] }, { actor, activityId: ACTIVITY })).toThrow(/quiz "other"/);
    expect(() => toXAPIStatements({ ...data, answers: [ans('tf', 'yes', false)] }, { actor, activityId: ACTIVITY })).toThrow(/does not fit/);
    expect(() => toXAPIStatements({ ...data, result: result({ score: { raw: 9, min: 0, max: 7, scaled: 1 } }) }, { actor, activityId: ACTIVITY })).toThrow(/between min and max/);
    expect(() => toXAPIStatements({ ...data, result: result({ durationMs: -1 }) }, { actor, activityId: ACTIVITY })).toThrow(RangeError);
  });
});

describe('isoDuration', () => {
  /** Parse the PT#H#M#S form back to milliseconds. */
  const parse = (d: string): number => {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(d);
    if (!m || d === 'PT') throw new Error(`not an ISO 8601 duration: ${d}`);
    return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60) * 1000 + Math.round(Number(m[3] ?? 0) * 1000);
  };

  it('formats hours, minutes and seconds to 0.01 s', () => {
    expect(isoDuration(65_250)).toBe('PT1M5.25S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(4)).toBe('PT0S');
    expect(isoDuration(5)).toBe('PT0.01S');
    expect(isoDuration(1_500)).toBe('PT1.5S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_600_000 + 7_050)).toBe('PT1H7.05S');
    expect(isoDuration(16_559_140)).toBe('PT4H35M59.14S'); // the xAPI spec's example
    expect(isoDuration(59_999)).toBe('PT1M'); // rounds up into the next minute
    expect(isoDuration(90_000_000)).toBe('PT25H');
  });

  it('parses back to the same milliseconds within rounding (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e10, noNaN: true }), (ms) => {
        const d = isoDuration(ms);
        expect(d).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
        expect(Math.abs(parse(d) - ms)).toBeLessThanOrEqual(5 + 1e-6);
        expect(parse(d)).toBe(Math.round(ms / 10) * 10);
      }),
    );
  });

  it('refuses negative and non-finite durations', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => isoDuration(bad)).toThrow(RangeError);
  });
});

describe('decimalString', () => {
  it('never uses exponent notation', () => {
    expect(decimalString(1e21)).toBe('1000000000000000000000');
    expect(decimalString(1e-7)).toBe('0.0000001');
    expect(decimalString(-0)).toBe('0');
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
      expect(decimalString(n)).not.toMatch(/e/i);
      // Exact for ordinary numbers; below 1e-6 at most 20 decimals are kept.
      expect(Math.abs(Number(decimalString(n)) - n)).toBeLessThanOrEqual(Math.abs(n) >= 1e-6 ? 0 : 1e-20);
    }));
  });
});
