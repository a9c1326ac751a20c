import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/bloom-filter/bloom-filter.js';
import type { BloomActionDetail, LsBloomFilter } from '../../src/components/bloom-filter/bloom-filter.js';
import { BloomFilter, BloomScenario, bloomConfigSchema, positionsOf, randomKeys } from '../../src/components/bloom-filter/model.js';
import { parse } from '../../src/core/validate.js';
import { $, $$, alertText, configure, expectAxeClean, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, record, settle, startPlayback, text, until, withClipboard } from './helpers.js';

const resultText = (el: Element) => text($(el, '[part="result"]'));
const button = (el: Element, label: string) => $$<HTMLButtonElement>(el, '[part="form"] button').find((b) => text(b) === label);
const input = (el: Element) => $<HTMLInputElement>(el, '#key')!;

/** Type a key into the form and press Enter (which adds). */
async function typeAndEnter(el: LsBloomFilter, key: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: key });
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

/** Type a key, Tab to a form button and press it with Enter. */
async function typeAndPress(el: LsBloomFilter, key: string, tabs: number): Promise<void> {
  input(el).focus();
  await sendKeys({ type: key });
  for (let i = 0; i < tabs; i++) await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

/** A key that was never added but tests positive in the filter the config describes. */
function falsePositiveFor(input: Record<string, unknown>): string {
  const r = parse(bloomConfigSchema, input);
  if (!r.ok) throw new Error('bad test config');
  const s = new BloomScenario(r.value).stateAt(r.value.step);
  return randomKeys(5000, 77, 'guess:').find((key) => s.filter.mightContain(key) && !s.members.has(key))!;
}

describe('<ls-bloom-filter>', () => {
  guardEachTest();

  describe('configuration sources', () => {
    it('takes simple attributes, including the boolean `counting`', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="48" k="4" seed="3" counting></ls-bloom-filter>`);
      const s = el.state!;
      expect(s.filter.m).to.equal(48);
      expect(s.filter.k).to.equal(4);
      expect(s.filter.counting).to.equal(true);
      expect($$(el, '.bits .cell').length).to.equal(48);
      expect(button(el, 'Remove')).to.exist;
      expect($(el, '[part="bits"]')!.getAttribute('aria-label')).to.contain('48 bits, 4 hash functions, 0 set');
      el.setAttribute('counting', 'false');
      await settle(el);
      expect(el.state!.filter.counting).to.equal(false);
      expect(button(el, 'Remove')).to.equal(undefined);
    });

    it('takes inline JSON with initial keys and actions', async () => {
      const el = await fixture<LsBloomFilter>(
        html`<ls-bloom-filter><script type="application/json">{"m":32,"k":2,"keys":["a","b"],"actions":[{"type":"add","key":"c"},{"type":"query","key":"d"}],"step":1}</script></ls-bloom-filter>`,
      );
      expect(el.state!.step).to.equal(1);
      expect([...el.state!.members.keys()]).to.deep.equal(['a', 'b', 'c']);
      for (const p of positionsOf('c', 32, 2)) expect($(el, `.cell[data-i="${p}"]`)!.classList.contains('hit')).to.equal(true);
      expect(text($(el, '[part="positions"]'))).to.contain('Bits of c');
    });

    it('takes the config property; attributes win over it; frameworks may set typed values', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter k="5" .config=${{ m: 200, k: 2, keyCount: 20 }}></ls-bloom-filter>`);
      expect(el.state!.filter.m).to.equal(200);
      expect(el.state!.filter.k).to.equal(5);
      expect(el.state!.n).to.equal(20);
      expect($$(el, '.bits.small .cell').length, '128 < m ≤ 512: small cells').to.equal(200);
      (el as unknown as { counting: boolean }).counting = true;
      await settle(el);
      expect(el.state!.filter.counting).to.equal(true);
    });

    it('draws a large filter as a density strip of 1024 bins, with the key’s bins marked', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 100_000, k: 7, keyCount: 3000, actions: [{ type: 'add', key: 'user:42' }] }}></ls-bloom-filter>`);
      expect($$(el, '.bits.strip .bin').length).to.equal(1024);
      expect($$(el, '.bits .cell').length).to.equal(0);
      const marked = $$(el, '.bin.hit');
      expect(marked.length).to.be.within(1, 7);
      expect(text($(el, '[part="positions"]'))).to.contain('Bits of user:42');
      expect(el.state!.filter.setCount).to.be.greaterThan(15_000);
      await expectAxeClean(el);
    });
  });

  describe('adding and querying by keyboard', () => {
    it('Enter adds the typed key, shows and announces its bits, fires ls-bloom-action and clears the field', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="64" k="3"></ls-bloom-filter>`);
      const events = record<BloomActionDetail>(document, 'ls-bloom-action');
      await typeAndEnter(el, 'user:42');
      const pos = positionsOf('user:42', 64, 3);
      expect(events.length).to.equal(1);
      expect(events[0].detail).to.deep.equal({ type: 'add', key: 'user:42', positions: pos });
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(el.state!.members.has('user:42')).to.equal(true);
      const sorted = [...new Set(pos)].sort((a, b) => a - b);
      expect(liveText(el)).to.contain(`Added user:42: bits ${sorted.join(', ')} set.`);
      for (const p of pos) expect($(el, `.cell[data-i="${p}"]`)!.classList.contains('on')).to.equal(true);
      expect($$(el, '.chip [aria-hidden]').map((c) => text(c))).to.deep.equal(sorted.map((p) => `${p} → 1`));
      expect(text($$(el, '.chip')[0]), 'the accessible name says what the arrow means').to.contain(`Bit ${sorted[0]} = 1`);
      expect(input(el).value).to.equal('');
      expect(text($(el, '[part="stats"]'))).to.contain('Keys in the set (n) 1');
    });

    it('says which bits were already set', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="16" k="3" .config=${{ keys: ['a', 'b', 'c', 'd'] }}></ls-bloom-filter>`);
      const f = el.state!.filter;
      const key = randomKeys(500, 2).find((k) => {
        const pos = new Set(positionsOf(k, 16, 3));
        const old = [...pos].filter((p) => f.bits[p]);
        return old.length === 1 && pos.size === 3;
      })!;
      await typeAndEnter(el, key);
      expect(liveText(el)).to.match(new RegExp(`^Step 1 of 1\\. Added ${key}: bits \\d+, \\d+ set; bit \\d+ was already set\\.`));
    });

    it('Query says "definitely not present", naming the zero bits', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="64" k="3" .config=${{ keys: ['a'] }}></ls-bloom-filter>`);
      const events = record<BloomActionDetail>(el, 'ls-bloom-action');
      await typeAndPress(el, 'zebra', 2); // Tab past Add to Query
      expect(events[0].detail.type).to.equal('query');
      expect(events[0].detail.present).to.equal(false);
      expect(resultText(el)).to.contain('Definitely not present');
      expect(liveText(el)).to.match(/Query zebra: definitely not present — bits? [\d, ]+ (is|are) 0, so it is not in the set\./);
      expect($$(el, '.cell.zero').length).to.be.greaterThan(0);
      expect(input(el).value, 'the field keeps the queried key').to.equal('zebra');
      await expectAxeClean(el);
    });

    it('Query of an added key says "probably present" — a true positive', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, keys: ['user:1', 'user:2'] }}></ls-bloom-filter>`);
      await typeAndPress(el, 'user:2', 2);
      expect(resultText(el)).to.contain('Probably present').and.not.contain('False positive');
      expect(liveText(el)).to.contain('Query user:2: probably present — all its bits are 1, and it is in the set.');
    });

    it('Query of a never-added key whose bits are all set says it is a false positive', async () => {
      const cfg = { m: 24, k: 2, keyCount: 14, seed: 5 };
      const ghost = falsePositiveFor(cfg);
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${cfg}></ls-bloom-filter>`);
      const events = record<BloomActionDetail>(el, 'ls-bloom-action');
      await typeAndPress(el, ghost, 2);
      expect(events[0].detail).to.include({ present: true, falsePositive: true });
      expect(resultText(el)).to.contain('Probably present').and.contain('False positive');
      expect(liveText(el)).to.contain(`Query ${ghost}: probably present, but ${ghost} was never added — a false positive.`);
      await expectAxeClean(el);
    });

    it('an empty key is not recorded', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter></ls-bloom-filter>`);
      input(el).focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(el.state!.step).to.equal(0);
      expect(liveText(el)).to.contain('Type a key first.');
    });

    it('typing previews the key’s bits without recording anything, and arrows in the field move the caret', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, actions: [{ type: 'add', key: 'x' }] }}></ls-bloom-filter>`);
      input(el).focus();
      await sendKeys({ type: 'abc' });
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(el.state!.step, 'ArrowLeft in the field does not step the history').to.equal(1);
      const pos = [...new Set(positionsOf('abc', 64, 3))].sort((a, b) => a - b);
      expect(text($(el, '#preview'))).to.contain(`abc → bits ${pos.join(', ')}`);
      expect($$(el, '.cell.pre').length).to.equal(pos.length);
    });
  });

  describe('counting variant', () => {
    it('Remove decrements the counters, clears bits that reach 0 and announces it', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter counting .config=${{ m: 64, k: 3, keys: ['a', 'b', 'c'] }}></ls-bloom-filter>`);
      const before = Array.from(el.state!.filter.counters!);
      const events = record<BloomActionDetail>(el, 'ls-bloom-action');
      await typeAndPress(el, 'b', 3); // Add, Query, Remove
      const after = el.state!.filter.counters!;
      const expected = before.slice();
      for (const p of positionsOf('b', 64, 3)) expected[p]--;
      expect(Array.from(after)).to.deep.equal(expected);
      expect(el.state!.members.has('b')).to.equal(false);
      expect(events[0].detail).to.deep.include({ type: 'remove', key: 'b', falseNegatives: [] });
      expect(liveText(el)).to.match(/Removed b: counters at [\d, ]+ decremented/);
      expect(text($(el, '.cell[data-i="0"] .v'))).to.equal(String(after[0]));
      await expectAxeClean(el);
    });

    it('refuses to remove a key that is definitely not present, and a plain filter has no Remove', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter counting .config=${{ m: 64, k: 3, keys: ['a'] }}></ls-bloom-filter>`);
      const f = new BloomFilter(64, 3, true);
      f.add('a');
      const absent = randomKeys(100, 1).find((k) => !f.mightContain(k))!;
      expect(el.removeKey(absent)).to.equal(null);
      await settle(el);
      expect(liveText(el)).to.contain(`Cannot remove ${absent}: it is definitely not in the filter.`);
      expect(el.state!.step).to.equal(0);
      const plain = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ keys: ['a'] }}></ls-bloom-filter>`);
      expect(button(plain, 'Remove')).to.equal(undefined);
      expect(plain.removeKey('a')).to.equal(null);
      await settle(plain);
      expect(liveText(plain)).to.contain('a plain Bloom filter cannot delete');
    });

    it('removing a never-added false positive warns about the false negatives it causes', async () => {
      const keys = randomKeys(12, 3);
      const cfg = { m: 32, k: 2, counting: true, keys };
      const r = parse(bloomConfigSchema, cfg);
      const f = new BloomScenario(r.ok ? r.value : (undefined as never)).stateAt(0).filter;
      const ghost = randomKeys(3000, 9, 'ghost:').find((key) => {
        if (!f.mightContain(key)) return false;
        const g = f.clone();
        return g.remove(key)!.length > 0 && keys.some((k) => !g.mightContain(k));
      })!;
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${cfg}></ls-bloom-filter>`);
      const change = el.removeKey(ghost)!;
      await settle(el);
      expect(change.neverAdded).to.equal(true);
      expect(change.falseNegatives!.length).to.be.greaterThan(0);
      const fn = change.falseNegatives!.length === 1 ? 'a false negative' : 'false negatives';
      expect(text($(el, '.warn'))).to.contain(`${ghost} was never added`).and.contain(`Now ${change.falseNegatives!.join(', ')} test`).and.contain(fn);
      expect(liveText(el)).to.contain(fn);
      for (const k of change.falseNegatives!) expect(el.mightContain(k)).to.equal(false);
      await expectAxeClean(el);
    });
  });

  describe('history on the player', () => {
    it('steps back and forward with the arrows, narrates each step, and does not re-fire events on replay', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="64" k="3"></ls-bloom-filter>`);
      await typeAndEnter(el, 'one');
      await typeAndEnter(el, 'two');
      await typeAndPress(el, 'three', 2);
      const events = record<BloomActionDetail>(document, 'ls-bloom-action');
      expect(el.state!.step).to.equal(3);
      $(el, '[part="bits"]')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(el.state!.step).to.equal(2);
      expect(liveText(el)).to.contain('Step 2 of 3. Added two');
      expect(el.state!.members.has('two')).to.equal(true);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      expect(el.state!.step).to.equal(0);
      expect(el.state!.n).to.equal(0);
      expect(liveText(el)).to.contain('Start: 0 keys added, 0 of 64 bits set.');
      expect($$(el, '.cell.on').length).to.equal(0);
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.state!.step).to.equal(1);
      expect(liveText(el)).to.contain('Step 1 of 3. Added one');
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(el.state!.step).to.equal(3);
      expect(liveText(el)).to.contain('Query three');
      const slider = $(el, 'ls-player-controls')!.shadowRoot!.querySelector('input[type="range"]')!;
      expect(slider.getAttribute('aria-valuetext')).to.equal('Step 3 of 3: query three');
      expect(events.length, 'replay fires nothing').to.equal(0);
    });

    it('a new action in the middle of the history drops the later steps', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ actions: [{ type: 'add', key: 'a' }, { type: 'add', key: 'b' }], step: 1 }}></ls-bloom-filter>`);
      el.addKey('c');
      await settle(el);
      expect(el.exportScenario().actions).to.deep.equal([
        { type: 'add', key: 'a' },
        { type: 'add', key: 'c' },
      ]);
      expect(el.state!.step).to.equal(2);
    });
  });

  describe('bits, tooltips and the table view', () => {
    it('a bit position button shows its facts on focus, selects the bit, and lists the keys that set it', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, counting: true, keys: ['a', 'b'], actions: [{ type: 'add', key: 'a' }] }}></ls-bloom-filter>`);
      const chip = $$<HTMLButtonElement>(el, '.chip')[0];
      const p = Number(chip.dataset.bit);
      const tip = $(el, '[role="tooltip"]')!;
      chip.focus();
      await until(() => !tip.hidden && !tip.classList.contains('unplaced'), 'the tooltip');
      expect(text(tip)).to.equal(`Bit ${p}: counter ${el.state!.filter.counters![p]}`);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(chip.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, `.cell[data-i="${p}"]`)!.classList.contains('sel')).to.equal(true);
      expect(text($(el, '.bitcard'))).to.contain(`Bit ${p} has counter`).and.contain('Keys in the set that hash here: a');
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(tip.hidden).to.equal(true);
    });

    it('the table view lists the keys with their positions, the history and the measured curve', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, keys: ['a', 'b', 'c'], actions: [{ type: 'query', key: 'z' }] }}></ls-bloom-filter>`);
      const details = $<HTMLDetailsElement>(el, 'details[part="table"]')!;
      details.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      const tables = details.querySelectorAll('table');
      expect(tables.length).to.equal(3);
      const rows = Array.from(tables[0].querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => text(c)));
      expect(rows).to.deep.equal(['a', 'b', 'c'].map((k) => [k, positionsOf(k, 64, 3).join(', '), 'Probably present']));
      expect(text(tables[1].querySelector('tbody tr'))).to.contain('Query').and.contain('z');
      expect(tables[2].querySelectorAll('tbody tr').length).to.equal(17);
      await expectAxeClean(el);
    });

    it('draws the measured points and the theoretical curve, with the current n marked', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, keyCount: 10 }}></ls-bloom-filter>`);
      const chart = $(el, 'svg.chart')!;
      expect(chart.querySelectorAll('circle.measured').length).to.equal(17);
      expect(chart.querySelector('path.theory')!.getAttribute('d')!.length).to.be.greaterThan(100);
      expect(chart.querySelector('line.now')).to.exist;
      expect(chart.getAttribute('aria-label')).to.contain('m = 64, k = 3').and.contain('At n = 10');
      expect(text($(el, '[part="stats"]'))).to.contain('Best k for this n 4 (m/n · ln 2 = 4.4); you have k = 3');
    });
  });

  describe('export', () => {
    it('exportScenario, set back as config, reproduces the run and the step; Copy scenario copies it', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter m="40" k="2" seed="9" counting></ls-bloom-filter>`);
      el.addKey('x');
      el.addKey('y');
      el.queryKey('q');
      el.removeKey('x');
      await settle(el);
      $(el, '[part="bits"]')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      const exported = JSON.parse(JSON.stringify(el.exportScenario()));
      expect(exported).to.deep.include({ m: 40, k: 2, counting: true, seed: 9, step: 3 });
      const copy = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${exported}></ls-bloom-filter>`);
      expect(copy.state!.step).to.equal(3);
      expect(Array.from(copy.state!.filter.counters!)).to.deep.equal(Array.from(el.state!.filter.counters!));

      await withClipboard(async (clip) => {
        $$<HTMLButtonElement>(el, '.footer button')[0].click();
        expect(JSON.parse(await clip.written())).to.deep.equal(el.exportScenario());
      });
    });
  });

  describe('bad configuration', () => {
    it('names an out-of-range attribute', async () => {
      const { detail: d } = await expectLocatedError(html`<ls-bloom-filter k="40" m="lots"></ls-bloom-filter>`, 'k: expected an integer from 1 to 16, got 40', 'm: expected an integer from 8 to 100000, got "lots"');
      expect(d.issues.map((i) => i.path)).to.deep.equal(['m', 'k']);
    });

    it('locates a missing action key, an unknown field and a removal from a plain filter', async () => {
      await expectLocatedError(
        html`<ls-bloom-filter .config=${{ actions: [{ type: 'add', key: 'a' }, { type: 'query', key: 'a' }, { type: 'add' }], hashes: 3 }}></ls-bloom-filter>`,
        'actions[2].key: is required',
        'hashes: unknown field',
      );
      await expectLocatedError(html`<ls-bloom-filter .config=${{ keys: ['a'], actions: [{ type: 'remove', key: 'a' }] }}></ls-bloom-filter>`, 'actions[0].type: a plain Bloom filter cannot remove keys');
      await expectLocatedError(html`<ls-bloom-filter counting="maybe"></ls-bloom-filter>`, 'counting: expected true or false, got "maybe"');
    });

    it('reports malformed inline JSON, and a later valid config replaces the error', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter><script type="application/json">{"m": </script></ls-bloom-filter>`);
      expect(alertText(el)).to.contain('script:').and.contain('is not JSON');
      await configure(el, { m: 16 });
      expectNoAlert(el);
      expect(el.state!.filter.m).to.equal(16);
    });
  });

  describe('accessibility', () => {
    it('is axe-clean at rest, after actions, with the table open, and in dark theme', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ m: 64, k: 3, keys: ['a', 'b', 'c'], title: 'Demo' }}></ls-bloom-filter>`);
      await expectAxeClean(el);
      el.addKey('d');
      el.queryKey('zzz');
      await settle(el);
      $<HTMLDetailsElement>(el, 'details')!.open = true;
      await expectAxeClean(el);
      el.theme = 'dark';
      await settle(el);
      await expectAxeClean(el);
    });

    it('is axe-clean in dark theme as a counting filter with 300 bits', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter theme="dark" counting .config=${{ m: 300, k: 4, keyCount: 40, actions: [{ type: 'add', key: 'x' }] }}></ls-bloom-filter>`);
      await expectAxeClean(el);
    });

    it('leaves no animation frame running after removal while playing', async () => {
      const el = await fixture<LsBloomFilter>(html`<ls-bloom-filter .config=${{ actions: [{ type: 'add', key: 'a' }, { type: 'add', key: 'b' }], step: 0 }}></ls-bloom-filter>`);
      const player = await startPlayback(el);
      expect(player.playing).to.equal(true);
      el.remove();
      expect(player.frame).to.equal(0);
    });
  });
});
