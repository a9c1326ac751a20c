import { html, nothing, type TemplateResult } from 'lit';
import { parseBlocks, parseInline, type Block, type Inline } from './md-parse.js';

export { parseBlocks, parseInline, safeHref, mdText } from './md-parse.js';
export type { Inline, Block } from './md-parse.js';

/** Hooks for richer pages (a lesson): decorate plain text (glossary terms), or replace a whole block (a placed visualization). */
export interface MdOptions {
  /** Called for every plain-text run outside code and links; return a template, or the text itself. */
  text?: (text: string) => unknown;
  /** Called for every block first; return undefined to render it normally. */
  block?: (block: Block) => unknown;
}

/** Renders the Markdown subset of md-parse.ts to Lit templates: text stays text, never HTML. */
function inlineTemplate(nodes: Inline[], o: MdOptions = {}): unknown[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return o.text ? o.text(n.v) : n.v;
      case 'code':
        return html`<code>${n.v}</code>`;
      case 'strong':
        return html`<strong>${inlineTemplate(n.c, o)}</strong>`;
      case 'em':
        return html`<em>${inlineTemplate(n.c, o)}</em>`;
      case 'link':
        return html`<a href=${n.href}>${inlineTemplate(n.c)}</a>`;
    }
  });
}

/** Inline Markdown (one line: options, labels) as a template. */
export function inlineMd(src: string | undefined): unknown {
  return src ? inlineTemplate(parseInline(src.replace(/\s*\n\s*/g, ' '))) : nothing;
}

/** Block Markdown as a template. */
export function md(src: string | undefined, o: MdOptions = {}): TemplateResult | typeof nothing {
  if (!src) return nothing;
  const inline = (nodes: Inline[]) => inlineTemplate(nodes, o);
  // Headings never skip a level: a body's "####" before any "###" is shown as a third-level heading.
  let sawH3 = false;
  return html`${parseBlocks(src).map((b) => {
    const replaced = o.block?.(b);
    if (replaced !== undefined) return replaced;
    switch (b.t) {
      case 'p':
        return html`<p>${inline(b.c)}</p>`;
      case 'pre':
        return html`<pre tabindex="0"><code class=${b.lang ? `language-${b.lang}` : nothing}>${b.v}</code></pre>`;
      case 'ul':
        return html`<ul>${b.items.map((it) => html`<li>${inline(it)}</li>`)}</ul>`;
      case 'ol':
        return html`<ol>${b.items.map((it) => html`<li>${inline(it)}</li>`)}</ol>`;
      case 'h':
        if (b.level === 3) sawH3 = true;
        // Headings are not decorated (no glossary links inside a heading).
        return b.level === 3 || !sawH3 ? html`<h3>${inlineTemplate(b.c)}</h3>` : html`<h4>${inlineTemplate(b.c)}</h4>`;
      case 'table':
        return html`<div class="md-table" tabindex="0"><table>
          <thead><tr>${b.head.map((c) => (c.length ? html`<th scope="col">${inline(c)}</th>` : html`<td></td>`))}</tr></thead>
          <tbody>${b.rows.map((r) => html`<tr>${r.map((c) => html`<td>${inline(c)}</td>`)}</tr>`)}</tbody>
        </table></div>`;
    }
  })}`;
}

