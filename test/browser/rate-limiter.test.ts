import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rate-limiter/rate-limiter.js';
import type { LsRateLimiter, RateRequestDetail } from '../../src/components/rate-limiter/rate-limiter.js';
import { ALGORITHMS, RateScenario, rateConfigSchema } from '../../src/components/rate-limiter/model.js';
import { parse } from '../../src/core/validate.js';
import { $, $$, alertText, configure, expectAxeClean, expectLocatedError, expectNoAlert, fixture, guardEachTest, liveText, record, settle, startPlayback, text, until, withClipboard } from './helpers.js';

const card = (el: Element, algo: string) => $(el, `[part="algorithm"][data-algo="${algo}"]`);
const group = (el: Element) => $(el, '.algos')!;

async function press(el: LsRateLimiter, ...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
  await settle(el);
}

describe('<ls-rate-limiter>', () => {
  guardEachTest();

  describe('configuration sources', () => {
    it('takes simple attributes, including a comma-separated algorithm list', async () => {
      const el = await fixture<LsRateLimiter>(
        html`<ls-rate-limiter limit="3" window="500" traffic="steady" rate="6" seed="4" duration="2000" algorithms="fixed-window, sliding-log"></ls-rate-limiter>`,
      );
      const sc = el.model!;
      expect(sc.config).to.deep.include({ limit: 3, window: 500, traffic: 'steady', rate: 6, seed: 4, duration: 2000 });
      expect($$(el, '[part="algorithm"]').map((c) => c.dataset.algo)).to.deep.equal(['fixed-window', 'sliding-log']);
      expect($$(el, 'svg[part="timeline"]').length).to.equal(2);
      expect(el.state!.step, 'shows the whole run by default').to.equal(sc.length);
      const t = el.state!.tallies['sliding-log']!;
      expect(t.accepted + t.rejected).to.equal(sc.length);
      expect(text(card(el, 'sliding-log'))).to.contain(`${t.accepted} accepted`).and.contain(`${t.rejected} rejected`);
    });

    it('takes inline JSON with a step and fired bursts; the attribute wins over it', async () => {
      const el = await fixture<LsRateLimiter>(
        html`<ls-rate-limiter limit="4"><script type="application/json">{"limit":9,"traffic":"bursty","duration":3000,"actions":[{"type":"burst","at":100,"count":3}],"step":2}</script></ls-rate-limiter>`,
      );
      expect(el.model!.config.limit).to.equal(4);
      expect(el.state!.step).to.equal(2);
      expect(el.model!.requests.filter((r) => r.source === 'action').map((r) => r.t)).to.deep.equal([100, 100, 100]);
      expect($$(el, '[part="algorithm"]').length).to.equal(5);
    });

    it('takes the config property (a JSON string too) and re-validates when it changes', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${'{"limit":2,"window":200,"traffic":"boundary"}'}></ls-rate-limiter>`);
      expect(el.model!.length).to.equal(4);
      el.config = { limit: 6, traffic: 'steady' };
      await settle(el);
      expect(el.model!.config.limit).to.equal(6);
      expect(el.model!.config.duration).to.equal(3000);
    });
  });

  describe('the boundary burst', () => {
    it('shows fixed window accepting 2 × limit across the edge while the sliding log refuses the second half', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter limit="5" window="1000" traffic="boundary"></ls-rate-limiter>`);
      const s = el.state!;
      expect(s.tallies['fixed-window']).to.deep.equal({ accepted: 10, rejected: 0, peak: 10 });
      expect(s.tallies['sliding-log']).to.deep.equal({ accepted: 5, rejected: 5, peak: 5 });
      expect(s.tallies['sliding-window-counter']!.accepted).to.equal(5);
      const warn = $(el, '[data-algo="fixed-window"] .warn')!;
      expect(text(warn)).to.contain('Fixed window let 10 through within 1,000 ms').and.contain('2.0 × the limit');
      expect($(el, '[data-algo="sliding-log"] .warn')).to.equal(null);
      expect($$(el, '[data-algo="fixed-window"] svg .ok').length).to.equal(10);
      expect($$(el, '[data-algo="sliding-log"] svg .bad').length).to.equal(5);
      expect(text($(el, '[part="result"]'))).to.contain('Request 10 of 10 at 1,180 ms: accepted by Fixed window');
      await expectAxeClean(el);
    });
  });

  describe('time by keyboard', () => {
    it('←/→ step request by request and announce who accepted; Home/End jump; the warning appears only once earned', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${{ step: 0 }}></ls-rate-limiter>`);
      expect(el.state!.step).to.equal(0);
      expect(text($(el, '[part="result"]'))).to.contain('No request yet');
      expect($$(el, 'svg .ok, svg .bad').length).to.equal(0);
      group(el).focus();
      await press(el, 'ArrowRight');
      expect(el.state!.step).to.equal(1);
      expect(liveText(el)).to.contain('Request 1 of 10 at 820 ms: every algorithm accepted it');
      await press(el, 'End');
      expect(el.state!.step).to.equal(10);
      expect(liveText(el)).to.contain('rejected by Token bucket, Leaky bucket, Sliding log and Sliding window counter');
      await press(el, 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft');
      expect(el.state!.step).to.equal(5);
      expect($(el, '[data-algo="fixed-window"] .warn'), 'only one window so far').to.equal(null);
      expect(el.state!.tallies['fixed-window']!.peak).to.equal(5);
      await press(el, 'Home');
      expect(el.state!.step).to.equal(0);
    });

    it('Space plays through the requests', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${{ step: 0 }}></ls-rate-limiter>`);
      group(el).focus();
      await sendKeys({ press: 'Space' });
      await until(() => el.state!.step >= 1, 'the player to advance');
      await sendKeys({ press: 'Space' });
      await settle(el);
      const at = el.state!.step;
      await new Promise((r) => setTimeout(r, 900));
      expect(el.state!.step, 'paused').to.equal(at);
    });

    it('honours reduced motion (no pop animation on the newest request)', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter></ls-rate-limiter>`);
      expect($(el, '.frame')!.classList.contains('still')).to.equal(false);
      (el as unknown as { player: { reducedMotion: boolean } }).player.reducedMotion = true;
      el.requestUpdate();
      await settle(el);
      expect($(el, '.frame')!.classList.contains('still')).to.equal(true);
      const anim = getComputedStyle($(el, 'svg .new')!).animationName;
      expect(anim).to.equal('none');
    });
  });

  describe('firing requests', () => {
    it('R fires one request at the current time, B a burst of `limit`; both are recorded and fire ls-rate-limiter-request', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${{ step: 3 }}></ls-rate-limiter>`);
      const events = record<RateRequestDetail>(document, 'ls-rate-limiter-request');
      group(el).focus();
      await press(el, 'r');
      expect(events.length).to.equal(1);
      expect(events[0].detail.at).to.equal(900);
      expect(events[0].detail.count).to.equal(1);
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(Object.keys(events[0].detail.accepted)).to.deep.equal([...ALGORITHMS]);
      expect(el.model!.length).to.equal(11);
      expect(el.state!.step, 'moved to the fired request').to.equal(4);
      expect(liveText(el)).to.contain('Request 4 of 11 at 900 ms (fired)');
      await press(el, 'b');
      expect(events.length).to.equal(2);
      expect(events[1].detail.count).to.equal(5);
      expect(el.model!.length).to.equal(16);
      expect(el.exportScenario().actions).to.deep.equal([
        { type: 'burst', at: 900, count: 1 },
        { type: 'burst', at: 900, count: 5 },
      ]);
      expect(events[1].detail.accepted['sliding-log'], 'the log held 4 of 5: room for one').to.equal(1);
    expect(events[1].detail.accepted['fixed-window'], 'window 0 held 4 of 5').to.equal(1);
    });

    it('the time field and Enter fire at a typed time; an out-of-range time is refused and announced', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter></ls-rate-limiter>`);
      const events = record<RateRequestDetail>(document, 'ls-rate-limiter-request');
      $<HTMLInputElement>(el, '#at')!.focus();
      await sendKeys({ type: '1500' });
      await press(el, 'Enter');
      expect(events.map((e) => e.detail.at)).to.deep.equal([1500]);
      expect(el.state!.time).to.equal(1500);
      expect($<HTMLInputElement>(el, '#at')!.value).to.equal('');
      $<HTMLInputElement>(el, '#at')!.focus();
      await sendKeys({ type: '99999' });
      await press(el, 'Tab', 'Enter');
      expect(events.length).to.equal(1);
      expect(liveText(el)).to.contain('Cannot fire at 99,999 ms');
      expect(el.fire(2, 50)!.count).to.equal(2);
      expect(el.fire(1, -5)).to.equal(null);
    });

    it('exportScenario, set back as config, reproduces the run; Copy scenario copies it', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter traffic="bursty" seed="7" limit="3"></ls-rate-limiter>`);
      el.fire(4, 1234);
      await settle(el);
      group(el).focus();
      await press(el, 'ArrowLeft');
      const exported = JSON.parse(JSON.stringify(el.exportScenario()));
      expect(exported).to.deep.include({ limit: 3, traffic: 'bursty', seed: 7, step: el.state!.step });
      const copy = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${exported}></ls-rate-limiter>`);
      expect(copy.state).to.deep.equal(el.state);
      const r = parse(rateConfigSchema, exported);
      expect(r.ok && new RateScenario(r.value).runs).to.deep.equal(el.model!.runs);

      await withClipboard(async (clip) => {
        $$<HTMLButtonElement>(el, '.footer button')[0].click();
        expect(JSON.parse(await clip.written())).to.deep.equal(el.exportScenario());
      });
    });
  });

  describe('bad configuration', () => {
    it('names bad attributes', async () => {
      const { detail: d } = await expectLocatedError(html`<ls-rate-limiter limit="0" traffic="spiky" window="soon"></ls-rate-limiter>`, 'limit: expected an integer from 1 to 100, got 0', 'traffic: expected one of', '"soon"');
      expect(d.issues.map((i) => i.path)).to.have.members(['limit', 'window', 'traffic']);
    });

    it('locates a bad algorithm, a burst after the end and an unknown field', async () => {
      await expectLocatedError(html`<ls-rate-limiter .config=${{ algorithms: ['token-bucket', 'gcra'], limitt: 3 }}></ls-rate-limiter>`, 'algorithms[1]', 'limitt: unknown field');
      await expectLocatedError(html`<ls-rate-limiter .config=${{ actions: [{ type: 'burst', at: 2000, count: 2 }] }}></ls-rate-limiter>`, 'actions[0].at: expected a time before the end of the run (2000 ms)');
    });

    it('reports malformed inline JSON, and a later valid config replaces the error', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter><script type="application/json">{"limit": </script></ls-rate-limiter>`);
      expect(alertText(el)).to.contain('is not JSON');
      await configure(el, { limit: 2 });
      expectNoAlert(el);
      expect(el.model!.config.limit).to.equal(2);
    });
  });

  describe('accessibility and layout', () => {
    it('is axe-clean with the table open, and in dark theme', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${{ traffic: 'bursty', duration: 4000, title: 'Bursty clients' }}></ls-rate-limiter>`);
      $<HTMLDetailsElement>(el, 'details')!.open = true;
      await settle(el);
      expect($$(el, 'details tbody tr').length).to.be.greaterThan(el.model!.runs.length);
      await expectAxeClean(el);
      el.theme = 'dark';
      await settle(el);
      await expectAxeClean(el);
    });

    it('each timeline has an accessible summary; the element fits 400 px without horizontal scroll', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter></ls-rate-limiter>`);
      el.parentElement!.style.width = '400px';
      await settle(el);
      expect($(el, '[data-algo="sliding-log"] svg')!.getAttribute('aria-label')).to.equal('Sliding log: 5 of 10 requests accepted, 5 rejected; In the last 1,000 ms: 5 of 5.');
      const frame = $(el, '.frame')!;
      expect(frame.scrollWidth).to.be.at.most(frame.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(400);
    });

    it('leaves no animation frame running after removal while playing', async () => {
      const el = await fixture<LsRateLimiter>(html`<ls-rate-limiter .config=${{ step: 0 }}></ls-rate-limiter>`);
      const player = await startPlayback(el);
      expect(player.playing).to.equal(true);
      el.remove();
      expect(player.frame).to.equal(0);
    });
  });
});
