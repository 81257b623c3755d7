// Models we cannot run exactly are refused by a message that names their kind; nothing is loaded in part
// (the session keeps the model it had).
import { describe, expect, it } from 'vitest';
import { matching } from '../../support/matchers';
import { defined, errorsOf, sessionWith } from './support';

const REFUSED: [string, RegExp][] = [
  [
    'refused-bidirectional.pt',
    /is a bidirectional LSTM \(keys "weight_ih_l0_reverse", "weight_hh_l0_reverse" and 2 more\)/,
  ],
  ['refused-proj.pt', /uses proj_size \(keys "weight_hr_l0"\)/],
  ['refused-gru.pt', /weight_hh_l0 has 3·H rows \(9 = 3 × 3\): this is a GRU, not an LSTM/],
  ['refused-rnn.pt', /weight_hh_l0 has H rows \(3\): this is a vanilla RNN \(nn\.RNN\), not an LSTM/],
  [
    'refused-module.pt',
    /holds a whole model \(its class __main__\.Net\), saved with torch\.save\(model\).*Save the weights instead: torch\.save\(model\.state_dict\(\), "model\.pt"\)/,
  ],
  ['refused-legacy.pt', /PyTorch’s legacy format .* torch\.save\(torch\.load\("old\.pt"\), "new\.pt"\)/],
  [
    'two-lstms.pt',
    /holds 2 recurrent networks: "encoder" \(PyTorch, 1 layer, H = 3\), "decoder" \(PyTorch, 1 layer, H = 3\)\. Pick one by its prefix, e\.g\. load "…" lstm "encoder"/,
  ],
];

describe('refused by name', () => {
  it.each(REFUSED)('%s', (file, message) => {
    const session = sessionWith();
    session.run('load "lstm1-fc-f32.pt"');
    const result = session.run(`load "${file}"\nrun x = [[1, 2, 3]]`);
    expect(errorsOf(result)).toEqual([matching(message)]);
    expect(result.errors[0]).toMatchObject({ line: 1, column: 6 });
    expect(result.errors[0].message.startsWith(`"${file}": `)).toBe(true);
    // Nothing was loaded in part: the model from before is still the one that runs.
    expect(session.run('run x = [[1, 2, 3]]').steps[0].x).toHaveLength(3);
  });
});

describe('picking among several', () => {
  it('lstm "…" picks the LSTM; several heads then need head "…" or head none', () => {
    const session = sessionWith();
    expect(errorsOf(session.run('load "two-lstms.pt" lstm "decoder"'))).toEqual([
      matching(
        /holds 2 layers that could be the head after the LSTM: "fc" \[1, 3\], "proj" \[2, 3\]\. Pick one, e\.g\. load "…" head "fc", or none with head none\./,
      ),
    ]);
    const fc = session.run('load "two-lstms.pt" lstm "decoder" head "fc"');
    expect(fc.loaded).toMatchObject({ lstm: 'decoder', input: 3, head: { name: 'fc', outputs: 1 } });
    expect(defined(fc.loaded).unused).toEqual(
      expect.arrayContaining(['encoder.weight_ih_l0', 'proj.weight']) as string[],
    );
    expect(session.run('load "two-lstms.pt" lstm "encoder" head none').loaded).toMatchObject({
      input: 2,
      head: undefined,
    });
    expect(errorsOf(session.run('load "two-lstms.pt" lstm "middle"'))).toEqual([
      matching(/There is no LSTM "middle" in the file; it has "encoder" \(PyTorch/),
    ]);
    expect(errorsOf(session.run('load "two-lstms.pt" lstm "encoder" head "out"'))).toEqual([
      matching(/There is no head "out" .* the file has "fc", "proj"/),
    ]);
  });

  it("a Keras dense_1 kernel is the head, never the LSTM's kernel", () => {
    const loaded = defined(sessionWith().run('load "keras-tf2.json"').loaded);
    expect(loaded).toMatchObject({ layout: 'Keras', input: 3, hidden: 4, head: { name: 'dense_1', outputs: 2 } });
    expect(loaded.unused).toEqual([]);
  });
});
