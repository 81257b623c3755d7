// What a finished cell shows: the payload sent to the renderer and the markdown fallback.
import { describe, expect, it } from 'vitest';
import { STEP_MIME } from '../../../src/common/payload';
import { buildPayload, errorText, markdownSummary, problemMessage, thinSteps } from '../../../src/common/output';
import { Session } from '../../../src/core/session';
import { result, steps, weightsOfSize } from './fixtures';

describe('thinSteps', () => {
  it.each([
    [0, []],
    [1, [1]],
    [200, Array.from({ length: 200 }, (_, k) => k + 1)],
  ])('keeps all of %i steps', (count, expected) => {
    expect(thinSteps(steps(count)).map((step) => step.t)).toEqual(expected);
  });

  it('keeps the first and last 100 of 201 steps', () => {
    const kept = thinSteps(steps(201)).map((step) => step.t);
    expect(kept).toHaveLength(200);
    expect(kept.slice(0, 3)).toEqual([1, 2, 3]);
    expect(kept[99]).toBe(100);
    expect(kept[100]).toBe(102);
    expect(kept.at(-1)).toBe(201);
  });

  it('keeps the first and last 100 of 100 000 steps', () => {
    const kept = thinSteps(steps(100_000)).map((step) => step.t);
    expect(kept).toHaveLength(200);
    expect(kept[99]).toBe(100);
    expect(kept[100]).toBe(99_901);
  });
});

describe('buildPayload', () => {
  it('counts the steps the core left out of its trace too', () => {
    const payload = buildPayload(result({ steps: steps(150), stepsRun: 5000 }));
    expect(payload.steps).toHaveLength(150);
    expect(payload.totalSteps).toBe(5000);
  });

  it('says how many steps really ran', () => {
    const payload = buildPayload(result({ steps: steps(1000), stepsRun: 1000, notation: 'symbols' }));
    expect(payload.steps).toHaveLength(200);
    expect(payload.totalSteps).toBe(1000);
    expect(payload.version).toBe(1);
    expect(payload.notation).toBe('symbols');
  });

  it('keeps fewer steps of a wide LSTM, so the payload stays a few MB', () => {
    const wide = (t: number) => {
      const vector = Array<number>(1024).fill(0.5);
      return {
        ...steps(1)[0],
        t,
        x: [1],
        h_prev: vector,
        c_prev: vector,
        z: { f: vector, i: vector, g: vector, o: vector },
        f: vector,
        i: vector,
        g: vector,
        o: vector,
        fc: vector,
        ig: vector,
        c: vector,
        tanh_c: vector,
        h: vector,
        y: [1],
      };
    };
    const payload = buildPayload(result({ steps: Array.from({ length: 50 }, (_, k) => wide(k + 1)), stepsRun: 50 }));
    expect(payload.steps.map((step) => step.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 45, 46, 47, 48, 49, 50]); // 13 steps of 15·1024 + 3 numbers
    expect(JSON.stringify(payload.steps).length).toBeLessThan(5_000_000);
    expect(payload.totalSteps).toBe(50);
  });

  it.each([
    [1, 1, true],
    [16, 16, true],
    [16, 17, false],
    [40, 3, false],
  ])('weights of H = %i, X = %i included: %s', (hidden, input, included) => {
    const payload = buildPayload(result({ weights: weightsOfSize(hidden, input) }));
    expect(payload.weights !== undefined).toBe(included);
  });

  it('is plain JSON', () => {
    const payload = buildPayload(result());
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(STEP_MIME).toMatch(/json$/);
  });
});

describe('problemMessage and errorText', () => {
  it('name the line and column in the cell', () => {
    const problem = {
      line: 3,
      column: 7,
      length: 4,
      message: 'Unknown word "forgte". Did you mean "forget"?',
      severity: 'error' as const,
    };
    expect(problemMessage(problem)).toBe('line 3, column 7: Unknown word "forgte". Did you mean "forget"?');
  });

  it('list only errors, one per line', () => {
    const errors = [
      { line: 1, column: 1, length: 1, message: 'first', severity: 'error' as const },
      { line: 2, column: 1, length: 1, message: 'just a warning', severity: 'warning' as const },
      { line: 4, column: 2, length: 1, message: 'second', severity: 'error' as const },
    ];
    expect(errorText(result({ errors }))).toBe('line 1, column 1: first\nline 4, column 2: second');
  });
});

describe('markdownSummary', () => {
  it('tabulates the gates of the last step', () => {
    const text = markdownSummary(result());
    expect(text).toContain('**Step t = 1** with input x = 1');
    expect(text).toContain('| forget gate f = σ(z) | 6.40 | 0.998 |');
    expect(text).toContain('| input gate i = σ(z) | 4.60 | 0.99 |');
    expect(text).toContain('| potential memory g = tanh(z) | 0.75 | 0.635 |');
    expect(text).toContain('| output gate o = σ(z) | 5.14 | 0.994 |');
    expect(text).toContain('| long-term memory c | 5 | 5.62 |');
    expect(text).toContain('| short-term memory h | 1 | 0.994 |');
    expect(text).toContain('| prediction y | | 2.99 |');
  });

  it('marks each expect with its actual value', () => {
    const text = markdownSummary(
      result({
        ok: false,
        expects: [
          {
            line: 9,
            text: 'expect c = 5.62 within 0.01',
            name: 'c',
            pass: true,
            expected: [5.62],
            actual: [5.620534070456285],
            tolerance: 0.01,
          },
          {
            line: 10,
            text: 'expect h = 0.5',
            name: 'h',
            pass: false,
            expected: [0.5],
            actual: [0.9941503281986739],
            tolerance: 0.05,
          },
        ],
      }),
    );
    expect(text).toContain('**Expectations:** 1 of 2 passed');
    expect(text).toContain('- ✅ `expect c = 5.62 within 0.01` (actual 5.620534)');
    expect(text).toContain('- ❌ `expect h = 0.5` (actual 0.99415)');
  });

  it('counts the steps of a run', () => {
    expect(markdownSummary(result({ steps: steps(3), stepsRun: 3 }))).toContain('**3 steps ran; the last, t = 3**');
  });

  it('shows the state when no step ran', () => {
    const text = markdownSummary(result({ steps: [], state: { x: [1], h: [1], c: [5] }, time: 0 }));
    expect(text).toBe('No step ran (t = 0). State: x = 1, h = 1, c = 5.\n');
  });

  it('writes vectors in brackets', () => {
    const step = { ...steps(1)[0], f: [0.25, 0.5], z: { f: [-1.1, 0], i: [0], g: [0], o: [0] } };
    expect(markdownSummary(result({ steps: [step] }))).toContain(
      '| forget gate f = σ(z) | [-1.10, 0] | [0.25, 0.50] |',
    );
  });
});

describe('the markdown fallback of a failed expect', () => {
  it('carries the hint that no step ran', () => {
    const text = markdownSummary(new Session().run('c = 5\nexpect c = 5.62'));
    expect(text).toContain(
      '❌ `expect c = 5.62` (actual 5) No step has run yet, so c is still the value it was given: add a step before this expect.',
    );
  });
});
