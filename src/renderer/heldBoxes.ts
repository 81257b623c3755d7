// A number a drag changes keeps the box it had before its first change: a fixed size
// with size and layout containment, so the browser lays out that box alone, not what holds it. A digit
// changed inside KaTeX's nested inline tables otherwise lays out the equation around it again (about
// 1 ms per equation per frame in lesson 5). It pays only when every text a frame changes is in such a
// box: one change elsewhere has the browser lay out the page from its root, held boxes' ancestors too.
// A text that may not fit lets go of its box (the layout around it follows for that frame) and is held
// again at its new width in the next; the drag's end lets go of all.

interface Held {
  /** The text the box was measured with. */
  text: string;
  /** The element's own style attribute, given back when the box lets go. */
  style: string | null;
}

/** How an element sits on its line, measured once a drag (its font is the same all drag long). */
interface Fit {
  inline: boolean;
  height: number;
  /** The vertical-align that puts the held box's text where it was drawn, in px. */
  lift: number;
}

/** Widths of characters relative to a digit, rounded up (digits are tabular in KaTeX's and our fonts). */
const DOT = 0.56;
const OTHER = 1.6;

/** How wide `text` is, in digits: what decides whether it fits in a box measured with another text. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += /\d/.test(char) ? 1 : char === '.' || char === ',' ? DOT : OTHER;
  return width;
}

/** The top of the glyphs of an element's text. */
function textTop(element: HTMLElement): number {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect().top;
}

export class HeldBoxes {
  private readonly boxes = new Map<HTMLElement, Held>();
  /** Each element's fit, or null where it cannot be held; forgotten when the drag ends. */
  private fits = new WeakMap<HTMLElement, Fit | null>();

  /**
   * Holds the box of each text's parent, when that parent holds nothing but the text and sits on its
   * line's baseline. All are measured before any is fixed. An element seen before this drag only has
   * its width read: with the page laid out (as at the start of a frame) that costs no layout.
   */
  hold(texts: Iterable<Text>): void {
    const elements = [...new Set([...texts].map((text) => text.parentElement))].filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement &&
        !this.boxes.has(element) &&
        this.fits.get(element) !== null &&
        element.childNodes.length === 1,
    );
    const fresh = elements.filter((element) => !this.fits.has(element));
    const measuring = this.measure(fresh);
    const widths = elements.map((element) => element.getBoundingClientRect().width);
    elements.forEach((element, k) => {
      const fit = this.fits.get(element);
      if (fit) this.fix(element, fit, widths[k] ?? 0);
    });
    measuring.finish();
  }

  /** Sets a text's data; a held box lets go first if the new text may be wider than the one it was measured with. */
  write(text: Text, data: string): void {
    if (text.data === data) return;
    const element = text.parentElement;
    const held = element instanceof HTMLElement ? this.boxes.get(element) : undefined;
    if (element instanceof HTMLElement && held && widthOf(data) > widthOf(held.text)) this.letGo(element);
    text.data = data;
  }

  /** Every held box lets go (the drag ended): the layout around them is the browser's again. */
  releaseAll(): void {
    for (const element of [...this.boxes.keys()]) this.letGo(element);
    this.fits = new WeakMap();
  }

  get size(): number {
    return this.boxes.size;
  }

  /**
   * Measures how each element sits on its line: its height, and its baseline (where an empty
   * inline-block in it sits). `finish`, once the boxes are fixed, corrects each lift so the text is
   * back at the height it was drawn at (where a held box's baseline falls depends on it, a border say).
   */
  private measure(elements: HTMLElement[]): { finish: () => void } {
    const view = elements[0]?.ownerDocument.defaultView;
    if (!view) return { finish: () => undefined };
    const probes = elements.map((element) => {
      const probe = element.ownerDocument.createElement('span');
      probe.style.cssText = 'display:inline-block;width:0;height:0;margin:0;padding:0;border:0';
      element.append(probe);
      return probe;
    });
    const tops = elements.map((element, k) => {
      const style = view.getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const baseline = probes[k]?.getBoundingClientRect().bottom ?? box.bottom;
      // Without layout (nothing measured, as in jsdom) nothing is held.
      const holdable = style.verticalAlign === 'baseline' && box.width > 0 && box.height > 0;
      this.fits.set(
        element,
        holdable ? { inline: style.display === 'inline', height: box.height, lift: baseline - box.bottom } : null,
      );
      return holdable ? textTop(element) : 0;
    });
    for (const probe of probes) probe.remove();
    return {
      finish: () => {
        const moved = elements.map((element, k) => (this.fits.get(element) ? textTop(element) - (tops[k] ?? 0) : 0));
        elements.forEach((element, k) => {
          const fit = this.fits.get(element);
          const by = moved[k] ?? 0;
          if (!fit || Math.abs(by) <= 0.01) return;
          fit.lift += by;
          element.style.verticalAlign = `${fit.lift}px`;
        });
      },
    };
  }

  private fix(element: HTMLElement, fit: Fit, width: number): void {
    this.boxes.set(element, { text: element.textContent ?? '', style: element.getAttribute('style') });
    const style = element.style;
    if (fit.inline) {
      // An inline box becomes a block of its line's height, its text where it was, centred.
      style.display = 'inline-block';
      style.lineHeight = `${fit.height}px`;
      style.textAlign = 'center';
    }
    style.boxSizing = 'border-box';
    style.width = `${width}px`;
    style.height = `${fit.height}px`;
    style.whiteSpace = 'nowrap';
    // With layout containment the box's baseline is an edge of it: lowered to where its text was.
    style.verticalAlign = `${fit.lift}px`;
    style.contain = 'size layout';
    // Something painted over the whole box (nothing to see): what the box paints then has the box's bounds,
    // not its digits' shapes, which change every frame and have the browser re-layerize the page (0.4 ms).
    style.backgroundImage = 'linear-gradient(transparent, transparent)';
  }

  private letGo(element: HTMLElement): void {
    const style = this.boxes.get(element)?.style;
    this.boxes.delete(element);
    if (style === null || style === undefined) element.removeAttribute('style');
    else element.setAttribute('style', style);
  }
}
