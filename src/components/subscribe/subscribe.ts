import { html, nothing, css, type TemplateResult } from 'lit';
import { LsElement } from '../../core/ls-element.js';
import { themeStyles } from '../../core/theme.js';
import * as v from '../../core/validate.js';

export interface SubscribeConfig {
  /** The newsletter provider's form endpoint (any provider; nothing is baked in). */
  action: string;
  method: 'POST' | 'GET';
  /** Name of the email field the endpoint expects. */
  field: string;
  /** Extra fields the provider needs (e.g. a list id), sent as they are. */
  extra: Record<string, string>;
  /** `cors` reads the response status; `no-cors` for endpoints without CORS (success is then assumed once sent). */
  mode: 'cors' | 'no-cors';
  title: string;
  description?: string;
}

export interface SubscribeDetail {
  ok: boolean;
  /** HTTP status when it could be read. */
  status?: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ls-subscribe': CustomEvent<SubscribeDetail>;
  }
  interface HTMLElementTagNameMap {
    'ls-subscribe': LsSubscribe;
  }
}

const schema = v.object({
  action: v.string({ minLength: 1, maxLength: 2000, pattern: /^(https:\/\/|\/|\.{1,2}\/)[^\s]*$/, describe: 'an https:// or relative URL of the form endpoint' }),
  method: v.optional(v.oneOf(['POST', 'GET'] as const), 'POST'),
  field: v.optional(v.string({ minLength: 1, maxLength: 100 }), 'email'),
  extra: v.optional(
    {
      expected: 'an object of string values',
      kind: 'object',
      spec: { type: 'object', shape: {}, allowUnknown: true },
      check: (input, path, issues) => {
        if (typeof input !== 'object' || input === null || Array.isArray(input) || Object.values(input).some((x) => typeof x !== 'string')) {
          issues.push({ path: path || 'extra', message: `expected an object of string values, got ${v.show(input)}` });
          return undefined;
        }
        return input as Record<string, string>;
      },
    } as v.Schema<Record<string, string>>,
    {},
  ),
  mode: v.optional(v.oneOf(['cors', 'no-cors'] as const), 'cors'),
  title: v.optional(v.string({ minLength: 1, maxLength: 200 }), 'Stay updated'),
  description: v.optional(v.string({ maxLength: 500 })),
});

/** What browsers accept for type=email, plus a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The "Stay updated" sign-up: an email field with validation that posts to the form endpoint the
 * site owner configures (`action`), shows success or a clear error, and never loses what was typed
 * when sending fails. Attributes: `action`, `method`, `field`, `mode`, `heading`, `description`.
 *
 * @fires ls-subscribe - after sending; `detail: { ok, status? }` (the address is not included)
 * @fires ls-error - the configuration is invalid (e.g. no `action`)
 * @csspart form - the form
 * @csspart input - the email field
 * @csspart button - the submit button
 * @csspart message - the success or error message
 */
export class LsSubscribe extends LsElement<SubscribeConfig> {
  static override styles = [
    themeStyles,
    css`
      form {
        display: grid;
        gap: 0.5rem;
        padding: 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      h2 {
        margin: 0;
        font-size: 1.125em;
      }
      p {
        margin: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      input {
        flex: 1 1 14rem;
        min-height: 40px;
        min-width: 0;
      }
      button {
        min-height: 40px;
      }
      .msg.ok {
        color: var(--_success);
      }
      .msg.bad {
        color: var(--_danger);
      }
    `,
  ];

  static override properties = {
    ...LsElement.properties,
    action: { type: String },
    method: { type: String },
    field: { type: String },
    mode: { type: String },
    heading: { type: String },
    description: { type: String },
  };
  static override configProperties = ['action', 'method', 'field', 'mode', 'heading', 'description'];

  static override defaultStrings = {
    email: 'Email address',
    placeholder: 'you@example.com',
    submit: 'Subscribe',
    sending: 'Sending…',
    invalid: 'Enter an email address like name@example.com.',
    success: 'Thanks! Check your inbox to confirm.',
    failed: 'Could not subscribe ({reason}). Your address is still here: try again.',
  };

  declare action: string | undefined;
  declare method: string | undefined;
  declare field: string | undefined;
  declare mode: string | undefined;
  declare heading: string | undefined;
  declare description: string | undefined;

  private cfg?: SubscribeConfig;
  private value = '';
  private state: 'idle' | 'sending' | 'ok' | 'error' | 'invalid' = 'idle';
  private reason = '';

  protected configSchema() {
    return schema as v.Schema<SubscribeConfig>;
  }

  protected override attributeConfig(): Record<string, unknown> {
    return { action: this.action, method: this.method?.toUpperCase(), field: this.field, mode: this.mode, title: this.heading, description: this.description };
  }

  protected configure(c: SubscribeConfig): void {
    this.cfg = c;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const c = this.cfg!;
    const email = this.value.trim();
    if (!EMAIL.test(email)) {
      this.state = 'invalid';
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    this.state = 'sending';
    this.requestUpdate();
    const body = new URLSearchParams({ ...c.extra, [c.field]: email });
    let detail: SubscribeDetail;
    try {
      const url = c.method === 'GET' ? `${c.action}${c.action.includes('?') ? '&' : '?'}${body}` : c.action;
      const res = await fetch(url, { method: c.method, mode: c.mode, body: c.method === 'POST' ? body : undefined, headers: { Accept: 'application/json' } });
      if (res.type === 'opaque' || res.ok) detail = { ok: true, ...(res.type === 'opaque' ? {} : { status: res.status }) };
      else {
        detail = { ok: false, status: res.status };
        this.reason = `HTTP ${res.status}`;
      }
    } catch (err) {
      detail = { ok: false };
      this.reason = err instanceof Error ? err.message : String(err);
    }
    this.state = detail.ok ? 'ok' : 'error';
    if (detail.ok) this.value = '';
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('ls-subscribe', { detail, bubbles: true, composed: true }));
  }

  protected renderView(): TemplateResult {
    const c = this.cfg!;
    const s = this.state;
    const msg = s === 'ok' ? this.t('success') : s === 'error' ? this.t('failed', { reason: this.reason }) : s === 'invalid' ? this.t('invalid') : '';
    return html`<form part="form" novalidate @submit=${(e: Event) => this.submit(e)} aria-labelledby="h">
      <h2 id="h">${c.title}</h2>
      ${c.description ? html`<p>${c.description}</p>` : nothing}
      <div class="row">
        <label class="sr-only" for="email">${this.t('email')}</label>
        <input
          id="email"
          part="input"
          type="email"
          name=${c.field}
          autocomplete="email"
          required
          placeholder=${this.t('placeholder')}
          .value=${this.value}
          aria-invalid=${s === 'invalid' ? 'true' : 'false'}
          aria-describedby="msg"
          @input=${(e: Event) => {
            this.value = (e.target as HTMLInputElement).value;
            if (this.state === 'invalid') ((this.state = 'idle'), this.requestUpdate());
          }}
        />
        <button part="button" class="primary" type="submit" ?disabled=${s === 'sending'}>${s === 'sending' ? this.t('sending') : this.t('submit')}</button>
      </div>
      <p id="msg" part="message" class="msg ${s === 'ok' ? 'ok' : s === 'error' || s === 'invalid' ? 'bad' : ''}" role="status">${msg}</p>
    </form>`;
  }
}

if (!customElements.get('ls-subscribe')) customElements.define('ls-subscribe', LsSubscribe);
