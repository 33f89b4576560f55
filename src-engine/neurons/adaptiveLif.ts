/**
 * Conductance LIF with an adaptive threshold, the neuron of the spiking LPL network (Auryn's
 * IFGroup as used by Halvagal & Zenke; SCIENCE.md §3.3):
 *
 *   τm dV/dt = (E_L − V) + ge(E_e − V) + gi(E_i − V)          forward Euler, dt = 0.1 ms
 *   τe dge/dt = −ge,  τi dgi/dt = −gi                          exact decay
 *   V ≥ ϑ  →  spike, V ← V_r, ϑ ← ϑ_spike;   τϑ dϑ/dt = ϑ_rest − ϑ  (a relative refractory period)
 *
 * Defaults: τm = 20 ms, E_L = V_r = −70 mV, E_e = 0, E_i = −80 mV, τe = 5 ms, τi = 10 ms,
 * ϑ_rest = −50 mV, ϑ_spike = +50 mV (set, not incremented), τϑ = 5 ms. The paper's NMDA
 * component (τ = 100 ms) is not modelled.
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { NeuronGroupLike } from '../core/network';
import { DelayRings, type Receptor, type StateArray, type SynapticTarget } from './receptors';
import * as det from '../core/detMath';

export interface AdaptiveLifParams {
  tau_m: number;
  el: number;
  v_reset: number;
  e_exc: number;
  e_inh: number;
  tau_e: number;
  tau_i: number;
  th_rest: number;
  th_spike: number;
  tau_th: number;
}

export const ADAPTIVE_LIF_DEFAULTS: AdaptiveLifParams = {
  tau_m: 20, el: -70, v_reset: -70, e_exc: 0, e_inh: -80, tau_e: 5, tau_i: 10, th_rest: -50, th_spike: 50, tau_th: 5,
};

export class AdaptiveLifGroup implements NeuronGroupLike, SynapticTarget {
  readonly v: Float64Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly th: Float64Array;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly params: AdaptiveLifParams;
  private readonly delays: DelayRings;

  constructor(readonly name: string, readonly size: number, params: AdaptiveLifParams, readonly dt: number) {
    this.params = { ...params };
    this.v = new Float64Array(size).fill(params.el);
    this.ge = new Float64Array(size);
    this.gi = new Float64Array(size);
    this.th = new Float64Array(size).fill(params.th_rest);
    this.spikes = new Int32Array(size);
    this.delays = new DelayRings(name, size);
  }

  ensureDelay(d: number): void {
    this.delays.ensure(d);
  }

  inputTarget(receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number } {
    return this.delays.target(this.ge, this.gi, receptor, delay, step);
  }

  integrate(): void {
    const p = this.params, dt = this.dt;
    const k = dt / p.tau_m, ae = det.exp(-dt / p.tau_e), ai = det.exp(-dt / p.tau_i), at = det.exp(-dt / p.tau_th);
    const { v, ge, gi, th, spikes } = this;
    let count = 0;
    for (let i = 0; i < this.size; i++) {
      const e = ge[i], g = gi[i], vi0 = v[i];
      ge[i] = e * ae;
      gi[i] = g * ai;
      const vi = vi0 + k * (p.el - vi0 + e * (p.e_exc - vi0) + g * (p.e_inh - vi0));
      th[i] = p.th_rest + (th[i] - p.th_rest) * at;
      if (vi >= th[i]) {
        v[i] = p.v_reset;
        th[i] = p.th_spike;
        spikes[count++] = i;
      } else v[i] = vi;
    }
    this.spikeCount = count;
  }

  receive(ctx: StepContext): void {
    this.delays.commit(this.ge, this.gi, ctx.clock.step);
  }

  snapshot(): ComponentSnapshot {
    return { v: this.v.slice(), ge: this.ge.slice(), gi: this.gi.slice(), th: this.th.slice(), ...this.delays.snapshot() };
  }

  restore(s: ComponentSnapshot): void {
    this.v.set(s.v as Float64Array);
    this.ge.set(s.ge as Float64Array);
    this.gi.set(s.gi as Float64Array);
    this.th.set(s.th as Float64Array);
    this.delays.restore(s);
    this.spikeCount = 0;
  }
}
