/**
 * A small Markdown subset, tokenized here — no Lit, no DOM, so Node tools and the LMS adapters can
 * use it; markdown.ts renders the tokens to Lit templates, never to an HTML string, so `<script>`
 * in content is shown as text. Blocks: paragraphs (blank-line separated), fenced code
 * blocks (```), bullet lists (`-` or `*`), numbered lists (`1.`), subheadings (`###`, `####`)
 * and pipe tables (a header row, a `|---|` row, then rows). Inline: `code`, **bold**,
 * *italic* or _italic_, [links](https://…) (http, https, mailto and relative URLs only), and `\`
 * to escape a marker.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'pre'; lang: string; v: string }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'h'; level: 3 | 4; c: Inline[] }
  | { t: 'table'; head: Inline[][]; rows: Inline[][][] };

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

const LIST = /^\s{0,3}([-*]|\d{1,9}[.)])\s+(.*)$/;

export function parseBlocks(src: string): Block[] {
  const lines = String(src ?? '').replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ t: 'p', c: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s{0,3}```\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      while (++i < lines.length && !/^\s{0,3}```\s*$/.test(lines[i])) body.push(lines[i]);
      out.push({ t: 'pre', lang: fence[1], v: body.join('\n') });
      continue;
    }
    const heading = /^\s{0,3}(#{3,4})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      out.push({ t: 'h', level: heading[1].length as 3 | 4, c: parseInline(heading[2]) });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(lines[i + 1])) {
      flush();
      const head = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      i++;
      while (i + 1 < lines.length && lines[i + 1].includes('|') && lines[i + 1].trim() !== '') rows.push(cells(lines[++i]).map(parseInline));
      out.push({ t: 'table', head, rows });
      continue;
    }
    const item = LIST.exec(line);
    if (item) {
      flush();
      const kind = /\d/.test(item[1]) ? 'ol' : 'ul';
      const items: string[] = [item[2]];
      while (i + 1 < lines.length) {
        const next = LIST.exec(lines[i + 1]);
        if (next && (/\d/.test(next[1]) ? 'ol' : 'ul') === kind) items.push(next[2]);
        else if (/^\s{2,}\S/.test(lines[i + 1]) && !next) items[items.length - 1] += ' ' + lines[i + 1].trim();
        else break;
        i++;
      }
      out.push({ t: kind, items: items.map(parseInline) });
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return out;
}

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const push = (node: Inline) => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
    out.push(node);
  };
  for (let i = 0; i < src.length; ) {
    const ch = src[i];
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if (ch === '\\' && i + 1 < src.length && /[\\`*_[\]()#~={}:!-]/.test(src[i + 1])) {
      text += src[i + 1];
      i += 2;
    } else if (ch === '`' && (m = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest))) {
      push({ t: 'code', v: m[2].replace(/^ (.*) $/, '$1') });
      i += m[0].length;
    } else if ((m = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest)) || (m = /^__(?=\S)([\s\S]*?\S)__/.exec(rest))) {
      push({ t: 'strong', c: parseInline(m[1]) });
      i += m[0].length;
    } else if ((m = /^\*(?=\S)([\s\S]*?\S)\*/.exec(rest)) || (!/\w/.test(src[i - 1] ?? '') && (m = /^_(?=\S)([\s\S]*?\S)_(?!\w)/.exec(rest)))) {
      push({ t: 'em', c: parseInline(m[1]) });
      i += m[0].length;
    } else if (ch === '[' && (m = /^\[([^\]]+)\]\(\s*([^\s)]+)\s*\)/.exec(rest))) {
      if (safeHref(m[2])) push({ t: 'link', href: m[2], c: parseInline(m[1]) });
      else text += m[1];
      i += m[0].length;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) out.push({ t: 'text', v: text });
  return out;
}

/** http(s), mailto and relative URLs only (no javascript:, data:, …). */
export function safeHref(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** Plain text of Markdown (markers removed), for accessible names, xAPI descriptions and search. */
export function mdText(src: string | undefined): string {
  const text = (nodes: Inline[]): string => nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : text(n.c))).join('');
  return parseBlocks(src ?? '')
    .map((b) =>
      b.t === 'p' || b.t === 'h' ? text(b.c) : b.t === 'pre' ? b.v : b.t === 'table' ? [b.head, ...b.rows].map((r) => r.map(text).join(' | ')).join('\n') : b.items.map(text).join('; '),
    )
    .join('\n');
}
