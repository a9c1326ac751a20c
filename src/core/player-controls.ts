import { LitElement, css, html, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { themeStyles } from './theme.js';
import { vizStrings, format } from './strings.js';
import { SPEEDS, type PlayerController } from './player.js';

const icon = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">${svg`<path d=${d} fill="currentColor"></path>`}</svg>`;
const ICONS = {
  start: 'M6 5h2v14H6zM20 5v14L9 12z',
  back: 'M18 5v14L7 12zM5 5h2v14H5z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 5v14l11-7zM17 5h2v14h-2z',
  end: 'M4 5v14l11-7zM16 5h2v14h-2z',
};

/**
 * The shared playback bar: start, step back, play/pause, step forward, end, a position slider and a
 * speed menu. It drives a `PlayerController`; the host element re-renders it with the player's state
 * and handles the keyboard shortcuts (Space, ←/→, Home/End) for the whole visualization.
 *
 * @csspart controls - the bar
 * @csspart button - each button
 * @csspart slider - the position slider
 */
export class LsPlayerControls extends LitElement {
  static override properties = {
    player: { attribute: false },
    position: { type: Number },
    length: { type: Number },
    playing: { type: Boolean },
    speed: { type: Number },
    label: { type: String },
    strings: { attribute: false },
    theme: { type: String, reflect: true },
  };

  declare player: PlayerController | undefined;
  declare position: number;
  declare length: number;
  declare playing: boolean;
  declare speed: number;
  /** Where we are, in words: "Change 2 of 5", "t = 1 250 ms". */
  declare label: string;
  declare strings: Record<string, string> | undefined;
  /** Follows the host element's forced theme. */
  declare theme: string | undefined;

  constructor() {
    super();
    this.position = 0;
    this.length = 0;
    this.playing = false;
    this.speed = 1;
    this.label = '';
  }

  static override styles = [
    themeStyles,
    css`
      :host {
        background: transparent;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.375rem;
      }
      button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        padding: 0.25rem;
        min-width: 36px;
        min-height: 36px;
      }
      input[type='range'] {
        flex: 1 1 120px;
        min-width: 100px;
        min-height: 32px;
        accent-color: var(--_accent);
      }
      .label {
        font-variant-numeric: tabular-nums;
        color: var(--_muted);
        font-size: 0.875em;
        min-width: 7em;
      }
      select {
        min-width: 4.5em;
      }
    `,
  ];

  private t(key: string, vars?: Record<string, string | number>): string {
    return format(this.strings?.[key] ?? (vizStrings as Record<string, string>)[key] ?? key, vars);
  }

  protected override render(): TemplateResult {
    const p = this.player;
    const atStart = this.position <= 0;
    const atEnd = this.position >= this.length;
    return html`<div class="bar" role="group" aria-label=${this.t('playback')} part="controls">
      <button part="button" aria-label=${this.t('toStart')} title=${this.t('toStart')} ?disabled=${atStart} @click=${() => (p?.pause(), p?.seek(0))}>${icon(ICONS.start)}</button>
      <button part="button" aria-label=${this.t('stepBack')} title=${this.t('stepBack')} ?disabled=${atStart} @click=${() => (p?.pause(), p?.stepBack())}>${icon(ICONS.back)}</button>
      <button part="button" class="primary" aria-label=${this.playing ? this.t('pause') : this.t('play')} title=${this.playing ? this.t('pause') : this.t('play')} ?disabled=${this.length === 0} @click=${() => p?.toggle()}>
        ${icon(this.playing ? ICONS.pause : ICONS.play)}
      </button>
      <button part="button" aria-label=${this.t('stepForward')} title=${this.t('stepForward')} ?disabled=${atEnd} @click=${() => (p?.pause(), p?.step())}>${icon(ICONS.forward)}</button>
      <button part="button" aria-label=${this.t('toEnd')} title=${this.t('toEnd')} ?disabled=${atEnd} @click=${() => (p?.pause(), p?.seek(this.length))}>${icon(ICONS.end)}</button>
      <input
        part="slider"
        type="range"
        min="0"
        max=${this.length}
        step="any"
        .value=${String(this.position)}
        aria-label=${this.t('position')}
        aria-valuetext=${this.label}
        ?disabled=${this.length === 0}
        @input=${(e: Event) => p?.seek(Number((e.target as HTMLInputElement).value))}
      />
      <span class="label" aria-hidden="true">${this.label}</span>
      <label>
        <span class="sr-only">${this.t('speed')}</span>
        <select title=${this.t('speed')} @change=${(e: Event) => p?.setSpeed(Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
        </select>
      </label>
    </div>`;
  }
}

if (!customElements.get('ls-player-controls')) customElements.define('ls-player-controls', LsPlayerControls);

declare global {
  interface HTMLElementTagNameMap {
    'ls-player-controls': LsPlayerControls;
  }
}

/** Template for a host: `${renderPlayer(this.player, label, this.strings)}`. */
export function renderPlayer(player: PlayerController, label: string, strings?: Record<string, string>, theme?: string): TemplateResult {
  return html`<ls-player-controls
    exportparts="controls: player-controls, button: player-button, slider: player-slider"
    theme=${ifDefined(theme)}
    .player=${player}
    .position=${player.position}
    .length=${player.length}
    .playing=${player.playing}
    .speed=${player.speed}
    .label=${label}
    .strings=${strings}
  ></ls-player-controls>`;
}
