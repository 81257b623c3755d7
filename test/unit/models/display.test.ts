// @vitest-environment jsdom
// What was loaded, shown in the markdown fallback, the renderer's payload and its output; `show layer N`.
import { describe, expect, it } from 'vitest';
import { buildPayload, markdownSummary } from '../../../src/common/output';
import { loadedLine } from '../../../src/renderer/loaded';
import { readPayload } from '../../../src/renderer/readPayload';
import { defined, sessionWith } from './support';

const LINE =
  'Loaded "lstm3-decoder-f64.pt": PyTorch .pt, PyTorch layout ("rnn"), 3 layers, X = 3, H = 5, head "decoder" (Y = 2), float64, no key unused.';

describe('what was loaded', () => {
  it('is a line of the markdown fallback, as a code span', () => {
    const result = sessionWith().run('load "lstm3-decoder-f64.pt"');
    expect(markdownSummary(result).split('\n')[0]).toBe(`**Loaded:** \`${LINE}\``);
  });

  it('travels in the payload and the renderer shows it as text', () => {
    const result = sessionWith().run('load "lstm2-f16.npz"\nrun x = [[1, 2]]');
    const payload = readPayload(JSON.parse(JSON.stringify(buildPayload(result))));
    expect(payload.loaded).toEqual(result.loaded);
    expect(loadedLine(defined(payload.loaded)).textContent).toMatch(
      /^Loaded "lstm2-f16\.npz": NumPy \.npz, PyTorch layout \("lstm"\), 2 layers, X = 2, H = 3, head "out" \(Y = 1\), float16 → float64/,
    );
  });

  it('key names from a hostile file stay text: no element is made of them', () => {
    const payload = readPayload({
      version: 1,
      steps: [],
      loaded: { file: 'm.pt', format: 'JSON', unused: ['<img src=x onerror=pwn()>'], layers: 1, dtypes: ['float64'] },
    });
    const line = loadedLine(defined(payload.loaded));
    expect(line.children).toHaveLength(0);
    expect(line.textContent).toContain('"<img src=x onerror=pwn()>"');
  });
});

describe('show layer N', () => {
  it("puts layer N's own step in the payload and the markdown, without the top layer's weights", () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.pt"');
    const result = session.run('run x = [[1, 2, 3], [3, 2, 1]]\nshow layer 0 f');
    const payload = buildPayload(result);
    const bottom = defined(result.steps[1].layers)[0];
    expect(payload.layer).toBe(0);
    expect(payload.steps[1].x).toEqual([3, 2, 1]);
    expect(payload.steps[1].h).toEqual(bottom.h);
    expect(payload.steps[1].t).toBe(2);
    expect(payload.weights).toBeUndefined();
    expect(markdownSummary(result)).toContain('2 steps ran; the last, t = 2, layer 0');
  });
});
