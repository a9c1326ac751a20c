import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/**
 * "Copy scenario" for a visualization: copies `exportScenario()` as JSON; when the clipboard refuses,
 * `state` becomes `failed` so the view shows the JSON in a text area, which gets focus and is
 * selected for Ctrl+C. `copied` lasts one render (the live region has already said it).
 */
export class ScenarioCopier implements ReactiveController {
  state: '' | 'copied' | 'failed' = '';

  constructor(
    private host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; updateComplete: Promise<unknown> },
    private exportScenario: () => unknown,
    private say: (key: 'copied' | 'copyFailed') => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.state === 'copied') this.state = '';
  }

  async copy(): Promise<void> {
    const ok = await copyText(scenarioJson(this.exportScenario()));
    this.state = ok ? 'copied' : 'failed';
    this.say(ok ? 'copied' : 'copyFailed');
    this.host.requestUpdate();
    if (!ok) {
      await this.host.updateComplete;
      const area = this.host.renderRoot.querySelector('textarea');
      area?.focus();
      area?.select();
    }
  }
}
