// Diagnostics while typing: a cell is parsed once typing pauses, not once per keystroke, and what is
// shown then is the final text's problems. Fake timers: no test waits for real time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisCache, analyze } from '../../../src/extension/analysis';
import { TYPING_PAUSE_MS, TypingPause } from '../../../src/extension/typingPause';
import type { Problem } from '../../../src/core/types';

/** A cell document as VS Code keeps it: one object whose text and version change with each edit. */
function cellDocument(uri: string) {
  const doc = { uri: { toString: () => uri }, version: 0, text: '', getText: () => doc.text };
  return doc;
}

/** What the editor would show per cell, parsed through a cache that counts its parses. */
function editor() {
  const parse = vi.fn(analyze);
  const cache = new AnalysisCache(parse);
  const shown = new Map<string, Problem[]>();
  const typing = new TypingPause<ReturnType<typeof cellDocument>>((document) =>
    shown.set(document.uri.toString(), cache.get(document).problems),
  );
  const type = (document: ReturnType<typeof cellDocument>, text: string) => {
    document.text = text;
    document.version++;
    typing.changed(document);
  };
  return { parse, shown, typing, type };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('diagnostics while typing', () => {
  it('parses a cell typed key by key once, after the pause, and shows the problems of the final text', () => {
    const { parse, shown, type } = editor();
    const cell = cellDocument('cell-1');
    const final = 'forget wx = 1 wh = 2\nstpe';
    for (let k = 1; k <= final.length; k++) {
      type(cell, final.slice(0, k));
      vi.advanceTimersByTime(40); // a fast typist: 25 keys a second
    }
    expect(parse).not.toHaveBeenCalled();
    expect(shown.has('cell-1')).toBe(false);
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledWith(final);
    const problems = shown.get('cell-1') ?? [];
    expect(problems).toEqual(analyze(final).problems);
    expect(problems).toMatchObject([{ line: 2, column: 1, length: 4, suggestion: 'step' }]);
  });

  it('shows the problems again within the pause once typing stops, and clears them once fixed', () => {
    const { parse, shown, type } = editor();
    const cell = cellDocument('cell-1');
    type(cell, 'forgte wx = 1');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(shown.get('cell-1')).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(shown.get('cell-1')).toMatchObject([{ line: 1, column: 1, length: 6, suggestion: 'forget' }]);
    type(cell, 'forget wx = 1');
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(shown.get('cell-1')).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('waits for each cell on its own: typing in one does not hold up another', () => {
    const { parse, shown, type } = editor();
    const a = cellDocument('cell-a');
    const b = cellDocument('cell-b');
    type(a, 'stpe');
    vi.advanceTimersByTime(100);
    type(b, 'x = 1');
    vi.advanceTimersByTime(50);
    expect(shown.get('cell-a')).toHaveLength(1);
    expect(shown.has('cell-b')).toBe(false);
    vi.advanceTimersByTime(100);
    expect(shown.get('cell-b')).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('drops the pending parse of a cell that is closed', () => {
    const { parse, shown, typing, type } = editor();
    const cell = cellDocument('cell-1');
    type(cell, 'stpe');
    typing.cancel(cell);
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
    expect(parse).not.toHaveBeenCalled();
    expect(shown.has('cell-1')).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when disposed', () => {
    const { parse, typing, type } = editor();
    type(cellDocument('cell-a'), 'x = 1');
    type(cellDocument('cell-b'), 'x = 2');
    typing.dispose();
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(parse).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
