import { expect } from 'chai';
import { LitElement, html } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { PlayerController } from '../../src/core/player.js';
import { renderPlayer } from '../../src/core/player-controls.js';
import { themeStyles } from '../../src/core/theme.js';
import { cleanup, expectAxeClean, fixture, settle, until } from './helpers.js';

/** A minimal host: a continuous timeline of 1000 units with events every 100. */
class TestPlayerHost extends LitElement {
  static override styles = [themeStyles];
  seeks: number[] = [];
  readonly player = new PlayerController(this, {
    mode: 'continuous',
    length: () => 1000,
    rate: 1,
    nextStop: (p) => Math.floor(p / 100) * 100 + 100,
    prevStop: (p) => Math.ceil(p / 100) * 100 - 100,
    onSeek: (p) => this.seeks.push(p),
  });
  protected override render() {
    return html`<div tabindex="0" id="area" @keydown=${this.player.onKeydown}>area</div>${renderPlayer(this.player, `t = ${Math.round(this.player.position)}`)}`;
  }
}
customElements.define('test-player-host', TestPlayerHost);

const controls = (el: TestPlayerHost) => el.shadowRoot!.querySelector('ls-player-controls')!;
const button = (el: TestPlayerHost, label: string) =>
  controls(el).shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

describe('PlayerController and <ls-player-controls>', () => {
  afterEach(async () => {
    cleanup();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('steps to the next and previous events with the arrow keys, Home and End', async () => {
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    el.shadowRoot!.getElementById('area')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.player.position).to.equal(200);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.player.position).to.equal(100);
    await sendKeys({ press: 'End' });
    expect(el.player.position).to.equal(1000);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.player.position, 'clamped at the end').to.equal(1000);
    await sendKeys({ press: 'Home' });
    expect(el.player.position).to.equal(0);
    expect(el.seeks).to.deep.equal([100, 200, 100, 1000, 0]);
  });

  it('plays forward in time at the chosen speed and stops at the end', async () => {
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    el.player.setSpeed(4);
    el.player.play();
    await until(() => el.player.position > 0, 'time to advance');
    await until(() => !el.player.playing, 'the end', 1200);
    expect(el.player.position).to.equal(1000);
  });

  it('clamps speed to 0.25×–4× and the controls drive the player', async () => {
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    el.player.setSpeed(10);
    expect(el.player.speed).to.equal(4);
    el.player.setSpeed(0.01);
    expect(el.player.speed).to.equal(0.25);
    await settle(el);
    expect(button(el, 'Step back').disabled, 'nothing before the start').to.equal(true);
    button(el, 'Step forward').click();
    await settle(el);
    expect(el.player.position).to.equal(100);
    const select = controls(el).shadowRoot!.querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    expect(el.player.speed).to.equal(2);
    const range = controls(el).shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    range.value = '640';
    range.dispatchEvent(new Event('input'));
    expect(el.player.position).to.equal(640);
    await settle(el);
    expect(range.getAttribute('aria-valuetext')).to.equal('t = 640');
    await expectAxeClean(el);
  });

  it('Space on a focused control button clicks it instead of toggling twice', async () => {
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    el.shadowRoot!.getElementById('area')!.addEventListener('keydown', () => {});
    button(el, 'Step forward').focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.player.position).to.equal(100);
    expect(el.player.playing).to.equal(false);
  });

  it('reports prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    expect(el.player.reducedMotion).to.equal(true);
    await emulateMedia({ reducedMotion: 'no-preference' });
    await until(() => !el.player.reducedMotion, 'the change to be seen');
  });

  it('holds playback while off-screen or the tab is hidden, and resumes after', async () => {
    const el = await fixture<TestPlayerHost>(html`<test-player-host></test-player-host>`);
    el.player.setSpeed(0.25);
    el.player.play();
    el.style.position = 'absolute';
    el.style.top = '20000px';
    await until(() => el.player.suspended, 'suspension off-screen');
    const held = el.player.position;
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.player.position, 'no progress while off-screen').to.equal(held);
    expect(el.player.playing, 'still "playing" for the user').to.equal(true);
    el.style.top = '0';
    await until(() => !el.player.suspended && el.player.position > held, 'resume on screen');

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.player.suspended).to.equal(true);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.player.suspended).to.equal(false);
    el.player.pause();
  });
});
