/**
 * The time-dependent Fokker–Planck density as a network component: it advances P(V, t) by one
 * implicit-Euler step of the operator in fokkerPlanck.ts in the integrate slot, alongside the
 * Monte-Carlo neurons it describes, so after a step change of μ or σ the histogram and the theory
 * relax together. The flux leaving at θ in step n is re-injected at V_r at the end of step
 * n + round(τ_ref/dt), exactly when a simulated neuron that spiked in step n resumes.
 *
 * Parameter changes rebuild the operator; the grid is redrawn only when θ moves or the density
 * needs a lower floor, and the density is carried over cell by cell (mass that ends up above a
 * lowered θ leaves as firing at the next step). Mass is conserved to rounding error.
 */
import type { ComponentSnapshot } from '../core/component';
import { fpFloor, fpGrid, fpOperator, fpStationary, resetWeights, type FpGrid, type FpParams } from './fokkerPlanck';

export class FokkerPlanckDensity {
  params: FpParams;
  grid: FpGrid;
  /** Non-refractory density per mV at the cell centres. */
  p: Float64Array;
  /** Rate (Hz) in the last step. */
  rate = 0;
  /** Probability mass due back at V_r in k steps: ring[(head + k) % length]. */
  private ring: Float64Array = new Float64Array(1);
  private head = 0;
  private refSteps = 0;
  /** Mass pushed above θ by a parameter change, emitted at the next step. */
  private overflow = 0;
  private cp = new Float64Array(0);
  private piv = new Float64Array(0);
  private lo = new Float64Array(0);
  private exitGain = 0;
  private resetK = 0;
  private resetW = 1;

  constructor(readonly name: string, params: FpParams, readonly dt: number, readonly cells = 400) {
    this.params = { ...params };
    this.grid = fpGrid(this.params, cells);
    this.p = new Float64Array(cells);
    this.rebuild();
    this.setStationary();
  }

  /** Puts the density, the rate and the refractory delay line at the stationary state. */
  setStationary(): void {
    const st = fpStationary(this.params, this.grid);
    this.p.set(st.density);
    this.ring.fill(0);
    const perStep = (st.rate / 1000) * this.dt;
    for (let k = 0; k < this.refSteps; k++) this.ring[(this.head + k) % this.ring.length] = perStep;
    this.rate = st.rate;
    this.overflow = 0;
  }

  setParams(patch: Partial<FpParams>): void {
    const old = this.params;
    this.params = { ...old, ...patch };
    const needFloor = fpFloor(this.params);
    if (this.params.v_th !== old.v_th || needFloor < this.grid.vLow) this.regrid(fpGrid(this.params, this.cells));
    this.rebuild();
  }

  /** Advances one step. */
  integrate(): void {
    const M = this.grid.cells, h = this.grid.h, p = this.p;
    // Forward and back substitution with the pre-factored (I − dt·L).
    p[0] *= this.piv[0];
    for (let i = 1; i < M; i++) p[i] = (p[i] - this.lo[i] * p[i - 1]) * this.piv[i];
    for (let i = M - 2; i >= 0; i--) p[i] -= this.cp[i] * p[i + 1];
    const out = this.dt * this.exitGain * h * p[M - 1] + this.overflow;
    this.overflow = 0;
    const L = this.ring.length;
    this.ring[(this.head + this.refSteps) % L] += out;
    const back = this.ring[this.head];
    this.ring[this.head] = 0;
    this.head = (this.head + 1) % L;
    p[this.resetK] += (back * this.resetW) / h;
    p[this.resetK + 1] += (back * (1 - this.resetW)) / h;
    this.rate = (1000 * out) / this.dt;
  }

  /** Probability held in refractoriness. */
  refractoryMass(): number {
    let s = 0;
    for (let k = 0; k < this.ring.length; k++) s += this.ring[k];
    return s + this.overflow;
  }

  /** Total probability: ∫P dV + refractory mass (1 up to rounding). */
  mass(): number {
    let s = 0;
    for (let i = 0; i < this.grid.cells; i++) s += this.p[i];
    return s * this.grid.h + this.refractoryMass();
  }

  /** Probability in [a, b) (non-refractory), from the piecewise-constant cells. */
  massIn(a: number, b: number): number {
    const { vLow, h, cells } = this.grid;
    const i0 = Math.max(0, Math.floor((a - vLow) / h));
    const i1 = Math.min(cells - 1, Math.floor((b - vLow) / h));
    let s = 0;
    for (let i = i0; i <= i1; i++) {
      const lo = Math.max(a, vLow + i * h), hi = Math.min(b, vLow + (i + 1) * h);
      if (hi > lo) s += this.p[i] * (hi - lo);
    }
    return s;
  }

  private rebuild(): void {
    const M = this.grid.cells, dt = this.dt;
    const { sub, diag, sup, exit } = fpOperator(this.params, this.grid);
    this.cp = new Float64Array(M);
    this.piv = new Float64Array(M);
    this.lo = new Float64Array(M);
    let b = 1 - dt * diag[0];
    this.piv[0] = 1 / b;
    for (let i = 1; i < M; i++) {
      this.cp[i - 1] = (-dt * sup[i - 1]) * this.piv[i - 1];
      this.lo[i] = -dt * sub[i];
      b = 1 - dt * diag[i] - this.lo[i] * this.cp[i - 1];
      this.piv[i] = 1 / b;
    }
    this.exitGain = exit;
    ({ k: this.resetK, w: this.resetW } = resetWeights(this.grid, this.params.v_reset));
    const steps = Math.round(this.params.t_ref / dt);
    if (steps !== this.refSteps) this.resizeRing(steps);
  }

  /** Changes the refractory delay; mass already in the line keeps its due step (capped at the new delay). */
  private resizeRing(steps: number): void {
    const L = this.ring.length;
    const next = new Float64Array(steps + 1);
    for (let k = 0; k < L; k++) next[Math.min(k, steps)] += this.ring[(this.head + k) % L];
    this.ring = next;
    this.head = 0;
    this.refSteps = steps;
  }

  /** Carries the density onto a new grid by cell overlaps (conservative; mass below the floor goes to cell 0). */
  private regrid(g: FpGrid): void {
    const old = this.grid, p = this.p;
    const next = new Float64Array(g.cells);
    const top = g.vLow + g.cells * g.h;
    for (let i = 0; i < old.cells; i++) {
      const a = old.vLow + i * old.h, b = a + old.h, dens = p[i];
      if (dens === 0) continue;
      if (b > top) this.overflow += dens * (b - Math.max(a, top));
      const j0 = Math.max(0, Math.min(g.cells - 1, Math.floor((a - g.vLow) / g.h)));
      const j1 = Math.max(0, Math.min(g.cells - 1, Math.floor((b - g.vLow) / g.h)));
      for (let j = j0; j <= j1; j++) {
        const lo = j === 0 ? -Infinity : g.vLow + j * g.h;
        const overlap = Math.min(b, g.vLow + (j + 1) * g.h) - Math.max(a, lo);
        if (overlap > 0) next[j] += (dens * overlap) / g.h;
      }
    }
    this.grid = g;
    this.p = next;
  }

  snapshot(): ComponentSnapshot {
    return { params: { ...this.params }, grid: { ...this.grid }, p: this.p.slice(), ring: this.ring.slice(), head: this.head, overflow: this.overflow, rate: this.rate, refSteps: this.refSteps };
  }

  restore(s: ComponentSnapshot): void {
    this.params = { ...(s.params as FpParams) };
    this.grid = { ...(s.grid as FpGrid) };
    this.p = (s.p as Float64Array).slice();
    this.ring = (s.ring as Float64Array).slice();
    this.head = s.head as number;
    this.overflow = s.overflow as number;
    this.rate = s.rate as number;
    this.refSteps = s.refSteps as number;
    this.rebuild();
  }
}
