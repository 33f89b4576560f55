/**
 * The float32 kernel's normal deviates (whiteNoiseLif32Kernel.wat: Box–Muller on four xoshiro128**
 * lanes) against the standard normal: moments to the sixth, tail probabilities out to 5σ on each
 * side, a χ² over 64 equiprobable bins (pooled and per lane), and the independence of the two
 * deviates of one pair (neurons i and i + 4) and of consecutive steps; each deviate against the
 * transform of its lane words in float64 (catches polynomial errors). The kernel's float32x4 exp
 * against exp. Fixed seeds; bounds are 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { chiSquare, momentErrors, tailErrors } from '../core/normalChecks';
import { Rng } from '../core/rng';
import { WhiteNoiseLif32Kernel, LANES } from './whiteNoiseLif32Kernel';


/** `steps` steps of `n` always-refractory neurons: every neuron's N(0,1) of every step, by neuron. */
function draws(n: number, steps: number): Float64Array {
  const k = new WhiteNoiseLif32Kernel(n);
  k.seed(new Rng(20261129).fork('step:neurons'));
  k.refr.fill(1 << 30);
  const out = new Float64Array(n * steps);
  for (let s = 0; s < steps; s++) {
    expect(k.integrate(0.995, 20, 10, 20, false, null)).toBe(0);
    out.set(k.zOut, s * n);
  }
  return out;
}


describe('float32 kernel normals (Box–Muller on SIMD lanes): distribution', () => {
  const n = 10_000, steps = 200, N = n * steps;
  const xs = draws(n, steps);

  it('moments: mean 0, variance 1, skewness 0, E[z⁴] = 3, E[z⁶] = 15', () => {
    for (const e of momentErrors(xs)) expect(e).toBeLessThan(4);
  });

  it('tails: P(Z > k) and P(Z < −k) for k = 1 … 5', () => {
    for (const e of tailErrors(xs, [1, 2, 3, 3.5, 4, 4.5, 5])) expect(e).toBeLessThan(4);
  });

  it('χ² over 64 equiprobable bins, pooled and for each lane', () => {
    // χ²(63): mean 63, SD √126.
    expect(chiSquare(xs, 64)).toBeLessThan(63 + 4 * Math.sqrt(126));
    for (let lane = 0; lane < LANES; lane++) {
      const mine = xs.filter((_, i) => i % LANES === lane);
      expect(chiSquare(mine, 64)).toBeLessThan(63 + 4 * Math.sqrt(126));
    }
  });

  it('independent: the pair (i, i + 4) uncorrelated in z and z², and neuron i between steps', () => {
    let c1 = 0, c2 = 0, m = 0;
    for (let s = 0; s < steps; s++) {
      for (let g = 0; g + 8 <= n; g += 8) for (let j = 0; j < 4; j++) {
        const a = xs[s * n + g + j], b = xs[s * n + g + j + 4];
        c1 += a * b;
        c2 += a * a * b * b;
        m++;
      }
    }
    // E[z₁z₂] = 0 (SD 1), E[z₁²z₂²] = 1 (SD √8).
    expect(Math.abs(c1 / m)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(c2 / m - 1)).toBeLessThan(4 * Math.sqrt(8 / m));
    let cs = 0;
    for (let i = 0; i + n < N; i++) cs += xs[i] * xs[i + n];
    expect(Math.abs(cs / (N - n))).toBeLessThan(4 / Math.sqrt(N - n));
  });
});

describe('float32 kernel normals: the transform', () => {
  it('each z is Box–Muller of its lane words, computed in float64, within 1e-6·(1 + |z|)', () => {
    // Layout 'lanes': one block of four streams for all neurons (the module is the same in both layouts).
    const n = 1000, k = new WhiteNoiseLif32Kernel(n, 'lanes');
    k.seed(new Rng(7).fork('step:neurons'));
    k.refr.fill(1 << 30);
    const lanes = Array.from({ length: LANES }, (_, j) => {
      const r = new Rng(0);
      r.setState({ s: [0, 1, 2, 3].map((w) => k.lanes[w * LANES + j] >>> 0) as [number, number, number, number] });
      return r;
    });
    let worst = 0;
    for (let step = 0; step < 20; step++) {
      k.integrate(0.995, 20, 10, 20, false, null);
      // The kernel draws for its padding neurons too (n rounded up to 16); only real neurons are compared.
      for (let g = 0; g < ((n + 15) & ~15); g += 8) for (let j = 0; j < LANES; j++) {
        const b = lanes[j].nextU32(), c = lanes[j].nextU32();
        const u1 = Math.min(Math.fround((b >>> 1) * 2 ** -31 + 2 ** -32), 1 - 2 ** -24);
        const r = Math.sqrt(-2 * Math.log(u1)), phi = ((2 * (c & 0x7fffff) + 1) * 2 ** -24 * Math.PI) / 2;
        const z1 = (c >>> 31 ? -1 : 1) * r * Math.cos(phi), z2 = ((c >>> 30) & 1 ? -1 : 1) * r * Math.sin(phi);
        if (g < n) worst = Math.max(worst, Math.abs(k.zOut[g + j] - z1) / (1 + Math.abs(z1)), Math.abs(k.zOut[g + j + 4] - z2) / (1 + Math.abs(z2)));
      }
    }
    expect(worst).toBeLessThan(1e-6);
    expect(worst).toBeGreaterThan(0);
  });
});

describe('float32 kernel exp ($exp4, the bridge probability and the EIF term)', () => {
  it('within 2.5·10⁻⁷ relative of exp on [−87, 50], clamped outside [−87, 88]', () => {
    const exp1 = new WhiteNoiseLif32Kernel(8).exports.exp1 as (x: number) => number;
    let worst = 0;
    for (let x = -87; x <= 50; x += 0.0137) {
      const xf = Math.fround(x);
      worst = Math.max(worst, Math.abs(exp1(xf) / Math.exp(xf) - 1));
    }
    expect(worst).toBeLessThan(2.5e-7);
    expect(worst).toBeGreaterThan(0);
    expect(exp1(0)).toBe(1);
    expect(exp1(-200)).toBe(exp1(-87));
  });
});
