// The in-page half of bench:ui (scripts/bench-ui.mjs): times every animation frame from its callbacks
// to the end of the style, layout and paint they cause, and nudges one slider of a sample with the
// arrow keys.

/** A frame: its callbacks' script time, and the time until its rendering was done. */
interface Frame {
  script: number;
  total: number;
}

const frames: Array<Frame | undefined> = [];

/**
 * Wraps requestAnimationFrame so each frame is timed (call before the renderer draws), from its first
 * callback to the end of the style, layout and paint they cause. The end is a message posted once per
 * frame: it runs as the next task, after the browser has restyled, laid out and painted the frame. One
 * channel serves all frames: one made and posted on for each callback cost about 0.2 ms of the median
 * frame (the harness's time, not the renderer's).
 */
export function installFrameTimer(): void {
  const raf = window.requestAnimationFrame.bind(window);
  const channel = new MessageChannel();
  /** The frame being drawn: its rAF time, start, and its callbacks' script time so far. */
  let open: { time: number; start: number; script: number; slot: number } | undefined;
  const drawing = new Map<number, { start: number; script: number }>();
  // The message names its frame: on a busy machine the browser may draw the next frame before it arrives.
  channel.port1.onmessage = ({ data: slot }: MessageEvent<number>) => {
    const frame = drawing.get(slot);
    drawing.delete(slot);
    if (frame) frames[slot] = { script: frame.script, total: performance.now() - frame.start };
  };
  window.requestAnimationFrame = (callback) =>
    raf((time) => {
      const start = performance.now();
      if (open?.time !== time) {
        open = { time, start, script: 0, slot: frames.push(undefined) - 1 };
        drawing.set(open.slot, open);
        channel.port2.postMessage(open.slot);
      }
      const frame = open;
      callback(time);
      frame.script += performance.now() - start;
    });
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `rounds` key presses on the slider named `label` in sample `index`, with that slider in view (or,
 * given `view`, the element of the output it selects; the keys still go to the focused slider). Each
 * one's time is its key handler plus the explorer's frame (recompute, repaint, and the style, layout
 * and paint they force); `script` is the script part of it. In ms; five warm-up rounds are dropped.
 */
export async function scrubTimes(
  index: number,
  label: string,
  rounds: number,
  view?: string,
): Promise<{ times: number[]; script: number[] }> {
  const root = document.querySelectorAll('.sample')[index]?.querySelector('div')?.shadowRoot;
  const slider = [...(root?.querySelectorAll('.inputs [role="slider"]') ?? [])].find(
    (element) => element.getAttribute('aria-label') === label,
  );
  if (!slider) throw new Error(`no slider "${label}" in sample ${index}`);
  // Focused, and in view as under a learner's hand: the browser and the renderer skip work for what is out of view.
  (slider as HTMLElement).focus({ preventScroll: true });
  (view ? root?.querySelector(view) : slider)?.scrollIntoView({ block: 'center' });
  await nextFrame();
  const times: number[] = [];
  const script: number[] = [];
  for (let k = 0; k < rounds + 5; k++) {
    const seen = frames.length;
    const start = performance.now();
    // As a hand drags: 20 steps one way, then 20 back (a number that flips between changed and
    // unchanged every frame restyles the output every frame, which a drag does once).
    const key = Math.floor(k / 20) % 2 ? 'ArrowDown' : 'ArrowUp';
    slider.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const handler = performance.now() - start;
    await nextFrame();
    await nextFrame();
    await nextTask();
    // The explorer's frame is the first after the key.
    const frame = frames[seen];
    if (!frame) throw new Error('the frame after a key press was not timed');
    if (k >= 5) {
      times.push(handler + frame.total);
      script.push(handler + frame.script);
    }
  }
  return { times, script };
}
