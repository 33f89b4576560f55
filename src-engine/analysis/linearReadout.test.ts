import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { leastSquaresAccuracy, ridgeR2, solveSpd } from './linearReadout';

describe('linear readout', () => {
  it('solveSpd solves a symmetric positive-definite system', () => {
    const A = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const x = [1, -2, 3];
    const b = Float64Array.from([0, 1, 2].map((i) => A[i * 3] * x[0] + A[i * 3 + 1] * x[1] + A[i * 3 + 2] * x[2]));
    const sol = solveSpd(A, b, 3, 1);
    for (let i = 0; i < 3; i++) expect(sol[i]).toBeCloseTo(x[i], 12);
  });

  it('classifies linearly separable classes on held-out samples, and is at chance on label noise', () => {
    const rng = new Rng(5);
    const E = 600, M = 8, C = 4;
    const Z = new Float64Array(E * M), labels = new Int32Array(E), train = new Uint8Array(E), shuffled = new Int32Array(E);
    for (let e = 0; e < E; e++) {
      labels[e] = e % C;
      train[e] = e < E / 2 ? 1 : 0;
      for (let i = 0; i < M; i++) Z[e * M + i] = 0.3 * rng.normal() + (i === labels[e] ? 2 : 0);
      shuffled[e] = Math.floor(rng.uniform() * C);
    }
    expect(leastSquaresAccuracy(Z, E, M, labels, train, C)).toBeGreaterThan(0.98);
    expect(Math.abs(leastSquaresAccuracy(Z, E, M, shuffled, train, C) - 1 / C)).toBeLessThan(0.1);
  });

  it('ridge R² is near 1 for a linear target and near or below 0 for an unrelated one', () => {
    const rng = new Rng(6);
    const E = 400, M = 5;
    const Z = new Float64Array(E * M), y = new Float64Array(E), noise = new Float64Array(E), train = new Uint8Array(E);
    for (let e = 0; e < E; e++) {
      for (let i = 0; i < M; i++) Z[e * M + i] = rng.normal();
      y[e] = 2 * Z[e * M] - Z[e * M + 3] + 0.1 * rng.normal();
      noise[e] = rng.normal();
      train[e] = e % 2;
    }
    expect(ridgeR2(Z, E, M, y, train)).toBeGreaterThan(0.99);
    expect(ridgeR2(Z, E, M, noise, train)).toBeLessThan(0.05);
  });
});
