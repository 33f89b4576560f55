/**
 * Deterministic transcendental functions: the same bits in every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.exp, log, sin, cos, pow, … "implementation-approximated". Node 20 (V8 11)
 * and current Chromium differ in the last bit for some arguments, so a simulation that calls them in
 * its state updates gives a different state digest (fingerprint) in the CLI and in the browser
 * (issue 14). Only + − × ÷ and sqrt are correctly rounded by IEEE-754 and therefore identical
 * everywhere; everything here is built from those, Math.floor / Math.abs (exact) and exact bit
 * manipulation through a Float64Array/Uint32Array view. No Math.* transcendental is called.
 *
 * Method (the classic fdlibm/musl scheme, own code and own coefficients):
 *  - exp(x):  x = k·ln2 + r, |r| ≤ ln2/2, ln2 split into a 32-bit head (k·head exact) and a tail;
 *             e^r = 1 + r + r·c/(2 − c) with c = r − r²·P(r²), where 2 + r²·P(r²) is the Taylor series of
 *             r·coth(r/2) (Bernoulli numbers, terms to r¹⁴, truncation < 1e-19); result scaled by 2^k
 *             built from its bits (two steps in the subnormal range, one rounding).
 *  - log(x):  x = 2^k·m, m ∈ [√½, √2), f = m − 1 (exact), s = f/(2+f), log(1+f) = f − f²/2 + s·(f²/2 + R),
 *             R = Σ 2s²ⁿ/(2n+1) (n ≤ 11, truncation < 1e-18 relative).
 *  - log1p:   the same kernel on f = x when 1+x ∈ [√½, √2), else on 1+x plus the exact rounding error of 1+x.
 *  - expm1:   Taylor to x¹⁵ for |x| ≤ ln2/2; otherwise (2^k − 1) + 2^k·(e^r − 1) summed with an exact two-sum.
 *  - sin/cos: x = n·π/2 + r with π/2 in five 24-bit pieces (exact products for |n| < 2^29, so accurate
 *             for |x| < 8e8; deterministic but less accurate beyond), Taylor kernels on |r| ≤ π/4 with the
 *             low part of r folded in, cos' 1 − r²/2 formed with an exact product and an exact two-sum.
 *  - pow:     exp(y·log x) with log x carried as head + tail (≈ 2^-58 absolute) and y·log x formed exactly.
 *  - tanh:    from expm1; atan: reduction to |t| ≤ tan(π/12) and a Taylor kernel; atan2, hypot from these.
 *
 * Accuracy (tests in detMath.test.ts, 10^6+ random and edge arguments against V8's Math.*): exp, log,
 * log1p, expm1, sin, cos (|x| < 8e8) ≤ 1 ulp of Math.*; pow ≤ 1 ulp for |y·ln x| ≤ 16 and ≤ 4 ulp up to
 * overflow (the error grows like |y·ln x|·2^-58); atan, atan2, hypot ≤ 2 ulp; tanh ≤ 3 ulp. Special values follow IEEE/ECMAScript (exp(0)=1, log(1)=0,
 * log(0)=−∞, exp(−∞)=0, NaN in → NaN out, pow(x, 0)=1, …).
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
/** Index of the word holding sign, exponent and the top 20 mantissa bits (0 on big-endian hosts). */
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number { F64[0] = x; return U32[HI]; }
/** 2^k for −1022 ≤ k ≤ 1023, from its bits. */
function pow2(k: number): number { U32[HI] = (k + 1023) << 20; U32[LO] = 0; return F64[0]; }

const LN2_HI = 0.6931471803691238; // 32 significant bits: k·LN2_HI is exact for |k| < 2^21
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const EXP_OVER = 709.782712893384; // above: +∞
const EXP_UNDER = -745.1332191019412; // below: +0
const SQRT_HALF = 0.7071067811865476;
const SQRT2 = 1.4142135623730951;
const TWO54 = 18014398509481984;

// Taylor coefficients of (r·coth(r/2) − 2)/r² = Σ 2·B₂ₙ r²ⁿ⁻²/(2n)!
const P1 = 1 / 6, P2 = -1 / 360, P3 = 1 / 15120, P4 = -1 / 604800, P5 = 1 / 23950080;
const P6 = -691 / (1365 * 479001600), P7 = 7 / (3 * 87178291200);

/** e^(hi − lo)·2^k with |hi − lo| ≤ ~ln2/2, k the reduction multiple. */
function expKernel(hi: number, lo: number, k: number): number {
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * (P5 + t * (P6 + t * P7))))));
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * pow2(1023) : y * pow2(k);
  return y * pow2(k + 1000) * pow2(-1000);
}

/** Reduce x (finite, inside the exp range) and evaluate e^(x + tail) with |tail| ≪ ulp-scale. */
function expWithTail(x: number, tail: number): number {
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO - tail;
  return expKernel(hi, lo, k);
}

export function exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVER) return Infinity;
  if (x < EXP_UNDER) return 0;
  if (x > -3.725290298461914e-9 && x < 3.725290298461914e-9) return 1 + x; // |x| < 2^-28
  return expWithTail(x, 0);
}

// log kernel: Lk = 2/(2k+1)
const L1 = 2 / 3, L2 = 2 / 5, L3 = 2 / 7, L4 = 2 / 9, L5 = 2 / 11, L6 = 2 / 13;
const L7 = 2 / 15, L8 = 2 / 17, L9 = 2 / 19, L10 = 2 / 21, L11 = 2 / 23;

/** s·(f²/2 + R) part: returns R for z = s². */
function logSeries(z: number): number {
  return z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * (L7 + z * (L8 + z * (L9 + z * (L10 + z * L11))))))))));
}

/** Split positive finite x into k and f = m − 1 with m ∈ [√½, √2); result in SPLIT_K, SPLIT_F. */
let SPLIT_K = 0;
let SPLIT_F = 0;
function split(x: number): void {
  let k = 0;
  if (x < 2.2250738585072014e-308) { x *= TWO54; k = -54; }
  F64[0] = x;
  const hx = U32[HI];
  k += (hx >>> 20) - 1023;
  U32[HI] = (hx & 0x000fffff) | 0x3ff00000; // mantissa in [1, 2)
  let m = F64[0];
  if (m > SQRT2) { m *= 0.5; k += 1; }
  SPLIT_K = k;
  SPLIT_F = m - 1;
}

/** k·ln2 + log(1+f) + c (c a small correction), fdlibm-style summation. */
function logCombine(k: number, f: number, c: number): number {
  const s = f / (2 + f);
  const hfsq = 0.5 * f * f;
  const R = logSeries(s * s);
  return k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f);
}

export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  split(x);
  return logCombine(SPLIT_K, SPLIT_F, 0);
}

export function log1p(x: number): number {
  if (x !== x || x < -1) return NaN;
  if (x === -1) return -Infinity;
  if (x === Infinity) return x;
  if (x > -1.1102230246251565e-16 && x < 1.1102230246251565e-16) return x; // |x| < 2^-53 (keeps −0)
  if (x > SQRT_HALF - 1 && x < SQRT2 - 1) return logCombine(0, x, 0);
  const u = 1 + x;
  // exact rounding error of u = fl(1 + x) (Fast2Sum), relative to u
  let c = 0;
  if (x < 9007199254740992) c = (x >= 1 ? 1 - (u - x) : x - (u - 1)) / u;
  split(u);
  return logCombine(SPLIT_K, SPLIT_F, c);
}

// e^r − 1 − r − r²/2 = r³·Q(r): Taylor 1/n!, n = 3..15
const Q3 = 1 / 6, Q4 = 1 / 24, Q5 = 1 / 120, Q6 = 1 / 720, Q7 = 1 / 5040, Q8 = 1 / 40320, Q9 = 1 / 362880;
const Q10 = 1 / 3628800, Q11 = 1 / 39916800, Q12 = 1 / 479001600, Q13 = 1 / 6227020800;
const Q14 = 1 / 87178291200, Q15 = 1 / 1307674368000;
function cubicTail(r: number): number {
  return Q3 + r * (Q4 + r * (Q5 + r * (Q6 + r * (Q7 + r * (Q8 + r * (Q9 + r * (Q10 + r * (Q11 + r * (Q12 + r * (Q13 + r * (Q14 + r * Q15)))))))))));
}
/** e^r − 1 − r for |r| ≤ ~0.35 (the part added to r). */
function expm1Rest(r: number): number {
  const rr = r * r;
  return 0.5 * rr + rr * r * cubicTail(r);
}

export function expm1(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVER) return Infinity;
  if (x < -40) return -1; // e^x < 2^-57: −1 after rounding
  const ax = x < 0 ? -x : x;
  if (ax < 5.551115123125783e-17) return x; // |x| < 2^-54 (keeps −0)
  if (ax <= 0.34657359027997264) return x + expm1Rest(x);
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const cr = (hi - r) - lo; // r + cr = hi − lo more exactly
  const rest = expm1Rest(r);
  if (k > 56) return expKernel(hi, lo, k) - 1; // the −1 is below half an ulp of e^x … or nearly so
  const tk = pow2(k);
  const a = tk - 1; // exact for −53 ≤ k ≤ 56? (k ≥ −40/ln2 ≈ −58; see below)
  const b = tk * r; // exact
  if (k < -53) return tk * (1 + r + rest) - 1;
  // two-sum a + b
  const s = a + b;
  const bb = s - a;
  const err = (a - (s - bb)) + (b - bb);
  return s + (err + tk * (rest + cr * (1 + r + rest)));
}

// π/2 in five 24-bit pieces
const PIO2_1 = 1.570796251296997, PIO2_2 = 7.549789415861596e-8, PIO2_3 = 5.390302529957765e-15;
const PIO2_4 = 3.282003415807913e-22, PIO2_5 = 1.270655753080676e-29;
const INV_PIO2 = 0.6366197723675814;

let RED_HI = 0;
let RED_LO = 0;
/** x = n·π/2 + (RED_HI + RED_LO), returns n mod 4. */
function reduce(x: number): number {
  if (x > -0.7853981633974483 && x < 0.7853981633974483) { RED_HI = x; RED_LO = 0; return 0; }
  const n = Math.floor(x * INV_PIO2 + 0.5);
  let r = x - n * PIO2_1;
  let w = n * PIO2_2;
  let y = r - w; let lo = (r - y) - w; r = y;
  w = n * PIO2_3; y = r - w; lo += (r - y) - w; r = y;
  w = n * PIO2_4; y = r - w; lo += (r - y) - w; r = y;
  lo -= n * PIO2_5;
  y = r + lo;
  RED_LO = lo - (y - r);
  RED_HI = y;
  const q = n - 4 * Math.floor(n * 0.25);
  return q;
}

// sin r = r + r³·S(r²), S = Σ (−1)ⁿ r²⁽ⁿ⁻¹⁾/(2n+1)!, n = 1..9
const S1 = -1 / 6, S2 = 1 / 120, S3 = -1 / 5040, S4 = 1 / 362880, S5 = -1 / 39916800, S6 = 1 / 6227020800;
const S7 = -1 / 1307674368000, S8 = 1 / 355687428096000, S9 = -1 / 121645100408832000;
function sinKernel(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const poly = S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * (S7 + z * (S8 + z * S9))))));
  return x + (v * (S1 + z * poly) + y * (1 - 0.5 * z));
}

// cos r = 1 − r²/2 + r⁴·C(r²), C = Σ (−1)ⁿ r²⁽ⁿ⁻²⁾/(2n)!, n = 2..9
const C2 = 1 / 24, C3 = -1 / 720, C4 = 1 / 40320, C5 = -1 / 3628800, C6 = 1 / 479001600;
const C7 = -1 / 87178291200, C8 = 1 / 20922789888000, C9 = -1 / 6402373705728000;
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split
function cosKernel(x: number, y: number): number {
  const z = x * x;
  // exact x²/2 = hz + hzLo
  const t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  const hz = 0.5 * z;
  const hzLo = 0.5 * (((xh * xh - z) + 2 * xh * xl) + xl * xl);
  const w = 1 - hz;
  const e = (1 - w) - hz; // exact
  const c = z * z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * C9)))))));
  return w + (e + ((c - hzLo) - x * y));
}

export function sin(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return x;
  const q = reduce(x);
  const h = RED_HI, l = RED_LO;
  switch (q) {
    case 0: return sinKernel(h, l);
    case 1: return cosKernel(h, l);
    case 2: return -sinKernel(h, l);
    default: return -cosKernel(h, l);
  }
}

export function cos(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const q = reduce(x);
  const h = RED_HI, l = RED_LO;
  switch (q) {
    case 0: return cosKernel(h, l);
    case 1: return -sinKernel(h, l);
    case 2: return -cosKernel(h, l);
    default: return sinKernel(h, l);
  }
}

/** log(x) as head + tail for finite x > 0: result in LOG_HI, LOG_LO. */
let LOG_HI = 0;
let LOG_LO = 0;
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
function logDD(x: number): void {
  split(x);
  const k = SPLIT_K, f = SPLIT_F;
  const s = f / (2 + f);
  const ff = f * f;
  const ffLo = twoProdErr(f, f, ff);
  const hfsq = 0.5 * ff;
  const tailC = s * (hfsq + logSeries(s * s));
  // sum: k·LN2_HI + f − hfsq + (tailC + k·LN2_LO − ffLo/2), each step with its rounding error kept
  let a = k * LN2_HI;
  let sum = a + f; let bb = sum - a; let err = (a - (sum - bb)) + (f - bb);
  a = sum; const mh = -hfsq;
  sum = a + mh; bb = sum - a; err += (a - (sum - bb)) + (mh - bb);
  err += tailC + k * LN2_LO - 0.5 * ffLo;
  LOG_HI = sum + err;
  LOG_LO = err - (LOG_HI - sum);
}

function isOddInteger(y: number): boolean {
  if (Math.floor(y) !== y || Math.abs(y) >= 9007199254740992) return false;
  return Math.floor(y * 0.5) * 2 !== y;
}

export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y !== y || x !== x) return NaN;
  if (y === 1) return x;
  const ax = Math.abs(x);
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return NaN;
    return (ax > 1) === (y > 0) ? Infinity : 0;
  }
  if (x === 0 || ax === Infinity) {
    const big = ax === Infinity ? y > 0 : y < 0;
    const mag = big ? Infinity : 0;
    return x < 0 || (x === 0 && 1 / x < 0) ? (isOddInteger(y) ? -mag : mag) : mag;
  }
  if (y === 2) return x * x;
  if (y === 0.5 && x > 0) return Math.sqrt(x);
  if (y === -1) return 1 / x;
  let sign = 1;
  if (x < 0) {
    if (Math.floor(y) !== y) return NaN;
    if (isOddInteger(y)) sign = -1;
  }
  logDD(ax);
  const t = y * LOG_HI;
  if (t > EXP_OVER + 1) return sign * Infinity;
  if (t < EXP_UNDER - 1) return sign * 0;
  const tLo = twoProdErr(y, LOG_HI, t) + y * LOG_LO;
  const h = t + tLo;
  const l = tLo - (h - t);
  if (h > EXP_OVER) return sign * (h - EXP_OVER > 1e-9 ? Infinity : expWithTail(h, l));
  if (h < EXP_UNDER) return sign * 0;
  return sign * expWithTail(h, l);
}

export function tanh(x: number): number {
  if (x !== x) return x;
  const ax = x < 0 ? -x : x;
  if (ax >= 22) return x < 0 ? -1 : 1;
  if (ax < 5.551115123125783e-17) return x;
  let r: number;
  if (ax >= 1) { r = 1 - 2 / (expm1(2 * ax) + 2); }
  else { const t = expm1(-2 * ax); r = -t / (t + 2); }
  return x < 0 ? -r : r;
}

// atan kernel on |t| ≤ tan(π/12): Σ (−1)ⁿ t²ⁿ⁺¹/(2n+1), n ≤ 14
function atanKernel(t: number): number {
  const z = t * t;
  let p = -1 / 29;
  for (let n = 13; n >= 1; n--) p = (n % 2 === 0 ? 1 : -1) / (2 * n + 1) + z * p;
  return t + t * z * p;
}
const TAN_PI12 = 0.2679491924311227, SQRT3 = 1.7320508075688772;
const PI6_HI = 0.5235987755982989, PI6_LO = -5.360408832255455e-17;
const PI2_HI = 1.5707963267948966, PI2_LO = 6.123233995736766e-17;
const PI_HI = 3.141592653589793, PI_LO = 1.2246467991473532e-16;

/** atan for 0 ≤ a ≤ ∞ as value + low correction folded in. */
function atanPos(a: number): number {
  let inv = false;
  if (a > 1) { a = 1 / a; inv = true; }
  let v: number;
  if (a > TAN_PI12) v = PI6_HI + (PI6_LO + atanKernel((a * SQRT3 - 1) / (a + SQRT3)));
  else v = atanKernel(a);
  return inv ? PI2_HI - (v - PI2_LO) : v;
}

export function atan(x: number): number {
  if (x !== x) return x;
  if (x === 0) return x;
  if (x === Infinity) return PI2_HI;
  if (x === -Infinity) return -PI2_HI;
  return x < 0 ? -atanPos(-x) : atanPos(x);
}

export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  const ySign = y < 0 || (y === 0 && 1 / y < 0);
  const xNeg = x < 0 || (x === 0 && 1 / x < 0);
  let a: number;
  if (y === 0) a = xNeg ? PI_HI : 0;
  else if (x === 0) a = PI2_HI;
  else if (x === Infinity || x === -Infinity) {
    if (y === Infinity || y === -Infinity) a = xNeg ? 3 * PI2_HI / 2 : PI2_HI / 2;
    else a = xNeg ? PI_HI : 0;
  } else if (y === Infinity || y === -Infinity) a = PI2_HI;
  else {
    const ay = Math.abs(y), axx = Math.abs(x);
    const base = atanPos(ay / axx);
    a = xNeg ? PI_HI - (base - PI_LO) : base;
  }
  return ySign ? -a : a;
}

/** √(x² + y²) with scaling against overflow/underflow (deterministic; may differ from Math.hypot by 1 ulp). */
export function hypot(x: number, y: number): number {
  let ax = Math.abs(x), ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  if (ax !== ax || ay !== ay) return NaN;
  if (ax < ay) { const t = ax; ax = ay; ay = t; }
  if (ax === 0) return 0;
  if (ax > 1e150 || ax < 1e-150) {
    const e = highWord(ax) >>> 20;
    const sc = pow2(1023 - e > 1023 ? 1023 : 1023 - e < -1022 ? -1022 : 1023 - e);
    const sx = ax * sc, sy = ay * sc;
    return Math.sqrt(sx * sx + sy * sy) / sc;
  }
  return Math.sqrt(ax * ax + ay * ay);
}
