/**
 * The LIF group's state in WebAssembly memory and its SIMD step (lifKernel.wat): V, ge, gi
 * (float64), the refractory counters and the spike list (int32) are typed-array views of one
 * memory per group, so projections, monitors and snapshots use them like any other array.
 * The kernel computes exactly what the scalar formula in neurons/lif.ts's header computes (the
 * same float64 operations in the same order), so spike trains and fingerprints are unchanged.
 */
import { lifKernelWasm } from './lifKernel.wasm';
import { instantiate } from './wasmApi';

type IntegrateFn = (
  quads: number, vp: number, gep: number, gip: number, rp: number, sp: number,
  el: number, am: number, ae: number, ai: number, ke: number, ki: number,
  vth: number, vr: number, refSteps: number,
  cond: number, k: number, ee: number, ei: number, ib: number,
) => number;

/** Per-step constants of the exact update (see neurons/lif.ts). */
export interface LifStepConstants {
  el: number; am: number; ae: number; ai: number; ke: number; ki: number;
  vth: number; vr: number; refSteps: number;
}

/** Per-step constants of the conductance-based Euler step (see neurons/condLif.ts): k = dt/τm, E_e, E_i, I_b. */
export interface CondStepConstants {
  el: number; k: number; ee: number; ei: number; ib: number; ae: number; ai: number;
  vth: number; vr: number; refSteps: number;
}

export class LifKernel {
  readonly v: Float64Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  private readonly quads: number;
  private readonly off: { v: number; ge: number; gi: number; refr: number; spikes: number };
  private readonly run: IntegrateFn;

  constructor(readonly size: number) {
    const padded = Math.max(4, Math.ceil(size / 4) * 4);
    this.quads = padded / 4;
    const f64 = padded * 8, i32 = padded * 4;
    this.off = { v: 0, ge: f64, gi: 2 * f64, refr: 3 * f64, spikes: 3 * f64 + i32 };
    const bytes = 3 * f64 + 2 * i32;
    const { exports, buffer: buf } = instantiate(lifKernelWasm, bytes);
    this.run = exports.integrate as IntegrateFn;
    this.v = new Float64Array(buf, this.off.v, size);
    this.ge = new Float64Array(buf, this.off.ge, size);
    this.gi = new Float64Array(buf, this.off.gi, size);
    this.refr = new Int32Array(buf, this.off.refr, size);
    this.spikes = new Int32Array(buf, this.off.spikes, size);
    // Padding neurons sit at −∞ and never reach threshold.
    new Float64Array(buf, this.off.v, padded).fill(-Infinity, size);
  }

  /** One step for every neuron; returns the number of spikes written to `spikes` (ascending ids). */
  integrate(c: LifStepConstants): number {
    const o = this.off;
    return this.run(this.quads, o.v, o.ge, o.gi, o.refr, o.spikes,
      c.el, c.am, c.ae, c.ai, c.ke, c.ki, c.vth, c.vr, c.refSteps, 0, 0, 0, 0, 0);
  }

  /** The same for conductance-based neurons (V* = V + k·(E_L − V + ge·(E_e − V) + gi·(E_i − V) + I_b)). */
  integrateCond(c: CondStepConstants): number {
    const o = this.off;
    return this.run(this.quads, o.v, o.ge, o.gi, o.refr, o.spikes,
      c.el, 0, c.ae, c.ai, 0, 0, c.vth, c.vr, c.refSteps, 1, c.k, c.ee, c.ei, c.ib);
  }
}
