/**
 * The energy landscape under the relaxing state: keeps the recent state trajectory (one point per
 * inference step, with its energy) and slices E through the current state, either
 *  - 'pca':   the plane spanned by the top two principal directions of the trajectory (PC 1 pointing
 *             along the motion; before there is a trajectory, the downhill direction −∂E/∂u), the
 *             window a square centred on the current state that holds the trajectory; or
 *  - 'units': two top-layer units, every other unit held at its current value, window [−3, 3]² of
 *             the two potentials.
 */
import type { SurfacePlotSpec } from '../experiments/types';
import { createSlicePlane, planeToGrid, projectOnPlane, sampleEnergyPlane, type SlicePlane } from './energySlice';
import type { FoldedAutoencoder } from './foldedAutoencoder';
import { createPca2, norm, orthogonalise, pca2, type Pca2 } from './pca2';

export type SliceAxes = 'pca' | 'units';

/** Smallest half-width of the PCA window (units of u). */
const MIN_HALF = 0.5;
/** Half-width of the window in 'units' mode (potential). */
const UNIT_HALF = 3;

export class EnergyLandscape {
  /** Points of the trajectory, row-major (count × dim), oldest first; energies alongside. */
  private points: Float64Array;
  private energies: Float64Array;
  count = 0;
  private readonly pca: Pca2;
  private readonly plane: SlicePlane;
  private scratch: Float64Array;
  private readonly point: Float64Array;

  constructor(readonly dim: number, private capacity: number) {
    this.points = new Float64Array(capacity * dim);
    this.energies = new Float64Array(capacity);
    this.pca = createPca2(dim);
    this.plane = createSlicePlane(dim);
    this.scratch = new Float64Array(dim + capacity);
    this.point = new Float64Array(dim);
  }

  /** Forgets the trajectory (a new input starts). */
  clear(): void {
    this.count = 0;
  }

  /** Appends a state and its energy, dropping the oldest point when full. */
  record(u: Float64Array, energy: number): void {
    if (this.count === this.capacity) {
      this.points.copyWithin(0, this.dim);
      this.energies.copyWithin(0, 1);
      this.count--;
    }
    this.points.set(u, this.count * this.dim);
    this.energies[this.count++] = energy;
  }

  /** Sets the energy of the newest point (known only after the step from it). */
  setLastEnergy(energy: number): void {
    if (this.count > 0) this.energies[this.count - 1] = energy;
  }

  /** Grows the trajectory buffer (keeps the points). */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.capacity) return;
    const p = new Float64Array(capacity * this.dim), e = new Float64Array(capacity);
    p.set(this.points.subarray(0, this.count * this.dim));
    e.set(this.energies.subarray(0, this.count));
    [this.points, this.energies, this.capacity] = [p, e, capacity];
    this.scratch = new Float64Array(this.dim + capacity);
  }

  snapshot(): Record<string, unknown> {
    return { points: this.points.slice(0, this.count * this.dim), energies: this.energies.slice(0, this.count), count: this.count };
  }

  restore(s: Record<string, unknown>): void {
    this.count = s.count as number;
    this.ensureCapacity(this.count);
    this.points.set(s.points as Float64Array);
    this.energies.set(s.energies as Float64Array);
  }

  /** E on an n × n grid through the current state of `model` (the state one step after the trajectory's last point). */
  slice(model: FoldedAutoencoder, axes: SliceAxes, units: [number, number], n: number): Omit<SurfacePlotSpec, 'kind' | 'id' | 'title'> {
    const { plane } = this;
    plane.origin.set(model.u);
    let xLabel: string, yLabel: string;
    if (axes === 'units') {
      const top = model.offsets[model.N], size = model.sizes[model.N];
      const ua = ((units[0] % size) + size) % size;
      let ub = ((units[1] % size) + size) % size;
      if (ub === ua) ub = (ua + 1) % size;
      plane.origin[top + ua] = 0;
      plane.origin[top + ub] = 0;
      plane.d1.fill(0);
      plane.d2.fill(0);
      plane.d1[top + ua] = 1;
      plane.d2[top + ub] = 1;
      [plane.a0, plane.a1, plane.b0, plane.b1] = [-UNIT_HALF, UNIT_HALF, -UNIT_HALF, UNIT_HALF];
      xLabel = `u of top unit ${ua}`;
      yLabel = `u of top unit ${ub}`;
    } else {
      this.principalPlane(model);
      xLabel = 'PC 1 of the trajectory';
      yLabel = 'PC 2';
    }
    const values = new Float32Array(n * n);
    const range = sampleEnergyPlane(model, plane, n, values, this.point);
    const tx: number[] = [], ty: number[] = [], tv: number[] = [];
    for (let t = 0; t < this.count; t++) {
      const [a, b] = projectOnPlane(plane, this.points, t * this.dim);
      const [gx, gy] = planeToGrid(plane, n, a, b);
      tx.push(gx);
      ty.push(gy);
      tv.push(this.energies[t]);
    }
    const [ba, bb] = projectOnPlane(plane, model.u);
    const [bx, by] = planeToGrid(plane, n, ba, bb);
    const ball = { x: bx, y: by, value: model.energy() };
    // The trajectory ends at the ball.
    tx.push(bx);
    ty.push(by);
    tv.push(ball.value);
    return { width: n, height: n, values, range, valueLabel: 'energy E', xLabel, yLabel, xExtent: [plane.a0, plane.a1], yExtent: [plane.b0, plane.b1], ball, trajectory: { x: tx, y: ty, value: tv } };
  }

  /** Plane through the current state spanned by the trajectory's principal directions; window around the trajectory. */
  private principalPlane(model: FoldedAutoencoder): void {
    const { plane, pca, dim } = this;
    const T = this.count;
    model.gradient();
    const down = this.point;
    for (let k = 0; k < dim; k++) down[k] = -model.grad[k];
    if (T >= 2) pca2(this.points, T, dim, pca, this.scratch);
    else pca.var1 = pca.var2 = 0;
    if (pca.var1 > 0) {
      plane.d1.set(pca.d1);
      // Point PC 1 along the motion (first → last), so the view does not flip from frame to frame.
      let s = 0;
      for (let k = 0; k < dim; k++) s += (this.points[(T - 1) * dim + k] - this.points[k]) * plane.d1[k];
      if (s < 0) for (let k = 0; k < dim; k++) plane.d1[k] = -plane.d1[k];
    } else unitOr(plane.d1, down, model.offsets[model.N]);
    if (pca.var2 > 1e-12 * pca.var1) plane.d2.set(pca.d2);
    else {
      plane.d2.set(down);
      orthogonalise(plane.d2, plane.d1);
      if (norm(plane.d2) < 1e-9 * (norm(down) + 1e-300)) plane.d2.fill(0);
      unitOr(plane.d2, plane.d2, model.offsets[model.N] + 1, plane.d1);
    }
    // Window: a square centred on the current state (plane origin) that holds the trajectory with a margin.
    let reach = 0;
    for (let t = 0; t < T; t++) {
      const [a, b] = projectOnPlane(plane, this.points, t * dim);
      reach = Math.max(reach, Math.abs(a), Math.abs(b));
    }
    const half = Math.max(1.2 * reach, MIN_HALF);
    [plane.a0, plane.a1, plane.b0, plane.b1] = [-half, half, -half, half];
  }
}

/** v ← normalised candidate, or the unit vector at index `fallback` (made orthogonal to `against`) when the candidate is zero. */
function unitOr(v: Float64Array, candidate: Float64Array, fallback: number, against?: Float64Array): void {
  if (v !== candidate) v.set(candidate);
  let n = norm(v);
  if (!(n > 0)) {
    v.fill(0);
    v[fallback % v.length] = 1;
    if (against) orthogonalise(v, against);
    n = norm(v);
  }
  for (let k = 0; k < v.length; k++) v[k] /= n;
}
