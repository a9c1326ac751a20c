import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/load-balancer/load-balancer.js';
import type { BalancerActionDetail, LsLoadBalancer } from '../../src/components/load-balancer/load-balancer.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, playFromStartAndPause, record, settle, shadow, text, until } from './helpers.js';

const failing = {
  rate: 40,
  servers: ['A', 'B', 'C', 'D'].map((id) => ({ id, concurrency: 2 })),
  algorithms: ['round-robin', 'least-connections'],
  actions: [{ at: 8000, type: 'fail', server: 'B' }],
  healthCheck: { interval: 5000, timeout: 2000 },
};

describe('<ls-load-balancer>', () => {
  guardEachTest();

  it('takes simple attributes', async () => {
    const el = await fixture<LsLoadBalancer>(
      html`<ls-load-balancer rate="20" servers="x, y" algorithms="random,power-of-two" seed="7" duration="10000" key-skew="1" focus="power-of-two"></ls-load-balancer>`,
    );
    const c = el.run!.config;
    expect(c).to.include({ rate: 20, seed: 7, duration: 10_000, keySkew: 1, focus: 'power-of-two' });
    expect(c.servers.map((s) => s.id)).to.deep.equal(['x', 'y']);
    expect($$(el, '.cmp tbody tr')).to.have.length(2);
    expect($(el, '.algo[aria-pressed="true"]')!.textContent!.trim()).to.equal('Two choices');
    expect($$(el, '.servers > li')).to.have.length(2);
    el.setAttribute('algorithms', 'consistent-hash,random');
    el.setAttribute('focus', 'consistent-hash');
    await settle(el);
    expect(text($(el, '[part="servers"]'))).to.match(/Of 200 client keys, each server owns: x \d+, y \d+\. .*user-1, goes to [xy]\./);
  });

  it('takes inline JSON and src, and starts at `time`', async () => {
    const json = JSON.stringify({ ...failing, time: 12_000 });
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer><script type="application/json">${json}</script></ls-load-balancer>`);
    expect(el.time).to.equal(12_000);
    expect(text($(el, '[part="servers"]'))).to.contain('down');
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    try {
      const fromSrc = await fixture<LsLoadBalancer>(html`<ls-load-balancer src=${url}></ls-load-balancer>`);
      await until(() => !!fromSrc.run, 'src to load');
      await settle(fromSrc);
      expect(fromSrc.run!.runs).to.deep.equal(el.run!.runs);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('the comparison table shows the model’s numbers for every algorithm', async () => {
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${{ time: 15_000 }}></ls-load-balancer>`);
    const state = el.state!;
    const rows = $$(el, '.cmp tbody tr');
    expect(rows).to.have.length(7);
    rows.forEach((row, i) => {
      const cells = Array.from(row.querySelectorAll('td')).map((td) => text(td));
      expect(cells.at(-1)).to.equal(String(state[i].failed));
      expect(row.querySelector('svg')!.getAttribute('aria-label')).to.contain(`A ${state[i].servers[0].inFlight}`);
    });
  });

  it('arrow keys step to the health-check removal and narrate the detection delay; Space plays', async () => {
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${failing}></ls-load-balancer>`);
    const removal = el.run!.health[0];
    expect(removal).to.deep.equal({ at: 17_000, server: 1, healthy: false });
    el.seek(16_000);
    await settle(el);
    expect(liveText(el)).to.contain('B is dead but still in the pool');
    $<SVGElement>(el, '[part="chart"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.time).to.equal(17_000);
    expect(liveText(el)).to.match(/At 17\.0 s the health check removed B after 2 failed probes, 9\.0 s after it died\. Under Round robin, 89 requests were lost/);
    expect(text($(el, '[part="servers"] li:nth-child(2)'))).to.contain('removed');
    expect($$(el, 'rect.gap')).to.have.length(1);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.time).to.equal(16_000);
    await playFromStartAndPause(() => el.time > 0);
    await expectAxeClean(el);
  });

  it('fails and recovers a server by button and by digit key, firing events, recording actions', async () => {
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${{ ...failing, actions: [] }}></ls-load-balancer>`);
    const events = record<BalancerActionDetail>(el, 'ls-load-balancer-action');
    el.seek(5000);
    await settle(el);
    const btn = $$<HTMLButtonElement>(el, '.act')[2];
    btn.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events.at(-1)!.detail).to.deep.equal({ kind: 'fail', at: 5000, server: 'C', algorithm: 'round-robin' });
    expect(el.exportScenario().actions).to.deep.equal([{ at: 5000, type: 'fail', server: 'C' }]);
    expect(liveText(el)).to.contain('C died at 5.0 s');
    expect(text($$(el, '.act')[2])).to.contain('Recover');
    el.seek(9000);
    await settle(el);
    $<SVGElement>(el, '[part="chart"] svg')!.focus();
    await sendKeys({ press: '3' });
    await settle(el);
    expect(events.at(-1)!.detail).to.include({ kind: 'recover', at: 9000, server: 'C' });
    expect(el.exportScenario().actions).to.deep.equal([
      { at: 5000, type: 'fail', server: 'C' },
      { at: 9000, type: 'recover', server: 'C' },
    ]);
    // one failed probe (at 5 s) is below the threshold of 2: C was never removed, so every request sent to it in 5–9 s failed
    expect(el.run!.health).to.deep.equal([]);
    const dead = el.run!.runs[0].requests.filter((r) => r.cause === 'dead');
    expect(dead.length).to.be.greaterThan(0);
    expect(dead.every((r) => r.server === 2 && r.t >= 5000 && r.t < 9000)).to.equal(true);
    // choose another algorithm by keyboard
    const algo = $$<HTMLButtonElement>(el, '.algo')[1];
    algo.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events.at(-1)!.detail).to.include({ kind: 'focus', algorithm: 'least-connections' });
    expect(el.exportScenario().focus).to.equal('least-connections');
    expect(text($(el, '[part="servers"] h3'))).to.contain('Least conn.');
    await expectAxeClean(el);
  });

  it('the table view lists algorithms, servers and events from the model', async () => {
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${{ ...failing, time: 20_000 }}></ls-load-balancer>`);
    await openTableView(el);
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(3);
    const state = el.state!;
    const rows = Array.from(tables[0].querySelectorAll('tbody tr'));
    rows.forEach((r, i) => {
      const cells = Array.from(r.children).map((c) => text(c));
      expect(cells.slice(1, 5)).to.deep.equal([state[i].arrived, state[i].served, state[i].failed, state[i].inFlight].map(String));
    });
    const srv = Array.from(tables[1].querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => text(c)));
    expect(srv[1].slice(0, 3)).to.deep.equal(['B', 'down', 'removed']);
    expect(Array.from(tables[2].querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => text(c)).join(' '))).to.deep.equal(['8.0 B died', '17.0 B removed by health check']);
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme and fits 400 px', async () => {
    const { algorithms: _all, ...everyAlgorithm } = failing;
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer theme="dark" .config=${{ ...everyAlgorithm, time: 12_000 }}></ls-load-balancer>`);
    await expectFits(el, 400);
    expect(shadow(el).querySelector('.frame')!.scrollWidth).to.be.at.most(400);
    for (const card of $$(el, '.card')) expect(card.scrollWidth, card.getAttribute('part') ?? '').to.be.at.most(card.clientWidth);
    await expectAxeClean(el);
  });

  it('exportScenario, set back as config, reproduces the run; Copy scenario copies it', async () => {
    const el = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${failing}></ls-load-balancer>`);
    el.seek(12_345);
    await settle(el);
    const json = el.exportScenario();
    expect(json.time).to.equal(12_345);
    const copy = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${json}></ls-load-balancer>`);
    expect(copy.run!.runs).to.deep.equal(el.run!.runs);
    expect(copy.time).to.equal(12_345);
    await copyByKeyboard(el, $<HTMLButtonElement>(el, '.footer button')!);
  });

  it('shows located errors for bad config and recovers', async () => {
    const { el } = await expectLocatedError<LsLoadBalancer>(
      html`<ls-load-balancer .config=${{ servers: ['A', 'A'], algorithms: ['fastest'] }}></ls-load-balancer>`,
      'servers[1]: duplicate id "A"',
      'algorithms[0]: expected one of "round-robin"',
    );
    await configure(el, { healthCheck: { interval: 1000, timeout: 3000 }, actions: [{ at: 10, type: 'recover', server: 'A' }] });
    expectAlert(el, 'healthCheck.timeout: expected less than interval (1000), got 3000', 'actions[0].type: server "A" is already up at this point');
    await configure(el, { servers: ['A'], rate: 5 });
    expectNoAlert(el);
    const bad = await fixture<LsLoadBalancer>(html`<ls-load-balancer rate="lots"></ls-load-balancer>`);
    expectAlert(bad, 'rate: expected a number from 0.1 to 500, got "lots"');
    const unk = await fixture<LsLoadBalancer>(html`<ls-load-balancer .config=${{ sevrers: [] }}></ls-load-balancer>`);
    expectAlert(unk, 'did you mean "servers"');
  });
});
