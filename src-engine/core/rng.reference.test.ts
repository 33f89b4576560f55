/**
 * Rng against external references and distribution moments (complements rng.test.ts).
 *
 * Reference stream: xoshiro128** 1.1 from the state {1, 2, 3, 4}, as produced by Blackman &
 * Vigna's xoshiro128starstar.c (the test vector of the rand_xoshiro crate).
 * Statistical checks use fixed seeds and 3 standard errors:
 *   mean of n draws: σ/√n;  sample variance: √((μ4 − σ⁴)/n);  a frequency p: √(p(1 − p)/n).
 */
import { describe, expect, it } from 'vitest';
import { Rng, type RngState } from './rng';

const REFERENCE_1234 = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];

const state = (s: [number, number, number, number]): RngState => ({ s });

function moments(n: number, draw: () => number) {
  let s1 = 0, s2 = 0, s4 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s1 += x;
    s2 += x * x;
    s4 += x ** 4;
  }
  const mean = s1 / n;
  return { mean, variance: s2 / n - mean * mean, m2: s2 / n, m4: s4 / n };
}

describe('Rng: reference stream', () => {
  it('reproduces the xoshiro128** reference outputs from state {1, 2, 3, 4}', () => {
    const r = new Rng(0);
    r.setState(state([1, 2, 3, 4]));
    expect(Array.from({ length: 10 }, () => r.nextU32())).toEqual(REFERENCE_1234);
  });

  it('maps a zero output to a positive uniform (log stays finite)', () => {
    const r = new Rng(0);
    r.setState(state([1, 2, 3, 4]));
    r.nextU32(); // the next output is 0
    const u = r.uniform();
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1e-9);
    expect(Number.isFinite(Math.log(u))).toBe(true);
  });

  it('seeds at the ends of the range give distinct, non-degenerate streams', () => {
    const seeds = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff];
    const heads = seeds.map((seed) => {
      const r = new Rng(seed);
      expect(r.getState().s.some((w) => w !== 0)).toBe(true);
      return Array.from({ length: 4 }, () => r.nextU32()).join(',');
    });
    expect(new Set(heads).size).toBe(seeds.length);
    // Seeds are taken modulo 2^32, like the seed field of a link.
    expect(new Rng(2 ** 32 + 5).nextU32()).toBe(new Rng(5).nextU32());
  });
});

describe('Rng: distributions', () => {
  it('uniform: mean 1/2, variance 1/12, E[u⁴] = 1/5', () => {
    const n = 200_000;
    const r = new Rng(3);
    const m = moments(n, () => r.uniform());
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    // μ4 − σ⁴ of U(0,1) about its mean: 1/80 − 1/144.
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(3 * Math.sqrt((1 / 80 - 1 / 144) / n));
    // Var(u⁴) = 1/9 − 1/25.
    expect(Math.abs(m.m4 - 0.2)).toBeLessThan(3 * Math.sqrt((1 / 9 - 1 / 25) / n));
  });

  it('int(n): every value in [0, n) equally likely (χ² test, 7 bins)', () => {
    const r = new Rng(4);
    const k = 7, n = 70_000;
    const c = new Array(k).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.int(k);
      if (Number.isInteger(x) && x >= 0 && x < k) c[x]++;
      else outside++;
    }
    expect(outside).toBe(0);
    const e = n / k;
    const chi2 = c.reduce((a, x) => a + (x - e) ** 2 / e, 0);
    // χ²(6): mean 6, SD √12; P(χ² > 6 + 4√12 ≈ 19.9) ≈ 0.003.
    expect(chi2).toBeLessThan(6 + 4 * Math.sqrt(12));
  });

  it('normal: mean 0, variance 1, E[z⁴] = 3, and consecutive deviates are uncorrelated', () => {
    const n = 200_000;
    const r = new Rng(5);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = r.normal();
    const m = moments(n, (() => { let i = 0; return () => xs[i++]; })());
    expect(Math.abs(m.mean)).toBeLessThan(3 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(3 * Math.sqrt(2 / n)); // μ4 − σ⁴ = 2
    expect(Math.abs(m.m4 - 3)).toBeLessThan(3 * Math.sqrt(96 / n)); // Var(z⁴) = 105 − 9
    let c = 0;
    for (let i = 0; i + 1 < n; i += 2) c += xs[i] * xs[i + 1];
    expect(Math.abs(c / (n / 2))).toBeLessThan(3 / Math.sqrt(n / 2));
  });

  // λ ≤ 30 uses inversion; λ > 30 a rounded normal, whose variance is λ + 1/12 (rounding).
  for (const [lambda, seed] of [[0.05, 6], [1, 7], [7.5, 8], [29.9, 9], [30.1, 10], [100, 11], [1000, 12]] as const) {
    it(`poisson(${lambda}): mean and variance within 3 SE`, () => {
      const n = 40_000;
      const r = new Rng(seed);
      let zeros = 0;
      const m = moments(n, () => {
        const k = r.poisson(lambda);
        if (!Number.isInteger(k) || k < 0) throw new Error(`bad count ${k}`);
        if (k === 0) zeros++;
        return k;
      });
      expect(Math.abs(m.mean - lambda)).toBeLessThan(3 * Math.sqrt(lambda / n));
      const varTarget = lambda > 30 ? lambda + 1 / 12 : lambda;
      expect(Math.abs(m.variance - varTarget)).toBeLessThan(3 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
      if (lambda <= 7.5) {
        const p0 = Math.exp(-lambda);
        expect(Math.abs(zeros / n - p0)).toBeLessThan(3 * Math.sqrt((p0 * (1 - p0)) / n) + 1 / n);
      }
    });
  }

  it('poisson of a zero or negative mean is 0 and consumes no randomness', () => {
    const a = new Rng(13), b = new Rng(13);
    expect(a.poisson(0)).toBe(0);
    expect(a.poisson(-3)).toBe(0);
    expect(a.nextU32()).toBe(b.nextU32());
  });
});

describe('Rng: state', () => {
  it('a JSON-serialised state continues the stream in a fresh generator', () => {
    const r = new Rng(21);
    for (let i = 0; i < 7; i++) r.normal();
    const saved = JSON.stringify(r.getState());
    const seq = (g: Rng) => [g.normal(), g.uniform(), g.poisson(3), g.poisson(50), g.int(1000), g.nextU32(), g.normal()];
    const expected = seq(r);
    const fresh = new Rng(999);
    fresh.setState(JSON.parse(saved) as RngState);
    expect(seq(fresh)).toEqual(expected);
  });

  it('getState returns a copy: changing it does not change the generator', () => {
    const r = new Rng(22);
    const twin = new Rng(22);
    const st = r.getState();
    st.s[0] ^= 1;
    expect(Array.from({ length: 5 }, () => r.normal())).toEqual(Array.from({ length: 5 }, () => twin.normal()));
  });
});
