import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { WhiteNoiseIfGroup } from '../stochastic/whiteNoiseIf';

/** Two equal groups, one stepped by the kernel, one by the scalar loop; returns both. */
function twins(n: number, mu: number, sigma: number, tRef: number) {
  const make = () => {
    const g = new WhiteNoiseIfGroup('n', n, { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: tRef, delta_t: 2, v_t: 15 }, 0.1);
    g.setDrive(mu, sigma);
    const init = new Rng(99);
    for (let i = 0; i < n; i++) g.v[i] = 10 + 9.9 * init.uniform();
    return g;
  };
  const k = make(), s = make();
  s.useKernel = false;
  return { k, s };
}

describe('white-noise LIF WebAssembly kernel', () => {
  for (const [n, mu, sigma, tRef] of [[1, 22, 5, 2], [7, 15, 5, 2], [1000, 15, 5, 2], [1000, 19, 8, 0], [300, 30, 2, 1]] as const) {
    it(`equals the scalar loop bit for bit: spikes, V, refractory counts and the generator (n = ${n}, μ = ${mu}, σ = ${sigma}, t_ref = ${tRef})`, () => {
      const { k, s } = twins(n, mu, sigma, tRef);
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
