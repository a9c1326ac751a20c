import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
/**
 * Scenario export. A run is (config, seed, the user's actions with their times); an element's
 * `exportScenario()` returns that as plain JSON which, pasted back as the config, reproduces the
 * run exactly — this is how a blogger freezes the moment they want to show.
 */

/** Pretty JSON for a scenario, stable key order as built. */
export function scenarioJson(scenario: unknown): string {
  return JSON.stringify(scenario, null, 2);
}

/** Copy text; resolves false when the clipboard is unavailable or refused (the caller then shows it). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What a visualization offers the copier: its strings and its scenario. */
export interface ScenarioHost extends ReactiveControllerHost, HTMLElement {
  renderRoot: HTMLElement | DocumentFragment;
  t(key: string): string;
  exportScenario(): unknown;
}

/**
 * "Copy scenario" for a visualization: copies `exportScenario()` as JSON and says so through
 * `announce`; when the clipboard refuses, `state` becomes `failed` and `renderFallback()` shows the
 * JSON in a text area, which gets focus and is selected for Ctrl+C. `copied` lasts one render (the
 * live region has already said it). `render()` is the usual footer: the button, then the fallback.
 */
export class ScenarioCopier implements ReactiveController {
  state: '' | 'copied' | 'failed' = '';

  constructor(
    private host: ScenarioHost,
    private announce: (message: string) => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.state === 'copied') this.state = '';
  }

  async copy(): Promise<void> {
    const ok = await copyText(scenarioJson(this.host.exportScenario()));
    this.state = ok ? 'copied' : 'failed';
    this.announce(this.host.t(ok ? 'copied' : 'copyFailed'));
    this.host.requestUpdate();
    if (!ok) {
      await this.host.updateComplete;
      const area = this.host.renderRoot.querySelector('textarea');
      area?.focus();
      area?.select();
    }
  }

  /** The Copy scenario button and, for one render after a copy, "Copied". */
  renderButton(): TemplateResult {
    const t = (key: string) => this.host.t(key);
    return html`<button @click=${() => this.copy()}>${t('copyScenario')}</button>
      ${this.state === 'copied' ? html`<span class="note">${t('copied')}</span>` : nothing}`;
  }

  /** After the clipboard refused: the scenario in a read-only text area. */
  renderFallback(): TemplateResult | typeof nothing {
    return this.state === 'failed'
      ? html`<label class="note">${this.host.t('copyFailed')}<textarea readonly .value=${scenarioJson(this.host.exportScenario())}></textarea></label>`
      : nothing;
  }

  /** `.footer` with the button, then the fallback. */
  render(): TemplateResult {
    return html`<div class="footer">${this.renderButton()}</div>
      ${this.renderFallback()}`;
  }
}
