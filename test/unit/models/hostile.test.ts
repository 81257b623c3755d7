// Hostile weight files: each is refused with a clear message naming the file and what is wrong, and nothing
// in it runs. (How fast each is refused is measured by `npm run bench`, not timed here.)
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModel } from '../../../src/core/load';
import { matching } from '../../support/matchers';
import { errorsOf, fixture, sessionWith } from './support';

const HOSTILE: [string, RegExp][] = [
  ['hostile-os-system.pt', /a call to os\.system, which a state dict never holds.*Save the weights instead/],
  ['hostile-eval.pt', /a call to builtins\.eval, which a state dict never holds/],
  ['refused-module.pt', /a whole model \(its class __main__\.Net\)/],
  ['hostile-deep.pt.gz', /holds a list, not a state dict/],
  ['hostile-marks.pt.gz', /nests deeper than 1000 levels \(MAX_MARKS\)/],
  ['hostile-10000-tensors.pt.gz', /No LSTM weights found.* The file has 10000 tensors: "t0", "t1", .* and 9992 more\./],
  ['hostile-nan.pt', /weight_ih_l0\[5, 1\] is NaN: every weight must be a finite number/],
  ['hostile-nan.safetensors', /weight_ih_l0\[5, 1\] is NaN/],
  [
    'hostile-header-past-end.safetensors',
    /header claims 1099511627776 bytes, but the file has only \d+ after the length/,
  ],
  ['hostile-offset-past-end.safetensors', /"weight_ih_l0" is F32 \[12, 2\], 96 bytes, but its data_offsets span 10096/],
  ['hostile-overlap.safetensors', /"weight_hh_l0" overlaps the one before it/],
  ['hostile-shape-mismatch.safetensors', /"weight_ih_l0" is F32 \[12, 3\], 144 bytes, but its data_offsets span 96/],
  ['hostile-hole.safetensors', /its data has a hole: bytes 96 to 240 belong to no tensor \(before "bias_ih_l0"\)/],
  ['hostile-trailing-bytes.safetensors', /its data has 48 bytes after the last tensor that no tensor claims/],
  ['hostile-object.npz', /is an object array, which NumPy can only read with allow_pickle/],
  [
    'hostile-bomb-honest.npz.gz',
    /would inflate to 1073741952 bytes; load reads at most 536870912 bytes \(MAX_WEIGHT_FILE_BYTES, 512 MiB\)/,
  ],
  [
    'hostile-bomb-lying.npz.gz',
    /inflates past the 1024 bytes its header declares \(a zip bomb\?\); stopped after \d+ bytes/,
  ],
];

describe('hostile weight files are refused by name, nothing executed', () => {
  it.each(HOSTILE)('%s', (file, message) => {
    const result = sessionWith({ 'w.bin': file }).run('load "w.bin"');
    expect(errorsOf(result)).toEqual([matching(message)]);
    expect(result.errors[0].message.startsWith('"w.bin": ')).toBe(true);
  });

  it("os.system's command never ran", () => {
    sessionWith().run('load "hostile-os-system.pt"');
    expect(existsSync('/tmp/lstm-notebook-pwned')).toBe(false);
  });

  it('every cut of a real .pt, .npz and .safetensors is refused with a message, never a crash', () => {
    for (const file of ['lstm1-fc-f32.pt', 'lstm1-fc-f32.compressed.npz', 'lstm1-fc-f32.safetensors']) {
      const bytes = fixture(file);
      for (let cut = 0; cut < bytes.length; cut += 7) {
        const model = readModel(bytes.subarray(0, cut));
        expect('error' in model, `${file} cut at ${cut}`).toBe(true);
      }
    }
  });

  it('flipped bytes in a real .pt never crash: an error, or a model of the same shape', () => {
    const bytes = fixture('lstm1-fc-f32.pt');
    for (let at = 0; at < bytes.length; at += 3) {
      const copy = bytes.slice();
      copy[at] ^= 0xff;
      const model = readModel(copy);
      if (!('error' in model)) expect(model.summary.hidden).toBeGreaterThan(0);
    }
  });
});
