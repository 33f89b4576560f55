import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng (xoshiro128**)', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.nextU32());
    expect(Array.from({ length: 100 }, () => b.nextU32())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.nextU32())).not.toEqual(xa);
    expect(xa.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('uniform: open interval, mean 1/2 and variance 1/12 within 4 SE', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0, s2 = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      s += u;
      s2 += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(s / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal: mean 0, sd 1; poisson: mean λ for small and large λ', () => {
    const r = new Rng(2);
    const n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(Math.sqrt(s2 / n) - 1)).toBeLessThan(0.01);
    for (const lambda of [0.01, 3, 50]) {
      let t = 0;
      const m = 50_000;
      for (let i = 0; i < m; i++) t += r.poisson(lambda);
      expect(Math.abs(t / m - lambda)).toBeLessThan(4 * Math.sqrt(lambda / m));
    }
  });

  it('getState/setState continues the same stream', () => {
    const r = new Rng(7);
    r.normal();
    const st = r.getState();
    const a = [r.normal(), r.uniform(), r.nextU32()];
    r.setState(st);
    expect([r.normal(), r.uniform(), r.nextU32()]).toEqual(a);
  });
});
