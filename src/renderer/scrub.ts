// A number you can drag: role="slider", sideways drag or arrow keys change it by a step that follows
// the last digit written (3.25 moves by 0.01; Shift ×10, Alt ÷10), Home/End go to the ends of its
// range, typing a value (or Enter) opens a small text field. The original value stays in the label.
import { html } from './dom';
import { HeldBoxes } from './heldBoxes';

export interface ScrubOptions {
  /** The value as written in the cell ("3.25"): its digits set the step. */
  text: string;
  /** The exact value, when `text` shows it rounded (a weight read from a file); else Number(text). */
  value?: number;
  /** What a screen reader says: "forget gate, short-term weight wh". */
  label: string;
  /** Called on every change (drag frame, key press, typed value). */
  onChange: (value: number) => void;
  /** Called when a drag or a burst of keys ends. */
  onSettle?: () => void;
}

/** Pixels of sideways drag per step. */
const PIXELS_PER_STEP = 4;

/** Half a unit of the last digit, doubled: "3.25" → 0.01, "5" → 1, "1.5e-05" → 1e-06. */
function stepOf(text: string): number {
  const match = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const decimals = match?.[1]?.length ?? 0;
  const exponent = match?.[2] ? Number(match[2]) : 0;
  return 10 ** (exponent - decimals);
}

/** The range Home and End reach: ±10 around 0, or ±2× the value when it is larger. */
function rangeOf(value: number): [number, number] {
  const reach = Math.max(10, 2 * Math.abs(value));
  return [-reach, reach];
}

/** Decimals a step needs (0.01 → 2), so 3.25 + 0.01 shows as 3.26, not 3.2600000000000002. */
function decimalsOf(step: number): number {
  return Math.max(0, Math.min(20, Math.round(-Math.log10(step))));
}

export class ScrubControl {
  readonly element: HTMLElement;
  readonly original: number;
  private value: number;
  private readonly step: number;
  private readonly range: [number, number];
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly handles = new Set<HTMLElement>();
  /** In a key burst or a drag, after its first change: the value's box is held (see ./heldBoxes). */
  private moving = false;
  private readonly boxes = new HeldBoxes();

  constructor(private readonly options: ScrubOptions) {
    this.original = options.value ?? Number(options.text);
    this.value = this.original;
    this.step = stepOf(options.text);
    this.range = rangeOf(this.original);
    this.element = html('span', { class: 'scrub' });
    this.wire(this.element);
    this.show();
  }

  /**
   * Makes another element (a number in an equation) a second handle of this control: same role,
   * label and keys, and it drags the same value. Handles that leave the document are forgotten.
   */
  attach(element: HTMLElement): void {
    element.classList.add('scrub', 'scrub-handle');
    this.wire(element);
    this.handles.add(element);
    this.showOn(element);
  }

  private wire(element: HTMLElement): void {
    const attributes = {
      role: 'slider',
      tabindex: '0',
      'aria-label': this.options.label,
      'aria-valuemin': String(this.range[0]),
      'aria-valuemax': String(this.range[1]),
      title: `${this.options.label}: drag sideways, or use the arrow keys (Shift ×10, Alt ÷10); type to enter a value`,
    };
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.addEventListener('keydown', (event) => this.onKey(event, element));
    element.addEventListener('pointerdown', (event) => this.onPointerDown(event, element));
  }

  get current(): number {
    return this.value;
  }

  get changed(): boolean {
    return this.value !== this.original;
  }

  /** Sets the value (clamped to finite numbers) and tells the owner. */
  set(value: number, settle = true): void {
    if (!Number.isFinite(value) || value === this.value) return;
    this.value = value;
    this.show();
    this.moving = true;
    this.options.onChange(value);
    if (settle) this.settleSoon();
  }

  reset(): void {
    this.set(this.original);
  }

  /** The value as text: the written text while unchanged, else with the digits its step needs. */
  text(): string {
    // 12 significant digits drop float noise; the value itself was rounded to its step already.
    return this.changed ? String(Number(this.value.toPrecision(12))) : this.options.text;
  }

  private show(): void {
    const text = this.text();
    const node = this.element.firstChild;
    if (this.moving && node instanceof Text && this.element.childNodes.length === 1) {
      this.boxes.hold([node]);
      this.boxes.write(node, text);
    } else this.element.textContent = text;
    this.showOn(this.element);
    for (const handle of this.handles) {
      if (handle.isConnected) this.showOn(handle);
      else this.handles.delete(handle);
    }
  }

  private showOn(element: HTMLElement): void {
    const text = this.text();
    element.setAttribute('aria-valuenow', String(this.value));
    element.setAttribute('aria-valuetext', this.changed ? `${text}, was ${this.options.text}` : text);
    element.classList.toggle('changed', this.changed);
  }

  /** `steps` steps of `size` from the current value, rounded to the step's digits. */
  private nudge(steps: number, size: number): void {
    const next = this.value + steps * size;
    this.set(Number(next.toFixed(decimalsOf(Math.min(size, this.step)))));
  }

  private onKey(event: KeyboardEvent, element: HTMLElement): void {
    const size = this.step * (event.shiftKey ? 10 : 1) * (event.altKey ? 0.1 : 1);
    const keys: Record<string, () => void> = {
      ArrowUp: () => this.nudge(1, size),
      ArrowRight: () => this.nudge(1, size),
      ArrowDown: () => this.nudge(-1, size),
      ArrowLeft: () => this.nudge(-1, size),
      PageUp: () => this.nudge(10, size),
      PageDown: () => this.nudge(-10, size),
      Home: () => this.set(this.range[0]),
      End: () => this.set(this.range[1]),
      Enter: () => this.edit('', element),
      Escape: () => this.reset(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    } else if (/^[-+.0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.edit(event.key, element);
    }
  }

  /** Replaces the control with a text field until Enter (apply), Escape or leaving it (cancel). */
  private edit(initial: string, element: HTMLElement): void {
    const input = html('input', {
      class: 'scrub-input',
      type: 'text',
      inputmode: 'decimal',
      'aria-label': `${this.options.label}: type a number, Enter to apply, Escape to cancel`,
      size: 8,
    });
    input.value = initial || this.text();
    let done = false;
    const finish = (apply: boolean): void => {
      if (done) return;
      done = true;
      const typed = Number(input.value.trim());
      if (input.isConnected) input.replaceWith(element);
      element.focus();
      if (apply && input.value.trim() !== '' && Number.isFinite(typed)) this.set(typed);
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === 'Escape') {
        event.preventDefault();
        finish(event.key === 'Enter');
      }
      event.stopPropagation();
    });
    input.addEventListener('blur', () => finish(false));
    element.replaceWith(input);
    input.focus();
    if (!initial) input.select();
  }

  /** Drags follow the pointer over the whole document: an equation's handle is redrawn while it moves. */
  private onPointerDown(event: PointerEvent, element: HTMLElement): void {
    if (event.button !== 0) return;
    event.preventDefault();
    element.focus();
    const start = { x: event.clientX, value: this.value };
    const target = element.ownerDocument;
    this.element.classList.add('dragging');
    const move = (moved: PointerEvent): void => {
      const size = this.step * (moved.shiftKey ? 10 : 1) * (moved.altKey ? 0.1 : 1);
      const steps = Math.round((moved.clientX - start.x) / PIXELS_PER_STEP);
      const next = start.value + steps * size;
      this.set(Number(next.toFixed(decimalsOf(Math.min(size, this.step)))), false);
    };
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      this.element.classList.remove('dragging');
      this.settle();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  }

  /** A burst of key presses settles 400 ms after the last one; a control no longer on the page has nothing to settle. */
  private settleSoon(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      const onPage = this.element.isConnected || [...this.handles].some((handle) => handle.isConnected);
      if (onPage) this.settle();
    }, 400);
  }

  private settle(): void {
    this.moving = false;
    this.boxes.releaseAll();
    this.options.onSettle?.();
  }
}
