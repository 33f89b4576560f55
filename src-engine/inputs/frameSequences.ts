/**
 * Image-sequence inputs (SCIENCE.md §9.2): a stream of F×F frames (intensities in [0, 1]) made
 * of sequences of k frames that share one identity and change smoothly in a nuisance variable:
 *   mnist    one digit translated, slightly rotated and scaled, with jitter (identity = digit)
 *   grating  I = ½[1 + c·cos(2π f_s (x cosθ + y sinθ) − φ)], φ drifting (identity = orientation)
 *   bar      a bar of orientation θ sweeping across the frame, wrapping (identity = orientation)
 *   noise    a 1/f pattern (sum of random gratings with amplitude ∝ 1/f) drifting (identity = pattern)
 * Every draw comes from the rng passed in, so a stream is reproducible from its seed.
 */
import type { Rng } from '../core/rng';
import type { ImageSet } from './imageSet';
import * as det from '../core/detMath';

export type SequenceKind = 'mnist' | 'grating' | 'bar' | 'noise';
export const SEQUENCE_KINDS: readonly SequenceKind[] = ['mnist', 'grating', 'bar', 'noise'];
/** Orientations used by gratings and bars (identity classes). */
export const N_ORIENTATIONS = 8;
const N_NOISE_PATTERNS = 10;
const NOISE_COMPONENTS = 24;

export interface SequenceOptions {
  kind: SequenceKind;
  /** Frame side F (px). */
  size: number;
  /** Frames per sequence k. */
  length: number;
  /** MNIST only: images [first, first + count) of the set may be used. */
  images?: ImageSet;
  first?: number;
  count?: number;
}

export class FrameSequence {
  readonly frame: Float32Array;
  /** Identity of the current sequence (digit, orientation index or pattern index). */
  label = 0;
  /** Increments whenever a new sequence starts. */
  sequenceIndex = -1;
  /** Position within the current sequence (0 = first frame). */
  position = 0;
  // Trajectory state of the current sequence.
  private image = 0;
  private x = 0;
  private y = 0;
  private vx = 0;
  private vy = 0;
  private angle = 0;
  private spin = 0;
  private scale = 1;
  private grow = 0;
  private phase = 0;
  /** Fixed 1/f patterns: per pattern NOISE_COMPONENTS × (kx, ky, phase, amplitude). */
  private readonly patterns: Float32Array;

  constructor(readonly opts: SequenceOptions, patternRng: Rng) {
    if (opts.kind === 'mnist' && !opts.images) throw new Error('mnist sequences need an image set');
    this.frame = new Float32Array(opts.size * opts.size);
    this.patterns = new Float32Array(N_NOISE_PATTERNS * NOISE_COMPONENTS * 4);
    for (let k = 0; k < N_NOISE_PATTERNS * NOISE_COMPONENTS; k++) {
      const f = 0.04 + 0.3 * patternRng.uniform(); // cycles per px
      const th = 2 * Math.PI * patternRng.uniform();
      this.patterns.set([f * det.cos(th), f * det.sin(th), 2 * Math.PI * patternRng.uniform(), 1 / f], k * 4);
    }
  }

  snapshot(): Record<string, unknown> {
    const { label, sequenceIndex, position, image, x, y, vx, vy, angle, spin, scale, grow, phase } = this;
    return { label, sequenceIndex, position, image, x, y, vx, vy, angle, spin, scale, grow, phase, frame: this.frame.slice() };
  }

  restore(s: Record<string, unknown>): void {
    const { frame, ...rest } = s;
    Object.assign(this, rest);
    this.frame.set(frame as Float32Array);
  }

  /** Advances to the next frame (starting a new sequence every `length` frames) and renders it. */
  next(rng: Rng): void {
    if (this.sequenceIndex < 0 || ++this.position >= this.opts.length) this.start(rng);
    else this.move(rng);
    this.render();
  }

  private start(rng: Rng): void {
    const o = this.opts;
    this.sequenceIndex++;
    this.position = 0;
    const u = () => rng.uniform() * 2 - 1;
    if (o.kind === 'mnist') {
      const first = o.first ?? 0;
      const count = o.count ?? o.images!.count - first;
      this.image = first + Math.floor(rng.uniform() * count);
      this.label = o.images!.labels[this.image];
    } else if (o.kind === 'noise') this.label = Math.floor(rng.uniform() * N_NOISE_PATTERNS);
    else this.label = Math.floor(rng.uniform() * N_ORIENTATIONS);
    this.x = 1.5 * u();
    this.y = 1.5 * u();
    this.vx = 0.5 * u();
    this.vy = 0.5 * u();
    this.angle = (10 * Math.PI / 180) * u();
    this.spin = (2 * Math.PI / 180) * u();
    this.scale = 1 + 0.08 * u();
    this.grow = 0.01 * u();
    this.phase = 2 * Math.PI * rng.uniform();
  }

  private move(rng: Rng): void {
    const jitter = 0.25;
    this.x += this.vx + jitter * (rng.uniform() * 2 - 1);
    this.y += this.vy + jitter * (rng.uniform() * 2 - 1);
    this.angle += this.spin;
    this.scale = Math.min(1.2, Math.max(0.8, this.scale + this.grow));
    this.phase += 0.6; // grating / bar drift per frame (rad or px)
  }

  private render(): void {
    const F = this.opts.size;
    const out = this.frame;
    const c = (F - 1) / 2;
    const k = this.opts.kind;
    if (k === 'mnist') {
      const set = this.opts.images!;
      const W = set.width;
      const base = this.image * W * set.height;
      const zoom = (W / F) / this.scale; // digit px per frame px
      const cos = det.cos(-this.angle), sin = det.sin(-this.angle);
      const cw = (W - 1) / 2;
      for (let v = 0; v < F; v++) {
        for (let u = 0; u < F; u++) {
          const dx = (u - c - this.x) * zoom, dy = (v - c - this.y) * zoom;
          const sx = cos * dx - sin * dy + cw, sy = sin * dx + cos * dy + cw;
          out[v * F + u] = bilinear(set.pixels, base, W, set.height, sx, sy) / 255;
        }
      }
      return;
    }
    const th = (this.label * Math.PI) / N_ORIENTATIONS;
    const ct = det.cos(th), st = det.sin(th);
    if (k === 'grating') {
      const fs = 0.15;
      for (let v = 0; v < F; v++) for (let u = 0; u < F; u++) out[v * F + u] = 0.5 * (1 + det.cos(2 * Math.PI * fs * (u * ct + v * st) - this.phase));
    } else if (k === 'bar') {
      const width = Math.max(1.5, F / 8);
      const pos = ((this.phase * 1.5) % (F * 1.5)) - F * 0.25; // sweeps across, wrapping
      for (let v = 0; v < F; v++) for (let u = 0; u < F; u++) {
        const d = (u - c) * ct + (v - c) * st + c - pos;
        out[v * F + u] = Math.abs(d) < width / 2 ? 1 : 0;
      }
    } else {
      const p = this.patterns;
      const off = this.label * NOISE_COMPONENTS * 4;
      let lo = Infinity, hi = -Infinity;
      for (let v = 0; v < F; v++) for (let u = 0; u < F; u++) {
        let s = 0;
        const x = u + this.x * 2 + this.phase, y = v + this.y * 2;
        for (let q = 0; q < NOISE_COMPONENTS; q++) {
          const b = off + q * 4;
          s += p[b + 3] * det.cos(2 * Math.PI * (p[b] * x + p[b + 1] * y) + p[b + 2]);
        }
        out[v * F + u] = s;
        if (s < lo) lo = s;
        if (s > hi) hi = s;
      }
      const span = hi - lo || 1;
      for (let q = 0; q < out.length; q++) out[q] = Math.min(1, Math.max(0, (out[q] - lo) / span));
    }
  }
}

/** Bilinear sample of an 8-bit image at (x, y); 0 outside. */
function bilinear(px: Uint8Array, base: number, W: number, H: number, x: number, y: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  return (pixel(px, base, W, H, x0, y0) * (1 - fx) + pixel(px, base, W, H, x0 + 1, y0) * fx) * (1 - fy)
    + (pixel(px, base, W, H, x0, y0 + 1) * (1 - fx) + pixel(px, base, W, H, x0 + 1, y0 + 1) * fx) * fy;
}

function pixel(px: Uint8Array, base: number, W: number, H: number, i: number, j: number): number {
  return i < 0 || j < 0 || i >= W || j >= H ? 0 : px[base + j * W + i];
}
