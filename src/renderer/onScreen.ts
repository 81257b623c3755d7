// Which of an output's views are on screen. In a frame of a drag, a view out of sight is not repainted:
// its repaint waits until it comes into view (or the drag settles), so a drag costs what the learner
// can see, not the whole output (the equations below the fold cost as much as everything else).
// While a drag lasts, the browser also skips laying out and painting those views: the page's unchanged
// boxes cost layout and paint in every frame all the same (about half of a frame's paint in lesson 5).
// Without IntersectionObserver (jsdom), or before the browser has said, every view counts as in view.

/** How far outside the viewport a view still counts as on screen: it is ready before it scrolls in. */
const MARGIN = '200px';

/** Every output's views on this page (the notebook's outputs share one document): a drag in one skips the others' too. */
const everyOutput = new Set<OnScreen>();

export class OnScreen {
  private readonly observer: IntersectionObserver | undefined;
  private readonly views: HTMLElement[] = [];
  private readonly hidden = new WeakSet<Element>();
  /** The views the browser skips until the drag ends. */
  private readonly skipped = new Set<HTMLElement>();
  /** The latest repaint each view out of sight is waiting for. */
  private readonly waiting = new Map<Element, () => void>();

  constructor() {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => this.seen(entries), { rootMargin: MARGIN });
    everyOutput.add(this);
  }

  watch(...views: HTMLElement[]): void {
    this.views.push(...views);
    for (const view of views) this.observer?.observe(view);
  }

  /**
   * In a drag, the browser skips the views out of sight, of every output on the page
   * (`content-visibility: hidden`; `auto` would still draw those within one and a half screens), each
   * keeping the size it has, so nothing on the page moves. One is drawn again as it comes within the
   * margin, and all of them out of a drag. A view that holds the focus is never skipped: the keys go
   * on reaching it.
   */
  static skipOutOfSight(dragging: boolean): void {
    for (const screen of everyOutput) {
      if (dragging) screen.skip();
      else screen.showAll();
    }
  }

  private skip(): void {
    const views = this.views.filter((view) => this.hidden.has(view) && !this.skipped.has(view) && !holdsFocus(view));
    // All sizes read before any is written: one layout.
    const sizes = views.map(contentSize);
    views.forEach((view, k) => {
      view.style.containIntrinsicSize = sizes[k] ?? '';
      view.style.contentVisibility = 'hidden';
      this.skipped.add(view);
    });
  }

  private showAll(): void {
    for (const view of this.skipped) show(view);
    this.skipped.clear();
  }

  /** Repaints `view` now if it is on screen, otherwise once it comes into view (the latest repaint only). */
  whenSeen(view: Element, repaint: () => void): void {
    if (!this.hidden.has(view)) {
      this.waiting.delete(view);
      repaint();
    } else this.waiting.set(view, repaint);
  }

  /** Repaints `view` now, on screen or not; a repaint it was waiting for is dropped (this one is newer). */
  now(view: Element, repaint: () => void): void {
    this.waiting.delete(view);
    repaint();
  }

  dispose(): void {
    everyOutput.delete(this);
    this.observer?.disconnect();
    this.waiting.clear();
    this.showAll();
  }

  private seen(entries: readonly IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      if (!isIntersecting) {
        this.hidden.add(target);
        continue;
      }
      this.hidden.delete(target);
      if (target instanceof HTMLElement && this.skipped.delete(target)) show(target);
      const repaint = this.waiting.get(target);
      this.waiting.delete(target);
      repaint?.();
    }
  }
}

function show(view: HTMLElement): void {
  view.style.removeProperty('content-visibility');
  view.style.removeProperty('contain-intrinsic-size');
}

function holdsFocus(view: HTMLElement): boolean {
  const root = view.getRootNode();
  const active = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
  return active !== null && view.contains(active);
}

/** The size of `view`'s content box, as `contain-intrinsic-size` takes it (padding and borders are added to it). */
function contentSize(view: HTMLElement): string {
  const style = getComputedStyle(view);
  const rect = view.getBoundingClientRect();
  const px = (...names: string[]): number =>
    names.reduce((sum, name) => sum + (parseFloat(style.getPropertyValue(name)) || 0), 0);
  const width = rect.width - px('padding-left', 'padding-right', 'border-left-width', 'border-right-width');
  const height = rect.height - px('padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width');
  return `${Math.max(0, width)}px ${Math.max(0, height)}px`;
}
