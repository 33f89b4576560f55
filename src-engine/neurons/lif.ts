/**
 * Current-based leaky integrate-and-fire group with two exponential synaptic currents.
 *
 *   τm dV/dt  = −(V − E_L) + ge + gi          (V, ge, gi in mV; R is absorbed into the currents)
 *   τe dge/dt = −ge,   τi dgi/dt = −gi
 *   V ≥ θ  →  spike, V ← V_r, V clamped at V_r for t_ref (ge, gi keep decaying)
 *
 * The linear system is integrated exactly over each step (Rotter & Diesmann 1999):
 *   V[n+1]  = E_L + (V[n] − E_L)·a_m + ge[n]·k_e + gi[n]·k_i
 *   ge[n+1] = ge[n]·a_e,  a_x = exp(−dt/τx),  k_x = τx/(τx − τm)·(a_x − a_m)  (k_x = dt/τm·a_m if τx = τm)
 * The refractory counter is set to round(t_ref/dt) at a spike; while it is positive V is held at
 * V_r, so a neuron resumes integrating exactly t_ref after its spike (SCIENCE.md §1.1).
 * Every parameter may change between steps (lifSetParams recomputes the propagators).
 * Synaptic input arrives as jumps of ge/gi (mV); delayed input waits in per-channel rings.
 * The step runs as a WebAssembly SIMD kernel (wasm/lifKernel.wat, four neurons at a time) that
 * evaluates exactly these float64 expressions in this order, so results are bit-identical:
 *   ge' = ge·a_e;  gi' = gi·a_i;  refractory: refr' = refr − 1, V' = V_r;
 *   else V* = ((E_L + (V − E_L)·a_m) + ge·k_e) + gi·k_i, spike if V* ≥ θ (V' = V_r, refr' = refSteps).
 * With precision 'float32' the state is float32 and the step runs eight neurons at a time
 * (wasm/lifKernel32.wat): the same propagators rounded to float32, V* = ((V·a_m + c) + ge·k_e) + gi·k_i
 * with c = E_L(1 − a_m), every operation rounded to float32; `refr` then holds each neuron's last
 * refractory step instead of a countdown. Spike times differ from the float64 group's once
 * rounding differences reach a threshold crossing; the CUBA rates agree (experiments/balancedEi.test.ts).
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { NeuronGroupLike } from '../core/network';
import { LifKernel, type LifStepConstants } from '../wasm/lifKernel';
import { LifKernel32 } from '../wasm/lifKernel32';
import { digestIf, restoreIf, snapshotIf } from './ifState';
import { DelayRings, type Receptor, type StateArray, type SynapticTarget } from './receptors';
import * as det from '../core/detMath';

export type { Receptor } from './receptors';

/** LIF parameters; times in ms, potentials in mV. */
export interface LifParams {
  /** Membrane time constant τm (ms). */
  tau_m: number;
  /** Leak (resting) potential E_L (mV). */
  el: number;
  /** Firing threshold θ (mV). */
  v_th: number;
  /** Reset potential V_r (mV). */
  v_reset: number;
  /** Absolute refractory period (ms). */
  t_ref: number;
  /** Excitatory current decay τe (ms). */
  tau_e: number;
  /** Inhibitory current decay τi (ms). */
  tau_i: number;
}

interface Propagators {
  am: number;
  ae: number;
  ai: number;
  ke: number;
  ki: number;
  refSteps: number;
}

/** Exact one-step propagators for the given parameters and step. */
export function lifPropagators(p: LifParams, dt: number): Propagators {
  const am = det.exp(-dt / p.tau_m);
  const ae = det.exp(-dt / p.tau_e);
  const ai = det.exp(-dt / p.tau_i);
  return { am, ae, ai, ke: currentGain(p.tau_e, p.tau_m, dt), ki: currentGain(p.tau_i, p.tau_m, dt), refSteps: Math.round(p.t_ref / dt) };
}

/**
 * k = τs/(τs − τm)·(e^{−dt/τs} − e^{−dt/τm}), written as τs·a_m·expm1(dt(τs − τm)/(τs τm))/(τs − τm)
 * so that it stays accurate as τs → τm (no cancellation), with the limit (dt/τm)·a_m at τs = τm.
 */
export function currentGain(tauS: number, tauM: number, dt: number): number {
  const am = det.exp(-dt / tauM);
  const d = tauS - tauM;
  if (d === 0) return (dt / tauM) * am;
  const x = (dt * d) / (tauS * tauM);
  // expm1(x)/d → dt/(τs τm) as d → 0; for tiny x use the series to avoid dividing two tiny numbers.
  const ratio = Math.abs(x) < 1e-8 ? (dt / (tauS * tauM)) * (1 + x / 2) : det.expm1(x) / d;
  return tauS * am * ratio;
}

/** Arithmetic of a LIF group's state and step. */
export type LifPrecision = 'float64' | 'float32';

export class LifGroup implements NeuronGroupLike, SynapticTarget {
  readonly v: StateArray;
  readonly ge: StateArray;
  readonly gi: StateArray;
  /** Remaining refractory steps per neuron (float32: the last refractory step). */
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly params: LifParams;
  private stepConstants: LifStepConstants;
  private readonly kernel: LifKernel | null = null;
  private readonly kernel32: LifKernel32 | null = null;
  private readonly delays: DelayRings;

  constructor(readonly name: string, readonly size: number, params: LifParams, readonly dt: number, readonly precision: LifPrecision = 'float64') {
    const k = precision === 'float32' ? (this.kernel32 = new LifKernel32(size)) : (this.kernel = new LifKernel(size));
    this.v = k.v.fill(params.el);
    this.ge = k.ge;
    this.gi = k.gi;
    this.refr = k instanceof LifKernel32 ? k.until : k.refr;
    this.spikes = k.spikes;
    this.params = { ...params };
    this.stepConstants = this.constants();
    this.delays = new DelayRings(name, size);
  }

  /** Changes parameters between steps; takes effect at the next step. */
  setParams(patch: Partial<LifParams>): void {
    Object.assign(this.params, patch);
    this.stepConstants = this.constants();
  }

  private constants(): LifStepConstants {
    const { am, ae, ai, ke, ki, refSteps } = lifPropagators(this.params, this.dt);
    const { el, v_th: vth, v_reset: vr } = this.params;
    const c = { el, am, ae, ai, ke, ki, vth, vr, refSteps };
    this.kernel32?.setConstants(c);
    return c;
  }

  ensureDelay(d: number): void {
    this.delays.ensure(d);
  }

  inputTarget(receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number } {
    return this.delays.target(this.ge, this.gi, receptor, delay, step);
  }

  /** One step; a float32 group needs the step's context (its refractory periods end at a step number). */
  integrate(ctx?: StepContext): void {
    if (this.kernel32) {
      if (!ctx) throw new Error(`${this.name}: a float32 LIF group integrates only within a network step`);
      this.spikeCount = this.kernel32.integrate(ctx.clock.step, this.stepConstants.refSteps);
    } else this.spikeCount = this.kernel!.integrate(this.stepConstants);
  }

  /** Commits delayed input that arrives in this step. */
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
    this.setParams(s.params as LifParams);
    this.spikeCount = 0;
  }
}
