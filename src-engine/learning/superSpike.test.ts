import { describe, expect, it } from 'vitest';
import { Network } from '../core/network';
import { Rng } from '../core/rng';
import { patternFromEvents, PatternInput } from '../inputs/spikePattern';
import { LifGroup } from '../neurons/lif';
import { alphaSquaredIntegral, pspCoefs } from './filters';
import { SuperSpikeConnection } from './superSpike';
import { fastSigmoidDerivative } from './surrogate';
import { VanRossumError } from './vanRossumError';

describe('SuperSpike building blocks (SCIENCE.md §4 tests)', () => {
  it('PSP trace of one spike peaks at 6.93 ms with height 0.25 (τ 5/10 ms, dt 0.1 ms)', () => {
    const { ar, ad, k } = pspCoefs(5, 10, 0.1);
    let u = 1, p = 0, best = 0, tBest = 0;
    for (let n = 1; n <= 1000; n++) {
      p = ad * p + k * u;
      u *= ar;
      if (p > best) { best = p; tBest = n * 0.1; }
    }
    expect(Math.abs(tBest - 10 * Math.LN2)).toBeLessThan(0.1);
    expect(Math.abs(best - 0.25)).toBeLessThan(0.002);
  });

  it('surrogate: σ′(ϑ) = 1, σ′(ϑ ± 1 mV) = 0.25, σ′(ϑ − 10 mV) = 1/121', () => {
    expect(fastSigmoidDerivative(-50, -50, 1)).toBe(1);
    expect(fastSigmoidDerivative(-49, -50, 1)).toBeCloseTo(0.25, 12);
    expect(fastSigmoidDerivative(-51, -50, 1)).toBeCloseTo(0.25, 12);
    expect(fastSigmoidDerivative(-60, -50, 1)).toBeCloseTo(1 / 121, 12);
  });

  it('∫α² dt = 1/30 ms⁻¹ for (5, 10) ms', () => {
    expect(alphaSquaredIntegral(5, 10)).toBeCloseTo(1 / 30, 12);
  });

  /** Van Rossum loss of one output against a target, over one long trial. */
  function vanRossum(targetSteps: number[], outputSteps: number[], dt = 0.1, period = 20000): number {
    const out = { name: 'out', size: 1, spikes: new Int32Array(1), spikeCount: 0 };
    const target = patternFromEvents(1, period, targetSteps, targetSteps.map(() => 0));
    const vr = new VanRossumError('vr', out, target, dt);
    const net = new Network(dt, new Rng(1));
    net.add({ name: 'drive', input: (ctx) => { out.spikeCount = outputSteps.includes(ctx.clock.step) ? 1 : 0; } });
    net.add(vr);
    net.run(period);
    return vr.lossTrace[0];
  }

  it('one target spike and no output costs ½∫α² = 16.67 s⁻¹ (within 1%); coinciding spikes cost 0', () => {
    expect(Math.abs(vanRossum([1000], []) / (1000 / 60) - 1)).toBeLessThan(0.01);
    expect(Math.abs(vanRossum([], [1000]) / (1000 / 60) - 1)).toBeLessThan(0.01);
    expect(vanRossum([1000, 5000], [1000, 5000])).toBe(0);
    // A near miss costs less than a miss, and more the further off it is.
    const l2 = vanRossum([1000], [1020]), l5 = vanRossum([1000], [1050]);
    expect(l2).toBeGreaterThan(0);
    expect(l2).toBeLessThan(l5);
    expect(l5).toBeLessThan(2 * 16.67);
  });

  it('RMS normaliser: a constant gradient moves each weight by ≈ η per block, in the gradient’s direction', () => {
    const dt = 0.5, block = 200;
    const net = new Network(dt, new Rng(3));
    const pattern = patternFromEvents(2, block, [0, 10, 50], [0, 1, 0]);
    const pre = net.add(new PatternInput('pre', pattern));
    const post = net.addNeuronGroup(new LifGroup('post', 2, { tau_m: 10, el: -60, v_th: -50, v_reset: -60, t_ref: 5, tau_e: 5, tau_i: 5 }, dt));
    const w = new Float32Array(4);
    const err = { error: new Float64Array([1, -2]) };
    const rule = net.add(new SuperSpikeConnection('ss', pre, post, w, err, { eta: 0.01, beta: 1, tau_rise: 5, tau_decay: 10, tau_rms_s: 30, w_clip: 1, epsilon: 1e-12 }, block, dt));
    net.run(block);
    expect(rule.blocks).toBe(1);
    // Row-major nPre × nPost: synapse (j, i) at j·2 + i; post 0 has positive error, post 1 negative.
    for (const j of [0, 1]) {
      expect(w[j * 2]).toBeCloseTo(0.01, 6);
      expect(w[j * 2 + 1]).toBeCloseTo(-0.01, 6);
    }
  });
});
