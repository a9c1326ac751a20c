import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/daily-challenge/daily-challenge.js';
import type { DailyAnsweredDetail, LsDailyChallenge } from '../../src/components/daily-challenge/daily-challenge.js';
import type { LsQuiz } from '../../src/components/quiz/quiz.js';
import { pickQuestion } from '../../src/components/daily-challenge/model.js';
import type { Question } from '../../src/components/quiz/types.js';
import { guardEachTest, cleanup, expectAxeClean, fixture, record, settle, shadow, until } from './helpers.js';

const bank: Question[] = Array.from({ length: 5 }, (_, i) => ({
  id: `q${i}`,
  type: 'single',
  prompt: `Question ${i}: pick right`,
  explanation: `Explanation ${i}`,
  options: [
    { id: 'right', text: 'Right' },
    { id: 'wrong', text: 'Wrong' },
  ],
  answer: 'right',
  topic: 'consistent-hashing',
}));

const quizOf = (el: LsDailyChallenge, n = 0) => shadow(el).querySelectorAll('ls-quiz')[n] as LsQuiz;
async function answer(el: LsDailyChallenge, right: boolean, n = 0): Promise<void> {
  const quiz = quizOf(el, n);
  await settle(quiz);
  const radios = Array.from(shadow(quiz).querySelectorAll('input[type=radio]')) as HTMLInputElement[];
  const target = radios.find((r) => r.value === (right ? 'right' : 'wrong'))!;
  target.focus();
  await sendKeys({ press: 'Space' });
  const check = Array.from(shadow(quiz).querySelectorAll('button')).find((b) => b.textContent!.trim() === 'Check')!;
  check.focus();
  await sendKeys({ press: 'Enter' });
  await settle(quiz);
  await settle(el);
}

describe('<ls-daily-challenge>', () => {
  guardEachTest();

  it('shows the same question for the pinned date, and the date in words', async () => {
    const el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-23" .config=${bank}></ls-daily-challenge>`);
    const expected = pickQuestion(bank, '2026-11-23', 0);
    expect(el.question!.id).to.equal(expected.id);
    await settle(quizOf(el));
    expect(shadow(quizOf(el)).querySelector('.prompt')!.textContent).to.contain(expected.prompt.split(':')[0]);
    expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-23');
    await expectAxeClean(el);
  });

  it('records the answer, the streak and the week; shows the explanation and the topic link; persists', async () => {
    let el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-23" .config=${bank}></ls-daily-challenge>`);
    const events = record<DailyAnsweredDetail>(document, 'ls-daily-answered');
    await answer(el, true);
    await until(() => events.length === 1, 'ls-daily-answered');
    expect(events[0].detail).to.include({ date: '2026-11-23', correct: true, streak: 1, review: false });
    expect(shadow(el).querySelector('.streak')!.textContent).to.equal('1-day streak');
    const link = shadow(el).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('?path=/docs/learn-consistent-hashing--docs');
    expect(shadow(quizOf(el)).querySelector('.feedback')!.textContent).to.contain('Explanation');
    await expectAxeClean(el);
    cleanup();
    el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-24" .config=${bank}></ls-daily-challenge>`);
    await until(() => shadow(el).querySelector('.streak')?.textContent === '1-day streak', 'yesterday’s streak');
    await answer(el, true);
    await until(() => shadow(el).querySelector('.streak')?.textContent === '2-day streak', 'a 2-day streak');
    expect(shadow(el).querySelectorAll('.week li.ok').length).to.equal(2);
    cleanup();
    el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-24" .config=${bank}></ls-daily-challenge>`);
    await until(() => !!shadow(quizOf(el))?.querySelector('.feedback.ok'), 'today’s answer restored');
  });

  it('brings a missed question back for review on its schedule', async () => {
    let el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-23" .config=${bank}></ls-daily-challenge>`);
    const missed = el.question!.id;
    await answer(el, false);
    await until(() => !!el.progress.cards[missed], 'a review card');
    const card = el.progress.cards[missed];
    expect(card.due.slice(0, 10), 'a missed question is due again the next day').to.equal('2026-11-24');
    cleanup();
    el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-11-24" .config=${bank}></ls-daily-challenge>`);
    await until(() => !!shadow(el).querySelector('[part=review]'), 'the review section');
    expect(shadow(el).querySelector('#due-h')!.textContent).to.equal('Due for review (1)');
    const start = Array.from(shadow(el).querySelectorAll('button')).find((b) => b.textContent!.trim() === 'Review now')!;
    start.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const reviewEvents = record<DailyAnsweredDetail>(el, 'ls-daily-answered');
    await answer(el, true, 1);
    await until(() => reviewEvents.length === 1, 'the review answer');
    expect(reviewEvents[0].detail).to.include({ questionId: missed, review: true, correct: true });
    await until(() => Date.parse(el.progress.cards[missed].due) > Date.parse('2026-11-25T00:00:00Z'), 'the next review to be scheduled later');
    await expectAxeClean(el);
  });

  it('reports an invalid date or bank where it is', async () => {
    const el = await fixture<LsDailyChallenge>(html`<ls-daily-challenge date="2026-02-30" .config=${[{ ...bank[0], answer: 'nope' }]}></ls-daily-challenge>`);
    const text = shadow(el).querySelector('[role=alert]')!.textContent!;
    expect(text).to.contain('date: "2026-02-30" is not a calendar date').and.contain('questions[0].answer: "nope" is not an option id');
    await expectAxeClean(el);
  });
});
