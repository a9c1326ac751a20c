import 'axe-core/axe.min.js';
import { expect } from 'chai';
import { render, type TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { LsErrorDetail } from '../../src/core/ls-element.js';

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

// ---------------------------------------------------------------------------------------------
// Shared plumbing of the visualization element tests: shadow-DOM queries, the live region and
// the error panel, located configuration errors, the clipboard, the table view, playback and
// the narrow layout.

/** The first match of `sel` in the element's shadow root, or null. */
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T | null => shadow(el).querySelector(sel) as T | null;

/** Every match of `sel` in the element's shadow root, as an array. */
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string): T[] => Array.from(shadow(el).querySelectorAll(sel)) as T[];

/** A node's text with runs of white space folded to one space and trimmed; '' for a missing node. */
export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What the element's polite live region (`role="status"`) says now, white space folded. */
export const liveText = (el: Element): string => text($(el, '[role="status"][aria-live="polite"]'));

/** The text of the element's first `role="alert"` panel (the located-error panel), white space folded; '' when there is none. */
export const alertText = (el: Element): string => text($(el, '[role="alert"]'));

/** Assert that the element's alert panel contains every fragment. */
export function expectAlert(el: Element, ...fragments: string[]): void {
  for (const f of fragments) expect(alertText(el)).to.contain(f);
}

/** Assert that the element shows no alert panel (a valid configuration replaced the error). */
export function expectNoAlert(el: Element): void {
  expect($(el, '[role="alert"]')).to.equal(null);
}

/** Set an element's `config` property and wait for it to re-render. */
export async function configure<E extends HTMLElement & { config: unknown }>(el: E, config: E['config']): Promise<void> {
  el.config = config;
  await settle(el);
}

/**
 * Render a badly configured element and check how it reports it: an `ls-error` event reaches the
 * document, and both the `role="alert"` panel and `detail.message` contain every fragment; the
 * element is axe-clean while showing the error. Resolves to the element and the first event's detail
 * (for checks on `detail.issues`).
 */
export async function expectLocatedError<T extends HTMLElement = HTMLElement>(
  template: TemplateResult,
  ...fragments: string[]
): Promise<{ el: T; detail: LsErrorDetail }> {
  const errors: CustomEvent<LsErrorDetail>[] = [];
  const listener = (e: Event) => errors.push(e as CustomEvent<LsErrorDetail>);
  document.addEventListener('ls-error', listener);
  try {
    const el = await fixture<T>(template);
    await until(() => errors.length > 0, 'ls-error');
    await settle(el);
    const { detail } = errors[0];
    for (const f of fragments) {
      expect(alertText(el)).to.contain(f);
      expect(detail.message).to.contain(f);
    }
    await expectAxeClean(el);
    return { el, detail };
  } finally {
    document.removeEventListener('ls-error', listener);
  }
}

/** A stand-in for `navigator.clipboard` that records what is written (see {@link withClipboard}). */
export interface ClipboardStub {
  /** The last text written, '' before any write. */
  readonly text: string;
  /** Wait for a write (fails after the `until` timeout) and resolve to the text written. */
  written(): Promise<string>;
  /** From now on refuse writes, as a browser without permission does (`writeText` rejects). */
  refuse(): void;
}

/**
 * Run `body` with `navigator.clipboard` replaced by a {@link ClipboardStub}, and put the real one
 * back afterwards, whether `body` passes or throws.
 */
export async function withClipboard<R>(body: (clip: ClipboardStub) => Promise<R>): Promise<R> {
  const original = navigator.clipboard;
  let written = '';
  let refusing = false;
  const stub: ClipboardStub = {
    get text() {
      return written;
    },
    async written() {
      await until(() => written !== '', 'the clipboard write');
      return written;
    },
    refuse() {
      refusing = true;
    },
  };
  const writeText = async (t: string) => {
    if (refusing) throw new Error('denied');
    written = t;
  };
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  try {
    return await body(stub);
  } finally {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: original });
  }
}

/** Focus a control and press Enter on it, as a keyboard user activates it; then wait for the element. */
export async function pressEnterOn(el: Element, control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

/**
 * Activate a Copy button by keyboard (with the real clipboard, which a headless browser may refuse)
 * and wait until the live region reports the outcome, matching `outcome` (copied or not).
 */
export async function copyByKeyboard(el: Element, button: HTMLElement, outcome = /copied|Could not copy/, what = 'copy result'): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => outcome.test(liveText(el)), what);
}

/** Open the element's table view (`<details>` with a summary) by keyboard and wait for the update. */
export async function openTableView(el: Element): Promise<void> {
  await pressEnterOn(el, $<HTMLElement>(el, 'details summary')!);
}

/**
 * From the focused player surface: Home, then Space to play until `moved()` says playback advanced,
 * then Space again to pause.
 */
export async function playFromStartAndPause(moved: () => boolean): Promise<void> {
  await sendKeys({ press: 'Home' });
  await sendKeys({ press: ' ' });
  await until(moved, 'playback');
  await sendKeys({ press: ' ' });
}

/** Narrow the element's container to `width` px, wait for the re-layout, and assert the element does not overflow it. */
export async function expectFits(el: HTMLElement, width = 400, what?: string): Promise<void> {
  el.parentElement!.style.width = `${width}px`;
  await settle(el);
  expect(el.scrollWidth, what).to.be.at.most(width);
}

/** The element's private playback driver, as the frame-leak tests inspect it. */
export interface PlayerInternals {
  /** The pending requestAnimationFrame id, 0 when none. */
  frame: number;
  playing: boolean;
  observer?: unknown;
}

/** Press Play on the element's `ls-player-controls` bar, wait for the update, and return its player's internals. */
export async function startPlayback(el: Element): Promise<PlayerInternals> {
  ($(el, 'ls-player-controls')!.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click();
  await settle(el);
  return (el as unknown as { player: PlayerInternals }).player;
}
