import { describe, expect, it } from 'vitest';
import { readPayload } from '../../../src/renderer/readPayload';
import { seedPayload } from './fixtures';

describe('readPayload', () => {
  it('passes a well-formed payload through unchanged', () => {
    const payload = seedPayload();
    expect(readPayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
  });

  it.each([[null], ['text'], [{}], [{ version: 2 }]])('refuses %j', (data) => {
    expect(() => readPayload(data)).toThrow(/unsupported output version/);
  });

  it('turns anything but numbers in numeric fields into NaN, and missing parts into empty ones', () => {
    const payload = readPayload({ version: 1, steps: [{ t: '1', x: ['<b>'], z: null }], expects: 'x' });
    const [step] = payload.steps;
    expect(step.t).toBeNaN();
    expect(step.x).toEqual([Number.NaN]);
    expect(step.z).toEqual({ f: [], i: [], g: [], o: [] });
    expect(payload.expects).toEqual([]);
    expect(payload.totalSteps).toBe(1);
    expect(payload.notation).toBe('words');
  });

  it('keeps strings only where they are shown as text', () => {
    const payload = readPayload({
      version: 1,
      steps: [],
      expects: [{ text: '<i>x</i>', name: 42, pass: 'yes', expected: [1], actual: null }],
      notation: 'symbols',
    });
    expect(payload.expects[0]).toMatchObject({ text: '<i>x</i>', name: '', pass: false, actual: null });
    expect(payload.notation).toBe('symbols');
  });
});
