import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region inside the element's shadow root. `announce(text)` makes screen readers say
 * what just happened ("Node D joined; 18 of 100 keys moved to D"); the same sentence repeated is
 * still re-announced (a non-breaking space alternates at its end). The latest few sentences stay
 * available as `history` for a visible caption or log.
 */
export class Announcer implements ReactiveController {
  message = '';
  history: string[] = [];
  private flip = false;
  private host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, private keep = 20) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  announce(text: string): void {
    this.flip = !this.flip;
    this.message = text;
    this.history = [text, ...this.history].slice(0, this.keep);
    this.host.requestUpdate();
  }

  clear(): void {
    this.message = '';
    this.host.requestUpdate();
  }

  /** Place once in the element's template. */
  render(): TemplateResult {
    return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true" part="live-region">${this.message}${this.flip ? '\u00a0' : ''}</div>`;
  }
}
