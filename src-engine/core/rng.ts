/**
 * Seeded pseudo-random generator: xoshiro128** (Blackman & Vigna 2018), seeded through
 * splitmix32. Pure 32-bit integer arithmetic (Math.imul, shifts), so the stream is
 * bit-identical in every JavaScript engine. Every random draw in the engine comes from an
 * instance of this class passed in explicitly; nothing reads Math.random.
 *
 * Independent streams (the splitter). `fork(name)` returns the stream of the named consumer:
 * a generator whose 128-bit state is derived only from (root seed, path), never from how many
 * numbers anyone has drawn. With path = parent path + '/' + name and key = the root seed,
 *
 *   h1 = murmur3_32(path, key),  h2 = murmur3_32(path, key ^ 0x9e3779b9)
 *   (s0, s1) = splitmix32 outputs 1–2 started at h1,  (s2, s3) = splitmix32 outputs 1–2 started at h2
 *
 * so every input group, noisy neuron group, connectivity draw or stochastic rule draws from its
 * own stream: adding, removing or reordering a consumer leaves every other stream unchanged.
 * The root generator (`new Rng(seed)`) keeps the plain splitmix32 seeding of its seed.
 */

import { fmix, mixWord } from './stateDigest';
import { ZIG_R, ZIG_RATIO, ZIG_X } from './ziggurat';
import * as det from './detMath';

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
  /** Root seed and stream path: what fork() derives child streams from. */
  private readonly key: number;
  readonly path: string;

  constructor(seed: number, path = '') {
    this.key = seed >>> 0;
    this.path = path;
    // The words are kept as signed 32-bit integers (| 0): V8 then stores them untagged instead of
    // as boxed doubles, which makes every draw about four times faster. getState reports them unsigned.
    if (path === '') {
      let x = this.key;
      this.s0 = splitmix32(x) | 0; x = (x + 0x9e3779b9) | 0;
      this.s1 = splitmix32(x) | 0; x = (x + 0x9e3779b9) | 0;
      this.s2 = splitmix32(x) | 0; x = (x + 0x9e3779b9) | 0;
      this.s3 = splitmix32(x) | 0;
    } else {
      const h1 = murmur3(path, this.key), h2 = murmur3(path, this.key ^ 0x9e3779b9);
      this.s0 = splitmix32(h1) | 0;
      this.s1 = splitmix32((h1 + 0x9e3779b9) | 0) | 0;
      this.s2 = splitmix32(h2) | 0;
      this.s3 = splitmix32((h2 + 0x9e3779b9) | 0) | 0;
    }
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The independent stream of the consumer `name` below this one (see the header). */
  fork(name: string): Rng {
    return new Rng(this.key, this.path === '' ? name : `${this.path}/${name}`);
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
      const f0 = det.exp(-0.5 * (ZIG_X[i] * ZIG_X[i] - x * x));
      const f1 = det.exp(-0.5 * (ZIG_X[i + 1] * ZIG_X[i + 1] - x * x));
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
      x = det.log(this.uniform()) / ZIG_R;
      y = det.log(this.uniform());
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
    let p = det.exp(-lambda);
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

/** One splitmix32 output for the state x (the state advanced by the golden-ratio increment). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** murmur3_32 of a string's UTF-16 code units (two per 32-bit block) with the given seed. */
function murmur3(text: string, seed: number): number {
  let h = seed | 0;
  const n = text.length;
  for (let i = 0; i < n; i += 2) h = mixWord(h, text.charCodeAt(i) | ((i + 1 < n ? text.charCodeAt(i + 1) : 0) << 16));
  return fmix(h ^ n);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
