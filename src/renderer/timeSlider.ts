// The "Time step" slider: chooses which of the cell's steps the diagram, equations and curves show.
// Arrows, Page keys, Home/End; a play button at 4 steps per second, off under prefers-reduced-motion.
import { html, update } from './dom';

export interface TimeSlider {
  element: HTMLElement;
  /** Index into the payload's steps. */
  readonly index: number;
  /** Moves the thumb without telling the owner (a repaint from elsewhere). */
  show(index: number, stepTs: readonly number[]): void;
  dispose(): void;
}

const PLAY_INTERVAL_MS = 250;

export function timeSlider(stepTs: readonly number[], initial: number, onPick: (index: number) => void): TimeSlider {
  let ts = stepTs;
  let index = initial;
  let timer: ReturnType<typeof setInterval> | undefined;
  const thumb = html('span', { class: 'time-thumb' });
  const track = html('span', { class: 'time-track' }, thumb);
  const slider = html('span', { class: 'time-slider', role: 'slider', tabindex: 0, 'aria-label': 'Time step' }, track);
  const readout = html('span', { class: 'time-readout', 'aria-hidden': 'true' });
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const play = html('button', { type: 'button', class: 'play', 'aria-label': 'Play the steps' }, '▶');
  if (reduced) {
    play.disabled = true;
    play.title = 'Playing is off because your system asks for reduced motion; use the arrow keys.';
  }

  const draw = (): void => {
    update(slider, {
      'aria-valuemin': ts[0],
      'aria-valuemax': ts[ts.length - 1],
      'aria-valuenow': ts[index],
      'aria-valuetext': `step ${ts[index]} of ${ts[ts.length - 1]}`,
    });
    const left = `${(index / Math.max(1, ts.length - 1)) * 100}%`;
    if (thumb.style.left !== left) thumb.style.left = left;
    update(readout, {}, `t = ${ts[index]}`);
  };
  const pick = (next: number): void => {
    const clamped = Math.max(0, Math.min(ts.length - 1, next));
    if (clamped === index) return;
    index = clamped;
    draw();
    onPick(index);
  };
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = '▶';
    play.setAttribute('aria-label', 'Play the steps');
  };
  play.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    if (index === ts.length - 1) pick(0);
    play.textContent = '⏸';
    play.setAttribute('aria-label', 'Pause');
    // Stops as the last step shows, not one tick later, so the button says Play again at once.
    timer = setInterval(() => {
      pick(index + 1);
      if (index >= ts.length - 1) stop();
    }, PLAY_INTERVAL_MS);
  });
  slider.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowUp: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index - 1,
      PageUp: index + 10,
      PageDown: index - 10,
      Home: 0,
      End: ts.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    pick(moves[event.key]);
  });
  const fromPointer = (event: PointerEvent): void => {
    const box = track.getBoundingClientRect();
    if (box.width > 0) pick(Math.round(((event.clientX - box.left) / box.width) * (ts.length - 1)));
  };
  slider.addEventListener('pointerdown', (event) => {
    slider.focus();
    slider.setPointerCapture?.(event.pointerId);
    fromPointer(event);
    const move = (moved: PointerEvent): void => fromPointer(moved);
    const up = (): void => {
      slider.removeEventListener('pointermove', move);
      slider.removeEventListener('pointerup', up);
    };
    slider.addEventListener('pointermove', move);
    slider.addEventListener('pointerup', up);
  });
  draw();
  const element = html(
    'div',
    { class: 'time' },
    html('span', { class: 'time-label' }, 'Time step'),
    play,
    slider,
    readout,
  );
  return {
    element,
    get index() {
      return index;
    },
    show(next, nextTs) {
      ts = nextTs;
      index = Math.max(0, Math.min(ts.length - 1, next));
      draw();
    },
    dispose: stop,
  };
}
