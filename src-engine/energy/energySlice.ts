/**
 * Energy slice: E over a 2-D plane through state space, u(a, b) = origin + a·d1 + b·d2, sampled on
 * an n × n grid over the window [a0, a1] × [b0, b1] (row = b, column = a). Also the helpers that
 * place points of a trajectory on that grid (orthogonal projection onto the plane).
 */
import type { FoldedAutoencoder } from './foldedAutoencoder';

export interface SlicePlane {
  /** The state at plane coordinates (0, 0). */
  readonly origin: Float64Array;
  /** Spanning directions (unit length, orthogonal). */
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Window in plane coordinates. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

export function createSlicePlane(dim: number): SlicePlane {
  return { origin: new Float64Array(dim), d1: new Float64Array(dim), d2: new Float64Array(dim), a0: -1, a1: 1, b0: -1, b1: 1 };
}

/** Fills values (n·n, row-major) with E on the grid; `point` is scratch of the model's dimension. Returns [min, max]. */
export function sampleEnergyPlane(model: FoldedAutoencoder, plane: SlicePlane, n: number, values: Float32Array, point: Float64Array): [number, number] {
  const { origin, d1, d2 } = plane;
  let lo = Infinity, hi = -Infinity;
  for (let row = 0; row < n; row++) {
    const b = plane.b0 + ((plane.b1 - plane.b0) * row) / (n - 1);
    for (let col = 0; col < n; col++) {
      const a = plane.a0 + ((plane.a1 - plane.a0) * col) / (n - 1);
      for (let k = 0; k < point.length; k++) point[k] = origin[k] + a * d1[k] + b * d2[k];
      const e = model.energy(point);
      values[row * n + col] = e;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
  }
  return [lo, hi];
}

/** Plane coordinates (a, b) of state v: projections of v − origin on d1 and d2. */
export function projectOnPlane(plane: SlicePlane, v: Float64Array, offset = 0): [number, number] {
  let a = 0, b = 0;
  for (let k = 0; k < plane.origin.length; k++) {
    const dv = v[offset + k] - plane.origin[k];
    a += dv * plane.d1[k];
    b += dv * plane.d2[k];
  }
  return [a, b];
}

/** Grid coordinates (column, row) of plane coordinates (a, b) on an n × n grid. */
export function planeToGrid(plane: SlicePlane, n: number, a: number, b: number): [number, number] {
  return [((a - plane.a0) / (plane.a1 - plane.a0)) * (n - 1), ((b - plane.b0) / (plane.b1 - plane.b0)) * (n - 1)];
}
