// The walkthroughs' single step, checked against values derived by hand from the equations
// (σ(z) = 1/(1+e^−z) computed with Math.exp here, independently of the engine's code path).
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/core/session';
import { SEED_SETUP } from '../../support/seedCell';

const SEED_CELL = `
${SEED_SETUP}
step
`;

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

describe('the forget / input / output walkthrough (seed 002)', () => {
  const step = new Session().run(SEED_CELL).steps[0];

  it('computes the pre-activations the walkthrough adds up', () => {
    expect(step.z.f[0]).toBeCloseTo(1.75 + 3.25 + 1.4, 12); // 6.40
    expect(step.z.i[0]).toBeCloseTo(2.3 + 1.85 + 0.45, 12); // 4.60
    expect(step.z.o[0]).toBeCloseTo(-0.03 + 4.67 + 0.5, 12); // 5.14
  });

  it('finds the seed wrong about the candidate: 0.45 + 0.35 − 0.05 is 0.75, not 0.80', () => {
    expect(step.z.g[0]).toBeCloseTo(0.75, 12);
    expect(step.g[0]).toBeCloseTo(Math.tanh(0.75), 12); // 0.635, where the seed says 0.69
  });

  it('keeps 99.8% of the long-term memory: 4.99', () => {
    expect(step.f[0]).toBeCloseTo(logistic(6.4), 12);
    expect(step.fc[0]).toBeCloseTo(logistic(6.4) * 5, 12);
    expect(step.fc[0].toFixed(2)).toBe('4.99');
  });

  it("gives the true new long-term memory 5.62, not the seed's 5.67", () => {
    const c = logistic(6.4) * 5 + logistic(4.6) * Math.tanh(0.75);
    expect(step.c[0]).toBeCloseTo(c, 12);
    expect(step.c[0].toFixed(2)).toBe('5.62');
  });

  it('gives short-term memory 0.994 (seed: 0.98) and prediction 2.99 (seed: 2.96)', () => {
    const c = logistic(6.4) * 5 + logistic(4.6) * Math.tanh(0.75);
    const h = logistic(5.14) * Math.tanh(c);
    expect(step.h[0]).toBeCloseTo(h, 12);
    expect(step.y?.[0]).toBeCloseTo(2 * h + 1, 12);
    expect(step.h[0].toFixed(3)).toBe('0.994');
    expect(step.y?.[0].toFixed(2)).toBe('2.99');
  });
});

describe('saturated gates', () => {
  it('gives exact 0, 1 and ±1 for pre-activations of ±1e5, never NaN', () => {
    const session = new Session();
    const r = session.run(`
x = 1
h = 0
c = 3
forget wx = 100000 wh = 0 b = 0
input wx = -100000 wh = 0 b = 0
candidate wx = 100000 wh = 0 b = 0
output wx = -100000 wh = 0 b = 0
step
`);
    expect(r.errors).toEqual([]);
    const s = r.steps[0];
    expect([s.f[0], s.i[0], s.g[0], s.o[0]]).toEqual([1, 0, 1, 0]);
    expect(s.c[0]).toBe(3);
    expect(s.h[0]).toBe(0);
  });

  it('reports overflow past float64 as an error at the step, not NaN', () => {
    const r = new Session().run(`
x = 1e300
forget wx = 1e300 wh = 0
input wx = -1e300 wh = 0
candidate wx = 1 wh = 0
output wx = 1 wh = 0
step
`);
    expect(r.ok).toBe(false);
    expect(r.errors[0].line).toBe(7);
    expect(r.errors[0].message).toMatch(/overflowed/);
    expect(JSON.stringify(r)).not.toMatch(/NaN|null/);
  });
});
