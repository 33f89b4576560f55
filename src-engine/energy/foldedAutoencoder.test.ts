import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { FoldedAutoencoder, type FoldedParams } from './foldedAutoencoder';

const params = (lambda: number, beta = 1): FoldedParams => ({ lambda, beta, eta_W: 0.05, eta_G: 0.05 });

/** A random network with a random input and a random (non-relaxed) state. */
function randomNet(sizes: number[], lambda: number, seed: number, beta = 1): FoldedAutoencoder {
  const rng = new Rng(seed);
  const m = new FoldedAutoencoder(sizes, params(lambda, beta), { rng, gainW: 1, gainG: 1 });
  const x = Array.from({ length: sizes[0] }, () => rng.uniform());
  m.feedforward(x);
  for (let k = 0; k < m.dim; k++) m.u[k] += 0.5 * rng.normal();
  return m;
}

/** Central finite difference of E with respect to a[k] (a is a weight array or the state). */
function fd(m: FoldedAutoencoder, a: Float64Array, k: number, h = 1e-6): number {
  const a0 = a[k];
  a[k] = a0 + h;
  const ep = m.energy();
  a[k] = a0 - h;
  const em = m.energy();
  a[k] = a0;
  return (ep - em) / (2 * h);
}

describe('FoldedAutoencoder energy and its gradients', () => {
  for (const lambda of [0, 0.3, 1]) {
    it(`∂E/∂u matches central finite differences (3–2–2 tanh, λ = ${lambda})`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const m = randomNet([3, 2, 2], lambda, seed);
        m.gradient();
        const g = m.grad.slice();
        for (let k = 0; k < m.dim; k++) expect(Math.abs(g[k] - fd(m, m.u, k))).toBeLessThan(1e-6 * Math.max(1, Math.abs(g[k])));
      }
    });
  }

  for (const lambda of [0.1, 0.5, 0.9]) {
    it(`the plasticity updates are −η·∂E/∂W and −η·∂E/∂G (finite differences, relative error < 1e-3, λ = ${lambda})`, () => {
      const m = randomNet([6, 4, 3], lambda, 11);
      m.p = { ...m.p, eta_W: 1, eta_G: 1 };
      const W0 = m.W.map((w) => w.slice()), G0 = m.G.map((g) => g.slice());
      const fdW = m.W.map((w) => Array.from(w, (_, k) => fd(m, w, k)));
      const fdG = m.G.map((g) => Array.from(g, (_, k) => fd(m, g, k)));
      m.plasticity();
      let checked = 0;
      const check = (now: Float64Array[], before: Float64Array[], ref: number[][]) => {
        now.forEach((w, i) => {
          // Relative error over the whole matrix: ‖Δ + ∇E‖ / ‖∇E‖.
          let num = 0, den = 0;
          for (let k = 0; k < w.length; k++) {
            const used = -(w[k] - before[i][k]);
            num += (used - ref[i][k]) ** 2;
            den += ref[i][k] ** 2;
            checked++;
          }
          if (w.length > 0) expect(Math.sqrt(num / den)).toBeLessThan(1e-3);
        });
      };
      check(m.W, W0, fdW);
      check(m.G, G0, fdG);
      expect(checked).toBe(6 * 4 + 4 * 3 + 6 * 4 + 4 * 3);
    });
  }

  it('one plasticity step at fixed u lowers E by η(‖∂E/∂W‖² + ‖∂E/∂G‖²) up to O(η²)', () => {
    const m = randomNet([6, 4, 2], 0.4, 3);
    const eta = 1e-4;
    m.p = { ...m.p, eta_W: eta, eta_G: eta };
    const gradSq = [...m.W, ...m.G].reduce((s, w) => s + Array.from(w, (_, k) => fd(m, w, k) ** 2).reduce((a, b) => a + b, 0), 0);
    const e0 = m.energy();
    m.plasticity();
    const drop = e0 - m.energy();
    expect(Math.abs(drop - eta * gradSq)).toBeLessThan(0.01 * eta * gradSq);
  });
});

describe('FoldedAutoencoder inference dynamics', () => {
  it('with the step size below the stability bound 2/L, E never increases (100 random nets and inputs, 196–32–8)', () => {
    let increases = 0, steps = 0, worst = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const m = randomNet([196, 32, 8], ((seed * 37) % 100) / 100, seed, 0.5 + (seed % 3));
      const h = 0.95 * (2 / m.lipschitz());
      let e = m.relaxStep(h);
      for (let n = 0; n < 60; n++) {
        const next = m.relaxStep(h);
        steps++;
        if (next > e + 1e-12 * Math.max(1, e)) increases++;
        worst = Math.max(worst, next - e);
        e = next;
      }
    }
    expect(steps).toBe(6000);
    expect(increases).toBe(0);
    expect(worst).toBeLessThanOrEqual(1e-12);
  });

  it('with dt_r = 0.1 (SCIENCE.md §7.2), E is non-increasing over 100 random inputs of the 6–4–2 network', () => {
    const rng = new Rng(5);
    const m = new FoldedAutoencoder([6, 4, 2], params(0.1), { rng, gainW: 0.3 * Math.sqrt(6), gainG: 0.3 * Math.sqrt(2) });
    for (let s = 0; s < 100; s++) {
      m.feedforward(Array.from({ length: 6 }, () => 2 * rng.uniform() - 1));
      let e = m.relaxStep(0.1);
      for (let n = 0; n < 200; n++) {
        const next = m.relaxStep(0.1);
        expect(next).toBeLessThanOrEqual(e + 1e-12);
        e = next;
      }
    }
  });

  it('λ = 1, β = 1 (purely discriminative): relaxes from a perturbed state to u_0 = x, u_i = W_i r_{i−1}, E = 0', () => {
    const m = randomNet([5, 4, 3], 1, 21);
    const ff = new FoldedAutoencoder([5, 4, 3], params(1));
    m.W.forEach((w, i) => ff.W[i].set(w));
    ff.feedforward(m.x);
    let e = Infinity;
    for (let n = 0; n < 3000 && e > 1e-20; n++) e = m.relaxStep(0.1);
    for (let k = 0; k < m.dim; k++) expect(Math.abs(m.u[k] - ff.u[k])).toBeLessThan(1e-8);
    expect(m.energy()).toBeLessThan(1e-16);
  });

  it('λ = 1: nothing depends on G (dynamics and G-plasticity); λ = 0: nothing depends on W', () => {
    for (const [lambda, frozen] of [[1, 'G'], [0, 'W']] as const) {
      const a = randomNet([5, 4, 3], lambda, 8);
      const b = randomNet([5, 4, 3], lambda, 8);
      for (const w of b[frozen]) for (let k = 0; k < w.length; k++) w[k] += 0.7 * Math.sin(k + 1);
      const before = b[frozen].map((w) => w.slice());
      for (let n = 0; n < 50; n++) {
        expect(b.relaxStep(0.1)).toBeCloseTo(a.relaxStep(0.1), 12);
        b.plasticity();
        a.plasticity();
      }
      for (let k = 0; k < a.dim; k++) expect(b.u[k]).toBeCloseTo(a.u[k], 12);
      b[frozen].forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(before[i])));
    }
  });

  it('λ = 0 (purely generative): nothing anchors the top layer, yet relaxation stays finite and non-increasing', () => {
    const m = randomNet([5, 4, 3], 0, 13);
    // Unanchored: pushing the top layer far out changes E by a bounded amount (only r_N = tanh(u_N)
    // enters), whereas any λ > 0 adds (λ/2)·t² for a shift t.
    const top = m.offsets[m.N];
    const e0 = m.energy();
    const far = m.u.slice();
    for (let k = top; k < m.dim; k++) far[k] += 1e6;
    expect(Math.abs(m.energy(far) - e0)).toBeLessThan(100);
    m.p = { ...m.p, lambda: 0.1 };
    expect(m.energy(far) - m.energy()).toBeGreaterThan(1e10);
    m.p = { ...m.p, lambda: 0 };
    let e = m.relaxStep(0.1);
    for (let n = 0; n < 2000; n++) {
      const next = m.relaxStep(0.1);
      expect(next).toBeLessThanOrEqual(e + 1e-12);
      e = next;
    }
    for (let k = 0; k < m.dim; k++) expect(Number.isFinite(m.u[k])).toBe(true);
  });
});
