// A number redrawn in every frame of a drag keeps the box it had when the drag began: a fixed size
// with size and layout containment, so the browser lays out that box alone, not what holds it. A digit
// changed inside KaTeX's nested inline tables otherwise lays out the equation around it again (about
// 1 ms per equation per frame in lesson 5). It pays only when every text a frame changes is in such a
// box: one change elsewhere has the browser lay out the page from its root, held boxes' ancestors too.
// A text that may not fit lets go of its box (the layout around it follows); the drag's end lets go
// of all.

interface Held {
  /** The text the box was measured with. */
  text: string;
  /** The element's own style attribute, given back when the box lets go. */
  style: string | null;
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

  /**
   * Holds the box of each text's parent, when that parent holds nothing but the text and sits on its
   * line's baseline. All boxes are measured before any is fixed, and checked once all are: two layouts.
   */
  hold(texts: Iterable<Text>): void {
    const elements = [...new Set([...texts].map((text) => text.parentElement))].filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !this.boxes.has(element) && element.childNodes.length === 1,
    );
    const view = elements[0]?.ownerDocument.defaultView;
    if (!view) return;
    // Each box's baseline: where an empty inline-block in it sits.
    const probes = elements.map((element) => {
      const probe = element.ownerDocument.createElement('span');
      probe.style.cssText = 'display:inline-block;width:0;height:0;margin:0;padding:0;border:0';
      element.append(probe);
      return probe;
    });
    const measured = elements.map((element, k) => {
      const style = view.getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const baseline = probes[k]?.getBoundingClientRect().bottom ?? box.bottom;
      const inline = style.display === 'inline';
      return { element, inline, onBaseline: style.verticalAlign === 'baseline', box, baseline };
    });
    for (const probe of probes) probe.remove();
    // Without layout (nothing measured, as in jsdom) nothing is held.
    const holdable = measured
      .filter(({ onBaseline, box }) => onBaseline && box.width > 0 && box.height > 0)
      .map((held) => ({ ...held, top: textTop(held.element) }));
    for (const { element, inline, box, baseline } of holdable) {
      this.boxes.set(element, { text: element.textContent ?? '', style: element.getAttribute('style') });
      const style = element.style;
      if (inline) {
        // An inline box becomes a block of its line's height, its text where it was, centred.
        style.display = 'inline-block';
        style.lineHeight = `${box.height}px`;
        style.textAlign = 'center';
      }
      style.boxSizing = 'border-box';
      style.width = `${box.width}px`;
      style.height = `${box.height}px`;
      style.whiteSpace = 'nowrap';
      // With layout containment the box's baseline is an edge of it: lowered to where its text was.
      style.verticalAlign = `${baseline - box.bottom}px`;
      style.contain = 'size layout';
    }
    // Which edge depends on the box (a border, say): each text goes back to the height it was drawn at.
    const moved = holdable.map(({ element, top }) => textTop(element) - top);
    holdable.forEach(({ element }, k) => {
      const by = moved[k] ?? 0;
      if (Math.abs(by) > 0.01) element.style.verticalAlign = `${parseFloat(element.style.verticalAlign) + by}px`;
    });
  }

  /** Sets a text's data; a held box lets go first if the new text may be wider than the one it was measured with. */
  write(text: Text, data: string): void {
    if (text.data === data) return;
    const element = text.parentElement;
    const held = element instanceof HTMLElement ? this.boxes.get(element) : undefined;
    if (element instanceof HTMLElement && held && widthOf(data) > widthOf(held.text)) this.letGo(element);
    text.data = data;
  }

  /** Every held box lets go: the layout around them is the browser's again. */
  releaseAll(): void {
    for (const element of [...this.boxes.keys()]) this.letGo(element);
  }

  get size(): number {
    return this.boxes.size;
  }

  private letGo(element: HTMLElement): void {
    const style = this.boxes.get(element)?.style;
    this.boxes.delete(element);
    if (style === null || style === undefined) element.removeAttribute('style');
    else element.setAttribute('style', style);
  }
}
