import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/consistent-hash-ring/consistent-hash-ring.js';
import type { LsConsistentHashRing, RingChangeDetail } from '../../src/components/consistent-hash-ring/consistent-hash-ring.js';
import { RingScenario, ringConfigSchema } from '../../src/components/consistent-hash-ring/model.js';
import { parse } from '../../src/core/validate.js';
import { $, $$, alertText, configure, expectAxeClean, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, record, settle, shadow, startPlayback, until, withClipboard } from './helpers.js';

const chips = (el: Element) => Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('.chip'));

describe('<ls-consistent-hash-ring>', () => {
  guardEachTest();

  describe('configuration sources', () => {
    it('takes simple attributes', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C,D" vnodes="50" key-count="200"></ls-consistent-hash-ring>`);
      expect(chips(el).map((c) => c.dataset.id)).to.deep.equal(['A', 'B', 'C', 'D']);
      expect(el.state!.ring.size).to.equal(200);
      expect(el.state!.owners.length).to.equal(200);
      expect(shadow(el).querySelectorAll('circle.key').length).to.equal(200);
      const svg = shadow(el).querySelector('svg[role="img"]')!;
      expect(svg.getAttribute('aria-label')).to.contain('4 nodes').and.contain('200 keys');
    });

    it('takes inline JSON', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring><script type="application/json">{"nodes":["x","y"],"vnodes":3,"keyCount":10}</script></ls-consistent-hash-ring>`);
      expect(el.state!.ring.nodes.map((n) => n.id)).to.deep.equal(['x', 'y']);
      expect(el.state!.ring.size).to.equal(6);
    });

    it('takes the config property, and attributes win over it', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring vnodes="2" .config=${{ nodes: ['p', 'q', 'r'], vnodes: 9, keyCount: 5 }}></ls-consistent-hash-ring>`);
      expect(el.state!.ring.nodes.length).to.equal(3);
      expect(el.state!.ring.size).to.equal(6);
    });

    it('loads a src URL', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring src="/stories/data/ring-failure.json"></ls-consistent-hash-ring>`);
      await until(() => !!el.state, 'src to load');
      expect(el.state!.ring.nodes.map((n) => n.id)).to.deep.equal(['A', 'B', 'C', 'D', 'E']);
    });
  });

  describe('bad configuration', () => {
    it('names the path of a wrong type', async () => {
      const { detail: d } = await expectLocatedError(html`<ls-consistent-hash-ring .config=${{ nodes: ['A', 'B', { id: 'C', weight: 'heavy' }] }}></ls-consistent-hash-ring>`, 'nodes[2].weight: expected a number from 0 to 100, got "heavy"');
      expect(d.issues[0].path).to.equal('nodes[2].weight');
    });

    it('reports malformed inline JSON', async () => {
      await expectLocatedError(html`<ls-consistent-hash-ring><script type="application/json">{"nodes": [</script></ls-consistent-hash-ring>`, 'script:', 'is not JSON');
    });

    it('reports a src that fails to load', async () => {
      await expectLocatedError(html`<ls-consistent-hash-ring src="/no/such/file.json"></ls-consistent-hash-ring>`, 'src:', 'HTTP 404');
    });

    it('reports a src that is not JSON', async () => {
      await expectLocatedError(html`<ls-consistent-hash-ring src="/src/index.ts"></ls-consistent-hash-ring>`, 'src:', 'is not JSON');
    });

    it('reports unknown fields and out-of-range values from attributes', async () => {
      await expectLocatedError(html`<ls-consistent-hash-ring vnodes="0" key-count="lots"></ls-consistent-hash-ring>`, 'vnodes: expected an integer from 1 to 1000, got 0', 'keyCount: expected an integer from 0 to 200000, got "lots"');
      await expectLocatedError(html`<ls-consistent-hash-ring .config=${{ vnode: 3 }}></ls-consistent-hash-ring>`, 'vnode: unknown field (did you mean "vnodes"?)');
    });

    it('replaces the error when a valid config arrives', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${{ nodes: [] }}></ls-consistent-hash-ring>`);
      expect(alertText(el)).to.contain('nodes');
      await configure(el, { nodes: ['A', 'B'] });
      expectNoAlert(el);
      expect(el.state!.ring.nodes.length).to.equal(2);
    });

    it('re-reads inline JSON when it changes', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring><script type="application/json">{"nodes":["A"]}</script></ls-consistent-hash-ring>`);
      el.querySelector('script')!.textContent = '{"nodes":["A","B","C"]}';
      await until(() => el.state?.ring.nodes.length === 3, 'the new inline JSON');
    });
  });

  describe('keyboard and events', () => {
    it('adds a node with +, steps back and forth with arrows, and announces each step', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C,D" vnodes="20" key-count="150"></ls-consistent-hash-ring>`);
      const changes = record<RingChangeDetail>(document, 'ls-ring-change');
      (shadow(el).querySelector('svg[role="img"]') as SVGElement).focus();
      await sendKeys({ press: '+' });
      await settle(el);
      expect(changes.length).to.equal(1);
      const d = changes[0].detail;
      expect(d.added).to.equal('E');
      expect(d.moved.length).to.be.greaterThan(0);
      for (const m of d.moved) expect(m.to).to.equal('E');
      expect(d.movedFraction).to.equal(d.moved.length / 150);
      expect(changes[0].bubbles && changes[0].composed).to.equal(true);
      expect(liveText(el)).to.contain(`Node E joined: ${d.moved.length} of 150 keys`);
      expect(el.state!.ring.nodes.length).to.equal(5);

      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(el.state!.ring.nodes.length).to.equal(4);
      expect(liveText(el)).to.contain('Start of the history');
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.state!.ring.nodes.length).to.equal(5);
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(el.state!.step).to.equal(0);
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(el.state!.step).to.equal(1);
      expect(changes.length, 'replaying does not re-fire ls-ring-change').to.equal(1);
    });

    it('selects a node chip with Enter and removes it with Delete', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C" vnodes="10" key-count="90"></ls-consistent-hash-ring>`);
      const changes = record<RingChangeDetail>(el, 'ls-ring-change');
      const ownedByB = Array.from(el.state!.owners).filter((o) => el.state!.ring.nodes[o].id === 'B').length;
      chips(el)[1].focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(chips(el)[1].getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'Delete' });
      await settle(el);
      expect(changes.length).to.equal(1);
      expect(changes[0].detail.removed).to.equal('B');
      expect(changes[0].detail.moved.length).to.equal(ownedByB);
      for (const m of changes[0].detail.moved) expect(m.from).to.equal('B');
      expect(chips(el).map((c) => c.dataset.id)).to.deep.equal(['A', 'C']);
      expect(liveText(el)).to.contain('Node B left');
    });

    it('adds a named, weighted node from the form with Enter', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B" vnodes="10" key-count="50"></ls-consistent-hash-ring>`);
      const [idInput, weightInput] = Array.from(shadow(el).querySelectorAll<HTMLInputElement>('.toolbar input'));
      weightInput.focus();
      weightInput.select();
      await sendKeys({ type: '2' });
      idInput.focus();
      await sendKeys({ type: 'big' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      const big = el.state!.ring.nodes.find((n) => n.id === 'big');
      expect(big?.weight).to.equal(2);
      expect(Array.from(el.state!.ring.owners).filter((o) => el.state!.ring.nodes[o].id === 'big').length).to.equal(20);
    });

    it('Space plays and pauses the history; typing in the probe is not hijacked', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${{ nodes: ['A', 'B'], actions: [{ type: 'add', id: 'C' }, { type: 'add', id: 'D' }], step: 0 }}></ls-consistent-hash-ring>`);
      const svg = shadow(el).querySelector('svg[role="img"]') as SVGElement;
      svg.focus();
      await sendKeys({ press: 'Space' });
      await settle(el);
      const controls = shadow(el).querySelector('ls-player-controls')!;
      expect(controls.playing).to.equal(true);
      await sendKeys({ press: 'Space' });
      await settle(el);
      expect(controls.playing).to.equal(false);
      const probe = shadow(el).querySelector<HTMLInputElement>('#probe')!;
      probe.focus();
      await sendKeys({ type: 'a b' });
      await settle(el);
      expect(probe.value).to.equal('a b');
      expect(controls.playing).to.equal(false);
    });

    it('plays through to the end on its own', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${{ nodes: ['A', 'B'], actions: [{ type: 'add', id: 'C' }], step: 0 }}></ls-consistent-hash-ring>`);
      const controls = shadow(el).querySelector('ls-player-controls')!;
      controls.speed = 4;
      (controls.shadowRoot!.querySelector('select') as HTMLSelectElement).value = '4';
      controls.shadowRoot!.querySelector('select')!.dispatchEvent(new Event('change'));
      (controls.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click();
      await until(() => el.state!.step === 1, 'playback to reach the end', 600);
      await settle(el);
      expect(controls.playing).to.equal(false);
    });
  });

  describe('strings, language and parts', () => {
    it('relabels through the strings property and formats numbers in the page language', async () => {
      const el = await fixture<HTMLDivElement>(html`<div lang="de"><ls-consistent-hash-ring nodes="A,B" key-count="1500" .strings=${{ addNode: 'Knoten hinzufügen', play: 'Abspielen' }}></ls-consistent-hash-ring></div>`);
      const ring = el.querySelector('ls-consistent-hash-ring')!;
      await settle(ring);
      expect(shadow(ring).querySelector('.toolbar button.primary')!.textContent!.trim()).to.equal('Knoten hinzufügen');
      const play = shadow(ring).querySelector('ls-player-controls')!.shadowRoot!.querySelector('button.primary')!;
      expect(play.getAttribute('aria-label')).to.equal('Abspielen');
      expect(shadow(ring).querySelector('svg')!.textContent).to.contain('1.500');
    });

    it('forwards the playback bar parts so a page can style them', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B"></ls-consistent-hash-ring>`);
      const style = document.createElement('style');
      style.textContent = 'ls-consistent-hash-ring::part(player-button) { outline: 3px solid rgb(255, 0, 0); }';
      document.head.append(style);
      try {
        const button = shadow(el).querySelector('ls-player-controls')!.shadowRoot!.querySelector('button')!;
        expect(getComputedStyle(button).outlineColor).to.equal('rgb(255, 0, 0)');
      } finally {
        style.remove();
      }
    });
  });

  describe('properties set by frameworks', () => {
    it('accepts typed values for the attribute-backed properties and fires ls-ready', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring></ls-consistent-hash-ring>`);
      const ready = record(el, 'ls-ready');
      (el as unknown as { vnodes: number }).vnodes = 5;
      (el as unknown as { nodes: string[] }).nodes = ['p', 'q'];
      await settle(el);
      expect(el.state!.ring.nodes.map((n) => n.id)).to.deep.equal(['p', 'q']);
      expect(el.state!.ring.size).to.equal(10);
      expect(ready.length).to.be.greaterThan(0);
    });
  });

  describe('probe, API and export', () => {
    it('shows the clockwise walk with distinct replicas', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C,D,E" vnodes="6" replication="3" probe="cart:1042"></ls-consistent-hash-ring>`);
      const items = Array.from(shadow(el).querySelectorAll('.walk li strong')).map((s) => s.textContent);
      expect(items).to.deep.equal(el.replicasOf('cart:1042'));
      expect(items.length).to.equal(3);
      expect(items[0]).to.equal(el.ownerOf('cart:1042'));
    });

    it('ownerOf agrees with the model; addNode/removeNode refuse impossible changes', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C" vnodes="16"></ls-consistent-hash-ring>`);
      const r = parse(ringConfigSchema, { nodes: ['A', 'B', 'C'], vnodes: 16 });
      const model = new RingScenario(r.ok ? r.value : (undefined as never)).stateAt(0).ring;
      for (const k of ['a', 'user:1', 'ünïcode', '']) expect(el.ownerOf(k)).to.equal(model.ownerOf(k));
      expect(el.addNode('A')).to.equal(null);
      expect(el.removeNode('Z')).to.equal(null);
      expect(el.addNode('bad#id')).to.equal(null);
      expect(el.addNode('E', 500)).to.equal(null);
      await settle(el);
      expect(liveText(el)).to.contain('Cannot add "E": expected a number from 0 to 100, got 500');
      expect(el.addNode('D')).to.not.equal(null);
      expect(el.state!.ring.nodes.length).to.equal(4);
    });

    it('exportScenario, pasted back as config, reproduces the run and the step', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C" vnodes="8" key-count="60" seed="4"></ls-consistent-hash-ring>`);
      el.addNode('D');
      el.removeNode('A');
      await settle(el);
      (shadow(el).querySelector('svg[role="img"]') as SVGElement).focus();
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      const exported = JSON.parse(JSON.stringify(el.exportScenario()));
      const copy = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${exported}></ls-consistent-hash-ring>`);
      expect(copy.state!.step).to.equal(1);
      expect(copy.state!.ring.nodes.map((n) => n.id)).to.deep.equal(['A', 'B', 'C', 'D']);
      expect(Array.from(copy.state!.owners)).to.deep.equal(Array.from(el.state!.owners));
    });

    it('"Copy scenario" copies the run, or shows it selected when the clipboard refuses', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B" vnodes="4" key-count="10"></ls-consistent-hash-ring>`);
      el.addNode('C');
      await settle(el);
      await withClipboard(async (clip) => {
        const copy = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Copy scenario'))!;
        copy.click();
        const written = await clip.written();
        expect(JSON.parse(written)).to.deep.equal(el.exportScenario());
        expect(JSON.parse(written).actions).to.deep.equal([{ type: 'add', id: 'C' }]);
        clip.refuse();
        copy.click();
        await until(() => !!$(el, 'textarea'), 'the fallback text area');
        const area = $<HTMLTextAreaElement>(el, 'textarea')!;
        expect(JSON.parse(area.value)).to.deep.equal(el.exportScenario());
        expect(shadow(el).activeElement).to.equal(area);
      });
    });

    it('has a table view listing every node', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C,D" replication="2"></ls-consistent-hash-ring>`);
      const details = shadow(el).querySelector('details')!;
      details.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      const rows = details.querySelectorAll('tbody tr');
      expect(rows.length).to.equal(4);
      expect(details.querySelector('thead')!.textContent).to.contain('Replicas held');
    });
  });

  describe('tooltips', () => {
    it('a focused node chip shows its facts in a positioned tooltip; Escape hides it', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C" vnodes="10" key-count="30"></ls-consistent-hash-ring>`);
      const tip = shadow(el).querySelector<HTMLElement>('[role="tooltip"]')!;
      expect(tip.hidden).to.equal(true);
      chips(el)[0].focus();
      await until(() => !tip.hidden && !tip.classList.contains('unplaced'), 'the tooltip to be placed');
      expect(tip.textContent).to.contain('Node A').and.contain('10 virtual nodes');
      const chipBox = chips(el)[0].getBoundingClientRect();
      const tipBox = tip.getBoundingClientRect();
      const above = tipBox.bottom <= chipBox.top + 1;
      const below = tipBox.top >= chipBox.bottom - 1 && tipBox.top <= chipBox.bottom + 16;
      expect(above || below, `placed next to the chip (chip ${chipBox.top}–${chipBox.bottom}, tip ${tipBox.top}–${tipBox.bottom})`).to.equal(true);
      expect(tipBox.right > chipBox.left && tipBox.left < chipBox.right, 'overlaps the chip horizontally').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(tip.hidden).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('is axe-clean at rest, after a change, with a probe, and in dark theme', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring nodes="A,B,C,D" vnodes="10" key-count="60" probe="k1"></ls-consistent-hash-ring>`);
      await expectAxeClean(el);
      el.addNode();
      await settle(el);
      shadow(el).querySelector('details')!.open = true;
      await expectAxeClean(el);
      el.theme = 'dark';
      await settle(el);
      await expectAxeClean(el);
    });

    it('is axe-clean with 100 nodes (scrollable load chart is focusable)', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${{ nodes: Array.from({ length: 100 }, (_, i) => `n${i}`), vnodes: 20, keyCount: 2000 }}></ls-consistent-hash-ring>`);
      await expectAxeClean(el);
    });

    it('leaves no animation frame running after removal while playing', async () => {
      const el = await fixture<LsConsistentHashRing>(html`<ls-consistent-hash-ring .config=${{ nodes: ['A', 'B'], actions: [{ type: 'add', id: 'C' }], step: 0 }}></ls-consistent-hash-ring>`);
      const controls = shadow(el).querySelector('ls-player-controls')!;
      const player = await startPlayback(el);
      expect(controls.playing).to.equal(true);
      expect(player.frame, 'a frame is scheduled while playing').to.not.equal(0);
      el.remove();
      expect(player.frame, 'no frame after disconnect').to.equal(0);
      expect(player.observer, 'no observer after disconnect').to.equal(undefined);
    });
  });
});
