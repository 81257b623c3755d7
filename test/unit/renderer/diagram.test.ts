import { describe, expect, it } from 'vitest';
import { diagramSource, escapeLabel, unicodeSymbol } from '../../../src/renderer/diagram';
import { HOSTILE_TEXTS, seedPayload, vectorPayload } from './fixtures';

const seedStep = seedPayload().steps[0];

describe('diagramSource', () => {
  const { source, nodes } = diagramSource(seedStep, 'words', 'lstm1');

  it('is a top-to-bottom flowchart with the live values of the last step', () => {
    expect(source.startsWith('flowchart TB\n')).toBe(true);
    for (const value of [
      '6.40',
      '0.998',
      '4.60',
      '0.99',
      '0.75',
      '0.635',
      '5.14',
      '0.994',
      '4.99',
      '5.62',
      '0.99997',
      '2.99',
    ]) {
      expect(source).toContain(value);
    }
  });

  it('names every node with the prefix, for tooltips and unique ids', () => {
    expect(nodes.length).toBeGreaterThanOrEqual(15);
    for (const node of nodes) {
      expect(node.id).toMatch(/^lstm1_[a-z]+$/);
      expect(source).toContain(`  ${node.id}`);
    }
    const other = diagramSource(seedStep, 'words', 'lstm2');
    expect(other.nodes.map((n) => n.id).filter((id) => nodes.some((n) => n.id === id))).toEqual([]);
  });

  it('draws the dense layer only when the step has a prediction', () => {
    expect(source).toContain('lstm1_y');
    const { source: noDense } = diagramSource({ ...seedStep, y: undefined }, 'words', 'p');
    expect(noDense).not.toContain('p_y');
  });

  it('uses symbols or words as asked', () => {
    expect(diagramSource(seedStep, 'symbols', 'a').source).toContain('Cₜ₋₁');
    expect(source).toContain('long-term memory');
  });

  it('keeps vectors short: up to four elements, then …', () => {
    const step = vectorPayload(3).steps[2];
    const wide = { ...step, h: [1, 2, 3, 4, 5, 6] };
    expect(diagramSource(wide, 'symbols', 'a').source).toContain('(1, 2, 3, 4, …)');
  });

  it('refuses a prefix that could inject syntax', () => {
    expect(() => diagramSource(seedStep, 'words', 'a"]; click')).toThrow();
  });

  it('holds only plain label characters besides its own arrows and <br/>', () => {
    const labels = source
      .split('\n')
      .slice(1)
      .join('\n')
      .replace(/<br\/>|-->/g, '');
    expect(labels).not.toMatch(/[<>%{}`\\]/);
  });
});

describe('escapeLabel', () => {
  it.each(HOSTILE_TEXTS)('turns %s into inert entity codes', (text) => {
    const escaped = escapeLabel(text);
    expect(escaped).not.toMatch(/[<>"%{}\\`]/);
    expect(escaped).toMatch(/#\d+;/);
  });

  it('keeps numbers, words and LSTM symbols readable', () => {
    expect(escapeLabel('forget gate σ = -0.05 … ⊙ C̃ₜ')).toBe('forget gate σ = -0.05 … ⊙ C̃ₜ');
    expect(escapeLabel('"a"')).toBe('#34;a#34;');
  });
});

describe('unicodeSymbol', () => {
  it.each([
    ['h_t-1', 'hₜ₋₁'],
    ['x_t', 'xₜ'],
    ['tanh(C_t)', 'tanh(Cₜ)'],
    ['W_f', 'W_f'],
  ])('%s → %s', (symbol, text) => {
    expect(unicodeSymbol(symbol)).toBe(text);
  });
});
