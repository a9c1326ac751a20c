import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/quorum-replication/quorum-replication.js';
import type { LsQuorumReplication, QuorumActionDetail } from '../../src/components/quorum-replication/quorum-replication.js';
import { $, $$, configure, copyByKeyboard, expectAlert, expectAxeClean, expectFits, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, openTableView, record, settle, text, until } from './helpers.js';

const stale = {
  r: 1,
  w: 1,
  seed: 16,
  minDelay: 5,
  maxDelay: 60,
  actions: [
    { type: 'write', at: 0, client: 'X', value: 'v1' },
    { type: 'write', at: 200, client: 'X', value: 'v2' },
    { type: 'read', at: 227, client: 'Y' },
  ],
};

describe('<ls-quorum-replication>', () => {
  guardEachTest();

  it('takes simple attributes, including booleans', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication n="5" r="3" w="3" sloppy read-repair="false" seed="9"></ls-quorum-replication>`);
    expect(el.run!.config).to.include({ n: 5, r: 3, w: 3, sloppy: true, readRepair: false, seed: 9, hintedHandoff: true });
    expect(text($(el, '[part="quorum"]'))).to.contain('N = 5 · R = 3 · W = 3');
    expect($$(el, '.nd')).to.have.length(7);
    await expectAxeClean(el);
  });

  it('renders from inline JSON, from src and from the property', async () => {
    const inline = await fixture<LsQuorumReplication>(html`<ls-quorum-replication><script type="application/json">{"r": 1, "w": 3}</script></ls-quorum-replication>`);
    expect(inline.run!.config).to.include({ r: 1, w: 3 });
    const url = `data:application/json,${encodeURIComponent(JSON.stringify(stale))}`;
    const fromSrc = await fixture<LsQuorumReplication>(html`<ls-quorum-replication src=${url}></ls-quorum-replication>`);
    await until(() => !!fromSrc.run, 'src loaded');
    expect(fromSrc.run!.ops).to.have.length(3);
    const prop = await fixture<LsQuorumReplication>(html`<ls-quorum-replication .config=${{ ...stale, step: 4 }}></ls-quorum-replication>`);
    expect(prop.step).to.equal(4);
  });

  it('steps message by message with the keyboard, narrates, and marks the stale read', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication .config=${stale}></ls-quorum-replication>`);
    const run = el.run!;
    const done = run.steps.findIndex((s) => s.kind === 'reply' && s.done);
    el.seek(done);
    await settle(el);
    // the diagram is focusable, so the player's keys work there
    $<SVGElement>(el, '[part="diagram"] svg')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.step).to.equal(done + 1);
    expect(liveText(el)).to.match(/The read returns v1 \{X:1\} \(answers from C\)\. STALE: it misses the acknowledged write v2 \{X:2\}/);
    expect(text($(el, '[part="requests"]'))).to.match(/stale/i);
    expect(text($(el, '[part="narration"]'))).to.contain('STALE');
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.step).to.equal(done);
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.step).to.equal(run.steps.length);
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(el.step).to.equal(0);
    await sendKeys({ press: ' ' });
    await until(() => el.step > 0, 'playback');
    await sendKeys({ press: ' ' });
    await expectAxeClean(el);
  });

  it('with R + W > N the same timing gives a fresh read, and says why', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication .config=${{ ...stale, r: 2, w: 2, actions: [...stale.actions.slice(0, 2), { type: 'read', at: 250, client: 'Y' }] }}></ls-quorum-replication>`);
    const i = el.run!.steps.findIndex((s) => s.kind === 'reply' && s.done);
    el.seek(i + 1);
    await settle(el);
    expect(liveText(el)).to.contain('R + W = 4 > N = 3, so at least one of them holds the latest acknowledged write');
    expect(el.run!.ops[2].stale).to.equal(false);
  });

  it('buttons record actions by keyboard, fire ls-quorum-action and replay through exportScenario', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication></ls-quorum-replication>`);
    const events = record<QuorumActionDetail>(el, 'ls-quorum-action');
    const btn = $$<HTMLButtonElement>(el, '.buttons button.write')[0];
    btn.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.include({ kind: 'write', step: 1 });
    expect(events[0].detail.action).to.deep.equal({ type: 'write', client: 'X', at: 0 });
    expect(liveText(el)).to.contain('X writes v1 {X:1}; sent to A, B, C');
    await sendKeys({ press: 'End' });
    await settle(el);
    // fail B with its button, then read with Y
    const failB = $$<HTMLButtonElement>(el, '.nodebtn')[1];
    failB.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events.at(-1)!.detail.kind).to.equal('fail');
    expect(el.state!.nodes[1].up).to.equal(false);
    expect(text($$(el, '.nodebtn')[1])).to.equal('Recover B');
    $$<HTMLButtonElement>(el, '.buttons button.read')[1].focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.run!.ops.map((o) => o.kind)).to.deep.equal(['write', 'read']);
    // R select by keyboard records a `set`
    $<HTMLSelectElement>(el, '#r')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(events.at(-1)!.detail.action).to.include({ type: 'set', r: 3 });
    const json = el.exportScenario();
    const copy = await fixture<LsQuorumReplication>(html`<ls-quorum-replication .config=${json}></ls-quorum-replication>`);
    expect(copy.run!.steps).to.deep.equal(el.run!.steps);
    expect(copy.step).to.equal(el.step);
    await expectAxeClean(el);
  });

  it('partition and heal from the form; sloppy quorum lets both sides write; siblings show', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication sloppy></ls-quorum-replication>`);
    const partition = $<HTMLButtonElement>(el, '#partition')!;
    partition.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state!.cut).to.deep.equal(['A', 'D', 'X']);
    $$<HTMLButtonElement>(el, '.buttons button.write')[0].click();
    await settle(el);
    $$<HTMLButtonElement>(el, '.buttons button.write')[1].click();
    await settle(el);
    el.seek(el.run!.steps.length);
    await settle(el);
    $<HTMLButtonElement>(el, '#heal')!.click();
    await settle(el);
    el.seek(el.run!.steps.length);
    await settle(el);
    expect(el.run!.ops.every((o) => o.status === 'ok')).to.equal(true);
    expect(text($(el, '[part="nodes"]'))).to.match(/2 siblings/);
    await expectAxeClean(el);
  });

  it('the table view lists the requests, replicas and steps of the model', async () => {
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication .config=${stale}></ls-quorum-replication>`);
    el.seek(el.run!.steps.length);
    await settle(el);
    await openTableView(el);
    const tables = $$(el, 'details table');
    expect(tables).to.have.length(3);
    const s = el.state!;
    expect(tables[0].querySelectorAll('tbody tr').length).to.equal(s.ops.length);
    expect(text(tables[0].querySelectorAll('tbody tr')[2])).to.contain('stale');
    const rows = Array.from(tables[1].querySelectorAll('tbody tr'));
    expect(rows.map((r) => text(r.querySelector('th')))).to.deep.equal(s.nodes.map((n) => n.id));
    s.nodes.forEach((n, i) => n.store.forEach((v) => expect(text(rows[i])).to.contain(v.value)));
    expect(tables[2].querySelectorAll('tbody tr').length).to.equal(Math.min(60, el.step));
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme, fits 400 px, and Copy scenario reports', async () => {
    const twoDown = [
      { type: 'fail', at: 0, node: 'B' },
      { type: 'fail', at: 0, node: 'C' },
      { type: 'write', at: 10, client: 'X' },
    ];
    const el = await fixture<LsQuorumReplication>(html`<ls-quorum-replication theme="dark" .config=${{ sloppy: true, actions: twoDown, step: 99 }}></ls-quorum-replication>`);
    await expectFits(el, 400);
    expect(el.run!.ops[0].status).to.equal('ok');
    expect($$(el, '.hint').map(text)).to.deep.equal(['hint for B: v1 {X:1}', 'hint for C: v1 {X:1}']);
    await expectAxeClean(el);
    await copyByKeyboard(el, $<HTMLButtonElement>(el, '.footer button')!);
  });

  it('shows located errors for bad config and recovers', async () => {
    const { el } = await expectLocatedError<LsQuorumReplication>(
      html`<ls-quorum-replication .config=${{ r: 4, slopy: true }}></ls-quorum-replication>`,
      'slopy: unknown field (did you mean "sloppy"?)',
    );
    await configure(el, { r: 4 });
    expectAlert(el, 'r: expected at most n (3), got 4');
    await configure(el, { actions: [{ type: 'fail', at: 0, node: 'Q' }] });
    expect(el.configIssues[0].path).to.equal('actions[0].node');
    await configure(el, {});
    expectNoAlert(el);
    const bad = await fixture<LsQuorumReplication>(html`<ls-quorum-replication w="lots"></ls-quorum-replication>`);
    expectAlert(bad, 'w: expected an integer from 1 to 5, got "lots"');
  });
});
