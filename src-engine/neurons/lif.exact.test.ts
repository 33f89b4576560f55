/**
 * LIF group against closed-form solutions (complements lif.test.ts: one-sided spike-time
 * bounds, current drive, input during refractoriness, every PSP shape, the τe → τm limit,
 * and the exact step at which setParams acts). Closed forms of τm dV/dt = −(V − E_L) + ge + gi (SCIENCE.md §1.1).
 *
 * Time convention (lif.ts, network.ts): the k-th call of integrate() (k = 1, 2, …) advances
 * V from t = (k−1)·dt to t = k·dt, so a spike found in call k happens at t = k·dt. A threshold
 * crossing at the analytic time T is therefore detected at the first grid time ≥ T: the
 * simulated spike time lies in [T, T + dt).
 */
import { describe, expect, it } from 'vitest';
import { LifGroup, lifPropagators, type LifParams } from './lif';

/** A clamp-free, threshold-free base: θ far above anything reached. */
const BASE: LifParams = { tau_m: 20, el: 0, v_th: 1e9, v_reset: 0, t_ref: 0, tau_e: 5, tau_i: 10 };

/** Floating-point slack for comparing grid times with analytic times (ms). */
const TIME_EPS = 1e-9;

function group(p: Partial<LifParams>, dt: number, size = 1): LifGroup {
  return new LifGroup('g', size, { ...BASE, ...p }, dt);
}

/** Runs until the first spike of neuron 0; returns the number of integrate() calls (≥ 1). */
function stepsToFirstSpike(g: LifGroup, maxSteps: number): number {
  for (let k = 1; k <= maxSteps; k++) {
    g.integrate();
    if (g.spikeCount > 0) return k;
  }
  throw new Error('no spike');
}

/** Analytic time for V to go from v0 to θ under a constant asymptote vInf > θ (ms). */
function crossingTime(tau: number, vInf: number, v0: number, theta: number): number {
  return tau * Math.log((vInf - v0) / (vInf - theta));
}

describe('LifGroup: constant supra-threshold drive', () => {
  // CUBA values: E_L = −49 mV above θ = −50 mV drives the neuron by itself (V∞ = E_L).
  const cuba = { tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: 5 };

  for (const dt of [0.1, 0.01]) {
    it(`first spike at τ·ln((V∞−V0)/(V∞−θ)) within one step (E_L drive, dt=${dt})`, () => {
      const g = group(cuba, dt);
      g.v[0] = -60;
      const T = crossingTime(20, -49, -60, -50); // 20·ln 11 = 47.958 ms
      const t = stepsToFirstSpike(g, Math.ceil(100 / dt)) * dt;
      expect(t).toBeGreaterThanOrEqual(T - TIME_EPS);
      expect(t).toBeLessThan(T + dt + TIME_EPS);
      expect(g.v[0]).toBe(-60); // reset
    });

    it(`first spike within one step for a constant current held in ge (dt=${dt})`, () => {
      // With τe = 1e12 ms, ge stays at I to a relative 1e-10 over the run, so V∞ = E_L + I.
      const I = 25;
      const g = group({ tau_m: 10, el: -70, v_th: -50, v_reset: -70, tau_e: 1e12 }, dt);
      g.ge[0] = I;
      const T = crossingTime(10, -70 + I, -70, -50); // 10·ln 5 = 16.094 ms
      const t = stepsToFirstSpike(g, Math.ceil(100 / dt)) * dt;
      expect(t).toBeGreaterThanOrEqual(T - TIME_EPS);
      expect(t).toBeLessThan(T + dt + TIME_EPS);
    });
  }

  it('SCIENCE §1 test 2: μ = 25, θ = 20, V_r = 10, t_ref = 2 ms gives ν = 41.715 Hz ± 0.5% at dt = 0.01', () => {
    const dt = 0.01;
    const g = group({ tau_m: 20, el: 25, v_th: 20, v_reset: 10, t_ref: 2 }, dt);
    g.v[0] = 10;
    const spikes: number[] = [];
    const steps = Math.round(1000 / dt); // 1 s
    for (let k = 1; k <= steps; k++) {
      g.integrate();
      if (g.spikeCount > 0) spikes.push(k);
    }
    const isi = (spikes[spikes.length - 1] - spikes[0]) * dt / (spikes.length - 1);
    const expectedIsi = 2 + 20 * Math.log(15 / 5); // 23.972 ms
    expect(Math.abs(isi - expectedIsi)).toBeLessThan(dt + TIME_EPS);
    expect(Math.abs(1000 / isi - 41.7149) / 41.7149).toBeLessThan(0.005);
  });
});

describe('LifGroup: refractory period', () => {
  for (const [dt, tRef] of [[0.1, 2], [0.1, 5], [0.01, 2]] as const) {
    it(`holds V at V_r for round(t_ref/dt) steps and ISI = t_ref + τ ln((V∞−V_r)/(V∞−θ)) (dt=${dt}, t_ref=${tRef})`, () => {
      const p = { tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: tRef };
      const g = group(p, dt);
      const refSteps = Math.round(tRef / dt);
      const n = Math.round(300 / dt);
      const v: number[] = [];
      const spikeSteps: number[] = [];
      for (let k = 0; k < n; k++) {
        g.integrate();
        v.push(g.v[0]);
        if (g.spikeCount > 0) spikeSteps.push(k);
      }
      expect(spikeSteps.length).toBeGreaterThanOrEqual(4);
      for (const s of spikeSteps) {
        if (s + refSteps + 1 >= n) break;
        // Reset at the spike, then clamped for refSteps steps, then integrating again.
        for (let j = s; j <= s + refSteps; j++) expect(v[j]).toBe(-60);
        expect(v[s + refSteps + 1]).toBeGreaterThan(-60);
      }
      const isiExpected = tRef + crossingTime(20, -49, -60, -50);
      for (let m = 1; m < spikeSteps.length; m++) {
        const isi = (spikeSteps[m] - spikeSteps[m - 1]) * dt;
        expect(isi).toBeGreaterThanOrEqual(isiExpected - TIME_EPS);
        expect(isi).toBeLessThan(isiExpected + dt + TIME_EPS);
      }
    });
  }

  it('ignores input while refractory (V clamped, ge keeps decaying), then integrates it', () => {
    const dt = 0.1;
    const p = { tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: 5, tau_e: 5 };
    const g = group(p, dt);
    stepsToFirstSpike(g, 10000);
    const q = 100; // would cross θ within one step if the neuron were free
    g.ge[0] = q;
    const { ae } = lifPropagators(g.params, dt);
    for (let j = 1; j <= 50; j++) {
      g.integrate();
      expect(g.spikeCount).toBe(0);
      expect(g.v[0]).toBe(-60);
      expect(g.ge[0]).toBeCloseTo(q * ae ** j, 10);
    }
    g.integrate(); // first free step: the leftover ge ≈ 100·e^{−10} mV still pushes V up
    expect(g.v[0]).toBeGreaterThan(-60);
  });
});

describe('LifGroup: exact subthreshold integration', () => {
  it('V follows E_L + I(1 − e^{−t/τm}) under a constant current and settles at E_L + I', () => {
    // Constant current held in ge with τe = 1e12 ms: over 500 ms ge changes by 5e-10 relative,
    // and k_e differs from 1 − a_m by ~1e-10 relative, so 1e-7 mV is a safe bound.
    const dt = 0.1;
    const I = 12;
    const g = group({ tau_m: 20, el: -70, tau_e: 1e12 }, dt);
    g.ge[0] = I;
    for (let k = 1; k <= 5000; k++) {
      g.integrate();
      const t = k * dt;
      expect(Math.abs(g.v[0] - (-70 + I * (1 - Math.exp(-t / 20))))).toBeLessThan(1e-7);
    }
    expect(Math.abs(g.v[0] - (-70 + I))).toBeLessThan(1e-7); // 25 τm: e^{−25} ≈ 1e-11
  });
});

describe('LifGroup: exponential current synapse', () => {
  // Analytic response to ge(0) = q with V(0) = E_L:
  //   V(t) − E_L = q·τe/(τe − τm)·(e^{−t/τe} − e^{−t/τm}),  and q·(t/τm)·e^{−t/τm} when τe = τm.
  const psp = (q: number, tauS: number, tauM: number, t: number): number =>
    tauS === tauM
      ? q * (t / tauM) * Math.exp(-t / tauM)
      : q * (tauS / (tauS - tauM)) * (Math.exp(-t / tauS) - Math.exp(-t / tauM));

  const cases: [string, number, number, number][] = [
    // label, τs, τm, dt
    ['τe=5, τm=20', 5, 20, 0.1],
    ['τe=5, τm=20, dt=1', 5, 20, 1],
    ['τe=30, τm=10', 30, 10, 0.1],
    ['τe=τm=20 (limit)', 20, 20, 0.1],
    ['τe=τm=20 (limit), dt=0.5', 20, 20, 0.5],
  ];
  for (const [label, tauS, tauM, dt] of cases) {
    it(`excitatory jump is exact at every step (${label})`, () => {
      const q = 3;
      const el = -65;
      const g = group({ tau_m: tauM, el, tau_e: tauS }, dt);
      g.ge[0] = q;
      for (let k = 1; k <= Math.round(150 / dt); k++) {
        g.integrate();
        // Rounding only: each step adds a few ulps of |E_L| ≈ 65 mV.
        expect(Math.abs(g.v[0] - el - psp(q, tauS, tauM, k * dt))).toBeLessThan(1e-11);
      }
    });
  }

  it('inhibitory channel uses τi with the same exact propagator', () => {
    const dt = 0.1;
    const q = -9;
    const g = group({ tau_m: 20, el: -49, v_th: -40, tau_e: 5, tau_i: 10 }, dt);
    g.gi[0] = q;
    for (let k = 1; k <= 2000; k++) {
      g.integrate();
      expect(Math.abs(g.v[0] + 49 - psp(q, 10, 20, k * dt))).toBeLessThan(1e-11);
    }
  });

  it('superposes excitatory and inhibitory currents linearly', () => {
    const dt = 0.1;
    const g = group({ tau_m: 20, el: 0, tau_e: 5, tau_i: 10 }, dt);
    g.ge[0] = 2;
    g.gi[0] = -1.5;
    for (let k = 1; k <= 1000; k++) {
      g.integrate();
      const t = k * dt;
      expect(Math.abs(g.v[0] - psp(2, 5, 20, t) - psp(-1.5, 10, 20, t))).toBeLessThan(1e-12);
    }
  });

  it('the one-step propagator is continuous as τe → τm', () => {
    // The exact k_e = τe/(τe−τm)(a_e − a_m) tends to (dt/τm)·a_m as τe → τm and its true
    // relative change for |τe − τm| ≤ 1e-9 ms is below 1e-12. Any τe in the schema's range
    // (e.g. read from a link) must give a propagator accurate to 1e-6 relative.
    const dt = 0.1;
    const limit = (dt / 20) * Math.exp(-dt / 20);
    const bad: string[] = [];
    for (const eps of [1e-13, 1e-11, 1e-10, 1e-9]) {
      for (const tauE of [20 + eps, 20 - eps]) {
        const { ke } = lifPropagators({ ...BASE, tau_m: 20, tau_e: tauE }, dt);
        const rel = Math.abs(ke - limit) / limit;
        if (!(rel < 1e-6)) bad.push(`τe = 20 ${tauE > 20 ? '+' : '−'} ${eps}: relative error ${rel.toExponential(2)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('LifGroup: setParams between steps', () => {
  const cuba = { tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: 5 };

  it('raising θ above E_L stops the spiking from the next step on', () => {
    const g = group(cuba, 0.1);
    let before = 0;
    for (let k = 0; k < 2000; k++) { g.integrate(); before += g.spikeCount; }
    expect(before).toBeGreaterThan(0);
    g.setParams({ v_th: -45 }); // V → E_L = −49 < θ
    let after = 0;
    for (let k = 0; k < 20000; k++) { g.integrate(); after += g.spikeCount; }
    expect(after).toBe(0);
    expect(g.v[0]).toBeCloseTo(-49, 9);
  });

  it('a threshold change acts exactly at the next step', () => {
    const dt = 0.1;
    const ref = group(cuba, dt);
    ref.v[0] = -60;
    const k = stepsToFirstSpike(ref, 10000); // spike happens in call k
    // Identical neuron: k−1 calls, then raise θ: call k must not spike.
    const a = group(cuba, dt);
    a.v[0] = -60;
    for (let j = 1; j < k; j++) a.integrate();
    expect(a.spikeCount).toBe(0);
    a.setParams({ v_th: -49.5 });
    a.integrate();
    expect(a.spikeCount).toBe(0);
    // And lowering θ to just below the next value fires in that very step.
    const b = group({ ...cuba, v_th: -30 }, dt);
    b.v[0] = -60;
    for (let j = 1; j <= 100; j++) b.integrate();
    const next = -49 + (b.v[0] + 49) * Math.exp(-dt / 20);
    b.setParams({ v_th: next - 1e-9 });
    b.integrate();
    expect(b.spikeCount).toBe(1);
  });

  it('a new τm and E_L are used by the very next step', () => {
    const dt = 0.1;
    const g = group({ tau_m: 20, el: -70 }, dt);
    g.v[0] = -60;
    for (let j = 0; j < 10; j++) g.integrate();
    const v0 = g.v[0];
    g.setParams({ tau_m: 7, el: -40 });
    g.integrate();
    expect(Math.abs(g.v[0] - (-40 + (v0 + 40) * Math.exp(-dt / 7)))).toBeLessThan(1e-12);
  });

  it('a new t_ref sets the refractory count of the next spike to round(t_ref/dt)', () => {
    const dt = 0.1;
    const g = group({ tau_m: 20, el: -49, v_th: -50, v_reset: -60, t_ref: 2 }, dt);
    stepsToFirstSpike(g, 10000);
    expect(g.refr[0]).toBe(20);
    g.setParams({ t_ref: 7 });
    stepsToFirstSpike(g, 10000);
    expect(g.refr[0]).toBe(70);
  });
});
