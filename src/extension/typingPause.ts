// Waits for typing to pause before a cell is analyzed again: while its text keeps changing, a cell is
// parsed at most once per TYPING_PAUSE_MS (a parse per keystroke held up the extension host on large
// cells). Pure (no `vscode`): documents are anything with a URI.

/** How long a cell's text must stay unchanged before its problems are worked out again. */
export const TYPING_PAUSE_MS = 150;

export class TypingPause<Document extends { readonly uri: { toString(): string } }> {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    /** What to do once the document has stopped changing (it reads the text as it is then). */
    private readonly settled: (document: Document) => void,
    private readonly pauseMs = TYPING_PAUSE_MS,
  ) {}

  /** The document changed: `settled` runs once no further change has come for pauseMs. */
  changed(document: Document): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.settled(document);
    }, this.pauseMs);
    this.pending.set(key, timer);
  }

  /** Drops the document's pending run (it was closed, or is being analyzed now anyway). */
  cancel(document: Document): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
