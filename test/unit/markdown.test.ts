import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mdText, parseBlocks, parseInline, safeHref } from '../../src/core/md-parse.js';

describe('markdown subset', () => {
  it('parses inline code, bold, italic and links', () => {
    expect(parseInline('use `GET /x` with **care** and *speed* or _style_ [docs](https://a.b/c)')).toEqual([
      { t: 'text', v: 'use ' },
      { t: 'code', v: 'GET /x' },
      { t: 'text', v: ' with ' },
      { t: 'strong', c: [{ t: 'text', v: 'care' }] },
      { t: 'text', v: ' and ' },
      { t: 'em', c: [{ t: 'text', v: 'speed' }] },
      { t: 'text', v: ' or ' },
      { t: 'em', c: [{ t: 'text', v: 'style' }] },
      { t: 'text', v: ' ' },
      { t: 'link', href: 'https://a.b/c', c: [{ t: 'text', v: 'docs' }] },
    ]);
  });

  it('keeps snake_case words and lone asterisks as text', () => {
    expect(parseInline('max_connections * 2')).toEqual([{ t: 'text', v: 'max_connections * 2' }]);
  });

  it('drops unsafe link targets but keeps their text', () => {
    expect(parseInline('[click](javascript:alert`1`)')).toEqual([{ t: 'text', v: 'click' }]);
    expect(safeHref('JAVASCRIPT:x')).toBe(false);
    expect(safeHref('data:text/html,x')).toBe(false);
    expect(safeHref('/topics/raft')).toBe(true);
    expect(safeHref('mailto:a@b.c')).toBe(true);
  });

  it('parses paragraphs, fenced code and lists', () => {
    const blocks = parseBlocks('First line\nsame paragraph.\n\n```sql\nSELECT *\nFROM t;\n```\n- one\n- two\n  continued\n\n1. a\n2. b');
    expect(blocks).toEqual([
      { t: 'p', c: [{ t: 'text', v: 'First line same paragraph.' }] },
      { t: 'pre', lang: 'sql', v: 'SELECT *\nFROM t;' },
      { t: 'ul', items: [[{ t: 'text', v: 'one' }], [{ t: 'text', v: 'two continued' }]] },
      { t: 'ol', items: [[{ t: 'text', v: 'a' }], [{ t: 'text', v: 'b' }]] },
    ]);
  });

  it('treats HTML as text', () => {
    expect(mdText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('never loses text: plain text without markers survives unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.;?<>&"'/]{0,80}$/), (s) => {
        expect(mdText(s)).toBe(s.trim());
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void parseBlocks(s)));
  });
});

describe('subheadings and tables', () => {
  it('parses ### and #### headings and pipe tables with escaped pipes', () => {
    const blocks = parseBlocks('### Numbers\n\n| Store | p99 \\| p50 |\n|---|:---:|\n| Redis | `1 ms` |\n| Disk | 10 ms |\n\nAfter.');
    expect(blocks[0]).toEqual({ t: 'h', level: 3, c: [{ t: 'text', v: 'Numbers' }] });
    expect(blocks[1]).toEqual({
      t: 'table',
      head: [[{ t: 'text', v: 'Store' }], [{ t: 'text', v: 'p99 | p50' }]],
      rows: [
        [[{ t: 'text', v: 'Redis' }], [{ t: 'code', v: '1 ms' }]],
        [[{ t: 'text', v: 'Disk' }], [{ t: 'text', v: '10 ms' }]],
      ],
    });
    expect(blocks[2]).toEqual({ t: 'p', c: [{ t: 'text', v: 'After.' }] });
    expect(mdText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a | b\n1 | 2');
  });

  it('a line with a pipe but no separator row is a paragraph', () => {
    expect(parseBlocks('a | b')).toEqual([{ t: 'p', c: [{ t: 'text', v: 'a | b' }] }]);
  });
});
