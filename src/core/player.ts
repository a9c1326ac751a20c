import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The player every animated element shares: play, pause, step, step back, seek and speed over a
 * timeline the element describes. The controller owns only *where we are*; the element's model
 * computes the state at that position, so stepping back or seeking never replays side effects.
 *
 * - Discrete timelines (a list of changes, a quiz walkthrough): positions 0…length, `play` advances
 *   one stop every `interval / speed` ms.
 * - Continuous timelines (simulated milliseconds): `play` advances `rate × speed` units per real
 *   millisecond; `step`/`stepBack` jump to the element's next/previous event via `nextStop`/`prevStop`.
 *
 * It pauses while the element is off-screen or the tab is hidden and resumes after; honours
 * `prefers-reduced-motion` (exposed as `reducedMotion` so views skip tweening); and leaves no
 * animation frame, observer or listener behind after `hostDisconnected`.
 */
export interface PlayerOptions {
  /** The last position (inclusive); positions run from 0. */
  length: () => number;
  /** `discrete` (default) or `continuous`. */
  mode?: 'discrete' | 'continuous';
  /** Discrete: real ms between stops at 1×. Default 1200. */
  interval?: number;
  /** Continuous: timeline units per real ms at 1×. Default 1. */
  rate?: number;
  /** Continuous: the next stop after `pos` (default pos + 1). */
  nextStop?: (pos: number) => number;
  /** Continuous: the previous stop before `pos` (default pos − 1). */
  prevStop?: (pos: number) => number;
  /** Called after every position change, with the previous position. */
  onSeek?: (position: number, previous: number) => void;
}

export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;

type Host = ReactiveControllerHost & HTMLElement;

export class PlayerController implements ReactiveController {
  position = 0;
  playing = false;
  speed = 1;
  reducedMotion = false;
  /** True while playing but held because the element is off-screen or the tab is hidden. */
  suspended = false;

  private host: Host;
  private opts: PlayerOptions;
  private frame = 0;
  private last = 0;
  private acc = 0;
  private onScreen = true;
  private observer?: IntersectionObserver;
  private motionQuery?: MediaQueryList;

  constructor(host: Host, opts: PlayerOptions) {
    this.host = host;
    this.opts = opts;
    host.addController(this);
  }

  get length(): number {
    return Math.max(0, this.opts.length());
  }

  get atEnd(): boolean {
    return this.position >= this.length;
  }

  hostConnected(): void {
    if (typeof matchMedia === 'function') {
      this.motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
      this.reducedMotion = this.motionQuery.matches;
      this.motionQuery.addEventListener('change', this.onMotion);
    }
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        this.onScreen = entries[entries.length - 1]?.isIntersecting ?? true;
        this.sync();
      });
      this.observer.observe(this.host);
    }
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.stopLoop();
    this.observer?.disconnect();
    this.observer = undefined;
    this.motionQuery?.removeEventListener('change', this.onMotion);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  play(): void {
    if (this.atEnd) this.seek(0);
    if (this.length === 0) return;
    this.playing = true;
    this.sync();
    this.host.requestUpdate();
  }

  pause(): void {
    this.playing = false;
    this.sync();
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  step(): void {
    const next = this.opts.mode === 'continuous' ? (this.opts.nextStop?.(this.position) ?? this.position + 1) : Math.floor(this.position) + 1;
    this.seek(next);
  }

  stepBack(): void {
    const prev = this.opts.mode === 'continuous' ? (this.opts.prevStop?.(this.position) ?? this.position - 1) : Math.ceil(this.position) - 1;
    this.seek(prev);
  }

  /** Move to `pos` (clamped to 0…length). */
  seek(pos: number): void {
    const clamped = Math.min(this.length, Math.max(0, Number.isFinite(pos) ? pos : 0));
    const target = this.opts.mode === 'continuous' ? clamped : Math.round(clamped);
    if (target === this.position) return;
    const previous = this.position;
    this.position = target;
    if (this.atEnd && this.playing) {
      this.playing = false;
      this.sync();
    }
    this.opts.onSeek?.(this.position, previous);
    this.host.requestUpdate();
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(4, Math.max(0.25, Number.isFinite(speed) ? speed : 1));
    this.host.requestUpdate();
  }

  /** Tell the player the timeline changed length (e.g. a new action was recorded). */
  refresh(): void {
    if (this.position > this.length) this.seek(this.length);
    this.host.requestUpdate();
  }

  /**
   * Keyboard: Space play/pause, ←/→ step, Home/End. Returns true when the key was handled.
   * Keys typed into fields, and Space/Enter on buttons (which click them), are left alone.
   */
  handleKey(e: KeyboardEvent): boolean {
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable) return false;
    const onButton = tag === 'BUTTON' || target?.getAttribute?.('role') === 'button';
    switch (e.key) {
      case ' ':
      case 'Spacebar':
        if (onButton) return false;
        this.toggle();
        break;
      case 'ArrowRight':
        this.pause();
        this.step();
        break;
      case 'ArrowLeft':
        this.pause();
        this.stepBack();
        break;
      case 'Home':
        this.pause();
        this.seek(0);
        break;
      case 'End':
        this.pause();
        this.seek(this.length);
        break;
      default:
        return false;
    }
    e.preventDefault();
    return true;
  }

  /** Bound keydown listener for templates: `@keydown=${player.onKeydown}`. */
  readonly onKeydown = (e: KeyboardEvent): void => {
    this.handleKey(e);
  };

  private readonly onMotion = (): void => {
    this.reducedMotion = !!this.motionQuery?.matches;
    this.host.requestUpdate();
  };

  private readonly onVisibility = (): void => this.sync();

  /** Start or stop the frame loop to match playing / on-screen / tab-visible. */
  private sync(): void {
    const visible = this.onScreen && document.visibilityState !== 'hidden';
    const shouldRun = this.playing && visible && this.host.isConnected;
    this.suspended = this.playing && !visible;
    if (shouldRun && !this.frame) {
      this.last = performance.now();
      this.acc = 0;
      this.frame = requestAnimationFrame(this.tick);
    } else if (!shouldRun) {
      this.stopLoop();
    }
  }

  private stopLoop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private readonly tick = (now: number): void => {
    this.frame = 0;
    if (!this.playing) return;
    const dt = Math.min(250, Math.max(0, now - this.last));
    this.last = now;
    if (this.opts.mode === 'continuous') {
      this.seek(this.position + dt * this.speed * (this.opts.rate ?? 1));
    } else {
      this.acc += dt * this.speed;
      if (this.acc >= (this.opts.interval ?? 1200)) {
        this.acc = 0;
        this.step();
      }
    }
    if (this.playing) this.frame = requestAnimationFrame(this.tick);
  };
}
