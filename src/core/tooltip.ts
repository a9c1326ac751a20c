import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * One tooltip per element, positioned with @floating-ui/dom. Views call `show(anchor, text)` on
 * pointerenter/focus and `hide()` on pointerleave/blur; Escape dismisses it (WCAG 1.4.13). The
 * text is plain text. Place `tooltip.render()` inside a positioned container of the shadow root.
 *
 * @floating-ui/dom is imported on the first `show()`, not with the element: pointer and focus
 * tooltips are an enhancement (the same facts are in the table view), so the ≈ 6 KiB gzip of
 * positioning code is fetched only by readers who hover.
 */
let floating: Promise<typeof import('@floating-ui/dom')> | undefined;
const loadFloating = () => (floating ??= import('@floating-ui/dom'));

export class TooltipController implements ReactiveController {
  text = '';
  open = false;
  /** False until the first position is computed, so the tooltip never flashes at the corner. */
  private placed = false;
  private anchor?: Element;
  private host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey);
    this.open = false;
    this.anchor = undefined;
  }

  show(anchor: Element, text: string): void {
    if (anchor !== this.anchor) this.placed = false;
    this.anchor = anchor;
    this.text = text;
    this.open = true;
    this.host.requestUpdate();
    void this.place();
  }

  hide(anchor?: Element): void {
    if (anchor && anchor !== this.anchor) return;
    if (!this.open) return;
    this.open = false;
    this.anchor = undefined;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="ls-tooltip ${this.placed ? '' : 'unplaced'}" role="tooltip" id="ls-tooltip" part="tooltip" ?hidden=${!this.open}>${this.text}</div>`;
  }

  private async place(): Promise<void> {
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const { computePosition, flip, offset, shift } = await loadFloating();
    const tip = this.host.shadowRoot?.getElementById('ls-tooltip');
    const anchor = this.anchor;
    if (!tip || !anchor || !this.open) return;
    const { x, y } = await computePosition(anchor, tip, {
      placement: 'top',
      strategy: 'absolute',
      middleware: [offset(8), flip(), shift({ padding: 4 })],
    });
    if (anchor !== this.anchor) return;
    Object.assign(tip.style, { left: `${x}px`, top: `${y}px` });
    if (!this.placed) {
      this.placed = true;
      this.host.requestUpdate();
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.open) {
      this.hide();
      e.stopPropagation();
    }
  };
}
