/**
 * Report an `<ls-quiz>` to a SCORM 1.2 or SCORM 2004 LMS: the quiz's score and pass/fail, and the
 * learner's progress in `cmi.suspend_data` so a relaunch resumes where they were.
 *
 * ```ts
 * import 'le-systems/quiz.js';
 * import { connectScorm } from 'le-systems/lms/scorm.js';
 * const connection = connectScorm(document.querySelector('ls-quiz')!);
 * // null outside an LMS: the quiz works as usual and nothing is sent anywhere.
 * ```
 *
 * What is written, and nothing else:
 * - on every `ls-quiz-answered`: `cmi.suspend_data` (the element's `getProgress()`), committed
 *   only with `commitOnAnswer`;
 * - on `ls-quiz-completed`, SCORM 2004: `cmi.score.scaled`, `cmi.score.raw`, `cmi.score.min`,
 *   `cmi.score.max`, `cmi.completion_status` (`completed`), `cmi.success_status`
 *   (`passed`/`failed`), `cmi.session_time`, `cmi.suspend_data`, then `Commit`;
 *   SCORM 1.2: `cmi.core.score.raw` (0–100), `cmi.core.score.min` (0), `cmi.core.score.max`
 *   (100), `cmi.core.lesson_status` (`passed`/`failed`), `cmi.core.session_time`,
 *   `cmi.suspend_data`, then `LMSCommit`;
 * - on `disconnect()` (and when the page is hidden for good): the session time, `cmi.exit` /
 *   `cmi.core.exit` = `suspend` when the learner left mid-attempt (without it a SCORM 2004 LMS
 *   ends the attempt and drops `suspend_data`), then `Terminate` / `LMSFinish`.
 *
 * Never per-question interactions (`cmi.interactions.*`) or per-question scores: an LMS keeps
 * those forever and they add nothing a teacher can act on that the quiz-level result does not.
 *
 * Every call into the LMS is guarded: an API that throws, returns `"false"` or is missing a
 * method leaves the page working; the problem is kept in `connection.lastError`.
 */
import { decimalString, isoDuration } from './xapi.js';
import type { QuizAnsweredDetail, QuizCompletedDetail } from '../components/quiz/types.js';

/** The SCORM 1.2 runtime API (`window.API`). Returns are strings (`"true"`/`"false"`), some LMSs return booleans. */
export interface Scorm12API {
  LMSInitialize(param: ''): string | boolean;
  LMSFinish(param: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(param: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic?(code: string): string;
}

/** The SCORM 2004 runtime API (`window.API_1484_11`). */
export interface Scorm2004API {
  Initialize(param: ''): string | boolean;
  Terminate(param: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(param: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic?(code: string): string;
}

export type ScormVersion = '1.2' | '2004';

/** A runtime found by {@link findScormApi}. */
export type ScormRuntime = { version: '1.2'; api: Scorm12API } | { version: '2004'; api: Scorm2004API };

/** A live link between one quiz element and the LMS. */
export type ScormConnection = ScormRuntime & {
  /** Remove the listeners, write the session time (and `exit = suspend` mid-attempt), then
   * Terminate / LMSFinish — by default only when this connection initialized the session (whoever
   * calls Initialize calls Terminate); pass `{ terminate: true }` to end a session someone else began,
   * `false` to keep it open. Safe to call more than once. */
  disconnect(options?: { terminate?: boolean }): void;
  /** The latest problem talking to the LMS (a failed or throwing call, suspend_data too long), or undefined. */
  lastError?: string;
  /** Whether the LMS session is usable (initialized by this connection or already by someone else). */
  readonly initialized: boolean;
  /** Whether saved progress from `cmi.suspend_data` was restored into the element. */
  readonly restored: boolean;
};

export interface ScormOptions {
  /** Where to start looking for the runtime (default: the element's window). */
  window?: Window;
  /** Call Initialize / LMSInitialize (default true). False when the host page initializes the session itself. */
  autoInitialize?: boolean;
  /** Commit after writing suspend_data on every answer (default false: commit on completion and at the end). */
  commitOnAnswer?: boolean;
  /** Disconnect (and Terminate) on the window's `pagehide` when not persisted (default true). */
  finishOnPageHide?: boolean;
  /** Milliseconds clock for the session time (default `performance.now`). For tests. */
  now?: () => number;
}

/** The element side of the contract: `<ls-quiz>`'s progress methods, feature-detected. */
type QuizLike = HTMLElement & { getProgress?: () => unknown; restoreProgress?: (json: string) => unknown };

/** How many parents to climb from a window, as in ADL's API discovery algorithm. */
export const MAX_PARENT_LEVELS = 7;
/** SCORM 1.2 `cmi.suspend_data` is a CMIString4096. */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** SCORM 2004 4th edition `cmi.suspend_data` smallest permitted maximum (3rd edition: 4000). */
export const SCORM2004_SUSPEND_LIMIT = 64_000;

const hasMethods = (o: unknown, names: string[]): boolean => !!o && (typeof o === 'object' || typeof o === 'function') && names.every((n) => typeof (o as Record<string, unknown>)[n] === 'function');

/** The runtime on one window, 2004 first; undefined when none or when the window is cross-origin. */
function runtimeAt(win: Window): ScormRuntime | undefined {
  try {
    const api = (win as unknown as { API_1484_11?: unknown }).API_1484_11;
    if (hasMethods(api, ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError'])) return { version: '2004', api: api as Scorm2004API };
  } catch {
    /* cross-origin: not here */
  }
  try {
    const api = (win as unknown as { API?: unknown }).API;
    if (hasMethods(api, ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'])) return { version: '1.2', api: api as Scorm12API };
  } catch {
    /* cross-origin */
  }
  return undefined;
}

function parentOf(win: Window): Window | undefined {
  try {
    const p = win.parent;
    return p && p !== win ? p : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: Window | undefined): Window | undefined {
  if (!win) return undefined;
  try {
    return (win.opener as Window | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Look at `win` and up to {@link MAX_PARENT_LEVELS} parents; also report the top reached. */
function scan(start: Window | undefined): { found?: ScormRuntime; top?: Window } {
  let win = start;
  let top = start;
  for (let level = 0; win && level <= MAX_PARENT_LEVELS; level++) {
    const found = runtimeAt(win);
    if (found) return { found, top: win };
    top = win;
    win = parentOf(win);
  }
  return { top };
}

/**
 * Find the SCORM runtime the standard way: `win` and its parents (up to 7 levels, stopping where a
 * window is its own parent), then `win.opener` and its parents, then the opener of the topmost
 * window reached (a popup whose content sits in a frame). On each window SCORM 2004's
 * `API_1484_11` is preferred to SCORM 1.2's `API`; the nearest window with either wins.
 * Cross-origin windows are skipped. Returns null when there is none.
 */
export function findScormApi(win: Window | undefined = typeof window === 'undefined' ? undefined : window): ScormRuntime | null {
  const self = scan(win);
  if (self.found) return self.found;
  const opener = openerOf(win);
  const viaOpener = scan(opener);
  if (viaOpener.found) return viaOpener.found;
  const topOpener = openerOf(self.top);
  if (topOpener && topOpener !== opener) return scan(topOpener).found ?? null;
  return null;
}

/** `HHHH:MM:SS.SS` (SCORM 1.2 CMITimespan), at least two hour digits, capped at 9999:59:59.99. */
export function scorm12Time(ms: number): string {
  const cs = Math.min(Math.round(Math.max(0, Number.isFinite(ms) ? ms : 0) / 10), 9999 * 360_000 + 359_999);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(cs / 360_000))}:${pad(Math.floor((cs % 360_000) / 6_000))}:${pad(Math.floor((cs % 6_000) / 100))}.${pad(cs % 100)}`;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isTrue = (r: unknown): boolean => r === true || r === 'true';
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Connect a quiz element to the SCORM runtime of the LMS that launched the page.
 *
 * Finds the runtime ({@link findScormApi}), initializes the session unless it is already
 * initialized, restores `cmi.suspend_data` into the element (now, or at its next `ls-ready` if its
 * quiz is not loaded yet), then listens for `ls-quiz-answered` and `ls-quiz-completed` on the
 * element (events bubbling from inside it count too). See the module comment for what is written.
 *
 * @param quizElement - an `<ls-quiz>` (or any element the quiz events reach; `getProgress` /
 *   `restoreProgress` are used only when it has them)
 * @returns the connection, or null — doing nothing — when no SCORM runtime is found
 */
export function connectScorm(quizElement: HTMLElement, opts: ScormOptions = {}): ScormConnection | null {
  const el = quizElement as QuizLike;
  const win = opts.window ?? el.ownerDocument?.defaultView ?? (typeof window === 'undefined' ? undefined : window);
  const runtime = findScormApi(win ?? undefined);
  if (!runtime) return null;
  const v12 = runtime.version === '1.2';
  const api = runtime.api as unknown as Record<string, (...args: string[]) => unknown>;
  const fn = v12
    ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', text: 'LMSGetErrorString' }
    : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', text: 'GetErrorString' };
  const key = v12
    ? { suspend: 'cmi.suspend_data', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time' }
    : { suspend: 'cmi.suspend_data', exit: 'cmi.exit', sessionTime: 'cmi.session_time' };
  const clock = opts.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const startedAt = clock();

  let initialized = false;
  let restored = false;
  let ownsSession = false;
  let connected = true;
  /** Whether the latest attempt has completed (then leaving is not a suspension). */
  let attemptCompleted = false;
  let lastSuspend: string | undefined;

  const conn = {
    ...runtime,
    lastError: undefined as string | undefined,
    get initialized() {
      return initialized;
    },
    get restored() {
      return restored;
    },
    disconnect,
  } as ScormConnection;

  /** Call an API method; undefined (and lastError set) when it is missing or throws. */
  const raw = (name: string, ...args: string[]): unknown => {
    try {
      if (typeof api[name] !== 'function') throw new TypeError('not a function');
      return api[name](...args);
    } catch (e) {
      conn.lastError = `${name}(${args.map((a) => JSON.stringify(a.length > 60 ? a.slice(0, 57) + '...' : a)).join(', ')}) threw: ${message(e)}`;
      return undefined;
    }
  };
  /** The LMS's own account of its last error: "code: text", or undefined for none. */
  const lmsError = (): string | undefined => {
    let code: string;
    try {
      code = String(api[fn.error]?.() ?? '');
    } catch {
      return undefined;
    }
    if (code === '' || code === '0') return undefined;
    let text = '';
    try {
      text = String(api[fn.text]?.(code) ?? '');
    } catch {
      /* no text */
    }
    return text ? `${code} (${text})` : code;
  };
  /** Call a method that answers "true"/"false"; on false, record why. */
  const act = (name: string, ...args: string[]): boolean => {
    const before = conn.lastError;
    const r = raw(name, ...args);
    if (isTrue(r)) return true;
    if (conn.lastError === before) conn.lastError = `${name}(${args.map((a) => JSON.stringify(a.length > 60 ? a.slice(0, 57) + '...' : a)).join(', ')}) failed${(() => {
      const err = lmsError();
      return err ? `: error ${err}` : '';
    })()}`;
    return false;
  };
  const set = (k: string, value: string): boolean => act(fn.set, k, value);
  const get = (k: string): string => {
    const r = raw(fn.get, k);
    return typeof r === 'string' ? r : r == null ? '' : String(r);
  };
  const commit = (): boolean => act(fn.commit, '');

  // --- Initialize ---------------------------------------------------------------------------
  if (opts.autoInitialize !== false) {
    const before = conn.lastError;
    if (act(fn.init, '')) {
      initialized = ownsSession = true;
    } else {
      // Initialize fails when the session is already initialized (2004: error 103; 1.2: 101).
      // Whether it is usable is what matters: probe it below.
      const why = conn.lastError;
      conn.lastError = before;
      if (!probe()) conn.lastError = `could not initialize the LMS session: ${why ?? `${fn.init} failed`}`;
    }
  } else if (!probe()) {
    conn.lastError = `the LMS session is not initialized (autoInitialize is false)${(() => {
      const err = lmsError();
      return err ? `: error ${err}` : '';
    })()}`;
  }

  /** A GetValue that succeeds shows the session is initialized. */
  function probe(): boolean {
    const before = conn.lastError;
    get(key.suspend);
    let code: unknown;
    try {
      code = api[fn.error]?.();
    } catch {
      code = undefined;
    }
    conn.lastError = before;
    initialized = String(code) === '0';
    return initialized;
  }

  // --- Restore ------------------------------------------------------------------------------
  const saved = initialized ? get(key.suspend) : '';
  const tryRestore = (): boolean => {
    if (restored || !saved || typeof el.restoreProgress !== 'function') return restored;
    try {
      restored = el.restoreProgress(saved) !== false;
      if (restored) lastSuspend = saved;
    } catch (e) {
      conn.lastError = `restoreProgress threw: ${message(e)}`;
    }
    return restored;
  };
  // The element may not have its quiz yet (loaded from `src`, or not upgraded): try again when it is ready.
  const onReady = () => {
    if (tryRestore()) el.removeEventListener('ls-ready', onReady);
  };
  if (saved && !tryRestore()) el.addEventListener('ls-ready', onReady);

  // --- Events -------------------------------------------------------------------------------
  const writeProgress = (): void => {
    if (typeof el.getProgress !== 'function') return;
    let json: unknown;
    try {
      json = el.getProgress();
    } catch (e) {
      conn.lastError = `getProgress threw: ${message(e)}`;
      return;
    }
    if (typeof json !== 'string' || json === lastSuspend) return;
    const limit = v12 ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT;
    if (json.length > limit) {
      conn.lastError = `progress not saved: cmi.suspend_data would be ${json.length} characters; SCORM ${runtime.version} allows ${limit}`;
      return;
    }
    if (set(key.suspend, json)) lastSuspend = json;
  };

  const onAnswered = (e: Event): void => {
    const detail = (e as CustomEvent<QuizAnsweredDetail>).detail;
    if (!connected || !detail || typeof detail !== 'object') return;
    attemptCompleted = false;
    writeProgress();
    if (opts.commitOnAnswer) commit();
  };

  /** This session's length: the attempt's own duration when it began in this session, else since connecting. */
  const sessionMs = (attemptMs?: number): number => {
    const since = Math.max(0, clock() - startedAt);
    return typeof attemptMs === 'number' && Number.isFinite(attemptMs) && attemptMs >= 0 ? Math.min(attemptMs, since) : since;
  };

  const onCompleted = (e: Event): void => {
    const d = (e as CustomEvent<QuizCompletedDetail>).detail;
    if (!connected || !d || typeof d !== 'object' || !d.score) return;
    const scaled = clamp01(d.score.scaled);
    const status = d.success ? 'passed' : 'failed';
    const ms = sessionMs(d.durationMs);
    if (v12) {
      set('cmi.core.score.raw', String(Math.round(scaled * 100)));
      set('cmi.core.score.min', '0');
      set('cmi.core.score.max', '100');
      set('cmi.core.lesson_status', status);
      set('cmi.core.session_time', scorm12Time(ms));
    } else {
      set('cmi.score.scaled', decimalString(Number(scaled.toFixed(7))));
      const num = (x: number) => decimalString(Number((Number.isFinite(x) ? x : 0).toFixed(7)));
      set('cmi.score.raw', num(d.score.raw));
      set('cmi.score.min', num(d.score.min));
      set('cmi.score.max', num(d.score.max));
      set('cmi.completion_status', 'completed');
      set('cmi.success_status', status);
      set('cmi.session_time', isoDuration(ms));
    }
    writeProgress();
    commit();
    attemptCompleted = true;
  };

  const onPageHide = (e: Event): void => {
    if (!(e as PageTransitionEvent).persisted) disconnect();
  };

  el.addEventListener('ls-quiz-answered', onAnswered);
  el.addEventListener('ls-quiz-completed', onCompleted);
  const pageWindow = el.ownerDocument?.defaultView;
  const hideTarget = opts.finishOnPageHide !== false && pageWindow && typeof pageWindow.addEventListener === 'function' ? pageWindow : undefined;
  hideTarget?.addEventListener('pagehide', onPageHide);

  function disconnect(options: { terminate?: boolean } = {}): void {
    if (!connected) return;
    connected = false;
    el.removeEventListener('ls-quiz-answered', onAnswered);
    el.removeEventListener('ls-quiz-completed', onCompleted);
    el.removeEventListener('ls-ready', onReady);
    hideTarget?.removeEventListener('pagehide', onPageHide);
    const terminate = options.terminate ?? ownsSession;
    if (!initialized || !terminate) return;
    set(key.sessionTime, v12 ? scorm12Time(sessionMs()) : isoDuration(sessionMs()));
    // Mid-attempt: keep the attempt (and suspend_data) for the next launch.
    if (!attemptCompleted && lastSuspend !== undefined) set(key.exit, 'suspend');
    act(fn.finish, '');
    initialized = false;
  }

  return conn;
}
