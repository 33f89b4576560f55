import { describe, expect, it } from 'vitest';
import { Network } from '../core/network';
import { Rng } from '../core/rng';
import { siegertRate, type LifNoiseParams } from './siegert';
import { WhiteNoiseIfGroup, type WhiteNoiseIfParams } from './whiteNoiseIf';

const DT = 0.1;
const LIF: WhiteNoiseIfParams = { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2, delta_t: 2, v_t: 15 };

/** Runs n neurons for `seconds` after a 200-ms warm-up; returns the rate (Hz) and its standard error. */
function monteCarloRate(p: WhiteNoiseIfParams, mu: number, sigma: number, n: number, seconds: number, seed: number, dt = DT) {
  const net = new Network(dt, new Rng(seed));
  const g = net.addNeuronGroup(new WhiteNoiseIfGroup('g', n, p, dt));
  g.setDrive(mu, sigma);
  g.v.fill(p.v_reset);
  net.run(Math.round(200 / dt));
  const counts = new Float64Array(n);
  const steps = Math.round((seconds * 1000) / dt);
  for (let s = 0; s < steps; s++) {
    net.step();
    for (let q = 0; q < g.spikeCount; q++) counts[g.spikes[q]]++;
  }
  let m = 0, m2 = 0;
  for (const c of counts) { m += c; m2 += c * c; }
  m /= n;
  const sd = Math.sqrt(Math.max(0, m2 / n - m * m));
  return { rate: m / seconds, se: sd / Math.sqrt(n) / seconds };
}

describe('white-noise LIF Monte Carlo against Siegert (dt = 0.1 ms, bridge-corrected)', () => {
  // Mean-driven (μ > θ) and fluctuation-driven points, from below 2 Hz to above 40 Hz.
  const points: [number, number, number][] = [
    [10, 5, 20], [15, 5, 5], [10, 10, 5], [20, 5, 4], [25, 2, 4],
  ];
  for (const [mu, sigma, seconds] of points) {
    it(`μ=${mu}, σ=${sigma}`, () => {
      const theory = siegertRate({ mu, sigma, tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2 } satisfies LifNoiseParams);
      const { rate, se } = monteCarloRate(LIF, mu, sigma, 1000, seconds, 11);
      console.log(`LIF μ=${mu} σ=${sigma}: MC ${rate.toFixed(4)} ± ${se.toFixed(4)} Hz, Siegert ${theory.toFixed(4)} Hz (${(100 * (rate / theory - 1)).toFixed(2)}%)`);
      expect(Math.abs(rate - theory)).toBeLessThan(Math.max(0.03 * theory, 3 * se));
    });
  }
});
