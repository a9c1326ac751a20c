import 'axe-core/axe.min.js';
import { render, type TemplateResult } from 'lit';

declare global {
  interface Window {
    axe: { run: (ctx: Element, opts?: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown; html: string }[] }[] }> };
  }
}

const mounted: HTMLElement[] = [];

/** Render a template into a fresh container in the document and wait for its first element's update. */
export async function fixture<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const host = document.createElement('div');
  host.style.width = '900px';
  document.body.append(host);
  mounted.push(host);
  render(template, host);
  const el = host.firstElementChild as T;
  await settle(el);
  return el;
}

/** Wait for Lit updates (and one frame) to finish. */
export async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    await nextFrame();
  }
}

/** One animation frame, or 50 ms if frames are not running (a background tab). */
export function nextFrame(): Promise<void> {
  return new Promise((r) => {
    const t = setTimeout(r, 50);
    requestAnimationFrame(() => {
      clearTimeout(t);
      r();
    });
  });
}

/** Wait until `check` is true, polling every 16 ms (not per frame: a hidden tab gets no frames), failing after `polls`. */
export async function until(check: () => boolean, what: string, polls = 300): Promise<void> {
  for (let i = 0; i < polls; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 16));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export function cleanup(): void {
  for (const m of mounted.splice(0)) m.remove();
}

/** Axe on the element (sees into its shadow root); throws listing every violation. */
export async function expectAxeClean(el: Element): Promise<void> {
  const { violations } = await window.axe.run(el, { resultTypes: ['violations'] });
  if (violations.length) {
    throw new Error(
      'axe violations:\n' + violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)).join('\n  ')}`).join('\n'),
    );
  }
}

/** Collect events of a type dispatched on or bubbling through `target`. */
export function record<T = unknown>(target: EventTarget, type: string): CustomEvent<T>[] {
  const list: CustomEvent<T>[] = [];
  target.addEventListener(type, (e) => list.push(e as CustomEvent<T>));
  return list;
}

/** Uncaught errors during a test. */
export function watchErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/**
 * Mocha hooks shared by the element tests: fail a test that leaves an uncaught error behind, clear
 * localStorage before it and unmount its fixtures after it.
 */
export function guardEachTest(): void {
  let watch: ReturnType<typeof watchErrors>;
  beforeEach(() => {
    watch = watchErrors();
    localStorage.clear();
  });
  afterEach(() => {
    watch.stop();
    cleanup();
    if (watch.errors.length) throw new Error(`uncaught errors: ${watch.errors.map(String).join('; ')}`);
  });
}
