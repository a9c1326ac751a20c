import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/quiz/quiz.js';
import type { LsQuiz } from '../../src/components/quiz/quiz.js';
import type { QuizAnsweredDetail, QuizCompletedDetail } from '../../src/components/quiz/types.js';
import { guardEachTest, cleanup, expectAxeClean, fixture, record, settle, shadow, until } from './helpers.js';

const base = { prompt: 'P', explanation: 'Because **reasons**.' };
const quizData = () => ({
  id: 'browser-quiz',
  title: 'Browser quiz',
  version: '1',
  questions: [
    { ...base, id: 'single', type: 'single', prompt: 'Pick **B**', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', feedback: 'B is it.' }, { id: 'c', text: 'C' }], answer: 'b', hint: 'Not A.' },
    { ...base, id: 'multi', type: 'multiple', prompt: 'Pick A and C', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }], answer: ['a', 'c'] },
    { ...base, id: 'tf', type: 'true-false', prompt: 'Is it false?', answer: false },
    { ...base, id: 'order', type: 'ordering', prompt: 'Order 1 2 3', options: [{ id: 'one', text: 'One' }, { id: 'two', text: 'Two' }, { id: 'three', text: 'Three' }], answer: ['one', 'two', 'three'] },
    { ...base, id: 'num', type: 'numeric', prompt: 'How many?', answer: 50000, unit: 'keys' },
    { ...base, id: 'text', type: 'text', prompt: 'Name it', answer: ['Dynamo'] },
  ],
});

const root = (el: LsQuiz) => shadow(el);
const q = (el: LsQuiz, sel: string) => root(el).querySelector(sel) as HTMLElement;
const qa = (el: LsQuiz, sel: string) => Array.from(root(el).querySelectorAll(sel)) as HTMLElement[];
const button = (el: LsQuiz, text: string) => qa(el, 'button').find((b) => b.textContent!.trim() === text) as HTMLButtonElement | undefined;
const active = (el: LsQuiz) => root(el).activeElement as HTMLElement | null;

async function press(el: LsQuiz, text: string): Promise<void> {
  const b = button(el, text);
  if (!b) throw new Error(`no button "${text}" (have: ${qa(el, 'button').map((x) => x.textContent!.trim()).join(', ')})`);
  b.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

/** Answers the current question by keyboard. */
async function answerByKeyboard(el: LsQuiz, id: string, right: boolean): Promise<void> {
  if (id === 'single') {
    (q(el, 'input[type=radio]') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // selects B
    if (!right) await sendKeys({ press: 'ArrowDown' }); // C
  } else if (id === 'multi') {
    const boxes = qa(el, 'input[type=checkbox]') as HTMLInputElement[];
    for (const i of right ? [0, 2] : [1]) {
      boxes[i].focus();
      await sendKeys({ press: 'Space' });
    }
  } else if (id === 'tf') {
    const radios = qa(el, 'input[type=radio]') as HTMLInputElement[];
    radios[right ? 1 : 0].focus();
    await sendKeys({ press: 'Space' });
  } else if (id === 'order') {
    // Sort by moving items with the keyboard until the order is one, two, three.
    for (let guard = 0; guard < 10; guard++) {
      const texts = qa(el, '.ordering li .text').map((t) => t.textContent!.trim());
      const want = right ? ['One', 'Two', 'Three'] : ['Three', 'Two', 'One'];
      const i = texts.findIndex((t, k) => t !== want[k]);
      if (i < 0) break;
      const from = texts.indexOf(want[i]);
      const up = q(el, `button[aria-label="Move “${want[i]}” up"]`);
      up.focus();
      for (let k = from; k > i; k--) {
        await sendKeys({ press: 'Enter' });
        await settle(el);
      }
    }
  } else {
    (q(el, '.field input') as HTMLInputElement).focus();
    await sendKeys({ type: id === 'num' ? (right ? '50,000' : '5') : right ? ' dynamo ' : 'cassandra' });
  }
  await settle(el);
}

describe('<ls-quiz>', () => {
  guardEachTest();

  it('practice mode: every question type by keyboard, with feedback, focus moves and events', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz .quiz=${quizData()}></ls-quiz>`);
    const answered = record<QuizAnsweredDetail>(document, 'ls-quiz-answered');
    const completed = record<QuizCompletedDetail>(document, 'ls-quiz-completed');
    await expectAxeClean(el);
    const ids = ['single', 'multi', 'tf', 'order', 'num', 'text'];
    for (const [i, id] of ids.entries()) {
      expect(q(el, '.progress span').textContent).to.equal(`Question ${i + 1} of 6`);
      await answerByKeyboard(el, id, true);
      expect(answered.length, 'arrow keys and typing never submit').to.equal(i);
      await expectAxeClean(el);
      await press(el, 'Check');
      expect(answered.length).to.equal(i + 1);
      expect(answered[i].detail, JSON.stringify(answered[i].detail)).to.include({ quizId: 'browser-quiz', questionId: id, correct: true });
      expect(answered[i].detail.score).to.deep.equal({ raw: 1, max: 1 });
      expect(active(el)?.getAttribute('role'), 'focus moves to the feedback').to.equal('status');
      expect(q(el, '.feedback').textContent).to.contain('Correct.').and.contain('Because reasons.');
      await expectAxeClean(el);
      await press(el, i === ids.length - 1 ? 'Finish' : 'Next');
      if (i < ids.length - 1) expect(active(el)?.classList.contains('prompt'), 'focus moves to the next prompt').to.equal(true);
    }
    expect(answered.map((e) => e.detail.response)).to.deep.equal(['b', ['a', 'c'], false, ['one', 'two', 'three'], 50000, ' dynamo ']);
    expect(completed.length).to.equal(1);
    const d = completed[0].detail;
    expect(d).to.include({ quizId: 'browser-quiz', success: true, attempt: 1 });
    expect(d.score).to.deep.equal({ raw: 6, min: 0, max: 6, scaled: 1 });
    expect(d.durationMs).to.be.a('number').and.at.least(0);
    expect(completed[0].bubbles && completed[0].composed).to.equal(true);
    expect(active(el)?.id, 'focus moves to the results').to.equal('results-h');
    expect(q(el, '.results').textContent).to.contain('6 of 6 correct (100%)').and.contain('Passed');
    await expectAxeClean(el);
  });

  it('shows what was wrong: marks, per-option feedback, the correct answer', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quizData()}></ls-quiz>`);
    await answerByKeyboard(el, 'single', false);
    await press(el, 'Check');
    const fb = q(el, '.feedback').textContent!;
    expect(fb).to.contain('Not quite.').and.contain('Correct answer: B');
    expect(q(el, '.choice.wrong').textContent).to.contain('your choice');
    expect(q(el, '.choice.right').textContent).to.contain('correct answer');
    expect(qa(el, 'input[type=radio]').every((r) => (r as HTMLInputElement).disabled), 'locked after Check').to.equal(true);
  });

  it('asks for an answer instead of checking nothing, and offers the hint', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quizData()}></ls-quiz>`);
    const answered = record(el, 'ls-quiz-answered');
    await press(el, 'Check');
    expect(answered.length).to.equal(0);
    expect(q(el, '.feedback').textContent).to.contain('Answer the question first.');
    const summary = q(el, '.hint summary');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect((q(el, '.hint') as HTMLDetailsElement).open).to.equal(true);
    expect(q(el, '.hint').textContent).to.contain('Not A.');
  });

  it('exam mode: no feedback until Submit, then one answered event per question and the result', async () => {
    const quiz = { ...quizData(), mode: 'exam', passPercent: 80 };
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quiz}></ls-quiz>`);
    const answered = record<QuizAnsweredDetail>(el, 'ls-quiz-answered');
    const completed = record<QuizCompletedDetail>(el, 'ls-quiz-completed');
    const ids = ['single', 'multi', 'tf', 'order', 'num', 'text'];
    for (const [i, id] of ids.entries()) {
      await answerByKeyboard(el, id, id !== 'multi' && id !== 'text');
      expect(button(el, 'Check')).to.equal(undefined);
      expect(q(el, '.feedback').textContent!.trim()).to.equal('');
      await press(el, i === ids.length - 1 ? 'Submit' : 'Next');
    }
    expect(answered.map((e) => [e.detail.questionId, e.detail.correct])).to.deep.equal([
      ['single', true],
      ['multi', false],
      ['tf', true],
      ['order', true],
      ['num', true],
      ['text', false],
    ]);
    expect(completed[0].detail.score).to.deep.equal({ raw: 4, min: 0, max: 6, scaled: 4 / 6 });
    expect(completed[0].detail.success).to.equal(false);
    expect(q(el, '.results').textContent).to.contain('4 of 6 correct').and.contain('Not passed yet').and.contain('Pass mark 80%');
    expect(qa(el, '.review li').length).to.equal(6);
    expect(q(el, '.review li.bad').textContent).to.contain('Your answer: B').and.contain('Correct answer: A; C');
    await expectAxeClean(el);

    await press(el, 'Retry');
    expect(q(el, '.progress span').textContent).to.equal('Question 1 of 6');
    await answerByKeyboard(el, 'single', true);
    for (let i = 0; i < 5; i++) await press(el, 'Next');
    await press(el, 'Submit');
    expect(completed[1].detail.attempt).to.equal(2);
  });

  it('Previous in exam mode keeps answers', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${{ ...quizData(), mode: 'exam' }}></ls-quiz>`);
    await answerByKeyboard(el, 'single', true);
    await press(el, 'Next');
    await press(el, 'Previous');
    expect((qa(el, 'input[type=radio]')[1] as HTMLInputElement).checked).to.equal(true);
  });

  it('keeps progress across a reload, per quiz id and version', async () => {
    let el = await fixture<LsQuiz>(html`<ls-quiz .quiz=${quizData()}></ls-quiz>`);
    await answerByKeyboard(el, 'single', true);
    await press(el, 'Check');
    await press(el, 'Next');
    await answerByKeyboard(el, 'multi', true);
    cleanup();
    el = await fixture<LsQuiz>(html`<ls-quiz .quiz=${quizData()}></ls-quiz>`);
    expect(q(el, '.progress span').textContent).to.equal('Question 2 of 6');
    expect((qa(el, 'input[type=checkbox]') as HTMLInputElement[]).map((b) => b.checked)).to.deep.equal([true, false, true]);
    cleanup();
    el = await fixture<LsQuiz>(html`<ls-quiz .quiz=${{ ...quizData(), version: '2' }}></ls-quiz>`);
    expect(q(el, '.progress span').textContent, 'a new version starts afresh').to.equal('Question 1 of 6');
  });

  it('storage="none" keeps nothing; storage that throws still works in memory', async () => {
    let el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quizData()}></ls-quiz>`);
    await answerByKeyboard(el, 'single', true);
    await press(el, 'Check');
    expect(localStorage.length).to.equal(0);
    cleanup();

    const proto = Storage.prototype;
    const [get, set] = [proto.getItem, proto.setItem];
    proto.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    proto.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      el = await fixture<LsQuiz>(html`<ls-quiz .quiz=${quizData()}></ls-quiz>`);
      await answerByKeyboard(el, 'single', true);
      await press(el, 'Check');
      await press(el, 'Next');
      expect(q(el, '.progress span').textContent).to.equal('Question 2 of 6');
    } finally {
      proto.getItem = get;
      proto.setItem = set;
    }
  });

  it('uses a storage provider supplied by the host (sync or async)', async () => {
    const saved = new Map<string, string>();
    const provider = { get: async (k: string) => saved.get(k) ?? null, set: async (k: string, v: string) => void saved.set(k, v), remove: async (k: string) => void saved.delete(k) };
    let el = await fixture<LsQuiz>(html`<ls-quiz .storageProvider=${provider} .quiz=${quizData()}></ls-quiz>`);
    await answerByKeyboard(el, 'single', true);
    await press(el, 'Check');
    await press(el, 'Next');
    await until(() => [...saved.values()].some((v) => JSON.parse(v).index === 1), 'the provider to be written');
    cleanup();
    el = await fixture<LsQuiz>(html`<ls-quiz .storageProvider=${provider} .quiz=${quizData()}></ls-quiz>`);
    await until(() => q(el, '.progress span')?.textContent === 'Question 2 of 6', 'async restore');
    expect(localStorage.length, 'nothing in localStorage').to.equal(0);
  });

  it('getProgress/restoreProgress round-trip; bad progress is refused', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quizData()}></ls-quiz>`);
    await answerByKeyboard(el, 'single', true);
    await press(el, 'Check');
    const saved = el.getProgress();
    const other = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quizData()}></ls-quiz>`);
    expect(other.restoreProgress(saved)).to.equal(true);
    await settle(other);
    expect(q(other, '.feedback').textContent).to.contain('Correct.');
    expect(other.restoreProgress('{"v":1,"attempt":1,"index":99,"responses":{},"checked":[]}')).to.equal(false);
    expect(other.restoreProgress('not json')).to.equal(false);
  });

  it('renders Markdown from tokens: a script in a prompt is text, unsafe links are dropped', async () => {
    const quiz = quizData();
    quiz.questions[0].prompt = '<script>window.__pwned = 1</script> Use `code` and [docs](https://example.com) but not [this](javascript:alert`1`)\n\n```\nline 1\nline 2\n```\n\n- one\n- two';
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${quiz}></ls-quiz>`);
    const prompt = q(el, '.prompt');
    expect(prompt.textContent).to.contain('<script>window.__pwned = 1</script>');
    expect(prompt.querySelector('script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(prompt.querySelector('code')!.textContent).to.equal('code');
    expect(Array.from(prompt.querySelectorAll('a')).map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com']);
    expect(prompt.querySelector('pre')!.textContent).to.equal('line 1\nline 2');
    expect(prompt.querySelectorAll('li').length).to.equal(2);
  });

  it('shows located errors for a bad quiz and recovers when a good one arrives', async () => {
    const errors = record(document, 'ls-error');
    const bad = quizData();
    (bad.questions[0] as { answer: string }).answer = 'z';
    (bad as { passPercent?: number }).passPercent = 101;
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .quiz=${bad}></ls-quiz>`);
    const alert = q(el, '[role="alert"]').textContent!;
    expect(alert).to.contain('questions[0].answer: "z" is not an option id').and.contain('passPercent: expected a number from 0 to 100, got 101');
    expect(errors.length).to.be.greaterThan(0);
    await expectAxeClean(el);
    el.quiz = quizData();
    await settle(el);
    expect(q(el, '[role="alert"]')).to.equal(null);
    expect(el.quiz!.id).to.equal('browser-quiz');
  });

  it('loads a quiz from src and from inline JSON', async () => {
    const fromSrc = await fixture<LsQuiz>(html`<ls-quiz storage="none" src="/stories/data/quiz-replication.json"></ls-quiz>`);
    await until(() => !!fromSrc.quiz, 'the src quiz');
    const inline = await fixture<LsQuiz>(html`<ls-quiz storage="none"><script type="application/json">${JSON.stringify(quizData())}</script></ls-quiz>`);
    expect(inline.quiz!.questions.length).to.equal(6);
  });

  it('relabels through strings', async () => {
    const el = await fixture<LsQuiz>(html`<ls-quiz storage="none" .strings=${{ check: 'Prüfen', progress: 'Frage {n} von {total}' }} .quiz=${quizData()}></ls-quiz>`);
    expect(button(el, 'Prüfen')).to.not.equal(undefined);
    expect(q(el, '.progress span').textContent).to.equal('Frage 1 von 6');
  });
});
