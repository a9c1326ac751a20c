import { expect } from 'chai';
import { connectScorm, findScormApi, scorm12Time, type ScormConnection } from '../../src/lms/scorm.js';
import { bridgeToParent, listenToQuizFrames, type QuizFrameMessage } from '../../src/lms/post-message.js';
import type { QuizAnsweredDetail, QuizCompletedDetail } from '../../src/components/quiz/types.js';
import { until, watchErrors } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Fakes: SCORM runtimes that record every call, window-like objects, a quiz-like element
// ---------------------------------------------------------------------------------------------

type Call = [string, ...string[]];

/** A SCORM runtime fake for either version, keeping the data model in a Map and every call in `calls`. */
class FakeRuntime {
  calls: Call[] = [];
  data = new Map<string, string>();
  initialized = false;
  terminated = false;
  error = '0';
  /** Keys whose SetValue answers "false" (error 351). */
  reject = new Set<string>();
  constructor(readonly version: '1.2' | '2004') {}
  /** The [key, value] of every successful SetValue, in order. */
  get sets(): [string, string][] {
    return this.calls.filter((c) => c[0] === this.name('set')).map((c) => [c[1], c[2]]);
  }
  count(op: 'init' | 'finish' | 'commit'): number {
    return this.calls.filter((c) => c[0] === this.name(op)).length;
  }
  name(op: 'init' | 'finish' | 'get' | 'set' | 'commit' | 'error' | 'text'): string {
    const names12 = { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', text: 'LMSGetErrorString' };
    const names04 = { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', text: 'GetErrorString' };
    return (this.version === '1.2' ? names12 : names04)[op];
  }
  /** The object to put on a window as `API` / `API_1484_11`. */
  api(): Record<string, (...a: string[]) => string> {
    const rec = (n: string, f: (...a: string[]) => string) => (...a: string[]) => (this.calls.push([n, ...a]), f(...a));
    const init = () => {
      if (this.initialized) return this.fail(this.version === '2004' ? '103' : '101');
      this.initialized = true;
      return this.ok();
    };
    const live = (f: () => string) => (this.initialized && !this.terminated ? f() : this.fail(this.version === '2004' ? '132' : '301'));
    const ops = {
      init,
      finish: () => live(() => ((this.terminated = true), this.ok())),
      get: (k: string) => (this.initialized && !this.terminated ? ((this.error = '0'), this.data.get(k) ?? '') : (this.fail(this.version === '2004' ? '122' : '301'), '')),
      set: (k: string, v: string) => live(() => (this.reject.has(k) ? this.fail('351') : (this.data.set(k, v), this.ok()))),
      commit: () => live(() => this.ok()),
      error: () => this.error,
      text: (c: string) => `error text ${c}`,
    };
    const out: Record<string, (...a: string[]) => string> = {};
    for (const [op, f] of Object.entries(ops)) out[this.name(op as keyof typeof ops)] = rec(this.name(op as keyof typeof ops), f as (...a: string[]) => string);
    return out;
  }
  private ok(): string {
    this.error = '0';
    return 'true';
  }
  private fail(code: string): string {
    this.error = code;
    return 'false';
  }
}

/** A window-like object; `parent` defaults to itself (a top window). */
type FakeWindow = { parent: FakeWindow; opener: FakeWindow | null; API?: unknown; API_1484_11?: unknown; name: string };
const fakeWindow = (name: string, extra: Partial<FakeWindow> = {}): FakeWindow => {
  const w = { name, opener: null, ...extra } as FakeWindow;
  if (!w.parent) w.parent = w;
  return w;
};
/** A chain of `n` windows: [0] is the innermost frame, [n-1] the top. */
const chain = (n: number, prefix = 'w'): FakeWindow[] => {
  const ws = Array.from({ length: n }, (_, i) => fakeWindow(`${prefix}${i}`));
  ws.forEach((w, i) => (w.parent = ws[i + 1] ?? w));
  return ws;
};
const asWindow = (w: FakeWindow) => w as unknown as Window;

type QuizLikeEl = HTMLDivElement & { getProgress?: () => string; restoreProgress?: (json: string) => boolean; restoredWith: string[]; progress: string };
/** A plain div standing in for <ls-quiz>: getProgress returns `progress`, restoreProgress records its input. */
function quizLike({ progress = true, restore = true } = {}): QuizLikeEl {
  const el = document.createElement('div') as QuizLikeEl;
  el.restoredWith = [];
  el.progress = '{"v":1,"index":0}';
  if (progress) el.getProgress = () => el.progress;
  if (restore) el.restoreProgress = (json: string) => (el.restoredWith.push(json), true);
  document.body.append(el);
  return el;
}

const answered = (questionId = 'q1', correct = true): CustomEvent<QuizAnsweredDetail> =>
  new CustomEvent('ls-quiz-answered', { bubbles: true, composed: true, detail: { quizId: 'quiz', questionId, response: 'a', correct, score: { raw: correct ? 1 : 0, max: 1 } } });
const completed = (over: Partial<QuizCompletedDetail> = {}): CustomEvent<QuizCompletedDetail> =>
  new CustomEvent('ls-quiz-completed', {
    bubbles: true,
    composed: true,
    detail: { quizId: 'quiz', score: { raw: 5, min: 0, max: 7, scaled: 5 / 7 }, success: true, durationMs: 65_250, attempt: 1, ...over },
  });

/** Put a fresh runtime of `version` on a new top window, connect `el` through it. */
function setup(version: '1.2' | '2004', opts: Parameters<typeof connectScorm>[1] = {}, el = quizLike()) {
  const rt = new FakeRuntime(version);
  const top = fakeWindow('lms', version === '2004' ? { API_1484_11: rt.api() } : { API: rt.api() });
  const frame = fakeWindow('sco', { parent: top });
  let t = 0;
  const clock = { advance: (ms: number) => (t += ms) };
  const conn = connectScorm(el, { window: asWindow(frame), now: () => t, ...opts });
  return { rt, el, conn: conn!, clock };
}

const connections: ScormConnection[] = [];
const track = <T extends { conn: ScormConnection }>(x: T): T => (connections.push(x.conn), x);

afterEach(() => {
  for (const c of connections.splice(0)) c?.disconnect();
  document.body.querySelectorAll('div').forEach((d) => d.remove());
});

// ---------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------

describe('findScormApi', () => {
  it('finds the API on the window itself and up to 7 parents, not 8', () => {
    const rt = new FakeRuntime('1.2');
    const self = chain(1);
    self[0].API = rt.api();
    expect(findScormApi(asWindow(self[0]))?.version).to.equal('1.2');

    const ws = chain(9);
    ws[7].API_1484_11 = new FakeRuntime('2004').api();
    expect(findScormApi(asWindow(ws[0]))?.api).to.equal(ws[7].API_1484_11);
    delete ws[7].API_1484_11;
    ws[8].API_1484_11 = new FakeRuntime('2004').api();
    expect(findScormApi(asWindow(ws[0]))).to.equal(null);
  });

  it('stops where a window is its own parent', () => {
    const top = fakeWindow('top');
    let reads = 0;
    const frame = fakeWindow('frame', { parent: top });
    Object.defineProperty(top, 'parent', { get: () => (reads++, top) });
    expect(findScormApi(asWindow(frame))).to.equal(null);
    expect(reads).to.be.lessThan(3);
  });

  it('looks through window.opener and its parents, and the top window’s opener', () => {
    const rt = new FakeRuntime('2004');
    const lms = chain(3, 'lms');
    lms[2].API_1484_11 = rt.api();
    const popup = fakeWindow('popup', { opener: lms[0] as FakeWindow });
    expect(findScormApi(asWindow(popup))?.version).to.equal('2004');

    const popupTop = fakeWindow('popup-top', { opener: lms[1] });
    const popupFrame = fakeWindow('popup-frame', { parent: popupTop });
    expect(findScormApi(asWindow(popupFrame))?.api).to.equal(lms[2].API_1484_11);
  });

  it('prefers SCORM 2004 when a window has both, and the nearest window wins', () => {
    const both = fakeWindow('lms', { API: new FakeRuntime('1.2').api(), API_1484_11: new FakeRuntime('2004').api() });
    expect(findScormApi(asWindow(fakeWindow('sco', { parent: both })))?.version).to.equal('2004');
    const ws = chain(3);
    ws[1].API = new FakeRuntime('1.2').api();
    ws[2].API_1484_11 = new FakeRuntime('2004').api();
    expect(findScormApi(asWindow(ws[0]))?.version).to.equal('1.2');
  });

  it('skips cross-origin windows (whose properties throw) and keeps climbing', () => {
    const ws = chain(3);
    for (const k of ['API', 'API_1484_11', 'opener']) {
      Object.defineProperty(ws[1], k, {
        get() {
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        },
      });
    }
    ws[2].API = new FakeRuntime('1.2').api();
    expect(findScormApi(asWindow(ws[0]))?.version).to.equal('1.2');
  });

  it('ignores objects that are not a runtime', () => {
    const w = fakeWindow('w', { API: { LMSInitialize: () => 'true' }, API_1484_11: 'nope' });
    expect(findScormApi(asWindow(w))).to.equal(null);
  });

  it('finds nothing in this test page, and connectScorm then returns null and does nothing', () => {
    expect(findScormApi(window)).to.equal(null);
    const el = quizLike();
    let reads = 0;
    el.getProgress = () => (reads++, '{}');
    expect(connectScorm(el)).to.equal(null);
    expect(connectScorm(el, { window: asWindow(chain(4)[0]) })).to.equal(null);
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    expect(reads).to.equal(0);
  });
});

// ---------------------------------------------------------------------------------------------
// SCORM 2004
// ---------------------------------------------------------------------------------------------

describe('connectScorm with SCORM 2004', () => {
  it('initializes once, and restores cmi.suspend_data into the element', () => {
    const rt = new FakeRuntime('2004');
    rt.data.set('cmi.suspend_data', '{"v":1,"index":3}');
    const top = fakeWindow('lms', { API_1484_11: rt.api() });
    const el = quizLike();
    const conn = connectScorm(el, { window: asWindow(fakeWindow('sco', { parent: top })) })!;
    connections.push(conn);
    expect(conn.version).to.equal('2004');
    expect(conn.api).to.equal(top.API_1484_11);
    expect(rt.count('init')).to.equal(1);
    expect(conn.initialized).to.equal(true);
    expect(el.restoredWith).to.deep.equal(['{"v":1,"index":3}']);
    expect(conn.restored).to.equal(true);
    expect(conn.lastError).to.equal(undefined);
  });

  it('does not call restoreProgress when suspend_data is empty', () => {
    const { el, conn } = track(setup('2004'));
    expect(el.restoredWith).to.deep.equal([]);
    expect(conn.restored).to.equal(false);
  });

  it('writes only cmi.suspend_data on each answer, and commits only with commitOnAnswer', () => {
    const { rt, el } = track(setup('2004'));
    el.progress = '{"v":1,"index":1}';
    el.dispatchEvent(answered('q1'));
    el.progress = '{"v":1,"index":2}';
    el.dispatchEvent(answered('q2', false));
    expect(rt.sets).to.deep.equal([
      ['cmi.suspend_data', '{"v":1,"index":1}'],
      ['cmi.suspend_data', '{"v":1,"index":2}'],
    ]);
    expect(rt.count('commit')).to.equal(0);

    const second = track(setup('2004', { commitOnAnswer: true }));
    second.el.dispatchEvent(answered());
    expect(second.rt.count('commit')).to.equal(1);
  });

  it('does not rewrite unchanged progress (exam mode sends every answer at once)', () => {
    const { rt, el } = track(setup('2004'));
    for (const q of ['q1', 'q2', 'q3']) el.dispatchEvent(answered(q));
    expect(rt.sets).to.have.length(1);
  });

  it('writes the quiz-level result on completion and commits — and nothing per question', () => {
    const { rt, el, clock } = track(setup('2004'));
    el.dispatchEvent(answered());
    clock.advance(120_000);
    el.progress = '{"v":1,"finished":true}';
    el.dispatchEvent(completed());
    expect(rt.sets).to.deep.equal([
      ['cmi.suspend_data', '{"v":1,"index":0}'],
      ['cmi.score.scaled', '0.7142857'],
      ['cmi.score.raw', '5'],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '7'],
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'passed'],
      ['cmi.session_time', 'PT1M5.25S'],
      ['cmi.suspend_data', '{"v":1,"finished":true}'],
    ]);
    expect(rt.count('commit')).to.equal(1);
    expect(rt.calls.at(-1)![0]).to.equal('Commit');
    expect(rt.calls.some((c) => /interactions|objectives/.test(c[1] ?? ''))).to.equal(false);
  });

  it('reports failed, and a scaled score of 0 and 1 exactly', () => {
    const { rt, el } = track(setup('2004'));
    el.dispatchEvent(completed({ success: false, score: { raw: 0, min: 0, max: 4, scaled: 0 } }));
    expect(rt.data.get('cmi.success_status')).to.equal('failed');
    expect(rt.data.get('cmi.score.scaled')).to.equal('0');
    el.dispatchEvent(completed({ score: { raw: 4, min: 0, max: 4, scaled: 1 } }));
    expect(rt.data.get('cmi.score.scaled')).to.equal('1');
    expect(rt.data.get('cmi.success_status')).to.equal('passed');
  });

  it('counts only this session’s time when the attempt began in an earlier session', () => {
    const { rt, el, clock } = track(setup('2004'));
    clock.advance(30_000);
    el.dispatchEvent(completed({ durationMs: 3_600_000 }));
    expect(rt.data.get('cmi.session_time')).to.equal('PT30S');
  });

  it('on disconnect: writes the session time, exit=suspend mid-attempt, Terminates, and stops listening', () => {
    const { rt, el, conn, clock } = track(setup('2004'));
    el.dispatchEvent(answered());
    clock.advance(61_000);
    conn.disconnect();
    expect(rt.sets.slice(-2)).to.deep.equal([
      ['cmi.session_time', 'PT1M1S'],
      ['cmi.exit', 'suspend'],
    ]);
    expect(rt.count('finish')).to.equal(1);
    expect(conn.initialized).to.equal(false);
    const before = rt.calls.length;
    el.progress = '{"changed":true}';
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    conn.disconnect();
    expect(rt.calls.length).to.equal(before);
  });

  it('does not suspend after a completed attempt', () => {
    const { rt, el, conn } = track(setup('2004'));
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    conn.disconnect();
    expect(rt.sets.map(([k]) => k)).not.to.include('cmi.exit');
    expect(rt.count('finish')).to.equal(1);
  });

  it('uses a session someone else initialized, without terminating it unless asked', () => {
    const rt = new FakeRuntime('2004');
    const api = rt.api();
    api.Initialize('');
    rt.data.set('cmi.suspend_data', 'saved');
    const el = quizLike();
    const conn = connectScorm(el, { window: asWindow(fakeWindow('lms', { API_1484_11: api })) })!;
    connections.push(conn);
    expect(conn.initialized).to.equal(true);
    expect(conn.lastError).to.equal(undefined);
    expect(el.restoredWith).to.deep.equal(['saved']);
    el.dispatchEvent(completed());
    expect(rt.data.get('cmi.completion_status')).to.equal('completed');
    conn.disconnect();
    expect(rt.count('finish')).to.equal(0);

    const rt2 = new FakeRuntime('2004');
    const api2 = rt2.api();
    api2.Initialize('');
    const conn2 = connectScorm(quizLike(), { window: asWindow(fakeWindow('lms', { API_1484_11: api2 })), autoInitialize: false })!;
    expect(rt2.count('init')).to.equal(1); // only ours above
    conn2.disconnect({ terminate: true });
    expect(rt2.count('finish')).to.equal(1);
  });

  it('with autoInitialize false and no session, records the problem instead of throwing', () => {
    const { rt, conn } = track(setup('2004', { autoInitialize: false }));
    expect(rt.count('init')).to.equal(0);
    expect(conn.initialized).to.equal(false);
    expect(conn.lastError).to.match(/not initialized/);
  });

  it('restores at the element’s ls-ready when its quiz was not loaded yet', () => {
    const rt = new FakeRuntime('2004');
    rt.data.set('cmi.suspend_data', '{"v":1,"index":2}');
    const el = quizLike({ restore: false });
    let ready = false;
    el.restoreProgress = (json) => (ready ? (el.restoredWith.push(json), true) : false);
    const conn = connectScorm(el, { window: asWindow(fakeWindow('lms', { API_1484_11: rt.api() })) })!;
    connections.push(conn);
    expect(conn.restored).to.equal(false);
    ready = true;
    el.dispatchEvent(new CustomEvent('ls-ready'));
    el.dispatchEvent(new CustomEvent('ls-ready'));
    expect(conn.restored).to.equal(true);
    expect(el.restoredWith).to.deep.equal(['{"v":1,"index":2}']);
  });

  it('hears quiz events bubbling from inside the element', () => {
    const { rt, el } = track(setup('2004'));
    const inner = document.createElement('span');
    el.append(inner);
    inner.dispatchEvent(completed());
    expect(rt.data.get('cmi.success_status')).to.equal('passed');
  });
});

// ---------------------------------------------------------------------------------------------
// SCORM 1.2
// ---------------------------------------------------------------------------------------------

describe('connectScorm with SCORM 1.2', () => {
  it('writes a 0–100 score, lesson_status and HHHH:MM:SS.SS session time, then LMSCommit', () => {
    const { rt, el, conn, clock } = track(setup('1.2'));
    expect(conn.version).to.equal('1.2');
    expect(rt.count('init')).to.equal(1);
    el.dispatchEvent(answered());
    clock.advance(120_000);
    el.progress = '{"done":1}';
    el.dispatchEvent(completed());
    expect(rt.sets).to.deep.equal([
      ['cmi.suspend_data', '{"v":1,"index":0}'],
      ['cmi.core.score.raw', '71'],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.session_time', '00:01:05.25'],
      ['cmi.suspend_data', '{"done":1}'],
    ]);
    expect(rt.calls.at(-1)![0]).to.equal('LMSCommit');
    expect(rt.count('commit')).to.equal(1);
    expect(rt.calls.some((c) => /interactions|objectives/.test(c[1] ?? ''))).to.equal(false);
  });

  it('reports failed', () => {
    const { rt, el } = track(setup('1.2'));
    el.dispatchEvent(completed({ success: false, score: { raw: 1, min: 0, max: 3, scaled: 1 / 3 } }));
    expect(rt.data.get('cmi.core.lesson_status')).to.equal('failed');
    expect(rt.data.get('cmi.core.score.raw')).to.equal('33');
  });

  it('skips suspend_data longer than 4096 characters and says so in lastError', () => {
    const { rt, el, conn } = track(setup('1.2'));
    el.progress = 'x'.repeat(4096);
    el.dispatchEvent(answered());
    expect(rt.sets).to.have.length(1);
    el.progress = 'y'.repeat(4097);
    el.dispatchEvent(answered());
    expect(rt.sets).to.have.length(1);
    expect(conn.lastError).to.match(/4097.*4096/);
  });

  it('on disconnect: cmi.core.session_time, cmi.core.exit=suspend, LMSFinish', () => {
    const { rt, el, conn, clock } = track(setup('1.2'));
    el.dispatchEvent(answered());
    clock.advance(3_723_450);
    conn.disconnect();
    expect(rt.sets.slice(-2)).to.deep.equal([
      ['cmi.core.session_time', '01:02:03.45'],
      ['cmi.core.exit', 'suspend'],
    ]);
    expect(rt.calls.at(-1)![0]).to.equal('LMSFinish');
  });

  it('formats CMITimespan', () => {
    expect(scorm12Time(0)).to.equal('00:00:00.00');
    expect(scorm12Time(65_250)).to.equal('00:01:05.25');
    expect(scorm12Time(360_000_000)).to.equal('100:00:00.00');
    expect(scorm12Time(1e12)).to.equal('9999:59:59.99');
  });
});

// ---------------------------------------------------------------------------------------------
// A misbehaving LMS
// ---------------------------------------------------------------------------------------------

describe('connectScorm with a misbehaving LMS', () => {
  it('survives an API whose every method throws', async () => {
    const boom = () => {
      throw new Error('LMS exploded');
    };
    const api = Object.fromEntries(['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString'].map((n) => [n, boom]));
    const el = quizLike();
    const errors = watchErrors();
    const conn = connectScorm(el, { window: asWindow(fakeWindow('lms', { API_1484_11: api })) })!;
    expect(conn).not.to.equal(null);
    expect(conn.initialized).to.equal(false);
    expect(conn.lastError).to.match(/exploded/);
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    conn.disconnect({ terminate: true });
    await new Promise((r) => setTimeout(r, 20));
    errors.stop();
    expect(errors.errors).to.deep.equal([]);
  });

  it('keeps going when SetValue answers "false", recording the LMS error', () => {
    const { rt, el, conn } = track(setup('2004'));
    rt.reject.add('cmi.score.scaled');
    el.dispatchEvent(completed());
    expect(conn.lastError).to.match(/SetValue\("cmi.score.scaled", "0.7142857"\) failed: error 351 \(error text 351\)/);
    expect(rt.data.get('cmi.success_status')).to.equal('passed');
    expect(rt.count('commit')).to.equal(1);
  });

  it('accepts booleans where the LMS should return "true"', () => {
    const rt = new FakeRuntime('1.2');
    const api = rt.api();
    const booleans = Object.fromEntries(Object.entries(api).map(([k, f]) => [k, (...a: string[]) => ((r) => (r === 'true' ? true : r === 'false' ? false : r))(f(...a))]));
    const conn = connectScorm(quizLike(), { window: asWindow(fakeWindow('lms', { API: booleans })) })!;
    connections.push(conn);
    expect(conn.initialized).to.equal(true);
    expect(conn.lastError).to.equal(undefined);
  });

  it('survives an element whose getProgress or restoreProgress throws', () => {
    const rt = new FakeRuntime('2004');
    rt.data.set('cmi.suspend_data', 'saved');
    const el = quizLike();
    el.restoreProgress = () => {
      throw new Error('bad restore');
    };
    el.getProgress = () => {
      throw new Error('bad progress');
    };
    const conn = connectScorm(el, { window: asWindow(fakeWindow('lms', { API_1484_11: rt.api() })) })!;
    connections.push(conn);
    expect(conn.lastError).to.match(/bad restore/);
    el.dispatchEvent(answered());
    expect(conn.lastError).to.match(/bad progress/);
    el.dispatchEvent(completed());
    expect(rt.data.get('cmi.completion_status')).to.equal('completed');
  });

  it('works with an element that has no progress methods', () => {
    const rt = new FakeRuntime('2004');
    rt.data.set('cmi.suspend_data', 'saved');
    const el = quizLike({ progress: false, restore: false });
    const conn = connectScorm(el, { window: asWindow(fakeWindow('lms', { API_1484_11: rt.api() })) })!;
    connections.push(conn);
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    expect(rt.sets.map(([k]) => k)).not.to.include('cmi.suspend_data');
    expect(rt.data.get('cmi.success_status')).to.equal('passed');
  });
});

// ---------------------------------------------------------------------------------------------
// postMessage bridge
// ---------------------------------------------------------------------------------------------

describe('bridgeToParent', () => {
  const spyTarget = () => {
    const posted: [unknown, string][] = [];
    return { posted, postMessage: (message: unknown, origin: string) => void posted.push([message, origin]) };
  };

  it('forwards answered and completed with the exact origin and a copy of the detail', () => {
    const el = quizLike();
    const target = spyTarget();
    const stop = bridgeToParent(el, { targetOrigin: 'https://lms.example', target });
    const a = answered('q7');
    const c = completed();
    el.dispatchEvent(a);
    el.append(document.createElement('i'));
    el.firstElementChild!.dispatchEvent(c);
    expect(target.posted).to.deep.equal([
      [{ source: 'le-systems', type: 'ls-quiz-answered', detail: a.detail }, 'https://lms.example'],
      [{ source: 'le-systems', type: 'ls-quiz-completed', detail: c.detail }, 'https://lms.example'],
    ]);
    expect((target.posted[0][0] as QuizFrameMessage).detail).not.to.equal(a.detail);
    stop();
  });

  it('ignores other events and events without a detail', () => {
    const el = quizLike();
    const target = spyTarget();
    const stop = bridgeToParent(el, { targetOrigin: 'http://localhost:8000', target });
    el.dispatchEvent(new CustomEvent('ls-ready', { detail: {} }));
    el.dispatchEvent(new CustomEvent('ls-quiz-answered'));
    el.dispatchEvent(new Event('ls-quiz-completed'));
    expect(target.posted).to.deep.equal([]);
    stop();
  });

  it('refuses "*" and anything that is not one exact origin', () => {
    const el = quizLike();
    const target = spyTarget();
    for (const bad of [undefined, '', '*', '/', 'null', 'lms.example', 'https://lms.example/', 'https://lms.example/path', 'https://LMS.example', 'https://lms.example:443', 'javascript:alert(1)', 'file:///tmp/x', 42]) {
      expect(() => bridgeToParent(el, { targetOrigin: bad as string, target }), String(bad)).to.throw(TypeError);
    }
    expect(() => bridgeToParent(el, { targetOrigin: '*', target })).to.throw(/exact origin/);
  });

  it('stops forwarding after unsubscribe', () => {
    const el = quizLike();
    const target = spyTarget();
    const stop = bridgeToParent(el, { targetOrigin: 'https://lms.example', target });
    el.dispatchEvent(answered());
    stop();
    stop();
    el.dispatchEvent(answered());
    el.dispatchEvent(completed());
    expect(target.posted).to.have.length(1);
  });

  it('posts to window.parent by default', () => {
    const el = quizLike();
    expect(() => bridgeToParent(el, { targetOrigin: 'https://lms.example' })()).not.to.throw();
  });
});

describe('listenToQuizFrames', () => {
  const message = (over: Record<string, unknown> = {}) => ({ source: 'le-systems', type: 'ls-quiz-completed', detail: completed().detail, ...over });

  it('passes on messages from the exact origin and ignores other origins, sources and shapes', () => {
    const got: QuizFrameMessage[] = [];
    const stop = listenToQuizFrames((m) => got.push(m), { origin: 'https://quiz.example' });
    const send = (data: unknown, origin = 'https://quiz.example') => window.dispatchEvent(new MessageEvent('message', { data, origin }));
    send(message());
    send(message(), 'https://evil.example');
    send(message(), 'https://quiz.example.evil.example');
    send(message({ source: 'someone-else' }));
    send(message({ type: 'ls-quiz-hacked' }));
    send(message({ detail: 'nope' }));
    send('le-systems');
    send(null);
    expect(got).to.deep.equal([message()]);
    stop();
    send(message());
    expect(got).to.have.length(1);
  });

  it('only accepts the given source window when one is named', () => {
    const got: unknown[] = [];
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const stop = listenToQuizFrames((m) => got.push(m), { origin: 'https://quiz.example', source: frame.contentWindow });
    window.dispatchEvent(new MessageEvent('message', { data: message(), origin: 'https://quiz.example', source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: message(), origin: 'https://quiz.example', source: frame.contentWindow }));
    expect(got).to.have.length(1);
    stop();
    frame.remove();
  });

  it('refuses "*" and non-origins', () => {
    for (const bad of ['*', '', 'https://quiz.example/', 'quiz.example']) expect(() => listenToQuizFrames(() => {}, { origin: bad })).to.throw(TypeError);
  });

  it('round-trips through a real postMessage between bridge and listener', async () => {
    const origin = window.location.origin;
    const got: QuizFrameMessage[] = [];
    const stopListening = listenToQuizFrames((m) => got.push(m), { origin });
    const el = quizLike();
    const stopBridge = bridgeToParent(el, { targetOrigin: origin, target: window });
    el.dispatchEvent(answered('q9', false));
    await until(() => got.length === 1, 'the message');
    expect(got[0].type).to.equal('ls-quiz-answered');
    expect(got[0].detail).to.deep.equal(answered('q9', false).detail);
    stopBridge();
    stopListening();
  });
});
