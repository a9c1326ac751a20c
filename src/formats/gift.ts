/**
 * Moodle GIFT import and export.
 *
 * `toGift(quiz)` writes text that Moodle's question bank imports (Question bank → Import → GIFT
 * format) and that `fromGift` reads back into the same quiz. The mapping, chosen to match Moodle's own
 * GIFT reader (question/format/gift/format.php) and exporter:
 *
 * | le-systems    | GIFT                                                                               |
 * |---------------|------------------------------------------------------------------------------------|
 * | `single`      | `{ =right#feedback ~wrong#feedback ####explanation }` (multiple choice, one answer) |
 * | `multiple`    | `{ ~%50%a ~%50%b ~%-100%c ####… }` — no `=`, so Moodle shows checkboxes             |
 * | `true-false`  | `{TRUE####explanation}` / `{FALSE####…}`                                            |
 * | `numeric`     | `{#answer####…}`, `{#answer:tolerance####…}` (`:0` kept, so 0 ≠ no tolerance)        |
 * | `text`        | `{ =%100%accepted =%100%other ####… }` (short answer)                              |
 * | `ordering`    | omitted, with `// ordering question <id> omitted: GIFT has no ordering type`       |
 *
 * - Weights of a `multiple`: the k correct options share 100 % equally and every wrong option is
 *   −100 %, so choosing any wrong option scores 0 (our all-or-nothing rule); Moodle still gives
 *   partial credit for a correct subset, which le-systems does not. Moodle only accepts weights from
 *   its fixed list (100, 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, …), so
 *   11 or 12 correct options get unequal shares of 10 % and 5 %.
 * - Every question is titled `::id::`; its prompt is prefixed `[markdown]` (our prompts are Markdown);
 *   options, feedback and the explanation inherit that format. A text that itself starts with a
 *   format tag such as `[html]` gets an explicit `[markdown]` so the tag stays text.
 * - The explanation is the general feedback `####…`. Per-option feedback is `#…`.
 * - Fields GIFT has no place for (hint, difficulty, tags, topic, unit, option ids other than
 *   a, b, c, …, the order of a `multiple` answer when it is not the option order) travel in a `// le-systems: {json}` comment line above the question, and the quiz's
 *   own fields (id, title, version, passPercent, shuffle, poolSize, mode, seed) in a
 *   `// le-systems-quiz: {json}` line at the top. Moodle ignores comments, except that it reads
 *   `// [tag:…]` lines as question tags — so tags are written that way too.
 * - Text is escaped with backslashes (`\\ \~ \= \# \{ \} \:`) and newlines are written as `\n`,
 *   exactly as Moodle's exporter does; carriage returns become newlines. In accepted `text` answers
 *   `*` is written as `\*`, because Moodle treats a bare `*` as a wildcard.
 * - Not representable, and therefore not round-tripped: leading and trailing whitespace of texts
 *   (GIFT trims), and an accepted `text` answer containing `->` (GIFT reads `=…->…` as a matching
 *   question): such answers are left out with a comment line, and a `text` question whose answers
 *   all contain `->` is omitted like an ordering question.
 *
 * `fromGift` reads that subset of GIFT as Moodle does: blank-line-separated questions that may span
 * lines, `//` comment lines, `::title::`, `[format]` prefixes, `#` feedback, `####` general feedback,
 * `%weight%` answer weights, and numeric `min..max` ranges. Missing-word questions (text after the
 * answer block) become a prompt with `_____` where the block was, as Moodle shows them. Everything
 * else is skipped or simplified with a warning: `$CATEGORY:` lines, descriptions (no answer block),
 * essays `{}`, matching `{=a -> b}`, partial-credit weights, true/false and numeric answer feedback,
 * alternative numeric answers and Moodle's `*` wildcard. A question without general feedback gets
 * the explanation "The correct answer is: …". Question ids come from the `// le-systems:` line, a
 * Moodle `// [id:…]`, the `::title::` (made into an id if needed) or else `q1`, `q2`, … by position;
 * option ids are `a`, `b`, `c`, … unless the `// le-systems:` line names them. The returned quiz
 * always passes `quizSchema`: a question that would not is skipped with a warning, and if no
 * question remains `fromGift` throws.
 */
import { formatIssue, parse } from '../core/validate.js';
import { quizSchema } from '../components/quiz/schema.js';
import { correctAnswerText } from '../components/quiz/model.js';
import type { Question, Quiz, QuizOption } from '../components/quiz/types.js';

const QUIZ_META = 'le-systems-quiz:';
const QUESTION_META = 'le-systems:';
const FORMAT_TAG = /^\[(moodle|html|plain|markdown)\]/;
const ID = /^[A-Za-z0-9][\w.:-]*$/;
/** Moodle's answer-weight syntax: `%50%`, `%-100%`, `%33.33333%`. */
const WEIGHT = /^%(-*[0-9]{1,2}\.?[0-9]*)%/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Equal shares of 100 % that Moodle accepts, for 1–10 correct options. */
const SHARES = ['100', '50', '33.33333', '25', '20', '16.66667', '14.28571', '12.5', '11.11111', '10'];

/** `a`, `b`, … `z`, `aa`, `ab`, … — the ids `fromGift` gives options. */
export function optionId(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/** Escape GIFT's special characters and newlines with backslashes, as Moodle's exporter does. */
export function escapeGift(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\\~=#{}:\n]/g, (c) => (c === '\n' ? '\\n' : '\\' + c));
}

/** Escaped text; an explicit `[markdown]` when the text itself starts with a format tag. */
function giftText(text: string): string {
  return (FORMAT_TAG.test(text.trimStart()) ? '[markdown]' : '') + escapeGift(text);
}

/** JSON on one line that Moodle's `[id:…]`/`[tag:…]` comment scan cannot misread. */
function oneLineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/\[(?=id:|tag:)/g, '\\u005b');
}

function num(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** Moodle weights (percent strings) for k correct options, summing to exactly 100. */
function shares(k: number): string[] {
  if (k <= SHARES.length) return Array<string>(k).fill(SHARES[k - 1]);
  const fives = Math.min(k, 2 * k - 20); // 10·(k − fives) + 5·fives = 100 for 11 ≤ k ≤ 20
  return [...Array<string>(k - fives).fill('10'), ...Array<string>(fives).fill('5')];
}

/** Export a quiz as GIFT. Ordering questions are left out with a comment line. */
export function toGift(quiz: Quiz): string {
  const { questions: _questions, ...settings } = quiz;
  const out = [
    `// ${QUIZ_META} ${oneLineJson(settings)}`,
    `// Quiz ${JSON.stringify(quiz.id)} exported by le-systems. Moodle: Question bank → Import → GIFT format.`,
    '',
  ];
  for (const q of quiz.questions) out.push(...questionToGift(q), '');
  return out.join('\n');
}

/** What GIFT cannot hold of a question: whether it is left out, and why (or which parts are). */
function omissions(q: Question): { omitted: boolean; messages: string[] } {
  if (q.type === 'ordering') return { omitted: true, messages: [`ordering question ${q.id} omitted: GIFT has no ordering type`] };
  if (q.type !== 'text') return { omitted: false, messages: [] };
  const arrows = q.answer.filter((a) => a.includes('->'));
  if (arrows.length === q.answer.length) return { omitted: true, messages: [`text question ${q.id} omitted: every accepted answer contains "->", which GIFT reads as a matching question`] };
  return { omitted: false, messages: arrows.map((a) => `accepted answer ${oneLineJson(a)} of ${q.id} omitted: GIFT reads "->" as a matching question`) };
}

/** The questions and answers `toGift` leaves out, as messages (also written as comments). */
export function giftWarnings(quiz: Quiz): string[] {
  return quiz.questions.flatMap((q) => omissions(q).messages);
}

function questionToGift(q: Question): string[] {
  const { omitted, messages } = omissions(q);
  const lines = messages.map((m) => `// ${m}`);
  if (omitted) return lines;
  const accepted = q.type === 'text' ? q.answer.filter((a) => !a.includes('->')) : [];
  const meta: Record<string, unknown> = {};
  if (q.hint !== undefined) meta.hint = q.hint;
  if (q.difficulty !== undefined) meta.difficulty = q.difficulty;
  if (q.tags !== undefined) meta.tags = q.tags;
  if (q.topic !== undefined) meta.topic = q.topic;
  if (q.type === 'numeric' && q.unit !== undefined) meta.unit = q.unit;
  if ((q.type === 'single' || q.type === 'multiple') && q.options.some((o, i) => o.id !== optionId(i))) meta.options = q.options.map((o) => o.id);
  // GIFT lists the correct options of a multiple in option order; keep an authored order.
  if (q.type === 'multiple' && q.answer.join('\n') !== q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.id).join('\n')) meta.answer = q.answer;
  if (Object.keys(meta).length) lines.push(`// ${QUESTION_META} ${oneLineJson(meta)}`);
  // Moodle imports `// [tag:…]` comments as question tags (tags it could not read are left to the JSON line).
  const moodleTags = (q.tags ?? []).filter((t) => /^[^\]\\<>`\p{Cc}]+$/u.test(t.trim()));
  if (moodleTags.length) lines.push(`// ${moodleTags.map((t) => `[tag:${t.trim()}]`).join(' ')}`);

  const head = `::${escapeGift(q.id)}::[markdown]${escapeGift(q.prompt)}`;
  const general = `####${giftText(q.explanation)}`;
  const option = (mark: string, o: QuizOption) => `\t${mark}${giftText(o.text)}${o.feedback !== undefined ? `#${giftText(o.feedback)}` : ''}`;
  switch (q.type) {
    case 'single':
      lines.push(`${head}{`);
      // A wrong option whose text starts with "%" gets an explicit %0% so Moodle does not read a weight.
      for (const o of q.options) lines.push(option(o.id === q.answer ? '=' : o.text.trimStart().startsWith('%') ? '~%0%' : '~', o));
      lines.push(`\t${general}`, '}');
      break;
    case 'multiple': {
      const weights = shares(q.answer.length);
      let k = 0;
      lines.push(`${head}{`);
      for (const o of q.options) lines.push(option(q.answer.includes(o.id) ? `~%${weights[k++]}%` : '~%-100%', o));
      lines.push(`\t${general}`, '}');
      break;
    }
    case 'true-false':
      lines.push(`${head}{${q.answer ? 'TRUE' : 'FALSE'}${general}}`);
      break;
    case 'numeric':
      lines.push(`${head}{#${num(q.answer)}${q.tolerance !== undefined ? `:${num(q.tolerance)}` : ''}${general}}`);
      break;
    case 'text':
      lines.push(`${head}{`);
      // =%100% so an answer starting with "%" is not read as a weight; \* so "*" is not a wildcard.
      for (const a of accepted) lines.push(`\t=%100%${giftText(a.replace(/\*/g, '\\*'))}`);
      lines.push(`\t${general}`, '}');
      break;
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Import

/** GIFT text with its backslash escapes resolved, remembering which characters were escaped. */
class Src {
  private constructor(
    private readonly c: string[],
    private readonly e: boolean[],
  ) {}

  static decode(raw: string): Src {
    const c: string[] = [];
    const e: boolean[] = [];
    for (let i = 0; i < raw.length; i++) {
      const next = raw[i + 1];
      if (raw[i] === '\\' && next !== undefined && '\\~=#{}:n'.includes(next)) {
        c.push(next === 'n' ? '\n' : next);
        e.push(true);
        i++;
      } else {
        c.push(raw[i]);
        e.push(false);
      }
    }
    return new Src(c, e);
  }

  get length(): number {
    return this.c.length;
  }
  /** The character at i if it is structural (not escaped), else ''. */
  at(i: number): string {
    return this.e[i] ? '' : (this.c[i] ?? '');
  }
  indexOf(s: string, from = 0): number {
    outer: for (let i = from; i + s.length <= this.c.length; i++) {
      for (let k = 0; k < s.length; k++) if (this.e[i + k] || this.c[i + k] !== s[k]) continue outer;
      return i;
    }
    return -1;
  }
  lastIndexOf(s: string): number {
    for (let i = this.c.length - s.length; i >= 0; i--) if (this.indexOf(s, i) === i) return i;
    return -1;
  }
  startsWith(s: string): boolean {
    return this.indexOf(s) === 0;
  }
  /** Texts and plain strings joined; a plain string counts as unescaped. */
  static join(...parts: (Src | string)[]): Src {
    const c: string[] = [];
    const e: boolean[] = [];
    for (const p of parts) {
      if (typeof p === 'string') for (const ch of p.split('')) c.push(ch), e.push(false);
      else c.push(...p.c), e.push(...p.e);
    }
    return new Src(c, e);
  }
  slice(a: number, b?: number): Src {
    return new Src(this.c.slice(a, b), this.e.slice(a, b));
  }
  /** Split at structural occurrences of `sep` (at most `limit` parts, like PHP's explode). */
  split(sep: string, limit = Infinity): Src[] {
    const parts: Src[] = [];
    let start = 0;
    for (let i = this.indexOf(sep); i >= 0 && parts.length < limit - 1; i = this.indexOf(sep, start)) {
      parts.push(this.slice(start, i));
      start = i + sep.length;
    }
    parts.push(this.slice(start));
    return parts;
  }
  /** Trim unescaped whitespace (an escaped `\n` at an end is content until the text is final). */
  trim(): Src {
    let a = 0;
    let b = this.c.length;
    while (a < b && !this.e[a] && /\s/.test(this.c[a])) a++;
    while (b > a && !this.e[b - 1] && /\s/.test(this.c[b - 1])) b--;
    return this.slice(a, b);
  }
  text(): string {
    return this.c.join('');
  }
}

type Format = 'moodle' | 'html' | 'plain' | 'markdown';

/** Moodle's parse_text_with_format: an optional leading `[format]`, then the trimmed text. */
function formatted(src: Src, fallback: Format): { text: string; format: Format } {
  let s = src.trim();
  let format = fallback;
  const tag = FORMAT_TAG.exec(s.text());
  if (s.at(0) === '[' && tag) {
    format = tag[1] as Format;
    s = s.slice(tag[0].length);
  }
  return { text: s.text().trim(), format };
}

/** A leading `%weight%`: the weight as a fraction and the rest. */
function weight(src: Src): { weight?: number; rest: Src } {
  const m = WEIGHT.exec(src.text());
  return m ? { weight: parseFloat(m[1].replace(/^-+/, '-')) / 100, rest: src.slice(m[0].length) } : { rest: src };
}

/** `text#feedback`, split at the first structural `#`. */
function comment(src: Src): { text: Src; feedback?: Src } {
  const [text, feedback] = src.split('#', 2);
  return { text, feedback };
}

/** Answer pieces after a marker: `answers[0]` is dropped when empty, as Moodle does. */
function pieces(src: Src, sep: string): Src[] {
  const parts = src.split(sep);
  if (!parts[0].trim().length) parts.shift();
  return parts;
}

interface Meta {
  id?: unknown;
  answer?: unknown;
  hint?: unknown;
  difficulty?: unknown;
  tags?: unknown;
  topic?: unknown;
  unit?: unknown;
  options?: unknown;
}

export interface FromGiftOptions {
  /** Quiz id (default: the `// le-systems-quiz:` line's, else "gift-import"). */
  id?: string;
  /** Quiz title (default: the `// le-systems-quiz:` line's, else "Imported from GIFT"). */
  title?: string;
}

/** Import GIFT text as a quiz, with a warning for everything that could not be mapped. */
export function fromGift(text: string, opts: FromGiftOptions = {}): { quiz: Quiz; warnings: string[] } {
  const warnings: string[] = [];
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) current = undefined;
      else {
        if (!current) blocks.push((current = { line: i + 1, lines: [] }));
        current.lines.push(line);
      }
    });

  let header: Record<string, unknown> | undefined;
  const questions: Question[] = [];
  const usedIds = new Set<string>();
  let position = 0;
  const noExplanation: string[] = [];

  for (const block of blocks) {
    const warn = (message: string) => warnings.push(`line ${block.line}: ${message}`);
    const comments = block.lines.filter((l) => l.startsWith('//')).map((l) => l.slice(2).trim());
    let meta: Meta = {};
    const moodle: string[] = [];
    for (const c of comments) {
      const json = c.startsWith(QUIZ_META) ? c.slice(QUIZ_META.length) : c.startsWith(QUESTION_META) ? c.slice(QUESTION_META.length) : undefined;
      if (json === undefined) {
        moodle.push(c);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        warn(`ignored a "// ${c.startsWith(QUIZ_META) ? QUIZ_META : QUESTION_META}" line that is not valid JSON`);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) warn(`ignored a "// ${c.split(':')[0]}:" line that is not a JSON object`);
      else if (c.startsWith(QUIZ_META)) header ??= value as Record<string, unknown>;
      else meta = { ...meta, ...(value as Meta) };
    }
    const body = block.lines
      .map((l) => (l.startsWith('//') ? ' ' : l))
      .join('\n')
      .trim();
    if (!body) continue;
    if (body.startsWith('$CATEGORY:')) {
      warn(`ignored "${body.split('\n')[0]}" (le-systems quizzes have no question categories)`);
      continue;
    }
    position++;
    const q = readQuestion(Src.decode(body), meta, moodle.join('\n'), position, usedIds, warn, noExplanation);
    if (q) {
      questions.push(q);
      usedIds.add(q.id);
    }
  }

  if (noExplanation.length)
    warnings.push(`${noExplanation.length === 1 ? '1 question has' : `${noExplanation.length} questions have`} no general feedback (####), so the explanation states the correct answer: ${noExplanation.join(', ')}`);
  const h = header ?? {};
  const settings: Record<string, unknown> = {};
  for (const k of ['version', 'passPercent', 'shuffle', 'poolSize', 'mode', 'seed']) if (h[k] !== undefined) settings[k] = h[k];
  const id = opts.id ?? (typeof h.id === 'string' ? h.id : 'gift-import');
  const title = opts.title ?? (typeof h.title === 'string' ? h.title : 'Imported from GIFT');
  if (!questions.length) throw new Error(['GIFT import: no question could be imported', ...warnings].join('\n'));
  let r = parse(quizSchema, { ...settings, id, title, questions });
  if (!r.ok) {
    for (const issue of r.issues) warnings.push(`quiz settings ignored: ${formatIssue(issue)}`);
    r = parse(quizSchema, { id: opts.id ?? (ID.test(id) ? id : 'gift-import'), title: opts.title ?? (title.trim() ? title : 'Imported from GIFT'), questions });
    if (!r.ok) throw new Error(['GIFT import: the quiz is not valid', ...r.issues.map(formatIssue)].join('\n'));
  }
  return { quiz: r.value, warnings };
}

function readQuestion(src: Src, meta: Meta, comments: string, position: number, usedIds: Set<string>, warnBlock: (m: string) => void, noExplanation: string[]): Question | undefined {
  // ::title::
  let title: string | undefined;
  if (src.startsWith('::')) {
    const end = src.indexOf('::', 2);
    if (end < 0) {
      warnBlock('unterminated "::title::"');
      src = src.slice(2);
    } else {
      title = src.slice(2, end).text().trim();
      src = src.slice(end + 2).trim();
    }
  }
  const id = questionId(meta, comments, title, position, usedIds, warnBlock);
  const warn = (m: string) => warnBlock(`question ${JSON.stringify(id)}: ${m}`);

  const open = src.indexOf('{');
  const close = src.indexOf('}');
  if (open < 0 && close < 0) return void warn('skipped: a description (text without an answer block) is not a question');
  if (open < 0 || close < open) return void warn('skipped: unbalanced "{" and "}" (escape them as \\{ and \\} in text)');
  const after = src.slice(close + 1);
  if (after.indexOf('{') >= 0 || after.indexOf('}') >= 0) return void warn('skipped: more than one answer block {…}');
  // Missing-word format: the blank stays in the prompt where the answers were.
  const promptSrc = after.length ? Src.join(src.slice(0, open), '_____', after) : src.slice(0, open);
  let answer = src.slice(open + 1, close).trim();
  let general: Src | undefined;
  const gf = answer.lastIndexOf('####');
  if (gf >= 0) {
    general = answer.slice(gf + 4);
    answer = answer.slice(0, gf).trim();
  }
  const prompt = formatted(promptSrc, 'moodle');
  if (prompt.format === 'html') warn('[html] text kept as it is (le-systems renders Markdown, not HTML)');
  const fmt = prompt.format;
  const explanation = general ? formatted(general, fmt).text : '';

  let q: Record<string, unknown>;
  if (!answer.length) return void warn('skipped: essay questions {} have no le-systems equivalent');
  if (answer.at(0) === '#') {
    const n = readNumeric(answer.slice(1), fmt, warn);
    if (!n) return undefined;
    q = { type: 'numeric', answer: n.answer, ...(n.tolerance !== undefined ? { tolerance: n.tolerance } : {}) };
  } else if (answer.indexOf('~') >= 0) {
    const c = readChoice(answer, fmt, warn);
    if (!c) return undefined;
    q = c;
  } else if (answer.indexOf('=') >= 0 && answer.indexOf('->') >= 0) {
    return void warn('skipped: matching questions {=a -> b} have no le-systems equivalent');
  } else {
    const hash = answer.indexOf('#');
    const tf = (hash > 0 ? answer.slice(0, hash).trim() : answer).text();
    if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) {
      const [, wrong, right] = answer.split('#', 3);
      if ((wrong && formatted(wrong, fmt).text) || (right && formatted(right, fmt).text)) warn('true/false feedback dropped (le-systems shows the explanation)');
      q = { type: 'true-false', answer: tf.startsWith('T') };
    } else {
      const accepted = readShortAnswers(answer, fmt, warn);
      if (!accepted) return undefined;
      q = { type: 'text', answer: accepted };
    }
  }

  // Fields GIFT cannot carry, from the // le-systems: line.
  const extra: Record<string, unknown> = {};
  for (const k of ['hint', 'difficulty', 'tags', 'topic'] as const) if (meta[k] !== undefined) extra[k] = meta[k];
  if (meta.unit !== undefined) {
    if (q.type === 'numeric') extra.unit = meta.unit;
    else warn('"unit" ignored: only numeric questions have a unit');
  }
  if (extra.tags === undefined) {
    const tags = [...comments.matchAll(/\[tag:((?:\\\]|[^\]<>`\p{Cc}])+)\]/gu)].map((m) => m[1].replace(/\\\]/g, ']').trim()).filter(Boolean);
    if (tags.length) extra.tags = tags;
  }
  if (meta.options !== undefined && Array.isArray(q.options)) {
    const ids = meta.options;
    const options = q.options as QuizOption[];
    if (Array.isArray(ids) && ids.length === options.length && ids.every((x) => typeof x === 'string')) {
      const map = new Map(options.map((o, i) => [o.id, ids[i] as string]));
      q.options = options.map((o) => ({ ...o, id: map.get(o.id)! }));
      q.answer = Array.isArray(q.answer) ? (q.answer as string[]).map((a) => map.get(a)!) : map.get(q.answer as string);
    } else warn('"options" ignored: it must list one id per option');
  }
  if (meta.answer !== undefined) {
    const order = meta.answer;
    const answer = q.answer;
    if (q.type === 'multiple' && Array.isArray(order) && Array.isArray(answer) && order.length === answer.length && answer.every((a) => order.includes(a))) q.answer = order;
    else warn('"answer" ignored: it must list the correct options of a multiple question');
  }
  const question = { id, prompt: prompt.text, explanation, ...q, ...extra } as unknown as Question;
  const derived = !question.explanation;
  if (derived) question.explanation = `The correct answer is: ${correctAnswerText(question)}`;
  const r = parse(quizSchema, { id: 'x', title: 'x', questions: [question] });
  if (!r.ok) {
    warn(`skipped: ${r.issues.map((i) => formatIssue({ ...i, path: i.path.replace(/^questions\[0\]\.?/, '') })).join('; ')}`);
    return undefined;
  }
  if (derived) noExplanation.push(id);
  return r.value.questions[0];
}

function questionId(meta: Meta, comments: string, title: string | undefined, position: number, used: Set<string>, warn: (m: string) => void): string {
  const idnumber = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/u.exec(comments)?.[1].replace(/\\\]/g, ']').trim();
  const slug = title
    ?.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|-+$/g, '')
    .slice(0, 80);
  const candidates = [meta.id, idnumber, title, slug];
  let id = (candidates.find((c) => typeof c === 'string' && c.length <= 80 && ID.test(c)) as string | undefined) ?? `q${position}`;
  if (used.has(id)) {
    let k = 2;
    while (used.has(`${id}-${k}`)) k++;
    warn(`question id ${JSON.stringify(id)} is already used; renamed ${JSON.stringify(`${id}-${k}`)}`);
    id = `${id}-${k}`;
  }
  return id;
}

function readChoice(answer: Src, fmt: Format, warn: (m: string) => void): Record<string, unknown> | undefined {
  const single = answer.indexOf('=') >= 0;
  // Moodle: replace "=" with "~=" and split on "~".
  const parts: Src[] = [];
  let start = 0;
  for (let i = 0; i < answer.length; i++) {
    const ch = answer.at(i);
    if (ch === '~' || ch === '=') {
      parts.push(answer.slice(start, i));
      start = ch === '~' ? i + 1 : i;
    }
  }
  parts.push(answer.slice(start));
  const options: QuizOption[] = [];
  const weights: number[] = [];
  for (const part of parts) {
    let s = part.trim();
    if (!s.length) continue;
    let w = 0;
    if (s.at(0) === '=') {
      w = 1;
      s = s.slice(1);
    } else {
      const parsed = weight(s);
      if (parsed.weight !== undefined) [w, s] = [parsed.weight, parsed.rest];
    }
    const { text, feedback } = comment(s);
    const fb = feedback && formatted(feedback, fmt).text;
    options.push({ id: optionId(options.length), text: formatted(text, fmt).text, ...(fb ? { feedback: fb } : {}) });
    weights.push(w);
  }
  const label = (i: number) => JSON.stringify(options[i].text);
  if (single) {
    const right = weights.flatMap((w, i) => (w >= 0.99999 ? [i] : []));
    weights.forEach((w, i) => {
      if (w > 0 && w < 0.99999) warn(`partial credit (${+(w * 100).toFixed(5)}%) for option ${label(i)} counted as wrong`);
    });
    if (!right.length) return void warn('skipped: no correct option (mark one with "=")');
    if (right.length > 1) warn(`${right.length} options are marked correct; le-systems keeps the first (${label(right[0])})`);
    return { type: 'single', options, answer: options[right[0]].id };
  }
  const right = weights.flatMap((w, i) => (w > 0 ? [i] : []));
  if (!right.length) return void warn('skipped: no option has a positive weight (use "=" or "~%50%")');
  return { type: 'multiple', options, answer: right.map((i) => options[i].id) };
}

function readShortAnswers(answer: Src, fmt: Format, warn: (m: string) => void): string[] | undefined {
  const accepted: string[] = [];
  let wildcard = false;
  for (const part of pieces(answer, '=')) {
    const { weight: w = 1, rest } = weight(part.trim());
    const { text, feedback } = comment(rest);
    const raw = formatted(text, fmt).text;
    if (feedback && formatted(feedback, fmt).text) warn(`feedback of answer ${JSON.stringify(raw)} dropped`);
    if (w < 0.99999) {
      warn(`answer ${JSON.stringify(raw)} (weight ${+(w * 100).toFixed(5)}%) not imported: le-systems accepts only fully right answers`);
      continue;
    }
    // Moodle short answers: "*" is a wildcard, "\*" a literal star.
    accepted.push(raw.replace(/\\\*|\*/g, (m) => ((wildcard ||= m === '*'), '*')));
  }
  if (wildcard) warn('the "*" wildcard of Moodle short answers is matched literally');
  if (!accepted.length) return void warn('skipped: no accepted answer');
  return accepted;
}

function readNumeric(src: Src, fmt: Format, warn: (m: string) => void): { answer: number; tolerance?: number } | undefined {
  const tilde = src.indexOf('~');
  if (tilde >= 0) {
    warn('feedback for wrong numeric answers dropped');
    src = src.slice(0, tilde);
  }
  const found: { answer: number; tolerance?: number; weight: number }[] = [];
  for (const part of pieces(src, '=')) {
    const { weight: w = 1, rest } = weight(part.trim());
    const { text, feedback } = comment(rest);
    if (feedback && formatted(feedback, fmt).text) warn('numeric answer feedback dropped');
    const t = text.trim();
    const range = t.indexOf('..');
    const colon = t.indexOf(':');
    let value: string;
    let tol: string | undefined;
    let parsed: { answer: number; tolerance?: number } | undefined;
    if (range > 0) {
      const [min, max] = [t.slice(0, range).text().trim(), t.slice(range + 2).text().trim()];
      if (NUMBER.test(min) && NUMBER.test(max)) {
        // Rounded to 12 significant digits so 3.1..3.2 reads as 3.15 ± 0.05, not 3.1500000000000004.
        const round = (x: number) => Number(x.toPrecision(12));
        const answer = round((Number(min) + Number(max)) / 2);
        parsed = { answer, tolerance: round(Math.abs(Number(max) - answer)) };
      }
      value = `${min}..${max}`;
    } else {
      [value, tol] = colon > 0 ? [t.slice(0, colon).text().trim(), t.slice(colon + 1).text().trim()] : [t.text().trim(), undefined];
      if (NUMBER.test(value) && (tol === undefined || NUMBER.test(tol))) {
        const tolerance = tol === undefined ? undefined : Number(tol);
        if (tolerance !== undefined && tolerance < 0) warn(`negative tolerance ${tol} read as ${-tolerance}`);
        parsed = { answer: Number(value), ...(tolerance !== undefined ? { tolerance: Math.abs(tolerance) } : {}) };
      }
    }
    if (!parsed || !Number.isFinite(parsed.answer) || !Number.isFinite(parsed.tolerance ?? 0)) warn(`numeric answer ${JSON.stringify(value)} is not a number`);
    else found.push({ ...parsed, weight: w });
  }
  const full = found.filter((f) => f.weight >= 0.99999);
  if (!full.length) return void warn('skipped: no numeric answer with full credit');
  if (found.length > 1) warn(`${found.length} numeric answers; le-systems keeps the first fully right one`);
  const { weight: _w, ...best } = full[0];
  return best;
}
