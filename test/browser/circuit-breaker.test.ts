import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/circuit-breaker/circuit-breaker.js';
import type { BreakerChangeDetail, LsCircuitBreaker } from '../../src/components/circuit-breaker/circuit-breaker.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, playFromStartAndPause, record, settle, text } from './helpers.js';

const story = { rps: 30, capacity: 40, changes: [{ at: 10_000, failureRate: 0.3 }, { at: 40_000, failureRate: 0.02 }] };

describe('<ls-circuit-breaker>', () => {
  guardEachTest();

  it('takes simple attributes, including the boolean `breaker`', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker failure-rate="0.4" rps="25" capacity="30" retries="2" backoff="exponential" seed="7"></ls-circuit-breaker>`);
    const c = el.run!.config;
    expect(c).to.include({ failureRate: 0.4, rps: 25, capacity: 30, retries: 2, backoff: 'exponential', seed: 7, breaker: true });
    expect($<HTMLSelectElement>(el, '#backoff')!.value).to.equal('exponential');
    el.setAttribute('breaker', 'false');
    await settle(el);
    expect(el.run!.config.breaker).to.equal(false);
    expect(text($(el, '[part="state"]'))).to.contain('No breaker');
  });

  it('takes inline JSON and starts at `time`, showing the state, window and totals there', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker><script type="application/json">${JSON.stringify({ ...story, time: 5000 })}</script></ls-circuit-breaker>`);
    expect(el.time).to.equal(5000);
    expect(el.state!.state).to.equal('closed');
    expect($$(el, '.window span').length).to.equal(20);
    expect(text($(el, '.badge'))).to.equal('CLOSED');
    expect(text($(el, '[part="stats"]'))).to.contain('So far (t = 5.0 s)');
  });

  it('arrow keys step through time and narrate the breaker; Space plays; End jumps to the end', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker .config=${story}></ls-circuit-breaker>`);
    const tr = el.run!.transitions[0];
    expect(tr.to).to.equal('open');
    el.seek(Math.floor(tr.at / 1000) * 1000);
    await settle(el);
    // the chart is focusable, so the player's keys work there
    $<SVGElement>(el, '[part="chart"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.time).to.be.closeTo(tr.at, 1e-6);
    expect(liveText(el)).to.match(/the breaker opened: \d+% of the window failed/);
    expect(el.state!.state).to.equal('open');
    expect(text($(el, '.badge'))).to.equal('OPEN');
    expect(text($(el, '[part="state"]'))).to.contain('half-open in 5.0 s');
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.state!.state).to.equal('closed');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.time).to.equal(60_000);
    await playFromStartAndPause(() => el.time > 0);
    await expectAxeClean(el);
  });

  it('the failure-rate slider records a change at the current time, fires the event and recomputes', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker failure-rate="0.02"></ls-circuit-breaker>`);
    const events = record<BreakerChangeDetail>(el, 'ls-circuit-breaker-change');
    expect(el.run!.transitions).to.have.length(0);
    el.seek(5000);
    await settle(el);
    const slider = $<HTMLInputElement>(el, '#failure')!;
    slider.focus();
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(events).to.have.length(1);
    expect(events[0].detail).to.include({ kind: 'downstream', at: 5000, failureRate: 1 });
    expect(el.exportScenario().changes).to.deep.equal([{ at: 5000, failureRate: 1 }]);
    expect(el.run!.transitions[0].to).to.equal('open');
    expect(el.time, 'the player stays where the change was made').to.equal(5000);
    expect(liveText(el)).to.contain('At 5.0 s the downstream now fails 100% of calls');
  });

  it('the policy controls recompute the run by keyboard; no breaker means nothing is short-circuited', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker .config=${{ ...story, time: 30_000 }}></ls-circuit-breaker>`);
    const events = record<BreakerChangeDetail>(el, 'ls-circuit-breaker-change');
    expect(el.state!.totals.rejected).to.be.greaterThan(0);
    $<HTMLInputElement>(el, '#breaker')!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.run!.config.breaker).to.equal(false);
    expect(el.state!.totals.rejected).to.equal(0);
    expect(events.at(-1)!.detail).to.include({ kind: 'policy', breaker: false });
    expect(liveText(el)).to.contain('no breaker');
    await expectAxeClean(el);
  });

  it('the chart draws the state band, outcome bars, load, baseline and capacity; the table lists transitions and seconds', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker .config=${story}></ls-circuit-breaker>`);
    expect($$(el, '[class^="band-"]').length).to.equal(el.run!.transitions.length + 1);
    expect($$(el, '.bar-rej').length).to.be.greaterThan(0);
    expect($(el, 'polyline.load')).to.exist;
    expect($(el, 'polyline.naive')).to.exist;
    expect($(el, 'line.cap')).to.exist;
    expect($(el, 'svg[role="img"]')!.getAttribute('aria-label')).to.match(/Peak load \d+\/s with this policy, \d+\/s with naive retries/);
    await openTableView(el);
    expect($<HTMLDetailsElement>(el, 'details')!.open).to.equal(true);
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(2);
    expect(tables[0].querySelectorAll('tbody tr').length).to.equal(el.run!.transitions.length);
    expect(tables[1].querySelectorAll('tbody tr').length).to.equal(60);
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme and fits 400 px', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker theme="dark" .config=${{ ...story, time: 20_000 }}></ls-circuit-breaker>`);
    await expectFits(el, 400);
    await expectAxeClean(el);
  });

  it('exportScenario, set back as config, reproduces the run; Copy scenario copies it', async () => {
    const el = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker .config=${story}></ls-circuit-breaker>`);
    el.seek(12_345);
    await settle(el);
    const json = el.exportScenario();
    expect(json.time).to.equal(12_345);
    const copy = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker .config=${json}></ls-circuit-breaker>`);
    expect(copy.run!.attempts).to.deep.equal(el.run!.attempts);
    expect(copy.time).to.equal(12_345);
    await copyByKeyboard(el, $$<HTMLButtonElement>(el, '.footer button')[0]);
  });

  it('shows located errors for bad config and recovers', async () => {
    const { el } = await expectLocatedError<LsCircuitBreaker>(
      html`<ls-circuit-breaker .config=${{ windowSize: 5, minimumCalls: 9, backoff: 'linear' }}></ls-circuit-breaker>`,
      'backoff',
      'expected one of "none", "exponential", "jitter", got "linear"',
    );
    await configure(el, { windowSize: 5, minimumCalls: 9 });
    expectAlert(el, 'minimumCalls: expected at most windowSize (5), got 9');
    await configure(el, {});
    expectNoAlert(el);
    const bad = await fixture<LsCircuitBreaker>(html`<ls-circuit-breaker failure-rate="lots"></ls-circuit-breaker>`);
    expectAlert(bad, 'failureRate: expected a number from 0 to 1, got "lots"');
  });
});
