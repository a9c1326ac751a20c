import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { themeStyles } from './theme.js';
import { coreStrings, format } from './strings.js';
import { formatIssue, parse, type ConfigIssue, type Schema } from './validate.js';

export interface LsErrorDetail {
  /** All problems, one per line: `nodes[2].weight: expected a number ≥ 0, got "heavy"`. */
  message: string;
  issues: ConfigIssue[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-error': CustomEvent<LsErrorDetail>;
    'ls-ready': CustomEvent<undefined>;
  }
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Base class of every Le Systems element: the data contract, validation, strings and theme.
 *
 * Configuration arrives four ways, and the element resolves them in this order:
 * 1. the `config` property (an object, or a JSON string);
 * 2. else the JSON file at the `src` URL;
 * 3. else a child `<script type="application/json">`;
 * then the simple attributes the element declares (`nodes="A,B,C"`) are laid over that, so an
 * attribute on the tag always wins. The result is checked against the element's schema; any
 * problem — malformed JSON, a failed or non-JSON `src`, a wrong type, an unknown field, a value out
 * of range — is shown in a `role="alert"` panel naming the exact path and dispatched as `ls-error`.
 * Nothing is thrown to the page. A later valid config replaces the error.
 *
 * @fires ls-error - the configuration could not be used; `detail: { message, issues: [{ path, message }] }`
 * @fires ls-ready - a valid configuration was applied (after `src` loads, and after every later change)
 * @csspart error - the error panel
 */
export abstract class LsElement<C> extends LitElement {
  static override styles: CSSResultGroup = [themeStyles];

  static override properties = {
    config: { attribute: false },
    src: { type: String },
    theme: { type: String, reflect: true },
    strings: { attribute: false },
  };

  /** Reactive properties that feed `attributeConfig()`; changing one re-validates. */
  static configProperties: readonly string[] = [];
  /** The element's own default UI strings (merged over the core ones). */
  static defaultStrings: Record<string, string> = {};

  /** The configuration as an object (or JSON string). Takes precedence over `src` and inline JSON. */
  declare config: unknown;
  /** URL of a JSON configuration file. */
  declare src: string | undefined;
  /** Force a colour scheme; by default the element follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /** Overrides for UI strings (labels, announcements), by key. */
  declare strings: Record<string, string> | undefined;

  /** The problems with the current configuration (empty when it is valid). */
  get configIssues(): readonly ConfigIssue[] {
    return this.issues;
  }

  protected status: Status = 'idle';
  private issues: ConfigIssue[] = [];
  private needsResolve = true;
  private loaded?: { url: string; data: unknown; error?: ConfigIssue };
  private abort?: AbortController;
  private childObserver?: MutationObserver;

  /** The element's schema. */
  protected abstract configSchema(): Schema<C>;
  /** Raw fields from the element's simple attributes (only those that are set). */
  protected attributeConfig(): Record<string, unknown> {
    return {};
  }
  /** Lays the attribute fields over the JSON source (an object); other JSON is left for the schema to reject. */
  protected mergeAttributes(raw: unknown, attrs: Record<string, unknown>): unknown {
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>), ...attrs } : raw;
  }
  /** Receives each new valid configuration, before render. May throw: that becomes a located error. */
  protected abstract configure(config: C): void;
  /** The element's view, once configured. */
  protected abstract renderView(): TemplateResult | typeof nothing;

  override connectedCallback(): void {
    super.connectedCallback();
    this.needsResolve = true;
    this.childObserver = new MutationObserver((records) => {
      const touchesScript = records.some((r) =>
        [r.target, ...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].some(
          (n) => n.nodeName === 'SCRIPT' || n.parentNode?.nodeName === 'SCRIPT',
        ),
      );
      if (touchesScript) {
        this.needsResolve = true;
        this.requestUpdate();
      }
    });
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
    this.childObserver = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const ctor = this.constructor as typeof LsElement;
    if (
      this.needsResolve ||
      changed.has('config') ||
      changed.has('src') ||
      ctor.configProperties.some((p) => changed.has(p))
    ) {
      this.resolve();
    }
  }

  /** Look up a UI string and fill its placeholders. */
  t(key: string, vars?: Record<string, string | number>): string {
    const ctor = this.constructor as typeof LsElement;
    const template = this.strings?.[key] ?? ctor.defaultStrings[key] ?? (coreStrings as Record<string, string>)[key] ?? key;
    return format(template, vars);
  }

  /** The language for number formatting: `lang` on the element or its nearest ancestor. */
  protected get locale(): string | undefined {
    return this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  protected formatNumber(n: number, digits = 0): string {
    try {
      return n.toLocaleString(this.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    } catch {
      return n.toFixed(digits);
    }
  }

  private resolve(): void {
    this.needsResolve = false;
    if (this.config !== undefined && this.config !== null) {
      this.abort?.abort();
      if (typeof this.config === 'string') {
        try {
          this.apply(JSON.parse(this.config));
        } catch (err) {
          this.fail([{ path: 'config', message: this.t('configNotJson', { reason: errorText(err) }) }]);
        }
      } else {
        this.apply(this.config);
      }
      return;
    }
    if (this.src) {
      const url = this.src;
      if (this.loaded?.url === url) {
        if (this.loaded.error) this.fail([this.loaded.error]);
        else this.apply(this.loaded.data);
      } else {
        void this.load(url);
      }
      return;
    }
    const script = Array.from(this.children).find(
      (el) => el.tagName === 'SCRIPT' && (el as HTMLScriptElement).type === 'application/json',
    );
    if (script) {
      try {
        this.apply(JSON.parse(script.textContent ?? ''));
      } catch (err) {
        this.fail([{ path: 'script', message: this.t('inlineNotJson', { reason: errorText(err) }) }]);
      }
      return;
    }
    this.apply({});
  }

  private async load(url: string): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.status = 'loading';
    let result: { url: string; data: unknown; error?: ConfigIssue };
    try {
      const res = await fetch(url, { signal: abort.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      const text = await res.text();
      try {
        result = { url, data: JSON.parse(text) };
      } catch (err) {
        result = { url, data: undefined, error: { path: 'src', message: this.t('srcNotJson', { url, reason: errorText(err) }) } };
      }
    } catch (err) {
      if (abort.signal.aborted) return;
      result = { url, data: undefined, error: { path: 'src', message: this.t('srcFailed', { url, reason: errorText(err) }) } };
    }
    if (abort.signal.aborted || this.src !== url) return;
    this.loaded = result;
    this.needsResolve = true;
    this.requestUpdate();
  }

  private apply(raw: unknown): void {
    let attrs: Record<string, unknown>;
    try {
      attrs = dropUndefined(this.attributeConfig());
    } catch (err) {
      this.fail([{ path: 'attributes', message: `could not be read: ${errorText(err)}` }]);
      return;
    }
    const merged = this.mergeAttributes(raw, attrs);
    const result = parse(this.configSchema(), merged);
    if (!result.ok) {
      this.fail(result.issues);
      return;
    }
    try {
      this.configure(result.value);
    } catch (err) {
      this.fail([{ path: 'config', message: `could not be used: ${errorText(err)}` }]);
      return;
    }
    this.issues = [];
    this.status = 'ready';
    this.dispatchEvent(new CustomEvent('ls-ready', { bubbles: true, composed: true }));
  }

  private fail(issues: ConfigIssue[]): void {
    this.issues = issues;
    this.status = 'error';
    const detail: LsErrorDetail = { message: issues.map(formatIssue).join('\n'), issues };
    this.dispatchEvent(new CustomEvent('ls-error', { detail, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.status === 'error') return this.renderError();
    if (this.status === 'loading' || this.status === 'idle') return html`<div class="ls-loading" role="status">${this.t('loading')}</div>`;
    try {
      return this.renderView();
    } catch (err) {
      // A view bug must not take the page down: show it like a config problem.
      this.issues = [{ path: 'config', message: `could not be displayed: ${errorText(err)}` }];
      queueMicrotask(() => this.fail(this.issues as ConfigIssue[]));
      return this.renderError();
    }
  }

  protected renderError(): TemplateResult {
    const tag = this.localName;
    return html`<div class="ls-error" role="alert" part="error">
      <strong>${this.t('errorTitle', { tag, count: this.issues.length, s: this.issues.length === 1 ? '' : 's' })}</strong>
      <ul>
        ${this.issues.map((i) => html`<li><code>${i.path || 'config'}</code>: ${i.message}</li>`)}
      </ul>
    </div>`;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function dropUndefined(rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/**
 * Attribute helpers. The reactive properties behind simple attributes may also be set as properties
 * by frameworks (`el.vnodes = 50`), so they accept the value already typed. A non-numeric string is
 * kept as it is, so the error message quotes what was written.
 */
export function numberAttr(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/** `"A, B ,C"` → `["A", "B", "C"]`; an array is passed through. */
export function listAttr(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
