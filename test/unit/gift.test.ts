import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeGift, fromGift, giftWarnings, optionId, toGift } from '../../src/formats/gift.js';
import { quizSchema } from '../../src/components/quiz/schema.js';
import { formatIssue, parse } from '../../src/core/validate.js';
import type { Question, Quiz, QuizOption } from '../../src/components/quiz/types.js';

const valid = (input: unknown): Quiz => {
  const r = parse(quizSchema, input);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
};
const fixture = valid(JSON.parse(readFileSync('test/fixtures/quizzes/valid.json', 'utf8')));
const withoutOrdering = (quiz: Quiz): Quiz => ({ ...quiz, questions: quiz.questions.filter((q) => q.type !== 'ordering') });

// ---------------------------------------------------------------------------------------------
// A line-by-line port of Moodle's GIFT reader (question/format/gift/format.php: readquestions,
// readquestion, escapedchar_pre/post, parse_text_with_format, answerweightparser, commentparser),
// to check that what toGift writes means to Moodle what it means to us.

const phpTrim = (s: string) => s.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
const ESCAPED = ['\\:', '\\#', '\\=', '\\{', '\\}', '\\~', '\\n'];
const HOLDERS = ['&&058;', '&&035;', '&&061;', '&&123;', '&&125;', '&&126;', '&&010'];
const CHARS = [':', '#', '=', '{', '}', '~', '\n'];
const pre = (s: string) => ESCAPED.reduce((t, e, i) => t.split(e).join(HOLDERS[i]), s.split('\\\\').join('&&092;')).split('&&092;').join('\\');
const post = (s: string) => HOLDERS.reduce((t, h, i) => t.split(h).join(CHARS[i]), s);
function withFormat(text: string, fallback = 'moodle'): { text: string; format: string } {
  let format = fallback;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const name = text.slice(1, end);
    if (end > 0 && ['moodle', 'html', 'plain', 'markdown'].includes(name)) {
      format = name;
      text = text.slice(end + 1);
    }
  }
  return { text: phpTrim(post(text)), format };
}
const WEIGHT = /^%-*([0-9]{1,2})\.?([0-9]*)%/;
function weightOf(answer: string): [number, string] {
  const rest = answer.slice(1);
  const end = rest.indexOf('%');
  return [Number(rest.slice(0, end)) / 100, rest.slice(end + 1)];
}
function commentOf(answer: string, fmt: string): [string, string] {
  const at = answer.indexOf('#');
  const [a, f] = at < 0 ? [answer, ''] : [answer.slice(0, at), answer.slice(at + 1)];
  return [withFormat(phpTrim(a), fmt).text, withFormat(phpTrim(f), fmt).text];
}
interface MoodleQuestion {
  qtype: string;
  name?: string;
  questiontext?: string;
  format?: string;
  generalfeedback?: string;
  single?: boolean;
  answers?: { text: string; fraction: number; feedback: string }[];
  correctanswer?: boolean;
  numeric?: { answer: number; tolerance: number }[];
  tags?: string[];
}
function moodleReadQuestions(file: string): MoodleQuestion[] {
  const out: MoodleQuestion[] = [];
  let current: string[] = [];
  const flush = () => {
    const q = current.length ? moodleReadQuestion(current) : undefined;
    if (q) out.push(q);
    current = [];
  };
  for (const raw of file.split('\n')) {
    const line = phpTrim(raw);
    if (line === '' || line === '0') flush();
    else current.push(line);
  }
  flush();
  return out;
}
function moodleReadQuestion(lines: string[]): MoodleQuestion | undefined {
  let comments = '';
  lines = lines.map((l) => (phpTrim(l).startsWith('//') ? ((comments += phpTrim(l) + '\n'), ' ') : l));
  let text = phpTrim(lines.join('\n'));
  if (!text) return undefined;
  text = pre(text);
  if (/^\$CATEGORY:/.test(text)) return { qtype: 'category' };
  const q: MoodleQuestion = { qtype: '' };
  q.tags = [...comments.matchAll(/\[tag:((?:\\\]|[^\]<>`\p{Cc}])+)\]/gu)].map((m) => phpTrim(m[1]).replace(/\\\]/g, ']'));
  if (text.startsWith('::')) {
    text = text.slice(2);
    const end = text.indexOf('::');
    if (end >= 0) {
      q.name = post(text.slice(0, end));
      text = phpTrim(text.slice(end + 2));
    }
  }
  const start = text.indexOf('{');
  const finish = text.indexOf('}');
  if (start < 0 || finish < 0) return { ...q, qtype: start < 0 && finish < 0 ? 'description' : 'error' };
  let answertext = phpTrim(text.slice(start + 1, finish));
  const questiontext = text.endsWith('}') ? text.slice(0, start) + text.slice(finish + 1) : text.slice(0, start) + '_____' + text.slice(finish + 1);
  let general = '';
  const gf = answertext.lastIndexOf('####');
  if (gf >= 0) {
    general = answertext.slice(gf + 4);
    answertext = phpTrim(answertext.slice(0, gf));
  }
  const qt = withFormat(questiontext);
  Object.assign(q, { questiontext: qt.text, format: qt.format, generalfeedback: withFormat(general, qt.format).text });
  const fmt = qt.format;
  const split = (s: string, sep: string) => {
    const parts = s.split(sep);
    parts[0] = phpTrim(parts[0]);
    if (!parts[0]) parts.shift();
    return parts;
  };
  if (answertext === '') return { ...q, qtype: 'essay' };
  if (answertext[0] === '#') {
    q.qtype = 'numerical';
    q.numeric = split(answertext.slice(1), '=').map((raw) => {
      let a = phpTrim(raw);
      if (WEIGHT.test(a)) a = weightOf(a)[1];
      const [t] = commentOf(a, fmt);
      const [ans, tol] = t.indexOf(':') > 0 ? t.split(':') : [t, '0'];
      return { answer: Number(ans), tolerance: Number(tol) };
    });
    return q;
  }
  if (answertext.includes('~')) {
    q.qtype = 'multichoice';
    q.single = answertext.includes('=');
    q.answers = split(answertext.replace(/=/g, '~='), '~').map((raw) => {
      let a = phpTrim(raw);
      let fraction = 0;
      if (a[0] === '=') [fraction, a] = [1, a.slice(1)];
      else if (WEIGHT.test(a)) [fraction, a] = weightOf(a);
      const [t, feedback] = commentOf(a, fmt);
      return { text: t, fraction, feedback };
    });
    return q;
  }
  if (answertext.includes('=') && answertext.includes('->')) return { ...q, qtype: 'match' };
  const tf = answertext.indexOf('#') > 0 ? phpTrim(answertext.slice(0, answertext.indexOf('#'))) : answertext;
  if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) return { ...q, qtype: 'truefalse', correctanswer: tf[0] === 'T' };
  q.qtype = 'shortanswer';
  q.answers = split(answertext, '=').map((raw) => {
    let a = phpTrim(raw);
    let fraction = 1;
    if (WEIGHT.test(a)) [fraction, a] = weightOf(a);
    const [t, feedback] = commentOf(a, fmt);
    return { text: t, fraction, feedback };
  });
  return q;
}

/** Moodle's question_bank::fraction_options_full(), as percentages. */
const MOODLE_GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0].flatMap((g) => [g, -g]);
const isMoodleGrade = (fraction: number) => MOODLE_GRADES.some((g) => Math.abs(fraction * 100 - g) < 0.001);

// ---------------------------------------------------------------------------------------------
// Generated quizzes with awkward text

/** Fragments that stress GIFT: its special characters, escapes, format tags, comments, weights. */
const awkward = fc.constantFrom(
  '~', '=', '#', '{', '}', ':', '::', '\\', '\\n', '\\:', '\n', '\r\n', '\r', '####', '%50%', '%', '%-100%', '->', '//', '[html]', '[markdown]',
  '[plain]', '$CATEGORY:', '*', '\\*', '_____', ' ', '\t', '  ', 'é', '漢字', '😀', '\u2028', '\u00a0', '"', "'", '[tag:x]', '[id:y]', 'TRUE', 'T', '0', '..', '1..2', '<b>', '&amp;',
);
const piece = fc.oneof(awkward, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
/** Text as GIFT can carry it: trimmed, line breaks as \n. */
const normalize = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const text = (max = 300) =>
  fc
    .array(piece, { minLength: 1, maxLength: 8 })
    .map((parts) => normalize(parts.join('')))
    .filter((s) => s.length > 0 && s.length <= max);
const anyText = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const id = fc.stringMatching(/^[A-Za-z0-9][\w.:-]{0,10}$/);

const base = fc.record(
  {
    prompt: text(),
    explanation: text(),
    hint: anyText(50),
    difficulty: fc.constantFrom('easy', 'medium', 'hard'),
    tags: fc.array(anyText(60), { maxLength: 4 }),
    topic: id,
  },
  { requiredKeys: ['prompt', 'explanation'] },
);

const options = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.boolean())
  .chain(([n, defaultIds]) =>
    fc.tuple(
      defaultIds ? fc.constant(Array.from({ length: n }, (_, i) => optionId(i))) : fc.uniqueArray(id, { minLength: n, maxLength: n }),
      fc.array(fc.record({ text: text(), feedback: text() }, { requiredKeys: ['text'] }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([ids, opts]): QuizOption[] => opts.map((o, i) => ({ id: ids[i], ...o })));

const questionBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  options.chain((opts) => fc.constantFrom(...opts.map((o) => o.id)).map((answer) => ({ type: 'single', options: opts, answer }))),
  options.chain((opts) =>
    fc
      .shuffledSubarray(
        opts.map((o) => o.id),
        { minLength: 1 },
      )
      .map((answer) => ({ type: 'multiple', options: opts, answer })),
  ),
  fc.boolean().map((answer) => ({ type: 'true-false', answer })),
  fc
    .record(
      {
        answer: fc.double({ noNaN: true, noDefaultInfinity: true }),
        tolerance: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
        unit: fc.string({ maxLength: 40 }),
      },
      { requiredKeys: ['answer'] },
    )
    .map((n) => ({ type: 'numeric', ...n })),
  fc.array(text(200).filter((s) => !s.includes('->')), { minLength: 1, maxLength: 4 }).map((answer) => ({ type: 'text', answer })),
);

const quizArb: fc.Arbitrary<Quiz> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 6 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.tuple(base, questionBody), { minLength: ids.length, maxLength: ids.length })))
  .chain(([ids, parts]) => {
    const questions = parts.map(([b, body], i) => ({ id: ids[i], ...b, ...body }));
    return fc
      .record(
        {
          id,
          title: anyText(80),
          version: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
          passPercent: fc.double({ min: 0, max: 100, noNaN: true }),
          shuffle: fc.boolean(),
          poolSize: fc.integer({ min: 1, max: questions.length }),
          mode: fc.constantFrom('practice', 'exam'),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        },
        { requiredKeys: ['id', 'title', 'passPercent', 'shuffle', 'mode'] },
      )
      .map((settings) => valid({ ...settings, questions }));
  });

// ---------------------------------------------------------------------------------------------

describe('toGift', () => {
  const gift = toGift(fixture);

  it('writes each question type in Moodle GIFT syntax', () => {
    expect(gift).toContain(
      [
        '::cache-aside::[markdown]In the **cache-aside** pattern, who loads a missing key into the cache?{',
        '\t=The application, after reading the database#Right\\: the cache is passive.',
        '\t~The cache itself, from the database#That is *read-through*.',
        '\t~The database, via a trigger',
        '\t####With cache-aside the application checks the cache, and on a miss reads the database and writes the value back.',
        '}',
      ].join('\n'),
    );
    expect(gift).toContain('::eviction::[markdown]Which are cache **eviction** policies?{\n\t~%50%LRU\n\t~%50%LFU\n\t~%-100%WAL#A write-ahead log is for durability.\n');
    expect(gift).toContain('::ttl-consistency::[markdown]A TTL alone guarantees that readers never see stale data.{FALSE####Until the TTL expires');
    expect(gift).toContain('{#90:0.5####900 / 1000 \\= 0.9, i.e. `90 %`.}');
    expect(gift).toContain('{\n\t=%100%cache stampede\n\t=%100%thundering herd\n\t=%100%dogpile\n\t####A *cache stampede*');
  });

  it('keeps what GIFT has no field for in // le-systems: comment lines, and tags as Moodle [tag:] comments', () => {
    expect(gift.split('\n')[0]).toBe('// le-systems-quiz: {"id":"caching-basics","title":"Caching basics","version":"1","passPercent":60,"shuffle":false,"mode":"practice"}');
    expect(gift).toContain(
      '// le-systems: {"hint":"Who knows where the data lives?","difficulty":"easy","tags":["caching","patterns"],"topic":"caching","options":["app","cache","db"]}\n// [tag:caching] [tag:patterns]\n::cache-aside::',
    );
    expect(gift).toContain('// le-systems: {"unit":"%"}\n::hit-ratio::');
  });

  it('omits ordering questions with a comment line', () => {
    expect(gift).toContain('\n// ordering question read-path omitted: GIFT has no ordering type\n');
    expect(gift).not.toContain('::read-path::');
    expect(giftWarnings(fixture)).toEqual(['ordering question read-path omitted: GIFT has no ordering type']);
  });

  it('escapes ~ = # { } : and backslashes, and writes newlines as \\n', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\ni\r\nj')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni\\nj');
  });

  it('gives the correct options of a multiple equal weights from Moodle\'s grade list, summing to 100 %', () => {
    for (let k = 1; k <= 12; k++) {
      const opts = Array.from({ length: 12 }, (_, i) => ({ id: optionId(i), text: `o${i}` }));
      const q: Question = { id: 'm', type: 'multiple', prompt: 'P', explanation: 'E', options: opts, answer: opts.slice(0, k).map((o) => o.id) };
      const [read] = moodleReadQuestions(toGift(valid({ id: 'w', title: 'W', questions: [q] })));
      const fractions = read.answers!.map((a) => a.fraction);
      expect(read.single).toBe(false);
      expect(fractions.every(isMoodleGrade), `k=${k}: ${fractions}`).toBe(true);
      expect(Math.abs(fractions.filter((f) => f > 0).reduce((s, f) => s + f, 0) - 1), `k=${k}`).toBeLessThan(1e-5);
      expect(fractions.slice(k).every((f) => f === -1)).toBe(true);
      if (k <= 10) expect(new Set(fractions.slice(0, k)).size).toBe(1);
    }
  });

  it('protects texts Moodle would misread: leading %weights%, format tags, * wildcards, -> in short answers', () => {
    const quiz = valid({
      id: 'tricky',
      title: 'T',
      questions: [
        { id: 's', type: 'single', prompt: '[html] is a tag', explanation: '[plain] too', answer: 'a', options: [{ id: 'a', text: '%50% off' }, { id: 'b', text: '%25% off' }, { id: 'c', text: '[html]<b>' }] },
        { id: 'x', type: 'text', prompt: 'P', explanation: 'E', answer: ['a*b', '%5', 'x->y'] },
        { id: 'y', type: 'text', prompt: 'P', explanation: 'E', answer: ['a->b'] },
      ],
    });
    const gift = toGift(quiz);
    expect(gift).toContain('::s::[markdown][html] is a tag{\n\t=%50% off\n\t~%0%%25% off\n\t~[markdown][html]<b>\n\t####[markdown][plain] too\n}');
    expect(gift).toContain('\t=%100%a\\\\*b\n\t=%100%%5\n');
    expect(gift).toContain('// accepted answer "x->y" of x omitted: GIFT reads "->" as a matching question\n');
    expect(gift).toContain('// text question y omitted: every accepted answer contains "->", which GIFT reads as a matching question\n');
    const moodle = moodleReadQuestions(gift);
    expect(moodle.map((q) => q.qtype)).toEqual(['multichoice', 'shortanswer']);
    expect(moodle[0].questiontext).toBe('[html] is a tag');
    expect(moodle[0].generalfeedback).toBe('[plain] too');
    expect(moodle[0].answers).toEqual([
      { text: '%50% off', fraction: 1, feedback: '' },
      { text: '%25% off', fraction: 0, feedback: '' },
      { text: '[html]<b>', fraction: 0, feedback: '' },
    ]);
    // Moodle's short-answer matcher reads \* as a literal star.
    expect(moodle[1].answers!.map((a) => [a.text, a.fraction])).toEqual([
      ['a\\*b', 1],
      ['%5', 1],
    ]);
  });

  it('means to Moodle what it means to le-systems (property, Moodle reader ported)', () => {
    fc.assert(
      fc.property(quizArb, (quiz) => {
        const read = moodleReadQuestions(toGift(quiz));
        expect(read.length).toBe(quiz.questions.length);
        quiz.questions.forEach((q, i) => {
          const m = read[i];
          expect(m.name).toBe(q.id);
          expect(m.format).toBe('markdown');
          expect(m.questiontext).toBe(q.prompt);
          expect(m.generalfeedback).toBe(q.explanation);
          expect(m.tags).toEqual((q.tags ?? []).filter((t) => /^[^\]\\<>`\p{Cc}]+$/u.test(t.trim())).map((t) => t.trim()));
          switch (q.type) {
            case 'single':
            case 'multiple':
              expect(m.qtype).toBe('multichoice');
              expect(m.single).toBe(q.type === 'single');
              expect(m.answers!.map((a) => a.text)).toEqual(q.options.map((o) => o.text));
              expect(m.answers!.map((a) => a.feedback)).toEqual(q.options.map((o) => o.feedback ?? ''));
              expect(m.answers!.map((a) => a.fraction > 0)).toEqual(q.options.map((o) => (q.type === 'single' ? q.answer === o.id : q.answer.includes(o.id))));
              if (q.type === 'single') expect(m.answers!.map((a) => a.fraction)).toEqual(q.options.map((o) => (o.id === q.answer ? 1 : 0)));
              break;
            case 'true-false':
              expect(m).toMatchObject({ qtype: 'truefalse', correctanswer: q.answer });
              break;
            case 'numeric':
              expect(m.qtype).toBe('numerical');
              expect(m.numeric).toEqual([{ answer: q.answer, tolerance: q.tolerance ?? 0 }]);
              break;
            case 'text':
              expect(m.qtype).toBe('shortanswer');
              expect(m.answers!.map((a) => a.text.replace(/\\\*/g, '*'))).toEqual(q.answer);
              expect(m.answers!.every((a) => a.fraction === 1 && !/(?<!\\)\*/.test(a.text))).toBe(true);
              break;
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('fromGift', () => {
  it('round-trips any quiz without ordering questions, awkward text included (property)', () => {
    fc.assert(
      fc.property(quizArb, (quiz) => {
        expect(fromGift(toGift(quiz))).toEqual({ quiz, warnings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips the fixture, minus its ordering question, and never produces ordering', () => {
    const { quiz, warnings } = fromGift(toGift(fixture));
    expect(quiz).toEqual(withoutOrdering(fixture));
    expect(warnings).toEqual([]);
    expect(quiz.questions.some((q) => q.type === 'ordering')).toBe(false);
  });

  it('keeps the order of a multiple answer and non-default option ids', () => {
    const quiz = valid({
      id: 'o',
      title: 'O',
      questions: [{ id: 'm', type: 'multiple', prompt: 'P', explanation: 'E', options: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }, { id: 'z', text: 'Z' }], answer: ['z', 'x'] }],
    });
    expect(fromGift(toGift(quiz)).quiz).toEqual(quiz);
  });

  it('reads the examples of the Moodle GIFT documentation', () => {
    const { quiz, warnings } = fromGift(
      [
        '// question: 1  name: Grant',
        "::Grant's tomb::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}",
        '',
        "Grant is {~buried =entombed ~living} in Grant's tomb.",
        '',
        "Grant is buried in Grant's tomb.{FALSE}",
        '',
        "Who's buried in Grant's tomb?{=no one =nobody}",
        '',
        'When was Ulysses S. Grant born?{#1822:5}',
        '',
        'What is the value of pi (to 3 decimal places)? {#3.141..3.142}.',
        '',
        '::Multi::What two people are entombed in Grant\'s tomb? {',
        '   ~%-100%No one',
        '   ~%50%Grant',
        '   ~%50%Grant\'s wife',
        '   ~%-100%Grant\'s father',
        '}',
      ].join('\n'),
      { id: 'grant', title: "Grant's tomb" },
    );
    expect(quiz.id).toBe('grant');
    expect(quiz.title).toBe("Grant's tomb");
    expect(quiz.questions.map((q) => [q.id, q.type])).toEqual([
      ['Grant-s-tomb', 'single'],
      ['q2', 'single'],
      ['q3', 'true-false'],
      ['q4', 'text'],
      ['q5', 'numeric'],
      ['q6', 'numeric'],
      ['Multi', 'multiple'],
    ]);
    const [grant, missingWord, tf, text, numeric, range, multi] = quiz.questions as [Question & { type: 'single' }, Question & { type: 'single' }, Question, Question, Question, Question, Question & { type: 'multiple' }];
    expect(grant.options).toEqual([
      { id: 'a', text: 'Grant' },
      { id: 'b', text: 'Jefferson' },
      { id: 'c', text: 'no one' },
    ]);
    expect(grant.answer).toBe('c');
    expect(grant.explanation).toBe('The correct answer is: no one');
    expect(missingWord.prompt).toBe("Grant is _____ in Grant's tomb.");
    expect(missingWord.answer).toBe('b');
    expect(tf).toMatchObject({ answer: false });
    expect(text).toMatchObject({ answer: ['no one', 'nobody'] });
    expect(numeric).toMatchObject({ answer: 1822, tolerance: 5 });
    expect(range).toMatchObject({ prompt: 'What is the value of pi (to 3 decimal places)? _____.', answer: 3.1415, tolerance: 0.0005 });
    expect(multi.answer).toEqual(['b', 'c']);
    expect(warnings).toEqual(['7 questions have no general feedback (####), so the explanation states the correct answer: Grant-s-tomb, q2, q3, q4, q5, q6, Multi']);
    expect(parse(quizSchema, quiz).ok).toBe(true);
  });

  it('reads multi-line questions, comments between lines, feedback and format prefixes', () => {
    const { quiz, warnings } = fromGift(
      [
        '// a comment before',
        '::Q1:: [markdown]What does **WAL** stand',
        '  for?',
        '{',
        '  // a comment inside',
        '  =Write-ahead log # right',
        '  ~Wide area log#no',
        '  ~[html]<i>Write-after log</i>',
        '  ####[markdown]Durability first.',
        '}',
      ].join('\r\n'),
    );
    expect(quiz.questions).toEqual([
      {
        id: 'Q1',
        type: 'single',
        prompt: 'What does **WAL** stand\nfor?',
        explanation: 'Durability first.',
        options: [
          { id: 'a', text: 'Write-ahead log', feedback: 'right' },
          { id: 'b', text: 'Wide area log', feedback: 'no' },
          { id: 'c', text: '<i>Write-after log</i>' },
        ],
        answer: 'a',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns about what it cannot map and skips it', () => {
    const { quiz, warnings } = fromGift(
      [
        '$CATEGORY: $course$/top/Databases',
        '',
        '::essay::Discuss CAP.{}',
        '',
        '::match::Match.{=Canada -> Ottawa =Italy -> Rome}',
        '',
        '::description::Just some text.',
        '',
        '::broken::Which {=a ~b',
        '',
        '::two::A {=a ~b} and {=c ~d}',
        '',
        '::none::Pick {~a ~b####E}',
        '',
        '::partial::Pick {=a ~%50%b ~c####E}',

        '',
        '::tf::Raft is a consensus protocol.{TRUE#Not quite#Yes####E}',
        '',
        '::wild::Name it {=cache* =%50%store =x#fb####E}',
        '',
        '::num::N {#=5:1 =%50%6:0 ~#wrong####E}',
        '',
        '::html::[html]<p>Pick</p>{=a ~b####E}',
        '',
        '// le-systems: {not json',
        '::meta::Pick {=a ~b####E}',
        '',
        '::partial::Same title as before {=a ~b####E}',
        '',
        '::long::Pick {=a ~b####' + 'x'.repeat(4001) + '}',
      ].join('\n'),
    );
    expect(quiz.questions.map((q) => q.id)).toEqual(['partial', 'tf', 'wild', 'num', 'html', 'meta', 'partial-2']);
    expect(warnings).toEqual([
      'line 1: ignored "$CATEGORY: $course$/top/Databases" (le-systems quizzes have no question categories)',
      'line 3: question "essay": skipped: essay questions {} have no le-systems equivalent',
      'line 5: question "match": skipped: matching questions {=a -> b} have no le-systems equivalent',
      'line 7: question "description": skipped: a description (text without an answer block) is not a question',
      'line 9: question "broken": skipped: unbalanced "{" and "}" (escape them as \\{ and \\} in text)',
      'line 11: question "two": skipped: more than one answer block {…}',
      'line 13: question "none": skipped: no option has a positive weight (use "=" or "~%50%")',
      'line 15: question "partial": partial credit (50%) for option "b" counted as wrong',
      'line 17: question "tf": true/false feedback dropped (le-systems shows the explanation)',
      'line 19: question "wild": answer "store" (weight 50%) not imported: le-systems accepts only fully right answers',
      'line 19: question "wild": feedback of answer "x" dropped',
      'line 19: question "wild": the "*" wildcard of Moodle short answers is matched literally',
      'line 21: question "num": feedback for wrong numeric answers dropped',
      'line 21: question "num": 2 numeric answers; le-systems keeps the first fully right one',
      'line 23: question "html": [html] text kept as it is (le-systems renders Markdown, not HTML)',
      'line 25: ignored a "// le-systems:" line that is not valid JSON',
      'line 28: question id "partial" is already used; renamed "partial-2"',
      'line 30: question "long": skipped: explanation: expected a non-empty string of at most 4000 characters, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"',
    ]);
    expect(quiz.questions.find((q) => q.id === 'wild')).toMatchObject({ answer: ['cache*', 'x'] });
    expect(quiz.questions.find((q) => q.id === 'num')).toMatchObject({ answer: 5, tolerance: 1 });
    expect(parse(quizSchema, quiz).ok).toBe(true);
  });

  it('takes ids from the le-systems line, a Moodle [id:], the title, or the position', () => {
    const { quiz } = fromGift(
      ['// le-systems: {"id":"from-meta"}', '::Title::A {=a ~b####E}', '', '// [id:MOODLE-7] [tag:x] [tag:y\\]z]', '::Title two::B {=a ~b####E}', '', '::Título dos::C {T####E}', '', 'D {F####E}'].join('\n'),
    );
    expect(quiz.questions.map((q) => q.id)).toEqual(['from-meta', 'MOODLE-7', 'Titulo-dos', 'q4']);
    expect(quiz.questions[1].tags).toEqual(['x', 'y]z']);
  });

  it('throws when no question can be imported', () => {
    expect(() => fromGift('// only a comment\n\n::e::Essay {}')).toThrow(/no question could be imported\nline 3: question "e": skipped: essay/);
  });

  it('ignores quiz settings that do not validate, with a warning', () => {
    const { quiz, warnings } = fromGift('// le-systems-quiz: {"id":"bad id!","title":"T","passPercent":150}\n::q::A {T####E}');
    expect(quiz).toMatchObject({ id: 'gift-import', title: 'T', passPercent: 70 });
    expect(warnings).toEqual([
      'quiz settings ignored: id: expected an id of letters, digits, ".", ":", "-" or "_", got "bad id!"',
      'quiz settings ignored: passPercent: expected a number from 0 to 100, got 150',
    ]);
  });
});
