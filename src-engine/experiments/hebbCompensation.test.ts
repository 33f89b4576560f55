import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

function run(set: Record<string, number>, seed = 1) {
  const c = defaultRunConfig('hebb-compensation', seed);
  Object.assign(c.params, set);
  const s = new Session(c);
  s.advance(s.def.defaultSteps);
  return s.run.metrics() as { stable: boolean; max_weight: number; critical_tau_theta_s: number; output: number; threshold_trace: { t_s: number; theta: number }[] };
}

describe('hebb-compensation (temporal paradox)', () => {
  const crit = run({ rule: 1 }).critical_tau_theta_s;

  it('reports the linear-stability critical τθ* = 1/(η|x̄|²y0)', () => {
    // |x̄|² of 10 inputs with x̄ ~ U[0.5, 1.5] lies between 2.5 and 22.5; η = 0.01, y0 = 1.
    expect(crit).toBeGreaterThan(1 / (0.01 * 22.5));
    expect(crit).toBeLessThan(1 / (0.01 * 2.5));
  });

  for (const seed of [1, 2, 3]) {
    it(`BCM is stable below the critical τθ and unstable above it (seed ${seed})`, () => {
      const fast = run({ rule: 1, tau_theta_s: 0.5 * crit }, seed);
      const slow = run({ rule: 1, tau_theta_s: 2 * crit }, seed);
      expect(fast.stable).toBe(true);
      expect(Math.abs(fast.output - 1)).toBeLessThan(0.3);
      expect(slow.stable).toBe(false);
    });
  }

  it('plain Hebb runs away to the weight cap; Oja stays bounded', () => {
    const hebb = run({ rule: 0 });
    expect(hebb.stable).toBe(false);
    expect(hebb.max_weight).toBe(10);
    const oja = run({ rule: 2 });
    expect(oja.stable).toBe(true);
    expect(oja.max_weight).toBeLessThan(1);
  });

  it('the threshold trace follows y²/y0 towards the target when stable', () => {
    const m = run({ rule: 1, tau_theta_s: 1 });
    const last = m.threshold_trace[m.threshold_trace.length - 1];
    expect(last.t_s).toBeGreaterThan(590);
    expect(Math.abs(last.theta - 1)).toBeLessThan(0.3);
  });
});
