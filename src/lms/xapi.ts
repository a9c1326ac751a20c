/**
 * xAPI (Experience API 1.0.3) statements for a finished `<ls-quiz>` attempt, shaped by the cmi5 rules
 * that apply to statements an LMS records about an assessment.
 *
 * Pure: no DOM, no clock, no network, no random ids. You collect the `ls-quiz-answered` details and
 * the `ls-quiz-completed` detail, call {@link toXAPIStatements}, and send the array to your LRS
 * (`POST /statements` accepts an array). Nothing personal is invented: the actor is whatever you
 * pass, copied unchanged.
 *
 * ```ts
 * import { toXAPIStatements } from 'le-systems/lms/xapi.js';
 * const answers: QuizAnsweredDetail[] = [];
 * quiz.addEventListener('ls-quiz-answered', (e) => answers.push(e.detail));
 * quiz.addEventListener('ls-quiz-completed', (e) => {
 *   const statements = toXAPIStatements(
 *     { quiz: quiz.quiz!, answers, result: e.detail },
 *     { actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u-123' } },
 *       activityId: 'https://courses.example/quizzes/caching', timestamp: new Date().toISOString() },
 *   );
 *   answers.length = 0;
 *   void fetch(lrs + '/statements', { method: 'POST', headers, body: JSON.stringify(statements) });
 * });
 * ```
 *
 * What is produced, in order:
 * 1. one `answered` statement per answered question (a `cmi.interaction` activity whose parent is
 *    the quiz), with `result.success` and `result.response` in the xAPI response-pattern format;
 * 2. one `completed` statement about the quiz (an `assessment` activity) with `result.completion`
 *    and `result.duration` — and no score and no success (cmi5 §9.5.1–9.5.2);
 * 3. one `passed` or `failed` statement with `result.score`, `result.success`, `result.duration`
 *    and the cmi5 `masteryscore` context extension — and no `completion` (cmi5 §9.5.3).
 *
 * Statement `id`s are left unset (the LRS assigns UUIDs); `timestamp` is set only when given.
 *
 * Inside a cmi5 launch, pass the launch's `registration` and `sessionId`. cmi5 (§9.3) limits the
 * "cmi5 defined" statements an AU sends — at most one completed per registration, one of
 * passed/failed per session, no failed after passed — so after a Retry, filter out the completed
 * / passed / failed statements that would break those rules (the `answered` ones are always fine).
 */
import { mdText } from '../core/md-parse.js';
import type { Question, Quiz, QuizAnsweredDetail, QuizCompletedDetail, Response } from '../components/quiz/types.js';

// ---------------------------------------------------------------------------------------------
// Types (the subset of the xAPI 1.0.3 data model these statements use)
// ---------------------------------------------------------------------------------------------

/** A language map: RFC 5646 tag → plain text. */
export type XAPILanguageMap = Record<string, string>;

/** An account on some system (an Inverse Functional Identifier). */
export interface XAPIAccount {
  /** The canonical home page of the system the account is on (an IRL). */
  homePage: string;
  /** The unique id or name of the account on that system. */
  name: string;
}

/**
 * An Agent. xAPI requires exactly one Inverse Functional Identifier: `mbox` (`mailto:` IRI),
 * `mbox_sha1sum`, `openid` or `account`. Prefer `account` (an opaque LMS user id) or
 * `mbox_sha1sum` when you do not want an e-mail address in the LRS.
 */
export interface XAPIAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XAPIAccount;
}

/** A Group: identified (with an IFI) or anonymous (with `member`). */
export interface XAPIGroup {
  objectType: 'Group';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: XAPIAccount;
  member?: XAPIAgent[];
}

/** Who the statements are about. */
export type XAPIActor = XAPIAgent | XAPIGroup;

export interface XAPIVerb {
  id: string;
  display: XAPILanguageMap;
}

/** The xAPI interaction types these statements use (a subset of the nine). */
export type XAPIInteractionType = 'choice' | 'true-false' | 'sequencing' | 'numeric' | 'fill-in';

/** One entry of an interaction component list (`choices` for choice and sequencing). */
export interface XAPIInteractionComponent {
  id: string;
  description?: XAPILanguageMap;
}

export interface XAPIActivityDefinition {
  type?: string;
  name?: XAPILanguageMap;
  description?: XAPILanguageMap;
  interactionType?: XAPIInteractionType;
  correctResponsesPattern?: string[];
  choices?: XAPIInteractionComponent[];
  extensions?: Record<string, unknown>;
}

export interface XAPIActivity {
  objectType: 'Activity';
  /** An absolute IRI. */
  id: string;
  definition?: XAPIActivityDefinition;
}

export interface XAPIScore {
  /** −1 to 1 in xAPI; 0 to 1 here (cmi5). */
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XAPIResult {
  score?: XAPIScore;
  success?: boolean;
  completion?: boolean;
  /** Formatted as the object's interaction type requires (see the xAPI response patterns). */
  response?: string;
  /** ISO 8601 duration, e.g. `PT1M5.25S`. */
  duration?: string;
  extensions?: Record<string, unknown>;
}

/** A reference to an activity in `contextActivities`. */
export interface XAPIActivityRef {
  objectType?: 'Activity';
  id: string;
  definition?: XAPIActivityDefinition;
}

export interface XAPIContext {
  /** UUID of the registration (enrolment) the statements belong to. */
  registration?: string;
  contextActivities?: {
    parent?: XAPIActivityRef[];
    grouping?: XAPIActivityRef[];
    category?: XAPIActivityRef[];
    other?: XAPIActivityRef[];
  };
  language?: string;
  extensions?: Record<string, unknown>;
}

export interface XAPIStatement {
  /** Left unset by this module: the LRS assigns a UUID. */
  id?: string;
  actor: XAPIActor;
  verb: XAPIVerb;
  object: XAPIActivity;
  result?: XAPIResult;
  context?: XAPIContext;
  /** ISO 8601 timestamp; only when given to {@link toXAPIStatements}. */
  timestamp?: string;
}

/** Options of {@link toXAPIStatements}. */
export interface XAPIStatementOptions {
  /** The learner (or group), copied as given. Required. */
  actor: XAPIActor;
  /**
   * The absolute IRI of the quiz activity (in cmi5, the AU's `activityId` from the launch URL).
   * Question activities are `${activityId}/questions/${encodeURIComponent(questionId)}`.
   */
  activityId: string;
  /** ISO 8601 timestamp with a time zone, set on every statement when given. */
  timestamp?: string;
  /** Registration UUID (cmi5: the `registration` launch parameter), set in every context when given. */
  registration?: string;
  /**
   * cmi5 session id (the LMS's `sessionid` from the launch's State document). Only when the quiz runs
   * as a cmi5 AU: it is added as the `sessionid` context extension to every statement, and the
   * completed / passed / failed statements get the cmi5 and moveOn category activities that mark
   * them as "cmi5 defined". Leave it out outside a cmi5 launch.
   */
  sessionId?: string;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** ADL verbs and activity types, and the cmi5 IRIs used here. */
export const XAPI = {
  verbs: {
    answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
    failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  },
  activityTypes: {
    interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    assessment: 'http://adlnet.gov/expapi/activities/assessment',
  },
  cmi5: {
    masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
    sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
    categoryCmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    categoryMoveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  },
} as const;

const LANG = 'en-US';

/** The xAPI interaction type of each question type. */
export const INTERACTION_TYPES: Record<Question['type'], XAPIInteractionType> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  ordering: 'sequencing',
  numeric: 'numeric',
  text: 'fill-in',
};

// ---------------------------------------------------------------------------------------------
// Durations and numbers
// ---------------------------------------------------------------------------------------------

/**
 * An ISO 8601 duration (xAPI 1.0.3 §4.6, SCORM 2004 `timeinterval`) of `ms` milliseconds, in hours,
 * minutes and seconds, rounded to 0.01 s (the precision both specs ask for): `65250` →
 * `"PT1M5.25S"`, `0` → `"PT0S"`, `3_600_000` → `"PT1H"`. Hours are not folded into days (days are
 * not always 24 hours long). Throws a RangeError for a negative or non-finite `ms`.
 */
export function isoDuration(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError(`isoDuration: expected a finite number of milliseconds ≥ 0, got ${String(ms)}`);
  const cs = Math.round(ms / 10); // centiseconds
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = cs % 6_000;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || (!h && !m)) {
    const whole = Math.floor(s / 100);
    const frac = s % 100;
    out += frac ? `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}S` : `${whole}S`;
  }
  return out;
}

/**
 * A number as a plain decimal string with no exponent, as xAPI response patterns and SCORM's
 * `real(10,7)` expect: `String(n)` when that has no exponent (it is then exact), else the decimal
 * expansion — whole for |n| ≥ 1e21, to 20 decimals for |n| < 1e-6.
 */
export function decimalString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`expected a finite number, got ${String(n)}`);
  if (Object.is(n, -0)) n = 0;
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Drop floating-point noise from a sum (0.3 − 0.1 → 0.2, not 0.19999999999999998). */
const tidy = (n: number): number => Number.parseFloat(n.toPrecision(15));

// ---------------------------------------------------------------------------------------------
// Response patterns (xAPI 1.0.3 §2.4.4.1 "Response Patterns")
// ---------------------------------------------------------------------------------------------

/** xAPI's list delimiter. "If the response contains only one item, the delimiter MUST not be used." */
const LIST = '[,]';

/** The `correctResponsesPattern` of a question. */
export function correctResponsesPattern(q: Question): string[] {
  switch (q.type) {
    case 'single':
      return [q.answer];
    case 'multiple':
    case 'ordering':
      return [q.answer.join(LIST)];
    case 'true-false':
      return [String(q.answer)];
    case 'numeric': {
      const tol = q.tolerance ?? 0;
      // A range is "min[:]max"; a single number MAY be given without the delimiter.
      return [tol > 0 ? `${decimalString(tidy(q.answer - tol))}[:]${decimalString(tidy(q.answer + tol))}` : decimalString(q.answer)];
    }
    case 'text':
      // One pattern per accepted answer; matched case-insensitively (case_matters defaults to false,
      // stated anyway so a reader need not know the default).
      return q.answer.map((a) => `{case_matters=false}${a}`);
  }
}

/**
 * A learner's response in the xAPI response format of the question's interaction type: an option
 * id, option ids joined with `[,]`, `"true"`/`"false"`, a decimal number, or the typed text.
 * Throws a TypeError when the response does not fit the question type.
 */
export function responseString(q: Question, r: Response): string {
  const bad = () => new TypeError(`response ${JSON.stringify(r)} does not fit question ${JSON.stringify(q.id)} of type ${q.type}`);
  switch (q.type) {
    case 'single':
    case 'text':
      if (typeof r !== 'string') throw bad();
      return r;
    case 'multiple':
    case 'ordering':
      if (!Array.isArray(r) || !r.every((x) => typeof x === 'string')) throw bad();
      return r.join(LIST);
    case 'true-false':
      if (typeof r !== 'boolean') throw bad();
      return String(r);
    case 'numeric':
      if (typeof r !== 'number' || !Number.isFinite(r)) throw bad();
      return decimalString(r);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** An absolute IRI: a scheme, no whitespace, and parseable as a URL. */
export function isAbsoluteIri(s: unknown): s is string {
  if (typeof s !== 'string' || !SCHEME.test(s) || /[\s<>"{}|\\^`]/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

function ifiCount(a: Record<string, unknown>): number {
  return IFIS.filter((k) => a[k] !== undefined && a[k] !== null).length;
}

function checkIfi(a: Record<string, unknown>, what: string): void {
  if (a.mbox !== undefined && !(typeof a.mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(a.mbox))) throw new TypeError(`${what}.mbox must be a "mailto:" IRI`);
  if (a.mbox_sha1sum !== undefined && !(typeof a.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(a.mbox_sha1sum))) throw new TypeError(`${what}.mbox_sha1sum must be 40 hex digits`);
  if (a.openid !== undefined && !isAbsoluteIri(a.openid)) throw new TypeError(`${what}.openid must be an absolute URI`);
  if (a.account !== undefined) {
    const acc = a.account as Record<string, unknown> | null;
    if (!acc || typeof acc !== 'object' || !isAbsoluteIri(acc.homePage) || typeof acc.name !== 'string' || !acc.name)
      throw new TypeError(`${what}.account must be { homePage: an absolute IRL, name: a non-empty string }`);
  }
}

/** Throws a TypeError unless `actor` is an xAPI Agent or Group identified as xAPI requires. */
export function assertActor(actor: unknown): asserts actor is XAPIActor {
  if (!actor || typeof actor !== 'object' || Array.isArray(actor)) throw new TypeError('toXAPIStatements: `actor` is required (an xAPI Agent or Group)');
  const a = actor as Record<string, unknown>;
  if (a.objectType !== undefined && a.objectType !== 'Agent' && a.objectType !== 'Group') throw new TypeError('actor.objectType must be "Agent" or "Group"');
  checkIfi(a, 'actor');
  const n = ifiCount(a);
  if (n > 1) throw new TypeError(`actor must have exactly one identifier (mbox, mbox_sha1sum, openid or account), got ${n}`);
  if (a.objectType === 'Group') {
    if (a.member !== undefined) {
      if (!Array.isArray(a.member)) throw new TypeError('actor.member must be an array of Agents');
      a.member.forEach((m, i) => {
        if (!m || typeof m !== 'object' || ifiCount(m as Record<string, unknown>) !== 1) throw new TypeError(`actor.member[${i}] must be an Agent with exactly one identifier`);
        checkIfi(m as Record<string, unknown>, `actor.member[${i}]`);
      });
    }
    if (n === 0 && !(Array.isArray(a.member) && a.member.length > 0)) throw new TypeError('an anonymous Group actor needs a non-empty `member` list');
  } else if (n === 0) {
    throw new TypeError('actor must have one identifier: mbox ("mailto:…"), mbox_sha1sum, openid or account { homePage, name }');
  }
}

function assertScore(s: QuizCompletedDetail['score']): void {
  const nums = [s?.raw, s?.min, s?.max, s?.scaled];
  if (!s || !nums.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new TypeError('result.score must be { raw, min, max, scaled } with finite numbers');
  if (!(s.min <= s.raw && s.raw <= s.max)) throw new TypeError(`result.score.raw must lie between min and max (got ${s.min} ≤ ${s.raw} ≤ ${s.max})`);
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

/** Plain text of a Markdown prompt, whitespace folded (xAPI language maps hold plain text, §4.2). */
function plain(src: string): string {
  return mdText(src).replace(/[ \t]+/g, ' ').trim();
}

/** A short name for a question activity: its prompt's first line, at most 120 characters. */
function shortName(text: string): string {
  const first = text.split('\n')[0].trim();
  return first.length > 120 ? `${first.slice(0, 119).trimEnd()}…` : first;
}

/** The activity id of one question. */
export function questionActivityId(activityId: string, questionId: string): string {
  return `${activityId}/questions/${encodeURIComponent(questionId)}`;
}

/** The `cmi.interaction` activity of a question. */
export function interactionActivity(q: Question, activityId: string): XAPIActivity {
  const prompt = plain(q.prompt);
  const definition: XAPIActivityDefinition = {
    type: XAPI.activityTypes.interaction,
    name: { [LANG]: shortName(prompt) || q.id },
    description: { [LANG]: prompt || q.id },
    interactionType: INTERACTION_TYPES[q.type],
    correctResponsesPattern: correctResponsesPattern(q),
  };
  if ('options' in q) definition.choices = q.options.map((o) => ({ id: o.id, description: { [LANG]: plain(o.text) || o.id } }));
  return { objectType: 'Activity', id: questionActivityId(activityId, q.id), definition };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * The xAPI statements of one quiz attempt: `answered` per answer, then `completed`, then `passed`
 * or `failed`. See the module comment for the exact shapes.
 *
 * @param data.quiz - the validated quiz (`<ls-quiz>`'s `quiz` property)
 * @param data.answers - the `ls-quiz-answered` details of this attempt, in the order they came
 * @param data.result - the `ls-quiz-completed` detail
 * @param options - who, which activity, and optional timestamp, registration and cmi5 session id
 * @throws TypeError when `actor` or `activityId` is missing or malformed (`activityId` must be an
 *   absolute IRI), `registration`/`timestamp` are malformed, an answer names a question the quiz
 *   does not have or a response does not fit its question, or an answer or the result is of another quiz
 */
export function toXAPIStatements(
  { quiz, answers, result }: { quiz: Quiz; answers: QuizAnsweredDetail[]; result: QuizCompletedDetail },
  { actor, activityId, timestamp, registration, sessionId }: XAPIStatementOptions,
): XAPIStatement[] {
  assertActor(actor);
  if (activityId === undefined || activityId === null || activityId === '') throw new TypeError('toXAPIStatements: `activityId` is required (an absolute IRI)');
  if (!isAbsoluteIri(activityId)) throw new TypeError(`toXAPIStatements: activityId must be an absolute IRI such as "https://example.com/quizzes/q1", got ${JSON.stringify(activityId)}`);
  if (registration !== undefined && !(typeof registration === 'string' && UUID.test(registration))) throw new TypeError(`registration must be a UUID, got ${JSON.stringify(registration)}`);
  if (timestamp !== undefined && !(typeof timestamp === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(timestamp) && !Number.isNaN(Date.parse(timestamp))))
    throw new TypeError(`timestamp must be an ISO 8601 date-time, got ${JSON.stringify(timestamp)}`);
  if (sessionId !== undefined && (typeof sessionId !== 'string' || !sessionId)) throw new TypeError('sessionId must be a non-empty string');
  if (!quiz || !Array.isArray(quiz.questions)) throw new TypeError('toXAPIStatements: `quiz` is required');
  if (!Array.isArray(answers)) throw new TypeError('toXAPIStatements: `answers` must be an array of ls-quiz-answered details');
  if (!result || typeof result !== 'object') throw new TypeError('toXAPIStatements: `result` (the ls-quiz-completed detail) is required');
  if (result.quizId !== quiz.id) throw new TypeError(`result is of quiz ${JSON.stringify(result.quizId)}, not ${JSON.stringify(quiz.id)}`);
  assertScore(result.score);
  if (typeof result.success !== 'boolean') throw new TypeError('result.success must be a boolean');
  const duration = isoDuration(result.durationMs);

  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const base = (): Pick<XAPIStatement, 'actor' | 'timestamp'> => ({ actor: clone(actor), ...(timestamp !== undefined ? { timestamp } : {}) });
  const context = (extra: XAPIContext): XAPIContext => {
    const c: XAPIContext = { ...(registration !== undefined ? { registration } : {}), ...extra };
    if (sessionId !== undefined) c.extensions = { ...c.extensions, [XAPI.cmi5.sessionId]: sessionId };
    return c;
  };
  const quizActivity: XAPIActivity = {
    objectType: 'Activity',
    id: activityId,
    definition: { type: XAPI.activityTypes.assessment, name: { [LANG]: plain(quiz.title) || quiz.id } },
  };
  // cmi5 §9.6.2: "cmi5 defined" statements carry the cmi5 category, and those with success or
  // completion also the moveOn category. Only meaningful inside a cmi5 launch (a session id).
  const cmi5Categories = sessionId !== undefined ? { category: [{ objectType: 'Activity' as const, id: XAPI.cmi5.categoryCmi5 }, { objectType: 'Activity' as const, id: XAPI.cmi5.categoryMoveOn }] } : {};

  const statements: XAPIStatement[] = answers.map((a, i) => {
    if (!a || typeof a !== 'object') throw new TypeError(`answers[${i}] is not an ls-quiz-answered detail`);
    if (a.quizId !== quiz.id) throw new TypeError(`answers[${i}] is of quiz ${JSON.stringify(a.quizId)}, not ${JSON.stringify(quiz.id)}`);
    const q = byId.get(a.questionId);
    if (!q) throw new TypeError(`answers[${i}]: quiz ${JSON.stringify(quiz.id)} has no question ${JSON.stringify(a.questionId)}`);
    return {
      ...base(),
      verb: clone(XAPI.verbs.answered),
      object: interactionActivity(q, activityId),
      result: { success: Boolean(a.correct), response: responseString(q, a.response) },
      context: context({ contextActivities: { parent: [{ objectType: 'Activity', id: activityId }] } }),
    };
  });

  statements.push({
    ...base(),
    verb: clone(XAPI.verbs.completed),
    object: clone(quizActivity),
    // cmi5 §9.5.1/9.5.2: no score and no success in a completed statement.
    result: { completion: true, duration },
    context: context(sessionId !== undefined ? { contextActivities: clone(cmi5Categories) } : {}),
  });

  const s = result.score;
  const scaled = Math.min(1, Math.max(0, s.scaled));
  // cmi5 §9.6.3.2: a decimal 0–1 with up to 4 decimal places.
  const passPercent = typeof quiz.passPercent === 'number' && Number.isFinite(quiz.passPercent) ? quiz.passPercent : 70; // the schema's default
  const masteryScore = Math.round(Math.min(100, Math.max(0, passPercent)) * 100) / 10_000;
  const judged = context(sessionId !== undefined ? { contextActivities: clone(cmi5Categories) } : {});
  judged.extensions = { ...judged.extensions, [XAPI.cmi5.masteryScore]: masteryScore };
  statements.push({
    ...base(),
    verb: clone(result.success ? XAPI.verbs.passed : XAPI.verbs.failed),
    object: clone(quizActivity),
    // cmi5 §9.5.3: "completion" only in completed (and waived) statements.
    result: { score: { scaled, raw: s.raw, min: s.min, max: s.max }, success: result.success, duration },
    context: judged,
  });

  // Drop empty contexts (xAPI §2.2: no properties whose value is an empty object).
  for (const st of statements) if (st.context && Object.keys(st.context).length === 0) delete st.context;
  return statements;
}
