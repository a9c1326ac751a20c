import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/tradeoff-explorer/tradeoff-explorer.js';
import type { LsTradeoffExplorer, TradeoffActionDetail } from '../../src/components/tradeoff-explorer/tradeoff-explorer.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, playFromStartAndPause, record, settle, text, until } from './helpers.js';

const partition = { actions: [{ type: 'cut', at: 3000, regions: ['eu'] }, { type: 'heal', at: 7000 }] };

describe('<ls-tradeoff-explorer>', () => {
  guardEachTest();

  it('takes simple attributes, including regions="id:count,…"', async () => {
    const el = await fixture<LsTradeoffExplorer>(
      html`<ls-tradeoff-explorer mode="ap" replication="async" rtt="120" lag="300" rate="2" regions="us:2,eu:2,ap:1" seed="7"></ls-tradeoff-explorer>`,
    );
    expect(el.run!.config).to.include({ mode: 'ap', replication: 'async', rtt: 120, lag: 300, rate: 2, seed: 7 });
    expect(el.run!.replicas.map((r) => r.id)).to.deep.equal(['us-1', 'us-2', 'eu-1', 'eu-2', 'ap-1']);
    expect($$(el, '.rep')).to.have.length(5);
    expect($$(el, '#cut option').map(text)).to.deep.equal(['us', 'eu', 'ap']);
    expect(text($(el, '.badge'))).to.equal('PA/EL');
    expect($<HTMLInputElement>(el, 'input[name="mode"][value="ap"]')!.checked).to.equal(true);
  });

  it('takes inline JSON and starts at `time`: CP cuts off the eu minority', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer><script type="application/json">${JSON.stringify({ ...partition, time: 6000 })}</script></ls-tradeoff-explorer>`);
    expect(el.time).to.equal(6000);
    const s = el.state!;
    expect(s.groups).to.have.length(2);
    expect(text($(el, '[part="diagram"] .note'))).to.contain('Partition: us | eu');
    expect(text($(el, '.region.down'))).to.contain('no majority');
    expect($$(el, '.link.cut')).to.have.length(1);
    const euFails = el.run!.requests.filter((r) => r.client === 1 && r.t >= 3000 && r.t < 7000);
    expect(euFails.length).to.be.greaterThan(0);
    expect(euFails.every((r) => r.outcome === 'failed')).to.equal(true);
    expect(text($(el, '[part="stats"]'))).to.contain('Failed');
  });

  it('loads from `src` and from the `config` property', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ mode: 'ap', rate: 1 })], { type: 'application/json' }));
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer src=${url}></ls-tradeoff-explorer>`);
    await until(() => el.run?.config.mode === 'ap', 'src config');
    el.config = { replication: 'async', rate: 1 };
    await settle(el);
    expect(el.run!.config).to.include({ mode: 'cp', replication: 'async' });
    expect(text($(el, '.badge'))).to.equal('PC/EL');
  });

  it('arrow keys step request by request and narrate it; End and Space work', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer .config=${{ ...partition, mode: 'ap' }}></ls-tradeoff-explorer>`);
    const first = el.run!.requests[0];
    $<SVGElement>(el, '[part="timeline"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.time).to.equal(first.t);
    expect(liveText(el)).to.match(first.kind === 'read' ? /read v0, ok/ : /wrote v1 in/);
    expect($$(el, '[part="timeline"] .m-ok')).to.have.length(1);
    const stale = el.run!.requests.find((r) => r.outcome === 'stale')!;
    el.seek(stale.t - 1);
    await settle(el);
    $<SVGElement>(el, '[part="timeline"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(liveText(el)).to.contain(`read v${stale.version}: stale, v${stale.latest} was acknowledged`);
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.time).to.equal(10_000);
    await playFromStartAndPause(() => el.time > 0);
    await expectAxeClean(el);
  });

  it('the controls record actions at the current time by keyboard and fire ls-tradeoff-action', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer .config=${{ rate: 1 }}></ls-tradeoff-explorer>`);
    const events = record<TradeoffActionDetail>(el, 'ls-tradeoff-action');
    el.seek(2000);
    await settle(el);
    $<HTMLButtonElement>(el, '#cut-btn')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events[0].detail).to.deep.include({ kind: 'cut', at: 2000, action: { type: 'cut', regions: ['eu'], at: 2000 } });
    expect(liveText(el)).to.contain('Network cut: us | eu');
    expect(text($(el, '.region.down'))).to.contain('eu');
    // send a write from eu: CP refuses it
    const client = $<HTMLSelectElement>(el, '#client')!;
    client.value = '1';
    client.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, '#write-btn')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events[1].detail).to.include({ kind: 'write', at: 2000 });
    expect(liveText(el)).to.contain('eu write failed: no majority on its side');
    // switch to AP with the keyboard (arrow keys move within a radio group)
    $<HTMLInputElement>(el, 'input[name="mode"][value="cp"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(events[2].detail).to.deep.include({ kind: 'mode', at: 2000 });
    expect(el.exportScenario().actions).to.deep.equal([
      { type: 'cut', at: 2000, regions: ['eu'] },
      { type: 'write', at: 2000, client: 'eu' },
      { type: 'mode', at: 2000, mode: 'ap' },
    ]);
    expect(text($(el, '.badge'))).to.equal('PA/EC');
    $<HTMLButtonElement>(el, '#heal-btn')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.groups).to.have.length(1);
    // the RTT slider recomputes the run and keeps the actions
    $<HTMLInputElement>(el, '#rtt')!.focus();
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(events.at(-1)!.detail).to.include({ kind: 'params', rtt: 300, lag: 200 });
    expect(el.run!.config.actions).to.have.length(4);
    await expectAxeClean(el);
  });

  it('the table view lists every request so far and every replica, as the model has them', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer .config=${{ ...partition, mode: 'ap', time: 8000 }}></ls-tradeoff-explorer>`);
    await openTableView(el);
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(2);
    const reps = Array.from(tables[0].querySelectorAll('tbody tr')).map((tr) => text(tr.children[2] as Element));
    expect(reps).to.deep.equal(el.state!.versions.map((v) => `v${v}`));
    const done = el.run!.requests.filter((r) => r.t <= 8000);
    const rows = Array.from(tables[1].querySelectorAll('tbody tr'));
    expect(rows).to.have.length(done.length);
    rows.forEach((tr, i) => {
      const r = done[i];
      expect(text(tr.children[1] as Element)).to.equal(String(r.t));
      expect(text(tr.children[5] as Element)).to.contain(r.outcome === 'failed' ? 'failed' : r.outcome);
    });
    const cmp = $$(el, '[part="compare"] tbody tr');
    expect(cmp.map((tr) => text(tr.children[0] as Element))).to.deep.equal(['PC/EC', 'PC/EL', 'PA/EC', 'PA/EL']);
    expect(cmp[2].getAttribute('aria-current')).to.equal('step');
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme and fits 400 px', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer theme="dark" regions="us:2,eu:2,ap:1,sa:1" .config=${{ time: 5000 }}></ls-tradeoff-explorer>`);
    await expectFits(el, 400);
    await expectAxeClean(el);
  });

  it('exportScenario, set back as config, reproduces the run; Copy scenario copies it', async () => {
    const el = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer .config=${{ ...partition, mode: 'ap' }}></ls-tradeoff-explorer>`);
    el.seek(4321);
    await settle(el);
    el.record({ type: 'write', client: 'eu' });
    await settle(el);
    const json = el.exportScenario();
    expect(json.time).to.equal(4321);
    const copy = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer .config=${json}></ls-tradeoff-explorer>`);
    expect(copy.run!.requests).to.deep.equal(el.run!.requests);
    expect(copy.time).to.equal(4321);
    await copyByKeyboard(el, $$<HTMLButtonElement>(el, '.footer button')[0]);
  });

  it('shows located errors for bad config and recovers', async () => {
    const { el } = await expectLocatedError<LsTradeoffExplorer>(
      html`<ls-tradeoff-explorer .config=${{ mode: 'ca', rtt: 200, lag: 50, actions: [{ type: 'cut', at: 10, regions: ['mars'] }] }}></ls-tradeoff-explorer>`,
      'mode: expected one of "cp", "ap", got "ca"',
    );
    await configure(el, { rtt: 200, lag: 50, actions: [{ type: 'cut', at: 10, regions: ['mars'] }] });
    expectAlert(el, 'lag: expected at least rtt/2 (100)', 'actions[0].regions[0]: unknown region "mars" (regions: us, eu)');
    await configure(el, { rttt: 5 });
    expectAlert(el, 'rttt: unknown field (did you mean "rtt"?)');
    await configure(el, {});
    expectNoAlert(el);
    const bad = await fixture<LsTradeoffExplorer>(html`<ls-tradeoff-explorer rtt="far" regions="us:9,eu"></ls-tradeoff-explorer>`);
    expectAlert(bad, 'rtt: expected a number from 1 to 1000, got "far"', 'regions[0].replicas', 'regions[1].replicas: is required');
  });
});
