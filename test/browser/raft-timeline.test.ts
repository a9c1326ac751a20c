import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/raft-timeline/raft-timeline.js';
import type { LsRaftTimeline, RaftActionDetail } from '../../src/components/raft-timeline/raft-timeline.js';
import { SCENARIOS } from '../../src/components/raft-timeline/scenarios.js';
import { RaftSimulation } from '../../src/components/raft-timeline/model.js';
import { expectAxeClean, expectLocatedError, fixture, guardEachTest, liveText, record, settle, shadow } from './helpers.js';

const button = (el: Element, text: string) => Array.from(shadow(el).querySelectorAll('button')).find((b) => b.textContent!.trim() === text) as HTMLButtonElement;
const player = (el: LsRaftTimeline) => (el as unknown as { player: { position: number; playing: boolean } }).player;

describe('<ls-raft-timeline>', () => {
  guardEachTest();

  it('steps event by event with the arrow keys and announces each step', async () => {
    const el = await fixture<LsRaftTimeline>(html`<ls-raft-timeline .config=${SCENARIOS.leaderElection}></ls-raft-timeline>`);
    const svg = shadow(el).querySelector<SVGElement>('svg.lanes')!;
    svg.focus();
    const first = el.events.find((e) => e.t > 0)!;
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(player(el).position).to.equal(first.t);
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    const t = player(el).position;
    const reference = RaftSimulation.at(SCENARIOS.leaderElection, t);
    expect(el.state.map((n) => [n.role, n.term])).to.deep.equal(reference.nodes.map((n) => [n.role, n.term]));
    expect(liveText(el).length).to.be.greaterThan(0);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(player(el).position).to.be.below(t);
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.state.filter((n) => n.role === 'leader').length).to.equal(1);
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(player(el).position).to.equal(0);
    await expectAxeClean(el);
  });

  it('records learner actions at the cursor: crash, partition, heal, request, drop rate', async () => {
    const el = await fixture<LsRaftTimeline>(html`<ls-raft-timeline .config=${{ ...SCENARIOS.leaderElection, duration: 3000 }}></ls-raft-timeline>`);
    const actions = record<RaftActionDetail>(el, 'ls-raft-action');
    (shadow(el).querySelector('svg.lanes') as SVGElement).focus();
    await sendKeys({ press: 'End' });
    await settle(el);
    const leader = el.state.find((n) => n.role === 'leader')!.id;
    // Back to 600 ms, then crash the leader there.
    (el as unknown as { player: { seek(t: number): void } }).player.seek(600);
    await settle(el);
    const crash = button(el, `Crash ${leader}`);
    crash.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(actions[0].detail.action).to.deep.equal({ type: 'crash', node: leader, at: 600 });
    expect(liveText(el)).to.contain('Recorded at 600 ms');
    expect(el.state.find((n) => n.id === leader)!.alive).to.equal(false);
    await sendKeys({ press: 'End' });
    await settle(el);
    const next = el.state.find((n) => n.role === 'leader' && n.alive);
    expect(next, 'a new leader is elected after the crash').to.not.equal(undefined);
    // Client request by keyboard.
    const cmd = shadow(el).querySelector<HTMLInputElement>('#cmd')!;
    (el as unknown as { player: { seek(t: number): void } }).player.seek(2000);
    await settle(el);
    cmd.focus();
    await sendKeys({ type: 'k=7' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(actions[1].detail.action).to.deep.equal({ type: 'request', command: 'k=7', at: 2000 });
    // Partition S1 away, then heal.
    const box = shadow(el).querySelector<HTMLInputElement>('fieldset input[type=checkbox]')!;
    box.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    button(el, 'Partition').click();
    await settle(el);
    expect(actions[2].detail.action.type).to.equal('partition');
    button(el, 'Heal').click();
    await settle(el);
    expect(actions.map((a) => a.detail.action.type)).to.deep.equal(['crash', 'request', 'partition', 'heal']);
    // The export reproduces the run, position included.
    const exported = JSON.parse(JSON.stringify(el.exportScenario()));
    const copy = await fixture<LsRaftTimeline>(html`<ls-raft-timeline .config=${exported}></ls-raft-timeline>`);
    expect(player(copy).position).to.equal(2000);
    expect(copy.events.length).to.equal(el.events.length);
    await expectAxeClean(el);
  });

  it('turns the invariant badge red in the Figure 8 scenario and jumps to the event', async () => {
    const el = await fixture<LsRaftTimeline>(html`<ls-raft-timeline .config=${SCENARIOS.figure8}></ls-raft-timeline>`);
    expect(shadow(el).querySelectorAll('.inv.bad').length, 'nothing broken at t = 0').to.equal(0);
    (shadow(el).querySelector('svg.lanes') as SVGElement).focus();
    await sendKeys({ press: 'End' });
    await settle(el);
    const bad = Array.from(shadow(el).querySelectorAll('.inv.bad')).map((b) => b.textContent!.trim());
    expect(bad).to.include('✗ Leader Completeness');
    const alert = shadow(el).querySelector('.violation[role=alert]')!;
    expect(alert.textContent).to.contain('Leader Completeness broken at');
    const jump = alert.querySelector('button')!;
    jump.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const first = new RaftSimulation(SCENARIOS.figure8).run().violations[0];
    expect(player(el).position).to.equal(first.t);
    await expectAxeClean(el);
  });

  it('plays and pauses with Space, and has a table view of the servers', async () => {
    const el = await fixture<LsRaftTimeline>(html`<ls-raft-timeline nodes="3" seed="7" duration="2000"></ls-raft-timeline>`);
    (shadow(el).querySelector('svg.lanes') as SVGElement).focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(player(el).playing).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(player(el).playing).to.equal(false);
    const rows = shadow(el).querySelectorAll('details tbody tr');
    expect(rows.length).to.equal(3);
  });

  it('reports a bad scenario where it is', async () => {
    await expectLocatedError<LsRaftTimeline>(
      html`<ls-raft-timeline .config=${{ nodes: ['S1', 'S2', 'S3'], events: [{ at: -5, type: 'crash', node: 'S9' }, { at: 100, type: 'partition', groups: [['S1', 'S2'], ['S2', 'S3']] }, { at: 200, type: 'request' }] }}></ls-raft-timeline>`,
      'events[0].at: expected a number ≥ 0, got -5',
      'events[2].command: is required',
    );
  });
});
