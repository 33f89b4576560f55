import { describe, expect, it } from 'vitest';
import { LifGroup, lifPropagators, type LifParams } from './lif';

const base: LifParams = { tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: 5, tau_e: 5, tau_i: 10 };

/** Runs one neuron until it spikes `k` times; returns the steps of the spikes. */
function spikeSteps(p: LifParams, dt: number, v0: number, k: number, maxSteps = 1e6): number[] {
  const g = new LifGroup('n', 1, p, dt);
  g.v[0] = v0;
  const out: number[] = [];
  for (let n = 1; n <= maxSteps && out.length < k; n++) {
    g.integrate();
    if (g.spikeCount > 0) out.push(n);
  }
  return out;
}

describe('LIF, constant drive (E_L above threshold plays the role of V∞ = E_L + RI)', () => {
  for (const dt of [0.1, 0.01]) {
    it(`first spike at τ·ln((V∞−V0)/(V∞−θ)) within one step (dt = ${dt} ms)`, () => {
      const p = { ...base, el: -40 }; // V∞ = −40 mV, θ = −50 mV
      const v0 = -65;
      const tAnalytic = p.tau_m * Math.log((p.el - v0) / (p.el - p.v_th));
      const [first] = spikeSteps(p, dt, v0, 1);
      expect(Math.abs(first * dt - tAnalytic)).toBeLessThanOrEqual(dt);
    });

    it(`holds V at V_r for t_ref and fires with ISI = t_ref + τ ln((V∞−V_r)/(V∞−θ)) (dt = ${dt} ms)`, () => {
      const p = { ...base, el: -40 };
      const g = new LifGroup('n', 1, p, dt);
      g.v[0] = -50.5;
      let lastSpike = -1;
      const isis: number[] = [];
      const refSteps = Math.round(p.t_ref / dt);
      for (let n = 1; n <= Math.round(300 / dt); n++) {
        g.integrate();
        if (lastSpike > 0 && n - lastSpike <= refSteps) {
          expect(g.spikeCount).toBe(0);
          expect(g.v[0]).toBe(p.v_reset);
        }
        if (g.spikeCount > 0) {
          if (lastSpike > 0) isis.push((n - lastSpike) * dt);
          lastSpike = n;
        }
      }
      const isi = p.t_ref + p.tau_m * Math.log((p.el - p.v_reset) / (p.el - p.v_th));
      expect(isis.length).toBeGreaterThan(5);
      for (const x of isis) expect(Math.abs(x - isi)).toBeLessThanOrEqual(dt + 1e-9);
    });
  }
});

describe('LIF, exact subthreshold integration (SCIENCE.md §1 test 1)', () => {
  for (const dt of [0.1, 1]) {
    it(`V(20 ms) = 15(1 − e^{−1}) to 1e-9 relative, dt = ${dt} ms`, () => {
      const p = { ...base, el: 15, v_th: 1e9, v_reset: 0, t_ref: 0 };
      const g = new LifGroup('n', 1, p, dt);
      g.v[0] = 0;
      for (let n = 0; n < Math.round(20 / dt); n++) g.integrate();
      const expected = 15 * (1 - Math.exp(-1));
      expect(Math.abs(g.v[0] - expected) / expected).toBeLessThan(1e-9);
    });
  }

  it('sub-threshold steady state equals E_L + I when a constant current is held', () => {
    // ge is reset to I (mV) before every step, so within each step the current decays from I
    // exactly as the propagator assumes: the discrete fixed point is E_L + I·k_e/(1 − a_m), which
    // tends to the continuous-time value E_L + I as dt/τe → 0.
    const p = { ...base, el: -70, v_th: 0, tau_e: 5 };
    const dt = 0.1;
    const g = new LifGroup('n', 1, p, dt);
    const I = 12;
    const { am, ae, ke } = lifPropagators(p, dt);
    for (let n = 0; n < 20000; n++) {
      g.ge[0] = I;
      g.integrate();
    }
    // Discrete fixed point of V = E_L + (V − E_L)a_m + I k_e:
    const vStar = p.el + (I * ke) / (1 - am);
    expect(g.v[0]).toBeCloseTo(vStar, 9);
    // k_e/(1 − a_m) → 1 as dt → 0: the analytic E_L + I within O(dt/τ).
    expect(Math.abs(vStar - (p.el + I))).toBeLessThan(I * (dt / p.tau_e));
    expect(ae).toBeCloseTo(Math.exp(-dt / p.tau_e), 15);
  });

  it('a single current jump gives the exact double-exponential PSP at every step', () => {
    for (const tau_e of [5, 20]) {
      const p = { ...base, el: 0, v_th: 1e9, v_reset: 0, tau_m: 20, tau_e };
      const dt = 0.1;
      const g = new LifGroup('n', 1, p, dt);
      g.v[0] = 0;
      const q = 2;
      g.ge[0] = q;
      for (let n = 1; n <= 1000; n++) {
        g.integrate();
        const t = n * dt;
        const expected = tau_e === p.tau_m
          ? q * (t / p.tau_m) * Math.exp(-t / p.tau_m)
          : ((q * tau_e) / (tau_e - p.tau_m)) * (Math.exp(-t / tau_e) - Math.exp(-t / p.tau_m));
        expect(g.v[0]).toBeCloseTo(expected, 10);
      }
    }
  });
});

describe('LIF, live parameters', () => {
  it('raising the threshold above V∞ between steps stops spiking from the next step', () => {
    const p = { ...base, el: -40 };
    const g = new LifGroup('n', 3, p, 0.1);
    g.v.set([-50.5, -55, -45.5]);
    let before = 0;
    for (let n = 0; n < 2000; n++) {
      g.integrate();
      before += g.spikeCount;
    }
    expect(before).toBeGreaterThan(10);
    g.setParams({ v_th: -39 });
    let after = 0;
    for (let n = 0; n < 5000; n++) {
      g.integrate();
      after += g.spikeCount;
    }
    expect(after).toBe(0);
    expect(g.v[0]).toBeLessThan(-39);
  });

  it('snapshot/restore reproduces the trajectory', () => {
    const g = new LifGroup('n', 4, { ...base, el: -45 }, 0.1);
    g.v.set([-60, -55, -52, -50.1]);
    for (let n = 0; n < 123; n++) g.integrate();
    const snap = g.snapshot();
    const run = () => {
      const out: number[] = [];
      for (let n = 0; n < 500; n++) {
        g.ge[n % 4] += 0.3;
        g.integrate();
        out.push(g.v[0], g.v[3], g.spikeCount);
      }
      return out;
    };
    const a = run();
    g.restore(snap);
    expect(run()).toEqual(a);
  });
});
