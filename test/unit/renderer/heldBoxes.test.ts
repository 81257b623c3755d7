// @vitest-environment jsdom
// A number held mid-drag (src/renderer/heldBoxes.ts): its box keeps the size it was measured at, a text
// that may be wider lets go of it, and letting go gives the element back its own style attribute. jsdom
// has no layout, so sizes are stubbed here; the Chromium tests check where held numbers are drawn.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldBoxes } from '../../../src/renderer/heldBoxes';

/** A number's span in a line, as KaTeX writes it; its box 24 × 16 px, its baseline 12 px down. */
function number(digits: string, style?: string): { text: Text; span: HTMLElement } {
  const line = document.createElement('p');
  const span = document.createElement('span');
  if (style !== undefined) span.setAttribute('style', style);
  const text = document.createTextNode(digits);
  span.append(text);
  line.append(span);
  document.body.append(line);
  return { text, span };
}

/** Stubs the layout jsdom lacks; returns the getComputedStyle spy (a line's measuring reads it). */
function stubLayout(): { calls: () => number } {
  const rect = (top: number, bottom: number, width: number): DOMRect =>
    ({ top, bottom, left: 0, right: width, width, height: bottom - top, x: 0, y: top }) as DOMRect;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    // The probe (an empty inline-block) sits on the baseline.
    return this.childNodes.length === 0 ? rect(12, 12, 0) : rect(0, 16, 24);
  });
  // jsdom computes no vertical-align; a browser says baseline for KaTeX's number spans.
  const computed = window.getComputedStyle.bind(window);
  const styles = vi.spyOn(window, 'getComputedStyle').mockImplementation((element) => {
    const style = computed(element);
    return new Proxy(style, {
      get: (target, key): unknown =>
        key === 'verticalAlign' ? 'baseline' : key === 'display' ? 'inline' : Reflect.get(target, key),
    });
  });
  vi.spyOn(document, 'createRange').mockImplementation(
    () => ({ selectNodeContents: () => undefined, getBoundingClientRect: () => rect(1, 15, 22) }) as unknown as Range,
  );
  return { calls: () => styles.mock.calls.length };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('a number held in its box for a drag', () => {
  it('keeps its measured size, on its baseline, and lays out alone', () => {
    stubLayout();
    const { text, span } = number('0.378');
    const boxes = new HeldBoxes();
    boxes.hold([text]);
    const style = span.style;
    expect([style.width, style.height, style.lineHeight, style.verticalAlign]).toEqual([
      '24px',
      '16px',
      '16px',
      '-4px',
    ]);
    expect(style.contain).toBe('size layout');
    expect(style.display).toBe('inline-block');
    // No probe is left behind.
    expect(span.childNodes.length).toBe(1);
  });

  it('takes a text as wide or narrower in the same box, and lets go for a wider one', () => {
    stubLayout();
    const { text, span } = number('0.378');
    const boxes = new HeldBoxes();
    boxes.hold([text]);
    boxes.write(text, '0.354');
    boxes.write(text, '0.25');
    expect(text.data).toBe('0.25');
    expect(boxes.size).toBe(1);
    boxes.write(text, '0.0989');
    expect(text.data).toBe('0.0989');
    expect(boxes.size).toBe(0);
    expect(span.hasAttribute('style')).toBe(false);
  });

  it('holds a box let go again at its new width, its line not measured again until the next drag', () => {
    const layout = stubLayout();
    const { text, span } = number('0.76');
    const boxes = new HeldBoxes();
    boxes.hold([text]);
    boxes.write(text, '0.772');
    expect(boxes.size).toBe(0);
    const measured = layout.calls();
    boxes.hold([text]);
    expect(boxes.size).toBe(1);
    expect([span.style.width, span.style.verticalAlign]).toEqual(['24px', '-4px']);
    expect(layout.calls()).toBe(measured);
    boxes.releaseAll();
    boxes.hold([text]);
    expect(layout.calls()).toBe(measured + 1);
  });

  it('gives an element its own style back when the drag ends', () => {
    stubLayout();
    const { text, span } = number('1.63', 'color: red;');
    const boxes = new HeldBoxes();
    boxes.hold([text]);
    expect(span.style.contain).toBe('size layout');
    boxes.releaseAll();
    expect(span.getAttribute('style')).toBe('color: red;');
    expect(boxes.size).toBe(0);
  });

  it('holds nothing without layout, nor a parent holding more than the number', () => {
    const alone = number('0.5');
    const boxes = new HeldBoxes();
    boxes.hold([alone.text]);
    expect(boxes.size).toBe(0);
    stubLayout();
    const shared = number('0.5');
    shared.span.append(document.createElement('span'));
    boxes.hold([shared.text]);
    expect(boxes.size).toBe(0);
    expect(shared.span.hasAttribute('style')).toBe(false);
  });
});
