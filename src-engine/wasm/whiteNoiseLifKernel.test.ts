import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { WhiteNoiseIfGroup } from '../stochastic/whiteNoiseIf';

/** Two equal groups, one stepped by the kernel, one by the scalar loop; returns both. `shared`: common random numbers (the last third copies the middle third's noise). */
function twins(n: number, mu: number, sigma: number, tRef: number, shared = false, model: 'lif' | 'eif' = 'lif') {
  const make = () => {
    const g = new WhiteNoiseIfGroup('n', n, { model, tau_m: 20, v_th: model === 'lif' ? 20 : 35, v_reset: 10, t_ref: tRef, delta_t: 2, v_t: 15 }, 0.1);
    g.setDrive(mu, sigma);
    if (shared) {
      const P = Math.floor(n / 3);
      g.noiseSource = Int32Array.from({ length: n }, (_, i) => (i >= n - P ? i - P : i));
    }
    const init = new Rng(99);
    for (let i = 0; i < n; i++) g.v[i] = 10 + 9.9 * init.uniform();
    return g;
  };
  const k = make(), s = make();
  s.useKernel = false;
  return { k, s };
}

describe('white-noise LIF/EIF WebAssembly kernel', () => {
  for (const [n, mu, sigma, tRef, shared] of [[1, 22, 5, 2, false], [7, 15, 5, 2, false], [1000, 15, 5, 2, false], [1000, 19, 8, 0, false], [300, 30, 2, 1, false],
    [3, 22, 5, 2, true], [7, 15, 5, 2, true], [999, 15, 5, 2, true], [300, 19, 8, 0, true]] as const) {
    for (const model of ['lif', 'eif'] as const) it(`equals the scalar loop bit for bit: spikes, V, refractory counts and the generator (${model.toUpperCase()}, n = ${n}, μ = ${mu}, σ = ${sigma}, t_ref = ${tRef}${shared ? ', common random numbers' : ''})`, () => {
      const { k, s } = twins(n, mu, sigma, tRef, shared, model);
      const rk = new Rng(5), rs = new Rng(5);
      const ctxK = { clock: { step: 0, dt: 0.1 }, rng: rk }, ctxS = { clock: { step: 0, dt: 0.1 }, rng: rs };
      let spikes = 0;
      for (let step = 0; step < 400; step++) {
        if (step % 7 === 0) { k.ge[step % n] += 0.7; s.ge[step % n] += 0.7; k.gi[(3 * step) % n] -= 0.4; s.gi[(3 * step) % n] -= 0.4; }
        k.integrate(ctxK as never);
        s.integrate(ctxS as never);
        expect(k.spikeCount).toBe(s.spikeCount);
        expect(Array.from(k.spikes.subarray(0, k.spikeCount))).toEqual(Array.from(s.spikes.subarray(0, s.spikeCount)));
        spikes += k.spikeCount;
      }
      expect(Array.from(k.v)).toEqual(Array.from(s.v));
      expect(Array.from(k.refr)).toEqual(Array.from(s.refr));
      expect(rk.getState()).toEqual(rs.getState());
      expect(spikes).toBeGreaterThan(0);
    });
  }
});
