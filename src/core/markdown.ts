import { html, nothing, type TemplateResult } from 'lit';
import { parseBlocks, parseInline, type Inline } from './md-parse.js';

export { parseBlocks, parseInline, safeHref, mdText } from './md-parse.js';
export type { Inline, Block } from './md-parse.js';

/** Renders the Markdown subset of md-parse.ts to Lit templates: text stays text, never HTML. */
function inlineTemplate(nodes: Inline[]): unknown[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return html`<code>${n.v}</code>`;
      case 'strong':
        return html`<strong>${inlineTemplate(n.c)}</strong>`;
      case 'em':
        return html`<em>${inlineTemplate(n.c)}</em>`;
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
export function md(src: string | undefined): TemplateResult | typeof nothing {
  if (!src) return nothing;
  return html`${parseBlocks(src).map((b) => {
    switch (b.t) {
      case 'p':
        return html`<p>${inlineTemplate(b.c)}</p>`;
      case 'pre':
        return html`<pre tabindex="0"><code class=${b.lang ? `language-${b.lang}` : nothing}>${b.v}</code></pre>`;
      case 'ul':
        return html`<ul>${b.items.map((it) => html`<li>${inlineTemplate(it)}</li>`)}</ul>`;
      case 'ol':
        return html`<ol>${b.items.map((it) => html`<li>${inlineTemplate(it)}</li>`)}</ol>`;
      case 'h':
        return b.level === 3 ? html`<h3>${inlineTemplate(b.c)}</h3>` : html`<h4>${inlineTemplate(b.c)}</h4>`;
      case 'table':
        return html`<div class="md-table" tabindex="0"><table>
          <thead><tr>${b.head.map((c) => html`<th scope="col">${inlineTemplate(c)}</th>`)}</tr></thead>
          <tbody>${b.rows.map((r) => html`<tr>${r.map((c) => html`<td>${inlineTemplate(c)}</td>`)}</tr>`)}</tbody>
        </table></div>`;
    }
  })}`;
}

