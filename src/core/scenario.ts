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
