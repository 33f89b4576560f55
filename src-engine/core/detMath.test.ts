import { describe, expect, it } from 'vitest';
import * as det from './detMath';

// Distance in units in the last place between two doubles (0 for identical values or two NaNs).
const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);
function ordinal(x: number): bigint { F[0] = x; const v = B[0]; return v < 0n ? -(v & 0x7fffffffffffffffn) : v; }
function ulps(a: number, b: number): number {
  if (a !== a && b !== b) return 0;
  if (a === b) return 0;
  return Math.abs(Number(ordinal(a) - ordinal(b)));
}

// A fixed-seed generator local to the test (xorshift-style, 53-bit uniforms).
function uniforms(seed: number): () => number {
  let a = seed >>> 0, b = 0x9e3779b9;
  const next = () => { a ^= a << 13; a ^= a >>> 17; a ^= a << 5; b = (b + 0x6d2b79f5) >>> 0; return (a ^ b) >>> 0; };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}
const u = uniforms(20261129);
const uniformIn = (lo: number, hi: number) => () => lo + (hi - lo) * u();
const logUniform = (e0: number, e1: number, signed = true) => () => 2 ** (e0 + (e1 - e0) * u()) * (signed && u() < 0.5 ? -1 : 1);
const nearLn2Multiples = () => { const k = Math.floor(-1070 + 2090 * u()); return k * Math.LN2 + (u() - 0.5) * 1e-12 * (1 + Math.abs(k)); };
const nearPiHalfMultiples = () => { const k = Math.floor(-2e5 + 4e5 * u()); return (k * Math.PI) / 2 + (u() - 0.5) * 1e-9; };

const EDGES = [0, -0, 1, -1, 0.5, 2, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, 1e-310, Number.MAX_VALUE,
  -Number.MAX_VALUE, Infinity, -Infinity, NaN, Math.LN2, -Math.LN2, Math.LN2 / 2, 709.78, 709.7827128933841, -745.13, -745.14,
  1e-20, -1e-20, 3.7e-9, Math.PI, Math.PI / 2, Math.PI / 4, 1e300, -1e300];

type Gen = () => number;
function maxUlp(f: (x: number) => number, g: (x: number) => number, gens: Gen[], n: number, useEdge: (x: number) => boolean): { max: number; at: number } {
  let max = 0, at = 0;
  const check = (x: number) => { const d = ulps(f(x), g(x)); if (d > max) { max = d; at = x; } };
  for (const x of EDGES) if (useEdge(x)) check(x);
  for (const gen of gens) for (let i = 0; i < n; i++) check(gen());
  return { max, at };
}

const N = 60000; // per generator; 2 to 4 generators per function, ≥ 10^6 arguments over the file
const cases: [string, (x: number) => number, (x: number) => number, Gen[], number][] = [
  ['exp', det.exp, Math.exp, [uniformIn(-745.2, 709.8), uniformIn(-1, 1), logUniform(-60, 0), nearLn2Multiples], 1],
  ['log', det.log, Math.log, [logUniform(-1074, 1024, false), uniformIn(0.5, 2), () => 1 + (u() - 0.5) * 1e-6, uniformIn(0, 1e-307)], 1],
  ['log1p', det.log1p, Math.log1p, [uniformIn(-1, 10), logUniform(-60, 0), logUniform(0, 1000, false), uniformIn(-0.3, 0.42)], 1],
  ['expm1', det.expm1, Math.expm1, [uniformIn(-50, 709.7), uniformIn(-3, 3), logUniform(-60, 0), nearLn2Multiples], 1],
  ['sin', det.sin, Math.sin, [uniformIn(-100, 100), uniformIn(-1e6, 1e6), logUniform(-60, 0), nearPiHalfMultiples], 1],
  ['cos', det.cos, Math.cos, [uniformIn(-100, 100), uniformIn(-1e6, 1e6), logUniform(-60, 0), nearPiHalfMultiples], 1],
  ['tanh', det.tanh, Math.tanh, [uniformIn(-25, 25), logUniform(-60, 2)], 4],
  ['atan', det.atan, Math.atan, [logUniform(-40, 40), uniformIn(-3, 3)], 2],
  ['pow(x, 0.7)', (x) => det.pow(x, 0.7), (x) => Math.pow(x, 0.7), [uniformIn(0, 1), logUniform(-100, 100, false)], 1],
  ['pow(1.7, y), |y ln x| ≤ 16', (y) => det.pow(1.7, y), (y) => Math.pow(1.7, y), [uniformIn(-30, 30)], 1],
  ['pow(1.7, y) up to overflow', (y) => det.pow(1.7, y), (y) => Math.pow(1.7, y), [uniformIn(-1400, 1337)], 4],
  ['pow(x, 3.3)', (x) => det.pow(x, 3.3), (x) => Math.pow(x, 3.3), [uniformIn(0, 50)], 1],
];

describe('detMath against the host Math.* (max ulp)', () => {
  for (const [name, f, g, gens, bound] of cases) {
    it(`${name} is within ${bound} ulp`, () => {
      // sin/cos are checked for |x| < 8e8 (see detMath.ts); pow(1.7, y) with |y ln x| ≤ 16 only on its own range
      const useEdge = name === 'sin' || name === 'cos' ? (x: number) => Math.abs(x) < 1e8 || !Number.isFinite(x)
        : name.includes('≤ 16') ? (x: number) => Math.abs(x) <= 30 || !Number.isFinite(x) : () => true;
      const { max, at } = maxUlp(f, g, gens, N, useEdge);
      console.log(`${name}: max ${max} ulp (at ${at})`);
      expect(max, `at ${at}`).toBeLessThanOrEqual(bound);
    });
  }
  it('atan2 and hypot are within 2 ulp over all quadrants', () => {
    let a = 0, h = 0;
    for (let i = 0; i < N; i++) {
      const y = (u() - 0.5) * 10 ** (8 * u() - 4), x = (u() - 0.5) * 10 ** (8 * u() - 4);
      a = Math.max(a, ulps(det.atan2(y, x), Math.atan2(y, x)));
      h = Math.max(h, ulps(det.hypot(x, y), Math.hypot(x, y)));
    }
    console.log(`atan2: max ${a} ulp, hypot: max ${h} ulp`);
    expect(a).toBeLessThanOrEqual(2);
    expect(h).toBeLessThanOrEqual(2);
  });
});

describe('detMath special values are exact', () => {
  it('exp, log, expm1, log1p', () => {
    expect(det.exp(0)).toBe(1); expect(det.exp(-0)).toBe(1); expect(det.exp(-Infinity)).toBe(0);
    expect(det.exp(Infinity)).toBe(Infinity); expect(det.exp(NaN)).toBeNaN(); expect(det.exp(710)).toBe(Infinity);
    expect(det.exp(-746)).toBe(0); expect(ulps(det.exp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(det.log(1)).toBe(0); expect(det.log(0)).toBe(-Infinity); expect(det.log(-0)).toBe(-Infinity);
    expect(det.log(-1)).toBeNaN(); expect(det.log(Infinity)).toBe(Infinity); expect(det.log(Math.E)).toBe(1);
    expect(det.log(2)).toBe(Math.LN2); expect(det.log(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE));
    expect(Object.is(det.expm1(-0), -0)).toBe(true); expect(det.expm1(-Infinity)).toBe(-1); expect(det.expm1(Infinity)).toBe(Infinity);
    expect(Object.is(det.log1p(-0), -0)).toBe(true); expect(det.log1p(-1)).toBe(-Infinity); expect(det.log1p(-2)).toBeNaN();
  });
  it('sin, cos, tanh, atan, atan2', () => {
    expect(Object.is(det.sin(-0), -0)).toBe(true); expect(det.sin(0)).toBe(0); expect(det.cos(0)).toBe(1);
    expect(det.sin(Infinity)).toBeNaN(); expect(det.cos(-Infinity)).toBeNaN(); expect(det.cos(NaN)).toBeNaN();
    expect(det.tanh(Infinity)).toBe(1); expect(det.tanh(-Infinity)).toBe(-1); expect(Object.is(det.tanh(-0), -0)).toBe(true);
    expect(det.atan(Infinity)).toBe(Math.PI / 2); expect(det.atan2(0, -1)).toBe(Math.PI); expect(Object.is(det.atan2(-0, 1), -0)).toBe(true);
    expect(det.atan2(1, 0)).toBe(Math.PI / 2); expect(det.atan2(-1, -Infinity)).toBe(-Math.PI);
  });
  it('pow follows the ECMAScript special cases', () => {
    const xs = [0, -0, 1, -1, 2, -2, 0.5, -0.5, Infinity, -Infinity, NaN];
    const ys = [0, -0, 1, -1, 2, 3, -3, 0.5, -0.5, 2.5, Infinity, -Infinity, NaN];
    for (const x of xs) for (const y of ys) expect(det.pow(x, y), `pow(${x}, ${y})`).toStrictEqual(Math.pow(x, y));
    expect(det.pow(2, 10)).toBe(1024); expect(det.pow(2, -1074)).toBe(Number.MIN_VALUE); expect(det.pow(10, 308)).toBeLessThan(Infinity);
  });
});

describe('detMath is pure arithmetic', () => {
  it('calls no Math.* transcendental (only floor, abs, sqrt)', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('./detMath.ts', import.meta.url), 'utf8').replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const used = new Set([...src.matchAll(/Math\.(\w+)/g)].map((m) => m[1]));
    expect([...used].sort()).toStrictEqual(['abs', 'floor', 'sqrt']);
  });
});
