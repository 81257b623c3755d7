// Which of an output's views are on screen. In a frame of a drag, a view out of sight is not repainted:
// its repaint waits until it comes into view (or the drag settles), so a drag costs what the learner
// can see, not the whole output (the equations below the fold cost as much as everything else).
// Without IntersectionObserver (jsdom), or before the browser has said, every view counts as in view.

/** How far outside the viewport a view still counts as on screen: it is ready before it scrolls in. */
const MARGIN = '200px';

export class OnScreen {
  private readonly observer: IntersectionObserver | undefined;
  private readonly hidden = new WeakSet<Element>();
  /** The latest repaint each view out of sight is waiting for. */
  private readonly waiting = new Map<Element, () => void>();

  constructor() {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => this.seen(entries), { rootMargin: MARGIN });
  }

  watch(...views: Element[]): void {
    for (const view of views) this.observer?.observe(view);
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
    this.observer?.disconnect();
    this.waiting.clear();
  }

  private seen(entries: readonly IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting } of entries) {
      if (!isIntersecting) {
        this.hidden.add(target);
        continue;
      }
      this.hidden.delete(target);
      const repaint = this.waiting.get(target);
      this.waiting.delete(target);
      repaint?.();
    }
  }
}
