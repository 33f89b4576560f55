/**
 * Integrate-and-fire neurons driven by Gaussian white noise: the leaky (LIF) and the exponential
 * (EIF) model, in Brunel's convention (SCIENCE.md §1.3, §1.6; voltages from rest, mV; ms):
 *
 *   LIF: τ dV/dt = −V + μ_i + σ_i √τ ξ_i(t)
 *   EIF: τ dV/dt = −V + Δ_T exp((V − V_T)/Δ_T) + μ_i + σ_i √τ ξ_i(t)
 *   V ≥ θ (the LIF threshold, the EIF cutoff V_cut) → spike, V ← V_r, held for t_ref
 *
 * Integration. LIF: the exact Ornstein–Uhlenbeck step V ← μ + (V − μ)a + σ√((1 − a²)/2)·N(0,1),
 * a = e^{−dt/τ}. EIF: Euler–Maruyama V ← V + (dt/τ)(drift) + σ√(dt/τ)·N(0,1), exponent clamped at
 * 50. Both noise terms scale with √dt.
 *
 * Crossings between grid points. Testing V ≥ θ only at the steps misses paths that cross θ and
 * come back within a step, which lowers the rate by 1–8% at dt = 0.1 ms (§1.4). Given the two
 * end points V₀, V₁ < θ, a Brownian bridge with variance rate σ²/τ crosses θ with probability
 *   P = exp(−2(θ − V₀)(θ − V₁) / (σ² dt/τ))
 * (independent of a constant drift); the neuron spikes at this step with that probability. Draws
 * with P < e^{−30} are skipped, so the uniform deviate is drawn only near threshold.
 * A spike found at the end of a step happened `late`·dt earlier (linear interpolation for a grid
 * crossing, ½ for a bridge crossing); the refractory count is round(t_ref/dt), minus one with
 * probability `late`, so the time from crossing to resumed integration is t_ref on average.
 *
 * Input spikes (delta synapses, §1.1): jumps of J mV written into ge/gi (either channel) by
 * projections are added after the diffusion step and cleared; input to a refractory neuron is lost.
 *
 * Two arithmetic paths (`precision`):
 *  - 'float64' (exact): a WebAssembly kernel (wasm/whiteNoiseLifKernel.wat), with or without common
 *    random numbers, that performs exactly the steps of the loop below, drawing from the group's
 *    stream in the same order, so it gives bit-identical results (tested); the loop is the reference.
 *  - 'float32' (fast): a float32x4 SIMD kernel (wasm/whiteNoiseLif32Kernel.wat) with the same
 *    equations in float32 state, random streams of its own (per SIMD lane, seeded from the group's
 *    stream; part of the snapshot), Box–Muller normals in float32 (tail cut at 6.66σ, mass
 *    < 3e-11), and bridge draws skipped below P = 2⁻²⁴ (the float32 uniform's resolution). No common
 *    random numbers. `streams` (wasm/whiteNoiseLif32Kernel.ts): 'ring' gives each block of neurons
 *    streams of its own for its normals and its bridge draws, so the normals are computed ahead and
 *    the blocks of a step can run apart (a helper thread shares both where the environment has one);
 *    'lanes' draws the bridge's uniforms from the normals' streams, as links of format 3 did.
 * Common random numbers: with `noiseSource` set, neuron i uses the Gaussian and uniform deviates
 * drawn for neuron noiseSource[i] (which must be its own source), so a "shadow" copy of a neuron
 * sees exactly the same noise — a zero-coupling control with almost the same spike train.
 */
import { digestValue } from '../core/stateDigest';
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { NeuronGroupLike } from '../core/network';
import { restoreIf } from '../neurons/ifState';
import { DelayRings, type Receptor, type StateArray, type SynapticTarget } from '../neurons/receptors';
import { WhiteNoiseLifKernel, type EifConstants } from '../wasm/whiteNoiseLifKernel';
import { WhiteNoiseLif32Kernel, type StreamLayout } from '../wasm/whiteNoiseLif32Kernel';
import * as det from '../core/detMath';

export type NoiseModel = 'lif' | 'eif';
/** The arithmetic path (see the header). */
export type Precision = 'float32' | 'float64';

/** Shared parameters (mV, ms); μ and σ are per neuron. */
export interface WhiteNoiseIfParams {
  model: NoiseModel;
  /** Membrane time constant τ (ms). */
  tau_m: number;
  /** LIF threshold θ, or EIF spike cutoff V_cut (mV). */
  v_th: number;
  /** Reset V_r (mV). */
  v_reset: number;
  /** Absolute refractory period (ms). */
  t_ref: number;
  /** EIF slope factor Δ_T (mV). */
  delta_t: number;
  /** EIF soft threshold V_T (mV). */
  v_t: number;
}

/** Bridge-crossing draws with exponent above this are skipped (P < 1e-13). */
const BRIDGE_CUTOFF = 30;
const EXP_CLAMP = 50;

export class WhiteNoiseIfGroup implements NeuronGroupLike, SynapticTarget {
  readonly v: Float64Array | Float32Array;
  /** Mean input μ per neuron (mV). */
  readonly mu: Float64Array | Float32Array;
  /** Noise amplitude σ per neuron (mV). */
  readonly sigma: Float64Array;
  /** Delta-synapse jumps arriving this step (mV); both channels add to V. */
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly params: WhiteNoiseIfParams;
  /** Optional common-random-number map (see the header; not changed in place once set). */
  noiseSource: Int32Array | null = null;
  /** The map last copied into the kernel's memory. */
  private kernelSource: Int32Array | null = null;
  private readonly noiseSd: Float64Array | Float32Array;
  private readonly bridgeK: Float64Array | Float32Array;
  /** The float64 kernel, or null on the float32 path. */
  private readonly kernel: WhiteNoiseLifKernel | null;
  /** The float32 kernel, or null on the float64 path. */
  private readonly kernel32: WhiteNoiseLif32Kernel | null;
  /** Whether input may arrive in ge/gi (a projection asked for a target): the float32 kernel reads them only then. */
  private hasInputs = false;
  /** Set to false to run the scalar loop instead (the kernel's tests compare the two; float64 only). */
  useKernel = true;
  /** The EIF's step constants for the kernel (null for the LIF). */
  private eif: EifConstants | null = null;
  private readonly xi: Float64Array;
  private readonly ui: Float64Array;
  private a = 1;
  private k = 0;
  private refSteps = 0;
  private readonly delays: DelayRings;
  /** binVoltages' counts on the float64 path. */
  private counts = new Int32Array(0);

  constructor(readonly name: string, readonly size: number, params: WhiteNoiseIfParams, readonly dt: number, readonly precision: Precision = 'float64', streams: StreamLayout = 'ring') {
    this.kernel = precision === 'float64' ? new WhiteNoiseLifKernel(size) : null;
    this.kernel32 = precision === 'float32' ? new WhiteNoiseLif32Kernel(size, streams) : null;
    const k = (this.kernel ?? this.kernel32)!;
    this.v = k.v;
    this.mu = k.mu;
    this.sigma = new Float64Array(size);
    this.ge = k.ge;
    this.gi = k.gi;
    this.refr = k.refr;
    this.spikes = k.spikes;
    this.noiseSd = k.noiseSd;
    this.bridgeK = k.bridgeK;
    this.xi = this.kernel?.sharedNormal ?? new Float64Array(0);
    this.ui = this.kernel?.sharedUniform ?? new Float64Array(0);
    this.params = { ...params };
    this.delays = new DelayRings(name, size);
    this.setParams({});
  }

  /** Changes shared parameters; takes effect at the next step. */
  setParams(patch: Partial<WhiteNoiseIfParams>): void {
    Object.assign(this.params, patch);
    this.a = det.exp(-this.dt / this.params.tau_m);
    this.k = this.dt / this.params.tau_m;
    this.refSteps = Math.round(this.params.t_ref / this.dt);
    this.eif = this.params.model === 'lif' ? null : { k: this.k, dT: this.params.delta_t, vT: this.params.v_t };
    for (let i = 0; i < this.size; i++) this.updateNoise(i);
  }

  /** Sets μ and σ of neurons [start, start + count). */
  setDrive(mu: number, sigma: number, start = 0, count = this.size): void {
    for (let i = start; i < start + count; i++) {
      this.mu[i] = mu;
      this.sigma[i] = sigma;
      this.updateNoise(i);
    }
  }

  private updateNoise(i: number): void {
    const s = this.sigma[i];
    const lif = this.params.model === 'lif';
    this.noiseSd[i] = lif ? s * Math.sqrt((1 - this.a * this.a) / 2) : s * Math.sqrt(this.k);
    // 2/(σ² dt/τ); Infinity without noise (no bridge crossings).
    this.bridgeK[i] = s > 0 ? 2 / (s * s * this.k) : Infinity;
  }

  /**
   * The histogram of V over the non-refractory neurons: entry b counts floor((V − lo)/w) = b for
   * b < bins, entry `bins` counts V below lo (V ≥ lo + bins·w and NaN are in neither). The float32
   * path counts in WebAssembly (the same float64 arithmetic; tested against this loop).
   */
  binVoltages(lo: number, w: number, bins: number): Int32Array {
    if (this.kernel32) return this.kernel32.bin(lo, w, bins);
    if (this.counts.length !== bins + 1) this.counts = new Int32Array(bins + 1);
    const { v, refr, size } = this, counts = this.counts;
    counts.fill(0);
    let below = 0;
    // x < 0 ⇔ floor(x) < 0 and x < bins ⇔ floor(x) < bins, and floor(x) = x | 0 on [0, bins).
    for (let i = 0; i < size; i++) {
      if (refr[i] > 0) continue;
      const x = (v[i] - lo) / w;
      if (x < 0) below++;
      else if (x < bins) counts[x | 0]++;
    }
    counts[bins] = below;
    return counts;
  }

  ensureDelay(d: number): void {
    this.hasInputs = true;
    this.delays.ensure(d);
  }

  inputTarget(receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number } {
    this.hasInputs = true;
    return this.delays.target(this.ge, this.gi, receptor, delay, step);
  }

  integrate(ctx: StepContext): void {
    const rng = ctx.rng;
    const { v_th: vth, v_reset: vr, delta_t: dT, v_t: vT } = this.params;
    const lif = this.params.model === 'lif';
    const { v, mu, ge, gi, refr, spikes, noiseSd, bridgeK, xi, ui } = this;
    const a = this.a, k = this.k, refSteps = this.refSteps, n = this.size;
    const src = this.noiseSource;
    const k32 = this.kernel32;
    if (k32) {
      if (src) throw new Error(`${this.name}: common random numbers need precision 'float64'`);
      if (!this.useKernel) throw new Error(`${this.name}: the float32 path has no scalar loop`);
      if (!k32.seeded) k32.seed(rng);
      this.spikeCount = k32.integrate(this.a, vth, vr, this.refSteps, this.hasInputs, this.eif);
      return;
    }
    if (this.useKernel) {
      if (src && src !== this.kernelSource) {
        this.kernel!.noiseSource.set(src);
        this.kernelSource = src;
      }
      this.spikeCount = this.kernel!.integrate(rng, this.a, vth, vr, this.refSteps, src !== null, this.eif);
      return;
    }
    if (src) {
      for (let i = 0; i < n; i++) {
        if (src[i] !== i) continue;
        xi[i] = rng.normal();
        ui[i] = rng.uniform();
      }
    }
    let count = 0;
    for (let i = 0; i < n; i++) {
      const jump = ge[i] + gi[i];
      ge[i] = 0;
      gi[i] = 0;
      if (refr[i] > 0) {
        refr[i]--;
        v[i] = vr;
        continue;
      }
      const v0 = v[i];
      const z = src ? xi[src[i]] : rng.normal();
      let v1: number;
      if (lif) v1 = mu[i] + (v0 - mu[i]) * a + noiseSd[i] * z;
      else v1 = v0 + k * (mu[i] - v0 + dT * det.exp(Math.min((v0 - vT) / dT, EXP_CLAMP))) + noiseSd[i] * z;
      // late: fraction of the step that remains after the crossing (−1: no spike); r: uniform deviate.
      let late = -1, r = 0;
      if (v1 >= vth) {
        late = (v1 - vth) / (v1 - v0);
        r = src ? ui[src[i]] : rng.uniform();
      } else {
        const e = (vth - v0) * (vth - v1) * bridgeK[i];
        if (e < BRIDGE_CUTOFF) {
          const u = src ? ui[src[i]] : rng.uniform();
          const pCross = det.exp(-e);
          // Given u < P, u/P is again uniform; a bridge crossing lies mid-step on average.
          if (u < pCross) {
            late = 0.5;
            r = u / pCross;
          }
        }
        if (late < 0) {
          v1 += jump;
          if (v1 >= vth) late = 0;
        }
      }
      if (late >= 0) {
        v[i] = vr;
        // The spike is registered at the end of the step, `late` steps after the crossing: end the
        // refractory period one step early with that probability, so it lasts t_ref on average.
        refr[i] = refSteps > 0 && r < late ? refSteps - 1 : refSteps;
        spikes[count++] = i;
      } else {
        v[i] = v1;
      }
    }
    this.spikeCount = count;
  }

  /** Commits delayed input that arrives in this step. */
  receive(ctx: StepContext): void {
    this.delays.commit(this.ge, this.gi, ctx.clock.step);
  }

  snapshot(): ComponentSnapshot {
    return {
      v: this.v.slice(), mu: this.mu.slice(), sigma: this.sigma.slice(), ge: this.ge.slice(), gi: this.gi.slice(),
      refr: this.refr.slice(), ...this.delays.snapshot(), params: { ...this.params },
      ...this.laneState((a) => a.slice()),
    };
  }

  /** The snapshot's digest (the same keys in the same order), hashing the arrays in place. */
  digest(h: number): number {
    // Arrays on a SharedArrayBuffer (the float32 kernel's memory, when a helper thread may share
    // it) are hashed from an unshared copy: V8 reads shared typed arrays element by element several
    // times slower than it copies them. The same values, so the same digest.
    const own = <T extends StateArray | Int32Array>(a: T): T => (typeof SharedArrayBuffer === 'function' && a.buffer instanceof SharedArrayBuffer ? (a.slice() as T) : a);
    return digestValue(h, {
      v: own(this.v), mu: own(this.mu), sigma: this.sigma, ge: own(this.ge), gi: own(this.gi),
      refr: own(this.refr), ...this.delays.view(), params: this.params,
      ...this.laneState(own),
    });
  }

  /** The float32 kernel's lanes for a snapshot or digest (none on the float64 path; format 3: `lanes` only). */
  private laneState(view: (a: Int32Array) => Int32Array): Record<string, Int32Array> {
    const k = this.kernel32;
    if (!k) return {};
    return k.uniformLanes ? { lanes: view(k.lanes), uniformLanes: view(k.uniformLanes) } : { lanes: view(k.lanes) };
  }

  restore(s: ComponentSnapshot): void {
    restoreIf(this, this.delays, s);
    this.mu.set(s.mu as Float64Array);
    this.sigma.set(s.sigma as Float64Array);
    this.setParams(s.params as WhiteNoiseIfParams);
    this.kernel32?.setLanes(s.lanes as Int32Array, s.uniformLanes as Int32Array | undefined);
    this.spikeCount = 0;
  }
}
