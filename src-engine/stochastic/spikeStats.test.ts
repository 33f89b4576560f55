import { describe, expect, it } from 'vitest';
import type { SpikeSource } from '../core/component';
import { Clock } from '../core/clock';
import { Rng } from '../core/rng';
import { CrossCovariance, IsiStatistics } from './spikeStats';

const DT = 0.1;

/**
 * P pairs of Poisson trains: j at nuJ Hz; k copies each j-spike with probability q after `lag`
 * steps, plus its own Poisson spikes at nuK Hz. Then C_kj(s) = q·ν_j·δ(s − lag), ∫C = q·ν_j.
 */
function synthetic(P: number, nuJ: number, nuK: number, q: number, lag: number, steps: number, seed: number) {
  const rng = new Rng(seed);
  const src: SpikeSource = { name: 'syn', size: 2 * P, spikes: new Int32Array(2 * P), spikeCount: 0 };
  const ids = (o: number) => Int32Array.from({ length: P }, (_, p) => o + p);
  const cc = new CrossCovariance('cc', src, ids(0), ids(P), 2000, 10, DT);
  const isi = new IsiStatistics('isi', src, DT, 2, 1000);
  const clock = new Clock(DT);
  const next = new Float64Array(2 * P);
  const expo = (nu: number) => -Math.log(rng.uniform()) / ((nu * DT) / 1000);
  for (let i = 0; i < 2 * P; i++) next[i] = expo(i < P ? nuJ : nuK);
  const due: number[][] = Array.from({ length: lag + 1 }, () => []);
  const ctx = { clock, rng };
  for (let t = 0; t < steps; t++) {
    clock.step = t;
    const copies = due[t % (lag + 1)];
    due[t % (lag + 1)] = [];
    let n = 0;
    const fired = new Uint8Array(2 * P);
    for (const k of copies) fired[k] = 1;
    for (let i = 0; i < 2 * P; i++) {
      while (next[i] < t + 1) {
        fired[i] = 1;
        next[i] += expo(i < P ? nuJ : nuK);
      }
    }
    for (let i = 0; i < 2 * P; i++) {
      if (!fired[i]) continue;
      src.spikes[n++] = i;
      if (i < P && rng.uniform() < q) due[(t + lag) % (lag + 1)].push(P + i);
    }
    src.spikeCount = n;
    cc.monitor(ctx);
    isi.monitor(ctx);
  }
  return { cc: cc.result(), isi };
}

describe('CrossCovariance estimator', () => {
  it('recovers ∫C = q·ν_j and the peak lag of a delayed-copy process', () => {
    const { cc } = synthetic(100, 10, 5, 0.3, 10, 400_000, 1);
    console.log('synthetic ∫C', cc.integral, 'expected', 0.3 * 10);
    expect(cc.integral).toBeGreaterThan(3 * 0.9);
    expect(cc.integral).toBeLessThan(3 * 1.1);
    const k = cc.cov.indexOf(Math.max(...cc.cov));
    expect(cc.lagMs[k]).toBeGreaterThan(1);
    expect(cc.lagMs[k]).toBeLessThan(2);
  });

  it('gives ∫C ≈ 0 for independent trains, and Poisson ISIs have CV ≈ 1', () => {
    const { cc, isi } = synthetic(100, 10, 10, 0, 10, 400_000, 2);
    console.log('independent ∫C', cc.integral, 'CV', isi.cv());
    expect(Math.abs(cc.integral)).toBeLessThan(0.3);
    expect(isi.cv()).toBeGreaterThan(0.97);
    expect(isi.cv()).toBeLessThan(1.03);
  });
});
