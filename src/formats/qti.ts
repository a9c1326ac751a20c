/**
 * IMS QTI 1.2 export, in the shape Canvas Classic Quizzes writes and imports (and Blackboard reads):
 * `<questestinterop>` → one `<assessment ident title>` → `<section ident="root_section">` → one
 * `<item>` per question.
 *
 * | le-systems   | Canvas `question_type`       | response                                         | right when                                   |
 * |--------------|------------------------------|--------------------------------------------------|----------------------------------------------|
 * | `single`     | `multiple_choice_question`   | `response_lid` Single, `render_choice`           | `varequal` the right option                  |
 * | `multiple`   | `multiple_answers_question`  | `response_lid` Multiple, `render_choice`         | `and` of `varequal` (right) + `not` (wrong)  |
 * | `true-false` | `true_false_question`        | `response_lid` Single, labels `true` / `false`   | `varequal` the right label                   |
 * | `numeric`    | `numerical_question`         | `response_str` + `render_fib fibtype="Decimal"`  | `varequal`, or `or(varequal, and(vargte, varlte))` with a tolerance |
 * | `text`       | `short_answer_question`      | `response_str` + `render_fib`                    | one `varequal` per accepted answer           |
 * | `ordering`   | —                            | omitted with an XML comment                      |                                              |
 *
 * - Ordering is left out: Canvas Classic Quizzes has no ordering type in QTI 1.2 (its
 *   `matching_question` scores each pair separately, which is not the same question), and the
 *   `ordering_question` / `ims_render_object` items of Canvas New Quizzes and Blackboard could not
 *   be checked against those importers.
 * - Every item is worth `points_possible` 1 and sets `SCORE` to 100 when right, all or nothing, like
 *   the le-systems scorer. Prompts, options and feedback are Markdown rendered by the same tokenizer
 *   as the components (src/core/md-parse.ts) to minimal HTML — paragraphs, code, bold, italic,
 *   safe links, lists — escaped, so `<script>` in a prompt stays text. A numeric unit is appended
 *   to the prompt as "Unit: …".
 * - The explanation is the general feedback `<itemfeedback ident="general_fb">`, shown for any
 *   response (`<other/>`); option feedback is `<itemfeedback ident="answer_<option id>_fb">`, shown
 *   when that option is chosen.
 * - Item idents are `<quiz id>.<question id>` (unique across quizzes imported into one course);
 *   response labels are the option ids (`true`/`false` for true-false).
 * - Not carried: hint, difficulty, tags, topic, passPercent, shuffle per attempt, poolSize, mode and
 *   seed (Canvas keeps those in its own quiz settings). `quiz.shuffle` sets `render_choice shuffle`.
 * - Characters not allowed in XML 1.0 (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are removed.
 *
 * Canvas imports QTI as a .zip with an imsmanifest.xml; this module produces the assessment XML.
 */
import { parseBlocks, parseInline, type Block, type Inline } from '../core/md-parse.js';
import type { Question, Quiz } from '../components/quiz/types.js';

// ---------------------------------------------------------------------------------------------
// Markdown → minimal HTML

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESC[c]);

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return escHtml(n.v);
        case 'code':
          return `<code>${escHtml(n.v)}</code>`;
        case 'strong':
        case 'em':
          return `<${n.t}>${inlineHtml(n.c)}</${n.t}>`;
        case 'link':
          return `<a href="${escHtml(n.href)}">${inlineHtml(n.c)}</a>`;
      }
    })
    .join('');
}

function blockHtml(b: Block): string {
  switch (b.t) {
    case 'p':
      return `<p>${inlineHtml(b.c)}</p>`;
    case 'pre':
      return `<pre><code${b.lang ? ` class="language-${escHtml(b.lang)}"` : ''}>${escHtml(b.v)}</code></pre>`;
    case 'ul':
    case 'ol':
      return `<${b.t}>${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</${b.t}>`;
    case 'h':
      return `<h${b.level}>${inlineHtml(b.c)}</h${b.level}>`;
    case 'table': {
      const row = (cells: Inline[][], tag: string) => `<tr>${cells.map((c) => `<${tag}>${inlineHtml(c)}</${tag}>`).join('')}</tr>`;
      return `<table><thead>${row(b.head, 'th')}</thead><tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
  }
}

/**
 * The le-systems Markdown subset as an HTML string, every text escaped. `inline` renders one line
 * (options, answers) without a paragraph.
 */
export function markdownToHtml(md: string, opts: { inline?: boolean } = {}): string {
  if (opts.inline) return inlineHtml(parseInline(md.replace(/\s*\n\s*/g, ' ')));
  return parseBlocks(md).map(blockHtml).join('\n');
}

// ---------------------------------------------------------------------------------------------
// XML

/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Escape text for XML content (`attr`: also for an attribute value, keeping newlines and tabs). */
export function escapeXml(s: string, attr = false): string {
  return s.replace(NOT_XML, '').replace(attr ? /[&<>"'\n\r\t]/g : /[&<>"'\r]/g, (c) => XML_ESC[c]);
}

type XmlElement = { name: string; attrs: Record<string, string | number | undefined>; children: XmlNode[] };
type XmlNode = XmlElement | { text: string } | { comment: string };

function x(name: string, attrs: Record<string, string | number | undefined> = {}, ...children: (XmlNode | string | false | undefined)[]): XmlElement {
  return { name, attrs, children: children.filter((c) => c !== false && c !== undefined).map((c) => (typeof c === 'string' ? { text: c } : c)) };
}

function serialize(n: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  if ('text' in n) return escapeXml(n.text);
  // "--" may not appear in a comment, nor may it end with "-".
  if ('comment' in n) return `${pad}<!-- ${n.comment.replace(NOT_XML, '').replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`;
  const attrs = Object.entries(n.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
    .join('');
  if (!n.children.length) return `${pad}<${n.name}${attrs}/>`;
  if (n.children.every((c) => 'text' in c)) return `${pad}<${n.name}${attrs}>${n.children.map((c) => serialize(c)).join('')}</${n.name}>`;
  return `${pad}<${n.name}${attrs}>\n${n.children.map((c) => serialize(c, depth + 1)).join('\n')}\n${pad}</${n.name}>`;
}

// ---------------------------------------------------------------------------------------------
// QTI

const QUESTION_TYPE: Record<Exclude<Question['type'], 'ordering'>, string> = {
  single: 'multiple_choice_question',
  multiple: 'multiple_answers_question',
  'true-false': 'true_false_question',
  numeric: 'numerical_question',
  text: 'short_answer_question',
};

const RESPONSE = 'response1';
const html = (s: string) => x('material', {}, x('mattext', { texttype: 'text/html' }, s));
const metaField = (label: string, entry: string) => x('qtimetadatafield', {}, x('fieldlabel', {}, label), x('fieldentry', {}, entry));
const varequal = (value: string) => x('varequal', { respident: RESPONSE }, value);
const feedbackRef = (id: string) => x('displayfeedback', { feedbacktype: 'Response', linkrefid: id });
const itemFeedback = (id: string, md: string) => x('itemfeedback', { ident: id }, x('flow_mat', {}, html(markdownToHtml(md))));
/** A computed bound, with float noise such as 0.30000000000000004 rounded away. */
const bound = (n: number) => String(Number(n.toPrecision(15)));

const omitted = (q: Question) => `ordering question ${q.id} omitted: QTI 1.2 (Canvas Classic Quizzes) has no ordering type`;

/** The questions `toQti12` leaves out, as messages (also written as XML comments). */
export function qtiWarnings(quiz: Quiz): string[] {
  return quiz.questions.filter((q) => q.type === 'ordering').map(omitted);
}

/** The `questestinterop` document for a quiz; ordering questions are left out with a comment. */
export function toQti12(quiz: Quiz): string {
  const section = x('section', { ident: 'root_section' });
  for (const q of quiz.questions) section.children.push(q.type === 'ordering' ? { comment: omitted(q) } : item(quiz, q));
  const doc = x(
    'questestinterop',
    {
      xmlns: 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd',
    },
    x('assessment', { ident: quiz.id, title: quiz.title }, section),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(doc)}\n`;
}

function item(quiz: Quiz, q: Exclude<Question, { type: 'ordering' }>): XmlNode {
  const prompt = markdownToHtml(q.prompt) + (q.type === 'numeric' && q.unit ? `\n<p>Unit: ${escHtml(q.unit)}</p>` : '');
  let response: XmlNode;
  let right: XmlNode[];
  const optionFeedback: { id: string; md: string }[] = [];
  switch (q.type) {
    case 'single':
    case 'multiple': {
      response = x(
        'response_lid',
        { ident: RESPONSE, rcardinality: q.type === 'single' ? 'Single' : 'Multiple' },
        x('render_choice', { shuffle: quiz.shuffle ? 'Yes' : 'No' }, ...q.options.map((o) => x('response_label', { ident: o.id }, html(markdownToHtml(o.text, { inline: true }))))),
      );
      if (q.type === 'single') right = [varequal(q.answer)];
      else right = [x('and', {}, ...q.options.map((o) => (q.answer.includes(o.id) ? varequal(o.id) : x('not', {}, varequal(o.id)))))];
      for (const o of q.options) if (o.feedback !== undefined) optionFeedback.push({ id: o.id, md: o.feedback });
      break;
    }
    case 'true-false':
      response = x(
        'response_lid',
        { ident: RESPONSE, rcardinality: 'Single' },
        x('render_choice', { shuffle: 'No' }, ...['true', 'false'].map((v) => x('response_label', { ident: v }, x('material', {}, x('mattext', { texttype: 'text/plain' }, v === 'true' ? 'True' : 'False'))))),
      );
      right = [varequal(String(q.answer))];
      break;
    case 'numeric': {
      response = x('response_str', { ident: RESPONSE, rcardinality: 'Single' }, x('render_fib', { fibtype: 'Decimal' }, x('response_label', { ident: 'answer1' })));
      const tol = q.tolerance ?? 0;
      right = tol
        ? [
            x(
              'or',
              {},
              varequal(String(q.answer)),
              x('and', {}, x('vargte', { respident: RESPONSE }, bound(q.answer - tol)), x('varlte', { respident: RESPONSE }, bound(q.answer + tol))),
            ),
          ]
        : [varequal(String(q.answer))];
      break;
    }
    case 'text':
      response = x('response_str', { ident: RESPONSE, rcardinality: 'Single' }, x('render_fib', {}, x('response_label', { ident: 'answer1', rshuffle: 'No' })));
      // As Canvas writes it: the varequals side by side, any one of them is right.
      right = q.answer.map(varequal);
      break;
  }
  const fbId = (optionId: string) => `answer_${optionId}_fb`;
  return x(
    'item',
    { ident: `${quiz.id}.${q.id}`, title: q.id },
    x('itemmetadata', {}, x('qtimetadata', {}, metaField('question_type', QUESTION_TYPE[q.type]), metaField('points_possible', '1'))),
    x('presentation', {}, html(prompt), response),
    x(
      'resprocessing',
      {},
      x('outcomes', {}, x('decvar', { maxvalue: 100, minvalue: 0, varname: 'SCORE', vartype: 'Decimal' })),
      x('respcondition', { continue: 'Yes' }, x('conditionvar', {}, x('other')), feedbackRef('general_fb')),
      ...optionFeedback.map((f) => x('respcondition', { continue: 'Yes' }, x('conditionvar', {}, varequal(f.id)), feedbackRef(fbId(f.id)))),
      x('respcondition', { continue: 'No' }, x('conditionvar', {}, ...right), x('setvar', { action: 'Set', varname: 'SCORE' }, '100')),
    ),
    itemFeedback('general_fb', q.explanation),
    ...optionFeedback.map((f) => itemFeedback(fbId(f.id), f.md)),
  );
}
