/**
 * Conductance-based leaky integrate-and-fire group (COBA; Auryn's IFGroup, Brian2's STDP example).
 *
 *   τm dV/dt = (E_L − V) + ge·(E_e − V) + gi·(E_i − V) + I_b        (V, E_x, I_b in mV)
 *   τe dge/dt = −ge,   τi dgi/dt = −gi                               (ge, gi in units of the leak conductance)
 *   V ≥ θ  →  spike, V ← V_r, V clamped at V_r for t_ref
 *
 * V takes a forward-Euler step with the conductances at the start of the step (SCIENCE.md §1.1:
 * acceptable for dt ≤ 0.1 ms); ge and gi then decay exactly, ge ← ge·exp(−dt/τe). Synaptic
 * input arrives as jumps of ge/gi. Parameters may change between steps.
 * The step runs in the LIF WebAssembly kernel (wasm/lifKernel.wat, four neurons at a time, the
 * same float64 operations in the same order as the loop below, which stays as the reference).
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { NeuronGroupLike } from '../core/network';
import { digestIf, restoreIf, snapshotIf } from './ifState';
import { DelayRings, type Receptor, type StateArray, type SynapticTarget } from './receptors';
import * as det from '../core/detMath';
import { LifKernel, type CondStepConstants } from '../wasm/lifKernel';

export interface CondLifParams {
  /** Membrane time constant τm (ms). */
  tau_m: number;
  /** Leak reversal potential E_L (mV). */
  el: number;
  /** Excitatory reversal potential E_e (mV). */
  e_exc: number;
  /** Inhibitory reversal potential E_i (mV). */
  e_inh: number;
  /** Threshold θ (mV). */
  v_th: number;
  /** Reset V_r (mV). */
  v_reset: number;
  /** Absolute refractory period (ms). */
  t_ref: number;
  /** Excitatory conductance decay τe (ms). */
  tau_e: number;
  /** Inhibitory conductance decay τi (ms). */
  tau_i: number;
  /** Constant bias input R·I (mV). */
  i_bias: number;
}

export class CondLifGroup implements NeuronGroupLike, SynapticTarget {
  readonly v: Float64Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly params: CondLifParams;
  private k = 0;
  private ae = 0;
  private ai = 0;
  private refSteps = 0;
  private readonly delays: DelayRings;
  private readonly kernel: LifKernel;
  private constants: CondStepConstants | null = null;
  /** Set to false to run the scalar loop instead (the kernel's tests compare the two). */
  useKernel = true;

  constructor(readonly name: string, readonly size: number, params: CondLifParams, readonly dt: number) {
    this.kernel = new LifKernel(size);
    this.v = this.kernel.v.fill(params.el);
    this.ge = this.kernel.ge;
    this.gi = this.kernel.gi;
    this.refr = this.kernel.refr;
    this.spikes = this.kernel.spikes;
    this.params = { ...params };
    this.delays = new DelayRings(name, size);
    this.setParams({});
  }

  setParams(patch: Partial<CondLifParams>): void {
    Object.assign(this.params, patch);
    const p = this.params;
    this.k = this.dt / p.tau_m;
    this.ae = det.exp(-this.dt / p.tau_e);
    this.ai = det.exp(-this.dt / p.tau_i);
    this.refSteps = Math.round(p.t_ref / this.dt);
    this.constants = { el: p.el, k: this.k, ee: p.e_exc, ei: p.e_inh, ib: p.i_bias, ae: this.ae, ai: this.ai, vth: p.v_th, vr: p.v_reset, refSteps: this.refSteps };
  }

  ensureDelay(d: number): void {
    this.delays.ensure(d);
  }

  inputTarget(receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number } {
    return this.delays.target(this.ge, this.gi, receptor, delay, step);
  }

  integrate(): void {
    if (this.useKernel) {
      this.spikeCount = this.kernel.integrateCond(this.constants!);
      return;
    }
    const { k, ae, ai, refSteps } = this;
    const { el, e_exc: ee, e_inh: ei, v_th: vth, v_reset: vr, i_bias: ib } = this.params;
    const v = this.v, ge = this.ge, gi = this.gi, refr = this.refr, spikes = this.spikes;
    let count = 0;
    for (let i = 0; i < this.size; i++) {
      const e = ge[i];
      const g = gi[i];
      ge[i] = e * ae;
      gi[i] = g * ai;
      if (refr[i] > 0) {
        refr[i]--;
        v[i] = vr;
        continue;
      }
      const vi0 = v[i];
      const vi = vi0 + k * (el - vi0 + e * (ee - vi0) + g * (ei - vi0) + ib);
      if (vi >= vth) {
        v[i] = vr;
        refr[i] = refSteps;
        spikes[count++] = i;
      } else {
        v[i] = vi;
      }
    }
    this.spikeCount = count;
  }

  receive(ctx: StepContext): void {
    this.delays.commit(this.ge, this.gi, ctx.clock.step);
  }

  snapshot(): ComponentSnapshot {
    return { ...snapshotIf(this, this.delays), params: { ...this.params } };
  }

  /** The snapshot's digest, without copying the state. */
  digest(h: number): number {
    return digestIf(h, this, this.delays, { params: this.params });
  }

  restore(s: ComponentSnapshot): void {
    restoreIf(this, this.delays, s);
    this.setParams(s.params as CondLifParams);
    this.spikeCount = 0;
  }
}
