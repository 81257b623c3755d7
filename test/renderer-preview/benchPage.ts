// The in-page half of bench:ui (scripts/bench-ui.mjs): times every animation frame's callbacks plus
// the layout they leave, and nudges one slider of a sample with the arrow keys.
const frames: number[] = [];

/** Wraps requestAnimationFrame so each frame's work is timed (call before the renderer draws). */
export function installFrameTimer(): void {
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    raf((time) => {
      const start = performance.now();
      callback(time);
      void document.body.offsetHeight; // the layout the frame's changes need
      frames.push(performance.now() - start);
    });
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** `rounds` key presses on the slider named `label` in sample `index`: each one's handler plus its frame, in ms. */
export async function scrubTimes(index: number, label: string, rounds: number): Promise<number[]> {
  const root = document.querySelectorAll('.sample')[index]?.querySelector('div')?.shadowRoot;
  const slider = [...(root?.querySelectorAll('.inputs [role="slider"]') ?? [])].find(
    (element) => element.getAttribute('aria-label') === label,
  );
  if (!slider) throw new Error(`no slider "${label}" in sample ${index}`);
  const times: number[] = [];
  for (let k = 0; k < rounds + 5; k++) {
    const seen = frames.length;
    const start = performance.now();
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: k % 2 ? 'ArrowDown' : 'ArrowUp', bubbles: true }));
    const handler = performance.now() - start;
    await nextFrame();
    await nextFrame();
    // The explorer's frame is the first after the key; five warm-up rounds are dropped.
    if (k >= 5) times.push(handler + (frames[seen] ?? 0));
  }
  return times;
}
