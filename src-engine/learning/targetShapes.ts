/**
 * Pictures for SuperSpike's target rasters (SCIENCE.md §4.3: one target spike per dark pixel on a
 * 10-ms grid, jittered within its bin). A shape is drawn as strokes on a rows × cols grid of square
 * cells (row = output neuron, column = time bin); a cell is dark when its centre lies within half a
 * stroke width of a stroke. Everything is generated, no data files.
 */
import type { Rng } from '../core/rng';
import { patternFromEvents, type SpikePattern } from '../inputs/spikePattern';
import * as det from '../core/detMath';

export const TARGET_SHAPES = ['smiley', 'ring', 'wave', 'heart'] as const;

type Dist = (x: number, y: number) => number;

const circle = (cx: number, cy: number, r: number): Dist => (x, y) => Math.abs(det.hypot(x - cx, y - cy) - r);
const disc = (cx: number, cy: number, r: number): Dist => (x, y) => Math.max(0, det.hypot(x - cx, y - cy) - r);
/** Arc of a circle between angles a0 and a1 (radians, y pointing down the raster). */
const arc = (cx: number, cy: number, r: number, a0: number, a1: number): Dist => (x, y) => {
  const a = det.atan2(y - cy, x - cx);
  if (a >= a0 && a <= a1) return Math.abs(det.hypot(x - cx, y - cy) - r);
  const e0 = det.hypot(x - cx - r * det.cos(a0), y - cy - r * det.sin(a0));
  const e1 = det.hypot(x - cx - r * det.cos(a1), y - cy - r * det.sin(a1));
  return Math.min(e0, e1);
};

function strokes(shape: number, rows: number, cols: number): Dist[] {
  const cx = cols / 2, cy = rows / 2, r = rows * 0.44;
  switch (TARGET_SHAPES[shape]) {
    case 'ring':
      return [circle(cx, cy, r)];
    case 'wave': {
      // Two periods of a sine across the window: one spike per column.
      return [(x, y) => Math.abs(y - (cy + r * 0.9 * det.sin((2 * Math.PI * 2 * x) / cols)))];
    }
    case 'heart': {
      // Parametric heart curve, distance by dense sampling.
      const pts: [number, number][] = [];
      for (let k = 0; k < 400; k++) {
        const t = (2 * Math.PI * k) / 400;
        const hx = 16 * det.sin(t) ** 3;
        const hy = 13 * det.cos(t) - 5 * det.cos(2 * t) - 2 * det.cos(3 * t) - det.cos(4 * t);
        pts.push([cx + (hx * r) / 16, cy - (hy * r) / 16 + r * 0.1]);
      }
      return [(x, y) => { let d = Infinity; for (const [px, py] of pts) d = Math.min(d, det.hypot(x - px, y - py)); return d; }];
    }
    default: // smiley
      return [circle(cx, cy, r), disc(cx - r * 0.38, cy - r * 0.3, r * 0.08), disc(cx + r * 0.38, cy - r * 0.3, r * 0.08), arc(cx, cy + r * 0.05, r * 0.55, Math.PI * 0.2, Math.PI * 0.8)];
  }
}

/** Binary image (row-major rows × cols, 1 = dark) of a shape drawn with strokes of width ≈ 1 cell. */
export function shapeImage(shape: number, rows: number, cols: number): Uint8Array {
  const ds = strokes(shape, rows, cols);
  const img = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) {
      const x = c + 0.5, y = i + 0.5;
      for (const d of ds) if (d(x, y) <= 0.55) { img[i * cols + c] = 1; break; }
    }
  }
  return img;
}

/**
 * Target raster: one spike per dark pixel at binMs·(column + jitter), jitter uniform in
 * [0.2, 0.8] of the bin, so consecutive dark pixels of a row stay ≥ 0.4 bins apart.
 */
export function targetPattern(img: Uint8Array, rows: number, cols: number, binMs: number, dt: number, rng: Rng): SpikePattern {
  const steps: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) {
      if (!img[i * cols + c]) continue;
      steps.push(Math.floor(((c + 0.2 + 0.6 * rng.uniform()) * binMs) / dt));
      ids.push(i);
    }
  }
  return patternFromEvents(rows, Math.round((cols * binMs) / dt), steps, ids);
}
