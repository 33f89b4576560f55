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

/** Serialisable generator state (four 32-bit words plus the cached normal deviate). */
export interface RngState {
  s: [number, number, number, number];
  spare: number;
  hasSpare: boolean;
}

const TWO_POW_32 = 4294967296;

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;
  /** Root seed and stream path: what fork() derives child streams from. */
  private readonly key: number;
  readonly path: string;

  constructor(seed: number, path = '') {
    this.key = seed >>> 0;
    this.path = path;
    if (path === '') {
      let x = this.key;
      this.s0 = splitmix32(x); x = (x + 0x9e3779b9) | 0;
      this.s1 = splitmix32(x); x = (x + 0x9e3779b9) | 0;
      this.s2 = splitmix32(x); x = (x + 0x9e3779b9) | 0;
      this.s3 = splitmix32(x);
    } else {
      const h1 = murmur3(path, this.key), h2 = murmur3(path, this.key ^ 0x9e3779b9);
      this.s0 = splitmix32(h1);
      this.s1 = splitmix32((h1 + 0x9e3779b9) | 0);
      this.s2 = splitmix32(h2);
      this.s3 = splitmix32((h2 + 0x9e3779b9) | 0);
    }
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The independent stream of the consumer `name` below this one (see the header). */
  fork(name: string): Rng {
    return new Rng(this.key, this.path === '' ? name : `${this.path}/${name}`);
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 = s2 ^ s0;
    this.s3 = s3 ^ s1;
    this.s1 = s1 ^ this.s2;
    this.s0 = s0 ^ this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r >>> 0;
  }

  /** Uniform deviate in the open interval (0, 1); never 0, so log(u) is finite. */
  uniform(): number {
    return (this.nextU32() + 0.5) / TWO_POW_32;
  }

  /** Integer uniform in [0, n) for n ≤ 2^32 (multiply-shift; bias < n/2^32). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal deviate (Box–Muller; the second value is cached). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
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
    return { s: [this.s0, this.s1, this.s2, this.s3], spare: this.spare, hasSpare: this.hasSpare };
  }

  setState(st: RngState): void {
    [this.s0, this.s1, this.s2, this.s3] = st.s;
    this.spare = st.spare;
    this.hasSpare = st.hasSpare;
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
  for (let i = 0; i < n; i += 2) {
    let k = text.charCodeAt(i) | ((i + 1 < n ? text.charCodeAt(i + 1) : 0) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
