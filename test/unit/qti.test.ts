import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeXml, markdownToHtml, qtiWarnings, toQti12 } from '../../src/formats/qti.js';
import { quizSchema } from '../../src/components/quiz/schema.js';
import { formatIssue, parse } from '../../src/core/validate.js';
import type { Quiz } from '../../src/components/quiz/types.js';

// ---------------------------------------------------------------------------------------------
// A small strict XML 1.0 reader: it throws on anything not well-formed (unbalanced or crossed tags,
// unknown or malformed entities, raw < or & in text or attributes, duplicate attributes, "--" in
// comments, "]]>" in text, characters XML does not allow, more than one root) and returns the tree.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  comments: string[];
}

const xmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

function parseXml(src: string): El {
  let i = 0;
  const fail = (m: string): never => {
    throw new Error(`not well-formed XML: ${m} at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  for (const ch of src) if (!xmlChar(ch.codePointAt(0)!)) fail(`character U+${ch.codePointAt(0)!.toString(16)} is not allowed`);
  const NAME = /[A-Za-z_:][\w.:-]*/y;
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src) ?? fail('expected a name');
    i = NAME.lastIndex;
    return m[0];
  };
  const ws = () => {
    while (/[ \t\r\n]/.test(src[i] ?? '')) i++;
  };
  const decode = (raw: string) => {
    if (/[<]/.test(raw)) fail('raw "<"');
    return raw.replace(/&([^;]*);?/g, (m, ref: string) => {
      if (!m.endsWith(';')) fail('unterminated entity');
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) return named[ref];
      const num = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
      if (!num) return fail(`unknown entity &${ref};`);
      const cp = parseInt(num[1], ref[1] === 'x' ? 16 : 10);
      if (!xmlChar(cp)) fail(`character reference to U+${cp.toString(16)}`);
      return String.fromCodePoint(cp);
    });
  };
  const comment = (): string => {
    const end = src.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    const body = src.slice(i + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail('"--" in a comment');
    i = end + 3;
    return body;
  };
  const misc = (into: string[]) => {
    for (;;) {
      ws();
      if (src.startsWith('<!--', i)) into.push(comment());
      else return;
    }
  };
  const element = (): El => {
    if (src[i] !== '<') fail('expected "<"');
    i++;
    const el: El = { name: name(), attrs: {}, children: [], comments: [] };
    for (;;) {
      const before = i;
      ws();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (before === i) fail('expected whitespace between attributes');
      const key = name();
      ws();
      if (src[i++] !== '=') fail('expected "="');
      ws();
      const quote = src[i++];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = src.indexOf(quote, i);
      if (end < 0) fail('unterminated attribute value');
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      el.attrs[key] = decode(src.slice(i, end)).replace(/[\t\n\r]/g, ' ');
      i = end + 1;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
        ws();
        if (src[i++] !== '>') fail('expected ">"');
        return el;
      }
      if (src.startsWith('<!--', i)) el.comments.push(comment());
      else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        el.children.push(src.slice(i + 9, end));
        i = end + 3;
      } else if (src[i] === '<') el.children.push(element());
      else {
        const end = src.indexOf('<', i) < 0 ? src.length : src.indexOf('<', i);
        const raw = src.slice(i, end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        el.children.push(decode(raw));
        i = end;
      }
    }
  };
  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(src.slice(0, end + 2))) fail('bad XML declaration');
    i = end + 2;
  }
  misc([]);
  const root = element();
  misc(root.comments);
  if (i !== src.length) fail('content after the root element');
  return root;
}

const all = (el: El, name: string): El[] => el.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...all(c, name)]));
const kids = (el: El): El[] => el.children.filter((c): c is El => typeof c !== 'string');
/** Text content; the indentation between child elements is not content. */
const textOf = (el: El): string => {
  const mixed = el.children.some((c) => typeof c !== 'string');
  return el.children.map((c) => (typeof c !== 'string' ? textOf(c) : mixed && !c.trim() ? '' : c)).join('');
};
const one = (el: El, name: string): El => {
  const found = all(el, name);
  expect(found.length, `one <${name}> in <${el.name}>`).toBe(1);
  return found[0];
};
/** A compact rendering of a condition tree: and(varequal:a, not(varequal:b)). */
const cond = (el: El): string => {
  const inner = kids(el);
  return inner.length ? `${el.name}(${inner.map(cond).join(', ')})` : `${el.name}${textOf(el) ? `:${textOf(el)}` : ''}`;
};

describe('the test XML reader', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a>x & y</a>', '<a>&nbsp;</a>', '<a x="1" x="2"/>', '<a>1 < 2</a>', '<a/><b/>', '<a><!-- x -- y --></a>', '<a>\u0001</a>', '<a>&#0;</a>', '<a x="<"/>', '<a>]]></a>', '<a'])
      expect(() => parseXml(bad), bad).toThrow(/not well-formed/);
    expect(textOf(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>&lt;b&gt; &amp; &#x1F600;<![CDATA[<i>]]></a>'))).toBe('<b> & 😀<i>');
  });
});

// ---------------------------------------------------------------------------------------------

const valid = (input: unknown): Quiz => {
  const r = parse(quizSchema, input);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
};
const fixture = valid(JSON.parse(readFileSync('test/fixtures/quizzes/valid.json', 'utf8')));

describe('toQti12', () => {
  const xml = toQti12(fixture);
  const root = parseXml(xml);
  const items = all(root, 'item');
  const item = (id: string) => items.find((it) => it.attrs.ident === `caching-basics.${id}`)!;
  const meta = (it: El) => Object.fromEntries(all(it, 'qtimetadatafield').map((f) => [textOf(one(f, 'fieldlabel')), textOf(one(f, 'fieldentry'))]));
  const scoring = (it: El) => all(it, 'respcondition').filter((r) => r.attrs.continue === 'No');
  const right = (it: El) => {
    const [r] = scoring(it);
    expect(textOf(one(r, 'setvar'))).toBe('100');
    expect(one(r, 'setvar').attrs).toEqual({ action: 'Set', varname: 'SCORE' });
    return kids(one(r, 'conditionvar')).map(cond);
  };

  it('is a well-formed questestinterop with one assessment and section', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2"')).toBe(true);
    expect(root.name).toBe('questestinterop');
    const assessment = one(root, 'assessment');
    expect(assessment.attrs).toEqual({ ident: 'caching-basics', title: 'Caching basics' });
    expect(kids(assessment).map((k) => [k.name, k.attrs.ident])).toEqual([['section', 'root_section']]);
  });

  it('has one item per supported question and a comment for the ordering question', () => {
    expect(items.map((it) => [it.attrs.ident, it.attrs.title])).toEqual(
      ['cache-aside', 'eviction', 'ttl-consistency', 'hit-ratio', 'stampede'].map((id) => [`caching-basics.${id}`, id]),
    );
    expect(one(root, 'section').comments).toEqual([' ordering question read-path omitted: QTI 1.2 (Canvas Classic Quizzes) has no ordering type ']);
    expect(qtiWarnings(fixture)).toEqual(['ordering question read-path omitted: QTI 1.2 (Canvas Classic Quizzes) has no ordering type']);
  });

  it('names the Canvas question type and 1 point in the item metadata', () => {
    expect(items.map((it) => meta(it))).toEqual(
      ['multiple_choice_question', 'multiple_answers_question', 'true_false_question', 'numerical_question', 'short_answer_question'].map((t) => ({ question_type: t, points_possible: '1' })),
    );
    for (const it of items) {
      expect(one(it, 'decvar').attrs).toEqual({ maxvalue: '100', minvalue: '0', varname: 'SCORE', vartype: 'Decimal' });
      expect(scoring(it)).toHaveLength(1);
    }
  });

  it('scores a single choice on its right option', () => {
    const it = item('cache-aside');
    const lid = one(it, 'response_lid');
    expect(lid.attrs).toEqual({ ident: 'response1', rcardinality: 'Single' });
    expect(all(lid, 'response_label').map((l) => [l.attrs.ident, textOf(l)])).toEqual([
      ['app', 'The application, after reading the database'],
      ['cache', 'The cache itself, from the database'],
      ['db', 'The database, via a trigger'],
    ]);
    expect(right(it)).toEqual(['varequal:app']);
    expect(all(it, 'varequal').every((v) => v.attrs.respident === 'response1')).toBe(true);
  });

  it('scores a multiple answer on the exact set: and of the right options and not the wrong ones', () => {
    const it = item('eviction');
    expect(one(it, 'response_lid').attrs.rcardinality).toBe('Multiple');
    expect(right(it)).toEqual(['and(varequal:lru, varequal:lfu, not(varequal:wal))']);
  });

  it('scores true-false on the true or false label', () => {
    const it = item('ttl-consistency');
    expect(all(it, 'response_label').map((l) => [l.attrs.ident, textOf(l)])).toEqual([
      ['true', 'True'],
      ['false', 'False'],
    ]);
    expect(right(it)).toEqual(['varequal:false']);
  });

  it('scores a numeric answer within its tolerance with a decimal fill-in', () => {
    const it = item('hit-ratio');
    expect(one(it, 'response_str').attrs).toEqual({ ident: 'response1', rcardinality: 'Single' });
    expect(one(it, 'render_fib').attrs).toEqual({ fibtype: 'Decimal' });
    expect(right(it)).toEqual(['or(varequal:90, and(vargte:89.5, varlte:90.5))']);
    expect(textOf(one(one(it, 'presentation'), 'mattext'))).toContain('<p>Unit: %</p>');
    const exact = parseXml(toQti12(valid({ id: 'n', title: 'N', questions: [{ id: 'n', type: 'numeric', prompt: 'P', explanation: 'E', answer: 0.3, tolerance: 0 }] })));
    expect(kids(one(all(exact, 'respcondition')[1], 'conditionvar')).map(cond)).toEqual(['varequal:0.3']);
    const noisy = parseXml(toQti12(valid({ id: 'n', title: 'N', questions: [{ id: 'n', type: 'numeric', prompt: 'P', explanation: 'E', answer: 0.3, tolerance: 0.1 }] })));
    expect(kids(one(all(noisy, 'respcondition')[1], 'conditionvar')).map(cond)).toEqual(['or(varequal:0.3, and(vargte:0.2, varlte:0.4))']);
  });

  it('scores a short answer with one varequal per accepted answer', () => {
    const it = item('stampede');
    expect(one(it, 'render_fib').attrs).toEqual({});
    expect(one(it, 'response_label').attrs).toEqual({ ident: 'answer1', rshuffle: 'No' });
    expect(right(it)).toEqual(['varequal:cache stampede', 'varequal:thundering herd', 'varequal:dogpile']);
  });

  it('shows the explanation as general feedback and option feedback when chosen', () => {
    const it = item('cache-aside');
    const feedback = Object.fromEntries(all(it, 'itemfeedback').map((f) => [f.attrs.ident, textOf(f)]));
    expect(feedback).toEqual({
      general_fb: '<p>With cache-aside the application checks the cache, and on a miss reads the database and writes the value back.</p>',
      answer_app_fb: '<p>Right: the cache is passive.</p>',
      answer_cache_fb: '<p>That is <em>read-through</em>.</p>',
    });
    const shows = all(it, 'respcondition')
      .filter((r) => r.attrs.continue === 'Yes')
      .map((r) => [kids(one(r, 'conditionvar')).map(cond).join(), one(r, 'displayfeedback').attrs.linkrefid, one(r, 'displayfeedback').attrs.feedbacktype]);
    expect(shows).toEqual([
      ['other', 'general_fb', 'Response'],
      ['varequal:app', 'answer_app_fb', 'Response'],
      ['varequal:cache', 'answer_cache_fb', 'Response'],
    ]);
    for (const i of items) expect(all(i, 'displayfeedback').every((d) => all(i, 'itemfeedback').some((f) => f.attrs.ident === d.attrs.linkrefid))).toBe(true);
  });

  it('renders the Markdown prompt as escaped HTML, so <script> stays text', () => {
    const quiz = valid({
      id: 'x.y',
      title: 'Quotes "and" <tags> & \'apostrophes\'',
      questions: [
        {
          id: 'q',
          type: 'single',
          prompt: 'Is <script>alert("x")</script> **safe**?\n\n```html\n<b>&amp;</b>\n```\n\n- [docs](https://example.com/?a=1&b=2)\n- [bad](javascript:alert`1`)',
          explanation: 'No & never.',
          options: [
            { id: 'a', text: 'Yes `<b>`' },
            { id: 'b', text: 'No' },
          ],
          answer: 'b',
        },
      ],
    });
    const xml = toQti12(quiz);
    expect(xml).not.toMatch(/<script/i);
    const doc = parseXml(xml);
    expect(one(doc, 'assessment').attrs).toEqual({ ident: 'x.y', title: 'Quotes "and" <tags> & \'apostrophes\'' });
    const mattext = one(kids(one(doc, 'presentation'))[0], 'mattext');
    expect(mattext.attrs).toEqual({ texttype: 'text/html' });
    const prompt = textOf(mattext);
    expect(prompt).toBe(
      '<p>Is &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <strong>safe</strong>?</p>\n' +
        '<pre><code class="language-html">&lt;b&gt;&amp;amp;&lt;/b&gt;</code></pre>\n' +
        '<ul><li><a href="https://example.com/?a=1&amp;b=2">docs</a></li><li>bad</li></ul>',
    );
    expect(all(doc, 'response_label').map(textOf)).toEqual(['Yes <code>&lt;b&gt;</code>', 'No']);
  });

  it('stays well-formed for any text, dropping characters XML does not allow (property)', () => {
    const nasty = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('<', '>', '&', '"', "'", ']]>', '--', '-', '<!--', '\u0000', '\u0008', '\u000b', '\ud800', '\udfff', '\ufffe', '\uffff', '\r\n', '&amp;', '<![CDATA['),
    );
    const text = fc.array(nasty, { minLength: 1, maxLength: 6 }).map((a) => `x${a.join('')}`);
    const id = fc.stringMatching(/^[A-Za-z0-9][\w.:-]{0,8}$/);
    fc.assert(
      fc.property(id, text, text, text, fc.uniqueArray(id, { minLength: 2, maxLength: 4 }), (qid, prompt, explanation, opt, ids) => {
        const options = ids.map((oid) => ({ id: oid, text: opt, feedback: explanation }));
        const quiz = valid({
          id: qid,
          title: prompt,
          questions: [
            { id: 's', type: 'single', prompt, explanation, options, answer: ids[0] },
            { id: 'm', type: 'multiple', prompt, explanation, options, answer: ids.slice(1) },
            { id: 't', type: 'true-false', prompt, explanation, answer: true },
            { id: 'n', type: 'numeric', prompt, explanation, answer: -1.5e-7, tolerance: 1e-9, unit: opt.slice(0, 40) },
            { id: 'x', type: 'text', prompt, explanation, answer: [opt.slice(0, 200)] },
            { id: `o-${qid}--`, type: 'ordering', prompt, explanation, options, answer: ids },
          ],
        });
        const doc = parseXml(toQti12(quiz));
        expect(all(doc, 'item')).toHaveLength(5);
        expect(one(doc, 'section').comments).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('markdownToHtml', () => {
  it('renders paragraphs, code, bold, italic, links and lists', () => {
    expect(markdownToHtml('One *two* __three__\nsame paragraph.\n\nUse `a < b` and [the docs](/topics/raft).\n\n1. first\n2. second')).toBe(
      '<p>One <em>two</em> <strong>three</strong> same paragraph.</p>\n<p>Use <code>a &lt; b</code> and <a href="/topics/raft">the docs</a>.</p>\n<ol><li>first</li><li>second</li></ol>',
    );
    expect(markdownToHtml('a **b**\nc', { inline: true })).toBe('a <strong>b</strong> c');
  });

  it('escapes every text and drops unsafe links', () => {
    expect(markdownToHtml('<img src=x onerror=alert(1)> & "q" \'a\'')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;</p>');
    expect(markdownToHtml('[x](javascript:alert`1`) [y](data:text/html,hi)')).toBe('<p>x y</p>');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and strips what XML 1.0 does not allow', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\ud800d\uffffe\tf\ng😀')).toBe('abcde\tf\ng😀');
    expect(escapeXml('line\nbreak\ttab', true)).toBe('line&#10;break&#9;tab');
  });
});
