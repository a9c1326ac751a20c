/**
 * Tell the page that frames a quiz how the learner is doing, across origins, with `postMessage`.
 *
 * Inside the framed page (the quiz):
 * ```ts
 * import { bridgeToParent } from 'le-systems/lms/post-message.js';
 * const stop = bridgeToParent(document.querySelector('ls-quiz')!, { targetOrigin: 'https://lms.example' });
 * ```
 * In the page that frames it (the LMS, or any host):
 * ```ts
 * import { listenToQuizFrames } from 'le-systems/lms/post-message.js';
 * const stop = listenToQuizFrames((msg) => record(msg.type, msg.detail), {
 *   origin: 'https://quizzes.example',
 *   source: iframe.contentWindow!, // optional: only this frame
 * });
 * ```
 *
 * The message is `{ source: 'le-systems', type: 'ls-quiz-answered' | 'ls-quiz-completed', detail }`,
 * where `detail` is a plain JSON copy of the event's detail — quiz and question ids, the response,
 * scores, duration; nothing about the learner. Both sides insist on one exact origin: the sender
 * never uses `"*"` (anyone framing the quiz could read the answers), the receiver ignores messages
 * from any other origin.
 */
import type { QuizAnsweredDetail, QuizCompletedDetail } from '../components/quiz/types.js';

/** The `source` field that marks le-systems messages. */
export const MESSAGE_SOURCE = 'le-systems';

/** The event types that are forwarded. */
export const FORWARDED_EVENTS = ['ls-quiz-answered', 'ls-quiz-completed'] as const;

/** A message sent by {@link bridgeToParent}. */
export type QuizFrameMessage =
  | { source: typeof MESSAGE_SOURCE; type: 'ls-quiz-answered'; detail: QuizAnsweredDetail }
  | { source: typeof MESSAGE_SOURCE; type: 'ls-quiz-completed'; detail: QuizCompletedDetail };

/** Anything with `postMessage(message, targetOrigin)`: a Window (a parent, an opener, a frame). */
export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/**
 * Throws a TypeError unless `origin` is one exact origin — scheme, host and port only, as
 * `new URL(origin).origin` spells it (`https://lms.example`, `http://localhost:8000`). Refuses
 * `"*"`, `"/"`, paths, trailing slashes, upper case and opaque origins (`"null"`).
 */
export function assertOrigin(origin: unknown, what = 'targetOrigin'): asserts origin is string {
  if (typeof origin !== 'string' || origin === '') throw new TypeError(`${what} is required: the exact origin of the other page, e.g. "https://lms.example"`);
  if (origin === '*') throw new TypeError(`${what} "*" would send the learner's answers to whatever page frames the quiz; give the exact origin, e.g. "https://lms.example"`);
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    throw new TypeError(`${what} ${JSON.stringify(origin)} is not an origin; expected something like "https://lms.example"`);
  }
  if (parsed === 'null' || parsed !== origin)
    throw new TypeError(`${what} ${JSON.stringify(origin)} is not an exact origin${parsed !== 'null' ? `; did you mean ${JSON.stringify(parsed)}?` : ' (scheme://host[:port] expected)'}`);
}

/** A plain-data deep copy (no functions, no DOM references, no prototypes). */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Forward `ls-quiz-answered` and `ls-quiz-completed` from `quizElement` (dispatched on it or
 * bubbling from inside it) to the parent window — or `target` — as {@link QuizFrameMessage}s,
 * with `postMessage(message, targetOrigin)`.
 *
 * @param quizElement - the `<ls-quiz>` (or an element containing quizzes)
 * @param options.targetOrigin - the exact origin of the receiving page; `"*"` is refused
 * @param options.target - where to post (default: the element's window's `parent`)
 * @returns a function that stops forwarding
 * @throws TypeError when `targetOrigin` is not an exact origin, or there is no target to post to
 */
export function bridgeToParent(quizElement: HTMLElement, { targetOrigin, target }: { targetOrigin: string; target?: Window | MessageTarget }): () => void {
  assertOrigin(targetOrigin);
  if (!quizElement || typeof quizElement.addEventListener !== 'function') throw new TypeError('bridgeToParent: expected an element');
  const to = target ?? quizElement.ownerDocument?.defaultView?.parent ?? (typeof window === 'undefined' ? undefined : window.parent);
  if (!to || typeof (to as MessageTarget).postMessage !== 'function') throw new TypeError('bridgeToParent: no window to post to; pass `target`');
  const forward = (e: Event): void => {
    const detail = (e as CustomEvent<unknown>).detail;
    if (!detail || typeof detail !== 'object') return;
    const message = { source: MESSAGE_SOURCE, type: e.type, detail: copy(detail) } as QuizFrameMessage;
    (to as MessageTarget).postMessage(message, targetOrigin);
  };
  for (const type of FORWARDED_EVENTS) quizElement.addEventListener(type, forward);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    for (const type of FORWARDED_EVENTS) quizElement.removeEventListener(type, forward);
  };
}

/** Is `data` a well-formed le-systems quiz message? */
export function isQuizFrameMessage(data: unknown): data is QuizFrameMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return m.source === MESSAGE_SOURCE && (FORWARDED_EVENTS as readonly unknown[]).includes(m.type) && !!m.detail && typeof m.detail === 'object';
}

/**
 * For the page that frames quizzes: call `handler` for each {@link QuizFrameMessage} whose
 * `event.origin` is exactly `origin` (and, when given, whose `event.source` is `source`). Every
 * other message — another origin, another frame, another shape — is ignored.
 *
 * @param handler - receives the message and the raw MessageEvent
 * @param options.origin - the exact origin of the framed quiz page
 * @param options.source - only accept messages from this window (e.g. `iframe.contentWindow`)
 * @param options.window - the window to listen on (default: the current one)
 * @returns a function that stops listening
 * @throws TypeError when `origin` is not an exact origin
 */
export function listenToQuizFrames(
  handler: (message: QuizFrameMessage, event: MessageEvent) => void,
  { origin, source, window: win }: { origin: string; source?: MessageEventSource | null; window?: Pick<Window, 'addEventListener' | 'removeEventListener'> },
): () => void {
  assertOrigin(origin, 'origin');
  if (typeof handler !== 'function') throw new TypeError('listenToQuizFrames: handler must be a function');
  const on = win ?? (typeof window === 'undefined' ? undefined : window);
  if (!on) throw new TypeError('listenToQuizFrames: no window to listen on; pass `window`');
  const listener = (event: MessageEvent): void => {
    if (event.origin !== origin) return;
    if (source !== undefined && source !== null && event.source !== source) return;
    if (!isQuizFrameMessage(event.data)) return;
    handler(event.data, event);
  };
  on.addEventListener('message', listener as EventListener);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    on.removeEventListener('message', listener as EventListener);
  };
}
