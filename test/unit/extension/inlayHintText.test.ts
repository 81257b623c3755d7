// The inlay hints of a cell that ran: where each goes and what it says, in both notations.
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/core/session';
import { hintsFor, MAX_HINTED_CHARS } from '../../../src/extension/inlayHintText';
import { SEED_SETUP } from '../../support/seedCell';

const labels = (source: string, session = new Session()) =>
  hintsFor(source, session.run(source)).map(({ line, character, label }) => ({ line, character, label }));

describe('inlay hints after a run', () => {
  it('after step: the gates and new memories of the walkthrough step, at the end of the step (PyTorch values)', () => {
    // PyTorch float64: f = 0.99834, i = 0.99005, C = 5.62053, h = 0.99415, y = 2.98830.
    const source = `${SEED_SETUP}\nstep   # one step\nexpect c = 5.62\nexpect f = 0.9`;
    expect(labels(source)).toEqual([
      {
        line: 8,
        character: 4,
        label: '▸ forget 0.998 · input 0.990 · long-term 5.62 · short-term 0.994 · prediction 2.99',
      },
      { line: 9, character: 15, label: '✓ 5.62053' },
      { line: 10, character: 14, label: '✗ 0.998341' },
    ]);
  });

  it('uses the symbols when the notebook asked for them', () => {
    const session = new Session();
    session.run('notation symbols');
    expect(labels(`${SEED_SETUP}\nstep`, session).map((hint) => hint.label)).toEqual([
      '▸ f 0.998 · i 0.990 · C 5.62 · h 0.994 · y 2.99',
    ]);
  });

  it('after run: the last step of that run, one hint per statement, vectors in brackets', () => {
    const source = [
      'notation symbols',
      'h = [0, 0]',
      'forget wx = [1, 1] wh = [[0, 0], [0, 0]]',
      'input wx = [1, 1] wh = [[0, 0], [0, 0]]',
      'candidate wx = [1, 1] wh = [[0, 0], [0, 0]]',
      'output wx = [1, 1] wh = [[0, 0], [0, 0]]',
      'run x = [0, 0]',
      'step x = 0',
    ].join('\n');
    // All pre-activations 0: f = i = o = 0.5, C̃ = 0; C stays 0, h = 0.5·tanh(0) = 0.
    expect(labels(source).map((hint) => [hint.line, hint.label])).toEqual([
      [6, '▸ f [0.500, 0.500] · i [0.500, 0.500] · C [0, 0] · h [0, 0]'],
      [7, '▸ f [0.500, 0.500] · i [0.500, 0.500] · C [0, 0] · h [0, 0]'],
    ]);
  });

  it('a failed expect before any step carries the hint in its tooltip; a cell with an error gets no hints', () => {
    const source = 'c = 5\nexpect c = 5.62';
    const [hint] = hintsFor(source, new Session().run(source));
    expect(hint.label).toBe('✗ 5');
    expect(hint.tooltip).toBe(
      'Failed: c is 5; expected 5.62 within 0.005. No step has run yet, so c is still the value it was given: add a step before this expect.',
    );
    expect(labels('x = 1\nstpe')).toEqual([]);
  });

  it('steps after a runtime error get no hint', () => {
    expect(labels('x = 1\nstep')).toEqual([]);
  });
});

describe('a very long cell', () => {
  it(`gets no hints beyond MAX_HINTED_CHARS (${MAX_HINTED_CHARS}): parsing it again would hold up the host`, () => {
    const source = `${SEED_SETUP}\nstep\n# ${'x'.repeat(MAX_HINTED_CHARS)}`;
    const result = new Session().run(source);
    expect(result.stepsRun).toBe(1);
    expect(hintsFor(source, result)).toEqual([]);
  });
});
