/**
 * Geometry of a surface plot, as plain typed arrays (no three.js here, so it is testable in Node):
 * the grid of a SurfacePlotSpec laid out on the square [−1, 1]² of the x–z plane with height
 * y = HEIGHT·(v − min)/(max − min), vertex colours from a viridis-like scale, the triangle index,
 * and the ball and trajectory placed on the same scale.
 */
import type { SurfacePlotSpec } from '../../workers/simApi';

/** Height of the highest point of the surface (scene units; the grid spans 2 × 2). */
export const SURFACE_HEIGHT = 0.9;

/** Viridis control points (t = 0, 0.25, 0.5, 0.75, 1). */
const STOPS: [number, number, number][] = [
  [0.267, 0.005, 0.329],
  [0.229, 0.322, 0.545],
  [0.128, 0.567, 0.551],
  [0.369, 0.789, 0.383],
  [0.993, 0.906, 0.144],
];

/** RGB in [0, 1] of t ∈ [0, 1] on the viridis scale (piecewise linear). */
export function viridis(t: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(x)), f = x - k;
  const a = STOPS[k], b = STOPS[k + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** CSS linear-gradient of the scale (for the legend). */
export function viridisGradient(): string {
  return `linear-gradient(to top, ${STOPS.map((c, k) => `rgb(${c.map((v) => Math.round(255 * v)).join(',')}) ${(100 * k) / (STOPS.length - 1)}%`).join(', ')})`;
}

/** Scene position of grid point (column x, row y) with value v. */
export function surfacePoint(spec: SurfacePlotSpec, x: number, y: number, v: number): [number, number, number] {
  const [lo, hi] = spec.range;
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return [-1 + (2 * x) / Math.max(1, spec.width - 1), SURFACE_HEIGHT * t, -1 + (2 * y) / Math.max(1, spec.height - 1)];
}

/** Triangle index of a width × height vertex grid (two triangles per cell). */
export function surfaceIndex(width: number, height: number): Uint32Array {
  const idx = new Uint32Array(Math.max(0, (width - 1) * (height - 1) * 6));
  let n = 0;
  for (let r = 0; r + 1 < height; r++) {
    for (let c = 0; c + 1 < width; c++) {
      const a = r * width + c, b = a + 1, d = a + width, e = d + 1;
      idx.set([a, d, b, b, d, e], n);
      n += 6;
    }
  }
  return idx;
}

/** Fills vertex positions and colours (3 floats per vertex, width·height vertices). */
export function fillSurface(spec: SurfacePlotSpec, positions: Float32Array, colors: Float32Array): void {
  const [lo, hi] = spec.range;
  for (let r = 0; r < spec.height; r++) {
    for (let c = 0; c < spec.width; c++) {
      const k = r * spec.width + c, v = spec.values[k];
      const p = surfacePoint(spec, c, r, v);
      positions.set(p, 3 * k);
      colors.set(viridis(hi > lo ? (v - lo) / (hi - lo) : 0.5), 3 * k);
    }
  }
}

/** The surface's value at fractional grid position (x, y), bilinear, clamped to the grid. */
export function surfaceValueAt(spec: SurfacePlotSpec, x: number, y: number): number {
  const cx = Math.max(0, Math.min(spec.width - 1, x)), cy = Math.max(0, Math.min(spec.height - 1, y));
  const x0 = Math.min(Math.floor(cx), spec.width - 2), y0 = Math.min(Math.floor(cy), spec.height - 2);
  const fx = cx - x0, fy = cy - y0, v = (c: number, r: number) => spec.values[r * spec.width + c];
  return (1 - fy) * ((1 - fx) * v(x0, y0) + fx * v(x0 + 1, y0)) + fy * ((1 - fx) * v(x0, y0 + 1) + fx * v(x0 + 1, y0 + 1));
}

/**
 * Fills the trajectory polyline (3 floats per point) as its projection onto the drawn surface,
 * lifted by `lift`: past states lie off the plane, so their own energies (the energy trace) would
 * float above or below it. Returns the point count.
 */
export function fillTrajectory(spec: SurfacePlotSpec, out: Float32Array, lift: number): number {
  const n = Math.min(spec.trajectory.x.length, Math.floor(out.length / 3));
  for (let k = 0; k < n; k++) {
    const x = spec.trajectory.x[k], y = spec.trajectory.y[k];
    const p = surfacePoint(spec, x, y, surfaceValueAt(spec, x, y));
    p[1] += lift;
    out.set(p, 3 * k);
  }
  return n;
}
