// The kernel's slicing over the real core Session: the walkthrough's numbers come through, a long run
// never holds the event loop for long, and a cancel stops it within one slice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../../src/core/session';
import { buildPayload, markdownSummary } from '../../../src/common/output';
import { runInSlices } from '../../../src/extension/slices';
import { SEED_SETUP } from '../../support/seedCell';

const WALKTHROUGH = `${SEED_SETUP}
step
expect c = 5.62 within 0.01`;

const longRun = (steps: number) => `run x = [${Array.from({ length: steps }, (_, k) => (k % 4) / 4).join(', ')}]`;

describe('runInSlices', () => {
  it('gives the walkthrough step to the payload and the markdown', async () => {
    const result = await runInSlices(new Session().start(WALKTHROUGH), 20);
    expect(result.ok).toBe(true);
    expect(buildPayload(result).totalSteps).toBe(1);
    const text = markdownSummary(result);
    expect(text).toContain('| forget gate f = σ(z) | 6.40 | 0.998 |');
    expect(text).toContain('- ✅ `expect c = 5.62 within 0.01` (actual 5.620534)');
  });

  it('carries state from cell to cell', async () => {
    const session = new Session();
    await runInSlices(session.start(WALKTHROUGH), 20);
    const second = await runInSlices(session.start('step\nstep'), 20);
    expect(second.time).toBe(3);
    expect(buildPayload(second).steps.map((step) => step.t)).toEqual([2, 3]);
  });

  afterEach(() => vi.restoreAllMocks());

  // How long each slice takes is measured by `npm run bench` (a timed assertion here would be flaky).
  it('pauses between slices of a long cell and stops at the first slice after a cancel', async () => {
    const session = new Session();
    await runInSlices(session.start(WALKTHROUGH), 20);
    // A clock that moves 1 ms each time it is read makes a 20 ms slice about 20 yields (parse slices or
    // steps) on any machine: with the wall clock, a loaded machine spent all six slices parsing.
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => ++now);
    const execution = session.start(Array.from({ length: 4 }, () => longRun(10_000)).join('\n'));
    let slices = 0;
    let pausesAfterCancel = 0;
    const pause = async () => {
      slices++;
      if (slices === 6) execution.cancel();
      else if (slices > 6) pausesAfterCancel++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const result = await runInSlices(execution, 20, pause);
    expect(pausesAfterCancel).toBe(0);
    expect(slices).toBe(6);
    expect(result.ok).toBe(false);
    expect(result.errors.at(-1)?.message).toMatch(/Interrupted/);
    expect(result.stepsRun).toBeGreaterThan(0);
    expect(result.stepsRun).toBeLessThan(40_000);
  });
});
