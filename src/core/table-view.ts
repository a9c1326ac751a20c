import { html, nothing, type TemplateResult } from 'lit';

/**
 * The table view every visualization offers: a `<details part="table">` holding one or more plain
 * tables, so a screen-reader user (or anyone who wants numbers) reads the same state the picture
 * shows. Styles come from `vizStyles` (`table`, `.num`, `.table-wrap`, `details h4`).
 */

/** A column: its header text; `num` right-aligns it (numbers). */
export interface TableColumn {
  label: string;
  num?: boolean;
}

/** A cell: a value, or a value with a class (e.g. `ok`/`bad`). */
export type TableCell = string | number | TemplateResult | { value: string | number | TemplateResult; cls?: string };

/** A row: its cells; the first is the row header (`<th scope="row">`) when the table says `rowHeader`. */
export interface TableRow {
  cells: TableCell[];
  /** Marks the row as the current step (`aria-current="step"`). */
  current?: boolean;
}

export interface DataTable {
  /** A visible `h4` above the table (also its accessible name). */
  heading?: string;
  /** A caption read by screen readers only, when there is no heading. */
  caption?: string;
  columns: TableColumn[];
  rows: TableRow[];
  rowHeader?: boolean;
  /** Rows beyond this are left out, with a note saying how many ("{n} more"). */
  limit?: number;
  /** The note for left-out rows, given their count. */
  more?: (n: number) => string;
}

function cell(c: TableCell, col: TableColumn | undefined, header: boolean): TemplateResult {
  const v = typeof c === 'object' && c !== null && 'value' in c ? c : { value: c as string | number | TemplateResult, cls: '' };
  const cls = [col?.num ? 'num' : '', v.cls ?? ''].filter(Boolean).join(' ') || nothing;
  return header ? html`<th scope="row" class=${cls}>${v.value}</th>` : html`<td class=${cls}>${v.value}</td>`;
}

/** One table (with its heading or screen-reader caption). */
export function dataTable(t: DataTable): TemplateResult {
  const shown = t.limit !== undefined ? t.rows.slice(0, t.limit) : t.rows;
  const left = t.rows.length - shown.length;
  return html`${t.heading ? html`<h4>${t.heading}</h4>` : nothing}
    <table>
      ${!t.heading && t.caption ? html`<caption class="sr-only">${t.caption}</caption>` : nothing}
      <thead>
        <tr>
          ${t.columns.map((c) => html`<th scope="col" class=${c.num ? 'num' : nothing}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (r) => html`<tr aria-current=${r.current ? 'step' : nothing}>
            ${r.cells.map((c, i) => cell(c, t.columns[i], !!t.rowHeader && i === 0))}
          </tr>`,
        )}
      </tbody>
    </table>
    ${left > 0 && t.more ? html`<p class="note">${t.more(left)}</p>` : nothing}`;
}

/** The disclosure: `summary` (e.g. "Table view") over the tables (`dataTable`s and notes). */
export function renderTableView(summary: string, body: unknown): TemplateResult {
  return html`<details part="table">
    <summary>${summary}</summary>
    <div class="table-wrap">${body}</div>
  </details>`;
}
