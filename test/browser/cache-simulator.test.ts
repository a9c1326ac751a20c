import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cache-simulator/cache-simulator.js';
import type { CacheActionDetail, LsCacheSimulator } from '../../src/components/cache-simulator/cache-simulator.js';
import { cacheAt, cachedAt, countUpTo, dbAt, hitsOf } from '../../src/components/cache-simulator/model.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, playFromStartAndPause, record, settle, text, until } from './helpers.js';

describe('<ls-cache-simulator>', () => {
  guardEachTest();

  it('takes attributes: capacity, skew, policies, seed', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator capacity="4" skew="1.2" keys="20" length="50" seed="3" policies="lru, arc"></ls-cache-simulator>`);
    const run = el.evictionRun!;
    expect(run.trace).to.have.length(50);
    expect(Object.keys(run.results)).to.deep.equal(['lru', 'arc']);
    expect($$(el, '[part="policy"]')).to.have.length(2);
    expect($$(el, '[part="policy"]')[0].querySelectorAll('.slots li')).to.have.length(4);
    expect($<HTMLInputElement>(el, '#capacity')!.value).to.equal('4');
    el.setAttribute('mode', 'stampede');
    await settle(el);
    expect(el.stampedeRuns).to.have.length(4);
  });

  it('takes inline JSON, starts at `step` and shows each policy’s slots, result and hit ratio', async () => {
    const trace = ['a', 'b', 'c', 'a', 'd', 'a', 'e', 'a', 'b', 'd', 'a'];
    const el = await fixture<LsCacheSimulator>(
      html`<ls-cache-simulator><script type="application/json">${JSON.stringify({ trace, capacity: 3, step: 11, policies: ['lru', 'fifo'] })}</script></ls-cache-simulator>`,
    );
    expect(el.position).to.equal(11);
    const [lru, fifo] = $$(el, '[part="policy"]');
    // the lesson's worked example: LRU 4 hits, FIFO 2
    expect(text(lru.querySelector('h3'))).to.contain('4 of 11 hits');
    expect(text(fifo.querySelector('h3'))).to.contain('2 of 11 hits');
    const slots = Array.from(lru.querySelectorAll('.slots li')).map((li) => li.textContent!.trim());
    expect(slots).to.deep.equal(cacheAt('lru', trace, 3, 11).slots().map((s) => s.key));
    expect(lru.querySelector('.slots li.hit')!.textContent).to.equal('a');
    expect(text(fifo)).to.contain('a: miss, evicted');
  });

  it('loads `src`', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ mode: 'writes' })], { type: 'application/json' }));
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator src=${url}></ls-cache-simulator>`);
    await until(() => el.writeRuns.length === 3, 'src load');
    await settle(el);
    expect($$(el, '[part="pattern"]')).to.have.length(3);
  });

  it('arrow keys step request by request and announce every policy; Space plays; End jumps', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ length: 40 }}></ls-cache-simulator>`);
    $<SVGElement>(el, '[part="chart"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.position).to.equal(1);
    const key = el.evictionRun!.trace[0];
    expect(liveText(el)).to.match(new RegExp(`^Request 1 of 40: ${key}\\. LRU miss; LFU miss; FIFO miss; ARC miss\\.`));
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.position).to.equal(40);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.position).to.equal(39);
    await playFromStartAndPause(() => el.position > 0);
    await expectAxeClean(el);
  });

  it('a typed key is inserted at the current step, recorded in the scenario and fires ls-cache-action', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ length: 20, step: 5 }}></ls-cache-simulator>`);
    const events = record<CacheActionDetail>(el, 'ls-cache-action');
    const input = $<HTMLInputElement>(el, '#key')!;
    input.focus();
    await sendKeys({ type: 'hot:1' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({ kind: 'request', at: 5, key: 'hot:1' });
    expect(el.position).to.equal(6);
    expect(el.evictionRun!.trace[5]).to.equal('hot:1');
    expect(el.evictionRun!.trace).to.have.length(21);
    expect(el.exportScenario().requests).to.deep.equal([{ at: 5, key: 'hot:1' }]);
    expect(liveText(el)).to.contain('Key hot:1 requested at step 6');
    expect(input.value).to.equal('');
    // a bad key is refused and said so
    input.focus();
    await sendKeys({ type: 'no spaces' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events).to.have.length(1);
    expect(liveText(el)).to.contain('A key is 1–16 letters');
  });

  it('the capacity slider recomputes the run and the chart marks the new size', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ length: 100, step: 100 }}></ls-cache-simulator>`);
    const events = record<CacheActionDetail>(el, 'ls-cache-action');
    const slider = $<HTMLInputElement>(el, '#capacity')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(events.at(-1)!.detail).to.include({ kind: 'capacity', value: 7, at: 100 });
    expect(el.exportScenario().capacity).to.equal(7);
    expect($$(el, '[part="policy"]')[0].querySelectorAll('.slots li')).to.have.length(7);
    expect($(el, '[part="chart"] svg')!.getAttribute('aria-label')).to.contain('at size 7');
    expect(liveText(el)).to.contain('Cache size is now 7');
  });

  it('the table view lists the same hits, contents and curve as the model', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ length: 60, step: 60 }}></ls-cache-simulator>`);
    await openTableView(el);
    const run = el.evictionRun!;
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(3);
    const rows = Array.from(tables[0].querySelectorAll('tbody tr'));
    expect(rows).to.have.length(4);
    rows.forEach((row, i) => {
      const p = (['lru', 'lfu', 'fifo', 'arc'] as const)[i];
      expect(text(row.children[1])).to.equal(String(hitsOf(run.results[p], 60)));
      expect(text(row.children[3])).to.equal(cacheAt(p, run.trace, 6, 60).slots().map((s) => s.key).join(' '));
    });
    expect(tables[1].querySelectorAll('tbody tr')).to.have.length(run.sizes.length);
    expect(tables[1].querySelector('tr[aria-current="step"] td')!.textContent).to.equal('6');
    expect(tables[2].querySelectorAll('tbody tr')).to.have.length(30);
    await expectAxeClean(el);
  });

  it('writes: three timelines; crashing the cache loses write-behind’s unflushed write', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ mode: 'writes' }}></ls-cache-simulator>`);
    const events = record<CacheActionDetail>(el, 'ls-cache-action');
    expect($$(el, '[part="pattern"]')).to.have.length(3);
    expect($$(el, '[part="pattern"]')[0].querySelectorAll('line.msg')).to.have.length(el.writeRuns[0].messages.length);
    el.seek(30);
    await settle(el);
    const crash = $$<HTMLButtonElement>(el, '[part="controls"] button')[0];
    crash.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events[0].detail).to.deep.equal({ kind: 'crash', at: 30, value: 'cache' });
    const wb = el.writeRuns[2];
    expect(wb.lost).to.deep.equal([1]);
    const wbRow = $$(el, '[part="summary"] tbody tr')[2];
    expect(text(wbRow.lastElementChild)).to.equal('1');
    expect($$(el, '[part="pattern"] svg')[2].getAttribute('aria-label')).to.contain('lost writes: 1');
    expect(el.exportScenario().crash).to.deep.equal({ at: 30, target: 'cache' });
    // stepping narrates the messages that arrived
    $<SVGElement>(el, '[part="pattern"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(liveText(el)).to.match(/^t = [\d.]+ ms\./);
    const t = el.position;
    expect(text($$(el, '[part="pattern"]')[2])).to.contain(`cache x=${cachedAt(wb, t) ?? '—'}, DB x=${dbAt(wb, t)}`);
    await openTableView(el);
    expect($$(el, 'details table')[2].querySelectorAll('tbody tr')).to.have.length(wb.messages.length);
    await expectAxeClean(el);
  });

  it('stampede: four variants, coalescing one query per expiry, jitter slider recomputes', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator mode="stampede" rps="500" ttl="4000"></ls-cache-simulator>`);
    const [none, coalesce] = el.stampedeRuns;
    expect(coalesce.herd).to.equal(1);
    expect(none.herd).to.be.greaterThan(1);
    expect($$(el, '[part="chart"] polyline')).to.have.length(4);
    el.seek(10_000);
    await settle(el);
    const stats = $$(el, '[part="controls"] tbody tr');
    expect(text(stats[0].children[1])).to.equal(String(countUpTo(none.queries, 10_000)));
    const events = record<CacheActionDetail>(el, 'ls-cache-action');
    $<HTMLInputElement>(el, '#jitter')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(events[0].detail).to.include({ kind: 'jitter', value: 0.25 });
    await openTableView(el);
    expect($$(el, 'details table tbody tr')).to.have.length(120);
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme and fits 400 px in every mode', async () => {
    for (const mode of ['eviction', 'writes', 'stampede']) {
      const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator theme="dark" .config=${{ mode, step: mode === 'eviction' ? 30 : 0 }}></ls-cache-simulator>`);
      await expectFits(el, 400, mode);
      await expectAxeClean(el);
    }
  });

  it('exportScenario, set back as config, reproduces the run; Copy scenario copies it', async () => {
    const el = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${{ length: 30, scan: { every: 5, length: 2 } }}></ls-cache-simulator>`);
    el.seek(10);
    el.requestKey('mine');
    await settle(el);
    const json = el.exportScenario();
    expect(json.step).to.equal(11);
    const copy = await fixture<LsCacheSimulator>(html`<ls-cache-simulator .config=${json}></ls-cache-simulator>`);
    expect(copy.evictionRun).to.deep.equal(el.evictionRun);
    expect(copy.position).to.equal(11);
    await copyByKeyboard(el, $<HTMLButtonElement>(el, '.footer button')!);
  });

  it('shows located errors for bad config and recovers', async () => {
    const { el } = await expectLocatedError<LsCacheSimulator>(
      html`<ls-cache-simulator .config=${{ policies: ['lru', 'clock'], capcity: 3 }}></ls-cache-simulator>`,
      'policies[1]: expected one of "lru", "lfu", "fifo", "arc", got "clock"',
      'capcity: unknown field (did you mean "capacity"?)',
    );
    await configure(el, { trace: ['a'], requests: [{ at: 4, key: 'b' }] });
    expectAlert(el, 'requests[0].at: expected at most 1 (the trace length at that point), got 4');
    await configure(el, { trace: ['a', 'b', 'a'] });
    expectNoAlert(el);
    expect(el.evictionRun!.trace).to.deep.equal(['a', 'b', 'a']);
    const bad = await fixture<LsCacheSimulator>(html`<ls-cache-simulator capacity="lots"></ls-cache-simulator>`);
    expectAlert(bad, 'capacity: expected an integer from 1 to 64, got "lots"');
  });
});
