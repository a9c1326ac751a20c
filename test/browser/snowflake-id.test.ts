import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/snowflake-id/snowflake-id.js';
import type { LsSnowflakeId, SnowflakeDecodeDetail, SnowflakeLayoutDetail } from '../../src/components/snowflake-id/snowflake-id.js';
import { decompose, toBase62 } from '../../src/components/snowflake-id/model.js';
import { $, $$, configure, expectAlert, expectAxeClean, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, record, settle, text } from './helpers.js';

const resultText = (el: Element) => text($(el, '[part="result"]'));

const overflow = {
  machineBits: 18,
  sequenceBits: 4,
  timeBits: 41,
  workers: [1, 2],
  events: [
    { type: 'generate', worker: 2, count: 1 },
    { type: 'generate', worker: 1, count: 17 },
    { type: 'clockBack', worker: 2, ms: 4 },
    { type: 'generate', worker: 2, count: 1 },
  ],
};

describe('<ls-snowflake-id>', () => {
  guardEachTest();

  it('takes attributes and inline JSON; draws 64 coloured bits of the latest id', async () => {
    const el = await fixture<LsSnowflakeId>(
      html`<ls-snowflake-id seed="4" machine-bits="9" sequence-bits="13"><script type="application/json">{"workers":[3,5],"requests":5}</script></ls-snowflake-id>`,
    );
    expect(el.steps.length).to.equal(5);
    expect($$(el, '.bit').length).to.equal(64);
    expect($$(el, '.bit.f-time').length).to.equal(41);
    expect($$(el, '.bit.f-machine').length).to.equal(9);
    expect($$(el, '.bit.f-sequence').length).to.equal(13);
    const id = el.current!.id!;
    expect($$(el, '.bit').map((b) => b.textContent).join('')).to.equal(id.toString(2).padStart(64, '0'));
    expect($(el, '[part="bits"]')!.getAttribute('aria-label')).to.contain(`Id ${id} in binary`);
    expect([3, 5]).to.include(el.current!.worker);
  });

  it('steps with the arrow keys, announces each id, and shows the sequence overflow wait', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${{ ...overflow, step: 0 }}></ls-snowflake-id>`);
    expect(resultText(el)).to.contain('Step forward to generate ids');
    ($(el, '[part="bits"]')!.closest('.card') as HTMLElement).focus();
    $<HTMLButtonElement>(el, '.modes button')!.focus();
    for (let i = 0; i < 17; i++) await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.current!.sequence).to.equal(15);
    expect(liveText(el)).to.contain('Step 17 of 20.');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.current!.sequence).to.equal(0);
    expect(el.current!.overflowWait).to.equal(1);
    expect(resultText(el)).to.contain('16 sequence numbers');
    expect(resultText(el)).to.contain('waited for the next millisecond');
    expect($(el, '[part="result"]')!.classList.contains('wait')).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.current!.sequence).to.equal(15);
  });

  it('shows a clock stepped back: waits within maxWait, refuses beyond it or with onBackwards "refuse"', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${overflow}></ls-snowflake-id>`);
    await sendKeys({ press: 'End' });
    expect(el.current!.kind).to.equal('id');
    expect(resultText(el)).to.contain('3 ms behind');
    el.config = { ...overflow, onBackwards: 'refuse' };
    await settle(el);
    expect(el.current!.kind).to.equal('refused');
    expect(resultText(el)).to.contain('Worker 2 refused');
    expect($(el, '[part="result"]')!.classList.contains('bad')).to.equal(true);
    expect(text($(el, '[part="workers"] td.behind'))).to.contain('(-4 ms)');
  });

  it('decodes a typed id by keyboard, fires ls-snowflake-id-decode, and locates a bad character', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id></ls-snowflake-id>`);
    const events = record<SnowflakeDecodeDetail>(document, 'ls-snowflake-id-decode');
    const id = el.current!.id!;
    $<HTMLInputElement>(el, '#decode')!.focus();
    await sendKeys({ type: String(id) });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const d = decompose({ timeBits: 41, machineBits: 10, sequenceBits: 12 }, 1288834974657, id);
    expect(events.length).to.equal(1);
    expect(events[0].detail).to.include({ id: String(id), machine: d.machine, sequence: d.sequence, ts: d.ts, code: toBase62(id) });
    expect(events[0].detail.iso).to.match(/^2026-01-01T00:00:00\.\d{3}Z$/);
    expect(text($(el, '[part="decode"] dl'))).to.contain(`Machine ${d.machine}`);
    await sendKeys({ press: 'Home' }); // in the field: the caret moves, the player does not
    await settle(el);
    expect(el.current).to.exist;
    $<HTMLInputElement>(el, '#decode')!.value = '';
    $<HTMLInputElement>(el, '#decode')!.focus();
    await sendKeys({ type: '12x4' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text($(el, '#decode-out'))).to.contain('character 3');
    expect($(el, '#decode')!.getAttribute('aria-invalid')).to.equal('true');
    expect(events.length).to.equal(1);
  });

  it('edits bit widths: a wrong total is a located error; a right one regenerates and fires ls-snowflake-id-layout', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id></ls-snowflake-id>`);
    const events = record<SnowflakeLayoutDetail>(document, 'ls-snowflake-id-layout');
    const seq = $<HTMLInputElement>(el, '#in-sequenceBits')!;
    seq.select();
    seq.focus();
    await sendKeys({ type: '13' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text($(el, '[part="layout"] [role="alert"]'))).to.contain('sequenceBits: 1 + 41 + 10 + 13 = 65 bits');
    expect(seq.getAttribute('aria-invalid')).to.equal('true');
    expect(events.length).to.equal(0);
    const time = $<HTMLInputElement>(el, '#in-timeBits')!;
    time.select();
    time.focus();
    await sendKeys({ type: '40' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '[part="layout"] [role="alert"]')).to.equal(null);
    expect(events.map((e) => e.detail)).to.deep.equal([{ timeBits: 40, machineBits: 10, sequenceBits: 13, epoch: 1288834974657 }]);
    expect($$(el, '.bit.f-sequence').length).to.equal(13);
    expect(el.setLayout({ machineBits: 1, timeBits: 49 }).map((i) => i.path)).to.deep.equal(['workers[1]', 'workers[2]']);
  });

  it('base62 mode shows the division steps and the short URL, and decodes a code', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id mode="base62"></ls-snowflake-id>`);
    const id = el.current!.id!;
    const code = toBase62(id);
    expect(text($(el, '[part="base62"]'))).to.contain(`https://sho.rt/${code}`);
    expect($$(el, '[part="base62"] tbody tr').length).to.equal(code.length);
    const r = el.decodeId(code);
    expect('error' in r ? r.error : r.id).to.equal(id);
    expect(el.decodeId('ab-c')).to.deep.equal({ error: 'character 3 (“-”) is not in the base62 alphabet 0-9a-zA-Z' });
    $$<HTMLButtonElement>(el, '.modes button')[0].click();
    await settle(el);
    expect($(el, '[part="base62"]')).to.equal(null);
    expect($(el, '[part="layout"]')).to.exist;
  });

  it('compares with UUIDv4, UUIDv7 and ULID, and lists every step in the table view', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${{ total: 1e9, perMs: 1000 }}></ls-snowflake-id>`);
    const rows = $$(el, '[part="compare"] tbody tr').map(text);
    expect(rows.map((r) => r.split(' ')[0])).to.deep.equal(['Snowflake', 'UUIDv4', 'UUIDv7', 'ULID']);
    expect(rows[1]).to.contain('10-20');
    expect($$(el, '[part="table"] tbody tr').length).to.equal(12);
  });

  it('exportScenario reproduces the run, layout, mode and step', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${overflow}></ls-snowflake-id>`);
    await sendKeys({ press: 'Home' });
    el.focus();
    el.setMode('base62');
    (el as unknown as { player: { seek(n: number): void } }).player.seek(7);
    await settle(el);
    const json = el.exportScenario();
    const copy = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${json}></ls-snowflake-id>`);
    expect(copy.current!.id).to.equal(el.current!.id);
    expect(copy.steps.length).to.equal(el.steps.length);
    expect($(copy, '[part="base62"]')).to.exist;
  });

  it('reports a bad config with located messages and ls-error; a later valid config replaces it', async () => {
    const { el } = await expectLocatedError<LsSnowflakeId>(
      html`<ls-snowflake-id .config=${{ sequenceBits: 13, workers: [1, 2000], events: [{ type: 'generate', worker: 9 }] }}></ls-snowflake-id>`,
      'sequenceBits: 1 + 41 + 10 + 13 = 65 bits',
      'workers[1]: machine id 2000 does not fit in 10 bits',
      'events[0].worker: no worker has machine id 9',
    );
    el.setAttribute('mode', 'qr');
    await settle(el);
    expectAlert(el, 'mode');
    el.removeAttribute('mode');
    await configure(el, {});
    expectNoAlert(el);
    expect(el.steps.length).to.equal(12);
  });

  it('is axe-clean in light and dark, in both modes, with the table open and an invalid width', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id .config=${{ ...overflow, step: 18 }}></ls-snowflake-id>`);
    await expectAxeClean(el);
    $<HTMLDetailsElement>(el, 'details')!.open = true;
    el.setLayout({ sequenceBits: 9 });
    el.decodeId('zz');
    await settle(el);
    await expectAxeClean(el);
    el.theme = 'dark';
    await settle(el);
    await expectAxeClean(el);
    el.setMode('base62');
    await settle(el);
    await expectAxeClean(el);
  });

  it('fits 400 px without horizontal overflow of the frame', async () => {
    const el = await fixture<LsSnowflakeId>(html`<ls-snowflake-id mode="base62"></ls-snowflake-id>`);
    el.parentElement!.style.width = '400px';
    await settle(el);
    const frame = $(el, '.frame')!;
    expect(frame.scrollWidth).to.be.at.most(frame.clientWidth + 1);
  });
});
