/**
 * Seeded pseudo-random generator: xoshiro128** (Blackman & Vigna 2018), seeded through
 * splitmix32. Pure 32-bit integer arithmetic (Math.imul, shifts), so the stream is
 * bit-identical in every JavaScript engine. Every random draw in the engine comes from an
 * instance of this class passed in explicitly; nothing reads Math.random.
 */

import { ZIG_R, ZIG_RATIO, ZIG_X } from './ziggurat';

/** Serialisable generator state (four 32-bit words). */
export interface RngState {
  s: [number, number, number, number];
}

const TWO_POW_32 = 4294967296;
/** 2·2⁻²⁵: maps the upper 25 bits of a draw to u = 2U − 1 ∈ (−1, 1). */
const TWO_POW_M24 = 1 / 16777216;

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // Kept as signed 32-bit integers (| 0): V8 then stores them untagged instead of as boxed
    // doubles, which makes every draw about four times faster. getState reports them unsigned.
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    return this.next() >>> 0;
  }

  /** Next output as a signed 32-bit integer (the same bits as nextU32; cheaper for bit masks). */
  private next(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 = s2 ^ s0;
    this.s3 = s3 ^ s1;
    this.s1 = s1 ^ this.s2;
    this.s0 = s0 ^ this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform deviate in the open interval (0, 1); never 0, so log(u) is finite. */
  uniform(): number {
    return (this.nextU32() + 0.5) / TWO_POW_32;
  }

  /** Integer uniform in [0, n) for n ≤ 2^32 (multiply-shift; bias < n/2^32). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /**
   * Standard normal deviate by the ziggurat method (core/ziggurat.ts). One 32-bit draw serves the
   * usual case: its low 7 bits pick the layer, the upper 25 bits give u = 2U − 1 ∈ (−1, 1) with U
   * at the centre of one of 2²⁵ cells. Wedges and the tail take further uniforms (full precision).
   */
  normal(): number {
    const b = this.next();
    const i = b & 127;
    const u = ((b >>> 7) + 0.5) * TWO_POW_M24 - 1;
    return Math.abs(u) < ZIG_RATIO[i] ? u * ZIG_X[i] : this.normalOutside(i, u);
  }

  /** The rare case of normal(): u·x_i in a wedge or (i = 0) beyond the base strip; retries as needed. */
  private normalOutside(i: number, u: number): number {
    for (;;) {
      if (i === 0) return this.normalTail(u < 0);
      const x = u * ZIG_X[i];
      const f0 = Math.exp(-0.5 * (ZIG_X[i] * ZIG_X[i] - x * x));
      const f1 = Math.exp(-0.5 * (ZIG_X[i + 1] * ZIG_X[i + 1] - x * x));
      if (f1 + this.uniform() * (f0 - f1) < 1) return x;
      const b = this.next();
      i = b & 127;
      u = ((b >>> 7) + 0.5) * TWO_POW_M24 - 1;
      if (Math.abs(u) < ZIG_RATIO[i]) return u * ZIG_X[i];
    }
  }

  /** A normal deviate beyond ±r (Marsaglia 1964): exact for the tail of the ziggurat's base layer. */
  private normalTail(negative: boolean): number {
    let x: number, y: number;
    do {
      x = Math.log(this.uniform()) / ZIG_R;
      y = Math.log(this.uniform());
    } while (-2 * y < x * x);
    return negative ? x - ZIG_R : ZIG_R - x;
  }

  /** Poisson-distributed count with mean lambda (inversion; fine for lambda ≲ 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) {
      // Normal approximation with continuity correction for large means.
      const k = Math.round(lambda + Math.sqrt(lambda) * this.normal());
      return k < 0 ? 0 : k;
    }
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = this.uniform();
    let k = 0;
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  getState(): RngState {
    return { s: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0] };
  }

  setState(st: RngState): void {
    this.s0 = st.s[0] | 0;
    this.s1 = st.s[1] | 0;
    this.s2 = st.s[2] | 0;
    this.s3 = st.s[3] | 0;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
